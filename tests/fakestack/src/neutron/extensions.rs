//! Neutron's extension list (`/v2.0/extensions[/{alias}]`) and the
//! `standard-attr-tag` API of security groups (`/security-groups/{id}/tags`).
//!
//! As on the minicloud, tags cannot be given when a group is created: a
//! client creates it, then sets its tags.

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};

use crate::body;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{ApiError, Kind, Req};

use super::{Reply, bad_request, secgroups};

/// The extensions the fake implements: `(alias, name)`.
const EXTENSIONS: [(&str, &str); 10] = [
    ("external-net", "Neutron external network"),
    ("provider", "Provider Network"),
    ("quotas", "Quota management support"),
    ("quota_details", "Quota details management support"),
    ("router", "Neutron L3 Router"),
    ("security-group", "security-group"),
    (
        "security-groups-normalized-cidr",
        "Normalized CIDR field for security group rules",
    ),
    (
        "security-groups-rules-belongs-to-default-sg",
        "Security group rule belongs to the project's default security group",
    ),
    ("stateful-security-group", "Stateful security group"),
    (
        "standard-attr-tag",
        "Tag support for resources with standard attribute: security_group",
    ),
];

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route("/network/v2.0/extensions", get(list))
        .route("/network/v2.0/extensions/{alias}", get(show))
        .route(
            "/network/v2.0/security-groups/{id}/tags",
            get(show_tags).put(set_tags),
        )
}

fn extension(alias: &str, name: &str) -> Value {
    json!({
        "alias": alias, "name": name, "description": name,
        "updated": "2017-01-01T00:00:00-00:00", "links": [],
    })
}

async fn list() -> Response {
    let all: Vec<Value> = EXTENSIONS.iter().map(|(a, n)| extension(a, n)).collect();
    body::json(StatusCode::OK, &json!({ "extensions": all }))
}

async fn show(Path(alias): Path<String>) -> Reply {
    match EXTENSIONS.iter().find(|(a, _)| *a == alias) {
        Some((a, n)) => Ok(body::json(
            StatusCode::OK,
            &json!({ "extension": extension(a, n) }),
        )),
        None => Err(ApiError::typed(
            StatusCode::NOT_FOUND,
            "HTTPNotFound",
            format!("Extension with alias {alias} does not exist"),
        )),
    }
}

async fn show_tags(Req { ctx, caller, .. }: Req, Path(id): Path<String>) -> Reply {
    ctx.world.store.at(ctx.key(), |s| {
        let g = s
            .get(Kind::SecurityGroup, &id)
            .filter(|g| super::owned_or_admin(&caller, g))
            .ok_or_else(|| secgroups::GROUP_COLLECTION.not_found(&id))?;
        Ok(body::json(
            StatusCode::OK,
            &json!({ "tags": g.body["tags"].clone() }),
        ))
    })
}

/// `{"tags": [...]}` replaces every tag: strings of at most 255 characters
/// without commas (Neutron's `validate_tag`), duplicates dropped.
async fn set_tags(Req { ctx, caller, .. }: Req, Path(id): Path<String>, raw: Bytes) -> Reply {
    set_tags_inner(&ctx, &caller, &id, &raw)
}

fn set_tags_inner(ctx: &Ctx, caller: &Caller, id: &str, raw: &[u8]) -> Reply {
    let request: Value = serde_json::from_slice(raw)
        .map_err(|_| bad_request("Failed to parse request. Resource body is not valid JSON."))?;
    let Some(given) = request.get("tags").and_then(Value::as_array) else {
        return Err(bad_request(
            "Invalid input for tags. Reason: tags is required.",
        ));
    };
    let mut tags: Vec<String> = Vec::new();
    for t in given {
        match t.as_str() {
            Some(t) if !t.is_empty() && t.chars().count() <= 255 && !t.contains(',') => {
                if !tags.iter().any(|have| have == t) {
                    tags.push(t.to_owned());
                }
            }
            _ => {
                return Err(bad_request(format!(
                    "Invalid input for operation: '{}' is not a valid tag.",
                    body::py_str(t)
                )));
            }
        }
    }
    ctx.world.store.at(ctx.key(), |s| {
        s.get(Kind::SecurityGroup, id)
            .filter(|g| super::owned_or_admin(caller, g))
            .ok_or_else(|| secgroups::GROUP_COLLECTION.not_found(id))?;
        if let Some(g) = s.get_mut(Kind::SecurityGroup, id) {
            g.body["tags"] = json!(tags);
            g.touch();
        }
        Ok(body::json(StatusCode::OK, &json!({ "tags": tags })))
    })
}
