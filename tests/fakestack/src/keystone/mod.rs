//! Keystone v3: token issue and validation, catalog, projects, regions, application credentials.

// Handlers bail out with the very response to send; a bigger `Err` costs
// nothing that matters in a test fake, and boxing would only add noise.
#![allow(clippy::result_large_err)]

mod app_creds;
mod limits;
mod projects;
mod tokens;

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::errors;
use crate::server::Ctx;
use crate::state::{Realm, Token, request_id};
use crate::{faults, versions};

use app_creds::{create_app_cred, delete_app_cred, get_app_cred, list_app_creds};
use projects::{auth_projects, catalog, get_project, list_projects, regions, user_projects};
use tokens::{check, issue, revoke, validate};

/// The auth methods this Keystone accepts, as listed in its 401 for others.
pub(super) const METHODS: [&str; 4] = ["password", "token", "application_credential", "totp"];

pub(super) type Reply = Result<Response, Response>;

pub(super) const BAD_JSON: &str = "Expecting to find valid JSON in request body. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.";

/// The router of one Keystone listener.
pub(crate) fn router(ctx: Ctx) -> Router {
    Router::new()
        .merge(versions::keystone_routes())
        .route(
            "/v3/auth/tokens",
            post(issue).get(validate).head(check).delete(revoke),
        )
        .route("/v3/auth/catalog", get(catalog))
        .route("/v3/auth/projects", get(auth_projects))
        .route("/v3/projects", get(list_projects))
        .route("/v3/projects/{project_id}", get(get_project))
        .route("/v3/users/{user_id}/projects", get(user_projects))
        .route("/v3/regions", get(regions))
        .merge(limits::routes())
        .route(
            "/v3/users/{user_id}/application_credentials",
            post(create_app_cred).get(list_app_creds),
        )
        .route(
            "/v3/users/{user_id}/application_credentials/{id}",
            get(get_app_cred).delete(delete_app_cred),
        )
        .fallback(|| async { errors::not_found(Some(crate::Service::Identity), "") })
        .layer(from_fn_with_state(ctx.clone(), faults::site_layer))
        .with_state(ctx)
}

/// What every Keystone response carries: Flask's upper-case reason phrase
/// (`201 CREATED`), `Vary: X-Auth-Token` and a request id.
pub(crate) fn decorate(resp: &mut Response) {
    if let Some(reason) = resp.status().canonical_reason() {
        let upper = reason.to_ascii_uppercase();
        if let Ok(phrase) = hyper::ext::ReasonPhrase::try_from(upper.into_bytes()) {
            resp.extensions_mut().insert(phrase);
        }
    }
    let headers = resp.headers_mut();
    if !headers.contains_key("vary") {
        headers.insert("vary", HeaderValue::from_static("X-Auth-Token"));
    }
    if !headers.contains_key("x-openstack-request-id")
        && let Ok(v) = HeaderValue::from_str(&request_id())
    {
        headers.insert("x-openstack-request-id", v);
    }
}

pub(super) fn unauthorized(realm: &Realm) -> Response {
    errors::keystone_unauthorized(&realm.v3())
}

pub(super) fn bad_request(message: &str) -> Response {
    errors::keystone(StatusCode::BAD_REQUEST, message)
}

pub(super) fn forbidden(action: &str) -> Response {
    errors::keystone(
        StatusCode::FORBIDDEN,
        &format!("You are not authorized to perform the requested action: {action}."),
    )
}

pub(super) fn not_found(message: &str) -> Response {
    errors::keystone(StatusCode::NOT_FOUND, message)
}

/// The token in `X-Auth-Token`, or Keystone's 401.
pub(super) fn auth_token(realm: &Realm, headers: &HeaderMap) -> Result<(String, Token), Response> {
    let id = headers
        .get("x-auth-token")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| unauthorized(realm))?;
    let token = realm.token(id).ok_or_else(|| unauthorized(realm))?;
    Ok((id.to_owned(), token))
}

pub(super) fn links(url: String) -> Value {
    json!({"next": null, "self": url, "previous": null})
}

pub(super) fn no_content() -> Response {
    let mut resp = Response::new(axum::body::Body::empty());
    *resp.status_mut() = StatusCode::NO_CONTENT;
    resp
}

/// A query parameter's value (no percent-decoding: names here are plain).
pub(super) fn query_param(query: Option<&str>, key: &str) -> Option<String> {
    query?.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| v.replace('+', " "))
    })
}
