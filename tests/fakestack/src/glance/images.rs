//! Glance `images`: create (queued), list (Glance's `next`/`first` paging), show, JSON-patch update, delete.

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::patch;
use serde_json::{Map, Value, json};

use crate::body::{self, py_repr};
use crate::collection::{Ask, Collection};
use crate::region::Service;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{
    ApiError, Call, Decl, Kind, Paging, RegionStore, Req, Resource, Stamps, owned_or_admin, uuid,
};

use super::Reply;

pub(crate) static DECL: Decl = Decl {
    kind: Kind::Image,
    service: Service::Image,
    path: "/image/v2/images",
    singular: "image",
    plural: "images",
    key: "id",
    paging: Paging::Glance,
    stamps: Stamps::Zulu,
    create,
    visible,
};

/// Bodies without envelope; the create answer says where the image is
/// and how data may come. PATCH is its own route (a JSON patch).
pub(crate) static COLLECTION: Collection = Collection::new(
    &DECL,
    |id| format!("No image found with ID {id}"),
    select,
    |_, _, r| r.body.clone(),
    |_, raw| {
        let request: Value = serde_json::from_slice(raw)
            .map_err(|_| ApiError::bad_request("Malformed JSON in request body."))?;
        Ok((vec![request], false))
    },
)
.bare()
.bad_marker(|c, m| ApiError::bad_request((c.missing)(m)))
.admit(count_quota)
.answered(located)
.deleted(delete);

/// The attributes Glance lists after the custom properties, in its order.
const CORE: [&str; 23] = [
    "name",
    "disk_format",
    "container_format",
    "visibility",
    "size",
    "virtual_size",
    "status",
    "checksum",
    "protected",
    "min_ram",
    "min_disk",
    "owner",
    "os_hidden",
    "os_hash_algo",
    "os_hash_value",
    "id",
    "created_at",
    "updated_at",
    "tags",
    "self",
    "file",
    "schema",
    "stores",
];

const READ_ONLY: [&str; 13] = [
    "created_at",
    "updated_at",
    "status",
    "checksum",
    "size",
    "virtual_size",
    "direct_url",
    "self",
    "file",
    "schema",
    "id",
    "os_hash_algo",
    "os_hash_value",
];

const RESERVED: [&str; 3] = ["location", "deleted", "deleted_at"];

const DISK_FORMATS: [&str; 11] = [
    "ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop",
];
const CONTAINER_FORMATS: [&str; 8] = [
    "ami",
    "ari",
    "aki",
    "bare",
    "ovf",
    "ova",
    "docker",
    "compressed",
];
const VISIBILITIES: [&str; 4] = ["public", "private", "shared", "community"];

pub(crate) fn routes() -> axum::Router<Ctx> {
    axum::Router::new().route("/image/v2/images/{id}", patch(update))
}

/// The owner's images, public and community ones; the admin's all.
pub(crate) fn visible(caller: &Caller, r: &Resource) -> bool {
    caller.is_admin()
        || r.owned_by(caller.project_id.as_deref())
        || matches!(r.field("visibility"), "public" | "community")
}

pub(crate) fn not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("No image found with ID {id}"))
}

/// Custom properties first, then the core attributes in Glance's order.
pub(crate) fn compose(props: &Map<String, Value>, core: &Map<String, Value>) -> Value {
    let mut out = props.clone();
    for key in CORE {
        if let Some(v) = core.get(key) {
            out.insert(key.to_owned(), v.clone());
        }
    }
    Value::Object(out)
}

/// Sets custom properties (Glance's `os_glance_*` bookkeeping among them),
/// kept before the core attributes as Glance lists them.
pub(crate) fn set_properties(r: &mut Resource, values: &[(&str, &str)]) {
    let (mut props, core) = split(&r.body);
    for (key, value) in values {
        props.insert((*key).to_owned(), json!(value));
    }
    r.body = compose(&props, &core);
}

/// (custom properties, core attributes) of an image body.
pub(crate) fn split(body: &Value) -> (Map<String, Value>, Map<String, Value>) {
    let mut props = Map::new();
    let mut core = Map::new();
    for (k, v) in body.as_object().into_iter().flatten() {
        if CORE.contains(&k.as_str()) {
            core.insert(k.clone(), v.clone());
        } else {
            props.insert(k.clone(), v.clone());
        }
    }
    (props, core)
}

fn forbidden(message: String) -> ApiError {
    ApiError::forbidden(message)
}

