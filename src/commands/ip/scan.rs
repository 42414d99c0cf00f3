//! The conflict scan: overlapping CIDRs, and the same fixed IP, MAC, public
//! address or L2 segment at two sites. Overlaps come from one sort and a
//! sweep (CIDRs nest or are disjoint, so the open CIDRs form one chain);
//! duplicates from hashing. Only pairs of different sites are findings.

use super::inventory::{Entry, Inventory, Kind, Segment};
use super::routed::Routed;
use crate::api::SiteId;
use ipnet::IpNet;
use serde::Serialize;
use std::collections::HashMap;
use std::net::IpAddr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    Info,
    Error,
}

/// One side of a conflict.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Side<'a> {
    pub(crate) site: &'a SiteId,
    pub(crate) network: &'a str,
    pub(crate) subnet_id: &'a str,
    pub(crate) port_id: &'a str,
}

#[derive(Debug, Clone)]
pub(crate) struct Finding<'a> {
    pub(crate) severity: Severity,
    /// `overlap`, `duplicate_ip`, `duplicate_mac`, `duplicate_public`,
    /// `duplicate_segment`.
    pub(crate) kind: &'static str,
    /// The address, CIDR(s), MAC or segment in conflict.
    pub(crate) address: String,
    pub(crate) a: Side<'a>,
    pub(crate) b: Side<'a>,
}

/// What to leave out and how to judge.
#[derive(Debug, Default)]
pub(crate) struct Options {
    pub(crate) ignore: Vec<IpNet>,
    pub(crate) routed: Option<Routed>,
}

struct At<'a> {
    site: &'a SiteId,
    entry: &'a Entry,
}

impl<'a> At<'a> {
    fn side(&self) -> Side<'a> {
        Side {
            site: self.site,
            network: &self.entry.network,
            subnet_id: &self.entry.subnet_id,
            port_id: &self.entry.port_id,
        }
    }
}

/// Every conflict between two sites, errors first.
pub(crate) fn analyse<'a>(sites: &'a [(SiteId, Inventory)], opts: &Options) -> Vec<Finding<'a>> {
    let ignored = |net: &IpNet| opts.ignore.iter().any(|i| i.contains(net));
    let all: Vec<At<'a>> = sites
        .iter()
        .flat_map(|(site, inv)| inv.entries.iter().map(move |entry| At { site, entry }))
        .filter(|at| at.entry.net.as_ref().is_some_and(|n| !ignored(n)))
        .collect();
    // Project networks in conflict are errors unless a routed file says
    // the two never meet.
    let judged = |a: &At, b: &At| match &opts.routed {
        Some(r) if !r.together(a.site, &a.entry.network, b.site, &b.entry.network) => {
            Severity::Info
        }
        _ => Severity::Error,
    };
    let mut out = Vec::new();
    overlaps(&all, &judged, &mut out);
    duplicates(&all, &judged, &mut out);
    segments(sites, opts, &mut out);
    out.sort_by(|x, y| {
        y.severity.cmp(&x.severity).then_with(|| {
            (x.kind, &x.address, x.a.site, x.b.site).cmp(&(y.kind, &y.address, y.a.site, y.b.site))
        })
    });
    out
}

/// Subnets that overlap (equal, or one inside the other) at two sites.
/// External subnets that overlap are `duplicate_public`, always errors.
fn overlaps<'a>(all: &[At<'a>], judged: &dyn Fn(&At, &At) -> Severity, out: &mut Vec<Finding<'a>>) {
    // Equal CIDRs share one node of the sweep.
    let mut same: HashMap<IpNet, Vec<&At<'a>>> = HashMap::new();
    for at in all.iter().filter(|a| a.entry.kind == Kind::Subnet) {
        if let Some(net) = at.entry.net {
            same.entry(net).or_default().push(at);
        }
    }
    let mut nets: Vec<IpNet> = same.keys().copied().collect();
    nets.sort_by_key(|n| (n.network(), n.prefix_len()));
    let mut pair = |x: &At<'a>, y: &At<'a>, address: String| {
        if x.site == y.site {
            return;
        }
        let public = x.entry.external && y.entry.external;
        out.push(Finding {
            severity: if public {
                Severity::Error
            } else {
                judged(x, y)
            },
            kind: if public {
                "duplicate_public"
            } else {
                "overlap"
            },
            address,
            a: x.side(),
            b: y.side(),
        });
    };
    // The CIDRs that contain the current one, outermost first.
    let mut open: Vec<IpNet> = Vec::new();
    for net in nets {
        while open.last().is_some_and(|o| !o.contains(&net)) {
            open.pop();
        }
        let here = &same[&net];
        for (i, x) in here.iter().enumerate() {
            for y in &here[i + 1..] {
                pair(x, y, net.to_string());
            }
        }
        for outer in &open {
            for x in &same[outer] {
                for y in here {
                    pair(x, y, format!("{outer} ⊃ {net}"));
                }
            }
        }
        open.push(net);
    }
}

