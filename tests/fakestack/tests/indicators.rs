//! Placement's resource providers, Nova's hypervisors and its simple
//! tenant usage: shapes, microversions and who may read them.

mod common;

use common::{get_json, token};
use fakestack::{FakeStack, Kind, Spec};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn placement_serves_seeded_providers_to_the_admin() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let ks = stack.keystone_url("fake-a");
    let (admin, demo) = (token(&ks, "admin").await, token(&ks, "demo").await);
    let id = stack.add_resource_provider(
        "RegionOne",
        "cn1",
        json!({"VCPU": {"total": 16, "reserved": 2, "allocation_ratio": 4.0}, "DISK_GB": {"total": 100}}),
        json!({"VCPU": 3}),
    );
    let (status, v) = get_json(&format!("{r}/placement/resource_providers"), &admin, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["resource_providers"][0]["uuid"], id.as_str());
    assert_eq!(v["resource_providers"][0]["name"], "cn1");
    let inv = format!("{r}/placement/resource_providers/{id}/inventories");
    let (_, v) = get_json(&inv, &admin, &[]).await;
    assert_eq!(
        v["inventories"]["VCPU"],
        json!({"total": 16, "reserved": 2, "min_unit": 1, "max_unit": 16, "step_size": 1, "allocation_ratio": 4.0})
    );
    assert_eq!(v["inventories"]["DISK_GB"]["allocation_ratio"], 1.0);
    let (_, v) = get_json(
        &format!("{r}/placement/resource_providers/{id}/usages"),
        &admin,
        &[],
    )
    .await;
    assert_eq!(v["usages"], json!({"DISK_GB": 0, "VCPU": 3}));
    let (status, v) = get_json(&inv, &demo, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(v["errors"][0]["status"], 403);
    let other = format!("{r}/placement/resource_providers/nope/usages");
    assert_eq!(get_json(&other, &admin, &[]).await.0, StatusCode::NOT_FOUND);
    // Another region has its own.
    let r2 = stack.region_url("RegionTwo");
    let (_, v) = get_json(&format!("{r2}/placement/resource_providers"), &admin, &[]).await;
    assert_eq!(v["resource_providers"], json!([]));

    // Nova's hypervisors show the raw totals until 2.88 drops them.
    let url = format!("{r}/compute/v2.1/os-hypervisors/detail");
    let (status, v) = get_json(&url, &admin, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let h = &v["hypervisors"][0];
    assert_eq!(
        (
            h["vcpus"].clone(),
            h["vcpus_used"].clone(),
            h["local_gb"].clone()
        ),
        (json!(16), json!(3), json!(100))
    );
    let (_, v) = get_json(&url, &admin, &[("OpenStack-API-Version", "compute 2.88")]).await;
    assert!(v["hypervisors"][0].get("vcpus").is_none(), "{v}");
    assert_eq!(get_json(&url, &demo, &[]).await.0, StatusCode::FORBIDDEN);

    assert!(stack.remove_resource_provider("RegionOne", &id));
    assert!(!stack.remove_resource_provider("RegionOne", &id));
}

#[tokio::test]
async fn tenant_usage_charges_launched_servers_over_the_period() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let pid = stack.project_id("fake-a", "demo");
    for (name, launched) in [
        ("a", "2026-11-01T12:00:00.000000"),
        ("b", "2026-10-01T00:00:00.000000"),
    ] {
        stack.seed(
            "RegionOne",
            Kind::Server,
            "demo",
            json!({"name": name, "flavor": {"vcpus": 2, "ram": 1024, "disk": 5, "ephemeral": 1},
                   "launched_at": launched}),
        );
    }
    // Never launched: no usage.
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "c", "status": "BUILD"}),
    );
    let url = format!(
        "{r}/compute/v2.1/os-simple-tenant-usage/{pid}?start=2026-11-01T00:00:00&end=2026-11-02T00:00:00"
    );
    let (status, v) = get_json(&url, &demo, &[]).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let u = &v["tenant_usage"];
    // 12 h of a, 24 h of b.
    assert_eq!(u["total_hours"], 36.0);
    assert_eq!(u["total_vcpus_usage"], 72.0);
    assert_eq!(u["total_memory_mb_usage"], 36.0 * 1024.0);
    assert_eq!(u["total_local_gb_usage"], 36.0 * 6.0);
    assert_eq!(u["server_usages"].as_array().unwrap().len(), 2);
    assert_eq!(u["start"], "2026-11-01T00:00:00.000000");

    let before = format!(
        "{r}/compute/v2.1/os-simple-tenant-usage/{pid}?start=2026-01-01T00:00:00&end=2026-02-01T00:00:00"
    );
    assert_eq!(
        get_json(&before, &demo, &[]).await.1,
        json!({"tenant_usage": {}})
    );
    let admin_pid = stack.project_id("fake-a", "admin");
    let theirs = format!("{r}/compute/v2.1/os-simple-tenant-usage/{admin_pid}");
    assert_eq!(get_json(&theirs, &demo, &[]).await.0, StatusCode::FORBIDDEN);
    let backwards = format!(
        "{r}/compute/v2.1/os-simple-tenant-usage/{pid}?start=2026-11-02T00:00:00&end=2026-11-01T00:00:00"
    );
    assert_eq!(
        get_json(&backwards, &demo, &[]).await.0,
        StatusCode::BAD_REQUEST
    );
}
