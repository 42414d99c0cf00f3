//! The one paginated list against every real API's way of paging.

use super::{Created, Rest, clouds_yaml};
use crate::common::{self, Env};
use serde_json::{Value, json};

/// Issue 6: osprey's one paginated list follows every real API's pages:
/// Neutron's and Cinder's and Nova's `*_links`, Glance's `next`, and
/// Keystone's `links.next` (which it leaves empty), one item per page.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn lists_follow_each_apis_pages() {
    use osprey::api::{Endpoint, Service};
    let admin = Rest::login("http://127.0.0.1:5000", "admin", "minicloud-admin", "admin");
    let mut created = Created {
        rest: &admin,
        urls: Vec::new(),
    };
    let suffix = std::process::id();
    for i in 0..3 {
        created.post(
            "http://127.0.0.1:9696/v2.0/networks",
            "network",
            json!({"network": {"name": format!("osprey-page-{suffix}-{i}")}}),
            &|id| format!("http://127.0.0.1:9696/v2.0/networks/{id}"),
        );
        created.post(
            "http://127.0.0.1:9292/v2/images",
            "",
            json!({"name": format!("osprey-page-{suffix}-{i}"), "disk_format": "raw", "container_format": "bare"}),
            &|id| format!("http://127.0.0.1:9292/v2/images/{id}"),
        );
        created.post(
            "http://127.0.0.1:8774/v2.1/flavors",
            "flavor",
            json!({"flavor": {"name": format!("osprey-page-{suffix}-{i}"), "ram": 64, "vcpus": 1, "disk": 1}}),
            &|id| format!("http://127.0.0.1:8774/v2.1/flavors/{id}"),
        );
    }
    let env = Env::with_clouds(&clouds_yaml());
    let (runtime, clients) = common::site_clients(&env, &["mc-a-admin"]);
    let region_one = clients.iter().find(|c| c.id.region == "RegionOne").unwrap();
    let lists = [
        Endpoint::list(Service::Network, "networks", "networks"),
        Endpoint::list(Service::Image, "images", "images"),
        Endpoint::list(Service::Compute, "flavors", "flavors"),
        Endpoint::list(Service::Identity, "projects", "projects"),
    ];
    for ep in &lists {
        let names = |query: &[(&str, &str)]| -> Vec<String> {
            let items: Vec<Value> = runtime
                .block_on(region_one.list(ep, &[], query))
                .unwrap_or_else(|e| panic!("{}: {e:#}", ep.path));
            let mut names: Vec<String> = items
                .iter()
                .map(|i| i["name"].as_str().unwrap().to_string())
                .collect();
            names.sort();
            names
        };
        let whole = names(&[]);
        let paged = names(&[("limit", "1")]);
        assert!(whole.len() >= 3, "{}: {whole:?}", ep.path);
        assert_eq!(paged, whole, "{}: one item per page", ep.path);
    }
}
