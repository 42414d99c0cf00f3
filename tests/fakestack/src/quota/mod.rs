//! Quota state: Nova, Neutron and Cinder limits and usage per region, Glance usage, Keystone's unified limits.
//!
//! Limits and usage live per region, project and service, as each real
//! region has its own Nova, Neutron and Cinder databases; Keystone limits
//! live per Keystone. Tests change them with the `FakeStack` methods in
//! [`api`], the standalone binary through the control API ([`control`])
//! and a `Spec` through its seeds ([`seeds`]).

mod api;
pub(crate) mod control;
mod ops;
pub(crate) mod seeds;

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use serde_json::{Map, Value};

use crate::body::{py_repr, py_str};
use crate::state::lock;

pub(crate) use ops::service_id;
pub(crate) use seeds::Seed;

/// What stored resources count per quota resource (see `World::held`).
pub(crate) type Held = HashMap<String, i64>;

/// The services whose quotas fakestack keeps, by catalog type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum QuotaService {
    Compute,
    Network,
    Volume,
    /// Glance: limits in Keystone, usage here.
    Image,
}

impl QuotaService {
    /// `compute`, `network`, `volume` (or `block-storage`, `volumev3`), `image`.
    pub(crate) fn parse(service: &str) -> Result<QuotaService, String> {
        match service {
            "compute" => Ok(QuotaService::Compute),
            "network" => Ok(QuotaService::Network),
            "volume" | "block-storage" | "volumev3" => Ok(QuotaService::Volume),
            "image" => Ok(QuotaService::Image),
            _ => Err(format!(
                "no quota service {service} (compute, network, volume or image)"
            )),
        }
    }

    fn name(self) -> &'static str {
        match self {
            QuotaService::Compute => "compute",
            QuotaService::Network => "network",
            QuotaService::Volume => "volume",
            QuotaService::Image => "image",
        }
    }
}

/// Nova 34's defaults, in the order Nova lists them.
pub(crate) const COMPUTE: [(&str, i64); 14] = [
    ("cores", 20),
    ("fixed_ips", -1),
    ("floating_ips", -1),
    ("injected_file_content_bytes", 10240),
    ("injected_file_path_bytes", 255),
    ("injected_files", 5),
    ("instances", 10),
    ("key_pairs", 100),
    ("metadata_items", 128),
    ("ram", 51200),
    ("security_group_rules", -1),
    ("security_groups", -1),
    ("server_group_members", 10),
    ("server_groups", 10),
];

/// Neutron 29's defaults, in its order.
pub(crate) const NETWORK: [(&str, i64); 10] = [
    ("network", 100),
    ("subnet", 100),
    ("subnetpool", -1),
    ("port", 500),
    ("router_route", 30),
    ("router", 10),
    ("floatingip", 50),
    ("rbac_policy", 10),
    ("security_group", 10),
    ("security_group_rule", 100),
];

/// Cinder 29's defaults before the per-volume-type keys.
const VOLUME: [(&str, i64); 6] = [
    ("volumes", 10),
    ("per_volume_gigabytes", -1),
    ("snapshots", 10),
    ("gigabytes", 1000),
    ("backups", 10),
    ("backup_gigabytes", 1000),
];

/// Cinder's group quota, listed after the per-type keys.
const VOLUME_GROUPS: (&str, i64) = ("groups", 10);

/// Per volume type `<prefix>_<type>`, unlimited by default.
const VOLUME_TYPE_PREFIXES: [&str; 3] = ["volumes", "gigabytes", "snapshots"];

/// The volume type every Cinder has.
pub(crate) const DEFAULT_VOLUME_TYPE: &str = "__DEFAULT__";

/// Glance's unified-limit resources, in the order `/v2/info/usage` lists them.
pub(crate) const IMAGE: [&str; 4] = [
    "image_size_total",
    "image_stage_total",
    "image_count_total",
    "image_count_uploading",
];

/// One region's Nova, Neutron and Cinder quota tables, and Glance's usage.
#[derive(Debug)]
pub(crate) struct RegionQuotas {
    /// Newest first, `__DEFAULT__` last (the order of the real quota set).
    volume_types: Vec<String>,
    /// Region-wide default overrides (Nova's and Cinder's quota class, Neutron's config).
    defaults: HashMap<(QuotaService, String), i64>,
    /// Limits set for a project (a PUT): (project id, service) → resource → limit.
    explicit: HashMap<(String, QuotaService), BTreeMap<String, i64>>,
    /// (project id, service) → resource → in use.
    usage: HashMap<(String, QuotaService), HashMap<String, i64>>,
}

impl Default for RegionQuotas {
    fn default() -> Self {
        Self {
            volume_types: vec![DEFAULT_VOLUME_TYPE.to_owned()],
            defaults: HashMap::new(),
            explicit: HashMap::new(),
            usage: HashMap::new(),
        }
    }
}

