//! Neutron `security-groups` and `security-group-rules`, with every project's `default` group made as Neutron makes it.
//!
//! Neutron creates a project's `default` group (egress IPv4 and IPv6 to
//! anywhere, ingress IPv4 and IPv6 from the group itself) the first time
//! the project lists or creates groups or rules, creates a network or a
//! port. Other new groups get the two egress rules.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::store::{ApiError, Call, Decl, Kind, RegionStore, Resource, uuid};

use super::ipam::{Cidr, parse_ip, render};
use super::{
    Ask, Attrs, Collection, bad_request, boolean, known, owner, set_flags, set_texts, text,
};

pub(crate) static GROUPS: Decl = super::decl(
    Kind::SecurityGroup,
    "/network/v2.0/security-groups",
    ("security_group", "security_groups"),
    create_group,
    super::owned_or_admin,
);

pub(crate) static RULES: Decl = super::decl(
    Kind::SecurityGroupRule,
    "/network/v2.0/security-group-rules",
    ("security_group_rule", "security_group_rules"),
    create_rule,
    super::owned_or_admin,
);

pub(crate) static GROUP_COLLECTION: Collection = super::collection(
    &GROUPS,
    ("SecurityGroupNotFound", |id| {
        format!("Security group {id} does not exist")
    }),
    update_group,
    delete_group,
)
.decorated(with_rules)
.prepare(listed);

pub(crate) static RULE_COLLECTION: Collection = super::collection(
    &RULES,
    ("SecurityGroupRuleNotFound", |id| {
        format!("Security group rule {id} does not exist")
    }),
    update_rule,
    delete_rule,
)
.prepare(listed);

/// A list of groups or rules makes the listed project's `default` group.
fn listed(ask: &Ask<'_>, s: &mut RegionStore) {
    let project = ask.query.get("project_id").or(ask.query.get("tenant_id"));
    let project = project.or(ask.caller.project_id.as_deref());
    ensure_default(ask.call(), s, project.unwrap_or_default());
}

const DEFAULT_DESCRIPTION: &str = "Default security group";

/// The keys that make two rules the same rule.
const IDENTITY: [&str; 9] = [
    "security_group_id",
    "ethertype",
    "direction",
    "protocol",
    "port_range_min",
    "port_range_max",
    "remote_ip_prefix",
    "remote_group_id",
    "remote_address_group_id",
];

/// `security_group_rules`: the group's rules, oldest first.
fn with_rules(s: &RegionStore, r: &Resource, out: &mut Map<String, Value>) {
    let rules: Vec<Value> = s
        .all(Kind::SecurityGroupRule)
        .iter()
        .filter(|rule| rule.field("security_group_id") == r.id)
        .map(|rule| rule.body.clone())
        .collect();
    out.insert("security_group_rules".into(), Value::Array(rules));
}

/// The id of `project`'s `default` group, made (with its four rules) if
/// missing. As in Neutron, only the project itself or the admin makes it;
/// `None` when neither asked.
pub(crate) fn ensure_default(call: Call<'_>, s: &mut RegionStore, project: &str) -> Option<String> {
    if project.is_empty() {
        return None;
    }
    if let Some(g) = s.find(Kind::SecurityGroup, |g| {
        g.owned_by(Some(project)) && g.hidden.contains_key("default")
    }) {
        return Some(g.id.clone());
    }
    if !crate::store::admin_or_member(call.caller, project) {
        return None;
    }
    let id = insert_group(s, project, "default", DEFAULT_DESCRIPTION, true);
    for (direction, ethertype) in [
        ("egress", "IPv4"),
        ("egress", "IPv6"),
        ("ingress", "IPv4"),
        ("ingress", "IPv6"),
    ] {
        let remote = (direction == "ingress").then_some(id.as_str());
        insert_rule(s, project, &id, direction, ethertype, remote, true);
    }
    Some(id)
}

