//! The resource part of the control API: `/resources`, `/projects`, `/image_data`.
//!
//! - `GET /kinds`: every kind as declared (service, path, envelopes, key, paging)
//! - `GET /resources?region=R&kind=K[&id=I]`: the stored resources (or one)
//! - `POST /resources` `{"region", "kind", "project", "body"}`: seed one (201)
//! - `DELETE /resources?region=R&kind=K&id=I`: remove one (204, 404)
//! - `POST /projects` `{"cloud", "name"}`: add a Keystone project (201 `{"id"}`)
//! - `GET|PUT /image_data?region=R&id=I`: an image's bytes (`PUT` as a finished upload)

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::control::Refused;
use crate::server::Ctx;
use crate::state::rfc3339;

use super::{Kind, Resource};

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route("/kinds", get(kinds))
        .route("/resources", get(list).post(create).delete(remove))
        .route("/projects", post(add_project))
        .route(
            "/image_data",
            get(get_data)
                .put(put_data)
                .layer(DefaultBodyLimit::disable()),
        )
}

fn error(status: StatusCode, message: String) -> Response {
    Refused(status, message).into_response()
}

/// A resource as the control API shows it.
pub(crate) fn resource_json(r: &Resource) -> Value {
    json!({
        "kind": r.kind, "id": r.id, "project_id": r.project_id, "user_id": r.user_id,
        "created_at": rfc3339(r.created_at), "updated_at": rfc3339(r.updated_at),
        "body": r.body,
    })
}

async fn kinds() -> Response {
    let kinds: Vec<Value> = Kind::ALL
        .iter()
        .map(|k| {
            let d = k.decl();
            json!({
                "kind": k, "service": d.service.prefix().trim_start_matches('/'),
                "path": d.path, "singular": d.singular, "plural": d.plural,
                "key": d.key, "paging": d.paging,
            })
        })
        .collect();
    Json(kinds).into_response()
}

/// The region and kind of a query, or why not.
fn target(q: &HashMap<String, String>) -> Result<(String, Kind), String> {
    let region = q.get("region").cloned().ok_or("region is required")?;
    let kind = q.get("kind").and_then(|k| Kind::parse(k)).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        format!("kind must be one of {}", names.join(", "))
    })?;
    Ok((region, kind))
}

async fn list(State(ctx): State<Ctx>, Query(q): Query<HashMap<String, String>>) -> Response {
    let (region, kind) = match target(&q) {
        Ok(t) => t,
        Err(e) => return error(StatusCode::BAD_REQUEST, e),
    };
    let found = ctx.world.store.with(&region, |s| match q.get("id") {
        Some(id) => s.get(kind, id).map(resource_json),
        None => Some(Value::Array(
            s.all(kind).iter().map(resource_json).collect(),
        )),
    });
    match found {
        None => error(StatusCode::BAD_REQUEST, format!("no region {region}")),
        Some(None) => error(
            StatusCode::NOT_FOUND,
            format!("no {} {}", kind.name(), q["id"]),
        ),
        Some(Some(v)) => Json(v).into_response(),
    }
}

#[derive(Deserialize)]
struct SeedBody {
    region: String,
    kind: String,
    project: String,
    body: Value,
}

async fn create(State(ctx): State<Ctx>, Json(b): Json<SeedBody>) -> Response {
    let Some(kind) = Kind::parse(&b.kind) else {
        return error(StatusCode::BAD_REQUEST, format!("no kind {}", b.kind));
    };
    match super::api::seed(&ctx.world, &b.region, kind, &b.project, &b.body) {
        Ok(r) => (StatusCode::CREATED, Json(resource_json(&r))).into_response(),
        Err(e) => error(StatusCode::BAD_REQUEST, e),
    }
}

async fn remove(State(ctx): State<Ctx>, Query(q): Query<HashMap<String, String>>) -> Response {
    let (region, kind) = match target(&q) {
        Ok(t) => t,
        Err(e) => return error(StatusCode::BAD_REQUEST, e),
    };
    let Some(id) = q.get("id") else {
        return error(StatusCode::BAD_REQUEST, "id is required".into());
    };
    match ctx
        .world
        .store
        .with(&region, |s| s.remove(kind, id).is_some())
    {
        None => error(StatusCode::BAD_REQUEST, format!("no region {region}")),
        Some(false) => error(StatusCode::NOT_FOUND, format!("no {} {id}", kind.name())),
        Some(true) => StatusCode::NO_CONTENT.into_response(),
    }
}

#[derive(Deserialize)]
struct ProjectBody {
    cloud: String,
    name: String,
}

async fn add_project(State(ctx): State<Ctx>, Json(b): Json<ProjectBody>) -> Response {
    let Some(realm) = ctx.world.realm(&b.cloud) else {
        return error(StatusCode::BAD_REQUEST, format!("no cloud {}", b.cloud));
    };
    match realm.add_project(&b.name, "") {
        Ok(id) => (StatusCode::CREATED, Json(json!({"id": id}))).into_response(),
        Err(e) => error(StatusCode::CONFLICT, e),
    }
}

async fn get_data(State(ctx): State<Ctx>, Query(q): Query<HashMap<String, String>>) -> Response {
    let (Some(region), Some(id)) = (q.get("region"), q.get("id")) else {
        return error(StatusCode::BAD_REQUEST, "region and id are required".into());
    };
    match ctx.world.store.with(region, |s| s.blobs.get(id).cloned()) {
        None => error(StatusCode::BAD_REQUEST, format!("no region {region}")),
        Some(None) => error(StatusCode::NOT_FOUND, format!("image {id} has no data")),
        Some(Some(data)) => {
            let mut resp = Response::new(axum::body::Body::from(data));
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            );
            resp
        }
    }
}

async fn put_data(
    State(ctx): State<Ctx>,
    Query(q): Query<HashMap<String, String>>,
    data: Bytes,
) -> Response {
    let (Some(region), Some(id)) = (q.get("region"), q.get("id")) else {
        return error(StatusCode::BAD_REQUEST, "region and id are required".into());
    };
    match ctx
        .world
        .store
        .with(region, |s| crate::glance::data::put(s, id, data.to_vec()))
    {
        None => error(StatusCode::BAD_REQUEST, format!("no region {region}")),
        Some(Err(e)) => error(StatusCode::NOT_FOUND, e.message),
        Some(Ok(())) => StatusCode::NO_CONTENT.into_response(),
    }
}