/// The same fixed IP, MAC or public address at two sites.
fn duplicates<'a>(
    all: &[At<'a>],
    judged: &dyn Fn(&At, &At) -> Severity,
    out: &mut Vec<Finding<'a>>,
) {
    let mut fixed: HashMap<IpAddr, Vec<&At<'a>>> = HashMap::new();
    let mut public: HashMap<IpAddr, Vec<&At<'a>>> = HashMap::new();
    let mut macs: HashMap<&str, Vec<&At<'a>>> = HashMap::new();
    for at in all {
        let e = at.entry;
        let Some(addr) = e.net.map(|n| n.addr()) else {
            continue;
        };
        match e.kind {
            Kind::Subnet => continue,
            Kind::Floating | Kind::Gateway => public.entry(addr).or_default().push(at),
            Kind::Fixed if e.external => public.entry(addr).or_default().push(at),
            Kind::Fixed => fixed.entry(addr).or_default().push(at),
        }
        if !e.mac.is_empty() {
            let held = macs.entry(e.mac.as_str()).or_default();
            // A port with several fixed IPs is one MAC.
            if !held
                .iter()
                .any(|h| h.site == at.site && h.entry.port_id == e.port_id)
            {
                held.push(at);
            }
        }
    }
    let mut emit = |kind: &'static str, address: String, group: &[&At<'a>], public: bool| {
        for (i, x) in group.iter().enumerate() {
            for y in &group[i + 1..] {
                if x.site != y.site {
                    out.push(Finding {
                        severity: if public {
                            Severity::Error
                        } else {
                            judged(x, y)
                        },
                        kind,
                        address: address.clone(),
                        a: x.side(),
                        b: y.side(),
                    });
                }
            }
        }
    };
    for (addr, group) in &fixed {
        emit("duplicate_ip", addr.to_string(), group, false);
    }
    for (addr, group) in &public {
        emit("duplicate_public", addr.to_string(), group, true);
    }
    for (mac, group) in &macs {
        emit("duplicate_mac", mac.to_string(), group, false);
    }
}

/// The same provider segment (type, physical network, VLAN id or VNI) at
/// two sites: what a network stretched between them would collide on.
fn segments<'a>(sites: &'a [(SiteId, Inventory)], opts: &Options, out: &mut Vec<Finding<'a>>) {
    // (type, physical network, segmentation id) → the sites' networks.
    type Key<'k> = (&'k str, &'k str, &'k str);
    let mut seen: HashMap<Key, Vec<(&'a SiteId, &'a Segment)>> = HashMap::new();
    for (site, inv) in sites {
        for s in &inv.segments {
            seen.entry((
                s.network_type.as_str(),
                s.physical_network.as_str(),
                s.segmentation_id.as_str(),
            ))
            .or_default()
            .push((site, s));
        }
    }
    for ((kind, physnet, id), group) in &seen {
        let address = match (*physnet, *id) {
            ("", id) => format!("{kind} {id}"),
            (p, "") => format!("{kind} on {p}"),
            (p, id) => format!("{kind} {id} on {p}"),
        };
        for (i, (sa, a)) in group.iter().enumerate() {
            for (sb, b) in &group[i + 1..] {
                if sa == sb {
                    continue;
                }
                let severity = match &opts.routed {
                    Some(r) if !r.together(sa, &a.network, sb, &b.network) => Severity::Info,
                    _ => Severity::Error,
                };
                let side = |site, network: &'a str| Side {
                    site,
                    network,
                    subnet_id: "",
                    port_id: "",
                };
                out.push(Finding {
                    severity,
                    kind: "duplicate_segment",
                    address: address.clone(),
                    a: side(sa, &a.network),
                    b: side(sb, &b.network),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests;
