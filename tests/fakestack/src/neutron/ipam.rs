//! Addresses as Neutron's IPAM hands them out: CIDRs, allocation pools, fixed IPs and MACs.
//!
//! Unlike Neutron, which picks a random free address, the lowest free
//! address of a subnet's pools is taken, so tests can predict it.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::store::{ApiError, Kind, RegionStore, Resource};

use super::{bad_request, invalid_input};

/// A parsed CIDR: its network address as a number, prefix and version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cidr {
    pub network: u128,
    pub prefix: u32,
    pub v6: bool,
}

impl Cidr {
    /// `10.0.0.0/24` or `fd00::/64`; host bits must be zero unless `loose`.
    pub fn parse(text: &str, loose: bool) -> Option<Cidr> {
        let (addr, prefix) = text.split_once('/')?;
        let addr: IpAddr = addr.parse().ok()?;
        let prefix: u32 = prefix.parse().ok()?;
        let (value, bits, v6) = match addr {
            IpAddr::V4(a) => (u128::from(u32::from(a)), 32, false),
            IpAddr::V6(a) => (u128::from(a), 128, true),
        };
        if prefix > bits {
            return None;
        }
        let cidr = Cidr {
            network: value & mask(prefix, bits),
            prefix,
            v6,
        };
        (loose || cidr.network == value).then_some(cidr)
    }

    fn bits(self) -> u32 {
        if self.v6 { 128 } else { 32 }
    }

    pub fn version(self) -> u8 {
        if self.v6 { 6 } else { 4 }
    }

    /// The last address of the range.
    pub fn last(self) -> u128 {
        self.network | !mask(self.prefix, self.bits()) & max(self.bits())
    }

    pub fn contains(self, ip: u128) -> bool {
        ip >= self.network && ip <= self.last()
    }

    pub fn overlaps(self, other: Cidr) -> bool {
        self.v6 == other.v6 && self.network <= other.last() && other.network <= self.last()
    }

    pub fn text(self) -> String {
        format!("{}/{}", render(self.network, self.v6), self.prefix)
    }

    /// Neutron's default pool: everything but the network address, the
    /// gateway and, for IPv4, the broadcast address.
    pub fn default_pool(self, gateway: Option<u128>) -> Vec<(u128, u128)> {
        let first = self.network + 1;
        let last = if self.v6 || self.prefix >= 31 {
            self.last()
        } else {
            self.last() - 1
        };
        match gateway {
            Some(g) if g == first => vec![(first + 1, last)],
            Some(g) if g > first && g < last => vec![(first, g - 1), (g + 1, last)],
            Some(g) if g == last => vec![(first, last - 1)],
            _ => vec![(first, last)],
        }
    }
}

fn max(bits: u32) -> u128 {
    if bits == 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

fn mask(prefix: u32, bits: u32) -> u128 {
    if prefix == 0 {
        0
    } else {
        max(bits) & !(max(bits - prefix))
    }
}

/// An address as text, in the version given.
pub(crate) fn render(ip: u128, v6: bool) -> String {
    if v6 {
        Ipv6Addr::from(ip).to_string()
    } else {
        Ipv4Addr::from(ip as u32).to_string()
    }
}

/// An address (either version) as a number and its version.
pub(crate) fn parse_ip(text: &str) -> Option<(u128, bool)> {
    match text.parse::<IpAddr>().ok()? {
        IpAddr::V4(a) => Some((u128::from(u32::from(a)), false)),
        IpAddr::V6(a) => Some((u128::from(a), true)),
    }
}

/// A subnet's CIDR and pools, read back from its body.
pub(crate) fn subnet_cidr(subnet: &Resource) -> Option<Cidr> {
    Cidr::parse(subnet.field("cidr"), false)
}

fn pools(subnet: &Resource) -> Vec<(u128, u128)> {
    subnet.body["allocation_pools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let (start, _) = parse_ip(p["start"].as_str()?)?;
            let (end, _) = parse_ip(p["end"].as_str()?)?;
            Some((start, end))
        })
        .collect()
}

/// Every address in use on a subnet: ports' fixed IPs (but `except`'s).
fn used(s: &RegionStore, subnet_id: &str, except: Option<&str>) -> Vec<u128> {
    s.all(Kind::Port)
        .iter()
        .filter(|p| Some(p.id.as_str()) != except)
        .flat_map(|p| p.body["fixed_ips"].as_array().cloned().unwrap_or_default())
        .filter(|ip| ip["subnet_id"].as_str() == Some(subnet_id))
        .filter_map(|ip| parse_ip(ip["ip_address"].as_str()?).map(|(n, _)| n))
        .collect()
}

fn in_use(subnet_id: &str, ip: &str) -> ApiError {
    ApiError::typed(
        StatusCode::CONFLICT,
        "IpAddressAlreadyAllocated",
        format!("IP address {ip} already allocated in subnet {subnet_id}"),
    )
}

