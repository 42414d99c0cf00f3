//! Nova's quota sets: `/compute/v2.1/os-quota-sets/{project_id}[/detail|/defaults]`, as nova 34 answers.

// Handlers bail out with the very response to send (see keystone.rs).
#![allow(clippy::result_large_err)]

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use serde_json::{Map, Value, json};

use crate::body::{py_repr, py_str};
use crate::quota::{COMPUTE, Held, QuotaService};
use crate::server::Ctx;
use crate::store::{ApiError, Reply, Req, admin_or_member};
use crate::{Microversion, body};

/// The network-proxy keys 2.36 stopped showing and accepting.
const GONE_IN_2_36: [&str; 4] = [
    "fixed_ips",
    "floating_ips",
    "security_group_rules",
    "security_groups",
];

/// 2.57 also stopped the personality keys.
const GONE_IN_2_57: [&str; 7] = [
    "fixed_ips",
    "floating_ips",
    "security_group_rules",
    "security_groups",
    "injected_files",
    "injected_file_content_bytes",
    "injected_file_path_bytes",
];

/// nova.db's `MAX_INT`, the schema's maximum.
const MAX_INT: i64 = 2_147_483_647;

/// What `force` may be (nova's `parameter_types.boolean`), as Nova lists it.
const BOOLEAN_STRINGS: [(&str, bool); 23] = [
    ("True", true),
    ("TRUE", true),
    ("true", true),
    ("1", true),
    ("ON", true),
    ("On", true),
    ("on", true),
    ("YES", true),
    ("Yes", true),
    ("yes", true),
    ("y", true),
    ("t", true),
    ("False", false),
    ("FALSE", false),
    ("false", false),
    ("0", false),
    ("OFF", false),
    ("Off", false),
    ("off", false),
    ("NO", false),
    ("No", false),
    ("no", false),
    ("n", false),
];

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route(
            "/compute/v2.1/os-quota-sets/{project_id}",
            get(show).put(update).delete(delete),
        )
        .route(
            "/compute/v2.1/os-quota-sets/{project_id}/detail",
            get(detail),
        )
        .route(
            "/compute/v2.1/os-quota-sets/{project_id}/defaults",
            get(defaults),
        )
}

/// The keys a microversion neither shows nor accepts.
fn hidden(mv: Microversion) -> &'static [&'static str] {
    if mv >= Microversion(2, 57) {
        &GONE_IN_2_57
    } else if mv >= Microversion(2, 36) {
        &GONE_IN_2_36
    } else {
        &[]
    }
}

fn forbidden(action: &str) -> ApiError {
    super::policy(&format!("os_compute_api:os-quota-sets:{action}"))
}

/// Nova asks Keystone whether the project exists.
fn verify_project(ctx: &Ctx, project: &str) -> Result<(), ApiError> {
    if ctx.realm().project_by_id(project).is_some() {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!(
            "Project ID {project} is not a valid project."
        )))
    }
}

/// `{"quota_set": {"id"?, key: value, …}}` without the keys the microversion hides.
fn quota_set(id: Option<&str>, rows: Vec<(String, Value)>, mv: Microversion) -> Response {
    let mut set = Map::new();
    if let Some(id) = id {
        set.insert("id".into(), json!(id));
    }
    let hidden = hidden(mv);
    for (name, value) in rows {
        if !hidden.contains(&name.as_str()) {
            set.insert(name, value);
        }
    }
    body::json(StatusCode::OK, &json!({"quota_set": set}))
}

fn limits(ctx: &Ctx, project: &str) -> Vec<(String, Value)> {
    ctx.world.quotas.region(ctx.key(), |q| {
        q.table(project, QuotaService::Compute, &Held::new())
            .into_iter()
            .map(|(n, limit, _)| (n, json!(limit)))
            .collect()
    })
}

async fn show(Req { ctx, caller, mv }: Req, Path(project): Path<String>) -> Reply {
    if !admin_or_member(&caller, &project) {
        return Err(forbidden("show"));
    }
    verify_project(&ctx, &project)?;
    Ok(quota_set(Some(&project), limits(&ctx, &project), mv))
}

async fn detail(Req { ctx, caller, mv }: Req, Path(project): Path<String>) -> Reply {
    if !admin_or_member(&caller, &project) {
        return Err(forbidden("detail"));
    }
    verify_project(&ctx, &project)?;
    let held = ctx.world.held(ctx.key(), &project, QuotaService::Compute);
    let rows = ctx.world.quotas.region(ctx.key(), |q| {
        q.table(&project, QuotaService::Compute, &held)
            .into_iter()
            .map(|(n, limit, used)| (n, json!({"limit": limit, "in_use": used, "reserved": 0})))
            .collect()
    });
    Ok(quota_set(Some(&project), rows, mv))
}

/// Anyone may read the defaults (policy `@`), of an existing project.
async fn defaults(
    State(ctx): State<Ctx>,
    Extension(mv): Extension<Microversion>,
    Path(project): Path<String>,
) -> Reply {
    verify_project(&ctx, &project)?;
    let rows = ctx.world.quotas.region(ctx.key(), |q| {
        q.resources(QuotaService::Compute)
            .into_iter()
            .map(|(n, d)| (n, json!(d)))
            .collect()
    });
    Ok(quota_set(Some(&project), rows, mv))
}