/// A value for a settable attribute, checked as Glance's image schema does.
fn checked(key: &str, value: &Value, caller: &Caller) -> Result<Value, ApiError> {
    let bad = |why: String| {
        ApiError::bad_request(format!(
            "Provided object does not match schema 'image': {why}"
        ))
    };
    let one_of = |valid: &[&str]| match value.as_str() {
        Some(v) if valid.contains(&v) => Ok(value.clone()),
        _ => Err(bad(format!("{} is not one of {:?}", py_repr(value), valid))),
    };
    match key {
        "name" | "owner" => match value {
            Value::Null | Value::String(_) => Ok(value.clone()),
            _ => Err(bad(format!(
                "{} is not of type 'null', 'string'",
                py_repr(value)
            ))),
        },
        "disk_format" => one_of(&DISK_FORMATS),
        "container_format" => one_of(&CONTAINER_FORMATS),
        "visibility" => {
            one_of(&VISIBILITIES)?;
            if value == "public" && !caller.is_admin() {
                return Err(forbidden(
                    "You are not authorized to complete publicize_image action.".into(),
                ));
            }
            Ok(value.clone())
        }
        "min_ram" | "min_disk" => match value.as_i64() {
            Some(n) if n >= 0 => Ok(value.clone()),
            _ => Err(bad(format!("{} is not of type 'integer'", py_repr(value)))),
        },
        "protected" | "os_hidden" => match value {
            Value::Bool(_) => Ok(value.clone()),
            _ => Err(bad(format!("{} is not of type 'boolean'", py_repr(value)))),
        },
        "tags" => match value.as_array() {
            Some(tags) if tags.iter().all(Value::is_string) => Ok(value.clone()),
            _ => Err(bad(format!("{} is not of type 'array'", py_repr(value)))),
        },
        _ => match value {
            Value::String(_) => Ok(value.clone()),
            _ => Err(bad(format!("{} is not of type 'string'", py_repr(value)))),
        },
    }
}

/// `{name, id, visibility (shared), container_format, disk_format, …}` plus
/// custom string properties; the image starts `queued`, without data.
fn create(call: Call<'_>, s: &mut RegionStore, req: &Value) -> Result<String, ApiError> {
    let Some(map) = req.as_object() else {
        return Err(ApiError::bad_request(format!(
            "Provided object does not match schema 'image': {} is not of type 'object'",
            py_repr(req)
        )));
    };
    for key in map.keys() {
        if ["direct_url", "self", "file", "schema", "stores"].contains(&key.as_str())
            || READ_ONLY.contains(&key.as_str()) && key != "id"
        {
            return Err(forbidden(format!("Attribute '{key}' is read-only.")));
        }
        if RESERVED.contains(&key.as_str()) || key.starts_with("os_glance") {
            return Err(forbidden(format!("Attribute '{key}' is reserved.")));
        }
    }
    let id = match map.get("id") {
        None => uuid(),
        Some(Value::String(id)) if uuid::Uuid::parse_str(id).is_ok() && id.len() == 36 => {
            id.clone()
        }
        Some(v) => {
            return Err(ApiError::bad_request(format!(
                "Provided object does not match schema 'image': {} does not match '^([0-9a-fA-F]){{8}}-([0-9a-fA-F]){{4}}-([0-9a-fA-F]){{4}}-([0-9a-fA-F]){{4}}-([0-9a-fA-F]){{12}}$'",
                py_repr(v)
            )));
        }
    };
    let project = call.caller.project_id.clone().unwrap_or_default();
    let owner = match map.get("owner").and_then(Value::as_str) {
        Some(o) if o != project && !call.caller.is_admin() => {
            return Err(forbidden(
                "You are not permitted to create images owned by '".to_owned() + o + "'.",
            ));
        }
        Some(o) => o.to_owned(),
        None => project,
    };
    let mut props = Map::new();
    let mut core = Map::new();
    for (key, value) in map {
        if key == "id" || key == "owner" {
            continue;
        }
        let value = checked(key, value, call.caller)?;
        if CORE.contains(&key.as_str()) {
            core.insert(key.clone(), value);
        } else {
            props.insert(key.clone(), value);
        }
    }
    if s.get(Kind::Image, &id).is_some() {
        return Err(ApiError::conflict(format!("Image ID {id} already exists!")));
    }
    let defaults = [
        ("name", Value::Null),
        ("disk_format", Value::Null),
        ("container_format", Value::Null),
        ("visibility", json!("shared")),
        ("size", Value::Null),
        ("virtual_size", Value::Null),
        ("status", json!("queued")),
        ("checksum", Value::Null),
        ("protected", json!(false)),
        ("min_ram", json!(0)),
        ("min_disk", json!(0)),
        ("owner", json!(owner)),
        ("os_hidden", json!(false)),
        ("os_hash_algo", Value::Null),
        ("os_hash_value", Value::Null),
        ("id", json!(id)),
        ("created_at", Value::Null),
        ("updated_at", Value::Null),
        ("tags", json!([])),
        ("self", json!(format!("/v2/images/{id}"))),
        ("file", json!(format!("/v2/images/{id}/file"))),
        ("schema", json!("/v2/schemas/image")),
    ];
    for (key, default) in defaults {
        core.entry(key).or_insert(default);
    }
    let body = compose(&props, &core);
    s.insert(Resource::new(Kind::Image, &id, Some(&owner), None, body));
    Ok(id)
}

