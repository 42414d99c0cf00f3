//! Neutron's quotas: `/network/v2.0/quotas[/{project_id}[/details.json|/default]]`, as neutron 29 answers.

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde_json::{Map, Value, json};

use crate::quota::{Held, NETWORK, QuotaService};
use crate::region::Service;
use crate::server::Ctx;
use crate::store::{ApiError, Reply, Req, admin_or_member};
use crate::{body, errors};

use super::policy;

/// neutron_lib's `DB_INTEGER_MAX_VALUE`, the top of a limit's range.
const MAX_INT: i64 = 2_147_483_647;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route("/network/v2.0/quotas", get(list))
        .route("/network/v2.0/quotas.json", get(list))
        .route(
            "/network/v2.0/quotas/{project_id}",
            get(show).put(update).delete(delete),
        )
        .route("/network/v2.0/quotas/{project_id}/{action}", get(action))
}

fn ok(value: &Value) -> Reply {
    Ok(body::json(StatusCode::OK, value))
}

/// `abc.json` → `abc`: Neutron accepts a format suffix on any path.
fn strip_json(id: &str) -> &str {
    id.strip_suffix(".json").unwrap_or(id)
}

fn limits(ctx: &Ctx, project: &str) -> Map<String, Value> {
    ctx.world.quotas.region(ctx.key(), |q| {
        q.table(project, QuotaService::Network, &Held::new())
            .into_iter()
            .map(|(n, limit, _)| (n, json!(limit)))
            .collect()
    })
}

/// The admin's list of projects with limits of their own.
async fn list(Req { ctx, caller, .. }: Req) -> Reply {
    if !caller.is_admin() {
        return Err(policy("get_quota"));
    }
    let projects = ctx
        .world
        .quotas
        .region(ctx.key(), |q| q.projects_with_limits(QuotaService::Network));
    let quotas: Vec<Value> = projects
        .iter()
        .map(|p| {
            let mut m = limits(&ctx, p);
            m.insert("project_id".into(), json!(p));
            m.insert("tenant_id".into(), json!(p));
            Value::Object(m)
        })
        .collect();
    ok(&json!({"quotas": quotas}))
}

/// Limits only; anyone may read their own project's, the admin any (no
/// check that the project exists). `quotas/project` names the caller's.
async fn show(Req { ctx, caller, .. }: Req, Path(id): Path<String>) -> Reply {
    let project = strip_json(&id);
    if project == "project" {
        return ok(&json!({"project": {"project_id": caller.project_id}}));
    }
    if !admin_or_member(&caller, project) {
        return Err(policy("get_quota"));
    }
    ok(&json!({"quota": limits(&ctx, project)}))
}

/// `details[.json]` (limit, used, reserved) and `default[.json]`.
async fn action(
    Req { ctx, caller, .. }: Req,
    Path((project, action)): Path<(String, String)>,
) -> Reply {
    match strip_json(&action) {
        "details" => {
            if !admin_or_member(&caller, &project) {
                return Err(ApiError::typed(
                    StatusCode::FORBIDDEN,
                    "AdminRequired",
                    "User does not have admin privileges: Only admin is authorized to access quotas for another project.",
                ));
            }
            let held = ctx.world.held(ctx.key(), &project, QuotaService::Network);
            let quota: Map<String, Value> = ctx.world.quotas.region(ctx.key(), |q| {
                q.table(&project, QuotaService::Network, &held)
                    .into_iter()
                    .map(|(n, limit, used)| {
                        (n, json!({"limit": limit, "used": used, "reserved": 0}))
                    })
                    .collect()
            });
            ok(&json!({"quota": quota}))
        }
        "default" => {
            if !admin_or_member(&caller, &project) {
                return Err(policy("get_quota"));
            }
            let quota: Map<String, Value> = ctx.world.quotas.region(ctx.key(), |q| {
                q.resources(QuotaService::Network)
                    .into_iter()
                    .map(|(n, d)| (n, json!(d)))
                    .collect()
            });
            ok(&json!({"quota": quota}))
        }
        _ => Ok(errors::not_found(
            Some(Service::Network),
            &format!("/network/v2.0/quotas/{project}/{action}"),
        )),
    }
}

