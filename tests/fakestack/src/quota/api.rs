//! The quota part of the test API: `FakeStack::set_usage`, `set_quota`, `quota`, ….

use crate::FakeStack;

use super::ops::{add_volume_type, quota, register_limit, set_quota, set_usage};

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