fn insert_group(
    s: &mut RegionStore,
    project: &str,
    name: &str,
    description: &str,
    default: bool,
) -> String {
    let id = uuid();
    let body = json!({
        "id": id, "name": name, "stateful": true, "tenant_id": project, "project_id": project,
        "description": description, "shared": false, "security_group_rules": [],
        "tags": [], "created_at": null, "updated_at": null, "revision_number": 1,
    });
    let mut g = Resource::new(Kind::SecurityGroup, &id, Some(project), None, body);
    if default {
        g.hidden.insert("default".into(), json!(true));
    }
    s.insert(g);
    id
}

/// A rule from the group templates: any protocol, no ports.
fn insert_rule(
    s: &mut RegionStore,
    project: &str,
    group: &str,
    direction: &str,
    ethertype: &str,
    remote: Option<&str>,
    default: bool,
) {
    let body = rule_body(
        s,
        project,
        group,
        &[
            ("ethertype", json!(ethertype)),
            ("direction", json!(direction)),
            ("protocol", Value::Null),
            ("port_range_min", Value::Null),
            ("port_range_max", Value::Null),
            ("remote_ip_prefix", Value::Null),
            ("remote_address_group_id", Value::Null),
            ("normalized_cidr", Value::Null),
            ("remote_group_id", json!(remote)),
        ],
        default,
        "",
    );
    let id = body["id"].as_str().unwrap_or_default().to_owned();
    s.insert(Resource::new(
        Kind::SecurityGroupRule,
        &id,
        Some(project),
        None,
        body,
    ));
}

fn rule_body(
    s: &mut RegionStore,
    project: &str,
    group: &str,
    fields: &[(&str, Value)],
    default: bool,
    description: &str,
) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), json!(uuid()));
    out.insert("project_id".into(), json!(project));
    out.insert("security_group_id".into(), json!(group));
    for (k, v) in fields {
        out.insert((*k).to_owned(), v.clone());
    }
    out.insert("standard_attr_id".into(), json!(s.next_number()));
    out.insert("belongs_to_default_sg".into(), json!(default));
    out.insert("description".into(), json!(description));
    out.insert("tags".into(), json!([]));
    out.insert("created_at".into(), Value::Null);
    out.insert("updated_at".into(), Value::Null);
    out.insert("revision_number".into(), json!(0));
    out.insert("tenant_id".into(), json!(project));
    Value::Object(out)
}

/// Neutron refuses a second group named `default`.
fn not_default(name: &str) -> Result<(), ApiError> {
    if name.eq_ignore_ascii_case("default") {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "SecurityGroupDefaultAlreadyExists",
            "Default security group already exists.",
        ));
    }
    Ok(())
}

fn create_group(call: Call<'_>, s: &mut RegionStore, req: &Value) -> Result<String, ApiError> {
    let map = req.as_object().cloned().unwrap_or_default();
    known(
        &map,
        &["name", "description", "stateful", "project_id", "tenant_id"],
    )?;
    let project = owner(call, &map, "security_group")?;
    let name = text(&map, "name", "", 255)?;
    not_default(&name)?;
    ensure_default(call, s, &project);
    let id = insert_group(
        s,
        &project,
        &name,
        &text(&map, "description", "", 255)?,
        false,
    );
    if let Some(g) = s.get_mut(Kind::SecurityGroup, &id) {
        g.body["stateful"] = json!(boolean(&map, "stateful", true)?);
    }
    for ethertype in ["IPv4", "IPv6"] {
        insert_rule(s, &project, &id, "egress", ethertype, None, false);
    }
    Ok(id)
}

/// What an update may change.
const UPDATABLE_GROUPS: &[&str] = &["name", "description", "stateful"];

