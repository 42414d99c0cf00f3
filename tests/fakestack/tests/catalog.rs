//! Catalog changes at run time: set_endpoint, the control API's /endpoints, closed_url.

mod common;

use common::{auth, client, get, password_body, token};
use fakestack::{FakeStack, Spec};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A fresh project-scoped demo token's catalog.
async fn demo_catalog(stack: &FakeStack, cloud: &str) -> Value {
    let ks = stack.keystone_url(cloud);
    let (status, _, body) = auth(&ks, &password_body("demo", "fake-demo", Some("demo"))).await;
    assert_eq!(status, StatusCode::CREATED);
    body["token"]["catalog"].clone()
}

/// (region, interface, url, id) of a service type's endpoints; panics when
/// the type is not listed at all.
fn endpoints(catalog: &Value, kind: &str) -> Vec<(String, String, String, String)> {
    let service = catalog
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {catalog}"));
    service["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_owned();
            (s("region_id"), s("interface"), s("url"), s("id"))
        })
        .collect()
}

fn in_region(catalog: &Value, kind: &str, region: &str) -> Vec<(String, String)> {
    endpoints(catalog, kind)
        .into_iter()
        .filter(|(r, ..)| r == region)
        .map(|(_, interface, url, _)| (interface, url))
        .collect()
}

fn three(url: &str) -> Vec<(String, String)> {
    ["public", "internal", "admin"]
        .iter()
        .map(|i| ((*i).to_owned(), url.to_owned()))
        .collect()
}

#[tokio::test]
async fn removing_an_endpoint_touches_only_that_region_and_service() {
    let stack = FakeStack::start(Spec::demo());
    let before = demo_catalog(&stack, "fake-a").await;
    let before_b = demo_catalog(&stack, "fake-b").await;

    stack.set_endpoint("RegionTwo", "compute", None);

    let after = demo_catalog(&stack, "fake-a").await;
    assert!(in_region(&after, "compute", "RegionTwo").is_empty());
    assert_eq!(
        in_region(&after, "compute", "RegionOne"),
        three(&format!("{}/compute/v2.1", stack.region_url("RegionOne")))
    );
    for kind in [
        "identity",
        "image",
        "network",
        "placement",
        "block-storage",
        "volumev3",
    ] {
        assert_eq!(endpoints(&after, kind), endpoints(&before, kind), "{kind}");
    }
    // fake-b's Keystone lists RegionThree only: its catalog is untouched.
    assert_eq!(demo_catalog(&stack, "fake-b").await, before_b);
}

