//! Quota sets of Nova, Neutron and Cinder, and Keystone unified limits with
//! Glance's usage: read with usage, and written.

use super::SiteClient;
use crate::auth::catalog::Service;
use anyhow::Context;
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
const COMPUTE_QUOTA_MICROVERSION: (u32, u32) = (2, 57);
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

fn envelope<'a>(body: &'a Value, key: &str) -> anyhow::Result<&'a Map<String, Value>> {
    body.get(key)
        .and_then(Value::as_object)
        .with_context(|| format!("the response has no `{key}` object"))
}

fn parse_version(v: &str) -> Option<(u32, u32)> {
    let (a, b) = v.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

impl SiteClient {
    /// The microversion to send: `want`, or the service's maximum if lower.
    async fn microversion(
        &self,
        service: Service,
        want: (u32, u32),
    ) -> anyhow::Result<Option<String>> {
        let max = self
            .endpoint(service)
            .await?
            .max_microversion
            .and_then(|m| parse_version(&m));
        Ok(match max {
            Some(max) if max < want => Some(format!("{}.{}", max.0, max.1)),
            Some(_) => Some(format!("{}.{}", want.0, want.1)),
            None => None,
        })
    }

    pub async fn compute_quota(&self, project_id: &str) -> anyhow::Result<Vec<QuotaUsage>> {
        let mv = self
            .microversion(Service::Compute, COMPUTE_QUOTA_MICROVERSION)
            .await?;
        let path = format!("os-quota-sets/{project_id}/detail");
        let body: Value = self
            .send(Service::Compute, Method::GET, &path, None, mv.as_deref())
            .await?
            .json()?;
        let mut usage = parse_usage(envelope(&body, "quota_set")?, "in_use");
        usage.retain(|u| !NOVA_NETWORK_PROXIES.contains(&u.resource.as_str()));
        Ok(usage)
    }

    pub async fn set_compute_quota(
        &self,
        project_id: &str,
        limits: &BTreeMap<String, i64>,
    ) -> anyhow::Result<()> {
        let mv = self
            .microversion(Service::Compute, COMPUTE_QUOTA_MICROVERSION)
            .await?;
        let body = json!({ "quota_set": limits });
        let path = format!("os-quota-sets/{project_id}");
        self.send(
            Service::Compute,
            Method::PUT,
            &path,
            Some(body),
            mv.as_deref(),
        )
        .await?;
        Ok(())
    }

    pub async fn network_quota(&self, project_id: &str) -> anyhow::Result<Vec<QuotaUsage>> {
        let body = self
            .get_json(
                Service::Network,
                &format!("quotas/{project_id}/details.json"),
            )
            .await?;
        Ok(parse_usage(envelope(&body, "quota")?, "used"))
    }

    pub async fn set_network_quota(
        &self,
        project_id: &str,
        limits: &BTreeMap<String, i64>,
    ) -> anyhow::Result<()> {
        let body = json!({ "quota": limits });
        self.send(
            Service::Network,
            Method::PUT,
            &format!("quotas/{project_id}"),
            Some(body),
            None,
        )
        .await?;
        Ok(())
    }

    pub async fn volume_quota(&self, project_id: &str) -> anyhow::Result<Vec<QuotaUsage>> {
        let body = self
            .get_json(
                Service::Volume,
                &format!("os-quota-sets/{project_id}?usage=true"),
            )
            .await?;
        Ok(parse_usage(envelope(&body, "quota_set")?, "in_use"))
    }

    pub async fn set_volume_quota(
        &self,
        project_id: &str,
        limits: &BTreeMap<String, i64>,
    ) -> anyhow::Result<()> {
        let body = json!({ "quota_set": limits });
        self.send(
            Service::Volume,
            Method::PUT,
            &format!("os-quota-sets/{project_id}"),
            Some(body),
            None,
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_real_quota_sets() {
        let nova: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/nova_quota_detail.json"))
                .unwrap();
        let usage = parse_usage(envelope(&nova, "quota_set").unwrap(), "in_use");
        let cores = usage.iter().find(|u| u.resource == "cores").unwrap();
        assert_eq!((cores.limit, cores.in_use, cores.reserved), (20, 0, 0));
        assert!(usage.iter().all(|u| u.resource != "id"));
        let neutron: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/neutron_quota_details.json"
        ))
        .unwrap();
        let usage = parse_usage(envelope(&neutron, "quota").unwrap(), "used");
        let port = usage.iter().find(|u| u.resource == "port").unwrap();
        assert_eq!((port.limit, port.in_use), (500, 19));
    }

    #[test]
    fn microversions_compare_numerically() {
        assert!(parse_version("2.104").unwrap() > parse_version("2.57").unwrap());
        assert_eq!(parse_version("2.1"), Some((2, 1)));
        assert_eq!(parse_version("x"), None);
    }
}
