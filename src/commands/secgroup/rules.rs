//! A security group rule's identity, normalised so that rules which Neutron
//! enforces alike compare equal across regions: protocol names and numbers
//! are one, an absent prefix is "anywhere" of the rule's ethertype, prefixes
//! are compared as networks, the whole port range is no range, ICMP type and
//! code are compared as such, and remote groups are named, never by id.
//! The identity is only for comparing: a clone is made with the values of
//! the source's rule, as the source spells them.

use crate::api::secgroup::{NewRule, Rule};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Direction::Ingress => "ingress",
            Direction::Egress => "egress",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Ethertype {
    V4,
    V6,
}

impl Ethertype {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Ethertype::V4 => "IPv4",
            Ethertype::V6 => "IPv6",
        }
    }
}

/// The IP protocol of a rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Protocol {
    Any,
    Number(u8),
    /// A name Neutron does not map to a number (kept, never guessed at).
    Other(String),
}

/// Neutron's protocol names (neutron-lib's `IP_PROTOCOL_MAP`); `icmpv6` is
/// its legacy alias of `ipv6-icmp`. The first name of a number is the one shown.
const PROTOCOLS: [(&str, u8); 25] = [
    ("ah", 51),
    ("dccp", 33),
    ("egp", 8),
    ("esp", 50),
    ("gre", 47),
    ("icmp", 1),
    ("igmp", 2),
    ("ipip", 4),
    ("ipv6-encap", 41),
    ("ipv6-frag", 44),
    ("ipv6-icmp", 58),
    ("icmpv6", 58),
    ("ipv6-nonxt", 59),
    ("ipv6-opts", 60),
    ("ipv6-route", 43),
    ("ospf", 89),
    ("pgm", 113),
    ("rsvp", 46),
    ("sctp", 132),
    ("tcp", 6),
    ("udp", 17),
    ("udplite", 136),
    ("vrrp", 112),
    ("hopopt", 0),
    ("ip", 0),
];

const ICMP: u8 = 1;
const IPV6_ICMP: u8 = 58;

/// The protocols whose rules take a port range (Neutron's `SG_PORT_PROTO_NUMS`).
const PORT_PROTOCOLS: [u8; 5] = [6, 17, 33, 132, 136];

impl Protocol {
    /// As Neutron reads it: `any` or nothing is any; IPv6 rules say
    /// ICMP for ICMPv6.
    pub(crate) fn parse(raw: Option<&Value>, ethertype: Ethertype) -> Protocol {
        let text = match raw {
            None | Some(Value::Null) => return Protocol::Any,
            Some(Value::String(s)) => s.trim().to_ascii_lowercase(),
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => return Protocol::Other(other.to_string()),
        };
        if text.is_empty() || text == "any" {
            return Protocol::Any;
        }
        let number = text.parse::<u8>().ok().or_else(|| {
            PROTOCOLS
                .iter()
                .find(|(name, _)| *name == text)
                .map(|(_, n)| *n)
        });
        match number {
            Some(ICMP) if ethertype == Ethertype::V6 => Protocol::Number(IPV6_ICMP),
            Some(n) => Protocol::Number(n),
            None => Protocol::Other(text),
        }
    }

    fn is_icmp(&self) -> bool {
        matches!(self, Protocol::Number(ICMP | IPV6_ICMP))
    }

    fn has_ports(&self) -> bool {
        matches!(self, Protocol::Number(n) if PORT_PROTOCOLS.contains(n))
    }
}

/// As people read it: the name where there is one (but `0` stays a
/// number, which no reader takes for "any").
impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Protocol::Any => f.write_str("any"),
            Protocol::Number(0) => f.write_str("0"),
            Protocol::Number(n) => match PROTOCOLS.iter().find(|(_, num)| num == n) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{n}"),
            },
            Protocol::Other(s) => f.write_str(s),
        }
    }
}

/// A network: its address with the host bits cleared, and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Cidr {
    pub(crate) addr: IpAddr,
    pub(crate) len: u8,
}

