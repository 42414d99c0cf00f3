//! Quota state a `Spec` starts with, and the demo estate's usage.

use crate::spec::Spec;
use crate::state::World;

use super::Quotas;
use super::ops::{add_volume_type, register_limit, set_usage};

impl Quotas {
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
    /// [`FakeStack::set_usage`](crate::FakeStack::set_usage).
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

    /// Starts with a volume type in `region`'s Cinder; see [`FakeStack::add_volume_type`](crate::FakeStack::add_volume_type).
    pub fn volume_type(mut self, region: &str, name: &str) -> Self {
        self.quota.push(Seed::VolumeType {
            region: region.to_owned(),
            name: name.to_owned(),
        });
        self
    }

    /// Starts with a Keystone registered limit; see [`FakeStack::register_limit`](crate::FakeStack::register_limit).
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
