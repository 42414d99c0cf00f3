//! The control API, on its own listener, so a shell demo can steer a standalone fakestack.
//!
//! - `GET /`: Keystone and region URLs, as JSON
//! - `GET /faults`, `POST /faults` (a [`Fault`] as JSON), `DELETE /faults`
//! - `POST /latency`: `{"target": "all" | {"region": R} | {"keystone": C}, "ms": N}`
//! - `GET /requests`, `DELETE /requests` (also resets the counts)
//! - `GET /counts`: every (target, method, path) with its count; with
//!   `?target=T&method=M&path=P`, `{"count": N}` for that one
//! - `GET /clouds.yaml`
//! - `POST /endpoints`: `{"region": R, "service": TYPE, "url": URL | null}`
//! - `POST /import_methods`: `{"region": R, "methods": ["glance-direct", …]}`
//! - the quota endpoints (`quota/control.rs`) and the resource ones
//!   (`store/control.rs`)

use std::collections::HashMap;
use std::time::Duration;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, routing::post};
use serde::Deserialize;
use serde_json::json;

use crate::faults::{Fault, Target};
use crate::server::Ctx;

pub(crate) fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/", get(info))
        .route(
            "/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/latency", post(set_latency))
        .route("/requests", get(requests).delete(reset))
        .route("/counts", get(counts))
        .route("/clouds.yaml", get(clouds_yaml))
        .route("/endpoints", post(set_endpoint))
        .route("/import_methods", post(set_import_methods))
        .merge(crate::quota::control::routes())
        .merge(crate::store::control::routes())
        .merge(crate::placement::control_routes())
        .with_state(ctx)
}

async fn info(State(ctx): State<Ctx>) -> Response {
    let w = &ctx.world;
    let keystones: serde_json::Map<String, serde_json::Value> = w
        .realms
        .iter()
        .map(|r| (r.key.clone(), json!(r.v3())))
        .collect();
    let regions: serde_json::Map<String, serde_json::Value> = w
        .regions
        .iter()
        .map(|r| (r.name.clone(), json!({"cloud": r.cloud, "url": r.url})))
        .collect();
    Json(json!({"keystones": keystones, "regions": regions, "control": w.control_url}))
        .into_response()
}

async fn list_faults(State(ctx): State<Ctx>) -> Response {
    Json(ctx.world.faults.list()).into_response()
}

/// A control API refusal: its status and `{"error": message}`. A `String`
/// error (from the checks the control API shares with `FakeStack`) is a 400.
#[derive(Debug)]
pub(crate) struct Refused(pub StatusCode, pub String);

impl From<String> for Refused {
    fn from(message: String) -> Self {
        Self(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        (self.0, Json(json!({"error": self.1}))).into_response()
    }
}

fn bad_request(message: String) -> Response {
    Refused::from(message).into_response()
}

async fn add_fault(State(ctx): State<Ctx>, Json(fault): Json<Fault>) -> Response {
    if !ctx.world.targets_something(&fault.target) {
        return bad_request(format!("{:?} matches no Keystone or region", fault.target));
    }
    if let Some(problem) = fault.problem() {
        return bad_request(problem);
    }
    ctx.world.faults.add(fault);
    (
        StatusCode::CREATED,
        Json(json!({"faults": ctx.world.faults.list().len()})),
    )
        .into_response()
}

async fn clear_faults(State(ctx): State<Ctx>) -> StatusCode {
    ctx.world.faults.clear();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct Latency {
    target: Target,
    ms: u64,
}

async fn set_latency(State(ctx): State<Ctx>, Json(l): Json<Latency>) -> StatusCode {
    ctx.world
        .set_latency(&l.target, Duration::from_millis(l.ms));
    StatusCode::NO_CONTENT
}

async fn requests(State(ctx): State<Ctx>) -> Response {
    Json(ctx.world.journal.all()).into_response()
}

async fn reset(State(ctx): State<Ctx>) -> StatusCode {
    ctx.world.journal.clear();
    StatusCode::NO_CONTENT
}

async fn counts(State(ctx): State<Ctx>, Query(q): Query<HashMap<String, String>>) -> Response {
    match (q.get("target"), q.get("method"), q.get("path")) {
        (Some(t), Some(m), Some(p)) => {
            Json(json!({"count": ctx.world.journal.count(t, m, p)})).into_response()
        }
        _ => Json(ctx.world.journal.counts()).into_response(),
    }
}

async fn clouds_yaml(State(ctx): State<Ctx>) -> Response {
    (
        [("content-type", "application/yaml")],
        crate::clouds::clouds_yaml(&ctx.world, &[]),
    )
        .into_response()
}

#[derive(Deserialize)]
struct EndpointChange {
    region: String,
    service: String,
    /// `null` (or absent) removes the region's endpoints of the service.
    url: Option<String>,
}

async fn set_endpoint(State(ctx): State<Ctx>, Json(c): Json<EndpointChange>) -> Response {
    match ctx
        .world
        .set_endpoint(&c.region, &c.service, c.url.as_deref())
    {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => bad_request(e),
    }
}

#[derive(Deserialize)]
struct ImportMethods {
    region: String,
    methods: Vec<String>,
}

async fn set_import_methods(State(ctx): State<Ctx>, Json(c): Json<ImportMethods>) -> Response {
    match ctx.world.glance.set_methods(&c.region, &c.methods) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => bad_request(e),
    }
}