fn update_group(_: Call<'_>, s: &mut RegionStore, id: &str, map: &Attrs) -> Result<(), ApiError> {
    known(map, UPDATABLE_GROUPS)?;
    let is_default = s
        .get(Kind::SecurityGroup, id)
        .is_some_and(|g| g.hidden.contains_key("default"));
    if let Some(name) = map.get("name").and_then(Value::as_str) {
        if is_default && name != "default" {
            return Err(ApiError::typed(
                StatusCode::CONFLICT,
                "SecurityGroupCannotUpdateDefault",
                "Updating default security group not allowed.",
            ));
        }
        if !is_default {
            not_default(name)?;
        }
    }
    let g = s
        .get_mut(Kind::SecurityGroup, id)
        .ok_or_else(|| GROUP_COLLECTION.not_found(id))?;
    set_texts(g, map, &["name", "description"])?;
    set_flags(g, map, &["stateful"])?;
    Ok(())
}

/// 409 while a port uses it; a project's `default` only by the admin.
fn delete_group(call: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    let is_default = s
        .get(Kind::SecurityGroup, id)
        .is_some_and(|g| g.hidden.contains_key("default"));
    if is_default && !call.caller.is_admin() {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "SecurityGroupCannotRemoveDefault",
            "Insufficient rights for removing default security group.",
        ));
    }
    let used = s.all(Kind::Port).iter().any(|p| {
        p.body["security_groups"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|g| g.as_str() == Some(id))
    });
    if used {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "SecurityGroupInUse",
            format!("Security Group {id} in use."),
        ));
    }
    let rules: Vec<String> = s
        .all(Kind::SecurityGroupRule)
        .iter()
        .filter(|r| r.field("security_group_id") == id || r.field("remote_group_id") == id)
        .map(|r| r.id.clone())
        .collect();
    for rule in rules {
        s.remove(Kind::SecurityGroupRule, &rule);
    }
    s.remove(Kind::SecurityGroup, id);
    Ok(())
}

fn one_of(
    map: &Attrs,
    key: &str,
    valid: &[&str],
    default: Option<&str>,
) -> Result<Value, ApiError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(json!(default)),
        Some(Value::String(v)) if valid.contains(&v.as_str()) => Ok(json!(v)),
        Some(v) => Err(bad_request(format!(
            "Invalid input for {key}. Reason: {} is not in valid_values.",
            crate::body::py_str(v)
        ))),
    }
}

/// A port number 0..=65535 (or ICMP type/code 0..=255), or none.
fn port(map: &Attrs, key: &str) -> Result<Option<i64>, ApiError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let n = v
                .as_i64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()));
            match n {
                Some(n) if (0..=65535).contains(&n) => Ok(Some(n)),
                _ => Err(ApiError::typed(
                    StatusCode::BAD_REQUEST,
                    "SecurityGroupInvalidPortValue",
                    format!("Invalid value for port {}", crate::body::py_str(v)),
                )),
            }
        }
    }
}

