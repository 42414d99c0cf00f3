//! One site's addresses as one list: subnets (CIDRs), fixed IPs of ports,
//! floating IPs and router gateways, each with its network, subnet, port
//! and MAC, plus the networks' L2 segments where the credentials see them.

use crate::api::SiteClient;
use crate::api::network::{Network, Scope};
use crate::error::hinted;
use ipnet::IpNet;
use serde::Serialize;
use std::collections::HashMap;
use std::net::IpAddr;

/// What an address is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Kind {
    Subnet,
    #[default]
    Fixed,
    Floating,
    Gateway,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Subnet => "subnet",
            Kind::Fixed => "fixed",
            Kind::Floating => "floating",
            Kind::Gateway => "gateway",
        }
    }
}

/// One address (or CIDR) at one site.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    pub(crate) kind: Kind,
    /// A CIDR for a subnet, a host net (/32, /128) for an address.
    pub(crate) net: Option<IpNet>,
    pub(crate) project_id: String,
    pub(crate) network: String,
    pub(crate) network_id: String,
    pub(crate) subnet_id: String,
    pub(crate) port_id: String,
    /// Lower-case, colon-separated.
    pub(crate) mac: String,
    pub(crate) device_owner: String,
    pub(crate) device_id: String,
    /// On an external (provider, public) network.
    pub(crate) external: bool,
}

/// A network's L2 segment, as its provider attributes say.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    pub(crate) network: String,
    pub(crate) network_type: String,
    pub(crate) physical_network: String,
    pub(crate) segmentation_id: String,
}

/// A site's addresses and segments.
#[derive(Debug, Clone, Default)]
pub(crate) struct Inventory {
    pub(crate) entries: Vec<Entry>,
    pub(crate) segments: Vec<Segment>,
}

/// Reads a site's inventory: the token's project, or with `all_projects`
/// every project (which needs the admin role, checked first).
pub(crate) async fn read(client: &SiteClient, all_projects: bool) -> anyhow::Result<Inventory> {
    let project = if all_projects {
        client
            .require_role(
                "admin",
                "--all-projects",
                "use an admin cloud entry, or leave out --all-projects for the token's project",
            )
            .await?;
        None
    } else {
        let token = client.session().token().await?;
        Some(token.project_id.clone().ok_or_else(|| {
            hinted(
                "the credentials are not scoped to a project",
                "scope the cloud to a project in clouds.yaml, or pass --all-projects as an admin",
            )
        })?)
    };
    let scope = match &project {
        Some(p) => Scope::Project(p),
        None => Scope::All,
    };
    let (networks, mut subnets, ports, floating, routers) = futures::try_join!(
        client.networks(),
        client.subnets(scope),
        client.ports(scope),
        client.floating_ips(scope),
        client.routers(scope),
    )?;
    if project.is_some() {
        // The public ranges a project's floating IPs and gateways come
        // from belong to the admin, yet are the project's addresses too.
        let external: Vec<&str> = networks
            .iter()
            .filter(|n| n.external)
            .map(|n| n.id.as_str())
            .collect();
        let public = client.subnets_of(&external).await?;
        let mine: std::collections::HashSet<String> =
            subnets.iter().map(|s| s.id.clone()).collect();
        subnets.extend(public.into_iter().filter(|s| !mine.contains(&s.id)));
    }
    Ok(assemble(networks, subnets, ports, floating, routers))
}

