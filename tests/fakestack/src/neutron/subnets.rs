//! Neutron `subnets`: IPv4 and IPv6 CIDRs with gateways and allocation pools, no overlap within a network.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::state::Caller;
use crate::store::{ApiError, Call, Decl, Kind, RegionStore, Resource, uuid};

use super::ipam::{Cidr, parse_ip, render};
use super::{
    Attrs, Collection, boolean, invalid_input, known, networks, owner, set_flags, set_texts, text,
};

pub(crate) static DECL: Decl = super::decl(
    Kind::Subnet,
    "/network/v2.0/subnets",
    ("subnet", "subnets"),
    create,
    visible,
);

pub(crate) static COLLECTION: Collection = super::collection(
    &DECL,
    ("SubnetNotFound", |id| {
        format!("Subnet {id} could not be found.")
    }),
    update,
    delete,
);

const ATTRS: [&str; 15] = [
    "network_id",
    "cidr",
    "ip_version",
    "name",
    "gateway_ip",
    "allocation_pools",
    "enable_dhcp",
    "dns_nameservers",
    "host_routes",
    "ipv6_ra_mode",
    "ipv6_address_mode",
    "description",
    "project_id",
    "tenant_id",
    "service_types",
];

const IPV6_MODES: [&str; 3] = ["slaac", "dhcpv6-stateful", "dhcpv6-stateless"];

/// A subnet is seen with its network (own, shared or external).
fn visible(caller: &Caller, r: &Resource) -> bool {
    super::owned_or_admin(caller, r)
        || r.hidden.get("shared") == Some(&json!(true))
        || r.body["router:external"] == json!(true)
}

fn invalid(key: &str, why: String) -> ApiError {
    super::bad_request(format!("Invalid input for {key}. Reason: {why}."))
}

/// `allocation_pools` given, checked inside the CIDR; else Neutron's default.
fn pools(map: &Attrs, cidr: Cidr, gateway: Option<u128>) -> Result<Value, ApiError> {
    let ranges: Vec<(u128, u128)> = match map.get("allocation_pools") {
        None | Some(Value::Null) => cidr.default_pool(gateway),
        Some(Value::Array(given)) => {
            let mut out = Vec::new();
            for pool in given {
                let start = pool["start"].as_str().and_then(parse_ip);
                let end = pool["end"].as_str().and_then(parse_ip);
                match (start, end) {
                    (Some((a, v6a)), Some((b, v6b)))
                        if v6a == cidr.v6
                            && v6b == cidr.v6
                            && a <= b
                            && cidr.contains(a)
                            && cidr.contains(b) =>
                    {
                        out.push((a, b));
                    }
                    _ => {
                        return Err(ApiError::typed(
                            StatusCode::BAD_REQUEST,
                            "OutOfBoundsAllocationPool",
                            format!(
                                "The allocation pool {} spans beyond the subnet cidr {}.",
                                crate::body::py_str(pool),
                                cidr.text()
                            ),
                        ));
                    }
                }
            }
            out
        }
        Some(v) => {
            return Err(invalid(
                "allocation_pools",
                format!(
                    "Invalid data format for IP pool: '{}'",
                    crate::body::py_str(v)
                ),
            ));
        }
    };
    Ok(json!(
        ranges
            .iter()
            .map(|(a, b)| json!({"start": render(*a, cidr.v6), "end": render(*b, cidr.v6)}))
            .collect::<Vec<_>>()
    ))
}

