//! Keystone's unified limits (`/v3/registered_limits`, `/v3/limits`) and `/v3/services`, as keystone 30 answers.

// Handlers bail out with the very response to send (see keystone.rs).
#![allow(clippy::result_large_err)]

use std::collections::HashMap;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use serde_json::{Map, Value, json};

use crate::body::{py_repr, py_str};
use crate::quota::{Limits, ProjectLimit, RegisteredLimit};
use crate::server::Ctx;
use crate::state::{Realm, hex_id};
use crate::store::admin_or_member;
use crate::{Caller, body, errors};

use super::Reply;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route(
            "/v3/registered_limits",
            get(list_registered).post(create_registered),
        )
        .route(
            "/v3/registered_limits/{id}",
            get(get_registered).delete(delete_registered),
        )
        .route("/v3/limits", get(list_limits).post(create_limits))
        .route("/v3/limits/model", get(model))
        .route(
            "/v3/limits/{id}",
            get(get_limit).patch(update_limit).delete(delete_limit),
        )
        .route("/v3/services", get(list_services))
        .route("/v3/services/{id}", get(get_service))
}

/// The caller behind `X-Auth-Token`, or Keystone's 401.
fn caller(realm: &Realm, headers: &HeaderMap) -> Result<Caller, Response> {
    headers
        .get("x-auth-token")
        .and_then(|v| v.to_str().ok())
        .and_then(|t| realm.caller(t))
        .ok_or_else(|| errors::keystone_unauthorized(&realm.v3()))
}

fn admin(realm: &Realm, headers: &HeaderMap, action: &str) -> Result<Caller, Response> {
    let caller = caller(realm, headers)?;
    if caller.is_admin() {
        Ok(caller)
    } else {
        Err(forbidden(&format!(
            "You are not authorized to perform the requested action: identity:{action}."
        )))
    }
}

fn forbidden(message: &str) -> Response {
    errors::keystone(StatusCode::FORBIDDEN, message)
}

fn bad_request(message: &str) -> Response {
    errors::keystone(StatusCode::BAD_REQUEST, message)
}

fn not_found(message: &str) -> Response {
    errors::keystone(StatusCode::NOT_FOUND, message)
}

fn no_content() -> Response {
    let mut resp = Response::new(Body::empty());
    *resp.status_mut() = StatusCode::NO_CONTENT;
    resp
}

/// `{"next": null, "self": <url with the query as sent>, "previous": null}`.
fn links(realm: &Realm, path: &str, query: Option<&str>) -> Value {
    let query = query.map(|q| format!("?{q}")).unwrap_or_default();
    json!({"next": null, "self": format!("{}/{path}{query}", realm.v3()), "previous": null})
}

/// keystone's ValidationError for a field that names nothing it knows.
fn expecting(attribute: &str, target: &str) -> Response {
    bad_request(&format!(
        "Expecting to find {attribute} in {target}. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error."
    ))
}

fn invalid(attribute: &str, value: &Value, why: &str) -> Response {
    bad_request(&format!(
        "Invalid input for field/attribute {attribute}. Value: {}. {why}",
        py_str(value)
    ))
}

fn registered_json(realm: &Realm, r: &RegisteredLimit) -> Value {
    json!({
        "id": r.id, "service_id": r.service_id, "region_id": r.region_id,
        "resource_name": r.resource_name, "default_limit": r.default_limit,
        "description": r.description,
        "links": {"self": format!("{}/registered_limits/{}", realm.v3(), r.id)},
    })
}

fn limit_json(realm: &Realm, l: &ProjectLimit) -> Value {
    json!({
        "id": l.id, "project_id": l.project_id, "domain_id": null,
        "resource_limit": l.resource_limit, "description": l.description,
        "service_id": l.service_id, "region_id": l.region_id,
        "resource_name": l.resource_name,
        "links": {"self": format!("{}/limits/{}", realm.v3(), l.id)},
    })
}

fn matches(filter: &HashMap<String, String>, key: &str, value: Option<&str>) -> bool {
    filter.get(key).is_none_or(|f| Some(f.as_str()) == value)
}

/// The `service_id`, `region_id` and `resource_name` filters of both lists.
fn matches_resource(
    filter: &HashMap<String, String>,
    (service_id, region_id, resource_name): (&str, Option<&str>, &str),
) -> bool {
    matches(filter, "service_id", Some(service_id))
        && matches(filter, "region_id", region_id)
        && matches(filter, "resource_name", Some(resource_name))
}

// ---- registered limits ------------------------------------------------------

