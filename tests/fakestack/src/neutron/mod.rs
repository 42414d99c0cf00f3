//! Neutron: quotas, networks, subnets, ports, routers, floating IPs, security groups and their rules (with tags), and the extension list.
//!
//! Every resource collection is a [`Collection`] (`crate::collection`)
//! with Neutron's defaults from [`collection()`]: list (equality filters,
//! `fields`, `sort_key`/`sort_dir`, `limit`/`marker`/`page_reverse` with
//! `*_links`), show, create (one or bulk, within the quota), update and
//! delete. A kind adds its create, update and delete rules. The admin sees
//! every project's resources, as Neutron's admin does.

mod extensions;
pub(crate) mod floatingips;
mod ipam;
pub(crate) mod networks;
pub(crate) mod ports;
mod quota;
pub(crate) mod routers;
pub(crate) mod secgroups;
pub(crate) mod subnets;

use axum::Router;
use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::body;
use crate::collection::{self, Ask, Collection, DeleteFn, UpdateFn, Verb};
use crate::query::Query;
use crate::quota::QuotaService;
use crate::region::Service;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{ApiError, Call, CreateFn, Decl, Kind, Paging, RegionStore, Resource, Stamps};

pub(crate) use crate::collection::Attrs;

/// A Neutron kind's declaration at `path` (`/network/v2.0/ports`), with the
/// envelopes `(port, ports)`; ids, paging and stamps are Neutron's.
const fn decl(
    kind: Kind,
    path: &'static str,
    (singular, plural): (&'static str, &'static str),
    create: CreateFn,
    visible: fn(&Caller, &Resource) -> bool,
) -> Decl {
    Decl {
        kind,
        service: Service::Network,
        path,
        singular,
        plural,
        key: "id",
        paging: Paging::Neutron,
        stamps: Stamps::Zulu,
        create,
        visible,
    }
}

/// A Neutron collection: its `NotFound` type and message for an id, and
/// its update and delete rules; lists filter on any attribute, with
/// `fields` and sorting, creates may be bulk and count against the quota.
const fn collection(
    decl: &'static Decl,
    (kind, message): (&'static str, fn(&str) -> String),
    update: UpdateFn,
    delete: DeleteFn,
) -> Collection {
    Collection::new(decl, message, select, view, decode)
        .typed(kind)
        .admit(check_quota)
        .updated(update)
        .deleted(delete)
}

const COLLECTIONS: [&Collection; 7] = [
    &networks::COLLECTION,
    &subnets::COLLECTION,
    &ports::COLLECTION,
    &routers::COLLECTION,
    &floatingips::COLLECTION,
    &secgroups::GROUP_COLLECTION,
    &secgroups::RULE_COLLECTION,
];

/// Query keys that are not filters.
const NOT_FILTERS: [&str; 6] = [
    "fields",
    "sort_key",
    "sort_dir",
    "limit",
    "marker",
    "page_reverse",
];

pub(crate) fn routes() -> Router<Ctx> {
    let router = Router::new()
        .merge(quota::routes())
        .merge(routers::action_routes())
        .merge(extensions::routes())
        .merge(collection::routes(&crate::states::AGENTS));
    COLLECTIONS
        .into_iter()
        .fold(router, |router, c| router.merge(collection::routes(c)))
}

pub(crate) use crate::store::Reply;

/// `Failed to parse request. Required attribute '<key>' not specified`.
pub(crate) fn missing_attribute(key: &str) -> ApiError {
    bad_request(format!(
        "Failed to parse request. Required attribute '{key}' not specified"
    ))
}

/// The string attribute `key` a request must carry.
pub(crate) fn required<'m>(map: &'m Map<String, Value>, key: &str) -> Result<&'m str, ApiError> {
    map.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| missing_attribute(key))
}

/// `{"NeutronError": {"type": "HTTPBadRequest", …}}`.
pub(crate) fn bad_request(message: impl Into<String>) -> ApiError {
    ApiError::typed(StatusCode::BAD_REQUEST, "HTTPBadRequest", message)
}

/// `Invalid input for operation: <why>.` (neutron_lib's `InvalidInput`).
pub(crate) fn invalid_input(why: impl std::fmt::Display) -> ApiError {
    ApiError::typed(
        StatusCode::BAD_REQUEST,
        "InvalidInput",
        format!("Invalid input for operation: {why}."),
    )
}