/// What the update schema accepts: (resource, limit) in body order, and `force`.
struct Update {
    limits: Vec<(String, i64)>,
    force: bool,
}

/// Nova's JSON-schema check of a PUT body, with its messages. An unknown
/// key (or one the microversion hides) wins over a bad value, as
/// jsonschema's `best_match` prefers the shallower error.
fn validate(raw: &[u8], mv: Microversion) -> Result<Update, String> {
    let request: Value =
        serde_json::from_slice(raw).map_err(|_| "Malformed request body".to_owned())?;
    let (set, map) = crate::quota::quota_set(&request)?;
    let hidden = hidden(mv);
    let known = |k: &str| {
        k == "force" || COMPUTE.iter().any(|(name, _)| *name == k) && !hidden.contains(&k)
    };
    let unexpected: Vec<String> = map
        .keys()
        .filter(|k| !known(k))
        .map(|k| format!("'{k}'"))
        .collect();
    if !unexpected.is_empty() {
        let verb = if unexpected.len() == 1 { "was" } else { "were" };
        return Err(format!(
            "Invalid input for field/attribute quota_set. Value: {}. Additional properties are not allowed ({} {verb} unexpected)",
            py_repr(set),
            unexpected.join(", ")
        ));
    }
    let mut update = Update {
        limits: Vec::new(),
        force: false,
    };
    for (key, value) in map {
        let invalid = |why: String| {
            format!(
                "Invalid input for field/attribute {key}. Value: {}. {why}",
                py_str(value)
            )
        };
        if key == "force" {
            update.force = match value {
                Value::Bool(b) => *b,
                Value::String(s) => BOOLEAN_STRINGS
                    .iter()
                    .find(|(text, _)| text == s)
                    .map(|(_, b)| *b)
                    .ok_or_else(|| invalid(not_boolean(value)))?,
                _ => return Err(invalid(not_boolean(value))),
            };
            continue;
        }
        let limit = match value {
            Value::Number(n) => match n.as_i64() {
                Some(i) if i < -1 => {
                    return Err(invalid(format!("{i} is less than the minimum of -1")));
                }
                Some(i) if i > MAX_INT => {
                    return Err(invalid(format!(
                        "{i} is greater than the maximum of {MAX_INT}"
                    )));
                }
                Some(i) => i,
                None => {
                    return Err(invalid(format!(
                        "{} is not of type 'integer', 'string'",
                        py_repr(value)
                    )));
                }
            },
            // A string passes the schema when it looks like an integer;
            // Nova then calls int() on it.
            Value::String(s) => {
                let digits = s.strip_prefix('-').unwrap_or(s);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(invalid(format!(
                        "{} does not match '^-?[0-9]+$'",
                        py_repr(value)
                    )));
                }
                s.parse::<i64>().map_err(|_| {
                    invalid(format!(
                        "{} is greater than the maximum of {MAX_INT}",
                        py_repr(value)
                    ))
                })?
            }
            _ => {
                return Err(invalid(format!(
                    "{} is not of type 'integer', 'string'",
                    py_repr(value)
                )));
            }
        };
        update.limits.push((key.clone(), limit));
    }
    Ok(update)
}

fn not_boolean(value: &Value) -> String {
    let listed: Vec<String> = std::iter::once("True".to_owned())
        .chain(BOOLEAN_STRINGS[..12].iter().map(|(s, _)| format!("'{s}'")))
        .chain(std::iter::once("False".to_owned()))
        .chain(BOOLEAN_STRINGS[12..].iter().map(|(s, _)| format!("'{s}'")))
        .collect();
    format!("{} is not one of [{}]", py_repr(value), listed.join(", "))
}

/// Schema first, then policy, then Keystone, then usage: Nova's order. All
/// limits are checked before any is written.
async fn update(Req { ctx, caller, mv }: Req, Path(project): Path<String>, raw: Bytes) -> Reply {
    let update = validate(&raw, mv).map_err(ApiError::bad_request)?;
    if !caller.is_admin() {
        return Err(forbidden("update"));
    }
    verify_project(&ctx, &project)?;
    let held = ctx.world.held(ctx.key(), &project, QuotaService::Compute);
    let refused = ctx.world.quotas.region(ctx.key(), |q| {
        if !update.force {
            for (key, limit) in &update.limits {
                // Nova's minimum is in_use + reserved; reserved is always 0 here.
                let minimum = q.used(&project, QuotaService::Compute, key, &held);
                if *limit != -1 && *limit < minimum {
                    return Some(format!(
                        "Quota limit {limit} for {key} must be greater than or equal to already used and reserved {minimum}."
                    ));
                }
            }
        }
        q.set_limits(&project, QuotaService::Compute, &update.limits);
        None
    });
    if let Some(message) = refused {
        return Err(ApiError::bad_request(message));
    }
    // Nova drops the id from update's response.
    Ok(quota_set(None, limits(&ctx, &project), mv))
}

/// Back to the defaults: 202 with an empty body, any project id.
async fn delete(Req { ctx, caller, .. }: Req, Path(project): Path<String>) -> Reply {
    if !caller.is_admin() {
        return Err(forbidden("delete"));
    }
    ctx.world
        .quotas
        .region(ctx.key(), |q| q.clear(&project, QuotaService::Compute));
    Ok(body::raw(
        StatusCode::ACCEPTED,
        "application/json",
        String::new(),
    ))
}