async fn list_registered(
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    Query(filter): Query<HashMap<String, String>>,
) -> Reply {
    let realm = ctx.realm();
    caller(realm, &headers)?;
    let items: Vec<Value> = ctx.world.quotas.keystone(&realm.key, |l| {
        l.registered
            .iter()
            .filter(|r| matches_resource(&filter, r.resource()))
            .map(|r| registered_json(realm, r))
            .collect()
    });
    Ok(body::json(
        StatusCode::OK,
        &json!({"registered_limits": items,
            "links": links(realm, "registered_limits", raw.as_deref())}),
    ))
}

async fn get_registered(
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Reply {
    let realm = ctx.realm();
    caller(realm, &headers)?;
    ctx.world.quotas.keystone(&realm.key, |l| {
        l.registered
            .iter()
            .find(|r| r.id == id)
            .map(|r| {
                body::json(
                    StatusCode::OK,
                    &json!({"registered_limit": registered_json(realm, r)}),
                )
            })
            .ok_or_else(|| not_found(&format!("Could not find registered limit for {id}.")))
    })
}

/// The fields every unified limit has, checked as keystone's schema does.
struct Common {
    service_id: String,
    region_id: Option<String>,
    resource_name: String,
    description: Option<String>,
}

fn common(realm: &Realm, item: &Map<String, Value>, target: &str) -> Result<Common, Response> {
    let text = |key: &str| -> Result<Option<String>, Response> {
        match item.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v) => Err(invalid(
                key,
                v,
                &format!("{} is not of type 'string'", py_repr(v)),
            )),
        }
    };
    let service_id = text("service_id")?.unwrap_or_default();
    let resource_name = text("resource_name")?.unwrap_or_default();
    let region_id = text("region_id")?;
    let description = text("description")?;
    if !realm.catalog.iter().any(|s| s.id == service_id) {
        return Err(expecting("service_id", target));
    }
    if let Some(region) = &region_id
        && !realm.regions.contains(region)
    {
        return Err(expecting("region_id", target));
    }
    Ok(Common {
        service_id,
        region_id,
        resource_name,
        description,
    })
}

/// An integer ≥ -1 under `key`.
fn amount(item: &Map<String, Value>, key: &str) -> Result<i64, Response> {
    let v = &item[key];
    match v.as_i64() {
        Some(n) if n < -1 => Err(invalid(
            key,
            v,
            &format!("{n} is less than the minimum of -1"),
        )),
        Some(n) => Ok(n),
        None => Err(invalid(
            key,
            v,
            &format!("{} is not of type 'integer'", py_repr(v)),
        )),
    }
}

/// The list under `key` with each item's required keys, or keystone's 400.
fn items(raw: &[u8], key: &str, required: &[&str]) -> Result<Vec<Map<String, Value>>, Response> {
    let request: Value = serde_json::from_slice(raw).map_err(|_| {
        bad_request("Expecting to find valid JSON in request body. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.")
    })?;
    let Some(list) = request.get(key) else {
        return Err(bad_request(&format!("'{key}' is a required property")));
    };
    let Some(list) = list.as_array() else {
        return Err(invalid(
            key,
            list,
            &format!("{} is not of type 'array'", py_repr(list)),
        ));
    };
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let Some(map) = item.as_object() else {
            return Err(invalid(
                &i.to_string(),
                item,
                &format!("{} is not of type 'object'", py_repr(item)),
            ));
        };
        if let Some(missing) = required.iter().find(|k| !map.contains_key(**k)) {
            return Err(invalid(
                &i.to_string(),
                item,
                &format!("'{missing}' is a required property"),
            ));
        }
        out.push(map.clone());
    }
    Ok(out)
}

async fn create_registered(State(ctx): State<Ctx>, headers: HeaderMap, raw: Bytes) -> Reply {
    let realm = ctx.realm();
    admin(realm, &headers, "create_registered_limits")?;
    let target = "registered_limit";
    let mut new = Vec::new();
    for item in items(
        &raw,
        "registered_limits",
        &["service_id", "resource_name", "default_limit"],
    )? {
        let c = common(realm, &item, target)?;
        let default_limit = amount(&item, "default_limit")?;
        new.push(RegisteredLimit {
            id: hex_id(),
            service_id: c.service_id,
            region_id: c.region_id,
            resource_name: c.resource_name,
            default_limit,
            description: c.description,
        });
    }
    ctx.world.quotas.keystone(&realm.key, |l: &mut Limits| {
        let clash = new.iter().enumerate().any(|(i, n)| {
            l.registered_for(&n.service_id, n.region_id.as_deref(), &n.resource_name)
                .is_some()
                || new[..i].iter().any(|o| o.resource() == n.resource())
        });
        if clash {
            return Err(errors::keystone(
                StatusCode::CONFLICT,
                "Conflict occurred attempting to store registered_limit - Duplicate entry.",
            ));
        }
        let out: Vec<Value> = new.iter().map(|r| registered_json(realm, r)).collect();
        l.registered.extend(new);
        Ok(body::json(
            StatusCode::CREATED,
            &json!({"registered_limits": out}),
        ))
    })
}

