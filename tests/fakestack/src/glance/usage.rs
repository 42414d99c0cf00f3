//! Glance's `/image/v2/info/usage`: the caller's project against the Keystone limits of this region.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::{Map, Value, json};

use crate::quota::{IMAGE, QuotaService, service_id};
use crate::server::Ctx;
use crate::{Caller, body};

pub(crate) fn routes() -> Router<Ctx> {
    Router::new().route("/image/v2/info/usage", get(usage))
}

/// Glance with `use_keystone_limits` lists its four resources, each with
/// oslo.limit's limit (the project's, else the registered default, else
/// 0); without it, `{"usage": {}}`. Here it is on in a region once a
/// registered limit exists there for the image service.
async fn usage(State(ctx): State<Ctx>, Extension(caller): Extension<Caller>) -> Response {
    let realm = ctx.realm();
    let region = ctx.key().to_owned();
    let project = caller.project_id.unwrap_or_default();
    let Some(service) = service_id(realm, "image") else {
        return body::json(StatusCode::OK, &json!({"usage": {}}));
    };
    let limits: Option<Vec<i64>> = ctx.world.quotas.keystone(&realm.key, |l| {
        let enabled = l
            .registered
            .iter()
            .any(|r| r.service_id == service && r.region_id.as_deref() == Some(region.as_str()));
        enabled.then(|| {
            IMAGE
                .iter()
                .map(|r| l.effective(&project, &service, &region, r).unwrap_or(0))
                .collect()
        })
    });
    let Some(limits) = limits else {
        return body::json(StatusCode::OK, &json!({"usage": {}}));
    };
    let held = ctx.world.held(&region, &project, QuotaService::Image);
    let usage: Map<String, Value> = ctx.world.quotas.region(&region, |q| {
        IMAGE
            .iter()
            .zip(limits)
            .map(|(r, limit)| {
                let used = q.used(&project, QuotaService::Image, r, &held);
                ((*r).to_owned(), json!({"usage": used, "limit": limit}))
            })
            .collect()
    });
    body::json(StatusCode::OK, &json!({"usage": usage}))
}