#[tokio::test]
async fn a_service_without_endpoints_stays_listed_empty() {
    let stack = FakeStack::start(Spec::demo());
    stack.set_endpoint("RegionThree", "image", None);
    let catalog = demo_catalog(&stack, "fake-b").await;
    assert!(endpoints(&catalog, "image").is_empty());
    assert_eq!(catalog.as_array().unwrap().len(), 7);

    // The service itself is still registered.
    let admin = token(&stack.keystone_url("fake-b"), "admin").await;
    let (status, v) = common::get_json(
        &format!("{}/services?type=image", stack.keystone_url("fake-b")),
        &admin,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["services"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn moving_an_endpoint_keeps_its_ids_and_adding_back_makes_new_ones() {
    let stack = FakeStack::start(Spec::demo());
    let ids = |catalog: &Value| -> Vec<String> {
        endpoints(catalog, "network")
            .into_iter()
            .filter(|(r, ..)| r == "RegionOne")
            .map(|(.., id)| id)
            .collect()
    };
    let original = ids(&demo_catalog(&stack, "fake-a").await);

    stack.set_endpoint("RegionOne", "network", Some("http://127.0.0.1:9/net"));
    let moved = demo_catalog(&stack, "fake-a").await;
    assert_eq!(
        in_region(&moved, "network", "RegionOne"),
        three("http://127.0.0.1:9/net")
    );
    assert_eq!(ids(&moved), original);

    stack.set_endpoint("RegionOne", "network", None);
    stack.set_endpoint("RegionOne", "network", Some("http://127.0.0.1:9/back"));
    let back = demo_catalog(&stack, "fake-a").await;
    assert_eq!(
        in_region(&back, "network", "RegionOne"),
        three("http://127.0.0.1:9/back")
    );
    let new_ids = ids(&back);
    assert_eq!(new_ids.len(), 3);
    assert!(
        new_ids
            .iter()
            .all(|id| id.len() == 32 && !original.contains(id))
    );
    // RegionTwo's endpoints were never touched.
    assert_eq!(
        in_region(&back, "network", "RegionTwo"),
        three(&format!("{}/network", stack.region_url("RegionTwo")))
    );
}

#[tokio::test]
async fn a_project_id_in_the_url_is_templated_per_token() {
    let stack = FakeStack::start(Spec::demo());
    stack.set_endpoint(
        "RegionTwo",
        "volumev3",
        Some("http://127.0.0.1:9/v3/{project_id}"),
    );
    let catalog = demo_catalog(&stack, "fake-a").await;
    let demo = stack.project_id("fake-a", "demo");
    assert_eq!(
        in_region(&catalog, "volumev3", "RegionTwo"),
        three(&format!("http://127.0.0.1:9/v3/{demo}"))
    );

    // A domain-scoped token has no project: such endpoints are left out.
    let mut body = password_body("admin", "fake-admin", None);
    body["auth"]["scope"] = json!({"domain": {"id": "default"}});
    let (status, _, v) = auth(&stack.keystone_url("fake-a"), &body).await;
    assert_eq!(status, StatusCode::CREATED);
    assert!(endpoints(&v["token"]["catalog"], "volumev3").is_empty());
}

#[tokio::test]
async fn earlier_tokens_validate_with_the_current_catalog() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let old = token(&ks, "demo").await;
    stack.set_endpoint("RegionOne", "compute", None);

    let resp = get(&format!("{ks}/auth/catalog"), Some(&old)).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let v: Value = resp.json().await.unwrap();
    assert!(in_region(&v["catalog"], "compute", "RegionOne").is_empty());
    assert_eq!(in_region(&v["catalog"], "compute", "RegionTwo").len(), 3);

    let resp = client()
        .get(format!("{ks}/auth/tokens"))
        .header("X-Auth-Token", &old)
        .header("X-Subject-Token", &old)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let v: Value = resp.json().await.unwrap();
    assert!(in_region(&v["token"]["catalog"], "compute", "RegionOne").is_empty());
}

#[tokio::test]
async fn per_region_keystones_change_only_their_own_catalog() {
    let stack = FakeStack::start(Spec::new().cloud_per_region_keystone("c", &["r1", "r2"]));
    stack.set_endpoint("r2", "placement", None);
    assert!(endpoints(&demo_catalog(&stack, "c/r2").await, "placement").is_empty());
    assert_eq!(
        in_region(&demo_catalog(&stack, "c/r1").await, "placement", "r1"),
        three(&format!("{}/placement", stack.region_url("r1")))
    );
}

#[test]
#[should_panic(expected = "no region Nowhere")]
fn an_unknown_region_panics() {
    FakeStack::start(Spec::demo()).set_endpoint("Nowhere", "compute", None);
}

#[test]
#[should_panic(expected = "no service type identity to change")]
fn identity_cannot_be_moved() {
    FakeStack::start(Spec::demo()).set_endpoint("RegionOne", "identity", None);
}

#[test]
#[should_panic(expected = "no service type object-store to change")]
fn an_unknown_kind_panics() {
    FakeStack::start(Spec::demo()).set_endpoint("RegionOne", "object-store", Some("http://x"));
}

#[tokio::test]
async fn the_control_api_changes_endpoints_too() {
    let stack = FakeStack::start(Spec::demo());
    let url = format!("{}/endpoints", stack.control_url());
    let post = |body: Value| client().post(&url).json(&body).send();

    let resp =
        post(json!({"region": "RegionTwo", "service": "image", "url": "http://127.0.0.1:9/i"}))
            .await
            .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let resp = post(json!({"region": "RegionOne", "service": "image", "url": null}))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let catalog = demo_catalog(&stack, "fake-a").await;
    assert_eq!(
        in_region(&catalog, "image", "RegionTwo"),
        three("http://127.0.0.1:9/i")
    );
    assert!(in_region(&catalog, "image", "RegionOne").is_empty());

    for (body, error) in [
        (
            json!({"region": "Nowhere", "service": "image", "url": null}),
            "no region Nowhere",
        ),
        (
            json!({"region": "RegionOne", "service": "dns", "url": null}),
            "no service type dns to change",
        ),
    ] {
        let resp = post(body).await.unwrap();
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
        let v: Value = resp.json().await.unwrap();
        assert!(v["error"].as_str().unwrap().starts_with(error), "{v}");
    }
}

#[tokio::test]
async fn a_closed_url_refuses_connections() {
    let stack = FakeStack::start(Spec::demo());
    let closed = stack.closed_url();
    assert!(closed.starts_with("http://127.0.0.1:"), "{closed}");
    assert_ne!(closed, stack.closed_url());
    let err = client()
        .get(format!("{closed}/compute/v2.1"))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_connect(), "{err:?}");

    // Pointed at it, a region's compute is listed but unreachable.
    stack.set_endpoint(
        "RegionTwo",
        "compute",
        Some(&format!("{closed}/compute/v2.1")),
    );
    let catalog = demo_catalog(&stack, "fake-a").await;
    assert_eq!(
        in_region(&catalog, "compute", "RegionTwo"),
        three(&format!("{closed}/compute/v2.1"))
    );
}

#[test]
fn a_closed_url_on_a_tls_stack_is_https() {
    let stack = FakeStack::start(Spec::demo().tls());
    assert!(stack.closed_url().starts_with("https://127.0.0.1:"));
}
