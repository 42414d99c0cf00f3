//! Neutron `routers`: an external gateway with its fixed IPs, and interfaces added and removed by subnet or port.

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::put;
use serde_json::{Value, json};

use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{ApiError, Call, Decl, Kind, RegionStore, Req, Resource, uuid};

use super::{
    Attrs, Collection, Reply, bad_request, boolean, ipam, known, owner, policy, ports, set_flags,
    set_texts, subnets, text,
};

pub(crate) static DECL: Decl = super::decl(
    Kind::Router,
    "/network/v2.0/routers",
    ("router", "routers"),
    create,
    super::owned_or_admin,
);

pub(crate) static COLLECTION: Collection = super::collection(
    &DECL,
    ("RouterNotFound", |id| {
        format!("Router {id} could not be found")
    }),
    update,
    delete,
)
.admin_only(&["distributed", "ha"]);

const INTERFACE: &str = "network:router_interface";
const GATEWAY: &str = "network:router_gateway";

pub(crate) fn action_routes() -> Router<Ctx> {
    Router::new()
        .route(
            "/network/v2.0/routers/{id}/add_router_interface",
            put(|req, id, raw| interface(req, id, raw, true)),
        )
        .route(
            "/network/v2.0/routers/{id}/remove_router_interface",
            put(|req, id, raw| interface(req, id, raw, false)),
        )
}

fn bad_router(why: impl std::fmt::Display) -> ApiError {
    ApiError::typed(
        StatusCode::BAD_REQUEST,
        "BadRequest",
        format!("Bad router request: {why}."),
    )
}

/// The gateway port on an external network and the `external_gateway_info`
/// that shows it; only the admin picks the addresses.
fn gateway(
    call: Call<'_>,
    s: &mut RegionStore,
    router: &str,
    info: &Value,
) -> Result<Value, ApiError> {
    let Some(info) = info.as_object() else {
        return Ok(Value::Null);
    };
    let network = info
        .get("network_id")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            bad_request("Invalid input for external_gateway_info. Reason: network_id is required.")
        })?;
    let external = s
        .get(Kind::Network, network)
        .ok_or_else(|| super::networks::COLLECTION.not_found(network))?;
    if external.body["router:external"] != json!(true) {
        return Err(bad_router(format!(
            "Network {network} is not an external network"
        )));
    }
    if info.contains_key("external_fixed_ips") && !call.caller.is_admin() {
        return Err(policy(
            "create_router:external_gateway_info:external_fixed_ips",
        ));
    }
    let fixed = ipam::fixed_ips(s, network, info.get("external_fixed_ips"), None)?;
    ports::device_port(s, network, "", &fixed, (router, GATEWAY), "DOWN")?;
    Ok(json!({
        "network_id": network,
        "external_fixed_ips": fixed,
        "enable_snat": boolean(info, "enable_snat", true)?,
    }))
}

fn create(call: Call<'_>, s: &mut RegionStore, req: &Value) -> Result<String, ApiError> {
    let map = req.as_object().cloned().unwrap_or_default();
    let allowed = [
        "name",
        "admin_state_up",
        "external_gateway_info",
        "description",
        "distributed",
        "ha",
        "availability_zone_hints",
        "project_id",
        "tenant_id",
        "flavor_id",
    ];
    known(&map, &allowed)?;
    let project = owner(call, &map, "router")?;
    if !call.caller.is_admin() && (map.contains_key("distributed") || map.contains_key("ha")) {
        return Err(policy("create_router:distributed"));
    }
    let id = uuid();
    let info = gateway(
        call,
        s,
        &id,
        map.get("external_gateway_info").unwrap_or(&Value::Null),
    )?;
    let body = json!({
        "id": id,
        "name": text(&map, "name", "", 255)?,
        "tenant_id": project,
        "admin_state_up": boolean(&map, "admin_state_up", true)?,
        "status": "ACTIVE",
        "external_gateway_info": info,
        "description": text(&map, "description", "", 255)?,
        "availability_zones": [],
        "availability_zone_hints": map.get("availability_zone_hints").cloned().unwrap_or_else(|| json!([])),
        "routes": [],
        "flavor_id": map.get("flavor_id").cloned().unwrap_or(Value::Null),
        "distributed": boolean(&map, "distributed", false)?,
        "ha": boolean(&map, "ha", false)?,
        "tags": [],
        "created_at": null,
        "updated_at": null,
        "revision_number": 1,
        "project_id": project,
    });
    s.insert(Resource::new(Kind::Router, &id, Some(&project), None, body));
    Ok(id)
}

fn ports_of(s: &RegionStore, router: &str, owner: &str) -> Vec<String> {
    s.all(Kind::Port)
        .iter()
        .filter(|p| p.field("device_id") == router && p.field("device_owner") == owner)
        .map(|p| p.id.clone())
        .collect()
}

/// 409 while a floating IP goes through the gateway.
fn drop_gateway(s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    if s.find(Kind::FloatingIp, |f| f.field("router_id") == id)
        .is_some()
    {
        let network = s
            .get(Kind::Router, id)
            .map(|r| r.body["external_gateway_info"]["network_id"].clone())
            .unwrap_or(Value::Null);
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "RouterExternalGatewayInUseByFloatingIp",
            format!(
                "Gateway cannot be updated for router {id}, since a gateway to external network {} is required by one or more floating IPs.",
                crate::body::py_str(&network)
            ),
        ));
    }
    for port in ports_of(s, id, GATEWAY) {
        s.remove(Kind::Port, &port);
    }
    Ok(())
}

/// What an update may change.
const UPDATABLE: &[&str] = &[
    "name",
    "admin_state_up",
    "external_gateway_info",
    "description",
    "routes",
];