/// `rule:<rule> is disallowed by policy`.
pub(crate) fn policy(rule: &str) -> ApiError {
    ApiError::typed(
        StatusCode::FORBIDDEN,
        "PolicyNotAuthorized",
        format!("rule:{rule} is disallowed by policy"),
    )
}

pub(crate) use crate::store::owned_or_admin;

/// The view a caller gets: admin-only attributes dropped, computed ones
/// added, then only `fields` when a list or show asks.
fn view(ask: &Ask<'_>, s: &RegionStore, r: &Resource) -> Value {
    let mut out = r.body.as_object().cloned().unwrap_or_default();
    if let Some(decorate) = ask.c.decorate {
        decorate(s, r, &mut out);
    }
    if !ask.caller.is_admin() {
        for key in ask.c.admin_only {
            out.remove(*key);
        }
    }
    let fields = match ask.verb {
        Verb::List | Verb::Show => ask.query.all("fields"),
        _ => Vec::new(),
    };
    if !fields.is_empty() {
        out.retain(|k, _| fields.contains(&k.as_str()));
    }
    Value::Object(out)
}

/// Whether a body value equals a query value as Neutron's converters see
/// it (booleans from `true`/`True`/`1`, numbers as text).
fn same(value: &Value, wanted: &str) -> bool {
    match value {
        Value::String(s) => s == wanted,
        Value::Bool(b) => match wanted.to_ascii_lowercase().as_str() {
            "true" | "1" => *b,
            "false" | "0" => !*b,
            _ => false,
        },
        Value::Number(n) => n.to_string() == wanted,
        Value::Null => wanted.is_empty(),
        Value::Array(items) => items.iter().any(|i| same(i, wanted)),
        Value::Object(_) => false,
    }
}

/// `fixed_ips=ip_address=10.0.0.5` and `fixed_ips=subnet_id=…`.
fn fixed_ip_filter(r: &Resource, wanted: &str) -> bool {
    let Some((key, value)) = wanted.split_once('=') else {
        return false;
    };
    r.body["fixed_ips"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|ip| ip[key].as_str() == Some(value))
}

fn matches_filters(r: &Resource, query: &Query) -> bool {
    let mut keys: Vec<&str> = query
        .pairs()
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| !NOT_FILTERS.contains(k))
        .collect();
    keys.dedup();
    keys.iter().all(|key| {
        let wanted = query.all(key);
        if *key == "fixed_ips" {
            return wanted.iter().all(|w| fixed_ip_filter(r, w));
        }
        r.body
            .get(*key)
            .is_some_and(|v| wanted.iter().any(|w| same(v, w)))
    })
}

/// The visible resources the filters match, sorted by `sort_key` and
/// `sort_dir` (then id) when asked or paged.
fn select<'s>(ask: &Ask<'_>, s: &'s RegionStore) -> Result<Vec<&'s Resource>, ApiError> {
    let (c, query) = (ask.c, ask.query);
    let mut items: Vec<&Resource> = s
        .all(c.decl.kind)
        .iter()
        .filter(|r| (c.decl.visible)(ask.caller, r) && matches_filters(r, query))
        .collect();
    let sort_keys = query.all("sort_key");
    let sort_dirs = query.all("sort_dir");
    if sort_keys.len() != sort_dirs.len() {
        return Err(bad_request(
            "The number of sort_keys and sort_dirs must be same",
        ));
    }
    if ask.limit > 0 || !sort_keys.is_empty() {
        items.sort_by(|a, b| {
            for (key, dir) in sort_keys.iter().zip(&sort_dirs) {
                let order = body::py_str(&a.body[*key]).cmp(&body::py_str(&b.body[*key]));
                let order = if *dir == "desc" {
                    order.reverse()
                } else {
                    order
                };
                if order.is_ne() {
                    return order;
                }
            }
            a.id.cmp(&b.id)
        });
    }
    Ok(items)
}

/// Neutron's rejection of attributes a resource does not have.
pub(crate) fn known(map: &Attrs, allowed: &[&str]) -> Result<(), ApiError> {
    let unknown: Vec<&str> = map
        .keys()
        .map(String::as_str)
        .filter(|k| !allowed.contains(k))
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(bad_request(format!(
            "Unrecognized attribute(s) '{}'",
            unknown.join(", ")
        )))
    }
}