/// Glance's `enforce_image_count_total` on a create through the API (a
/// seed is the test's own and passes): one more image for the caller's
/// project must fit its Keystone limit.
fn count_quota(ask: &Ask<'_>, s: &RegionStore, _: &Value) -> Result<(), ApiError> {
    let project = ask.caller.project_id.as_deref().unwrap_or_default();
    super::usage::enforce(ask.ctx, s, project, "image_count_total", 1)
}

/// `Location` and the import methods and stores, as Glance answers a create:
/// the methods are those this region's `/v2/info/import` lists.
fn located(ask: &Ask<'_>, r: &mut Resource, resp: &mut Response) {
    let location = format!("{}/image/v2/images/{}", ask.ctx.base_url(), r.id);
    let methods = ask.ctx.world.glance.methods(ask.ctx.key()).join(",");
    for (name, value) in [
        (header::LOCATION.as_str(), location.as_str()),
        ("openstack-image-import-methods", methods.as_str()),
        ("openstack-image-store-ids", "local"),
    ] {
        if let Ok(v) = HeaderValue::from_str(value) {
            resp.headers_mut().insert(name, v);
        }
    }
}

/// Glance's visibility, `os_hidden`, `tag` and attribute filters; sorted
/// by `sort_key` (descending unless `sort_dir=asc`), then newest first.
fn select<'s>(ask: &Ask<'_>, s: &'s RegionStore) -> Result<Vec<&'s Resource>, ApiError> {
    let (caller, query) = (ask.caller, ask.query);
    let visibility = query.get("visibility");
    if let Some(v) = visibility.filter(|v| *v != "all" && !VISIBILITIES.contains(v)) {
        return Err(ApiError::bad_request(format!(
            "Invalid visibility value: {v}"
        )));
    }
    let hidden = query
        .get("os_hidden")
        .unwrap_or("false")
        .to_ascii_lowercase();
    if hidden != "true" && hidden != "false" {
        return Err(ApiError::bad_request(format!(
            "Invalid value '{hidden}' for 'os_hidden' filter. Valid values are 'true' or 'false'."
        )));
    }
    let skip = [
        "limit",
        "marker",
        "sort_key",
        "sort_dir",
        "visibility",
        "member_status",
        "os_hidden",
        "tag",
        "sort",
    ];
    let own = caller.project_id.as_deref();
    let mut images: Vec<&Resource> = s
        .all(Kind::Image)
        .iter()
        .filter(|r| visible(caller, r))
        .filter(|r| match visibility {
            Some("all") => true,
            Some(v) => r.field("visibility") == v,
            None => r.field("visibility") != "community" || r.owned_by(own),
        })
        .filter(|r| r.body["os_hidden"] == json!(hidden == "true"))
        .filter(|r| {
            query.all("tag").iter().all(|t| {
                r.body["tags"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|x| x.as_str() == Some(t))
            })
        })
        .filter(|r| {
            query
                .pairs()
                .iter()
                .filter(|(k, _)| !skip.contains(&k.as_str()))
                .all(|(k, v)| match &r.body[k.as_str()] {
                    Value::String(s) => s == v,
                    Value::Null => false,
                    other => &other.to_string() == v,
                })
        })
        .collect();
    let keys: Vec<&str> = query.all("sort_key");
    let dirs: Vec<&str> = query.all("sort_dir");
    images.sort_by(|a, b| {
        let mut order = std::cmp::Ordering::Equal;
        for (i, key) in keys.iter().enumerate() {
            let o = body::py_str(&a.body[*key]).cmp(&body::py_str(&b.body[*key]));
            let o = if dirs.get(i).copied().unwrap_or("desc") == "asc" {
                o
            } else {
                o.reverse()
            };
            order = order.then(o);
        }
        order.then_with(|| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)))
    });
    Ok(images)
}

