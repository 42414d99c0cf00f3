//! Cinder's quota sets: `/volume/v3[/{project_id}]/os-quota-sets/{target}[/defaults]`, as cinder 29 answers.

// Handlers bail out with the very response to send (see keystone.rs).
#![allow(clippy::result_large_err)]

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::routing::get;
use serde_json::{Map, Value, json};

use crate::quota::{Held, QuotaService};
use crate::server::Ctx;
use crate::store::{ApiError, Reply, Req, admin_or_member};
use crate::{Caller, body};

/// Cinder's `DB_MAX_INT`.
const MAX_INT: i64 = 2_147_483_647;

/// Keys Cinder skips in a quota set body.
const NON_QUOTA_KEYS: [&str; 2] = ["tenant_id", "id"];

/// Both the `block-storage` endpoint (`/volume/v3`) and the `volumev3` one
/// (`/volume/v3/<project_id>`) reach the same handlers.
pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route(
            "/volume/v3/os-quota-sets/{target}",
            get(show).put(update).delete(delete),
        )
        .route("/volume/v3/os-quota-sets/{target}/defaults", get(defaults))
        .route(
            "/volume/v3/{project_id}/os-quota-sets/{target}",
            get(show_in).put(update_in).delete(delete_in),
        )
        .route(
            "/volume/v3/{project_id}/os-quota-sets/{target}/defaults",
            get(defaults_in),
        )
}

fn forbidden(action: &str) -> ApiError {
    ApiError::forbidden(format!(
        "Policy doesn't allow volume_extension:quotas:{action} to be performed."
    ))
}

/// Cinder refuses a URL whose project is not the token's.
fn check_url_project(caller: &Caller, url_project: &str) -> Result<(), ApiError> {
    if caller.project_id.as_deref() == Some(url_project) {
        Ok(())
    } else {
        Err(ApiError::bad_request("Malformed request url"))
    }
}

fn ok(value: &Value) -> Reply {
    Ok(body::json(StatusCode::OK, value))
}

/// oslo's `is_valid_boolstr` / `bool_from_string(strict=True)`.
fn boolean(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "1" | "t" | "true" | "on" | "y" | "yes" => Some(true),
        "0" | "f" | "false" | "off" | "n" | "no" => Some(false),
        _ => None,
    }
}

