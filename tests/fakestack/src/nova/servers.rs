//! Nova's `servers`, seeded by tests: list, detail (addresses, status, fault), show and delete;
//! their instance actions and console output.
//!
//! There is no boot: servers come from [`FakeStack::seed`](crate::FakeStack::seed)
//! with `Kind::Server`, their addresses given or read from Neutron ports.

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::{get, post};
use serde_json::{Map, Value, json};

use crate::collection::{Ask, Collection};
use crate::microversion::Microversion;
use crate::region::Service;
use crate::server::Ctx;
use crate::store::Req;
use crate::store::{
    ApiError, Call, Decl, Kind, Paging, RegionStore, Resource, Stamps, owned_or_admin, uuid,
};

use super::{Reply, envelope, json_body, links, ok, policy, truthy};

pub(crate) static DECL: Decl = Decl {
    kind: Kind::Server,
    service: Service::Compute,
    path: "/compute/v2.1/servers",
    singular: "server",
    plural: "servers",
    key: "id",
    paging: Paging::Nova,
    stamps: Stamps::Zulu,
    create,
    visible: owned_or_admin,
};

/// No boot: listed, shown and deleted (204).
pub(crate) static COLLECTION: Collection = super::collection(
    &DECL,
    |id| format!("Instance {id} could not be found."),
    select,
    view,
)
.with_detail()
.seeded_only()
.admin_only(&ADMIN_ONLY)
.deleted(delete);

/// Shown to the admin only.
const ADMIN_ONLY: [&str; 3] = [
    "OS-EXT-SRV-ATTR:host",
    "OS-EXT-SRV-ATTR:hypervisor_hostname",
    "OS-EXT-SRV-ATTR:instance_name",
];

/// From this microversion a server's `flavor` is the flavor as it was
/// (`original_name`, sizes, extra specs); before it, a link to its id.
const MV_FLAVOR_SHOWN: Microversion = Microversion(2, 47);

/// The server as the caller may see it: links added, admin-only keys and
/// (for a 500 fault) the fault's details kept for the admin; before 2.47
/// the flavor as `{id, links}`.
/// A list's items are `{id, links, name}`.
fn view(ask: &Ask<'_>, _: &RegionStore, r: &Resource) -> Value {
    let (ctx, caller) = (ask.ctx, ask.caller);
    if !ask.detail() {
        return json!({"id": r.id, "links": links(ctx, "servers", &r.id), "name": r.body["name"]});
    }
    let mut out = Map::new();
    for (key, value) in r.body.as_object().into_iter().flatten() {
        if ask.c.admin_only.contains(&key.as_str()) && !caller.is_admin() {
            continue;
        }
        out.insert(key.clone(), value.clone());
        if key == "key_name" {
            out.insert("links".into(), links(ctx, "servers", &r.id));
        }
    }
    if ask.mv < MV_FLAVOR_SHOWN {
        let id = r
            .hidden
            .get("flavor_id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        out.insert(
            "flavor".into(),
            json!({"id": id, "links": [{"rel": "bookmark",
                "href": format!("{}/compute/flavors/{id}", ctx.base_url())}]}),
        );
    }
    if let Some(fault) = out.get_mut("fault").and_then(Value::as_object_mut)
        && !caller.is_admin()
        && fault.get("code") == Some(&json!(500))
    {
        fault.remove("details");
    }
    Value::Object(out)
}

