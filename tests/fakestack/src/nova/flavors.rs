//! Nova's `flavors`: list and detail (paginated by flavorid), show, create, update (2.55 description) and delete.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::body::{py_repr, py_str};
use crate::collection::{Ask, Attrs, Collection, Verb};
use crate::microversion::Microversion;
use crate::region::Service;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{ApiError, Call, Decl, Kind, Paging, RegionStore, Resource, Stamps, uuid};

use super::{envelope, json_body, links, policy, truthy};

pub(crate) static DECL: Decl = Decl {
    kind: Kind::Flavor,
    service: Service::Compute,
    path: "/compute/v2.1/flavors",
    singular: "flavor",
    plural: "flavors",
    key: "id",
    paging: Paging::Nova,
    stamps: Stamps::None,
    create,
    visible,
};

/// Created (200) and deleted (202) by the admin; the description updated
/// from 2.55.
pub(crate) static COLLECTION: Collection = super::collection(
    &DECL,
    |id| format!("Flavor {id} could not be found."),
    select,
    |ask, _, r| view(ask.ctx, r, ask.mv, ask.detail()),
)
.with_detail()
.guard(|ask| match ask.verb {
    Verb::Delete if !ask.caller.is_admin() => Err(policy("os_compute_api:os-flavor-manage:delete")),
    _ => Ok(()),
})
.decoded(decode)
.status(|verb, _| match verb {
    Verb::Delete => StatusCode::ACCEPTED,
    _ => StatusCode::OK,
})
.updated(update);

const MV_DESCRIPTION: Microversion = Microversion(2, 55);
const MV_EXTRA_SPECS: Microversion = Microversion(2, 61);
const MV_SWAP_ZERO: Microversion = Microversion(2, 75);
const MV_NO_RXTX: Microversion = Microversion(2, 102);

/// nova.db's `MAX_INT`.
const MAX_INT: i64 = 2_147_483_647;

/// Public flavors, and private ones whose access list has the caller's
/// project; the admin sees every one by id.
fn visible(caller: &Caller, r: &Resource) -> bool {
    caller.is_admin() || is_public(r) || has_access(r, caller.project_id.as_deref())
}

pub(crate) fn is_public(r: &Resource) -> bool {
    r.body["os-flavor-access:is_public"] == json!(true)
}

/// The projects a private flavor is shared with.
pub(crate) fn access(r: &Resource) -> Vec<String> {
    r.hidden
        .get("projects")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn has_access(r: &Resource, project: Option<&str>) -> bool {
    project.is_some_and(|p| access(r).iter().any(|a| a == p))
}

/// A visible flavor by flavorid, or Nova's 404.
pub(crate) fn lookup(s: &RegionStore, caller: &Caller, id: &str) -> Result<Resource, ApiError> {
    s.get(Kind::Flavor, id)
        .filter(|r| visible(caller, r))
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("Flavor {id} could not be found.")))
}

/// The flavor as the microversion shows it; `detail` false is the brief
/// form of `GET /flavors`.
pub(crate) fn view(ctx: &Ctx, r: &Resource, mv: Microversion, detail: bool) -> Value {
    let b = &r.body;
    let mut out = Map::new();
    out.insert("id".into(), b["id"].clone());
    out.insert("name".into(), b["name"].clone());
    if detail {
        out.insert("ram".into(), b["ram"].clone());
        out.insert("disk".into(), b["disk"].clone());
        let swap = &b["swap"];
        let shown = if swap == &json!(0) && mv < MV_SWAP_ZERO {
            json!("")
        } else {
            swap.clone()
        };
        out.insert("swap".into(), shown);
        for key in [
            "OS-FLV-EXT-DATA:ephemeral",
            "OS-FLV-DISABLED:disabled",
            "vcpus",
            "os-flavor-access:is_public",
            "rxtx_factor",
        ] {
            out.insert(key.into(), b[key].clone());
        }
    }
    out.insert("links".into(), links(ctx, "flavors", r.field("id")));
    if mv >= MV_DESCRIPTION {
        out.insert("description".into(), b["description"].clone());
    }
    if detail && mv >= MV_EXTRA_SPECS {
        out.insert("extra_specs".into(), b["extra_specs"].clone());
    }
    if detail && mv >= MV_NO_RXTX {
        out.remove("OS-FLV-DISABLED:disabled");
        out.remove("rxtx_factor");
    }
    Value::Object(out)
}

/// The body key a `sort_key` sorts on (`flavorid` by default).
fn sort_field(key: &str) -> &'static str {
    match key {
        "name" => "name",
        "memory_mb" => "ram",
        "vcpus" => "vcpus",
        "root_gb" => "disk",
        "swap" => "swap",
        "ephemeral_gb" => "OS-FLV-EXT-DATA:ephemeral",
        "rxtx_factor" => "rxtx_factor",
        "is_public" => "os-flavor-access:is_public",
        "disabled" => "OS-FLV-DISABLED:disabled",
        "description" => "description",
        _ => "id",
    }
}