/// Puts the lists together; addresses Neutron would not hand out (an
/// unparsable one) are left out.
pub(crate) fn assemble(
    networks: Vec<Network>,
    subnets: Vec<crate::api::network::Subnet>,
    ports: Vec<crate::api::network::Port>,
    floating: Vec<crate::api::network::FloatingIp>,
    routers: Vec<crate::api::network::Router>,
) -> Inventory {
    let nets: HashMap<&str, &Network> = networks.iter().map(|n| (n.id.as_str(), n)).collect();
    let name = |id: &str| nets.get(id).map(|n| n.name.clone()).unwrap_or_default();
    let external = |id: &str| nets.get(id).is_some_and(|n| n.external);
    let mut entries = Vec::with_capacity(subnets.len() + ports.len() + floating.len());
    let subnet_network: HashMap<&str, &str> = subnets
        .iter()
        .map(|s| (s.id.as_str(), s.network_id.as_str()))
        .collect();
    for s in &subnets {
        let Ok(net) = s.cidr.parse::<IpNet>() else {
            continue;
        };
        entries.push(Entry {
            kind: Kind::Subnet,
            net: Some(net.trunc()),
            project_id: s.project_id.clone(),
            network: name(&s.network_id),
            network_id: s.network_id.clone(),
            subnet_id: s.id.clone(),
            external: external(&s.network_id),
            ..Entry::default()
        });
    }
    for p in &ports {
        // These addresses are listed as what they are: floating IPs and
        // router gateways (an admin sees their ports too).
        if matches!(
            p.device_owner.as_str(),
            "network:floatingip" | "network:router_gateway"
        ) {
            continue;
        }
        for ip in &p.fixed_ips {
            let Ok(addr) = ip.ip_address.parse::<IpAddr>() else {
                continue;
            };
            let network_id = subnet_network
                .get(ip.subnet_id.as_str())
                .map_or(p.network_id.as_str(), |n| n);
            entries.push(Entry {
                kind: Kind::Fixed,
                net: Some(IpNet::from(addr)),
                project_id: p.project_id.clone(),
                network: name(network_id),
                network_id: network_id.to_string(),
                subnet_id: ip.subnet_id.clone(),
                port_id: p.id.clone(),
                mac: normal_mac(&p.mac_address)
                    .unwrap_or_else(|| p.mac_address.to_ascii_lowercase()),
                device_owner: p.device_owner.clone(),
                device_id: p.device_id.clone(),
                external: external(network_id),
            });
        }
    }
    for f in &floating {
        let Ok(addr) = f.floating_ip_address.parse::<IpAddr>() else {
            continue;
        };
        entries.push(Entry {
            kind: Kind::Floating,
            net: Some(IpNet::from(addr)),
            project_id: f.project_id.clone(),
            network: name(&f.floating_network_id),
            network_id: f.floating_network_id.clone(),
            port_id: f.port_id.clone().unwrap_or_default(),
            external: true,
            ..Entry::default()
        });
    }
    for r in &routers {
        let Some(gw) = &r.external_gateway_info else {
            continue;
        };
        for ip in &gw.external_fixed_ips {
            let Ok(addr) = ip.ip_address.parse::<IpAddr>() else {
                continue;
            };
            entries.push(Entry {
                kind: Kind::Gateway,
                net: Some(IpNet::from(addr)),
                project_id: r.project_id.clone(),
                network: name(&gw.network_id),
                network_id: gw.network_id.clone(),
                subnet_id: ip.subnet_id.clone(),
                device_owner: "network:router_gateway".to_string(),
                device_id: r.id.clone(),
                external: true,
                ..Entry::default()
            });
        }
    }
    let segments = networks
        .iter()
        .filter_map(|n| {
            let kind = n.network_type.clone()?;
            let id = match &n.segmentation_id {
                Some(serde_json::Value::Number(v)) => v.to_string(),
                Some(serde_json::Value::String(v)) => v.clone(),
                _ => String::new(),
            };
            // A local network is no segment; a flat one is its physnet.
            (kind != "local").then(|| Segment {
                network: n.name.clone(),
                network_type: kind,
                physical_network: n.physical_network.clone().unwrap_or_default(),
                segmentation_id: id,
            })
        })
        .collect();
    Inventory { entries, segments }
}

/// A MAC in a notation that Neutron or a common tool prints, as lower-case
/// colon hex; `None` for anything else. Accepted (either case):
/// `fa:16:3e:12:34:56` (Neutron, `ip link`), `FA-16-3E-12-34-56` (Windows,
/// IEEE), `fa16.3e12.3456` (Cisco) and bare `fa163e123456` (netaddr's
/// `mac_bare`). Twelve hex digits alone cannot be read as anything else
/// `ip find` takes: an IPv4 address has dots, an IPv6 one colons. Mixed or
/// misplaced separators (`f:a:1:6:…`, `fa:16-3e…`) are refused: they are
/// not how anything prints a MAC, so they are more likely a typo.
pub(crate) fn normal_mac(text: &str) -> Option<String> {
    let groups = |sep: char, width: usize, count: usize| -> Option<String> {
        let parts: Vec<&str> = text.split(sep).collect();
        (parts.len() == count && parts.iter().all(|p| p.len() == width)).then(|| parts.concat())
    };
    let hex = groups(':', 2, 6)
        .or_else(|| groups('-', 2, 6))
        .or_else(|| groups('.', 4, 3))
        .or_else(|| (text.len() == 12).then(|| text.to_string()))?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let hex = hex.to_ascii_lowercase();
    Some(
        (0..6)
            .map(|i| &hex[i * 2..i * 2 + 2])
            .collect::<Vec<_>>()
            .join(":"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macs_in_any_notation() {
        for m in [
            "FA:16:3E:26:05:5E",
            "fa-16-3e-26-05-5e",
            "fa16.3e26.055e",
            "fa163e26055e",
        ] {
            assert_eq!(normal_mac(m).as_deref(), Some("fa:16:3e:26:05:5e"), "{m}");
        }
        assert_eq!(normal_mac("fa:16:3e:26:05"), None);
        assert_eq!(normal_mac("zz:16:3e:26:05:5e"), None);
    }

    #[test]
    fn loose_or_mixed_notations_are_not_macs() {
        for m in [
            "f:a:1:6:3:e:2:6:0:5:5:e",
            "...fa163e26055e...",
            "fa163e26055e.",
            "fa:16:3e-26:05:5e",
            "fa:16:3e:26:05:5e:",
            "fa16:3e26:055e",
            "fa1.63e2.6055e",
            "fa 16 3e 26 05 5e",
            "fa163e26055",
            "fa163e26055e0",
            "+fa163e26055",
            "",
        ] {
            assert_eq!(normal_mac(m), None, "{m}");
        }
    }
}
