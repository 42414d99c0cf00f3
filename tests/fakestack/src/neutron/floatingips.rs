//! Neutron `floatingips`: an address on an external network, associated with a port through a router.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::store::{ApiError, Call, Decl, Kind, RegionStore, Resource, uuid};

use super::ipam::{self, parse_ip};
use super::{Attrs, Collection, known, owner, policy, ports, set_texts, text};

pub(crate) static DECL: Decl = super::decl(
    Kind::FloatingIp,
    "/network/v2.0/floatingips",
    ("floatingip", "floatingips"),
    create,
    super::owned_or_admin,
);

pub(crate) static COLLECTION: Collection = super::collection(
    &DECL,
    ("FloatingIPNotFound", |id| {
        format!("Floating IP {id} could not be found")
    }),
    update,
    delete,
)
.decorated(port_details);

const DEVICE_OWNER: &str = "network:floatingip";

/// `port_details`: a summary of the associated port, or null.
fn port_details(s: &RegionStore, r: &Resource, out: &mut Map<String, Value>) {
    let details = s.get(Kind::Port, r.field("port_id")).map(|p| {
        json!({
            "name": p.body["name"], "network_id": p.body["network_id"],
            "mac_address": p.body["mac_address"], "admin_state_up": p.body["admin_state_up"],
            "status": p.body["status"], "device_id": p.body["device_id"],
            "device_owner": p.body["device_owner"],
        })
    });
    out.insert("port_details".into(), details.unwrap_or(Value::Null));
}

/// `(port_id, fixed_ip_address, router_id)` for an association: the port's
/// address (the one asked, else its first IPv4) and a router with a
/// gateway on `external` and an interface on that address's subnet.
fn associate(
    call: Call<'_>,
    s: &RegionStore,
    external: &str,
    map: &Attrs,
) -> Result<(Value, Value, Value), ApiError> {
    let Some(port_id) = map.get("port_id").and_then(Value::as_str) else {
        return Ok((Value::Null, Value::Null, Value::Null));
    };
    let port = s
        .get(Kind::Port, port_id)
        .filter(|p| ports::sees(call.caller, p))
        .ok_or_else(|| ports::COLLECTION.not_found(port_id))?;
    let asked = map.get("fixed_ip_address").and_then(Value::as_str);
    let ip = port.body["fixed_ips"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|ip| match asked {
            Some(a) => ip["ip_address"].as_str() == Some(a),
            None => ip["ip_address"]
                .as_str()
                .and_then(parse_ip)
                .is_some_and(|(_, v6)| !v6),
        })
        .cloned()
        .ok_or_else(|| {
            super::bad_request(format!(
                "Bad floatingip request: Port {port_id} does not have fixed ip {}.",
                asked.unwrap_or_default()
            ))
        })?;
    let subnet = ip["subnet_id"].as_str().unwrap_or_default();
    let router = s
        .all(Kind::Router)
        .iter()
        .filter(|r| r.body["external_gateway_info"]["network_id"].as_str() == Some(external))
        .find(|r| {
            s.all(Kind::Port).iter().any(|p| {
                p.field("device_id") == r.id
                    && p.field("device_owner") == "network:router_interface"
                    && p.body["fixed_ips"].as_array().into_iter().flatten().any(|f| f["subnet_id"].as_str() == Some(subnet))
            })
        })
        .ok_or_else(|| {
            ApiError::typed(
                StatusCode::NOT_FOUND,
                "ExternalGatewayForFloatingIPNotFound",
                format!("External network {external} is not reachable from subnet {subnet}.  Therefore, cannot associate Port {port_id} with a Floating IP."),
            )
        })?;
    Ok((json!(port_id), ip["ip_address"].clone(), json!(router.id)))
}

