//! Neutron `networks`: ML2 segments (vxlan by default, flat, vlan) with provider attributes only the admin sees.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::state::Caller;
use crate::store::{ApiError, Call, Decl, Kind, RegionStore, Resource, uuid};

use super::{
    Attrs, Collection, boolean, known, owner, policy, secgroups, set_flags, set_texts, text,
};

pub(crate) static DECL: Decl = super::decl(
    Kind::Network,
    "/network/v2.0/networks",
    ("network", "networks"),
    create,
    visible,
);

pub(crate) static COLLECTION: Collection = super::collection(
    &DECL,
    ("NetworkNotFound", |id| {
        format!("Network {id} could not be found.")
    }),
    update,
    delete,
)
.admin_only(&[
    "provider:network_type",
    "provider:physical_network",
    "provider:segmentation_id",
])
.decorated(decorate);

const ATTRS: [&str; 13] = [
    "name",
    "admin_state_up",
    "shared",
    "router:external",
    "provider:network_type",
    "provider:physical_network",
    "provider:segmentation_id",
    "mtu",
    "port_security_enabled",
    "description",
    "availability_zone_hints",
    "project_id",
    "tenant_id",
];

/// Device owners whose ports do not keep a network in use.
const NETWORK_OWNED: [&str; 1] = ["network:dhcp"];

/// The project's own, shared and external networks; the admin's all.
pub(crate) fn visible(caller: &Caller, r: &Resource) -> bool {
    super::owned_or_admin(caller, r)
        || r.body["shared"] == json!(true)
        || r.body["router:external"] == json!(true)
}

/// `subnets`: the ids of its subnets, oldest first.
fn decorate(s: &RegionStore, r: &Resource, out: &mut Map<String, Value>) {
    let subnets: Vec<&str> = s
        .all(Kind::Subnet)
        .iter()
        .filter(|sn| sn.field("network_id") == r.id)
        .map(|sn| sn.id.as_str())
        .collect();
    out.insert("subnets".into(), json!(subnets));
}

fn segment_in_use(s: &RegionStore, kind: &str, physnet: &Value, id: i64) -> bool {
    s.all(Kind::Network).iter().any(|n| {
        n.body["provider:network_type"] == json!(kind)
            && n.body["provider:physical_network"] == *physnet
            && n.body["provider:segmentation_id"] == json!(id)
    })
}

/// The segment ML2 gives a network: what the admin asked for (checked
/// against the segments in use), else the next free VXLAN id.
fn segment(s: &RegionStore, map: &Attrs) -> Result<(String, Value, Value), ApiError> {
    let kind = map
        .get("provider:network_type")
        .and_then(Value::as_str)
        .unwrap_or("vxlan")
        .to_owned();
    let physnet = map
        .get("provider:physical_network")
        .cloned()
        .unwrap_or(Value::Null);
    let asked = map.get("provider:segmentation_id").and_then(Value::as_i64);
    match kind.as_str() {
        "flat" => {
            if physnet.is_null() {
                return Err(super::invalid_input(
                    "physical_network required for flat provider network",
                ));
            }
            let used = s.all(Kind::Network).iter().any(|n| {
                n.body["provider:network_type"] == json!("flat")
                    && n.body["provider:physical_network"] == physnet
            });
            if used {
                return Err(ApiError::typed(
                    StatusCode::CONFLICT,
                    "FlatNetworkInUse",
                    format!(
                        "Unable to create the flat network. Physical network {} is in use.",
                        crate::body::py_str(&physnet)
                    ),
                ));
            }
            Ok((kind, physnet, Value::Null))
        }
        "vlan" => {
            let id = asked.ok_or_else(|| {
                super::invalid_input("segmentation_id required for VLAN provider network")
            })?;
            if !(1..=4094).contains(&id) {
                return Err(super::invalid_input(
                    "segmentation_id out of range (1 through 4094)",
                ));
            }
            if segment_in_use(s, "vlan", &physnet, id) {
                return Err(ApiError::typed(
                    StatusCode::CONFLICT,
                    "VlanIdInUse",
                    format!(
                        "Unable to create the network. The VLAN {id} on physical network {} is in use.",
                        crate::body::py_str(&physnet)
                    ),
                ));
            }
            Ok((kind, physnet, json!(id)))
        }
        "vxlan" | "geneve" | "gre" => {
            let id = match asked {
                Some(id) if segment_in_use(s, &kind, &Value::Null, id) => {
                    return Err(ApiError::typed(
                        StatusCode::CONFLICT,
                        "TunnelIdInUse",
                        format!("Unable to create the network. The tunnel ID {id} is in use."),
                    ));
                }
                Some(id) => id,
                None => (1..)
                    .find(|id| !segment_in_use(s, &kind, &Value::Null, *id))
                    .unwrap_or(1),
            };
            Ok((kind, Value::Null, json!(id)))
        }
        "local" => Ok((kind, Value::Null, Value::Null)),
        other => Err(super::invalid_input(format!(
            "network_type value '{other}' not supported"
        ))),
    }
}