/// Schema and Neutron's rule checks: direction, ethertype, protocol, the
/// port range, one remote, a CIDR of the rule's ethertype; then no twin.
fn create_rule(call: Call<'_>, s: &mut RegionStore, req: &Value) -> Result<String, ApiError> {
    let map = req.as_object().cloned().unwrap_or_default();
    let allowed = [
        "security_group_id",
        "direction",
        "ethertype",
        "protocol",
        "port_range_min",
        "port_range_max",
        "remote_ip_prefix",
        "remote_group_id",
        "remote_address_group_id",
        "description",
        "project_id",
        "tenant_id",
    ];
    known(&map, &allowed)?;
    let group_id = super::required(&map, "security_group_id")?;
    let group = GROUP_COLLECTION.visible(call.caller, s, group_id)?.clone();
    let project = match owner(call, &map, "security_group_rule")? {
        p if map.contains_key("project_id") || map.contains_key("tenant_id") => p,
        _ => group.project_id.clone().unwrap_or_default(),
    };
    let direction = one_of(&map, "direction", &["ingress", "egress"], None)?;
    if direction.is_null() {
        return Err(super::missing_attribute("direction"));
    }
    let ethertype = one_of(&map, "ethertype", &["IPv4", "IPv6"], Some("IPv4"))?;
    let protocol = match map.get("protocol") {
        None | Some(Value::Null) => Value::Null,
        Some(Value::String(p)) if p.parse::<u8>().is_ok() => json!(p),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|n| n <= 255) => json!(n.to_string()),
        Some(Value::String(p)) if KNOWN_PROTOCOLS.contains(&p.to_ascii_lowercase().as_str()) => {
            json!(p.to_ascii_lowercase())
        }
        Some(v) => {
            return Err(ApiError::typed(
                StatusCode::BAD_REQUEST,
                "SecurityGroupRuleInvalidProtocol",
                format!(
                    "Security group rule protocol {} not supported. Only protocol values [{}] and integer representations [0 to 255] are supported.",
                    crate::body::py_str(v),
                    KNOWN_PROTOCOLS.map(|p| format!("'{p}'")).join(", ")
                ),
            ));
        }
    };
    let (min, max) = (port(&map, "port_range_min")?, port(&map, "port_range_max")?);
    if (min.is_some() || max.is_some()) && protocol.is_null() {
        return Err(ApiError::typed(
            StatusCode::BAD_REQUEST,
            "SecurityGroupProtocolRequiredWithPorts",
            "Must also specify protocol if port range is given.",
        ));
    }
    if matches!(protocol.as_str(), Some("tcp" | "udp" | "6" | "17"))
        && let (Some(a), Some(b)) = (min, max)
        && a > b
    {
        return Err(ApiError::typed(
            StatusCode::BAD_REQUEST,
            "SecurityGroupInvalidPortRange",
            "For TCP/UDP protocols, port_range_min must be <= port_range_max",
        ));
    }
    let remote_group = map
        .get("remote_group_id")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let prefix = map
        .get("remote_ip_prefix")
        .and_then(Value::as_str)
        .map(str::to_owned);
    if remote_group.is_some() && prefix.is_some() {
        return Err(ApiError::typed(
            StatusCode::BAD_REQUEST,
            "SecurityGroupMultipleRemoteEntites",
            "Only one of remote_ip_prefix or remote_group_id or remote_address_group_id may be provided.",
        ));
    }
    if let Some(remote) = &remote_group
        && s.get(Kind::SecurityGroup, remote).is_none()
    {
        return Err(GROUP_COLLECTION.not_found(remote));
    }
    // As Neutron: the prefix is stored as given, written out by netaddr
    // (`192.0.2.7` → `192.0.2.7/32`, host bits kept), and only
    // `normalized_cidr` clears the host bits.
    let (prefix, normalized) = match &prefix {
        None => (Value::Null, Value::Null),
        Some(p) => {
            let invalid = || {
                bad_request(format!(
                    "Invalid input for remote_ip_prefix. Reason: '{p}' is not a valid IP subnet."
                ))
            };
            let (addr, len) = match p.split_once('/') {
                Some((addr, len)) => (addr, Some(len)),
                None => (p.as_str(), None),
            };
            let (ip, v6) = parse_ip(addr).ok_or_else(invalid)?;
            let len = len.map_or(Some(if v6 { 128 } else { 32 }), |l| l.parse().ok());
            let text = format!("{}/{}", render(ip, v6), len.ok_or_else(invalid)?);
            let cidr = Cidr::parse(&text, true).ok_or_else(invalid)?;
            if (cidr.version() == 6) != (ethertype == json!("IPv6")) {
                return Err(ApiError::typed(
                    StatusCode::BAD_REQUEST,
                    "SecurityGroupRuleParameterConflict",
                    format!(
                        "Conflicting value ethertype {} for CIDR {p}",
                        crate::body::py_str(&ethertype)
                    ),
                ));
            }
            let normalized = format!("{}/{}", render(cidr.network, cidr.v6), cidr.prefix);
            (json!(text), json!(normalized))
        }
    };
    let fields = [
        ("ethertype", ethertype),
        ("direction", direction),
        ("protocol", protocol),
        ("port_range_min", json!(min)),
        ("port_range_max", json!(max)),
        ("remote_ip_prefix", prefix),
        ("remote_address_group_id", Value::Null),
        ("normalized_cidr", normalized),
        ("remote_group_id", json!(remote_group)),
    ];
    let candidate: Map<String, Value> = fields
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    let twin = s.find(Kind::SecurityGroupRule, |r| {
        IDENTITY.iter().all(|k| {
            let mine = match *k {
                "security_group_id" => json!(group_id),
                _ => candidate.get(*k).cloned().unwrap_or(Value::Null),
            };
            let theirs = &r.body[*k];
            match *k {
                "protocol" => protocol_number(&mine) == protocol_number(theirs),
                "remote_ip_prefix" => anywhere_is_none(&mine) == anywhere_is_none(theirs),
                _ => mine == *theirs,
            }
        })
    });
    if let Some(twin) = twin {
        return Err(ApiError::typed(
            StatusCode::CONFLICT,
            "SecurityGroupRuleExists",
            format!(
                "Security group rule already exists. Rule id is {}.",
                twin.id
            ),
        ));
    }
    let description = text(&map, "description", "", 255)?;
    let default = group.hidden.contains_key("default");
    let body = rule_body(s, &project, group_id, &fields, default, &description);
    let id = body["id"].as_str().unwrap_or_default().to_owned();
    s.insert(Resource::new(
        Kind::SecurityGroupRule,
        &id,
        Some(&project),
        None,
        body,
    ));
    if let Some(g) = s.get_mut(Kind::SecurityGroup, group_id) {
        g.touch();
    }
    Ok(id)
}

