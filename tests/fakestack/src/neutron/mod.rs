//! Neutron: quotas, networks, subnets, ports, routers, floating IPs, security groups and their rules (with tags), and the extension list.
//!
//! Every resource collection is one [`Collection`] served by the same
//! handlers: list (equality filters, `fields`, `sort_key`/`sort_dir`,
//! `limit`/`marker`/`page_reverse` with `*_links`), show, create (one or
//! bulk), update and delete. A kind adds its create, update and delete
//! rules. The admin sees every project's resources, as Neutron's admin does.

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
use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde_json::{Map, Value, json};

use crate::body;
use crate::microversion::Microversion;
use crate::page;
use crate::query::Query;
use crate::quota::QuotaService;
use crate::region::Service;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{
    ApiError, Call, CreateFn, Decl, Kind, Paging, RegionStore, Req, Resource, Stamps,
};

/// The attributes of a request body (the object inside its envelope).
pub(crate) type Attrs = Map<String, Value>;

/// Changes a stored resource from an update body (the object inside the envelope).
type UpdateFn = fn(Call<'_>, &mut RegionStore, &str, &Attrs) -> Result<(), ApiError>;

/// Checks a delete and removes the resource with whatever goes with it.
type DeleteFn = fn(Call<'_>, &mut RegionStore, &str) -> Result<(), ApiError>;

/// Adds what the view computes from other resources (a network's subnets,
/// a group's rules).
type DecorateFn = fn(&RegionStore, &Resource, &mut Map<String, Value>);

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

/// A Neutron collection: the store's declaration and what differs per kind.
pub(crate) struct Collection {
    pub decl: &'static Decl,
    /// The `NotFound` type and message for an id.
    pub missing: (&'static str, fn(&str) -> String),
    /// Attributes only the admin sees (`provider:*`, `binding:host_id`, …).
    pub admin_only: &'static [&'static str],
    /// The attributes an update may carry; any other is refused before `update` runs.
    pub updatable: &'static [&'static str],
    pub update: UpdateFn,
    pub delete: DeleteFn,
    pub decorate: Option<DecorateFn>,
}

impl Collection {
    /// A collection with no admin-only attributes and nothing to decorate.
    const fn new(
        decl: &'static Decl,
        missing: (&'static str, fn(&str) -> String),
        updatable: &'static [&'static str],
        update: UpdateFn,
        delete: DeleteFn,
    ) -> Self {
        Self {
            decl,
            missing,
            admin_only: &[],
            updatable,
            update,
            delete,
            decorate: None,
        }
    }

    const fn admin_only(self, admin_only: &'static [&'static str]) -> Self {
        Self { admin_only, ..self }
    }

    const fn decorated(self, decorate: DecorateFn) -> Self {
        Self {
            decorate: Some(decorate),
            ..self
        }
    }

    /// Its quota resource: the singular envelope (`network`, `security_group_rule`, …).
    fn quota(&self) -> &'static str {
        self.decl.singular
    }
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
    let mut router = Router::new()
        .merge(quota::routes())
        .merge(routers::action_routes())
        .merge(extensions::routes());
    for c in COLLECTIONS {
        let path = c.decl.path;
        router = router
            .route(
                path,
                get(move |req, query| list(c, req, query))
                    .post(move |req, raw| create(c, req, raw)),
            )
            .route(
                &format!("{path}/{{id}}"),
                get(move |req, id, query| show(c, req, id, query))
                    .put(move |req, id, raw| update(c, req, id, raw))
                    .delete(move |req, id| delete(c, req, id)),
            );
    }
    router
}

pub(crate) use crate::store::Reply;

fn call<'a>(ctx: &'a Ctx, caller: &'a Caller) -> Call<'a> {
    Call {
        ctx,
        caller,
        mv: Microversion(2, 0),
    }
}

pub(crate) fn not_found(c: &Collection, id: &str) -> ApiError {
    ApiError::typed(StatusCode::NOT_FOUND, c.missing.0, (c.missing.1)(id))
}