impl Cidr {
    /// `10.0.0.1/8` is `10.0.0.0/8`; a bare address is a host network.
    pub(crate) fn parse(text: &str) -> Option<Cidr> {
        let (addr, len) = match text.trim().split_once('/') {
            Some((a, l)) => (a.parse::<IpAddr>().ok()?, Some(l.parse::<u8>().ok()?)),
            None => (text.trim().parse::<IpAddr>().ok()?, None),
        };
        Some(match addr {
            IpAddr::V4(a) => {
                let len = len.unwrap_or(32);
                if len > 32 {
                    return None;
                }
                let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
                Cidr {
                    addr: IpAddr::V4(Ipv4Addr::from(u32::from(a) & mask)),
                    len,
                }
            }
            IpAddr::V6(a) => {
                let len = len.unwrap_or(128);
                if len > 128 {
                    return None;
                }
                let mask = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
                Cidr {
                    addr: IpAddr::V6(Ipv6Addr::from(u128::from(a) & mask)),
                    len,
                }
            }
        })
    }

    pub(crate) fn anywhere(ethertype: Ethertype) -> Cidr {
        match ethertype {
            Ethertype::V4 => Cidr {
                addr: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
                len: 0,
            },
            Ethertype::V6 => Cidr {
                addr: IpAddr::V6(Ipv6Addr::UNSPECIFIED),
                len: 0,
            },
        }
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.len)
    }
}

/// Where the traffic of a rule comes from (or goes to).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Remote {
    Prefix(Cidr),
    /// Another group (or the rule's own), by name.
    Group(String),
    /// An address group, by name.
    AddressGroup(String),
    /// A group id that is not one of the project's groups (shared from
    /// another project): it cannot be named, so it matches nothing elsewhere.
    UnknownGroup(String),
    UnknownAddressGroup(String),
}

impl fmt::Display for Remote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Remote::Prefix(c) => write!(f, "{c}"),
            Remote::Group(n) => write!(f, "group {n}"),
            Remote::AddressGroup(n) => write!(f, "address group {n}"),
            Remote::UnknownGroup(id) => write!(f, "group id {id}"),
            Remote::UnknownAddressGroup(id) => write!(f, "address group id {id}"),
        }
    }
}

/// What makes two rules the same rule, wherever they are.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct RuleKey {
    pub(crate) direction: Direction,
    pub(crate) ethertype: Ethertype,
    pub(crate) protocol: Protocol,
    /// The port range; for ICMP the type and the code.
    pub(crate) min: Option<i64>,
    pub(crate) max: Option<i64>,
    pub(crate) remote: Remote,
}

/// The names of a site's groups and address groups, by id.
#[derive(Debug, Default)]
pub(crate) struct Names {
    pub(crate) groups: BTreeMap<String, String>,
    pub(crate) address_groups: BTreeMap<String, String>,
}

impl RuleKey {
    /// Normalises a rule as Neutron shows it; `names` turns remote ids into names.
    pub(crate) fn of(rule: &Rule, names: &Names) -> anyhow::Result<RuleKey> {
        let direction = match rule.direction.to_ascii_lowercase().as_str() {
            "ingress" => Direction::Ingress,
            "egress" => Direction::Egress,
            other => anyhow::bail!("rule {}: unknown direction '{other}'", rule.id),
        };
        let ethertype = match rule.ethertype.as_deref().map(str::to_ascii_lowercase) {
            None => Ethertype::V4,
            Some(e) if e == "ipv4" => Ethertype::V4,
            Some(e) if e == "ipv6" => Ethertype::V6,
            Some(e) => anyhow::bail!("rule {}: unknown ethertype '{e}'", rule.id),
        };
        let protocol = Protocol::parse(rule.protocol.as_ref(), ethertype);
        // Neutron stores the whole range as no range, whatever the protocol.
        let (min, max) = match (rule.port_range_min, rule.port_range_max) {
            (Some(1), Some(65535)) => (None, None),
            other => other,
        };
        let remote = if let Some(id) = &rule.remote_group_id {
            match names.groups.get(id) {
                Some(n) => Remote::Group(n.clone()),
                None => Remote::UnknownGroup(id.clone()),
            }
        } else if let Some(id) = &rule.remote_address_group_id {
            match names.address_groups.get(id) {
                Some(n) => Remote::AddressGroup(n.clone()),
                None => Remote::UnknownAddressGroup(id.clone()),
            }
        } else {
            match rule.remote_ip_prefix.as_deref().filter(|p| !p.is_empty()) {
                None => Remote::Prefix(Cidr::anywhere(ethertype)),
                Some(p) => Remote::Prefix(Cidr::parse(p).ok_or_else(|| {
                    anyhow::anyhow!("rule {}: remote_ip_prefix '{p}' is not a network", rule.id)
                })?),
            }
        };
        Ok(RuleKey {
            direction,
            ethertype,
            protocol,
            min,
            max,
            remote,
        })
    }