/// One fixed IP on a subnet: the address asked for (checked against the
/// CIDR and the other ports), or the lowest free one in the pools.
/// `taken` are addresses already chosen for the same port; `except` a port
/// whose own addresses are free (it is being updated).
pub(crate) fn allocate(
    s: &RegionStore,
    subnet: &Resource,
    asked: Option<&str>,
    taken: &[Value],
    except: Option<&str>,
) -> Result<Value, ApiError> {
    let cidr = subnet_cidr(subnet).ok_or_else(|| bad_request("the subnet has no valid cidr"))?;
    let mut busy = used(s, &subnet.id, except);
    busy.extend(
        taken
            .iter()
            .filter(|ip| ip["subnet_id"].as_str() == Some(subnet.id.as_str()))
            .filter_map(|ip| parse_ip(ip["ip_address"].as_str()?).map(|(n, _)| n)),
    );
    if let Some(ip) = asked {
        let (n, v6) =
            parse_ip(ip).ok_or_else(|| invalid_input(format!("{ip} is not a valid IP address")))?;
        if v6 != cidr.v6 || !cidr.contains(n) {
            return Err(ApiError::typed(
                StatusCode::BAD_REQUEST,
                "InvalidIpForSubnet",
                format!("IP address {ip} is not a valid IP for the specified subnet."),
            ));
        }
        if busy.contains(&n) {
            return Err(in_use(&subnet.id, &render(n, v6)));
        }
        return Ok(json!({"subnet_id": subnet.id, "ip_address": render(n, v6)}));
    }
    for (start, end) in pools(subnet) {
        let mut ip = start;
        while ip <= end {
            if !busy.contains(&ip) {
                return Ok(json!({"subnet_id": subnet.id, "ip_address": render(ip, cidr.v6)}));
            }
            ip += 1;
        }
    }
    Err(ApiError::typed(
        StatusCode::CONFLICT,
        "IpAddressGenerationFailure",
        format!(
            "No more IP addresses available on network {}.",
            subnet.field("network_id")
        ),
    ))
}

/// A port's `fixed_ips`: each asked entry resolved (`subnet_id` and/or
/// `ip_address`), or without any, one address from the network's first
/// IPv4 and first IPv6 subnet.
pub(crate) fn fixed_ips(
    s: &RegionStore,
    network: &str,
    asked: Option<&Value>,
    except: Option<&str>,
) -> Result<Vec<Value>, ApiError> {
    let subnets: Vec<&Resource> = s
        .all(Kind::Subnet)
        .iter()
        .filter(|r| r.field("network_id") == network)
        .collect();
    let mut out: Vec<Value> = Vec::new();
    match asked {
        Some(Value::Array(entries)) => {
            for entry in entries {
                let ip = entry["ip_address"].as_str();
                let subnet = match entry["subnet_id"].as_str() {
                    Some(id) => subnets.iter().find(|r| r.id == id).copied().ok_or_else(|| {
                        invalid_input(format!("Failed to create port on network {network}, because fixed_ips included invalid subnet {id}"))
                    })?,
                    None => {
                        let ip = ip.ok_or_else(|| invalid_input("Exceeded maximum amount of fixed ips per port."))?;
                        let (n, v6) = parse_ip(ip).ok_or_else(|| invalid_input(format!("{ip} is not a valid IP address")))?;
                        subnets
                            .iter()
                            .find(|r| subnet_cidr(r).is_some_and(|c| c.v6 == v6 && c.contains(n)))
                            .copied()
                            .ok_or_else(|| ApiError::typed(
                                StatusCode::BAD_REQUEST,
                                "InvalidIpForNetwork",
                                format!("IP address {ip} is not a valid IP for any of the subnets on the specified network."),
                            ))?
                    }
                };
                out.push(allocate(s, subnet, ip, &out, except)?);
            }
        }
        Some(Value::Null) | None => {
            for v6 in [false, true] {
                if let Some(subnet) = subnets
                    .iter()
                    .find(|r| subnet_cidr(r).is_some_and(|c| c.v6 == v6))
                {
                    out.push(allocate(s, subnet, None, &out, except)?);
                }
            }
        }
        Some(other) => {
            return Err(bad_request(format!(
                "Invalid input for fixed_ips. Reason: Invalid data format for fixed IP: '{}'.",
                crate::body::py_str(other)
            )));
        }
    }
    Ok(out)
}

/// A MAC for a new port on `network`: the one asked for (unless another
/// port there has it), or a new `fa:16:3e:…` one.
pub(crate) fn mac(s: &RegionStore, network: &str, asked: Option<&str>) -> Result<String, ApiError> {
    let taken = |m: &str| {
        s.all(Kind::Port).iter().any(|p| {
            p.field("network_id") == network && p.field("mac_address").eq_ignore_ascii_case(m)
        })
    };
    if let Some(m) = asked {
        let valid = m.split(':').count() == 6
            && m.split(':')
                .all(|o| o.len() == 2 && u8::from_str_radix(o, 16).is_ok());
        if !valid {
            return Err(bad_request(format!(
                "Invalid input for mac_address. Reason: '{m}' is not a valid MAC address."
            )));
        }
        let m = m.to_ascii_lowercase();
        if taken(&m) {
            return Err(ApiError::typed(
                StatusCode::CONFLICT,
                "MacAddressInUse",
                format!(
                    "Unable to complete operation for network {network}. The mac address {m} is in use."
                ),
            ));
        }
        return Ok(m);
    }
    loop {
        let b = uuid::Uuid::new_v4().into_bytes();
        let m = format!("fa:16:3e:{:02x}:{:02x}:{:02x}", b[0], b[1], b[2]);
        if !taken(&m) {
            return Ok(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs_and_pools() {
        let c = Cidr::parse("10.20.0.0/24", false).unwrap();
        assert_eq!(render(c.last(), false), "10.20.0.255");
        let pool = c.default_pool(Some(c.network + 1));
        assert_eq!(render(pool[0].0, false), "10.20.0.2");
        assert_eq!(render(pool[0].1, false), "10.20.0.254");
        assert!(Cidr::parse("10.20.0.1/24", false).is_none());
        let v6 = Cidr::parse("fd00:20::/64", false).unwrap();
        assert_eq!(render(v6.last(), true), "fd00:20::ffff:ffff:ffff:ffff");
        assert!(v6.overlaps(Cidr::parse("fd00:20::/48", true).unwrap()));
        assert!(!c.overlaps(Cidr::parse("10.20.1.0/24", false).unwrap()));
        assert_eq!(Cidr::parse("0.0.0.0/0", false).unwrap().text(), "0.0.0.0/0");
    }
}