/// A resource of `c` the caller may see, or the kind's `NotFound`.
pub(crate) fn visible<'s>(
    c: &Collection,
    caller: &Caller,
    s: &'s RegionStore,
    id: &str,
) -> Result<&'s Resource, ApiError> {
    s.get(c.decl.kind, id)
        .filter(|r| (c.decl.visible)(caller, r))
        .ok_or_else(|| not_found(c, id))
}

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
/// added, then only `fields` when asked.
fn view(c: &Collection, s: &RegionStore, caller: &Caller, r: &Resource, fields: &[&str]) -> Value {
    let mut out = r.body.as_object().cloned().unwrap_or_default();
    if let Some(decorate) = c.decorate {
        decorate(s, r, &mut out);
    }
    if !caller.is_admin() {
        for key in c.admin_only {
            out.remove(*key);
        }
    }
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

/// `limit` as Neutron reads it: absent or 0 means no pagination.
fn limit(query: &Query) -> Result<usize, ApiError> {
    match query.get("limit") {
        None => Ok(0),
        Some(raw) => raw.trim().parse::<usize>().map_err(|_| {
            bad_request(format!(
                "Bad limit request: Limit must be an integer 0 or greater and not '{raw}'."
            ))
        }),
    }
}

async fn list(
    c: &'static Collection,
    Req { ctx, caller, .. }: Req,
    RawQuery(raw): RawQuery,
) -> Reply {
    let query = Query::parse(raw.as_deref());
    list_inner(c, &ctx, &caller, &query)
}

fn list_inner(c: &Collection, ctx: &Ctx, caller: &Caller, query: &Query) -> Reply {
    let limit = limit(query)?;
    let reverse = query
        .get("page_reverse")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let marker = query.get("marker").filter(|_| limit > 0);
    let fields = query.all("fields");
    let out = ctx.world.store.at(ctx.key(), |s| {
        if matches!(c.decl.kind, Kind::SecurityGroup | Kind::SecurityGroupRule) {
            let project = query.get("project_id").or(query.get("tenant_id"));
            let project = project.or(caller.project_id.as_deref()).unwrap_or_default();
            secgroups::ensure_default(call(ctx, caller), s, project);
        }
        let mut items: Vec<&Resource> = s
            .all(c.decl.kind)
            .iter()
            .filter(|r| (c.decl.visible)(caller, r) && matches_filters(r, query))
            .collect();
        let sort_keys = query.all("sort_key");
        let sort_dirs = query.all("sort_dir");
        if sort_keys.len() != sort_dirs.len() {
            return Err(bad_request(
                "The number of sort_keys and sort_dirs must be same",
            ));
        }
        if limit > 0 || !sort_keys.is_empty() {
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
        if let Some(marker) = marker {
            let at = items
                .iter()
                .position(|r| r.id == marker)
                .ok_or_else(|| not_found(c, marker))?;
            items = if reverse {
                items[..at].to_vec()
            } else {
                items[at + 1..].to_vec()
            };
        }
        if limit > 0 {
            items = if reverse {
                items[items.len().saturating_sub(limit)..].to_vec()
            } else {
                items.into_iter().take(limit).collect()
            };
        }
        let first = items.first().map(|r| r.id.clone());
        let last = items.last().map(|r| r.id.clone());
        let shown: Vec<Value> = items
            .iter()
            .map(|r| view(c, s, caller, r, &fields))
            .collect();
        Ok((shown, first, last))
    })?;
    let (items, first, last) = out;
    let mut body = Map::new();
    let n = items.len();
    body.insert(c.decl.plural.into(), Value::Array(items));
    let url = format!("{}{}", ctx.base_url(), c.decl.path);
    if let Some(links) = page::neutron(
        &url,
        query,
        limit,
        reverse,
        first.as_deref(),
        last.as_deref(),
        n,
    ) {
        body.insert(format!("{}_links", c.decl.plural), links);
    }
    Ok(body::json(StatusCode::OK, &Value::Object(body)))
}

async fn show(
    c: &'static Collection,
    Req { ctx, caller, .. }: Req,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let query = Query::parse(raw.as_deref());
    let fields = query.all("fields");
    ctx.world.store.at(ctx.key(), |s| {
        let r = visible(c, &caller, s, &id)?;
        let out = json!({c.decl.singular: view(c, s, &caller, r, &fields)});
        Ok(body::json(StatusCode::OK, &out))
    })
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
/// set as used and what the store holds).
fn check_quota(
    ctx: &Ctx,
    s: &RegionStore,
    c: &Collection,
    project: &str,
    adding: i64,
) -> Result<(), ApiError> {
    let held = s
        .all(c.decl.kind)
        .iter()
        .filter(|r| r.owned_by(Some(project)))
        .count() as i64;
    let (limit, used) = ctx.world.quotas.region(ctx.key(), |q| {
        (
            q.limit(project, QuotaService::Network, c.quota()),
            q.in_use(project, QuotaService::Network, c.quota()),
        )
    });
    if limit >= 0 && held + used + adding > limit {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "OverQuota",
            format!("Quota exceeded for resources: ['{}'].", c.quota()),
        ));
    }
    Ok(())
}

async fn create(c: &'static Collection, Req { ctx, caller, .. }: Req, raw: Bytes) -> Reply {
    create_inner(c, &ctx, &caller, &raw)
}

/// `{"<singular>": {…}}`, or bulk `{"<plural>": [{…}, …]}` (all or none).
fn create_inner(c: &Collection, ctx: &Ctx, caller: &Caller, raw: &[u8]) -> Reply {
    let request: Value = serde_json::from_slice(raw)
        .map_err(|_| bad_request("Failed to parse request. Resource body is not valid JSON."))?;
    let (items, bulk) = match (request.get(c.decl.singular), request.get(c.decl.plural)) {
        (Some(one), _) => (vec![one.clone()], false),
        (None, Some(Value::Array(many))) => (many.clone(), true),
        _ => {
            return Err(missing_attribute(c.decl.singular));
        }
    };
    let call = call(ctx, caller);
    let shown = ctx.world.store.at(ctx.key(), |s| {
        let mut made = Vec::new();
        for item in &items {
            let project = item
                .get("project_id")
                .or_else(|| item.get("tenant_id"))
                .and_then(Value::as_str)
                .or(caller.project_id.as_deref())
                .unwrap_or_default()
                .to_owned();
            let done =
                check_quota(ctx, s, c, &project, 1).and_then(|()| (c.decl.create)(call, s, item));
            match done {
                Ok(id) => made.push(id),
                Err(e) => {
                    for id in made.iter().rev() {
                        let _ = (c.delete)(call, s, id);
                    }
                    return Err(e);
                }
            }
        }
        let views: Vec<Value> = made
            .iter()
            .filter_map(|id| s.get(c.decl.kind, id))
            .map(|r| view(c, s, caller, r, &[]))
            .collect();
        Ok(views)
    })?;
    let out = if bulk {
        json!({c.decl.plural: shown})
    } else {
        json!({c.decl.singular: shown.into_iter().next().unwrap_or(Value::Null)})
    };
    Ok(body::json(StatusCode::CREATED, &out))
}

async fn update(
    c: &'static Collection,
    Req { ctx, caller, .. }: Req,
    Path(id): Path<String>,
    raw: Bytes,
) -> Reply {
    let request: Value = serde_json::from_slice(&raw)
        .map_err(|_| bad_request("Failed to parse request. Resource body is not valid JSON."))?;
    let Some(changes) = request.get(c.decl.singular).and_then(Value::as_object) else {
        return Err(missing_attribute(c.decl.singular));
    };
    let call = call(&ctx, &caller);
    ctx.world.store.at(ctx.key(), |s| {
        visible(c, &caller, s, &id)?;
        known(changes, c.updatable)?;
        (c.update)(call, s, &id, changes)?;
        if let Some(r) = s.get_mut(c.decl.kind, &id) {
            r.touch();
        }
        let r = s.get(c.decl.kind, &id).ok_or_else(|| not_found(c, &id))?;
        let out = json!({c.decl.singular: view(c, s, &caller, r, &[])});
        Ok(body::json(StatusCode::OK, &out))
    })
}

async fn delete(
    c: &'static Collection,
    Req { ctx, caller, .. }: Req,
    Path(id): Path<String>,
) -> Reply {
    ctx.world.store.at(ctx.key(), |s| {
        visible(c, &caller, s, &id)?;
        (c.delete)(call(&ctx, &caller), s, &id)?;
        let mut resp = Response::new(axum::body::Body::empty());
        *resp.status_mut() = StatusCode::NO_CONTENT;
        Ok(resp)
    })
}
