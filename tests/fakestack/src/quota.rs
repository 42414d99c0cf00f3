//! Quota state behind the Nova, Neutron, Cinder and Glance fakes and Keystone's unified limits, and how tests drive it.
//!
//! Limits and usage live per region, project and service, as each real
//! region has its own Nova, Neutron and Cinder databases; Keystone limits
//! live per Keystone. Tests change them with the [`FakeStack`] methods
//! below, the standalone binary through the control API
//! ([`control_routes`]) and a [`Spec`] through its seeds.

// Handlers bail out with the very response to send (see keystone.rs).
#![allow(clippy::result_large_err)]

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::FakeStack;
use crate::server::Ctx;
use crate::spec::Spec;
use crate::state::{Realm, World, hex_id, lock};

/// The services whose quotas fakestack keeps, by catalog type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    Compute,
    Network,
    Volume,
    /// Glance: limits in Keystone, usage here.
    Image,
}

impl Kind {
    /// `compute`, `network`, `volume` (or `block-storage`, `volumev3`), `image`.
    pub(crate) fn parse(service: &str) -> Result<Kind, String> {
        match service {
            "compute" => Ok(Kind::Compute),
            "network" => Ok(Kind::Network),
            "volume" | "block-storage" | "volumev3" => Ok(Kind::Volume),
            "image" => Ok(Kind::Image),
            _ => Err(format!(
                "no quota service {service} (compute, network, volume or image)"
            )),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Compute => "compute",
            Kind::Network => "network",
            Kind::Volume => "volume",
            Kind::Image => "image",
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
    defaults: HashMap<(Kind, String), i64>,
    /// Limits set for a project (a PUT): (project id, service) → resource → limit.
    explicit: HashMap<(String, Kind), BTreeMap<String, i64>>,
    /// (project id, service) → resource → in use.
    usage: HashMap<(String, Kind), HashMap<String, i64>>,
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
    pub(crate) fn resources(&self, kind: Kind) -> Vec<(String, i64)> {
        let base: Vec<(String, i64)> = match kind {
            Kind::Compute => COMPUTE.iter().map(|(n, d)| ((*n).to_owned(), *d)).collect(),
            Kind::Network => NETWORK.iter().map(|(n, d)| ((*n).to_owned(), *d)).collect(),
            Kind::Volume => {
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
            Kind::Image => IMAGE.iter().map(|n| ((*n).to_owned(), 0)).collect(),
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

    pub(crate) fn has(&self, kind: Kind, resource: &str) -> bool {
        self.resources(kind).iter().any(|(n, _)| n == resource)
    }

    /// The limit a project has set for a resource (no default).
    pub(crate) fn explicit(&self, project: &str, kind: Kind, resource: &str) -> Option<i64> {
        self.explicit
            .get(&(project.to_owned(), kind))
            .and_then(|m| m.get(resource).copied())
    }

    pub(crate) fn in_use(&self, project: &str, kind: Kind, resource: &str) -> i64 {
        self.usage
            .get(&(project.to_owned(), kind))
            .and_then(|m| m.get(resource).copied())
            .unwrap_or(0)
    }

    /// (resource, limit, in use) for every resource of a service.
    pub(crate) fn table(&self, project: &str, kind: Kind) -> Vec<(String, i64, i64)> {
        self.resources(kind)
            .into_iter()
            .map(|(name, default)| {
                let limit = self.explicit(project, kind, &name).unwrap_or(default);
                let used = self.in_use(project, kind, &name);
                (name, limit, used)
            })
            .collect()
    }

    pub(crate) fn set_limits(&mut self, project: &str, kind: Kind, limits: &[(String, i64)]) {
        let entry = self.explicit.entry((project.to_owned(), kind)).or_default();
        for (name, limit) in limits {
            entry.insert(name.clone(), *limit);
        }
    }

    /// Forgets a project's limits (back to the defaults); false if it had none.
    pub(crate) fn clear(&mut self, project: &str, kind: Kind) -> bool {
        self.explicit
            .remove(&(project.to_owned(), kind))
            .is_some_and(|m| !m.is_empty())
    }

    /// Projects with limits of their own, by id.
    pub(crate) fn projects_with_limits(&self, kind: Kind) -> Vec<String> {
        let mut ids: Vec<String> = self
            .explicit
            .iter()
            .filter(|((_, k), m)| *k == kind && !m.is_empty())
            .map(|((p, _), _)| p.clone())
            .collect();
        ids.sort();
        ids
    }

    fn set_usage(&mut self, project: &str, kind: Kind, resource: &str, in_use: i64) {
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
        self.registered.iter().find(|r| {
            r.service_id == service_id
                && r.region_id.as_deref() == region
                && r.resource_name == resource
        })
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

    /// Applies a spec's seeds; panics on a bad one, as a bad spec does.
    pub(crate) fn seed(&self, world: &World, seeds: &[Seed]) {
        for seed in seeds {
            let done = match seed {
                Seed::Usage {
                    region,
                    project,
                    service,
                    resource,
                    in_use,
                } => set_usage(world, region, project, service, resource, *in_use),
                Seed::VolumeType { region, name } => add_volume_type(world, region, name),
                Seed::RegisteredLimit {
                    region,
                    service,
                    resource,
                    default,
                } => register_limit(world, region, service, resource, *default).map(|_| ()),
            };
            if let Err(e) = done {
                panic!("fakestack: bad quota seed {seed:?}: {e}");
            }
        }
    }
}

/// Quota state a [`Spec`] starts with.
#[derive(Debug, Clone)]
pub(crate) enum Seed {
    Usage {
        region: String,
        project: String,
        service: String,
        resource: String,
        in_use: i64,
    },
    VolumeType {
        region: String,
        name: String,
    },
    RegisteredLimit {
        region: String,
        service: String,
        resource: String,
        default: i64,
    },
}

/// (region, service, [(resource, in use)]) of project `demo` in [`Spec::demo`].
type DemoUsage = (&'static str, &'static str, &'static [(&'static str, i64)]);

#[rustfmt::skip]
const DEMO_USAGE: [DemoUsage; 10] = [
    ("RegionOne", "compute", &[("cores", 8), ("instances", 4), ("ram", 16384), ("server_groups", 1)]),
    ("RegionOne", "network", &[("network", 2), ("subnet", 2), ("port", 12), ("router", 1),
        ("floatingip", 1), ("security_group", 3), ("security_group_rule", 14)]),
    ("RegionOne", "volume", &[("volumes", 3), ("gigabytes", 60), ("snapshots", 1),
        ("volumes___DEFAULT__", 3), ("gigabytes___DEFAULT__", 60), ("snapshots___DEFAULT__", 1)]),
    ("RegionOne", "image", &[("image_size_total", 312), ("image_count_total", 4)]),
    ("RegionTwo", "compute", &[("cores", 2), ("instances", 1), ("ram", 4096)]),
    ("RegionTwo", "network", &[("network", 1), ("subnet", 1), ("port", 4), ("security_group", 1),
        ("security_group_rule", 4)]),
    ("RegionTwo", "volume", &[("volumes", 1), ("gigabytes", 10), ("volumes___DEFAULT__", 1),
        ("gigabytes___DEFAULT__", 10)]),
    ("RegionThree", "compute", &[("cores", 14), ("instances", 7), ("ram", 28672), ("key_pairs", 2)]),
    ("RegionThree", "network", &[("network", 3), ("subnet", 4), ("port", 21), ("router", 1),
        ("floatingip", 2), ("security_group", 2), ("security_group_rule", 9)]),
    ("RegionThree", "volume", &[("volumes", 5), ("gigabytes", 250), ("volumes_ssd", 3),
        ("gigabytes_ssd", 200), ("volumes___DEFAULT__", 2), ("gigabytes___DEFAULT__", 50)]),
];

impl Spec {
    /// Starts with `in_use` of `resource` used by `project` (name or id) in
    /// `region`'s `service` (`compute`, `network`, `volume` or `image`); see
    /// [`FakeStack::set_usage`].
    pub fn usage(
        mut self,
        region: &str,
        project: &str,
        service: &str,
        resource: &str,
        in_use: i64,
    ) -> Self {
        self.quota.push(Seed::Usage {
            region: region.to_owned(),
            project: project.to_owned(),
            service: service.to_owned(),
            resource: resource.to_owned(),
            in_use,
        });
        self
    }

    /// Starts with a volume type in `region`'s Cinder; see [`FakeStack::add_volume_type`].
    pub fn volume_type(mut self, region: &str, name: &str) -> Self {
        self.quota.push(Seed::VolumeType {
            region: region.to_owned(),
            name: name.to_owned(),
        });
        self
    }

    /// Starts with a Keystone registered limit; see [`FakeStack::register_limit`].
    pub fn registered_limit(
        mut self,
        region: &str,
        service: &str,
        resource: &str,
        default: i64,
    ) -> Self {
        self.quota.push(Seed::RegisteredLimit {
            region: region.to_owned(),
            service: service.to_owned(),
            resource: resource.to_owned(),
            default,
        });
        self
    }

    /// The quota state of [`Spec::demo`], for an estate with regions
    /// `RegionOne`, `RegionTwo` and `RegionThree`: project `demo` uses
    /// something in each, a different amount per region; RegionThree's
    /// Cinder has volume type `ssd`; RegionOne's Glance has Keystone
    /// registered limits (README.md lists the numbers).
    pub fn demo_quota(self) -> Self {
        let mut spec = self
            .volume_type("RegionThree", "ssd")
            .registered_limit("RegionOne", "image", "image_size_total", 1000)
            .registered_limit("RegionOne", "image", "image_stage_total", 1000)
            .registered_limit("RegionOne", "image", "image_count_total", 100)
            .registered_limit("RegionOne", "image", "image_count_uploading", 10);
        for (region, service, resources) in DEMO_USAGE {
            for (resource, n) in resources {
                spec = spec.usage(region, "demo", service, resource, *n);
            }
        }
        spec
    }
}

// ---- operations shared by the library, the control API and the seeds -----

fn region_realm<'w>(world: &'w World, region: &str) -> Result<&'w Realm, String> {
    world
        .region(region)
        .map(|r| world.realm_of_region(r))
        .ok_or_else(|| format!("no region {region}"))
}

/// A project's id from its name or id, in the Keystone of `realm`.
fn project_id(realm: &Realm, project: &str) -> Result<String, String> {
    realm
        .project_by_name(project)
        .or_else(|| realm.project_by_id(project))
        .map(|p| p.id.clone())
        .ok_or_else(|| format!("no project {project} in {}", realm.key))
}

/// The id of a service type in a Keystone's catalog.
pub(crate) fn service_id(realm: &Realm, kind: &str) -> Option<String> {
    realm
        .catalog
        .iter()
        .find(|s| s.kind == kind)
        .map(|s| s.id.clone())
}

fn check_resource(world: &World, region: &str, kind: Kind, resource: &str) -> Result<(), String> {
    let known = world.quotas.region(region, |q| q.has(kind, resource));
    if known {
        Ok(())
    } else {
        Err(format!(
            "{} in {region} has no quota resource {resource}",
            kind.name()
        ))
    }
}

fn set_usage(
    world: &World,
    region: &str,
    project: &str,
    service: &str,
    resource: &str,
    in_use: i64,
) -> Result<(), String> {
    let realm = region_realm(world, region)?;
    let project = project_id(realm, project)?;
    let kind = Kind::parse(service)?;
    check_resource(world, region, kind, resource)?;
    world
        .quotas
        .region(region, |q| q.set_usage(&project, kind, resource, in_use));
    Ok(())
}

/// A project's limit (`project` given) or the region's default.
fn set_quota(
    world: &World,
    region: &str,
    project: Option<&str>,
    service: &str,
    resource: &str,
    limit: i64,
) -> Result<(), String> {
    let realm = region_realm(world, region)?;
    let kind = Kind::parse(service)?;
    check_resource(world, region, kind, resource)?;
    if limit < -1 {
        return Err(format!("limit {limit} is below -1 (unlimited)"));
    }
    match (kind, project) {
        (Kind::Image, None) => {
            Err("Glance's defaults are Keystone registered limits: use register_limit".to_owned())
        }
        (Kind::Image, Some(project)) => {
            let project = project_id(realm, project)?;
            let service_id = service_id(realm, "image").ok_or("no image service")?;
            world.quotas.keystone(&realm.key, |l| {
                if l.registered_for(&service_id, Some(region), resource).is_none() {
                    return Err(format!(
                        "no registered limit for image {resource} in {region}: use register_limit first"
                    ));
                }
                match l.limits.iter_mut().find(|x| {
                    x.project_id == project
                        && x.service_id == service_id
                        && x.region_id.as_deref() == Some(region)
                        && x.resource_name == resource
                }) {
                    Some(x) => x.resource_limit = limit,
                    None => l.limits.push(ProjectLimit {
                        id: hex_id(),
                        project_id: project,
                        service_id: service_id.clone(),
                        region_id: Some(region.to_owned()),
                        resource_name: resource.to_owned(),
                        resource_limit: limit,
                        description: None,
                    }),
                }
                Ok(())
            })
        }
        (_, Some(project)) => {
            let project = project_id(realm, project)?;
            world.quotas.region(region, |q| {
                q.set_limits(&project, kind, &[(resource.to_owned(), limit)]);
            });
            Ok(())
        }
        (_, None) => {
            world.quotas.region(region, |q| {
                q.defaults.insert((kind, resource.to_owned()), limit);
            });
            Ok(())
        }
    }
}

/// The limit in force for a project: its own, else the default (for
/// `image`, Keystone's, `None` without a registered limit).
fn quota(
    world: &World,
    region: &str,
    project: &str,
    service: &str,
    resource: &str,
) -> Result<Option<i64>, String> {
    let realm = region_realm(world, region)?;
    let project = project_id(realm, project)?;
    let kind = Kind::parse(service)?;
    check_resource(world, region, kind, resource)?;
    if kind == Kind::Image {
        let Some(service_id) = service_id(realm, "image") else {
            return Ok(None);
        };
        return Ok(world.quotas.keystone(&realm.key, |l| {
            l.effective(&project, &service_id, region, resource)
        }));
    }
    Ok(world.quotas.region(region, |q| {
        q.table(&project, kind)
            .into_iter()
            .find(|(n, _, _)| n == resource)
            .map(|(_, limit, _)| limit)
    }))
}

fn add_volume_type(world: &World, region: &str, name: &str) -> Result<(), String> {
    region_realm(world, region)?;
    if name.is_empty() {
        return Err("a volume type needs a name".to_owned());
    }
    world.quotas.region(region, |q| q.add_volume_type(name));
    Ok(())
}

fn register_limit(
    world: &World,
    region: &str,
    service: &str,
    resource: &str,
    default: i64,
) -> Result<String, String> {
    let realm = region_realm(world, region)?;
    let service_id =
        service_id(realm, service).ok_or_else(|| format!("no service {service} in the catalog"))?;
    if default < -1 {
        return Err(format!("default {default} is below -1 (unlimited)"));
    }
    world.quotas.keystone(&realm.key, |l| {
        if let Some(r) = l.registered.iter_mut().find(|r| {
            r.service_id == service_id
                && r.region_id.as_deref() == Some(region)
                && r.resource_name == resource
        }) {
            r.default_limit = default;
            return Ok(r.id.clone());
        }
        let id = hex_id();
        l.registered.push(RegisteredLimit {
            id: id.clone(),
            service_id: service_id.clone(),
            region_id: Some(region.to_owned()),
            resource_name: resource.to_owned(),
            default_limit: default,
            description: None,
        });
        Ok(id)
    })
}

/// (resource, limit, in use) of a project's service, for the control API.
fn report(
    world: &World,
    region: &str,
    project: &str,
    service: &str,
) -> Result<Vec<(String, Option<i64>, i64)>, String> {
    let realm = region_realm(world, region)?;
    let project = project_id(realm, project)?;
    let kind = Kind::parse(service)?;
    if kind == Kind::Image {
        let service_id = service_id(realm, "image");
        let limits: Vec<Option<i64>> = world.quotas.keystone(&realm.key, |l| {
            IMAGE
                .iter()
                .map(|r| {
                    service_id
                        .as_deref()
                        .and_then(|s| l.effective(&project, s, region, r))
                })
                .collect()
        });
        return Ok(world.quotas.region(region, |q| {
            IMAGE
                .iter()
                .zip(limits)
                .map(|(r, limit)| ((*r).to_owned(), limit, q.in_use(&project, kind, r)))
                .collect()
        }));
    }
    Ok(world.quotas.region(region, |q| {
        q.table(&project, kind)
            .into_iter()
            .map(|(n, limit, used)| (n, Some(limit), used))
            .collect()
    }))
}

// ---- the library API --------------------------------------------------------

/// Quotas and usage. `project` is a name or an id in the region's Keystone;
/// `service` is `compute` (Nova), `network` (Neutron), `volume` (Cinder) or
/// `image` (Glance, whose limits are Keystone's). Each region is separate.
/// Bad names panic, as a test helper should.
impl FakeStack {
    /// Sets what a project uses of a resource (`in_use` for Nova and Cinder,
    /// `used` for Neutron, `usage` for Glance, where sizes are MiB). Each
    /// key is separate: `volumes` does not add up `volumes_<type>`.
    pub fn set_usage(
        &self,
        region: &str,
        project: &str,
        service: &str,
        resource: &str,
        in_use: i64,
    ) {
        set_usage(self.world(), region, project, service, resource, in_use)
            .unwrap_or_else(|e| panic!("fakestack: set_usage: {e}"));
    }

    /// Sets a project's limit as an admin's PUT would, without the usage
    /// check; for `image`, creates or updates the Keystone project limit
    /// (which needs a registered limit, see [`FakeStack::register_limit`]).
    pub fn set_quota(
        &self,
        region: &str,
        project: &str,
        service: &str,
        resource: &str,
        limit: i64,
    ) {
        set_quota(
            self.world(),
            region,
            Some(project),
            service,
            resource,
            limit,
        )
        .unwrap_or_else(|e| panic!("fakestack: set_quota: {e}"));
    }

    /// Sets a region's default limit of a Nova, Neutron or Cinder resource,
    /// for every project without a limit of its own.
    pub fn set_default_quota(&self, region: &str, service: &str, resource: &str, limit: i64) {
        set_quota(self.world(), region, None, service, resource, limit)
            .unwrap_or_else(|e| panic!("fakestack: set_default_quota: {e}"));
    }

    /// The limit in force for a project: its own, else the default. For
    /// `image`: the Keystone project limit, else the registered limit, else
    /// `None`.
    pub fn quota(&self, region: &str, project: &str, service: &str, resource: &str) -> Option<i64> {
        quota(self.world(), region, project, service, resource)
            .unwrap_or_else(|e| panic!("fakestack: quota: {e}"))
    }

    /// Adds a volume type to a region's Cinder, so its quota set has
    /// `volumes_<name>`, `gigabytes_<name>` and `snapshots_<name>`.
    pub fn add_volume_type(&self, region: &str, name: &str) {
        add_volume_type(self.world(), region, name)
            .unwrap_or_else(|e| panic!("fakestack: add_volume_type: {e}"));
    }

    /// Registers (or changes) a Keystone registered limit for a service type
    /// in a region, in that region's Keystone; returns its id. Glance's
    /// `/v2/info/usage` lists its resources once one is registered.
    pub fn register_limit(
        &self,
        region: &str,
        service: &str,
        resource: &str,
        default: i64,
    ) -> String {
        register_limit(self.world(), region, service, resource, default)
            .unwrap_or_else(|e| panic!("fakestack: register_limit: {e}"))
    }
}

// ---- the control API --------------------------------------------------------

/// `POST /usage`, `GET|POST /quota`, `POST /volume_types`, `POST /registered_limits`.
pub(crate) fn control_routes() -> Router<Ctx> {
    Router::new()
        .route("/usage", post(post_usage))
        .route("/quota", get(get_quota).post(post_quota))
        .route("/volume_types", post(post_volume_type))
        .route("/registered_limits", post(post_registered_limit))
}

fn bad_request(message: String) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"error": message}))).into_response()
}