impl RegionQuotas {
    /// Every resource of a service with its default limit, in the API's order.
    pub(crate) fn resources(&self, kind: QuotaService) -> Vec<(String, i64)> {
        let base: Vec<(String, i64)> = match kind {
            QuotaService::Compute => COMPUTE.iter().map(|(n, d)| ((*n).to_owned(), *d)).collect(),
            QuotaService::Network => NETWORK.iter().map(|(n, d)| ((*n).to_owned(), *d)).collect(),
            QuotaService::Volume => {
                let mut v: Vec<(String, i64)> =
                    VOLUME.iter().map(|(n, d)| ((*n).to_owned(), *d)).collect();
                for t in &self.volume_types {
                    for p in VOLUME_TYPE_PREFIXES {
                        v.push((format!("{p}_{t}"), -1));
                    }
                }
                v.push((VOLUME_GROUPS.0.to_owned(), VOLUME_GROUPS.1));
                v
            }
            QuotaService::Image => IMAGE.iter().map(|n| ((*n).to_owned(), 0)).collect(),
        };
        base.into_iter()
            .map(|(name, d)| {
                let d = self
                    .defaults
                    .get(&(kind, name.clone()))
                    .copied()
                    .unwrap_or(d);
                (name, d)
            })
            .collect()
    }

    pub(crate) fn has(&self, kind: QuotaService, resource: &str) -> bool {
        self.resources(kind).iter().any(|(n, _)| n == resource)
    }

    /// The limit a project has set for a resource (no default).
    pub(crate) fn explicit(
        &self,
        project: &str,
        kind: QuotaService,
        resource: &str,
    ) -> Option<i64> {
        self.explicit
            .get(&(project.to_owned(), kind))
            .and_then(|m| m.get(resource).copied())
    }

    /// The volume types of this Cinder, newest first.
    pub(crate) fn volume_types(&self) -> Vec<String> {
        self.volume_types.clone()
    }

    /// The limit in force: the project's own, else the default.
    pub(crate) fn limit(&self, project: &str, kind: QuotaService, resource: &str) -> i64 {
        self.explicit(project, kind, resource).unwrap_or_else(|| {
            self.resources(kind)
                .into_iter()
                .find(|(n, _)| n == resource)
                .map_or(-1, |(_, d)| d)
        })
    }

    pub(crate) fn in_use(&self, project: &str, kind: QuotaService, resource: &str) -> i64 {
        self.usage
            .get(&(project.to_owned(), kind))
            .and_then(|m| m.get(resource).copied())
            .unwrap_or(0)
    }

    /// What a project uses of a resource: what tests set, plus what it
    /// holds in the store (`held`, from `World::held`).
    pub(crate) fn used(
        &self,
        project: &str,
        kind: QuotaService,
        resource: &str,
        held: &Held,
    ) -> i64 {
        self.in_use(project, kind, resource) + held.get(resource).copied().unwrap_or(0)
    }

    /// (resource, limit, in use) for every resource of a service.
    pub(crate) fn table(
        &self,
        project: &str,
        kind: QuotaService,
        held: &Held,
    ) -> Vec<(String, i64, i64)> {
        self.resources(kind)
            .into_iter()
            .map(|(name, default)| {
                let limit = self.explicit(project, kind, &name).unwrap_or(default);
                let used = self.used(project, kind, &name, held);
                (name, limit, used)
            })
            .collect()
    }

    pub(crate) fn set_limits(
        &mut self,
        project: &str,
        kind: QuotaService,
        limits: &[(String, i64)],
    ) {
        let entry = self.explicit.entry((project.to_owned(), kind)).or_default();
        for (name, limit) in limits {
            entry.insert(name.clone(), *limit);
        }
    }

    /// Forgets a project's limits (back to the defaults); false if it had none.
    pub(crate) fn clear(&mut self, project: &str, kind: QuotaService) -> bool {
        self.explicit
            .remove(&(project.to_owned(), kind))
            .is_some_and(|m| !m.is_empty())
    }

    /// Projects with limits of their own, by id.
    pub(crate) fn projects_with_limits(&self, kind: QuotaService) -> Vec<String> {
        let mut ids: Vec<String> = self
            .explicit
            .iter()
            .filter(|((_, k), m)| *k == kind && !m.is_empty())
            .map(|((p, _), _)| p.clone())
            .collect();
        ids.sort();
        ids
    }

    fn set_usage(&mut self, project: &str, kind: QuotaService, resource: &str, in_use: i64) {
        self.usage
            .entry((project.to_owned(), kind))
            .or_default()
            .insert(resource.to_owned(), in_use);
    }