/// Newest first. The caller's project, or with `all_tenants` (admin only)
/// every project, narrowed by `project_id`/`tenant_id`; `name` (a
/// substring; Nova takes a regex), `status`, `flavor` (a flavor id: the
/// servers built from that flavor, none when there is no such flavor);
/// then `marker` and `limit`.
fn select<'s>(ask: &Ask<'_>, s: &'s RegionStore) -> Result<Vec<&'s Resource>, ApiError> {
    let (caller, query) = (ask.caller, ask.query);
    let all = query
        .get("all_tenants")
        .is_some_and(|v| v.is_empty() || truthy(v).unwrap_or(false));
    if all && !caller.is_admin() {
        let which = if ask.detail() { "detail" } else { "index" };
        return Err(policy(&format!(
            "os_compute_api:servers:{which}:get_all_tenants"
        )));
    }
    let project = query.get("project_id").or_else(|| query.get("tenant_id"));
    let mut servers: Vec<&Resource> = s
        .all(Kind::Server)
        .iter()
        .filter(|r| {
            if all {
                project.is_none_or(|p| r.owned_by(Some(p)))
            } else {
                r.owned_by(caller.project_id.as_deref())
            }
        })
        .filter(|r| {
            query
                .get("name")
                .is_none_or(|n| name_matches(n, r.field("name")))
        })
        .filter(|r| {
            query
                .get("changes-since")
                .is_none_or(|t| !before(r.field("updated"), t))
        })
        .filter(|r| {
            query
                .get("status")
                .is_none_or(|st| r.field("status").eq_ignore_ascii_case(st))
        })
        .filter(|r| {
            query.get("flavor").is_none_or(|f| {
                s.get(Kind::Flavor, f).is_some() && r.hidden.get("flavor_id") == Some(&json!(f))
            })
        })
        .collect();
    servers.sort_by(|a, b| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)));
    Ok(servers)
}

/// Nova's `name` filter is a regular expression searched in the name; the
/// fake understands the literal ones clients send: text with `\`-escaped
/// characters, anchored by `^` and `$` or not.
fn name_matches(pattern: &str, name: &str) -> bool {
    let (start, rest) = match pattern.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    let (end, rest) = match rest.strip_suffix('$') {
        Some(r) if !r.ends_with('\\') => (true, r),
        _ => (false, rest),
    };
    let mut literal = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        literal.push(if c == '\\' {
            chars.next().unwrap_or(c)
        } else {
            c
        });
    }
    match (start, end) {
        (true, true) => name == literal,
        (true, false) => name.starts_with(&literal),
        (false, true) => name.ends_with(&literal),
        (false, false) => name.contains(&literal),
    }
}

/// The server's ports lose their device.
fn delete(_: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    s.remove(Kind::Server, id);
    let bound: Vec<String> = s
        .all(Kind::Port)
        .iter()
        .filter(|p| p.field("device_id") == id)
        .map(|p| p.id.clone())
        .collect();
    for port in bound {
        if let Some(p) = s.get_mut(Kind::Port, &port) {
            p.body["device_id"] = json!("");
            p.body["device_owner"] = json!("");
            p.touch();
        }
    }
    Ok(())
}

/// Nova's `vm_state` and `power_state` for a status.
fn states(status: &str) -> (&'static str, u8) {
    match status {
        "ACTIVE" => ("active", 1),
        "BUILD" => ("building", 0),
        "SHUTOFF" => ("stopped", 4),
        "PAUSED" => ("paused", 3),
        "SUSPENDED" => ("suspended", 7),
        "SHELVED_OFFLOADED" => ("shelved_offloaded", 4),
        "DELETED" => ("deleted", 0),
        _ => ("error", 0),
    }
}

/// A server's `flavor` (2.47 shape) from a flavor id in this region's
/// store, or the object given; and the flavor's id when it is stored.
fn flavor(s: &RegionStore, given: &Value) -> Result<(Value, Option<String>), ApiError> {
    if given.is_object() {
        let mut f = json!({"disk": 0, "ephemeral": 0, "extra_specs": {}, "original_name": "",
            "ram": 0, "swap": 0, "vcpus": 0});
        for (k, v) in given.as_object().into_iter().flatten() {
            f[k] = v.clone();
        }
        return Ok((f, None));
    }
    let id = given.as_str().unwrap_or_default();
    let r = s
        .get(Kind::Flavor, id)
        .or_else(|| s.find(Kind::Flavor, |r| r.field("name") == id))
        .ok_or_else(|| ApiError::bad_request(format!("Flavor {id} could not be found.")))?;
    let shown = json!({
        "disk": r.body["disk"], "ephemeral": r.body["OS-FLV-EXT-DATA:ephemeral"],
        "extra_specs": r.body["extra_specs"], "original_name": r.body["name"],
        "ram": r.body["ram"], "swap": r.body["swap"], "vcpus": r.body["vcpus"],
    });
    Ok((shown, Some(r.id.clone())))
}