async fn delete_registered(
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Reply {
    let realm = ctx.realm();
    admin(realm, &headers, "delete_registered_limit")?;
    ctx.world.quotas.keystone(&realm.key, |l| {
        let Some(pos) = l.registered.iter().position(|r| r.id == id) else {
            return Err(not_found(&format!(
                "Could not find registered limit for {id}."
            )));
        };
        let r = &l.registered[pos];
        let used = l.limits.iter().any(|x| x.resource() == r.resource());
        if used {
            return Err(forbidden(&format!(
                "Unable to update or delete registered limit {id} because there are project limits associated with it."
            )));
        }
        l.registered.remove(pos);
        Ok(no_content())
    })
}

// ---- project limits ---------------------------------------------------------

async fn model(State(ctx): State<Ctx>, headers: HeaderMap) -> Reply {
    caller(ctx.realm(), &headers)?;
    Ok(body::json(
        StatusCode::OK,
        &json!({"model": {"name": "flat", "description": "Limit enforcement and validation does not take project hierarchy into consideration."}}),
    ))
}

/// The admin sees every limit; anyone else only their project's.
async fn list_limits(
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    Query(filter): Query<HashMap<String, String>>,
) -> Reply {
    let realm = ctx.realm();
    let caller = caller(realm, &headers)?;
    let items: Vec<Value> = ctx.world.quotas.keystone(&realm.key, |l| {
        l.limits
            .iter()
            .filter(|x| admin_or_member(&caller, &x.project_id))
            .filter(|x| {
                matches(&filter, "project_id", Some(&x.project_id))
                    && matches_resource(&filter, x.resource())
            })
            .map(|x| limit_json(realm, x))
            .collect()
    });
    Ok(body::json(
        StatusCode::OK,
        &json!({"limits": items, "links": links(realm, "limits", raw.as_deref())}),
    ))
}

async fn get_limit(State(ctx): State<Ctx>, headers: HeaderMap, Path(id): Path<String>) -> Reply {
    let realm = ctx.realm();
    let caller = caller(realm, &headers)?;
    ctx.world.quotas.keystone(&realm.key, |l| {
        let x = l
            .limits
            .iter()
            .find(|x| x.id == id)
            .ok_or_else(|| not_found(&format!("Could not find limit for {id}.")))?;
        if !admin_or_member(&caller, &x.project_id) {
            return Err(forbidden(
                "You are not authorized to perform the requested action: identity:get_limit.",
            ));
        }
        Ok(body::json(
            StatusCode::OK,
            &json!({"limit": limit_json(realm, x)}),
        ))
    })
}

/// Policy, schema, the things named must exist, a registered limit must
/// exist, no duplicate: all checked before any limit is stored.
async fn create_limits(State(ctx): State<Ctx>, headers: HeaderMap, raw: Bytes) -> Reply {
    let realm = ctx.realm();
    admin(realm, &headers, "create_limits")?;
    let target = "limit";
    let mut new = Vec::new();
    for (i, item) in items(
        &raw,
        "limits",
        &["service_id", "resource_name", "resource_limit"],
    )?
    .into_iter()
    .enumerate()
    {
        let Some(project_id) = item.get("project_id").and_then(Value::as_str) else {
            let v = Value::Object(item.clone());
            return Err(invalid(
                &i.to_string(),
                &v,
                &format!(
                    "{} is not valid under any of the given schemas",
                    py_repr(&v)
                ),
            ));
        };
        let c = common(realm, &item, target)?;
        if realm.project_by_id(project_id).is_none() {
            return Err(expecting("project_id", target));
        }
        let resource_limit = amount(&item, "resource_limit")?;
        new.push(ProjectLimit {
            id: hex_id(),
            project_id: project_id.to_owned(),
            service_id: c.service_id,
            region_id: c.region_id,
            resource_name: c.resource_name,
            resource_limit,
            description: c.description,
        });
    }
    ctx.world.quotas.keystone(&realm.key, |l| {
        for (i, n) in new.iter().enumerate() {
            if l.registered_for(&n.service_id, n.region_id.as_deref(), &n.resource_name)
                .is_none()
            {
                return Err(forbidden(
                    "Unable to create a limit that has no corresponding registered limit.",
                ));
            }
            let same =
                |o: &ProjectLimit| o.project_id == n.project_id && o.resource() == n.resource();
            if l.limits.iter().any(same) || new[..i].iter().any(same) {
                return Err(errors::keystone(
                    StatusCode::CONFLICT,
                    "Conflict occurred attempting to store limit - Duplicate entry.",
                ));
            }
        }
        let out: Vec<Value> = new.iter().map(|x| limit_json(realm, x)).collect();
        l.limits.extend(new);
        Ok(body::json(StatusCode::CREATED, &json!({"limits": out})))
    })
}

/// Only `resource_limit` and `description` may change.
async fn update_limit(
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<String>,
    raw: Bytes,
) -> Reply {
    let realm = ctx.realm();
    admin(realm, &headers, "update_limit")?;
    let request: Value = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    let Some(patch) = request.get("limit") else {
        return Err(bad_request("'limit' is a required property"));
    };
    let Some(map) = patch.as_object() else {
        return Err(invalid(
            "limit",
            patch,
            &format!("{} is not of type 'object'", py_repr(patch)),
        ));
    };
    let unexpected: Vec<String> = map
        .keys()
        .filter(|k| *k != "resource_limit" && *k != "description")
        .map(|k| format!("'{k}'"))
        .collect();
    if !unexpected.is_empty() {
        let verb = if unexpected.len() == 1 { "was" } else { "were" };
        return Err(invalid(
            "limit",
            patch,
            &format!(
                "Additional properties are not allowed ({} {verb} unexpected)",
                unexpected.join(", ")
            ),
        ));
    }
    let resource_limit = if map.contains_key("resource_limit") {
        Some(amount(map, "resource_limit")?)
    } else {
        None
    };
    ctx.world.quotas.keystone(&realm.key, |l| {
        let x = l
            .limits
            .iter_mut()
            .find(|x| x.id == id)
            .ok_or_else(|| not_found(&format!("Could not find limit for {id}.")))?;
        if let Some(n) = resource_limit {
            x.resource_limit = n;
        }
        if let Some(d) = map.get("description") {
            x.description = d.as_str().map(str::to_owned);
        }
        Ok(body::json(
            StatusCode::OK,
            &json!({"limit": limit_json(realm, x)}),
        ))
    })
}

async fn delete_limit(State(ctx): State<Ctx>, headers: HeaderMap, Path(id): Path<String>) -> Reply {
    let realm = ctx.realm();
    admin(realm, &headers, "delete_limit")?;
    ctx.world.quotas.keystone(&realm.key, |l| {
        let before = l.limits.len();
        l.limits.retain(|x| x.id != id);
        if l.limits.len() == before {
            Err(not_found(&format!("Could not find limit for {id}.")))
        } else {
            Ok(no_content())
        }
    })
}

// ---- services -----------------------------------------------------------------

fn service_json(realm: &Realm, s: &crate::catalog::CatalogService) -> Value {
    json!({"name": s.name, "id": s.id, "type": s.kind, "enabled": true,
        "links": {"self": format!("{}/services/{}", realm.v3(), s.id)}})
}

/// Admin only (a member maps service ids through its token's catalog).
async fn list_services(
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    Query(filter): Query<HashMap<String, String>>,
) -> Reply {
    let realm = ctx.realm();
    admin(realm, &headers, "list_services")?;
    let services: Vec<Value> = realm
        .catalog
        .iter()
        .filter(|s| {
            matches(&filter, "type", Some(s.kind)) && matches(&filter, "name", Some(s.name))
        })
        .map(|s| service_json(realm, s))
        .collect();
    Ok(body::json(
        StatusCode::OK,
        &json!({"services": services, "links": links(realm, "services", raw.as_deref())}),
    ))
}

async fn get_service(State(ctx): State<Ctx>, headers: HeaderMap, Path(id): Path<String>) -> Reply {
    let realm = ctx.realm();
    admin(realm, &headers, "get_service")?;
    realm
        .catalog
        .iter()
        .find(|s| s.id == id)
        .map(|s| body::json(StatusCode::OK, &json!({"service": service_json(realm, s)})))
        .ok_or_else(|| not_found(&format!("Could not find service: {id}.")))
}