fn create(call: Call<'_>, s: &mut RegionStore, req: &Value) -> Result<String, ApiError> {
    let map = req.as_object().cloned().unwrap_or_default();
    let allowed = [
        "floating_network_id",
        "floating_ip_address",
        "subnet_id",
        "port_id",
        "fixed_ip_address",
        "description",
        "project_id",
        "tenant_id",
    ];
    known(&map, &allowed)?;
    let project = owner(call, &map, "floatingip")?;
    let network = super::required(&map, "floating_network_id")?;
    let external = s
        .get(Kind::Network, network)
        .is_some_and(|n| n.body["router:external"] == json!(true));
    if !external {
        return Err(super::bad_request(format!(
            "Bad floatingip request: Network {network} is not a valid external network."
        )));
    }
    if map.contains_key("floating_ip_address") && !call.caller.is_admin() {
        return Err(policy("create_floatingip:floating_ip_address"));
    }
    let (port_id, fixed_ip, router) = associate(call, s, network, &map)?;
    let mut asked = json!({});
    if let Some(subnet) = map.get("subnet_id") {
        asked["subnet_id"] = subnet.clone();
    }
    if let Some(ip) = map.get("floating_ip_address") {
        asked["ip_address"] = ip.clone();
    }
    let request = if asked.as_object().is_some_and(|m| !m.is_empty()) {
        json!([asked])
    } else {
        // One IPv4 address: a floating IP is never IPv6.
        let subnet = s
            .all(Kind::Subnet)
            .iter()
            .find(|sn| sn.field("network_id") == network && sn.body["ip_version"] == json!(4))
            .map(|sn| sn.id.clone())
            .ok_or_else(|| {
                super::bad_request(format!(
                    "Bad floatingip request: Network {network} has no IPv4 subnet."
                ))
            })?;
        json!([{"subnet_id": subnet}])
    };
    let fixed = ipam::fixed_ips(s, network, Some(&request), None)?;
    let address = fixed
        .first()
        .map(|f| f["ip_address"].clone())
        .unwrap_or(Value::Null);
    let id = uuid();
    ports::device_port(s, network, "", &fixed, (&id, DEVICE_OWNER), "N/A")?;
    let body = json!({
        "id": id, "tenant_id": project, "project_id": project,
        "floating_ip_address": address, "floating_network_id": network,
        "router_id": router, "port_id": port_id, "fixed_ip_address": fixed_ip,
        "status": "DOWN", "description": text(&map, "description", "", 255)?,
        "port_details": null, "tags": [], "created_at": null, "updated_at": null,
        "revision_number": 0,
    });
    s.insert(Resource::new(
        Kind::FloatingIp,
        &id,
        Some(&project),
        None,
        body,
    ));
    Ok(id)
}

/// What an update may change.
const UPDATABLE: &[&str] = &["port_id", "fixed_ip_address", "description"];

/// Associates (`port_id`), dissociates (`port_id: null`) or describes.
fn update(call: Call<'_>, s: &mut RegionStore, id: &str, map: &Attrs) -> Result<(), ApiError> {
    known(map, UPDATABLE)?;
    let network = s
        .get(Kind::FloatingIp, id)
        .map(|f| f.field("floating_network_id").to_owned())
        .ok_or_else(|| COLLECTION.not_found(id))?;
    let association = if map.contains_key("port_id") {
        Some(associate(call, s, &network, map)?)
    } else {
        None
    };
    let f = s
        .get_mut(Kind::FloatingIp, id)
        .ok_or_else(|| COLLECTION.not_found(id))?;
    if let Some((port, ip, router)) = association {
        f.body["port_id"] = port;
        f.body["fixed_ip_address"] = ip;
        f.body["router_id"] = router;
    }
    set_texts(f, map, &["description"])?;
    Ok(())
}

/// The address goes back to the external network.
fn delete(_call: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    let own_ports: Vec<String> = s
        .all(Kind::Port)
        .iter()
        .filter(|p| p.field("device_id") == id && p.field("device_owner") == DEVICE_OWNER)
        .map(|p| p.id.clone())
        .collect();
    for port in own_ports {
        s.remove(Kind::Port, &port);
    }
    s.remove(Kind::FloatingIp, id);
    Ok(())
}