fn compare(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        _ => py_str(a).cmp(&py_str(b)),
    }
}

/// Nova's `_get_flavors`: non-admins see public flavors and those shared
/// with their project; the admin's `is_public` (default true, `none` for
/// all) filters; `minRam`, `minDisk`, `name`, then `sort_key`/`sort_dir`,
/// `marker` and `limit`.
fn select<'s>(ask: &Ask<'_>, s: &'s RegionStore) -> Result<Vec<&'s Resource>, ApiError> {
    let (caller, query) = (ask.caller, ask.query);
    let public_filter =
        if caller.is_admin() {
            match query.get("is_public") {
                None => Some(true),
                Some(v) if v.eq_ignore_ascii_case("none") => None,
                Some(v) => Some(truthy(v).ok_or_else(|| {
                    ApiError::bad_request(format!("Invalid is_public filter [{v}]"))
                })?),
            }
        } else {
            Some(true)
        };
    let minimum = |key: &str, label: &str| -> Result<Option<i64>, ApiError> {
        query
            .get(key)
            .map(|v| {
                v.trim()
                    .parse::<i64>()
                    .map_err(|_| ApiError::bad_request(format!("Invalid {label} filter [{v}]")))
            })
            .transpose()
    };
    let min_ram = minimum("minRam", "minRam")?;
    let min_disk = minimum("minDisk", "minDisk")?;
    let project = caller.project_id.as_deref();
    let mut flavors: Vec<&Resource> = s
        .all(Kind::Flavor)
        .iter()
        .filter(|r| match public_filter {
            None => true,
            Some(true) => is_public_or_shared(r, project),
            Some(false) => !is_public(r),
        })
        .filter(|r| caller.is_admin() || r.body["OS-FLV-DISABLED:disabled"] != json!(true))
        .filter(|r| min_ram.is_none_or(|m| r.body["ram"].as_i64().unwrap_or(0) >= m))
        .filter(|r| min_disk.is_none_or(|m| r.body["disk"].as_i64().unwrap_or(0) >= m))
        .filter(|r| query.get("name").is_none_or(|n| r.field("name") == n))
        .collect();
    let field = sort_field(query.get("sort_key").unwrap_or("flavorid"));
    let descending = query.get("sort_dir") == Some("desc");
    flavors.sort_by(|a, b| {
        let order = compare(&a.body[field], &b.body[field]);
        if descending { order.reverse() } else { order }
    });
    Ok(flavors)
}

/// Nova's `is_public=True` filter: public, or shared with the project.
fn is_public_or_shared(r: &Resource, project: Option<&str>) -> bool {
    is_public(r) || has_access(r, project)
}

fn invalid(field: &str, value: &Value, why: String) -> ApiError {
    ApiError::bad_request(format!(
        "Invalid input for field/attribute {field}. Value: {}. {why}",
        py_str(value)
    ))
}

/// `flavor_param_positive` / `_non_negative`: an integer, or a string of
/// digits, within `[minimum, MAX_INT]`.
fn count(map: &Map<String, Value>, key: &str, minimum: i64) -> Result<Option<i64>, ApiError> {
    let Some(v) = map.get(key) else {
        return Ok(None);
    };
    let n = match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
    .ok_or_else(|| {
        invalid(
            key,
            v,
            format!("{} is not of type 'integer', 'string'", py_repr(v)),
        )
    })?;
    if n < minimum {
        return Err(invalid(
            key,
            v,
            format!("{n} is less than the minimum of {minimum}"),
        ));
    }
    if n > MAX_INT {
        return Err(invalid(
            key,
            v,
            format!("{n} is greater than the maximum of {MAX_INT}"),
        ));
    }
    Ok(Some(n))
}

