//! Nova: quota sets, keypairs, flavors (with extra specs and access lists) and servers.

pub(crate) mod flavor_extras;
pub(crate) mod flavors;
pub(crate) mod keypairs;
mod quota;
pub(crate) mod servers;
mod sshkey;
mod usage;

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use crate::body;
use crate::collection::{self, Ask, Collection, SelectFn, ViewFn};
use crate::server::Ctx;
use crate::store::{ApiError, Decl};

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .merge(quota::routes())
        .merge(collection::routes(&keypairs::COLLECTION))
        .merge(collection::routes(&flavors::COLLECTION))
        .merge(flavor_extras::routes())
        .merge(collection::routes(&servers::COLLECTION))
        .merge(servers::action_routes())
        .merge(collection::routes(&crate::states::NOVA_SERVICES))
        .merge(usage::routes())
        .merge(crate::placement::nova_routes())
}

pub(crate) use crate::store::Reply;

/// A Nova collection: bodies in their envelope, an unknown marker a 400.
const fn collection(
    decl: &'static Decl,
    message: fn(&str) -> String,
    select: SelectFn,
    view: ViewFn,
) -> Collection {
    Collection::new(decl, message, select, view, decode)
        .bad_marker(|_, m| ApiError::bad_request(format!("marker [{m}] not found")))
}

/// The object in the envelope of a create or update body.
fn decode(ask: &Ask<'_>, raw: &[u8]) -> Result<(Vec<Value>, bool), ApiError> {
    let request = json_body(raw)?;
    Ok((
        vec![envelope(&request, ask.c.decl.singular)?.clone()],
        false,
    ))
}

/// Nova's JSON body (`json.dumps` spacing).
fn ok(status: StatusCode, value: &Value) -> Response {
    body::json(status, value)
}

/// `Policy doesn't allow <rule> to be performed.`
fn policy(rule: &str) -> ApiError {
    ApiError::forbidden(format!("Policy doesn't allow {rule} to be performed."))
}

/// `R/compute/v2.1`: the compute endpoint of this region.
fn base(ctx: &Ctx) -> String {
    format!("{}/compute/v2.1", ctx.base_url())
}

/// `[self, bookmark]` links of `collection/id`, as Nova writes them.
fn links(ctx: &Ctx, collection: &str, id: &str) -> Value {
    json!([
        {"rel": "self", "href": format!("{}/{collection}/{id}", base(ctx))},
        {"rel": "bookmark", "href": format!("{}/compute/{collection}/{id}", ctx.base_url())},
    ])
}

/// A request body as JSON, or Nova's answer to one that is not.
fn json_body(raw: &[u8]) -> Result<Value, ApiError> {
    serde_json::from_slice(raw).map_err(|_| ApiError::bad_request("Malformed request body"))
}

/// The object under `key` of a request body, as Nova's schemas want it:
/// `key` required, nothing else beside it.
fn envelope<'v>(request: &'v Value, key: &str) -> Result<&'v Value, ApiError> {
    let Some(map) = request.as_object() else {
        return Err(ApiError::bad_request(format!(
            "{} is not of type 'object'",
            crate::body::py_repr(request)
        )));
    };
    let Some(inner) = map.get(key) else {
        return Err(ApiError::bad_request(format!(
            "'{key}' is a required property"
        )));
    };
    let extra: Vec<String> = map
        .keys()
        .filter(|k| *k != key)
        .map(|k| format!("'{k}'"))
        .collect();
    if !extra.is_empty() {
        let verb = if extra.len() == 1 { "was" } else { "were" };
        return Err(ApiError::bad_request(format!(
            "Additional properties are not allowed ({} {verb} unexpected)",
            extra.join(", ")
        )));
    }
    Ok(inner)
}

/// oslo's `bool_from_string(strict=True)`, for query flags.
fn truthy(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "t" | "true" | "on" | "y" | "yes" => Some(true),
        "0" | "f" | "false" | "off" | "n" | "no" => Some(false),
        _ => None,
    }
}
