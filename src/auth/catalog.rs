//! The service catalog from a Keystone token: endpoint lookup by service
//! type (with aliases), region and interface, and `project_id` templating.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Catalog(pub Vec<CatalogService>);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CatalogService {
    #[serde(default)]
    pub(crate) id: String,
    #[serde(rename = "type")]
    pub(crate) service_type: String,
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) endpoints: Vec<CatalogEndpoint>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CatalogEndpoint {
    pub(crate) interface: String,
    #[serde(default)]
    pub(crate) region_id: Option<String>,
    #[serde(default)]
    pub(crate) region: Option<String>,
    pub(crate) url: String,
}

impl CatalogEndpoint {
    fn region(&self) -> Option<&str> {
        self.region_id.as_deref().or(self.region.as_deref())
    }
}

/// The services osprey talks to, each with the catalog types it may be
/// listed under, most preferred first (as the service-types authority has them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
///
/// The same type names a service in the catalog, in quota sets and in
/// Keystone's unified limits; quota views sort by its order.
pub enum Service {
    Identity,
    Compute,
    Network,
    Volume,
    Image,
    Placement,
}

impl Service {
    pub(crate) const ALL: [Service; 6] = [
        Service::Identity,
        Service::Compute,
        Service::Network,
        Service::Image,
        Service::Volume,
        Service::Placement,
    ];

    /// The services with quotas (`--service`), in the order views show them.
    pub(crate) const QUOTA: [Service; 4] = [
        Service::Compute,
        Service::Network,
        Service::Volume,
        Service::Image,
    ];

    /// A quota service by its name in a limits file (`compute`, `volume`).
    pub(crate) fn from_quota_name(name: &str) -> Option<Self> {
        Self::QUOTA.into_iter().find(|s| s.name() == name)
    }

    /// The catalog types it may be listed under, most preferred first.
    pub(crate) fn catalog_types(self) -> &'static [&'static str] {
        self.names().1
    }

    /// The clouds.yaml key prefix (`compute_endpoint_override`, `block_storage_interface`).
    pub(crate) fn config_keys(self) -> &'static [&'static str] {
        self.names().2
    }

    pub(crate) fn name(self) -> &'static str {
        self.names().0
    }

    /// Its name, catalog types and clouds.yaml key prefixes.
    #[allow(clippy::type_complexity)]
    fn names(
        self,
    ) -> (
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    ) {
        match self {
            Service::Identity => ("identity", &["identity"], &["identity"]),
            Service::Compute => ("compute", &["compute"], &["compute"]),
            Service::Network => ("network", &["network"], &["network"]),
            Service::Image => ("image", &["image"], &["image"]),
            Service::Volume => (
                "volume",
                &["block-storage", "volumev3", "volume", "block-store"],
                &["block_storage", "volumev3", "volume"],
            ),
            Service::Placement => ("placement", &["placement"], &["placement"]),
        }
    }
}

impl std::fmt::Display for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Catalog {
    /// Every region any endpoint names, sorted.
    pub(crate) fn regions(&self) -> BTreeSet<String> {
        self.0
            .iter()
            .flat_map(|s| s.endpoints.iter())
            .filter_map(|e| e.region().map(str::to_string))
            .collect()
    }

    /// The URL of `service` in `region` on `interface`, trying its catalog
    /// types in order of preference.
    pub(crate) fn url(&self, service: Service, region: &str, interface: &str) -> Option<String> {
        let interface = interface.trim_end_matches("URL");
        service.catalog_types().iter().find_map(|ty| {
            self.0
                .iter()
                .filter(|s| s.service_type == *ty)
                .flat_map(|s| s.endpoints.iter())
                .find(|e| e.interface == interface && e.region() == Some(region))
                .map(|e| e.url.clone())
        })
    }
}

/// Fills `%(project_id)s` / `$(project_id)s` (and the `tenant_id` spelling)
/// as Keystone's templated endpoints expect.
pub(crate) fn fill_template(url: &str, project_id: Option<&str>) -> String {
    let Some(pid) = project_id else {
        return url.to_string();
    };
    let mut out = url.to_string();
    for key in ["project_id", "tenant_id"] {
        out = out
            .replace(&format!("%({key})s"), pid)
            .replace(&format!("$({key})s"), pid);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn catalog() -> Catalog {
        serde_json::from_value(json!([
            {"type": "volumev3", "name": "cinderv3", "endpoints": [
                {"interface": "public", "region_id": "R1", "region": "R1", "url": "http://v3/%(project_id)s"}]},
            {"type": "block-storage", "name": "cinder", "endpoints": [
                {"interface": "public", "region_id": "R1", "region": "R1", "url": "http://bs/v3"},
                {"interface": "internal", "region_id": "R2", "region": "R2", "url": "http://bs-int/v3"}]},
            {"type": "compute", "name": "nova", "endpoints": [
                {"interface": "public", "region": "R3", "url": "http://nova/v2.1"}]}
        ]))
        .unwrap()
    }

    #[test]
    fn prefers_block_storage_then_aliases() {
        let c = catalog();
        assert_eq!(
            c.url(Service::Volume, "R1", "public").as_deref(),
            Some("http://bs/v3")
        );
        assert_eq!(c.url(Service::Volume, "R2", "publicURL"), None);
        assert_eq!(
            c.url(Service::Volume, "R2", "internal").as_deref(),
            Some("http://bs-int/v3")
        );
        assert_eq!(
            c.url(Service::Compute, "R3", "public").as_deref(),
            Some("http://nova/v2.1")
        );
    }

    #[test]
    fn regions_come_from_every_endpoint() {
        let r: Vec<String> = catalog().regions().into_iter().collect();
        assert_eq!(r, vec!["R1", "R2", "R3"]);
    }

    #[test]
    fn templates_take_both_spellings() {
        assert_eq!(
            fill_template("http://x/v3/%(project_id)s", Some("p")),
            "http://x/v3/p"
        );
        assert_eq!(
            fill_template("http://x/v3/$(tenant_id)s/y", Some("p")),
            "http://x/v3/p/y"
        );
        assert_eq!(
            fill_template("http://x/v3/%(project_id)s", None),
            "http://x/v3/%(project_id)s"
        );
    }
}
