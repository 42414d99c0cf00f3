//! Issue 6: osprey's one paginated list (`api::SiteClient::list`) follows
//! three pages in each API's style against fakestack: Keystone `links.next`,
//! Nova and Cinder `*_links`, Neutron `*_links` with `limit`/`marker`, and
//! Glance's relative `next`; and escapes its path arguments.

use crate::common::{self, Env, demo};
use fakestack::{FakeStack, Kind, Spec};
use osprey::api::{Endpoint, Service};
use serde_json::{Value, json};

/// Valid `ssh-ed25519` lines (their key bytes are counters).
const KEYS: [&str; 5] = [
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f k",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUm k",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywt k",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0 k",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7 k",
];

fn stack_with_five_of_each() -> FakeStack {
    let stack = FakeStack::start(Spec::demo());
    stack.add_project("fake-a", "p1");
    stack.add_project("fake-a", "p2");
    for (i, key) in KEYS.iter().enumerate() {
        let name = format!("item{i}");
        stack.seed(
            "RegionOne",
            Kind::Keypair,
            "admin",
            json!({"name": name, "public_key": key}),
        );
        stack.seed("RegionOne", Kind::Network, "admin", json!({"name": name}));
        stack.seed(
            "RegionOne",
            Kind::Image,
            "admin",
            json!({"name": name, "disk_format": "raw", "container_format": "bare"}),
        );
        stack.seed(
            "RegionOne",
            Kind::Volume,
            "admin",
            json!({"size": 1, "name": name}),
        );
    }
    stack
}

#[test]
fn lists_follow_three_pages_in_each_apis_style() {
    let stack = stack_with_five_of_each();
    let env = Env::with_clouds(&stack.clouds_yaml());
    let (runtime, clients) = common::site_clients(&env, &["fake-a-admin"]);
    let site = clients.iter().find(|c| c.id.region == "RegionOne").unwrap();
    let cases = [
        (
            Endpoint::list(Service::Identity, "projects", "projects"),
            "keystone:fake-a",
            "/v3/projects",
        ),
        (
            // Nova pages keypairs from 2.35.
            Endpoint::list(Service::Compute, "os-keypairs", "keypairs").microversion(2, 35),
            "RegionOne",
            "/compute/v2.1/os-keypairs",
        ),
        (
            Endpoint::list(Service::Network, "networks", "networks"),
            "RegionOne",
            "/network/v2.0/networks",
        ),
        (
            Endpoint::list(Service::Image, "images", "images"),
            "RegionOne",
            "/image/v2/images",
        ),
        (
            Endpoint::list(Service::Volume, "volumes", "volumes"),
            "RegionOne",
            "/volume/v3/volumes",
        ),
    ];
    for (ep, target, path) in &cases {
        let name = |item: &Value| {
            item.get("keypair")
                .unwrap_or(item)
                .get("name")
                .and_then(Value::as_str)
                .unwrap()
                .to_string()
        };
        let whole: Vec<Value> = runtime.block_on(site.list(ep, &[], &[])).unwrap();
        stack.reset_counters();
        let paged: Vec<Value> = runtime
            .block_on(site.list(ep, &[], &[("limit", "2")]))
            .unwrap_or_else(|e| panic!("{path}: {e:#}"));
        assert_eq!(
            stack.count(target, "GET", path),
            3,
            "{path}: five items, two a page"
        );
        assert_eq!(whole.len(), 5, "{path}");
        let mut a: Vec<String> = whole.iter().map(name).collect();
        let mut b: Vec<String> = paged.iter().map(name).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{path}");
    }
}

#[test]
fn path_arguments_are_one_escaped_segment() {
    let (stack, env) = demo();
    let (runtime, clients) = common::site_clients(&env, &["fake-a-admin"]);
    let ep = Endpoint::get(Service::Identity, "projects/{}", "project");
    let err = runtime
        .block_on(clients[0].call(&ep, &["../users"], &[], None))
        .unwrap_err();
    assert!(format!("{err:#}").contains("404"), "{err:#}");
    let paths: Vec<String> = stack
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.starts_with("/v3/"))
        .map(|r| r.path)
        .collect();
    assert!(
        paths.iter().any(|p| p == "/v3/projects/..%2Fusers"),
        "{paths:?}"
    );
}

#[test]
fn a_missing_envelope_names_the_service_and_the_key() {
    let (_stack, env) = demo();
    let (runtime, clients) = common::site_clients(&env, &["fake-a-admin"]);
    // The project list has `projects`, not `project`.
    let ep = Endpoint::get(Service::Identity, "projects", "project");
    let err = runtime
        .block_on(clients[0].call(&ep, &[], &[], None))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "identity GET projects: the response has no `project`"
    );
}
