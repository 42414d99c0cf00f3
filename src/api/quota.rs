//! Quota sets of Nova, Neutron and Cinder, and Keystone unified limits with
//! Glance's usage: read with usage, and written.

use super::{Endpoint, Service, SiteClient};
use reqwest::Method;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// One resource's limit and usage at one site (`-1` = unlimited).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuotaUsage {
    pub(crate) resource: String,
    pub(crate) limit: i64,
    pub(crate) in_use: i64,
    pub(crate) reserved: i64,
}

/// One service's quota set: how it is read (with usage) and written.
struct QuotaSet {
    read: Endpoint,
    /// `{}` is the project; the body is `{envelope: {resource: limit}}`.
    write: Endpoint,
    envelope: &'static str,
    /// The usage key in each resource (`in_use`, Neutron's `used`).
    used: &'static str,
    query: &'static [(&'static str, &'static str)],
}

/// Nova 2.57 drops the network proxies and injected files from quota sets;
/// older Novas get the same view by filtering.
static COMPUTE: QuotaSet = QuotaSet {
    read: Endpoint::get(Service::Compute, "os-quota-sets/{}/detail", "quota_set")
        .microversion(2, 57),
    write: Endpoint::write(Service::Compute, Method::PUT, "os-quota-sets/{}").microversion(2, 57),
    envelope: "quota_set",
    used: "in_use",
    query: &[],
};
static NETWORK: QuotaSet = QuotaSet {
    read: Endpoint::get(Service::Network, "quotas/{}/details.json", "quota"),
    write: Endpoint::write(Service::Network, Method::PUT, "quotas/{}"),
    envelope: "quota",
    used: "used",
    query: &[],
};
static VOLUME: QuotaSet = QuotaSet {
    read: Endpoint::get(Service::Volume, "os-quota-sets/{}", "quota_set"),
    write: Endpoint::write(Service::Volume, Method::PUT, "os-quota-sets/{}"),
    envelope: "quota_set",
    used: "in_use",
    query: &[("usage", "true")],
};

fn quota_set(service: Service) -> Option<&'static QuotaSet> {
    match service {
        Service::Compute => Some(&COMPUTE),
        Service::Network => Some(&NETWORK),
        Service::Volume => Some(&VOLUME),
        // Glance's quotas (and any other service's) are unified limits.
        Service::Image | Service::Identity | Service::Placement => None,
    }
}

const NOVA_NETWORK_PROXIES: &[&str] = &[
    "fixed_ips",
    "floating_ips",
    "networks",
    "security_groups",
    "security_group_rules",
];

/// `{resource: {limit, in_use|used, reserved}}`, skipping non-objects (`id`).
pub(crate) fn parse_usage(set: &Map<String, Value>, used_key: &str) -> Vec<QuotaUsage> {
    let mut out: Vec<QuotaUsage> = set
        .iter()
        .filter_map(|(name, v)| {
            let o = v.as_object()?;
            Some(QuotaUsage {
                resource: name.clone(),
                limit: o.get("limit")?.as_i64()?,
                in_use: o.get(used_key).and_then(Value::as_i64).unwrap_or(0),
                reserved: o.get("reserved").and_then(Value::as_i64).unwrap_or(0),
            })
        })
        .collect();
    out.sort_by(|a, b| a.resource.cmp(&b.resource));
    out
}

impl SiteClient {
    /// A project's quota set with usage; `None` for a service whose quotas
    /// are only unified limits.
    pub(crate) async fn quota_usage(
        &self,
        service: Service,
        project_id: &str,
    ) -> anyhow::Result<Option<Vec<QuotaUsage>>> {
        let Some(q) = quota_set(service) else {
            return Ok(None);
        };
        let set = self.call(&q.read, &[project_id], q.query, None).await?;
        let mut usage = parse_usage(object(&q.read, &set)?, q.used);
        if service == Service::Compute {
            usage.retain(|u| !NOVA_NETWORK_PROXIES.contains(&u.resource.as_str()));
        }
        Ok(Some(usage))
    }

    /// Sets limits in a project's quota set, in one request.
    pub(crate) async fn set_quota(
        &self,
        service: Service,
        project_id: &str,
        limits: &BTreeMap<String, i64>,
    ) -> anyhow::Result<()> {
        let q = quota_set(service).ok_or_else(|| {
            anyhow::anyhow!("{service} has no quota set; its limits are unified limits")
        })?;
        let body = json!({ q.envelope: limits });
        self.call(&q.write, &[project_id], &[], Some(body)).await?;
        Ok(())
    }
}

/// A quota set must be an object of resources.
fn object<'a>(ep: &Endpoint, v: &'a Value) -> anyhow::Result<&'a Map<String, Value>> {
    v.as_object().ok_or_else(|| {
        anyhow::anyhow!(
            "{} {}: `{}` is not an object",
            ep.service,
            ep.path,
            ep.envelope.unwrap_or_default()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_real_quota_sets() {
        let nova: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/nova_quota_detail.json"))
                .unwrap();
        let set = COMPUTE.read.unwrap(nova).unwrap();
        let usage = parse_usage(set.as_object().unwrap(), "in_use");
        let cores = usage.iter().find(|u| u.resource == "cores").unwrap();
        assert_eq!((cores.limit, cores.in_use, cores.reserved), (20, 0, 0));
        assert!(usage.iter().all(|u| u.resource != "id"));
        let neutron: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/neutron_quota_details.json"
        ))
        .unwrap();
        let set = NETWORK.read.unwrap(neutron).unwrap();
        let usage = parse_usage(set.as_object().unwrap(), "used");
        let port = usage.iter().find(|u| u.resource == "port").unwrap();
        assert_eq!((port.limit, port.in_use), (500, 19));
    }
}
