//! What stored resources add to a project's quota usage, on top of what tests set with `set_usage`.

use std::collections::HashMap;

use crate::quota::QuotaService;
use crate::state::World;

use super::{Kind, RegionStore};

/// MiB, Glance's unit for `image_size_total`.
const MIB: i64 = 1024 * 1024;

impl RegionStore {
    /// Per quota resource, what `project` holds here: Nova `instances`,
    /// `cores` and `ram` from servers; Neutron's resources counted; Cinder
    /// `volumes` and `gigabytes` (also per volume type); Glance's image
    /// count and size (MiB).
    pub(crate) fn usage(&self, project: &str, service: QuotaService) -> HashMap<String, i64> {
        let mut out: HashMap<String, i64> = HashMap::new();
        let mut add = |key: String, n: i64| *out.entry(key).or_default() += n;
        let mine = |kind: Kind| {
            self.all(kind)
                .iter()
                .filter(move |r| r.owned_by(Some(project)))
        };
        match service {
            QuotaService::Compute => {
                for server in mine(Kind::Server) {
                    add("instances".into(), 1);
                    let flavor = &server.body["flavor"];
                    add("cores".into(), flavor["vcpus"].as_i64().unwrap_or(0));
                    add("ram".into(), flavor["ram"].as_i64().unwrap_or(0));
                }
            }
            QuotaService::Network => {
                for (kind, key) in [
                    (Kind::Network, "network"),
                    (Kind::Subnet, "subnet"),
                    (Kind::Port, "port"),
                    (Kind::Router, "router"),
                    (Kind::FloatingIp, "floatingip"),
                    (Kind::SecurityGroup, "security_group"),
                    (Kind::SecurityGroupRule, "security_group_rule"),
                ] {
                    add(key.into(), mine(kind).count() as i64);
                }
            }
            QuotaService::Volume => {
                for volume in mine(Kind::Volume) {
                    let size = volume.body["size"].as_i64().unwrap_or(0);
                    let kind = volume.field("volume_type");
                    add("volumes".into(), 1);
                    add("gigabytes".into(), size);
                    add(format!("volumes_{kind}"), 1);
                    add(format!("gigabytes_{kind}"), size);
                }
            }
            QuotaService::Image => {
                let mut bytes = 0;
                for image in mine(Kind::Image) {
                    add("image_count_total".into(), 1);
                    bytes += image.body["size"].as_i64().unwrap_or(0);
                }
                add("image_size_total".into(), bytes / MIB);
            }
        }
        out
    }
}

impl World {
    /// [`RegionStore::usage`] of a region.
    pub(crate) fn held(
        &self,
        region: &str,
        project: &str,
        service: QuotaService,
    ) -> HashMap<String, i64> {
        self.store
            .with(region, |s| s.usage(project, service))
            .unwrap_or_default()
    }
}