fn outcome(done: Result<(), String>) -> Response {
    match done {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => bad_request(e),
    }
}

#[derive(Deserialize)]
struct UsageBody {
    region: String,
    project: String,
    service: String,
    usage: BTreeMap<String, i64>,
}

/// `{"region", "project", "service", "usage": {"cores": 8, …}}`: all or nothing.
async fn post_usage(State(ctx): State<Ctx>, Json(b): Json<UsageBody>) -> Response {
    let w = &ctx.world;
    outcome((|| {
        let kind = Kind::parse(&b.service)?;
        region_realm(w, &b.region)?;
        for resource in b.usage.keys() {
            check_resource(w, &b.region, kind, resource)?;
        }
        for (resource, n) in &b.usage {
            set_usage(w, &b.region, &b.project, &b.service, resource, *n)?;
        }
        Ok(())
    })())
}

#[derive(Deserialize)]
struct QuotaBody {
    region: String,
    project: Option<String>,
    service: String,
    limits: BTreeMap<String, i64>,
}

/// `{"region", "project", "service", "limits": {"cores": 40}}`; without
/// `project`, the region's defaults.
async fn post_quota(State(ctx): State<Ctx>, Json(b): Json<QuotaBody>) -> Response {
    let w = &ctx.world;
    outcome((|| {
        let kind = Kind::parse(&b.service)?;
        region_realm(w, &b.region)?;
        for resource in b.limits.keys() {
            check_resource(w, &b.region, kind, resource)?;
        }
        for (resource, limit) in &b.limits {
            set_quota(
                w,
                &b.region,
                b.project.as_deref(),
                &b.service,
                resource,
                *limit,
            )?;
        }
        Ok(())
    })())
}

