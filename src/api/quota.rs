//! Quota sets of Nova, Neutron and Cinder, and Keystone unified limits with
//! Glance's usage: read with usage, and written.

use super::{Endpoint, Service, SiteClient};
use reqwest::Method;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// One resource's limit and usage at one site (`-1` = unlimited).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaUsage {
    pub resource: String,
    pub limit: i64,
    pub in_use: i64,
    pub reserved: i64,
}

/// Nova 2.57 drops the network proxies and injected files from quota sets;
/// older Novas get the same view by filtering.
const COMPUTE_QUOTA: Endpoint =
    Endpoint::get(Service::Compute, "os-quota-sets/{}/detail", "quota_set").microversion(2, 57);
const SET_COMPUTE_QUOTA: Endpoint =
    Endpoint::write(Service::Compute, Method::PUT, "os-quota-sets/{}").microversion(2, 57);
const NETWORK_QUOTA: Endpoint = Endpoint::get(Service::Network, "quotas/{}/details.json", "quota");
const SET_NETWORK_QUOTA: Endpoint = Endpoint::write(Service::Network, Method::PUT, "quotas/{}");
const VOLUME_QUOTA: Endpoint = Endpoint::get(Service::Volume, "os-quota-sets/{}", "quota_set");
const SET_VOLUME_QUOTA: Endpoint =
    Endpoint::write(Service::Volume, Method::PUT, "os-quota-sets/{}");

const NOVA_NETWORK_PROXIES: &[&str] = &[
    "fixed_ips",
    "floating_ips",
    "networks",
    "security_groups",
    "security_group_rules",
];

/// `{resource: {limit, in_use|used, reserved}}`, skipping non-objects (`id`).
fn parse_usage(set: &Map<String, Value>, used_key: &str) -> Vec<QuotaUsage> {
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
    pub async fn compute_quota(&self, project_id: &str) -> anyhow::Result<Vec<QuotaUsage>> {
        let set = self.call(&COMPUTE_QUOTA, &[project_id], &[], None).await?;
        let mut usage = parse_usage(object(&COMPUTE_QUOTA, &set)?, "in_use");
        usage.retain(|u| !NOVA_NETWORK_PROXIES.contains(&u.resource.as_str()));
        Ok(usage)
    }

    pub async fn set_compute_quota(
        &self,
        project_id: &str,
        limits: &BTreeMap<String, i64>,
    ) -> anyhow::Result<()> {
        let body = json!({ "quota_set": limits });
        self.call(&SET_COMPUTE_QUOTA, &[project_id], &[], Some(body))
            .await?;
        Ok(())
    }

    pub async fn network_quota(&self, project_id: &str) -> anyhow::Result<Vec<QuotaUsage>> {
        let set = self.call(&NETWORK_QUOTA, &[project_id], &[], None).await?;
        Ok(parse_usage(object(&NETWORK_QUOTA, &set)?, "used"))
    }

    pub async fn set_network_quota(
        &self,
        project_id: &str,
        limits: &BTreeMap<String, i64>,
    ) -> anyhow::Result<()> {
        let body = json!({ "quota": limits });
        self.call(&SET_NETWORK_QUOTA, &[project_id], &[], Some(body))
            .await?;
        Ok(())
    }

    pub async fn volume_quota(&self, project_id: &str) -> anyhow::Result<Vec<QuotaUsage>> {
        let set = self
            .call(&VOLUME_QUOTA, &[project_id], &[("usage", "true")], None)
            .await?;
        Ok(parse_usage(object(&VOLUME_QUOTA, &set)?, "in_use"))
    }

    pub async fn set_volume_quota(
        &self,
        project_id: &str,
        limits: &BTreeMap<String, i64>,
    ) -> anyhow::Result<()> {
        let body = json!({ "quota_set": limits });
        self.call(&SET_VOLUME_QUOTA, &[project_id], &[], Some(body))
            .await?;
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
        let set = COMPUTE_QUOTA.unwrap(nova).unwrap();
        let usage = parse_usage(set.as_object().unwrap(), "in_use");
        let cores = usage.iter().find(|u| u.resource == "cores").unwrap();
        assert_eq!((cores.limit, cores.in_use, cores.reserved), (20, 0, 0));
        assert!(usage.iter().all(|u| u.resource != "id"));
        let neutron: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/neutron_quota_details.json"
        ))
        .unwrap();
        let set = NETWORK_QUOTA.unwrap(neutron).unwrap();
        let usage = parse_usage(set.as_object().unwrap(), "used");
        let port = usage.iter().find(|u| u.resource == "port").unwrap();
        assert_eq!((port.limit, port.in_use), (500, 19));
    }
}