async fn show_in(
    Req { ctx, caller, .. }: Req,
    Path((project, target)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    check_url_project(&caller, &project)?;
    show_quota(&ctx, &caller, &target, &query)
}

async fn show(
    Req { ctx, caller, .. }: Req,
    Path(target): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    show_quota(&ctx, &caller, &target, &query)
}

/// Limits, or with `?usage=true` limit, in_use and reserved; `id` last.
/// No check that the project exists.
fn show_quota(ctx: &Ctx, caller: &Caller, target: &str, query: &HashMap<String, String>) -> Reply {
    if !admin_or_member(caller, target) {
        return Err(forbidden("show"));
    }
    let usage = match query.get("usage") {
        None => false,
        Some(v) => match boolean(v) {
            Some(b) => b,
            None => {
                return Err(ApiError::bad_request(format!(
                    "Value '{v}' for 'usage' is not a boolean."
                )));
            }
        },
    };
    let held = ctx.world.held(ctx.key(), target, QuotaService::Volume);
    let mut set: Map<String, Value> = ctx.world.quotas.region(ctx.key(), |q| {
        q.table(target, QuotaService::Volume, &held)
            .into_iter()
            .map(|(n, limit, used)| {
                let v = if usage {
                    json!({"limit": limit, "in_use": used, "reserved": 0})
                } else {
                    json!(limit)
                };
                (n, v)
            })
            .collect()
    });
    set.insert("id".into(), json!(target));
    ok(&json!({"quota_set": set}))
}

async fn defaults_in(
    Req { ctx, caller, .. }: Req,
    Path((project, target)): Path<(String, String)>,
) -> Reply {
    check_url_project(&caller, &project)?;
    defaults_of(&ctx, &caller, &target)
}

async fn defaults(Req { ctx, caller, .. }: Req, Path(target): Path<String>) -> Reply {
    defaults_of(&ctx, &caller, &target)
}

/// Unlike Nova's, Cinder's defaults are under the show policy.
fn defaults_of(ctx: &Ctx, caller: &Caller, target: &str) -> Reply {
    if !admin_or_member(caller, target) {
        return Err(forbidden("show"));
    }
    let mut set: Map<String, Value> = ctx.world.quotas.region(ctx.key(), |q| {
        q.resources(QuotaService::Volume)
            .into_iter()
            .map(|(n, d)| (n, json!(d)))
            .collect()
    });
    set.insert("id".into(), json!(target));
    ok(&json!({"quota_set": set}))
}

async fn update_in(
    Req { ctx, caller, .. }: Req,
    Path((project, target)): Path<(String, String)>,
    raw: Bytes,
) -> Reply {
    check_url_project(&caller, &project)?;
    update_quota(&ctx, &caller, &target, &raw)
}

async fn update(Req { ctx, caller, .. }: Req, Path(target): Path<String>, raw: Bytes) -> Reply {
    update_quota(&ctx, &caller, &target, &raw)
}

/// Cinder's schema and `quota_set` format check: (key, limit) in body order.
fn validate(ctx: &Ctx, raw: &[u8]) -> Result<Vec<(String, i64)>, String> {
    let request: Value = serde_json::from_slice(raw).map_err(|_| {
        "The server could not comply with the request since it is either malformed or otherwise incorrect.".to_owned()
    })?;
    let (_, map) = crate::quota::quota_set(&request)?;
    if map.is_empty() {
        return Err(
            "Invalid input for field/attribute quota_set. Value: {}. {} should be non-empty"
                .to_owned(),
        );
    }
    let known: Vec<String> = ctx.world.quotas.region(ctx.key(), |q| {
        q.resources(QuotaService::Volume)
            .into_iter()
            .map(|(n, _)| n)
            .collect()
    });
    let mut bad_keys = Vec::new();
    let mut limits = Vec::new();
    for (key, value) in map {
        if !known.contains(key) && !NON_QUOTA_KEYS.contains(&key.as_str()) {
            bad_keys.push(key.as_str());
            continue;
        }
        if NON_QUOTA_KEYS.contains(&key.as_str()) {
            continue;
        }
        // oslo's validate_integer: int(str(value)); a numeric string gets
        // through it, but then breaks Cinder's own comparison.
        let limit = match value {
            Value::Number(n) if n.is_i64() => n.as_i64().unwrap_or_default(),
            Value::String(s) if s.trim().parse::<i64>().is_ok() => {
                return Err("The server could not comply with the request since it is either malformed or otherwise incorrect.".to_owned());
            }
            _ => return Err(format!("{key} must be an integer")),
        };
        if limit < -1 {
            return Err(format!("{key} must be >= -1"));
        }
        if limit > MAX_INT {
            return Err(format!("{key} must be <= {MAX_INT}"));
        }
        limits.push((key.clone(), limit));
    }
    if !bad_keys.is_empty() {
        return Err(format!(
            "Invalid input received: Bad key(s) in quota set: {}",
            bad_keys.join(", ")
        ));
    }
    Ok(limits)
}

/// Schema, policy, then the usage check, which Cinder 29 makes only for
/// resources the project already has a limit of its own for (it reads the
/// project's quotas with `defaults=False`): a default-limited resource may
/// be set below its usage.
fn update_quota(ctx: &Ctx, caller: &Caller, target: &str, raw: &[u8]) -> Reply {
    let limits = validate(ctx, raw).map_err(ApiError::bad_request)?;
    if !caller.is_admin() {
        return Err(forbidden("update"));
    }
    let held = ctx.world.held(ctx.key(), target, QuotaService::Volume);
    let refused = ctx.world.quotas.region(ctx.key(), |q| {
        for (key, limit) in &limits {
            if key == "per_volume_gigabytes" || *limit == -1 {
                continue;
            }
            if q.explicit(target, QuotaService::Volume, key).is_none() {
                continue;
            }
            let used = q.used(target, QuotaService::Volume, key, &held);
            if *limit < used {
                return Some(format!(
                    "Quota {key} limit must be equal or greater than existing resources. Current usage is {used} and the requested limit is {limit}."
                ));
            }
        }
        q.set_limits(target, QuotaService::Volume, &limits);
        None
    });
    if let Some(message) = refused {
        return Err(ApiError::bad_request(message));
    }
    let set: Map<String, Value> = ctx.world.quotas.region(ctx.key(), |q| {
        q.table(target, QuotaService::Volume, &Held::new())
            .into_iter()
            .map(|(n, limit, _)| (n, json!(limit)))
            .collect()
    });
    ok(&json!({"quota_set": set}))
}

async fn delete_in(
    Req { ctx, caller, .. }: Req,
    Path((project, target)): Path<(String, String)>,
) -> Reply {
    check_url_project(&caller, &project)?;
    delete_quota(&ctx, &caller, &target)
}

async fn delete(Req { ctx, caller, .. }: Req, Path(target): Path<String>) -> Reply {
    delete_quota(&ctx, &caller, &target)
}

/// Back to the defaults: 200 with an empty body.
fn delete_quota(ctx: &Ctx, caller: &Caller, target: &str) -> Reply {
    if !caller.is_admin() {
        return Err(forbidden("delete"));
    }
    ctx.world
        .quotas
        .region(ctx.key(), |q| q.clear(target, QuotaService::Volume));
    Ok(body::raw(StatusCode::OK, "application/json", String::new()))
}