#[derive(Deserialize)]
struct QuotaQuery {
    region: String,
    project: String,
    service: String,
}

/// `?region=&project=&service=` → `{"cores": {"limit": 20, "in_use": 8}, …}`.
async fn get_quota(State(ctx): State<Ctx>, Query(q): Query<QuotaQuery>) -> Response {
    match report(&ctx.world, &q.region, &q.project, &q.service) {
        Ok(rows) => {
            let map: Map<String, Value> = rows
                .into_iter()
                .map(|(n, limit, used)| (n, json!({"limit": limit, "in_use": used})))
                .collect();
            Json(Value::Object(map)).into_response()
        }
        Err(e) => bad_request(e),
    }
}

#[derive(Deserialize)]
struct VolumeTypeBody {
    region: String,
    name: String,
}

async fn post_volume_type(State(ctx): State<Ctx>, Json(b): Json<VolumeTypeBody>) -> Response {
    outcome(add_volume_type(&ctx.world, &b.region, &b.name))
}

#[derive(Deserialize)]
struct RegisteredLimitBody {
    region: String,
    service: String,
    resource: String,
    default_limit: i64,
}

async fn post_registered_limit(
    State(ctx): State<Ctx>,
    Json(b): Json<RegisteredLimitBody>,
) -> Response {
    match register_limit(
        &ctx.world,
        &b.region,
        &b.service,
        &b.resource,
        b.default_limit,
    ) {
        Ok(id) => (StatusCode::CREATED, Json(json!({"id": id}))).into_response(),
        Err(e) => bad_request(e),
    }
}

// ---- helpers for the service modules ----------------------------------------

/// Python's `repr()` of a JSON value, as the services quote bodies in errors:
/// `{'cores': 20, 'force': True}`.
pub(crate) fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("'{k}': {}", py_repr(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

/// Python's `str()`: a string bare, anything else as [`py_repr`].
pub(crate) fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_repr_quotes_like_python() {
        let v = json!({"cores": 20, "force": true, "name": "a'b", "x": null});
        assert_eq!(
            py_repr(&v),
            r"{'cores': 20, 'force': True, 'name': 'a\'b', 'x': None}"
        );
        assert_eq!(py_str(&json!("abc")), "abc");
    }

    #[test]
    fn volume_resources_follow_the_types() {
        let mut q = RegionQuotas::default();
        q.add_volume_type("ssd");
        let names: Vec<String> = q
            .resources(Kind::Volume)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names[6], "volumes_ssd");
        assert_eq!(names[9], "volumes___DEFAULT__");
        assert_eq!(names.last().map(String::as_str), Some("groups"));
        assert_eq!(names.len(), 6 + 6 + 1);
    }
}
