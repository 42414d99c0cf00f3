//! Neutron's address inventory: networks, subnets, ports, floating IPs and
//! routers, each asked only for the fields osprey reads (`fields=`) and
//! paged, so a region with tens of thousands of ports stays cheap.

use super::{Endpoint, Service, SiteClient};
use serde::Deserialize;
use serde_json::Value;

const NETWORKS: Endpoint = Endpoint::list(Service::Network, "networks", "networks");
const SUBNETS: Endpoint = Endpoint::list(Service::Network, "subnets", "subnets");
const PORTS: Endpoint = Endpoint::list(Service::Network, "ports", "ports");
const FLOATING_IPS: Endpoint = Endpoint::list(Service::Network, "floatingips", "floatingips");
const ROUTERS: Endpoint = Endpoint::list(Service::Network, "routers", "routers");

/// Items per page: Neutron pages only when asked, and one answer for a
/// whole region's ports would be large.
const PAGE: &str = "1000";

/// A network as `network list` shows it.
#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct NetworkDetail {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) created_at: String,
    #[serde(default)]
    pub(crate) shared: bool,
    #[serde(default, rename = "router:external")]
    pub(crate) external: bool,
    /// Subnet ids.
    #[serde(default)]
    pub(crate) subnets: Vec<String>,
    #[serde(default)]
    pub(crate) mtu: Option<u32>,
}

/// A subnet's CIDR, to show a network's subnets by range.
#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct SubnetCidr {
    pub(crate) id: String,
    pub(crate) cidr: String,
}

/// A floating IP as `floating list` shows it.
#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct FloatingDetail {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) created_at: String,
    #[serde(default)]
    pub(crate) floating_ip_address: String,
    #[serde(default)]
    pub(crate) fixed_ip_address: Option<String>,
    #[serde(default)]
    pub(crate) port_id: Option<String>,
    #[serde(default)]
    pub(crate) router_id: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Network {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default, rename = "router:external")]
    pub(crate) external: bool,
    /// Shown to the admin only.
    #[serde(default, rename = "provider:network_type")]
    pub(crate) network_type: Option<String>,
    #[serde(default, rename = "provider:physical_network")]
    pub(crate) physical_network: Option<String>,
    #[serde(default, rename = "provider:segmentation_id")]
    pub(crate) segmentation_id: Option<Value>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Subnet {
    pub(crate) id: String,
    pub(crate) network_id: String,
    #[serde(default)]
    pub(crate) project_id: String,
    pub(crate) cidr: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct FixedIp {
    pub(crate) subnet_id: String,
    pub(crate) ip_address: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Port {
    pub(crate) id: String,
    pub(crate) network_id: String,
    #[serde(default)]
    pub(crate) project_id: String,
    #[serde(default)]
    pub(crate) mac_address: String,
    #[serde(default)]
    pub(crate) fixed_ips: Vec<FixedIp>,
    #[serde(default)]
    pub(crate) device_owner: String,
    #[serde(default)]
    pub(crate) device_id: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct FloatingIp {
    pub(crate) floating_ip_address: String,
    pub(crate) floating_network_id: String,
    #[serde(default)]
    pub(crate) project_id: String,
    #[serde(default)]
    pub(crate) port_id: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Router {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) project_id: String,
    #[serde(default)]
    pub(crate) external_gateway_info: Option<Gateway>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Gateway {
    #[serde(default)]
    pub(crate) network_id: String,
    #[serde(default)]
    pub(crate) external_fixed_ips: Vec<FixedIp>,
}

/// Whose resources a list returns.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope<'a> {
    /// One project's (the token's, usually).
    Project(&'a str),
    /// Every project's (admin).
    All,
}

impl SiteClient {
    /// Lists `T`s, asking only for the fields `T` reads.
    async fn neutron<T: serde::de::DeserializeOwned>(
        &self,
        ep: &Endpoint,
        scope: Scope<'_>,
    ) -> anyhow::Result<Vec<T>> {
        let mut query = fields_of::<T>();
        query.push(("limit", PAGE));
        if let Scope::Project(p) = scope {
            query.push(("project_id", p));
        }
        self.list(ep, &[], &query).await
    }

    /// Networks: a project's own, and the shared and external ones it
    /// sees, whose names and provider attributes the other lists refer to.
    pub(crate) async fn networks(&self) -> anyhow::Result<Vec<Network>> {
        self.neutron(&NETWORKS, Scope::All).await
    }

    pub(crate) async fn subnets(&self, scope: Scope<'_>) -> anyhow::Result<Vec<Subnet>> {
        self.neutron(&SUBNETS, scope).await
    }

    /// The subnets of these networks, whoever owns them (external networks'
    /// subnets are the admin's, and every project sees them).
    pub(crate) async fn subnets_of(&self, networks: &[&str]) -> anyhow::Result<Vec<Subnet>> {
        if networks.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = fields_of::<Subnet>();
        query.push(("limit", PAGE));
        query.extend(networks.iter().map(|n| ("network_id", *n)));
        self.list(&SUBNETS, &[], &query).await
    }

    pub(crate) async fn ports(&self, scope: Scope<'_>) -> anyhow::Result<Vec<Port>> {
        self.neutron(&PORTS, scope).await
    }

    pub(crate) async fn floating_ips(&self, scope: Scope<'_>) -> anyhow::Result<Vec<FloatingIp>> {
        self.neutron(&FLOATING_IPS, scope).await
    }

    /// Every network the credentials see, as `network list` shows it.
    pub(crate) async fn network_details(&self) -> anyhow::Result<Vec<NetworkDetail>> {
        self.neutron(&NETWORKS, Scope::All).await
    }

    /// The CIDRs of every subnet the credentials see.
    pub(crate) async fn subnet_cidrs(&self) -> anyhow::Result<Vec<SubnetCidr>> {
        self.neutron(&SUBNETS, Scope::All).await
    }

    pub(crate) async fn floating_details(
        &self,
        scope: Scope<'_>,
    ) -> anyhow::Result<Vec<FloatingDetail>> {
        self.neutron(&FLOATING_IPS, scope).await
    }

    pub(crate) async fn routers(&self, scope: Scope<'_>) -> anyhow::Result<Vec<Router>> {
        self.neutron(&ROUTERS, scope).await
    }
}

/// `fields=` for each field `T` reads.
fn fields_of<T: serde::de::DeserializeOwned>() -> Vec<(&'static str, &'static str)> {
    super::fields::of::<T>()
        .iter()
        .map(|f| ("fields", *f))
        .collect()
}