/// `addresses` from Neutron ports (network name → fixed IPs with MAC),
/// binding each port to the server as Nova does.
fn addresses_from_ports(
    s: &mut RegionStore,
    ports: &[Value],
    server: &str,
) -> Result<Value, ApiError> {
    let mut addresses = Map::new();
    for port in ports {
        let id = port.as_str().unwrap_or_default();
        let p = s
            .get(Kind::Port, id)
            .cloned()
            .ok_or_else(|| ApiError::bad_request(format!("Port {id} could not be found.")))?;
        let network = s
            .get(Kind::Network, p.field("network_id"))
            .map(|n| n.field("name").to_owned())
            .unwrap_or_default();
        let entries = addresses.entry(network).or_insert_with(|| json!([]));
        for ip in p.body["fixed_ips"].as_array().into_iter().flatten() {
            let addr = ip["ip_address"].as_str().unwrap_or_default();
            let version = if addr.contains(':') { 6 } else { 4 };
            if let Some(list) = entries.as_array_mut() {
                list.push(
                    json!({"addr": addr, "OS-EXT-IPS-MAC:mac_addr": p.body["mac_address"],
                    "OS-EXT-IPS:type": "fixed", "version": version}),
                );
            }
        }
        if let Some(port) = s.get_mut(Kind::Port, id) {
            port.body["device_id"] = json!(server);
            port.body["device_owner"] = json!("compute:nova");
            port.touch();
        }
    }
    Ok(Value::Object(addresses))
}

/// A server from a seed: `name` (required), `status` (`ACTIVE`), `flavor`
/// (a flavor id or name here, or an object), `image` (an id), `addresses`
/// (Nova's shape) or `ports` (Neutron port ids), `key_name`, `metadata`,
/// `fault` (`{"code", "message", "details", "created"}`), `host`, `id`,
/// `updated` (a time in Nova's format: what `changes-since` compares),
/// `console` (the console log's text), `actions` (see [`instance_actions`]),
/// `launched_at` (Nova's `OS-SRV-USG:launched_at`; default: now for an
/// active server).
fn create(call: Call<'_>, s: &mut RegionStore, req: &Value) -> Result<String, ApiError> {
    let name = req["name"]
        .as_str()
        .ok_or_else(|| ApiError::bad_request("a server needs a name"))?;
    let id = req["id"].as_str().map_or_else(uuid, str::to_owned);
    if s.get(Kind::Server, &id).is_some() {
        return Err(ApiError::conflict(format!("Server {id} already exists.")));
    }
    let status = req["status"]
        .as_str()
        .unwrap_or("ACTIVE")
        .to_ascii_uppercase();
    let (vm_state, power_state) = states(&status);
    let (flavor, flavor_id) = flavor(s, req.get("flavor").unwrap_or(&json!({})))?;
    let addresses = match req.get("ports").and_then(Value::as_array) {
        Some(ports) => addresses_from_ports(s, ports, &id)?,
        None => req.get("addresses").cloned().unwrap_or_else(|| json!({})),
    };
    let image = match req["image"].as_str() {
        Some(image) => json!({"id": image, "links": [{"rel": "bookmark",
            "href": format!("{}/compute/images/{image}", call.ctx.base_url())}]}),
        None => json!(""),
    };
    let project = call.caller.project_id.clone().unwrap_or_default();
    let host = req["host"].as_str().unwrap_or("fakestack-compute");
    let mut body = json!({
        "accessIPv4": "", "accessIPv6": "", "addresses": addresses, "created": "",
        "description": null, "locked": false, "locked_reason": null, "flavor": flavor,
        "hostId": "", "id": id, "image": image,
        "key_name": req.get("key_name").cloned().unwrap_or(Value::Null),
        "metadata": req.get("metadata").cloned().unwrap_or_else(|| json!({})),
        "name": name, "config_drive": "", "OS-DCF:diskConfig": "MANUAL",
        "OS-EXT-AZ:availability_zone": "nova",
        "OS-EXT-SRV-ATTR:host": host, "OS-EXT-SRV-ATTR:hypervisor_hostname": host,
        "OS-EXT-SRV-ATTR:instance_name": format!("instance-{:08x}", s.next_number()),
        "OS-EXT-SRV-ATTR:hostname": name,
        "OS-EXT-STS:power_state": power_state, "OS-EXT-STS:task_state": null,
        "OS-EXT-STS:vm_state": vm_state, "os-extended-volumes:volumes_attached": [],
        "OS-SRV-USG:launched_at": null, "OS-SRV-USG:terminated_at": null,
        "pinned_availability_zone": null, "progress": 0,
        "security_groups": [{"name": "default"}], "server_groups": [], "status": status,
        "tags": [], "tenant_id": project, "trusted_image_certificates": null, "updated": "",
        "user_id": req["user_id"].as_str().unwrap_or(&call.caller.user_id),
    });
    let mut r = Resource::new(Kind::Server, &id, Some(&project), None, Value::Null);
    let created = Stamps::Zulu.format(r.created_at);
    body["created"] = created.clone();
    body["updated"] = created;
    if vm_state == "active" {
        body["OS-SRV-USG:launched_at"] = Stamps::Micro.format(r.created_at);
    }
    if let Some(updated) = req["updated"].as_str() {
        body["updated"] = json!(updated);
    }
    // An earlier launch, for usage over a period (`2026-11-01T00:00:00.000000`).
    if let Some(at) = req["launched_at"].as_str() {
        body["OS-SRV-USG:launched_at"] = json!(at);
    }
    if status == "ERROR" || req.get("fault").is_some() {
        let fault = &req["fault"];
        body["fault"] = json!({
            "code": fault["code"].as_i64().unwrap_or(500),
            "created": fault.get("created").cloned().unwrap_or_else(|| Stamps::Zulu.format(r.created_at)),
            "message": fault["message"].as_str().unwrap_or("No valid host was found. "),
            "details": fault["details"].as_str().unwrap_or(""),
        });
    }
    r.body = body;
    if let Some(f) = flavor_id {
        r.hidden.insert("flavor_id".into(), json!(f));
    }
    let actions = instance_actions(&id, &project, &r, req.get("actions"));
    r.hidden.insert("actions".into(), actions);
    if let Some(text) = req.get("console").and_then(Value::as_str) {
        r.hidden.insert("console".into(), json!(text));
    }
    r.user_id = req["user_id"]
        .as_str()
        .map(str::to_owned)
        .or(Some(call.caller.user_id.clone()));
    s.insert(r);
    Ok(id)
}

