//! The quota part of the control API: `POST /usage`, `GET|POST /quota`, `POST /volume_types`, `POST /registered_limits`.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::control::Refused;
use crate::server::Ctx;

use super::QuotaService;
use super::ops::{
    add_volume_type, check_resource, region_realm, register_limit, report, set_quota, set_usage,
};

/// `POST /usage`, `GET|POST /quota`, `POST /volume_types`, `POST /registered_limits`.
pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route("/usage", post(post_usage))
        .route("/quota", get(get_quota).post(post_quota))
        .route("/volume_types", post(post_volume_type))
        .route("/registered_limits", post(post_registered_limit))
}

/// What a change answers: 204, or 400 `{"error": …}`.
type Done = Result<StatusCode, Refused>;

#[derive(Deserialize)]
struct UsageBody {
    region: String,
    project: String,
    service: String,
    usage: BTreeMap<String, i64>,
}

/// `{"region", "project", "service", "usage": {"cores": 8, …}}`: all or nothing.
async fn post_usage(State(ctx): State<Ctx>, Json(b): Json<UsageBody>) -> Done {
    let w = &ctx.world;
    let kind = QuotaService::parse(&b.service)?;
    region_realm(w, &b.region)?;
    for resource in b.usage.keys() {
        check_resource(w, &b.region, kind, resource)?;
    }
    for (resource, n) in &b.usage {
        set_usage(w, &b.region, &b.project, &b.service, resource, *n)?;
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct QuotaBody {
    region: String,
    project: Option<String>,
    service: String,
    limits: BTreeMap<String, i64>,
}

/// `{"region", "project", "service", "limits": {"cores": 40}}`; without
/// `project`, the region's defaults.
async fn post_quota(State(ctx): State<Ctx>, Json(b): Json<QuotaBody>) -> Done {
    let w = &ctx.world;
    let kind = QuotaService::parse(&b.service)?;
    region_realm(w, &b.region)?;
    for resource in b.limits.keys() {
        check_resource(w, &b.region, kind, resource)?;
    }
    for (resource, limit) in &b.limits {
        set_quota(
            w,
            &b.region,
            b.project.as_deref(),
            &b.service,
            resource,
            *limit,
        )?;
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct QuotaQuery {
    region: String,
    project: String,
    service: String,
}

/// `?region=&project=&service=` → `{"cores": {"limit": 20, "in_use": 8}, …}`.
async fn get_quota(
    State(ctx): State<Ctx>,
    Query(q): Query<QuotaQuery>,
) -> Result<Json<Value>, Refused> {
    let rows = report(&ctx.world, &q.region, &q.project, &q.service)?;
    let map: Map<String, Value> = rows
        .into_iter()
        .map(|(n, limit, used)| (n, json!({"limit": limit, "in_use": used})))
        .collect();
    Ok(Json(Value::Object(map)))
}

#[derive(Deserialize)]
struct VolumeTypeBody {
    region: String,
    name: String,
}

async fn post_volume_type(State(ctx): State<Ctx>, Json(b): Json<VolumeTypeBody>) -> Done {
    add_volume_type(&ctx.world, &b.region, &b.name)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct RegisteredLimitBody {
    region: String,
    service: String,
    resource: String,
    default_limit: i64,
}

async fn post_registered_limit(
    State(ctx): State<Ctx>,
    Json(b): Json<RegisteredLimitBody>,
) -> Result<Response, Refused> {
    let id = register_limit(
        &ctx.world,
        &b.region,
        &b.service,
        &b.resource,
        b.default_limit,
    )?;
    Ok((StatusCode::CREATED, Json(json!({"id": id}))).into_response())
}