/// A visible image, or Glance's 404.
pub(crate) fn lookup(s: &RegionStore, caller: &Caller, id: &str) -> Result<Resource, ApiError> {
    s.get(Kind::Image, id)
        .filter(|r| visible(caller, r))
        .cloned()
        .ok_or_else(|| not_found(id))
}

/// `application/openstack-images-v2.1-json-patch`: `add`, `replace` and
/// `remove` on top-level attributes and custom properties.
async fn update(
    Req { ctx, caller, .. }: Req,
    Path(id): Path<String>,
    headers: HeaderMap,
    raw: Bytes,
) -> Reply {
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !kind.starts_with("application/openstack-images-v2.1-json-patch")
        && !kind.starts_with("application/openstack-images-v2.0-json-patch")
    {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Image PATCH expects Content-Type one of: application/openstack-images-v2.0-json-patch, application/openstack-images-v2.1-json-patch",
        ));
    }
    let changes: Vec<Value> = serde_json::from_slice(&raw).map_err(|_| {
        ApiError::bad_request("Request body must be a JSON array of operation objects.")
    })?;
    let image = ctx.world.store.at(ctx.key(), |s| {
        let image = lookup(s, &caller, &id)?;
        if !owned_or_admin(&caller, &image) {
            return Err(forbidden(format!(
                "You are not permitted to modify image {id}."
            )));
        }
        let (mut props, mut core) = split(&image.body);
        for change in &changes {
            apply(&caller, change, &mut props, &mut core)?;
        }
        let r = s.get_mut(Kind::Image, &id).ok_or_else(|| not_found(&id))?;
        r.body = compose(&props, &core);
        r.touch();
        Ok(r.clone())
    })?;
    Ok(body::json(StatusCode::OK, &image.body))
}

fn apply(
    caller: &Caller,
    change: &Value,
    props: &mut Map<String, Value>,
    core: &mut Map<String, Value>,
) -> Result<(), ApiError> {
    let op = change["op"].as_str().unwrap_or_default();
    let path = change["path"].as_str().unwrap_or_default();
    let key = path.trim_start_matches('/').to_owned();
    if key.is_empty() || key.contains('/') {
        return Err(ApiError::bad_request(format!(
            "Invalid JSON pointer for this resource: '{path}'"
        )));
    }
    if READ_ONLY.contains(&key.as_str()) || ["direct_url", "stores"].contains(&key.as_str()) {
        return Err(forbidden(format!("Attribute '{key}' is read-only.")));
    }
    if RESERVED.contains(&key.as_str()) || key.starts_with("os_glance") {
        return Err(forbidden(format!("Attribute '{key}' is reserved.")));
    }
    if key == "owner" && !caller.is_admin() {
        return Err(forbidden("Owner can't be updated by non admin.".into()));
    }
    let is_core = CORE.contains(&key.as_str());
    match op {
        "add" | "replace" => {
            let value = checked(&key, &change["value"], caller)?;
            if is_core {
                core.insert(key, value);
            } else if op == "replace" && !props.contains_key(&key) {
                return Err(ApiError::conflict(format!(
                    "Property {key} does not exist."
                )));
            } else {
                props.insert(key, value);
            }
        }
        "remove" if is_core => {
            return Err(forbidden(format!("Attribute '{key}' is read-only.")));
        }
        "remove" => {
            if props.shift_remove(&key).is_none() {
                return Err(ApiError::conflict(format!(
                    "Property {key} does not exist."
                )));
            }
        }
        other => {
            return Err(ApiError::bad_request(format!(
                "Operation objects must contain exactly one member named \"add\", \"remove\", or \"replace\". {other}"
            )));
        }
    }
    Ok(())
}

/// The owner's or the admin's, unless protected.
fn delete(call: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    let image = lookup(s, call.caller, id)?;
    if !owned_or_admin(call.caller, &image) {
        return Err(forbidden(format!(
            "You are not permitted to delete image {id}."
        )));
    }
    if image.body["protected"] == json!(true) {
        return Err(forbidden(format!(
            "Image {id} is protected and cannot be deleted."
        )));
    }
    s.remove(Kind::Image, id);
    Ok(())
}