fn update(call: Call<'_>, s: &mut RegionStore, id: &str, map: &Attrs) -> Result<(), ApiError> {
    known(map, UPDATABLE)?;
    if let Some(info) = map.get("external_gateway_info") {
        drop_gateway(s, id)?;
        let info = gateway(call, s, id, info)?;
        if let Some(r) = s.get_mut(Kind::Router, id) {
            r.body["external_gateway_info"] = info;
        }
    }
    let r = s
        .get_mut(Kind::Router, id)
        .ok_or_else(|| COLLECTION.not_found(id))?;
    set_texts(r, map, &["name", "description"])?;
    set_flags(r, map, &["admin_state_up"])?;
    if let Some(routes) = map.get("routes") {
        r.body["routes"] = routes.clone();
    }
    Ok(())
}

/// 409 `RouterInUse` while it has interfaces; the gateway goes with it.
fn delete(_call: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    if !ports_of(s, id, INTERFACE).is_empty() {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "RouterInUse",
            format!("Router {id} still has ports"),
        ));
    }
    drop_gateway(s, id)?;
    s.remove(Kind::Router, id);
    Ok(())
}

async fn interface(
    Req { ctx, caller, .. }: Req,
    Path(id): Path<String>,
    raw: Bytes,
    add: bool,
) -> Reply {
    interface_inner(&ctx, &caller, &id, &raw, add)
}

/// `{"subnet_id": …}` (a new port at the subnet's gateway address) or
/// `{"port_id": …}` (an unattached port), and their removal.
fn interface_inner(ctx: &Ctx, caller: &Caller, id: &str, raw: &[u8], add: bool) -> Reply {
    let request: Value = serde_json::from_slice(raw).unwrap_or(Value::Null);
    let subnet_id = request["subnet_id"].as_str();
    let port_id = request["port_id"].as_str();
    if subnet_id.is_some() == port_id.is_some() {
        return Err(bad_router("Either subnet_id or port_id must be specified"));
    }
    let out = ctx.world.store.at(ctx.key(), |s| {
        let router = s
            .get(Kind::Router, id)
            .filter(|r| super::owned_or_admin(caller, r))
            .cloned()
            .ok_or_else(|| COLLECTION.not_found(id))?;
        let project = router.project_id.clone().unwrap_or_default();
        let attached = |s: &RegionStore, subnet: &str| {
            ports_of(s, id, INTERFACE).into_iter().find(|p| {
                s.get(Kind::Port, p).is_some_and(|p| {
                    p.body["fixed_ips"].as_array().into_iter().flatten().any(|ip| ip["subnet_id"].as_str() == Some(subnet))
                })
            })
        };
        let port = match (add, subnet_id, port_id) {
            (true, Some(subnet), _) => {
                let sn = s
                    .get(Kind::Subnet, subnet)
                    .cloned()
                    .ok_or_else(|| subnets::COLLECTION.not_found(subnet))?;
                if attached(s, subnet).is_some() {
                    return Err(bad_router(format!("Router already has a port on subnet {subnet}")));
                }
                let gateway_ip = sn.body["gateway_ip"]
                    .as_str()
                    .ok_or_else(|| bad_router("Subnet for router interface must have a gateway IP"))?
                    .to_owned();
                let network = sn.field("network_id").to_owned();
                let fixed = ipam::allocate(s, &sn, Some(&gateway_ip), &[], None)?;
                ports::device_port(s, &network, &project, &[fixed], (id, INTERFACE), "DOWN")?
            }
            (true, None, Some(port)) => {
                let p = s
                    .get(Kind::Port, port)
                    .filter(|p| ports::sees(caller, p))
                    .cloned()
                    .ok_or_else(|| ports::COLLECTION.not_found(port))?;
                if !p.field("device_id").is_empty() {
                    return Err(ApiError::typed(
                        StatusCode::CONFLICT,
                        "PortInUse",
                        format!(
                            "Unable to complete operation on port {port} for network {}. Port already has an attached device {}.",
                            p.field("network_id"),
                            p.field("device_id")
                        ),
                    ));
                }
                if let Some(p) = s.get_mut(Kind::Port, port) {
                    p.body["device_id"] = json!(id);
                    p.body["device_owner"] = json!(INTERFACE);
                    p.touch();
                }
                port.to_owned()
            }
            (false, Some(subnet), _) => attached(s, subnet).ok_or_else(|| {
                ApiError::typed(
                    StatusCode::NOT_FOUND,
                    "RouterInterfaceNotFoundForSubnet",
                    format!("Router {id} has no interface on subnet {subnet}"),
                )
            })?,
            (false, None, Some(port)) => ports_of(s, id, INTERFACE)
                .into_iter()
                .find(|p| p == port)
                .ok_or_else(|| {
                    ApiError::typed(
                        StatusCode::NOT_FOUND,
                        "RouterInterfaceNotFound",
                        format!("Router {id} does not have an interface with id {port}"),
                    )
                })?,
            (_, None, None) => return Err(bad_router("Either subnet_id or port_id must be specified")),
        };
        let p = s.get(Kind::Port, &port).cloned().ok_or_else(|| ports::COLLECTION.not_found(&port))?;
        let subnet_ids: Vec<Value> = p.body["fixed_ips"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|ip| ip["subnet_id"].clone())
            .collect();
        if !add {
            ports::remove(s, &port);
        }
        if let Some(r) = s.get_mut(Kind::Router, id) {
            r.touch();
        }
        Ok(json!({
            "id": id, "network_id": p.body["network_id"], "port_id": port,
            "subnet_id": subnet_ids.first().cloned().unwrap_or(Value::Null),
            "subnet_ids": subnet_ids, "project_id": project, "tenant_id": project,
        }))
    })?;
    Ok(crate::body::json(StatusCode::OK, &out))
}