fn create(call: Call<'_>, s: &mut RegionStore, req: &Value) -> Result<String, ApiError> {
    let map = req.as_object().cloned().unwrap_or_default();
    known(&map, &ATTRS)?;
    let project = owner(call, &map, "subnet")?;
    let network_id = super::required(&map, "network_id")?;
    let network = networks::COLLECTION
        .visible(call.caller, s, network_id)?
        .clone();
    if !call.caller.is_admin() && !network.owned_by(Some(&project)) {
        return Err(super::policy("create_subnet"));
    }
    let version = match map.get("ip_version").and_then(Value::as_i64) {
        Some(v @ (4 | 6)) => v,
        Some(v) => return Err(invalid("ip_version", format!("{v} is not in [4, 6]"))),
        None => {
            return Err(super::missing_attribute("ip_version"));
        }
    };
    let cidr_text = map.get("cidr").and_then(Value::as_str).ok_or_else(|| {
        super::bad_request(
            "Bad subnets request: a subnetpool must be specified in the absence of a cidr.",
        )
    })?;
    let cidr = Cidr::parse(cidr_text, true)
        .ok_or_else(|| invalid("cidr", format!("'{cidr_text}' is not a valid IP subnet")))?;
    if cidr.version() as i64 != version {
        return Err(invalid_input("Cidr and ip_version do not match"));
    }
    for other in s
        .all(Kind::Subnet)
        .iter()
        .filter(|o| o.field("network_id") == network_id)
    {
        if super::ipam::subnet_cidr(other).is_some_and(|o| o.overlaps(cidr)) {
            return Err(invalid_input(format!(
                "Requested subnet with cidr: {} for network: {network_id} overlaps with another subnet",
                cidr.text()
            )));
        }
    }
    let gateway = match map.get("gateway_ip") {
        Some(Value::Null) => None,
        Some(Value::String(g)) => {
            let (n, v6) = parse_ip(g)
                .ok_or_else(|| invalid("gateway_ip", format!("'{g}' is not a valid IP address")))?;
            if v6 != cidr.v6 {
                return Err(invalid_input(
                    "gateway_ip does not match the subnet's ip_version",
                ));
            }
            Some(n)
        }
        Some(v) => {
            return Err(invalid(
                "gateway_ip",
                format!("'{}' is not a valid IP address", crate::body::py_str(v)),
            ));
        }
        None => Some(cidr.network + 1),
    };
    let mut modes = Vec::new();
    for key in ["ipv6_ra_mode", "ipv6_address_mode"] {
        match map.get(key) {
            None | Some(Value::Null) => modes.push(Value::Null),
            Some(Value::String(m)) if version == 6 && IPV6_MODES.contains(&m.as_str()) => {
                modes.push(json!(m))
            }
            Some(v) => {
                return Err(invalid(
                    key,
                    format!(
                        "{} is not in {}",
                        crate::body::py_str(v),
                        "['dhcpv6-stateful', 'dhcpv6-stateless', 'slaac']"
                    ),
                ));
            }
        }
    }
    let pools = pools(&map, cidr, gateway)?;
    let id = uuid();
    let body = json!({
        "id": id,
        "name": text(&map, "name", "", 255)?,
        "tenant_id": project,
        "network_id": network_id,
        "ip_version": version,
        "subnetpool_id": null,
        "enable_dhcp": boolean(&map, "enable_dhcp", true)?,
        "ipv6_ra_mode": modes[0],
        "ipv6_address_mode": modes[1],
        "gateway_ip": gateway.map(|g| render(g, cidr.v6)),
        "cidr": cidr.text(),
        "allocation_pools": pools,
        "host_routes": map.get("host_routes").cloned().unwrap_or_else(|| json!([])),
        "dns_nameservers": map.get("dns_nameservers").cloned().unwrap_or_else(|| json!([])),
        "description": text(&map, "description", "", 255)?,
        "service_types": map.get("service_types").cloned().unwrap_or_else(|| json!([])),
        "tags": [],
        "created_at": null,
        "updated_at": null,
        "revision_number": 0,
        "segment_id": null,
        "router:external": network.body["router:external"],
        "project_id": project,
    });
    let mut subnet = Resource::new(Kind::Subnet, &id, Some(&project), None, body);
    subnet
        .hidden
        .insert("shared".into(), network.body["shared"].clone());
    s.insert(subnet);
    if let Some(n) = s.get_mut(Kind::Network, network_id) {
        n.touch();
    }
    Ok(id)
}

/// What an update may change.
const UPDATABLE: &[&str] = &[
    "name",
    "description",
    "enable_dhcp",
    "dns_nameservers",
    "host_routes",
    "gateway_ip",
];

fn update(_: Call<'_>, s: &mut RegionStore, id: &str, map: &Attrs) -> Result<(), ApiError> {
    known(map, UPDATABLE)?;
    let r = s
        .get_mut(Kind::Subnet, id)
        .ok_or_else(|| COLLECTION.not_found(id))?;
    set_texts(r, map, &["name", "description"])?;
    set_flags(r, map, &["enable_dhcp"])?;
    for key in ["dns_nameservers", "host_routes", "gateway_ip"] {
        if let Some(v) = map.get(key) {
            r.body[key] = v.clone();
        }
    }
    Ok(())
}

/// 409 `SubnetInUse` while a port has an address from it.
fn delete(_call: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    let busy = s.all(Kind::Port).iter().any(|p| {
        p.body["fixed_ips"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|ip| ip["subnet_id"].as_str() == Some(id))
    });
    if busy {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "SubnetInUse",
            format!(
                "Unable to complete operation on subnet {id}: One or more ports have an IP allocation from this subnet."
            ),
        ));
    }
    s.remove(Kind::Subnet, id);
    Ok(())
}