/// Neutron's protocol names (`IP_PROTOCOL_MAP`).
const KNOWN_PROTOCOLS: [&str; 25] = [
    "ah",
    "dccp",
    "egp",
    "esp",
    "gre",
    "hopopt",
    "icmp",
    "igmp",
    "ip",
    "ipip",
    "ipv6-encap",
    "ipv6-frag",
    "ipv6-icmp",
    "icmpv6",
    "ipv6-nonxt",
    "ipv6-opts",
    "ipv6-route",
    "ospf",
    "pgm",
    "rsvp",
    "sctp",
    "tcp",
    "udp",
    "udplite",
    "vrrp",
];

/// What an update may change.
const UPDATABLE_RULES: &[&str] = &["description"];

/// Only the description changes.
fn update_rule(_: Call<'_>, s: &mut RegionStore, id: &str, map: &Attrs) -> Result<(), ApiError> {
    known(map, UPDATABLE_RULES)?;
    let r = s
        .get_mut(Kind::SecurityGroupRule, id)
        .ok_or_else(|| RULE_COLLECTION.not_found(id))?;
    r.body["description"] = json!(text(map, "description", "", 255)?);
    Ok(())
}

fn delete_rule(_call: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    let group = s
        .get(Kind::SecurityGroupRule, id)
        .map(|r| r.field("security_group_id").to_owned());
    s.remove(Kind::SecurityGroupRule, id);
    if let Some(g) = group.and_then(|g| s.get_mut(Kind::SecurityGroup, &g)) {
        g.touch();
    }
    Ok(())
}

/// A prefix as Neutron compares two rules (its `_rule_to_key`): as
/// stored, where `0.0.0.0/0` and `::/0` are no prefix (so `10.0.0.7/8` and
/// `10.0.0.0/8` are two rules).
fn anywhere_is_none(v: &Value) -> Option<&str> {
    v.as_str().filter(|p| !matches!(*p, "0.0.0.0/0" | "::/0"))
}

/// A protocol as Neutron compares two rules: by number, however each was
/// given (`tcp` and `6` are one).
fn protocol_number(v: &Value) -> Option<String> {
    let name = match v {
        Value::String(s) => s.to_ascii_lowercase(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let number = match name.as_str() {
        "icmp" => "1",
        "tcp" => "6",
        "udp" => "17",
        "gre" => "47",
        "esp" => "50",
        "ah" => "51",
        "ipv6-icmp" | "icmpv6" => "58",
        "sctp" => "132",
        other => other,
    };
    Some(number.to_string())
}