    /// The ports as people read them: `22`, `8000-8080`, `type 8 code 0`.
    pub(crate) fn ports(&self) -> String {
        if self.protocol.is_icmp() {
            return match (self.min, self.max) {
                (None, None) => String::new(),
                (Some(t), None) => format!("type {t}"),
                (Some(t), Some(c)) => format!("type {t} code {c}"),
                (None, Some(c)) => format!("code {c}"),
            };
        }
        match (self.min, self.max) {
            (None, None) => String::new(),
            (Some(a), Some(b)) if a == b => a.to_string(),
            (a, b) => format!(
                "{}-{}",
                a.map_or(String::new(), |a| a.to_string()),
                b.map_or(String::new(), |b| b.to_string())
            ),
        }
    }

    /// The group this rule needs by name, if any.
    pub(crate) fn remote_group(&self) -> Option<&str> {
        match &self.remote {
            Remote::Group(n) => Some(n),
            _ => None,
        }
    }

    /// One line that tells rules apart, for digests: every field, with
    /// separators no name can fake.
    pub(crate) fn canonical(&self) -> String {
        let remote = match &self.remote {
            Remote::Prefix(c) => format!("p:{c}"),
            Remote::Group(n) => format!("g:{n}"),
            Remote::AddressGroup(n) => format!("a:{n}"),
            Remote::UnknownGroup(id) => format!("gi:{id}"),
            Remote::UnknownAddressGroup(id) => format!("ai:{id}"),
        };
        let num = |v: Option<i64>| v.map_or("-".to_string(), |v| v.to_string());
        let protocol = match &self.protocol {
            Protocol::Any => "any".to_string(),
            Protocol::Number(n) => n.to_string(),
            Protocol::Other(s) => format!("name:{s}"),
        };
        format!(
            "{:?}\u{1f}{}\u{1f}{protocol}\u{1f}{}\u{1f}{}\u{1f}{remote}",
            self.direction,
            self.ethertype.name(),
            num(self.min),
            num(self.max)
        )
    }

    /// The rule to create in group `group_id` for the source's rule `raw`
    /// (which has this key), with its remote's id at the target
    /// (`remote_id`, for a remote group or address group). It says what
    /// the source's rule says, as the source says it (`6`, not `tcp`; an
    /// explicit `0.0.0.0/0`; `10.0.0.7/8` with its host bits; `1-65535`),
    /// so that every reader of the target sees the source's rule there:
    /// the key only decides which rules are the same.
    pub(crate) fn new_rule(&self, raw: &Rule, group_id: &str, remote_id: Option<&str>) -> NewRule {
        let (prefix, group, address_group) = match &self.remote {
            Remote::Prefix(_) => (
                raw.remote_ip_prefix.clone().filter(|p| !p.is_empty()),
                None,
                None,
            ),
            Remote::Group(_) | Remote::UnknownGroup(_) => (None, remote_id, None),
            Remote::AddressGroup(_) | Remote::UnknownAddressGroup(_) => (None, None, remote_id),
        };
        let protocol = match &raw.protocol {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()).filter(|s| !s.is_empty()),
            Some(other) => Some(other.to_string()),
        };
        NewRule {
            security_group_id: group_id.to_string(),
            direction: self.direction.name().to_string(),
            ethertype: self.ethertype.name().to_string(),
            protocol,
            port_range_min: raw.port_range_min,
            port_range_max: raw.port_range_max,
            remote_ip_prefix: prefix,
            remote_group_id: group.map(str::to_string),
            remote_address_group_id: address_group.map(str::to_string),
            description: raw.description.clone().unwrap_or_default(),
        }
    }

    /// Whether the protocol takes ports but the rule has none (any port).
    fn any_port(&self) -> bool {
        self.protocol.has_ports() && self.min.is_none()
    }
}