/// Whether Nova's time `a` is before `b` (both `YYYY-MM-DDTHH:MM:SS…`,
/// compared to the second; enough for times the fake writes).
fn before(a: &str, b: &str) -> bool {
    let cut = |t: &str| t.chars().take(19).collect::<String>();
    cut(a) < cut(b)
}

/// A server's instance actions: `create` at its creation, then those
/// seeded, each `{action, message, start_time, user_id, events: [{event,
/// result, traceback, details, start_time, finish_time}]}` with Nova's keys
/// filled in. Kept beside the server (Nova keeps them after it is deleted;
/// the fake forgets them with it).
fn instance_actions(id: &str, project: &str, r: &Resource, seeded: Option<&Value>) -> Value {
    let created = Stamps::Micro.format(r.created_at);
    let user = r.body["user_id"].clone();
    let mut out = vec![
        json!({"action": "create", "message": null, "start_time": created,
        "events": [{"event": "compute__do_build_and_run_instance", "result": "Success",
            "start_time": created, "finish_time": created, "traceback": null, "details": null}]}),
    ];
    out.extend(
        seeded
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
    );
    let actions: Vec<Value> = out
        .into_iter()
        .map(|mut a| {
            let start = a
                .get("start_time")
                .cloned()
                .unwrap_or_else(|| created.clone());
            let mut action = json!({"action": "", "instance_uuid": id, "message": null,
                "project_id": project, "request_id": format!("req-{}", uuid()),
                "start_time": start, "updated_at": start, "user_id": user, "events": []});
            for (k, v) in a.as_object_mut().into_iter().flatten() {
                action[k.as_str()] = v.take();
            }
            let events: Vec<Value> = action["events"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|e| {
                    let mut event = json!({"event": "", "result": "Success", "start_time": start,
                        "finish_time": start, "traceback": null, "details": null,
                        "host": "fakestack-compute", "hostId": ""});
                    for (k, v) in e.as_object().into_iter().flatten() {
                        event[k.as_str()] = v.clone();
                    }
                    event
                })
                .collect();
            action["events"] = json!(events);
            action
        })
        .collect();
    json!(actions)
}