/// The project a new resource belongs to: `project_id`/`tenant_id` from
/// the body (another project's only for the admin), else the caller's.
pub(crate) fn owner(call: Call<'_>, map: &Attrs, singular: &str) -> Result<String, ApiError> {
    let asked = map
        .get("project_id")
        .or_else(|| map.get("tenant_id"))
        .and_then(Value::as_str);
    let own = call.caller.project_id.clone().unwrap_or_default();
    match asked {
        Some(p) if p != own && !call.caller.is_admin() => {
            Err(policy(&format!("create_{singular}")))
        }
        Some(p) => Ok(p.to_owned()),
        None => Ok(own),
    }
}

/// A boolean attribute (`true`/`false`, or Neutron's accepted strings).
pub(crate) fn boolean(map: &Attrs, key: &str, default: bool) -> Result<bool, ApiError> {
    match map.get(key) {
        None => Ok(default),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::String(s)) if ["true", "1"].contains(&s.to_ascii_lowercase().as_str()) => {
            Ok(true)
        }
        Some(Value::String(s)) if ["false", "0"].contains(&s.to_ascii_lowercase().as_str()) => {
            Ok(false)
        }
        Some(v) => Err(bad_request(format!(
            "Invalid input for {key}. Reason: '{}' is not a valid boolean value.",
            body::py_str(v)
        ))),
    }
}

/// A string attribute of at most `max` characters.
/// Sets each of the text `keys` an update carries (255 characters at most).
pub(crate) fn set_texts(r: &mut Resource, map: &Attrs, keys: &[&str]) -> Result<(), ApiError> {
    for key in keys.iter().filter(|k| map.contains_key(**k)) {
        r.body[key] = json!(text(map, key, "", 255)?);
    }
    Ok(())
}

/// Sets each of the boolean `keys` an update carries.
pub(crate) fn set_flags(r: &mut Resource, map: &Attrs, keys: &[&str]) -> Result<(), ApiError> {
    for key in keys.iter().filter(|k| map.contains_key(**k)) {
        r.body[key] = json!(boolean(map, key, false)?);
    }
    Ok(())
}

pub(crate) fn text(map: &Attrs, key: &str, default: &str, max: usize) -> Result<String, ApiError> {
    match map.get(key) {
        None => Ok(default.to_owned()),
        Some(Value::String(s)) if s.chars().count() <= max => Ok(s.clone()),
        Some(Value::String(s)) => Err(bad_request(format!(
            "Invalid input for {key}. Reason: '{s}' exceeds maximum length of {max}."
        ))),
        Some(v) => Err(bad_request(format!(
            "Invalid input for {key}. Reason: '{}' is not a valid string.",
            body::py_str(v)
        ))),
    }
}

/// Refuses a create past the project's Neutron quota (limit, less what is
/// set as used and what the store holds); the project is the item's
/// `project_id`/`tenant_id`, else the caller's.
fn check_quota(ask: &Ask<'_>, s: &RegionStore, item: &Value) -> Result<(), ApiError> {
    let project = item
        .get("project_id")
        .or_else(|| item.get("tenant_id"))
        .and_then(Value::as_str)
        .or(ask.caller.project_id.as_deref())
        .unwrap_or_default();
    let (c, call) = (ask.c, ask.call());
    let quota = c.decl.singular;
    let held = s
        .all(c.decl.kind)
        .iter()
        .filter(|r| r.owned_by(Some(project)))
        .count() as i64;
    let (limit, used) = call.ctx.world.quotas.region(call.ctx.key(), |q| {
        (
            q.limit(project, QuotaService::Network, quota),
            q.in_use(project, QuotaService::Network, quota),
        )
    });
    if limit >= 0 && held + used + 1 > limit {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "OverQuota",
            format!("Quota exceeded for resources: ['{quota}']."),
        ));
    }
    Ok(())
}

/// `{"<singular>": {…}}`, or for a create bulk `{"<plural>": [{…}, …]}`
/// (all or none).
fn decode(ask: &Ask<'_>, raw: &[u8]) -> Result<(Vec<Value>, bool), ApiError> {
    let request: Value = serde_json::from_slice(raw)
        .map_err(|_| bad_request("Failed to parse request. Resource body is not valid JSON."))?;
    let (c, creates) = (ask.c, ask.verb == Verb::Create);
    match (request.get(c.decl.singular), request.get(c.decl.plural)) {
        (Some(one), _) if creates || one.is_object() => Ok((vec![one.clone()], false)),
        (None, Some(Value::Array(many))) if creates => Ok((many.clone(), true)),
        _ => Err(missing_attribute(c.decl.singular)),
    }
}
