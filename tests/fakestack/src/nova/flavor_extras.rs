//! A flavor's `os-extra_specs` and `os-flavor-access` (with the `addTenantAccess`/`removeTenantAccess` actions).

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde_json::{Map, Value, json};

use crate::body::py_repr;
use crate::microversion::Microversion;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{ApiError, Kind, Req, Resource};

use super::flavors::{access, is_public, lookup};
use super::{Reply, json_body, ok, policy};

/// From 2.7 a public flavor refuses an access list.
const MV_PUBLIC_CONFLICT: Microversion = Microversion(2, 7);

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route(
            "/compute/v2.1/flavors/{id}/os-extra_specs",
            get(list_specs).post(create_specs),
        )
        .route(
            "/compute/v2.1/flavors/{id}/os-extra_specs/{key}",
            get(show_spec).put(update_spec).delete(delete_spec),
        )
        .route(
            "/compute/v2.1/flavors/{id}/os-flavor-access",
            get(list_access),
        )
        .route("/compute/v2.1/flavors/{id}/action", post(action))
}

fn no_spec(id: &str, key: &str) -> ApiError {
    ApiError::not_found(format!("Flavor {id} has no extra specs with key {key}."))
}

/// The specs as stored: Nova's column is a string, so numbers and booleans
/// are kept as Python's `str()` of them.
fn check_specs(specs: &Value) -> Result<Vec<(String, Value)>, ApiError> {
    let Some(map) = specs.as_object() else {
        return Err(ApiError::bad_request(format!(
            "Invalid input for field/attribute extra_specs. Value: {}. {} is not of type 'object'",
            py_repr(specs),
            py_repr(specs)
        )));
    };
    let mut out = Vec::new();
    for (key, value) in map {
        let valid_key = !key.is_empty()
            && key.len() <= 255
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_:. ".contains(c));
        if !valid_key {
            return Err(ApiError::bad_request(format!(
                "Invalid input for field/attribute extra_specs. Value: {}. Additional properties are not allowed ('{key}' was unexpected)",
                py_repr(specs)
            )));
        }
        let stored = match value {
            Value::String(s) if !s.is_empty() && s.len() <= 255 => json!(s),
            Value::Number(n) => json!(n.to_string()),
            Value::Bool(b) => json!(if *b { "True" } else { "False" }),
            v => {
                return Err(ApiError::bad_request(format!(
                    "Invalid input for field/attribute {key}. Value: {}. {} is not of type 'string', 'number', 'boolean'",
                    py_repr(v),
                    py_repr(v)
                )));
            }
        };
        out.push((key.clone(), stored));
    }
    Ok(out)
}

async fn list_specs(Req { ctx, caller, .. }: Req, Path(id): Path<String>) -> Reply {
    let flavor = ctx.world.store.at(ctx.key(), |s| lookup(s, &caller, &id))?;
    Ok(ok(
        StatusCode::OK,
        &json!({"extra_specs": flavor.body["extra_specs"]}),
    ))
}