/// neutron_lib's `convert_to_int`: Python's `int()`.
fn to_int(value: &Value) -> Option<i64> {
    match value {
        Value::Bool(b) => Some(i64::from(*b)),
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f.trunc() as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Policy first, then the body (unknown keys, integers, range), then usage
/// unless `"force": true`; `check_limit` is accepted and ignored (the check
/// is always on since 2025.1). All limits are checked before any is written.
async fn update(Req { ctx, caller, .. }: Req, Path(id): Path<String>, raw: Bytes) -> Reply {
    let project = strip_json(&id).to_owned();
    if !caller.is_admin() {
        return Err(policy("update_quota"));
    }
    let request: Value = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    let Some(quota) = request.get("quota").and_then(Value::as_object) else {
        // Neutron pops keys off body['quota'] before checking it is there.
        return Err(ApiError::typed(
            StatusCode::INTERNAL_SERVER_ERROR,
            "HTTPInternalServerError",
            "Request Failed: internal server error while processing your request.",
        ));
    };
    let force = quota.get("force") == Some(&Value::Bool(true));
    let asked: Vec<(&String, &Value)> = quota
        .iter()
        .filter(|(k, _)| *k != "force" && *k != "check_limit")
        .collect();
    let unknown: Vec<&str> = asked
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| !NETWORK.iter().any(|(n, _)| n == k))
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::typed(
            StatusCode::BAD_REQUEST,
            "HTTPBadRequest",
            format!("Unrecognized attribute(s) '{}'", unknown.join(", ")),
        ));
    }
    let mut limits_asked = Vec::new();
    for (key, value) in &asked {
        let Some(limit) = to_int(value) else {
            let shown = match value {
                Value::String(s) => s.clone(),
                other => crate::body::py_repr(other),
            };
            return Err(ApiError::typed(
                StatusCode::BAD_REQUEST,
                "InvalidInput",
                format!("Invalid input for operation: '{shown}' is not an integer."),
            ));
        };
        limits_asked.push(((*key).clone(), limit));
    }
    for (key, limit) in &limits_asked {
        let reason = if *limit < -1 {
            format!("'{limit}' is too small - must be at least '-1'")
        } else if *limit > MAX_INT {
            format!("'{limit}' is too large - must be no larger than '{MAX_INT}'")
        } else {
            continue;
        };
        return Err(ApiError::typed(
            StatusCode::BAD_REQUEST,
            "HTTPBadRequest",
            format!("Invalid input for {key}. Reason: {reason}."),
        ));
    }
    let held = ctx.world.held(ctx.key(), &project, QuotaService::Network);
    let refused = ctx.world.quotas.region(ctx.key(), |q| {
        if !force {
            for (key, limit) in &limits_asked {
                let used = q.used(&project, QuotaService::Network, key, &held);
                if *limit != -1 && used > *limit {
                    return Some(format!(
                        "Quota limit {limit} for {key} must be greater than or equal to already used {used}"
                    ));
                }
            }
        }
        q.set_limits(&project, QuotaService::Network, &limits_asked);
        None
    });
    if let Some(message) = refused {
        return Err(ApiError::typed(
            StatusCode::BAD_REQUEST,
            "HTTPBadRequest",
            message,
        ));
    }
    ok(&json!({"quota": limits(&ctx, &project)}))
}

/// Back to the defaults: 204, or 404 when the project had no limit of its own.
async fn delete(Req { ctx, caller, .. }: Req, Path(id): Path<String>) -> Reply {
    let project = strip_json(&id);
    if !caller.is_admin() {
        return Err(policy("delete_quota"));
    }
    let had = ctx
        .world
        .quotas
        .region(ctx.key(), |q| q.clear(project, QuotaService::Network));
    if !had {
        return Err(ApiError::typed(
            StatusCode::NOT_FOUND,
            "TenantQuotaNotFound",
            format!("Quota for project {project} could not be found."),
        ));
    }
    let mut resp = Response::new(axum::body::Body::empty());
    *resp.status_mut() = StatusCode::NO_CONTENT;
    Ok(resp)
}