/// `ingress IPv4 tcp 22 from 10.0.0.0/8`.
impl fmt::Display for RuleKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match self.direction {
            Direction::Ingress => "from",
            Direction::Egress => "to",
        };
        write!(
            f,
            "{} {} {}",
            self.direction.name(),
            self.ethertype.name(),
            self.protocol
        )?;
        let ports = self.ports();
        if !ports.is_empty() {
            write!(f, " {ports}")?;
        } else if self.any_port() {
            f.write_str(" any port")?;
        }
        write!(f, " {word} {}", self.remote)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rule(v: Value) -> Rule {
        let mut base = json!({"id": "r", "direction": "ingress", "ethertype": "IPv4"});
        for (k, val) in v.as_object().unwrap() {
            base[k] = val.clone();
        }
        serde_json::from_value(base).unwrap()
    }

    fn key(v: Value) -> RuleKey {
        let mut names = Names::default();
        names.groups.insert("g-1".into(), "web".into());
        names.address_groups.insert("a-1".into(), "office".into());
        RuleKey::of(&rule(v), &names).unwrap()
    }

    #[test]
    fn protocol_names_and_numbers_are_one() {
        let tcp = key(json!({"protocol": "tcp", "port_range_min": 22, "port_range_max": 22}));
        let six = key(json!({"protocol": "6", "port_range_min": 22, "port_range_max": 22}));
        let upper = key(json!({"protocol": "TCP", "port_range_min": 22, "port_range_max": 22}));
        let number = key(json!({"protocol": 6, "port_range_min": 22, "port_range_max": 22}));
        assert_eq!(tcp, six);
        assert_eq!(tcp, upper);
        assert_eq!(tcp, number);
        assert_eq!(
            key(json!({"protocol": "112"})),
            key(json!({"protocol": "vrrp"}))
        );
        assert_eq!(key(json!({"protocol": "any"})), key(json!({})));
        assert_ne!(
            key(json!({"protocol": "0"})),
            key(json!({})),
            "0 is not any"
        );
        assert_eq!(tcp.to_string(), "ingress IPv4 tcp 22 from 0.0.0.0/0");
        assert_eq!(
            key(json!({"protocol": "tcp"})).to_string(),
            "ingress IPv4 tcp any port from 0.0.0.0/0"
        );
    }

    #[test]
    fn ipv6_icmp_has_three_spellings() {
        let v6 = |p: &str| key(json!({"ethertype": "IPv6", "protocol": p}));
        assert_eq!(v6("ipv6-icmp"), v6("icmpv6"));
        assert_eq!(v6("ipv6-icmp"), v6("58"));
        assert_eq!(v6("ipv6-icmp"), v6("icmp"), "legacy icmp on IPv6");
        assert_eq!(v6("1"), v6("58"));
        assert_eq!(v6("icmp").to_string(), "ingress IPv6 ipv6-icmp from ::/0");
        assert_ne!(
            key(json!({"protocol": "icmp"})),
            key(json!({"protocol": "58"}))
        );
    }

    #[test]
    fn an_absent_prefix_is_anywhere_of_its_ethertype() {
        assert_eq!(
            key(json!({"remote_ip_prefix": "0.0.0.0/0"})),
            key(json!({"remote_ip_prefix": null}))
        );
        assert_eq!(
            key(json!({"ethertype": "IPv6", "remote_ip_prefix": "::/0"})),
            key(json!({"ethertype": "IPv6"}))
        );
        assert_ne!(
            key(json!({"ethertype": "IPv6"})),
            key(json!({})),
            "::/0 is not 0.0.0.0/0"
        );
    }

    #[test]
    fn prefixes_are_compared_as_networks() {
        assert_eq!(
            key(json!({"remote_ip_prefix": "10.0.0.1/8"})),
            key(json!({"remote_ip_prefix": "10.0.0.0/8"}))
        );
        assert_eq!(
            key(json!({"remote_ip_prefix": "192.0.2.7"})),
            key(json!({"remote_ip_prefix": "192.0.2.7/32"}))
        );
        assert_eq!(
            key(json!({"ethertype": "IPv6", "remote_ip_prefix": "2001:db8::1/32"})),
            key(json!({"ethertype": "IPv6", "remote_ip_prefix": "2001:0db8:0::/32"}))
        );
        assert_ne!(
            key(json!({"remote_ip_prefix": "10.0.0.0/8"})),
            key(json!({"remote_ip_prefix": "10.0.0.0/16"}))
        );
        assert_eq!(Cidr::parse("10.1.2.3/33"), None);
        assert_eq!(Cidr::parse("nonsense"), None);
        assert_eq!(Cidr::parse("10.1.2.3/0").unwrap().to_string(), "0.0.0.0/0");
        let bad = RuleKey::of(&rule(json!({"remote_ip_prefix": "x/8"})), &Names::default());
        assert!(
            bad.unwrap_err()
                .to_string()
                .contains("'x/8' is not a network")
        );
    }

    #[test]
    fn the_whole_port_range_is_no_range() {
        assert_eq!(
            key(json!({"protocol": "tcp", "port_range_min": 1, "port_range_max": 65535})),
            key(json!({"protocol": "tcp"}))
        );
        let range = key(json!({"protocol": "udp", "port_range_min": 8000, "port_range_max": 8080}));
        assert_eq!(range.ports(), "8000-8080");
    }

    #[test]
    fn icmp_type_and_code_are_compared_as_such() {
        let echo = key(json!({"protocol": "icmp", "port_range_min": 8, "port_range_max": 0}));
        let any_code = key(json!({"protocol": "icmp", "port_range_min": 8}));
        assert_ne!(echo, any_code, "code 0 is not any code");
        assert_eq!(
            echo.to_string(),
            "ingress IPv4 icmp type 8 code 0 from 0.0.0.0/0"
        );
        assert_eq!(any_code.ports(), "type 8");
        assert_eq!(
            echo,
            key(json!({"protocol": "1", "port_range_min": 8, "port_range_max": 0}))
        );
    }

    #[test]
    fn remote_groups_are_named_never_by_id() {
        let web = key(json!({"remote_group_id": "g-1"}));
        assert_eq!(web.remote, Remote::Group("web".into()));
        assert_eq!(web.remote_group(), Some("web"));
        assert_eq!(web.to_string(), "ingress IPv4 any from group web");
        let mut elsewhere = Names::default();
        elsewhere.groups.insert("other-id".into(), "web".into());
        let there = RuleKey::of(&rule(json!({"remote_group_id": "other-id"})), &elsewhere).unwrap();
        assert_eq!(
            web, there,
            "the same name in another region is the same remote"
        );
        let office = key(json!({"remote_address_group_id": "a-1"}));
        assert_eq!(office.remote, Remote::AddressGroup("office".into()));
        assert_eq!(
            key(json!({"remote_group_id": "unknown"})).remote,
            Remote::UnknownGroup("unknown".into())
        );
    }

    #[test]
    fn egress_reads_to() {
        let k = key(json!({"direction": "egress", "ethertype": "IPv6"}));
        assert_eq!(k.to_string(), "egress IPv6 any to ::/0");
        let bad = RuleKey::of(&rule(json!({"direction": "sideways"})), &Names::default());
        assert!(bad.is_err());
    }

    /// The rule a target stores for a new rule (Neutron stores what it is
    /// given), read back as a site shows it.
    fn stored(new: &NewRule) -> Rule {
        let mut v = serde_json::to_value(new).unwrap();
        v["id"] = json!("t-r");
        serde_json::from_value(v).unwrap()
    }

    /// Issue 14: a clone is equivalent to its source and also identical:
    /// it is created with the source's values, and compared by its key.
    #[test]
    fn issue_14_a_new_rule_says_what_the_source_says() {
        let mut names = Names::default();
        names.groups.insert("g-1".into(), "web".into());
        let mut there = Names::default();
        there.groups.insert("t-1".into(), "web".into());
        for (raw, remote) in [
            (
                json!({"protocol": "6", "port_range_min": 22, "port_range_max": 22,
                       "remote_ip_prefix": "0.0.0.0/0", "description": "ssh"}),
                None,
            ),
            (json!({"protocol": "47"}), None),
            (json!({"remote_ip_prefix": "10.0.0.7/8"}), None),
            (
                json!({"ethertype": "IPv6", "protocol": "tcp", "remote_ip_prefix": "::/0",
                       "port_range_min": 1, "port_range_max": 65535}),
                None,
            ),
            (json!({"protocol": "0"}), None),
            (
                json!({"protocol": 17, "remote_group_id": "g-1"}),
                Some("t-1"),
            ),
        ] {
            let source = rule(raw.clone());
            let k = RuleKey::of(&source, &names).unwrap();
            let new = k.new_rule(&source, "t-g", remote);
            let want = |field: &str| match &raw[field] {
                Value::Number(n) => json!(n.to_string()),
                v => v.clone(),
            };
            let sent = serde_json::to_value(&new).unwrap();
            assert_eq!(sent["protocol"], want("protocol"), "{raw}");
            assert_eq!(sent["remote_ip_prefix"], raw["remote_ip_prefix"], "{raw}");
            assert_eq!(sent["port_range_min"], raw["port_range_min"], "{raw}");
            assert_eq!(sent["port_range_max"], raw["port_range_max"], "{raw}");
            assert_eq!(new.description, raw["description"].as_str().unwrap_or(""));
            assert_eq!(new.security_group_id, "t-g");
            assert_eq!(new.remote_group_id.as_deref(), remote);
            // What the target then holds is the same rule to every comparison.
            assert_eq!(RuleKey::of(&stored(&new), &there).unwrap(), k, "{raw}");
        }
    }

    /// Issue 14: the comparison stays normalised whatever the spelling.
    #[test]
    fn issue_14_spellings_of_one_rule_are_one_key() {
        assert_eq!(
            key(json!({"protocol": "6", "remote_ip_prefix": "0.0.0.0/0"})),
            key(json!({"protocol": "tcp"}))
        );
        assert_eq!(
            key(json!({"protocol": "47"})),
            key(json!({"protocol": "gre"}))
        );
        assert_eq!(
            key(json!({"remote_ip_prefix": "10.0.0.7/8"})),
            key(json!({"remote_ip_prefix": "10.0.0.0/8"}))
        );
        assert_eq!(
            key(json!({"protocol": "47"})).to_string(),
            "ingress IPv4 gre from 0.0.0.0/0"
        );
    }

    #[test]
    fn canonical_lines_tell_rules_apart() {
        let a = key(json!({"remote_group_id": "g-1"}));
        let b = key(json!({"remote_address_group_id": "a-1"}));
        assert_ne!(a.canonical(), b.canonical());
        assert_eq!(
            key(json!({"protocol": "tcp"})).canonical(),
            key(json!({"protocol": "6"})).canonical()
        );
    }
}