/// Merges specs into a flavor (admin); returns the flavor after.
fn merge(
    ctx: &Ctx,
    caller: &Caller,
    id: &str,
    specs: Vec<(String, Value)>,
) -> Result<Resource, ApiError> {
    ctx.world.store.at(ctx.key(), |s| {
        lookup(s, caller, id)?;
        let r = s
            .get_mut(Kind::Flavor, id)
            .ok_or_else(|| ApiError::not_found(format!("Flavor {id} could not be found.")))?;
        let mut all = r.body["extra_specs"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for (k, v) in specs {
            all.insert(k, v);
        }
        r.body["extra_specs"] = Value::Object(all);
        r.touch();
        Ok(r.clone())
    })
}

/// `{"extra_specs": {…}}`, admin; answers the body as sent (200).
async fn create_specs(Req { ctx, caller, .. }: Req, Path(id): Path<String>, raw: Bytes) -> Reply {
    let request = json_body(&raw)?;
    let specs = super::envelope(&request, "extra_specs")?;
    let checked = check_specs(specs)?;
    if !caller.is_admin() {
        return Err(policy("os_compute_api:os-flavor-extra-specs:create"));
    }
    merge(&ctx, &caller, &id, checked)?;
    Ok(ok(StatusCode::OK, &request))
}

async fn show_spec(Req { ctx, caller, .. }: Req, Path((id, key)): Path<(String, String)>) -> Reply {
    let flavor = ctx.world.store.at(ctx.key(), |s| lookup(s, &caller, &id))?;
    let value = flavor.body["extra_specs"]
        .get(&key)
        .cloned()
        .ok_or_else(|| no_spec(&id, &key))?;
    let mut out = Map::new();
    out.insert(key, value);
    Ok(ok(StatusCode::OK, &Value::Object(out)))
}

/// `{key: value}` at `…/os-extra_specs/{key}` (the key must match), admin.
async fn update_spec(
    Req { ctx, caller, .. }: Req,
    Path((id, key)): Path<(String, String)>,
    raw: Bytes,
) -> Reply {
    let request = json_body(&raw)?;
    let checked = check_specs(&request)?;
    if checked.len() != 1 {
        return Err(ApiError::bad_request(format!(
            "Invalid input for field/attribute extra_specs. Value: {}. {} should have exactly one property",
            py_repr(&request),
            py_repr(&request)
        )));
    }
    if !caller.is_admin() {
        return Err(policy("os_compute_api:os-flavor-extra-specs:update"));
    }
    if request.get(&key).is_none() {
        return Err(ApiError::bad_request("Request body and URI mismatch"));
    }
    merge(&ctx, &caller, &id, checked)?;
    Ok(ok(StatusCode::OK, &request))
}

/// Admin; 200 with an empty body.
async fn delete_spec(
    Req { ctx, caller, .. }: Req,
    Path((id, key)): Path<(String, String)>,
) -> Reply {
    if !caller.is_admin() {
        return Err(policy("os_compute_api:os-flavor-extra-specs:delete"));
    }
    ctx.world.store.at(ctx.key(), |s| {
        lookup(s, &caller, &id)?;
        let r = s
            .get_mut(Kind::Flavor, &id)
            .ok_or_else(|| ApiError::not_found(format!("Flavor {id} could not be found.")))?;
        let removed = r.body["extra_specs"]
            .as_object_mut()
            .and_then(|m| m.remove(&key));
        if removed.is_none() {
            return Err(no_spec(&id, &key));
        }
        r.touch();
        Ok(())
    })?;
    Ok(crate::body::raw(
        StatusCode::OK,
        "application/json",
        String::new(),
    ))
}

fn access_json(id: &str, projects: &[String]) -> Value {
    let rows: Vec<Value> = projects
        .iter()
        .map(|p| json!({"flavor_id": id, "tenant_id": p}))
        .collect();
    json!({"flavor_access": rows})
}

/// Admin only; a public flavor has no list (404).
async fn list_access(Req { ctx, caller, .. }: Req, Path(id): Path<String>) -> Reply {
    if !caller.is_admin() {
        return Err(policy("os_compute_api:os-flavor-access"));
    }
    let flavor = ctx.world.store.at(ctx.key(), |s| lookup(s, &caller, &id))?;
    if is_public(&flavor) {
        return Err(ApiError::not_found(
            "Access list not available for public flavors.",
        ));
    }
    Ok(ok(StatusCode::OK, &access_json(&id, &access(&flavor))))
}

/// `addTenantAccess` / `removeTenantAccess` (`{"tenant": project_id}`), admin.
async fn action(Req { ctx, caller, mv }: Req, Path(id): Path<String>, raw: Bytes) -> Reply {
    action_inner(&ctx, &caller, mv, &id, &raw)
}

fn action_inner(ctx: &Ctx, caller: &Caller, mv: Microversion, id: &str, raw: &[u8]) -> Reply {
    let request = json_body(raw)?;
    let (add, body) = match (
        request.get("addTenantAccess"),
        request.get("removeTenantAccess"),
    ) {
        (Some(b), None) => (true, b),
        (None, Some(b)) => (false, b),
        _ => return Err(ApiError::bad_request("There is no such action: None")),
    };
    let Some(tenant) = body.get("tenant").and_then(Value::as_str) else {
        let name = if add {
            "addTenantAccess"
        } else {
            "removeTenantAccess"
        };
        return Err(ApiError::bad_request(format!(
            "Invalid input for field/attribute {name}. Value: {}. 'tenant' is a required property",
            py_repr(body)
        )));
    };
    let rule = if add {
        "add_tenant_access"
    } else {
        "remove_tenant_access"
    };
    if !caller.is_admin() {
        return Err(policy(&format!("os_compute_api:os-flavor-access:{rule}")));
    }
    if add && ctx.realm().project_by_id(tenant).is_none() {
        return Err(ApiError::bad_request(format!(
            "Project ID {tenant} is not a valid project."
        )));
    }
    let projects = ctx.world.store.at(ctx.key(), |s| {
        let flavor = lookup(s, caller, id)?;
        let mut projects = access(&flavor);
        let present = projects.iter().any(|p| p == tenant);
        if add {
            if mv >= MV_PUBLIC_CONFLICT && is_public(&flavor) {
                return Err(ApiError::conflict("Can not add access to a public flavor."));
            }
            if present {
                return Err(ApiError::conflict(format!(
                    "Flavor access already exists for flavor {id} and project {tenant} combination."
                )));
            }
            projects.push(tenant.to_owned());
        } else {
            if !present {
                return Err(ApiError::not_found(format!(
                    "Flavor access not found for {id} / {tenant} combination."
                )));
            }
            projects.retain(|p| p != tenant);
        }
        if let Some(r) = s.get_mut(Kind::Flavor, id) {
            r.hidden.insert("projects".into(), json!(projects));
        }
        Ok(projects)
    })?;
    Ok(ok(StatusCode::OK, &access_json(id, &projects)))
}
