//! Glance's interoperable import: `GET /v2/info/import` and `POST /v2/images/{id}/import`.
//!
//! The request is checked as Glance 33 checks it (`images.py`
//! `import_image`): the method must be enabled in the region, the project
//! within its `image_size_total`, the image visible, in the status the
//! method needs, with both formats set, and the caller its owner (or the
//! admin). `glance-download` is served: the image goes `importing`,
//! locked by its task (`os_glance_import_task`), and the task copies the
//! source region's image over HTTP (`copy.rs`); `GET
//! /v2/images/{id}/tasks` lists the image's tasks.
//! `copy-image` meets Glance's answer for a single-store cloud (the data
//! is already in `local`); `glance-direct` needs a staged image, which the
//! fake never has; `web-download` is refused with a 501.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Map, Value, json};

use crate::body;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{ApiError, Kind, RegionStore, Reply, Req, Resource, owned_or_admin};

use super::copy::{self, FAILED, IMPORTING, LOCK, Order, STORE};
use super::images::{lookup, set_properties};
use super::usage;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route("/image/v2/info/import", get(info))
        .route("/image/v2/images/{id}/import", post(import))
        .route("/image/v2/images/{id}/tasks", get(tasks))
}

/// The image's tasks, newest first (Images API 2.12).
async fn tasks(Req { ctx, caller, .. }: Req, Path(id): Path<String>) -> Reply {
    ctx.world.store.at(ctx.key(), |s| lookup(s, &caller, &id))?;
    let tasks = ctx.world.glance.tasks(ctx.key(), &id);
    Ok(body::json(StatusCode::OK, &json!({"tasks": tasks})))
}

/// The region's enabled methods, as Glance's `enabled_import_methods`.
async fn info(State(ctx): State<Ctx>) -> Response {
    let methods = ctx.world.glance.methods(ctx.key());
    let out = json!({"import-methods": {
        "description": "Import methods available.", "type": "array", "value": methods,
    }});
    body::json(StatusCode::OK, &out)
}

/// 202 with an empty body once the import is under way.
async fn import(Req { ctx, caller, .. }: Req, Path(id): Path<String>, raw: Bytes) -> Reply {
    let method = method(&ctx, &raw)?;
    let project = caller.project_id.as_deref().unwrap_or_default();
    let order = ctx.world.store.at(ctx.key(), |s| {
        usage::enforce(&ctx, s, project, "image_size_total", 0)?;
        let image = lookup(s, &caller, &id)?;
        admissible(&caller, &image, &method)?;
        let mut order = served(&ctx, &caller, &id, &method)?;
        order.task = ctx.world.glance.start_task(ctx.key(), &id, project);
        start(s, &id, &order.task);
        Ok::<_, ApiError>(order)
    })?;
    copy::spawn(ctx.world.clone(), order);
    let mut resp = Response::new(Body::empty());
    *resp.status_mut() = StatusCode::ACCEPTED;
    Ok(resp)
}

/// The body's `method`, checked as Glance's deserializer does: a name
/// this region enables.
fn method(ctx: &Ctx, raw: &[u8]) -> Result<Map<String, Value>, ApiError> {
    let request: Value = serde_json::from_slice(raw)
        .map_err(|_| ApiError::bad_request("Malformed JSON in request body."))?;
    let Some(method) = request.get("method").and_then(Value::as_object) else {
        return Err(ApiError::bad_request(
            "Import request requires a 'method' field.",
        ));
    };
    let Some(name) = method.get("name").and_then(Value::as_str) else {
        return Err(ApiError::bad_request(
            "Import request requires a 'name' field.",
        ));
    };
    if !ctx
        .world
        .glance
        .methods(ctx.key())
        .iter()
        .any(|m| m == name)
    {
        return Err(ApiError::bad_request(format!(
            "Unknown import method name '{name}'."
        )));
    }
    Ok(method.clone())
}

/// Glance's checks on the target, in its order: the status the method
/// needs, both formats set, the method's own fields, then the policy
/// (`copy_image` is the admin's; the rest need the owner).
fn admissible(
    caller: &Caller,
    image: &Resource,
    method: &Map<String, Value>,
) -> Result<(), ApiError> {
    let name = method["name"].as_str().unwrap_or_default();
    let status = image.field("status");
    let conflict = |why: String| Err(ApiError::conflict(why));
    if status == "active" && name != "copy-image" {
        return conflict("Image with status active cannot be target for import".into());
    }
    if status != "active" && name == "copy-image" {
        return conflict("Only images with status active can be targeted for copying".into());
    }
    if status != "queued" && matches!(name, "web-download" | "glance-download") {
        return conflict(format!(
            "Image needs to be in 'queued' state to use '{name}' method"
        ));
    }
    if status != "uploading" && name == "glance-direct" {
        return conflict(
            "Image needs to be staged before 'glance-direct' method can be used".into(),
        );
    }
    for format in ["container_format", "disk_format"] {
        if image.field(format).is_empty() {
            return conflict(format!("'{format}' needs to be set before import"));
        }
    }
    if name == "glance-download" {
        remote_fields(method)?;
    }
    let (action, allowed) = match name {
        "copy-image" => ("copy_image", caller.is_admin()),
        _ => ("modify_image", owned_or_admin(caller, image)),
    };
    if !allowed {
        return Err(ApiError::forbidden(format!(
            "You are not authorized to complete {action} action."
        )));
    }
    Ok(())
}

/// `glance_region` and `glance_image_id` (a UUID) must be given.
fn remote_fields(method: &Map<String, Value>) -> Result<(), ApiError> {
    for field in ["glance_region", "glance_image_id"] {
        if !method.contains_key(field) {
            return Err(ApiError::bad_request(format!(
                "'{field}' needs to be set for glance-download import method"
            )));
        }
    }
    let id = method["glance_image_id"].as_str().unwrap_or_default();
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(ApiError::bad_request(format!(
            "Remote image id does not look like a UUID: {}",
            body::py_str(&method["glance_image_id"])
        )));
    }
    Ok(())
}

/// The copy a `glance-download` asks for; the other methods end here with
/// what Glance answers them in the fake's situation.
fn served(
    ctx: &Ctx,
    caller: &Caller,
    id: &str,
    method: &Map<String, Value>,
) -> Result<Order, ApiError> {
    let text = |key: &str| method.get(key).map(body::py_str);
    match method["name"].as_str().unwrap_or_default() {
        "glance-download" => Ok(Order {
            region: ctx.key().to_owned(),
            image: id.to_owned(),
            source_region: text("glance_region").unwrap_or_default(),
            source_image: text("glance_image_id").unwrap_or_default(),
            interface: text("glance_service_interface").unwrap_or_else(|| "public".into()),
            token: caller.token.clone(),
            task: String::new(),
        }),
        "copy-image" => Err(ApiError::bad_request(format!(
            "Image is already present at store '{STORE}'"
        ))),
        other => Err(ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            format!("fakestack does not serve the {other} import method"),
        )),
    }
}

/// `importing` into `local`, locked by its task, no failure on record
/// (Glance clears the stores it retries from `os_glance_failed_import`).
fn start(s: &mut RegionStore, id: &str, task: &str) {
    if let Some(r) = s.get_mut(Kind::Image, id) {
        r.body["status"] = json!("importing");
        set_properties(r, &[(LOCK, task), (IMPORTING, STORE), (FAILED, "")]);
        r.touch();
    }
}
