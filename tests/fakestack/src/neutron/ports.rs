//! Neutron `ports`: fixed IPs from the network's subnets, MACs unique per network, security groups.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::state::Caller;
use crate::store::{ApiError, Call, Decl, Kind, RegionStore, Resource, uuid};

use super::{
    Attrs, Collection, boolean, ipam, known, networks, owner, policy, secgroups, set_flags,
    set_texts, text,
};

pub(crate) static DECL: Decl = super::decl(
    Kind::Port,
    "/network/v2.0/ports",
    ("port", "ports"),
    create,
    super::owned_or_admin,
);

pub(crate) static COLLECTION: Collection = super::collection(
    &DECL,
    ("PortNotFound", |id| {
        format!("Port {id} could not be found.")
    }),
    update,
    delete,
)
.admin_only(&[
    "binding:host_id",
    "binding:profile",
    "binding:vif_details",
    "binding:vif_type",
]);

const ATTRS: [&str; 16] = [
    "network_id",
    "name",
    "admin_state_up",
    "mac_address",
    "fixed_ips",
    "device_id",
    "device_owner",
    "security_groups",
    "port_security_enabled",
    "allowed_address_pairs",
    "description",
    "binding:vnic_type",
    "binding:host_id",
    "binding:profile",
    "project_id",
    "tenant_id",
];

/// Ports Neutron trusts (routers, DHCP, floating IPs): no security groups.
fn trusted(device_owner: &str) -> bool {
    device_owner.starts_with("network:")
}

/// The groups asked for, each the port's project's (or shared), else the
/// project's `default` one.
fn groups(
    call: Call<'_>,
    s: &mut RegionStore,
    project: &str,
    map: &Attrs,
    owner_kind: &str,
) -> Result<Value, ApiError> {
    match map.get("security_groups") {
        Some(Value::Array(ids)) => {
            for id in ids {
                let id = id.as_str().unwrap_or_default();
                let found = s
                    .get(Kind::SecurityGroup, id)
                    .is_some_and(|g| call.caller.is_admin() || g.owned_by(Some(project)));
                if !found {
                    return Err(secgroups::GROUP_COLLECTION.not_found(id));
                }
            }
            Ok(json!(ids))
        }
        Some(Value::Null) => Ok(json!([])),
        Some(v) => Err(super::bad_request(format!(
            "Invalid input for security_groups. Reason: '{}' is not a list.",
            crate::body::py_str(v)
        ))),
        None if trusted(owner_kind) => Ok(json!([])),
        None => {
            let id = secgroups::ensure_default(call, s, project);
            Ok(json!(id.into_iter().collect::<Vec<_>>()))
        }
    }
}

fn create(call: Call<'_>, s: &mut RegionStore, req: &Value) -> Result<String, ApiError> {
    let map = req.as_object().cloned().unwrap_or_default();
    known(&map, &ATTRS)?;
    let project = owner(call, &map, "port")?;
    let network_id = super::required(&map, "network_id")?;
    let network = networks::COLLECTION
        .visible(call.caller, s, network_id)?
        .clone();
    let device_owner = text(&map, "device_owner", "", 255)?;
    if !call.caller.is_admin() {
        if map.contains_key("mac_address")
            || map.contains_key("binding:host_id")
            || map.contains_key("binding:profile")
        {
            return Err(policy("create_port:mac_address"));
        }
        let foreign = !network.owned_by(Some(&project));
        if foreign && map.contains_key("fixed_ips") {
            return Err(policy("create_port:fixed_ips"));
        }
    }
    let mac = ipam::mac(
        s,
        network_id,
        map.get("mac_address").and_then(Value::as_str),
    )?;
    let fixed = ipam::fixed_ips(s, network_id, map.get("fixed_ips"), None)?;
    let groups = groups(call, s, &project, &map, &device_owner)?;
    let security = boolean(
        &map,
        "port_security_enabled",
        network.body["port_security_enabled"] != json!(false),
    )?;
    let id = uuid();
    let body = json!({
        "id": id,
        "name": text(&map, "name", "", 255)?,
        "network_id": network_id,
        "project_id": project,
        "mac_address": mac,
        "admin_state_up": boolean(&map, "admin_state_up", true)?,
        "status": "DOWN",
        "device_id": text(&map, "device_id", "", 255)?,
        "device_owner": device_owner,
        "fixed_ips": fixed,
        "allowed_address_pairs": map.get("allowed_address_pairs").cloned().unwrap_or_else(|| json!([])),
        "extra_dhcp_opts": [],
        "security_groups": groups,
        "description": text(&map, "description", "", 255)?,
        "binding:vnic_type": text(&map, "binding:vnic_type", "normal", 64)?,
        "binding:host_id": text(&map, "binding:host_id", "", 255)?,
        "binding:profile": map.get("binding:profile").cloned().unwrap_or_else(|| json!({})),
        "binding:vif_details": {},
        "binding:vif_type": "unbound",
        "port_security_enabled": security,
        "tags": [],
        "created_at": null,
        "updated_at": null,
        "revision_number": 1,
        "tenant_id": project,
    });
    s.insert(Resource::new(Kind::Port, &id, Some(&project), None, body));
    Ok(id)
}

