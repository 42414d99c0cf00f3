//! Indicators: Nova's tenant usage over a period, servers by status and
//! hypervisor totals, and Placement's resource providers with their
//! inventories and usages.

use super::{Endpoint, Service, SiteClient};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Nova's servers (only their status is read).
static SERVERS: Endpoint = Endpoint::list(Service::Compute, "servers/detail", "servers");
/// A project's usage over a period: before 2.40 one answer, unpaged.
static TENANT_USAGE: Endpoint = Endpoint::get(
    Service::Compute,
    "os-simple-tenant-usage/{}",
    "tenant_usage",
);
/// Hypervisors with their sizes: 2.88 removed `vcpus`, `memory_mb` and
/// `local_gb` and their use, so the call stays at 2.1.
static HYPERVISORS: Endpoint =
    Endpoint::get(Service::Compute, "os-hypervisors/detail", "hypervisors");
static PROVIDERS: Endpoint = Endpoint::get(
    Service::Placement,
    "resource_providers",
    "resource_providers",
);
static INVENTORIES: Endpoint = Endpoint::get(
    Service::Placement,
    "resource_providers/{}/inventories",
    "inventories",
);
static USAGES: Endpoint =
    Endpoint::get(Service::Placement, "resource_providers/{}/usages", "usages");

/// A project's usage over a period, in Nova's units.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TenantUsage {
    pub(crate) vcpu_hours: f64,
    pub(crate) ram_mb_hours: f64,
    pub(crate) disk_gb_hours: f64,
}

/// One inventory class of a resource provider.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub(crate) struct Inventory {
    pub(crate) total: i64,
    #[serde(default)]
    pub(crate) reserved: i64,
    #[serde(default = "one")]
    pub(crate) allocation_ratio: f64,
}

fn one() -> f64 {
    1.0
}

/// A resource provider's inventories and usages, by resource class.
#[derive(Debug, Clone, Default)]
pub(crate) struct Provider {
    pub(crate) inventories: BTreeMap<String, Inventory>,
    pub(crate) usages: BTreeMap<String, i64>,
}

/// One hypervisor's size and use (Nova before 2.88).
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct Hypervisor {
    #[serde(default)]
    pub(crate) vcpus: i64,
    #[serde(default)]
    pub(crate) vcpus_used: i64,
    #[serde(default)]
    pub(crate) memory_mb: i64,
    #[serde(default)]
    pub(crate) memory_mb_used: i64,
    #[serde(default)]
    pub(crate) local_gb: i64,
    #[serde(default)]
    pub(crate) local_gb_used: i64,
}

#[derive(Deserialize)]
struct Status {
    #[serde(default)]
    status: String,
}

#[derive(Deserialize)]
struct ProviderRef {
    uuid: String,
}

impl SiteClient {
    /// The token project's servers counted by status (`ACTIVE`, `ERROR`, …).
    pub(crate) async fn servers_by_status(&self) -> anyhow::Result<BTreeMap<String, i64>> {
        let servers: Vec<Status> = self.list(&SERVERS, &[], &[]).await?;
        let mut by = BTreeMap::new();
        for s in servers {
            *by.entry(s.status).or_insert(0) += 1;
        }
        Ok(by)
    }

    /// A project's usage between `start` and `end` (Nova's
    /// `YYYY-MM-DDThh:mm:ss`, UTC); a project without servers then has none.
    pub(crate) async fn tenant_usage(
        &self,
        project_id: &str,
        start: &str,
        end: &str,
    ) -> anyhow::Result<TenantUsage> {
        let query = [("start", start), ("end", end)];
        let v = self
            .call(&TENANT_USAGE, &[project_id], &query, None)
            .await?;
        let num = |k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(0.0);
        Ok(TenantUsage {
            vcpu_hours: num("total_vcpus_usage"),
            ram_mb_hours: num("total_memory_mb_usage"),
            disk_gb_hours: num("total_local_gb_usage"),
        })
    }

    /// Every hypervisor's size and use (admin).
    pub(crate) async fn hypervisors(&self) -> anyhow::Result<Vec<Hypervisor>> {
        let v = self.call(&HYPERVISORS, &[], &[], None).await?;
        Ok(serde_json::from_value(v)?)
    }

    /// Every resource provider with its inventories and usages (admin).
    pub(crate) async fn providers(&self) -> anyhow::Result<Vec<Provider>> {
        let v = self.call(&PROVIDERS, &[], &[], None).await?;
        let refs: Vec<ProviderRef> = serde_json::from_value(v)?;
        let reads = refs.into_iter().map(|r| async move {
            let uuid = [r.uuid.as_str()];
            let (inv, used) = futures::try_join!(
                self.call(&INVENTORIES, &uuid, &[], None),
                self.call(&USAGES, &uuid, &[], None),
            )?;
            anyhow::Ok(Provider {
                inventories: serde_json::from_value(inv)?,
                usages: serde_json::from_value(used)?,
            })
        });
        futures::future::try_join_all(reads).await
    }
}