    fn add_volume_type(&mut self, name: &str) {
        if !self.volume_types.iter().any(|t| t == name) {
            self.volume_types.insert(0, name.to_owned());
        }
    }
}

/// The `quota_set` of a Nova or Cinder PUT body and its keys, or the
/// schema's message (the same in both).
pub(crate) fn quota_set(request: &Value) -> Result<(&Value, &Map<String, Value>), String> {
    let Some(set) = request.get("quota_set") else {
        return Err("'quota_set' is a required property".to_owned());
    };
    let Some(map) = set.as_object() else {
        return Err(format!(
            "Invalid input for field/attribute quota_set. Value: {}. {} is not of type 'object'",
            py_str(set),
            py_repr(set)
        ));
    };
    Ok((set, map))
}

/// A Keystone registered limit (a service's default for a resource).
#[derive(Debug, Clone)]
pub(crate) struct RegisteredLimit {
    pub id: String,
    pub service_id: String,
    pub region_id: Option<String>,
    pub resource_name: String,
    pub default_limit: i64,
    pub description: Option<String>,
}

/// A Keystone project limit.
#[derive(Debug, Clone)]
pub(crate) struct ProjectLimit {
    pub id: String,
    pub project_id: String,
    pub service_id: String,
    pub region_id: Option<String>,
    pub resource_name: String,
    pub resource_limit: i64,
    pub description: Option<String>,
}

impl RegisteredLimit {
    /// What it limits: `(service_id, region_id, resource_name)`.
    pub(crate) fn resource(&self) -> (&str, Option<&str>, &str) {
        (
            &self.service_id,
            self.region_id.as_deref(),
            &self.resource_name,
        )
    }
}

impl ProjectLimit {
    /// What it limits: `(service_id, region_id, resource_name)`.
    pub(crate) fn resource(&self) -> (&str, Option<&str>, &str) {
        (
            &self.service_id,
            self.region_id.as_deref(),
            &self.resource_name,
        )
    }
}

/// One Keystone's unified limits.
#[derive(Debug, Default)]
pub(crate) struct Limits {
    pub registered: Vec<RegisteredLimit>,
    pub limits: Vec<ProjectLimit>,
}

impl Limits {
    pub(crate) fn registered_for(
        &self,
        service_id: &str,
        region: Option<&str>,
        resource: &str,
    ) -> Option<&RegisteredLimit> {
        self.registered
            .iter()
            .find(|r| r.resource() == (service_id, region, resource))
    }

    fn limit_for(
        &self,
        project: &str,
        service_id: &str,
        region: Option<&str>,
        resource: &str,
    ) -> Option<&ProjectLimit> {
        self.limits.iter().find(|l| {
            l.project_id == project
                && l.service_id == service_id
                && l.region_id.as_deref() == region
                && l.resource_name == resource
        })
    }

    /// What oslo.limit enforces for a project in a region: its limit, else
    /// the registered default, else `None` (oslo.limit then says 0).
    pub(crate) fn effective(
        &self,
        project: &str,
        service_id: &str,
        region: &str,
        resource: &str,
    ) -> Option<i64> {
        self.limit_for(project, service_id, Some(region), resource)
            .map(|l| l.resource_limit)
            .or_else(|| {
                self.registered_for(service_id, Some(region), resource)
                    .map(|r| r.default_limit)
            })
    }
}

/// Every region's quota tables and every Keystone's limits, behind one lock
/// each (never both held at once).
#[derive(Debug, Default)]
pub(crate) struct Quotas {
    regions: Mutex<HashMap<String, RegionQuotas>>,
    keystones: Mutex<HashMap<String, Limits>>,
}

impl Quotas {
    /// Runs `f` on a region's tables (created with the defaults on first use).
    pub(crate) fn region<R>(&self, region: &str, f: impl FnOnce(&mut RegionQuotas) -> R) -> R {
        let mut regions = lock(&self.regions);
        f(regions.entry(region.to_owned()).or_default())
    }

    /// Runs `f` on a Keystone's limits, by realm key (`keystone:<cloud>`).
    pub(crate) fn keystone<R>(&self, realm_key: &str, f: impl FnOnce(&mut Limits) -> R) -> R {
        let mut keystones = lock(&self.keystones);
        f(keystones.entry(realm_key.to_owned()).or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_resources_follow_the_types() {
        let mut q = RegionQuotas::default();
        q.add_volume_type("ssd");
        let names: Vec<String> = q
            .resources(QuotaService::Volume)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names[6], "volumes_ssd");
        assert_eq!(names[9], "volumes___DEFAULT__");
        assert_eq!(names.last().map(String::as_str), Some("groups"));
        assert_eq!(names.len(), 6 + 6 + 1);
    }
}