/// The create schema of the microversion, then the admin policy, then
/// Nova's duplicate checks (flavorid, then name).
fn create(call: Call<'_>, s: &mut RegionStore, f: &Value) -> Result<String, ApiError> {
    let Some(map) = f.as_object() else {
        return Err(invalid(
            "flavor",
            f,
            format!("{} is not of type 'object'", py_repr(f)),
        ));
    };
    let mut allowed = vec![
        "name",
        "id",
        "ram",
        "vcpus",
        "disk",
        "OS-FLV-EXT-DATA:ephemeral",
        "swap",
        "os-flavor-access:is_public",
    ];
    if call.mv < MV_NO_RXTX {
        allowed.push("rxtx_factor");
    }
    if call.mv >= MV_DESCRIPTION {
        allowed.push("description");
    }
    let extra: Vec<String> = map
        .keys()
        .filter(|k| !allowed.contains(&k.as_str()))
        .map(|k| format!("'{k}'"))
        .collect();
    if !extra.is_empty() {
        let verb = if extra.len() == 1 { "was" } else { "were" };
        return Err(invalid(
            "flavor",
            f,
            format!(
                "Additional properties are not allowed ({} {verb} unexpected)",
                extra.join(", ")
            ),
        ));
    }
    if let Some(missing) = ["name", "ram", "vcpus", "disk"]
        .iter()
        .find(|k| !map.contains_key(**k))
    {
        return Err(invalid(
            "flavor",
            f,
            format!("'{missing}' is a required property"),
        ));
    }
    let name = match &map["name"] {
        Value::String(n) if !n.is_empty() && n.chars().count() <= 255 && n.trim() == n => n.clone(),
        v => {
            return Err(invalid(
                "name",
                v,
                format!(
                    "{} is not a valid name: printable characters. Can not start or end with whitespace.",
                    py_repr(v)
                ),
            ));
        }
    };
    let id = match map.get("id") {
        None | Some(Value::Null) => uuid(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s))
            if !s.is_empty()
                && !s.starts_with(' ')
                && !s.ends_with(' ')
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ". _-".contains(c)) =>
        {
            s.clone()
        }
        Some(v) => {
            return Err(invalid(
                "id",
                v,
                format!(
                    "{} does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'",
                    py_repr(v)
                ),
            ));
        }
    };
    let ram = count(map, "ram", 1)?.unwrap_or(1);
    let vcpus = count(map, "vcpus", 1)?.unwrap_or(1);
    let disk = count(map, "disk", 0)?.unwrap_or(0);
    let ephemeral = count(map, "OS-FLV-EXT-DATA:ephemeral", 0)?.unwrap_or(0);
    let swap = count(map, "swap", 0)?.unwrap_or(0);
    let rxtx = match map.get("rxtx_factor") {
        None => 1.0,
        Some(v) => match v
            .as_f64()
            .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        {
            Some(x) if x > 0.0 => x,
            _ => {
                return Err(invalid(
                    "rxtx_factor",
                    v,
                    format!("{} is less than or equal to the minimum of 0", py_repr(v)),
                ));
            }
        },
    };
    let public = match map.get("os-flavor-access:is_public") {
        None => true,
        Some(Value::Bool(b)) => *b,
        Some(v) => v.as_str().and_then(truthy).ok_or_else(|| {
            invalid(
                "os-flavor-access:is_public",
                v,
                format!("{} is not of type 'boolean', 'string'", py_repr(v)),
            )
        })?,
    };
    let description = match map.get("description") {
        None | Some(Value::Null) => Value::Null,
        Some(Value::String(d)) if d.chars().count() <= 65535 => json!(d),
        Some(v) => {
            return Err(invalid(
                "description",
                v,
                format!("{} is not of type 'string', 'null'", py_repr(v)),
            ));
        }
    };
    if !call.caller.is_admin() {
        return Err(policy("os_compute_api:os-flavor-manage:create"));
    }
    if s.get(Kind::Flavor, &id).is_some() {
        return Err(ApiError::conflict(format!(
            "Flavor with ID {id} already exists."
        )));
    }
    if s.find(Kind::Flavor, |r| r.field("name") == name).is_some() {
        return Err(ApiError::conflict(format!(
            "Flavor with name {name} already exists."
        )));
    }
    let body = json!({
        "id": id, "name": name, "ram": ram, "disk": disk, "swap": swap,
        "OS-FLV-EXT-DATA:ephemeral": ephemeral, "OS-FLV-DISABLED:disabled": false,
        "vcpus": vcpus, "os-flavor-access:is_public": public, "rxtx_factor": rxtx,
        "description": description, "extra_specs": {},
    });
    let mut r = Resource::new(Kind::Flavor, &id, None, None, body);
    r.hidden.insert("projects".into(), json!([]));
    s.insert(r);
    Ok(id)
}

/// A create's body, or from 2.55 an update's: only the description,
/// changed by the admin.
fn decode(ask: &Ask<'_>, raw: &[u8]) -> Result<(Vec<Value>, bool), ApiError> {
    if ask.verb != Verb::Update {
        return super::decode(ask, raw);
    }
    if ask.mv < MV_DESCRIPTION {
        return Err(ApiError::not_found("The resource could not be found."));
    }
    let request = json_body(raw)?;
    let inner = envelope(&request, "flavor")?;
    let Some(map) = inner
        .as_object()
        .filter(|m| m.len() == 1 && m.contains_key("description"))
    else {
        return Err(invalid(
            "flavor",
            inner,
            "'description' is a required property".to_owned(),
        ));
    };
    if let v @ (Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_)) =
        &map["description"]
    {
        return Err(invalid(
            "description",
            v,
            format!("{} is not of type 'string', 'null'", py_repr(v)),
        ));
    }
    if !ask.caller.is_admin() {
        return Err(policy("os_compute_api:os-flavor-manage:update"));
    }
    Ok((vec![inner.clone()], false))
}

fn update(_: Call<'_>, s: &mut RegionStore, id: &str, changes: &Attrs) -> Result<(), ApiError> {
    if let Some(r) = s.get_mut(Kind::Flavor, id) {
        r.body["description"] = changes["description"].clone();
    }
    Ok(())
}
