//! OpenStack's quota resources: which each service has, and which of them
//! are per user or per item (so a global limit cannot be split by site).

use super::Service;

/// Cinder's per-volume-type quota keys: `volumes_<type>` and so on.
const VOLUME_TYPE_PREFIXES: [&str; 3] = ["volumes_", "gigabytes_", "snapshots_"];

/// Resources whose limit is per user, per item or not a sum over sites, so
/// splitting a global limit between sites means nothing.
const NOT_BALANCED: [&str; 7] = [
    "key_pairs",
    "server_group_members",
    "injected_files",
    "injected_file_content_bytes",
    "injected_file_path_bytes",
    "metadata_items",
    "per_volume_gigabytes",
];

impl Service {
    /// The service's fixed quota resource names (Cinder's per-volume-type
    /// keys come on top); none for a service without quotas.
    pub(crate) fn quota_resources(self) -> &'static [&'static str] {
        match self {
            Service::Compute => &[
                "cores",
                "ram",
                "instances",
                "key_pairs",
                "metadata_items",
                "server_groups",
                "server_group_members",
                "injected_files",
                "injected_file_content_bytes",
                "injected_file_path_bytes",
            ],
            Service::Network => &[
                "network",
                "subnet",
                "subnetpool",
                "port",
                "router",
                "floatingip",
                "security_group",
                "security_group_rule",
                "rbac_policy",
                "router_route",
                "trunk",
            ],
            Service::Volume => &[
                "volumes",
                "snapshots",
                "gigabytes",
                "backups",
                "backup_gigabytes",
                "groups",
                "per_volume_gigabytes",
            ],
            // Glance's quotas, which exist only as Keystone unified limits.
            Service::Image => &[
                "image_size_total",
                "image_count_total",
                "image_stage_total",
                "image_count_uploading",
            ],
            Service::Identity | Service::Placement => &[],
        }
    }

    /// Whether `resource` is a quota of this service that osprey knows.
    pub(crate) fn has_quota(self, resource: &str) -> bool {
        self.quota_resources().contains(&resource)
            || (self == Service::Volume
                && VOLUME_TYPE_PREFIXES
                    .iter()
                    .any(|p| resource.len() > p.len() && resource.starts_with(p)))
    }

    /// Whether a global limit on `resource` can be split between sites.
    pub(crate) fn balances(self, resource: &str) -> bool {
        self.has_quota(resource) && !NOT_BALANCED.contains(&resource)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_catalogue() {
        assert!(Service::Compute.has_quota("cores"));
        assert!(!Service::Compute.has_quota("port"));
        assert!(Service::Volume.has_quota("gigabytes_ssd"));
        assert!(Service::Image.has_quota("image_count_uploading"));
        assert!(Service::Network.balances("port"));
        assert!(Service::Volume.balances("volumes_ssd"));
        for r in NOT_BALANCED {
            let s = Service::QUOTA.into_iter().find(|s| s.has_quota(r)).unwrap();
            assert!(!s.balances(r), "{r}");
        }
        assert!(!Service::Compute.balances("nonsense"));
    }
}