/// Admin-only attributes: `shared`, `router:external` and `provider:*`.
fn check_admin_attrs(call: Call<'_>, map: &Attrs, action: &str) -> Result<(), ApiError> {
    if call.caller.is_admin() {
        return Ok(());
    }
    for key in [
        "shared",
        "router:external",
        "provider:network_type",
        "provider:physical_network",
        "provider:segmentation_id",
    ] {
        if map.contains_key(key) {
            return Err(policy(&format!("{action}_network:{key}")));
        }
    }
    Ok(())
}

fn create(call: Call<'_>, s: &mut RegionStore, req: &Value) -> Result<String, ApiError> {
    let map = req.as_object().cloned().unwrap_or_default();
    known(&map, &ATTRS)?;
    let project = owner(call, &map, "network")?;
    check_admin_attrs(call, &map, "create")?;
    let (kind, physnet, segment_id) = segment(s, &map)?;
    let mtu = match map.get("mtu").and_then(Value::as_i64) {
        Some(m) => m,
        None if matches!(kind.as_str(), "vxlan" | "geneve" | "gre") => 1450,
        None => 1500,
    };
    secgroups::ensure_default(call, s, &project);
    let id = uuid();
    let external = boolean(&map, "router:external", false)?;
    let mut out = Map::new();
    out.insert("id".into(), json!(id));
    out.insert("name".into(), json!(text(&map, "name", "", 255)?));
    out.insert("tenant_id".into(), json!(project));
    out.insert(
        "admin_state_up".into(),
        json!(boolean(&map, "admin_state_up", true)?),
    );
    out.insert("mtu".into(), json!(mtu));
    out.insert("status".into(), json!("ACTIVE"));
    out.insert("subnets".into(), json!([]));
    out.insert("shared".into(), json!(boolean(&map, "shared", false)?));
    out.insert(
        "availability_zone_hints".into(),
        map.get("availability_zone_hints")
            .cloned()
            .unwrap_or_else(|| json!([])),
    );
    out.insert("availability_zones".into(), json!([]));
    out.insert("ipv4_address_scope".into(), Value::Null);
    out.insert("ipv6_address_scope".into(), Value::Null);
    out.insert("router:external".into(), json!(external));
    out.insert(
        "description".into(),
        json!(text(&map, "description", "", 255)?),
    );
    out.insert(
        "port_security_enabled".into(),
        json!(boolean(&map, "port_security_enabled", true)?),
    );
    out.insert("is_default".into(), json!(false));
    out.insert("l2_adjacency".into(), json!(true));
    out.insert("tags".into(), json!([]));
    out.insert("created_at".into(), Value::Null);
    out.insert("updated_at".into(), Value::Null);
    out.insert("revision_number".into(), json!(1));
    out.insert("provider:network_type".into(), json!(kind));
    out.insert("provider:physical_network".into(), physnet);
    out.insert("provider:segmentation_id".into(), segment_id);
    out.insert("project_id".into(), json!(project));
    s.insert(Resource::new(
        Kind::Network,
        &id,
        Some(&project),
        None,
        Value::Object(out),
    ));
    Ok(id)
}

/// What an update may change.
const UPDATABLE: &[&str] = &[
    "name",
    "admin_state_up",
    "shared",
    "router:external",
    "mtu",
    "port_security_enabled",
    "description",
    "provider:segmentation_id",
];

fn update(call: Call<'_>, s: &mut RegionStore, id: &str, map: &Attrs) -> Result<(), ApiError> {
    known(map, UPDATABLE)?;
    check_admin_attrs(call, map, "update")?;
    let r = s
        .get_mut(Kind::Network, id)
        .ok_or_else(|| COLLECTION.not_found(id))?;
    set_flags(
        r,
        map,
        &[
            "admin_state_up",
            "shared",
            "router:external",
            "port_security_enabled",
        ],
    )?;
    set_texts(r, map, &["name", "description"])?;
    if let Some(mtu) = map.get("mtu").and_then(Value::as_i64) {
        r.body["mtu"] = json!(mtu);
    }
    Ok(())
}

/// 409 `NetworkInUse` while ports other than DHCP's are on it; its
/// subnets go with it.
fn delete(_call: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    let busy = s
        .all(Kind::Port)
        .iter()
        .any(|p| p.field("network_id") == id && !NETWORK_OWNED.contains(&p.field("device_owner")));
    if busy {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "NetworkInUse",
            format!(
                "Unable to complete operation on network {id}. There are one or more ports still in use on the network."
            ),
        ));
    }
    let subnets: Vec<String> = s
        .all(Kind::Subnet)
        .iter()
        .filter(|sn| sn.field("network_id") == id)
        .map(|sn| sn.id.clone())
        .collect();
    for subnet in subnets {
        s.remove(Kind::Subnet, &subnet);
    }
    let ports: Vec<String> = s
        .all(Kind::Port)
        .iter()
        .filter(|p| p.field("network_id") == id)
        .map(|p| p.id.clone())
        .collect();
    for port in ports {
        s.remove(Kind::Port, &port);
    }
    s.remove(Kind::Network, id);
    Ok(())
}