/// Instance actions (`os-instance-actions`, events from 2.51 for all,
/// `changes-since` from 2.58, `details` from 2.84) and the console log
/// (`os-getConsoleOutput`).
pub(crate) fn action_routes() -> Router<Ctx> {
    Router::new()
        .route(
            "/compute/v2.1/servers/{id}/os-instance-actions",
            get(list_actions),
        )
        .route(
            "/compute/v2.1/servers/{id}/os-instance-actions/{request_id}",
            get(show_action),
        )
        .route("/compute/v2.1/servers/{id}/action", post(server_action))
}

/// The server as the caller may see it, or Nova's 404.
fn visible_server(
    ctx: &Ctx,
    caller: &crate::state::Caller,
    id: &str,
) -> Result<Resource, ApiError> {
    ctx.world
        .store
        .at(ctx.key(), |s| s.get(Kind::Server, id).cloned())
        .filter(|r| owned_or_admin(caller, r))
        .ok_or_else(|| ApiError::not_found(format!("Instance {id} could not be found.")))
}

/// An action as the caller sees it: the admin sees tracebacks and hosts;
/// `details` from 2.84.
fn shown_action(mut action: Value, admin: bool, mv: Microversion, events: bool) -> Value {
    if !events {
        if let Some(a) = action.as_object_mut() {
            a.remove("events");
        }
        return action;
    }
    for e in action["events"].as_array_mut().into_iter().flatten() {
        let Some(e) = e.as_object_mut() else { continue };
        if !admin {
            e.remove("traceback");
            e.remove("host");
        }
        if mv < Microversion(2, 84) {
            e.remove("details");
        }
        if mv < Microversion(2, 62) {
            e.remove("host");
            e.remove("hostId");
        }
    }
    action
}

async fn list_actions(
    Req { ctx, caller, mv }: Req,
    Path(id): Path<String>,
    query: axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Reply {
    let server = visible_server(&ctx, &caller, &id)?;
    let since = query
        .get("changes-since")
        .filter(|_| mv >= Microversion(2, 58));
    let mut actions: Vec<Value> = server.hidden["actions"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|a| since.is_none_or(|t| !before(a["updated_at"].as_str().unwrap_or(""), t)))
        .map(|a| shown_action(a, caller.is_admin(), mv, false))
        .collect();
    actions.reverse();
    Ok(ok(StatusCode::OK, &json!({"instanceActions": actions})))
}

async fn show_action(
    Req { ctx, caller, mv }: Req,
    Path((id, request_id)): Path<(String, String)>,
) -> Reply {
    let server = visible_server(&ctx, &caller, &id)?;
    let action = server.hidden["actions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["request_id"] == request_id.as_str())
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("Action {request_id} could not be found.")))?;
    let action = shown_action(action, caller.is_admin(), mv, true);
    Ok(ok(StatusCode::OK, &json!({"instanceAction": action})))
}

/// `os-getConsoleOutput` only: the last `length` lines of the seeded text
/// (all of it for none); a server without a console log answers Nova's 409.
async fn server_action(Req { ctx, caller, .. }: Req, Path(id): Path<String>, raw: Bytes) -> Reply {
    let server = visible_server(&ctx, &caller, &id)?;
    let request = json_body(&raw)?;
    let args = envelope(&request, "os-getConsoleOutput")?;
    let Some(text) = server.hidden.get("console").and_then(Value::as_str) else {
        return Err(ApiError::conflict(
            "Guest does not have a console available.",
        ));
    };
    let lines: Vec<&str> = text.lines().collect();
    let output = match args.get("length").and_then(Value::as_i64) {
        Some(n) if n >= 0 => lines[lines.len().saturating_sub(n as usize)..].join("\n"),
        _ => lines.join("\n"),
    };
    Ok(ok(StatusCode::OK, &json!({"output": output})))
}
