//! Glance's `/image/v2/info/usage` and its unified-limit checks: the caller's project against the Keystone limits of this region.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::{Map, Value, json};

use crate::quota::{IMAGE, QuotaService, service_id};
use crate::server::Ctx;
use crate::store::{ApiError, RegionStore};
use crate::{Caller, body};

pub(crate) fn routes() -> Router<Ctx> {
    Router::new().route("/image/v2/info/usage", get(usage))
}

/// Glance with `use_keystone_limits` lists its four resources, each with
/// oslo.limit's limit (the project's, else the registered default, else
/// 0); without it, `{"usage": {}}`.
async fn usage(State(ctx): State<Ctx>, Extension(caller): Extension<Caller>) -> Response {
    let region = ctx.key().to_owned();
    let project = caller.project_id.unwrap_or_default();
    let Some(limits) = limits(&ctx, &project) else {
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

/// The limits oslo.limit enforces on `project` here, in [`IMAGE`]'s order,
/// or `None` when this Glance does not use Keystone limits: it does once
/// a registered limit exists in the region for the image service.
fn limits(ctx: &Ctx, project: &str) -> Option<Vec<i64>> {
    let realm = ctx.realm();
    let region = ctx.key();
    let service = service_id(realm, "image")?;
    ctx.world.quotas.keystone(&realm.key, |l| {
        let enabled = l
            .registered
            .iter()
            .any(|r| r.service_id == service && r.region_id.as_deref() == Some(region));
        enabled.then(|| {
            IMAGE
                .iter()
                .map(|r| l.effective(project, &service, region, r).unwrap_or(0))
                .collect()
        })
    })
}

/// Glance's `enforce_image_*`: a 413 when `project`'s usage of `resource`
/// (what tests set plus what `s` holds) and `delta` go past its limit, as
/// oslo.limit words it inside Glance's `LimitExceeded`. `s` is the
/// region's store, already locked by the caller.
pub(crate) fn enforce(
    ctx: &Ctx,
    s: &RegionStore,
    project: &str,
    resource: &str,
    delta: i64,
) -> Result<(), ApiError> {
    let Some(limits) = limits(ctx, project) else {
        return Ok(());
    };
    let limit = IMAGE
        .iter()
        .zip(limits)
        .find_map(|(r, limit)| (*r == resource).then_some(limit))
        .unwrap_or(0);
    let held = s.usage(project, QuotaService::Image);
    let used = ctx.world.quotas.region(ctx.key(), |q| {
        q.used(project, QuotaService::Image, resource, &held)
    });
    if limit < 0 || used + delta <= limit {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "The request returned a 413 Request Entity Too Large. This generally means that rate limiting or a quota threshold was breached.\n\nThe response body:\nProject {project} is over a limit for [Resource {resource} is over limit of {limit} due to current usage {used} and delta {delta}]"
        ),
    ))
}
