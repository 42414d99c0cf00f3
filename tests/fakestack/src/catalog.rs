//! A Keystone's service catalog: built at start, rendered per token scope, changed by tests.

use std::sync::Mutex;

use serde_json::{Value, json};

use crate::state::{Region, hex_id, lock};

/// The interfaces every endpoint is listed on, in the minicloud's order.
const INTERFACES: [&str; 3] = ["public", "internal", "admin"];

/// (type, name, path under the region's URL) in the order of the real
/// minicloud catalog; identity's URL is the Keystone's own.
const SERVICES: [(&str, &str, &str); 7] = [
    ("identity", "keystone", ""),
    ("image", "glance", "/image"),
    ("network", "neutron", "/network"),
    ("compute", "nova", "/compute/v2.1"),
    ("placement", "placement", "/placement"),
    ("block-storage", "cinder", "/volume/v3"),
    ("volumev3", "cinderv3", "/volume/v3/{project_id}"),
];

/// The service types a test may move or remove; identity stays where the
/// Keystone is, as clients found the catalog through it.
pub(crate) const MOVABLE: [&str; 6] = [
    "compute",
    "network",
    "image",
    "block-storage",
    "volumev3",
    "placement",
];

/// One endpoint of the catalog; `url` may hold `{project_id}`.
#[derive(Debug, Clone)]
pub(crate) struct Endpoint {
    pub id: String,
    pub interface: &'static str,
    pub region: String,
    pub url: String,
}

/// A service stays registered (and listed by `/v3/services`) whatever
/// happens to its endpoints, as in Keystone.
#[derive(Debug)]
pub(crate) struct CatalogService {
    pub id: String,
    pub kind: &'static str,
    pub name: &'static str,
    /// Behind a lock so tests can change endpoints while tokens are issued.
    pub endpoints: Mutex<Vec<Endpoint>>,
}

/// Every service with public, internal and admin endpoints in each region
/// this Keystone lists.
pub(crate) fn build(identity: &str, listed: &[String], regions: &[Region]) -> Vec<CatalogService> {
    SERVICES
        .iter()
        .map(|(kind, name, path)| {
            let mut endpoints = Vec::new();
            for region in regions.iter().filter(|r| listed.contains(&r.name)) {
                let url = if *kind == "identity" {
                    identity.to_owned()
                } else {
                    format!("{}{path}", region.url)
                };
                endpoints.extend(region_endpoints(&region.name, &url));
            }
            CatalogService {
                id: hex_id(),
                kind,
                name,
                endpoints: Mutex::new(endpoints),
            }
        })
        .collect()
}

fn region_endpoints(region: &str, url: &str) -> impl Iterator<Item = Endpoint> {
    INTERFACES.into_iter().map(move |interface| Endpoint {
        id: hex_id(),
        interface,
        region: region.to_owned(),
        url: url.to_owned(),
    })
}

/// The catalog as Keystone renders it for a scope: endpoints templated with
/// the project id are dropped when there is no project. A service left
/// without endpoints is still listed, with `"endpoints": []`: keystone 30
/// filters empty services only under endpoint filtering (bug 1436704), and
/// the minicloud's domain-scoped tokens show `volumev3` that way.
pub(crate) fn render(catalog: &[CatalogService], project_id: Option<&str>) -> Value {
    let services: Vec<Value> = catalog
        .iter()
        .map(|s| {
            let endpoints: Vec<Value> = lock(&s.endpoints)
                .iter()
                .filter_map(|e| {
                    let url = if e.url.contains("{project_id}") {
                        e.url.replace("{project_id}", project_id?)
                    } else {
                        e.url.clone()
                    };
                    Some(json!({
                        "id": e.id,
                        "interface": e.interface,
                        "region_id": e.region,
                        "url": url,
                        "region": e.region,
                    }))
                })
                .collect();
            json!({"endpoints": endpoints, "id": s.id, "type": s.kind, "name": s.name})
        })
        .collect();
    Value::Array(services)
}

/// Points `kind`'s endpoints in `region` at `url` on all three interfaces
/// (an update keeps the endpoints' ids, as Keystone's PATCH does; a region
/// without them gets new ones), or with `None` deletes them.
pub(crate) fn set_endpoint(
    catalog: &[CatalogService],
    region: &str,
    kind: &str,
    url: Option<&str>,
) -> Result<(), String> {
    if !MOVABLE.contains(&kind) {
        return Err(format!(
            "no service type {kind} to change (one of {})",
            MOVABLE.join(", ")
        ));
    }
    let service = catalog
        .iter()
        .find(|s| s.kind == kind)
        .ok_or_else(|| format!("no service type {kind} in the catalog"))?;
    let mut endpoints = lock(&service.endpoints);
    match url {
        None => endpoints.retain(|e| e.region != region),
        Some(url) => {
            let mut found = false;
            for e in endpoints.iter_mut().filter(|e| e.region == region) {
                e.url = url.to_owned();
                found = true;
            }
            if !found {
                endpoints.extend(region_endpoints(region, url));
            }
        }
    }
    Ok(())
}