/// What an update may change.
const UPDATABLE: &[&str] = &[
    "name",
    "admin_state_up",
    "fixed_ips",
    "device_id",
    "device_owner",
    "security_groups",
    "port_security_enabled",
    "allowed_address_pairs",
    "description",
    "mac_address",
    "binding:host_id",
    "binding:profile",
    "binding:vnic_type",
];

fn update(call: Call<'_>, s: &mut RegionStore, id: &str, map: &Attrs) -> Result<(), ApiError> {
    known(map, UPDATABLE)?;
    if !call.caller.is_admin()
        && (map.contains_key("mac_address") || map.contains_key("binding:host_id"))
    {
        return Err(policy("update_port:mac_address"));
    }
    let port = s
        .get(Kind::Port, id)
        .cloned()
        .ok_or_else(|| COLLECTION.not_found(id))?;
    let network = port.field("network_id").to_owned();
    let project = port.project_id.clone().unwrap_or_default();
    // The port's own addresses are free for its new list.
    let fixed = match map.get("fixed_ips") {
        Some(asked) => Some(ipam::fixed_ips(s, &network, Some(asked), Some(id))?),
        None => None,
    };
    let mac = match map.get("mac_address").and_then(Value::as_str) {
        Some(m) if !m.eq_ignore_ascii_case(port.field("mac_address")) => {
            Some(ipam::mac(s, &network, Some(m))?)
        }
        _ => None,
    };
    let groups = if map.contains_key("security_groups") {
        Some(groups(call, s, &project, map, port.field("device_owner"))?)
    } else {
        None
    };
    let r = s
        .get_mut(Kind::Port, id)
        .ok_or_else(|| COLLECTION.not_found(id))?;
    set_texts(
        r,
        map,
        &[
            "name",
            "device_id",
            "device_owner",
            "description",
            "binding:host_id",
            "binding:vnic_type",
        ],
    )?;
    set_flags(r, map, &["admin_state_up", "port_security_enabled"])?;
    for key in ["allowed_address_pairs", "binding:profile"] {
        if let Some(v) = map.get(key) {
            r.body[key] = v.clone();
        }
    }
    if let Some(fixed) = fixed {
        r.body["fixed_ips"] = json!(fixed);
    }
    if let Some(mac) = mac {
        r.body["mac_address"] = json!(mac);
    }
    if let Some(groups) = groups {
        r.body["security_groups"] = groups;
    }
    Ok(())
}

/// A router's interface or gateway port is deleted through the router
/// (409 otherwise); a floating IP's port goes with it.
fn delete(_call: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    let owner = s
        .get(Kind::Port, id)
        .map(|p| p.field("device_owner").to_owned())
        .unwrap_or_default();
    if matches!(
        owner.as_str(),
        "network:router_interface" | "network:router_gateway" | "network:floatingip"
    ) {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "ServicePortInUse",
            format!(
                "Port {id} cannot be deleted directly via the port API: has device owner {owner}."
            ),
        ));
    }
    remove(s, id);
    Ok(())
}

/// Removes a port, unbinding any floating IP from it.
pub(crate) fn remove(s: &mut RegionStore, id: &str) {
    let fips: Vec<String> = s
        .all(Kind::FloatingIp)
        .iter()
        .filter(|f| f.field("port_id") == id)
        .map(|f| f.id.clone())
        .collect();
    for fip in fips {
        if let Some(f) = s.get_mut(Kind::FloatingIp, &fip) {
            f.body["port_id"] = Value::Null;
            f.body["fixed_ip_address"] = Value::Null;
            f.body["router_id"] = Value::Null;
            f.body["port_details"] = Value::Null;
            f.touch();
        }
    }
    s.remove(Kind::Port, id);
}

/// Whether a caller sees a port (for other modules' checks).
pub(crate) fn sees(caller: &Caller, port: &Resource) -> bool {
    super::owned_or_admin(caller, port)
}

/// A port Neutron makes for a device of its own (a router's gateway or
/// interface, a floating IP): on `network` with the addresses `fixed`, in
/// `project` (`""` for none), `device` its `(device_id, device_owner)`.
pub(crate) fn device_port(
    s: &mut RegionStore,
    network: &str,
    project: &str,
    fixed: &[Value],
    (device_id, device_owner): (&str, &str),
    status: &str,
) -> Result<String, ApiError> {
    let mac = ipam::mac(s, network, None)?;
    let port = uuid();
    let body = json!({
        "id": port, "name": "", "network_id": network, "project_id": project, "mac_address": mac,
        "admin_state_up": true, "status": status, "device_id": device_id,
        "device_owner": device_owner, "fixed_ips": fixed, "allowed_address_pairs": [],
        "extra_dhcp_opts": [], "security_groups": [], "description": "",
        "binding:vnic_type": "normal", "binding:host_id": "", "binding:profile": {},
        "binding:vif_details": {}, "binding:vif_type": "unbound", "port_security_enabled": false,
        "tags": [], "created_at": null, "updated_at": null, "revision_number": 1,
        "tenant_id": project,
    });
    s.insert(Resource::new(Kind::Port, &port, Some(project), None, body));
    Ok(port)
}
