//! Quotas: Nova, Neutron and Cinder quota sets, Keystone unified limits, Glance usage, and the test controls.
//!
//! Key lists and error bodies are copied from the real minicloud
//! (`shared/minicloud/samples/` and what nova 34, neutron 29, cinder 29 and
//! keystone 30 answered there).

mod common;

use common::{client, token};
use fakestack::{FakeStack, Spec};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// nova_GET_os-quota-sets_project_detail.json, in order.
const NOVA_KEYS: [&str; 15] = [
    "id",
    "cores",
    "fixed_ips",
    "floating_ips",
    "injected_file_content_bytes",
    "injected_file_path_bytes",
    "injected_files",
    "instances",
    "key_pairs",
    "metadata_items",
    "ram",
    "security_group_rules",
    "security_groups",
    "server_group_members",
    "server_groups",
];

/// neutron_GET_v2.0_quotas_project_details.json, in order.
const NEUTRON_KEYS: [&str; 10] = [
    "network",
    "subnet",
    "subnetpool",
    "port",
    "router_route",
    "router",
    "floatingip",
    "rbac_policy",
    "security_group",
    "security_group_rule",
];

/// Sends a request; returns the status and the body as text.
async fn call(
    method: Method,
    url: &str,
    token: &str,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> (StatusCode, String) {
    let mut req = client().request(method, url).header("X-Auth-Token", token);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.unwrap();
    (resp.status(), resp.text().await.unwrap())
}

async fn get_json(url: &str, token: &str, headers: &[(&str, &str)]) -> (StatusCode, Value) {
    let (status, text) = call(Method::GET, url, token, None, headers).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[tokio::test]
async fn nova_quota_sets() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let (demo, admin) = (token(&ks, "demo").await, token(&ks, "admin").await);
    let demo_id = stack.project_id("fake-a", "demo");
    let admin_id = stack.project_id("fake-a", "admin");
    let base = format!(
        "{}/compute/v2.1/os-quota-sets",
        stack.region_url("RegionOne")
    );

    // The member reads its own project, with the demo's seeded usage.
    let (status, v) = get_json(&format!("{base}/{demo_id}/detail"), &demo, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(keys(&v["quota_set"]), NOVA_KEYS);
    assert_eq!(v["quota_set"]["id"], demo_id.as_str());
    assert_eq!(
        v["quota_set"]["cores"],
        json!({"limit": 20, "in_use": 8, "reserved": 0})
    );
    let (_, v) = get_json(&format!("{base}/{demo_id}"), &demo, &[]).await;
    assert_eq!(keys(&v["quota_set"]), NOVA_KEYS);
    assert_eq!(v["quota_set"]["ram"], 51200);
    let (status, v) = get_json(&format!("{base}/{admin_id}/defaults"), &demo, &[]).await;
    assert_eq!(status, StatusCode::OK, "anyone may read the defaults");
    assert_eq!(v["quota_set"]["instances"], 10);

    // 2.36 drops the network proxies, 2.57 the personality keys too.
    let (_, v) = get_json(
        &format!("{base}/{demo_id}/detail"),
        &demo,
        &[("OpenStack-API-Version", "compute 2.36")],
    )
    .await;
    assert_eq!(keys(&v["quota_set"]).len(), 11);
    assert!(v["quota_set"].get("floating_ips").is_none());
    let (_, v) = get_json(
        &format!("{base}/{demo_id}"),
        &demo,
        &[("OpenStack-API-Version", "compute 2.57")],
    )
    .await;
    assert_eq!(
        keys(&v["quota_set"]),
        [
            "id",
            "cores",
            "instances",
            "key_pairs",
            "metadata_items",
            "ram",
            "server_group_members",
            "server_groups"
        ]
    );

    // A member may not read another project, nor change its own.
    let (status, body) = call(Method::GET, &format!("{base}/{admin_id}"), &demo, None, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        body,
        r#"{"forbidden": {"code": 403, "message": "Policy doesn't allow os_compute_api:os-quota-sets:show to be performed."}}"#
    );
    let put = Some(json!({"quota_set": {"cores": 30}}));
    let (status, body) = call(
        Method::PUT,
        &format!("{base}/{demo_id}"),
        &demo,
        put.clone(),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        body,
        r#"{"forbidden": {"code": 403, "message": "Policy doesn't allow os_compute_api:os-quota-sets:update to be performed."}}"#
    );

    // The admin's PUT answers the whole set without the id.
    let (status, body) = call(Method::PUT, &format!("{base}/{demo_id}"), &admin, put, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(keys(&v["quota_set"]), NOVA_KEYS[1..]);
    assert_eq!(v["quota_set"]["cores"], 30);
    assert_eq!(
        stack.quota("RegionOne", "demo", "compute", "cores"),
        Some(30)
    );
    assert_eq!(
        stack.quota("RegionTwo", "demo", "compute", "cores"),
        Some(20)
    );

    // Below in_use + reserved: refused, and nothing of the set is written.
    let (status, body) = call(
        Method::PUT,
        &format!("{base}/{demo_id}"),
        &admin,
        Some(json!({"quota_set": {"ram": 32768, "cores": 7}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        r#"{"badRequest": {"code": 400, "message": "Quota limit 7 for cores must be greater than or equal to already used and reserved 8."}}"#
    );
    assert_eq!(
        stack.quota("RegionOne", "demo", "compute", "ram"),
        Some(51200)
    );
    // `force` skips the check; -1 is always allowed.
    let (status, _) = call(
        Method::PUT,
        &format!("{base}/{demo_id}"),
        &admin,
        Some(json!({"quota_set": {"cores": 7, "ram": -1, "force": true}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        stack.quota("RegionOne", "demo", "compute", "cores"),
        Some(7)
    );

    // Keys a microversion hides are refused as unknown.
    let (status, body) = call(
        Method::PUT,
        &format!("{base}/{demo_id}"),
        &admin,
        Some(json!({"quota_set": {"floating_ips": 20}})),
        &[("OpenStack-API-Version", "compute 2.36")],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        r#"{"badRequest": {"code": 400, "message": "Invalid input for field/attribute quota_set. Value: {'floating_ips': 20}. Additional properties are not allowed ('floating_ips' was unexpected)"}}"#
    );
    let (status, body) = call(
        Method::GET,
        &format!("{base}/00000000000000000000000000000000"),
        &admin,
        None,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Project ID 00000000000000000000000000000000 is not a valid project."));

    // DELETE: 202, back to the defaults.
    let (status, body) = call(
        Method::DELETE,
        &format!("{base}/{demo_id}"),
        &admin,
        None,
        &[],
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::ACCEPTED, ""));
    assert_eq!(
        stack.quota("RegionOne", "demo", "compute", "cores"),
        Some(20)
    );
}

#[tokio::test]
async fn neutron_quotas() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-b");
    let (demo, admin) = (token(&ks, "demo").await, token(&ks, "admin").await);
    let demo_id = stack.project_id("fake-b", "demo");
    let admin_id = stack.project_id("fake-b", "admin");
    let base = format!("{}/network/v2.0/quotas", stack.region_url("RegionThree"));

    let (status, v) = get_json(&format!("{base}/{demo_id}/details.json"), &demo, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(keys(&v["quota"]), NEUTRON_KEYS);
    assert_eq!(
        v["quota"]["port"],
        json!({"limit": 500, "used": 21, "reserved": 0})
    );
    let (_, v) = get_json(&format!("{base}/{demo_id}"), &demo, &[]).await;
    assert_eq!(keys(&v["quota"]), NEUTRON_KEYS);
    assert_eq!(v["quota"]["security_group"], 10);

    let (status, body) = call(Method::GET, &format!("{base}/{admin_id}"), &demo, None, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        body,
        r#"{"NeutronError": {"type": "PolicyNotAuthorized", "message": "rule:get_quota is disallowed by policy", "detail": ""}}"#
    );
    let (status, body) = call(
        Method::GET,
        &format!("{base}/{admin_id}/details.json"),
        &demo,
        None,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains(r#""type": "AdminRequired""#));
    let put = Some(json!({"quota": {"port": 100}}));
    let (status, body) = call(
        Method::PUT,
        &format!("{base}/{demo_id}"),
        &demo,
        put.clone(),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("rule:update_quota is disallowed by policy"));

    let (status, body) = call(Method::PUT, &format!("{base}/{demo_id}"), &admin, put, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(keys(&v["quota"]), NEUTRON_KEYS);
    assert_eq!(v["quota"]["port"], 100);
    assert_eq!(
        stack.quota("RegionThree", "demo", "network", "port"),
        Some(100)
    );

    // Below what is used: 400 even without check_limit (neutron ≥ 2025.1).
    let (status, body) = call(
        Method::PUT,
        &format!("{base}/{demo_id}"),
        &admin,
        Some(json!({"quota": {"subnet": 50, "network": 2}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        r#"{"NeutronError": {"type": "HTTPBadRequest", "message": "Quota limit 2 for network must be greater than or equal to already used 3", "detail": ""}}"#
    );
    assert_eq!(
        stack.quota("RegionThree", "demo", "network", "subnet"),
        Some(100)
    );
    let (status, body) = call(
        Method::PUT,
        &format!("{base}/{demo_id}"),
        &admin,
        Some(json!({"quota": {"bogus": 5}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Unrecognized attribute(s) 'bogus'"));

    let (_, v) = get_json(&base, &admin, &[]).await;
    assert_eq!(v["quotas"][0]["project_id"], demo_id.as_str());
    let (status, _) = call(
        Method::DELETE,
        &format!("{base}/{demo_id}"),
        &admin,
        None,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = call(
        Method::DELETE,
        &format!("{base}/{demo_id}"),
        &admin,
        None,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("TenantQuotaNotFound"));
    assert_eq!(
        stack.quota("RegionThree", "demo", "network", "port"),
        Some(500)
    );
}

#[tokio::test]
async fn cinder_quota_sets() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-b");
    let (demo, admin) = (token(&ks, "demo").await, token(&ks, "admin").await);
    let demo_id = stack.project_id("fake-b", "demo");
    let admin_id = stack.project_id("fake-b", "admin");
    let r = stack.region_url("RegionThree");

    // Through the volumev3 endpoint (project in the URL) and block-storage.
    let url = format!("{r}/volume/v3/{demo_id}/os-quota-sets/{demo_id}?usage=true");
    let (status, v) = get_json(&url, &demo, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        keys(&v["quota_set"]),
        [
            "volumes",
            "per_volume_gigabytes",
            "snapshots",
            "gigabytes",
            "backups",
            "backup_gigabytes",
            "volumes_ssd",
            "gigabytes_ssd",
            "snapshots_ssd",
            "volumes___DEFAULT__",
            "gigabytes___DEFAULT__",
            "snapshots___DEFAULT__",
            "groups",
            "id"
        ]
    );
    assert_eq!(
        v["quota_set"]["gigabytes_ssd"],
        json!({"limit": -1, "in_use": 200, "reserved": 0})
    );
    let (_, v) = get_json(
        &format!("{r}/volume/v3/os-quota-sets/{demo_id}"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(v["quota_set"]["volumes"], 10);
    assert_eq!(v["quota_set"]["id"], demo_id.as_str());
    // RegionOne has only __DEFAULT__.
    let (_, v) = get_json(
        &format!(
            "{}/volume/v3/os-quota-sets/{}",
            stack.region_url("RegionOne"),
            stack.project_id("fake-a", "demo")
        ),
        &token(&stack.keystone_url("fake-a"), "demo").await,
        &[],
    )
    .await;
    assert_eq!(keys(&v["quota_set"]).len(), 6 + 3 + 2);

    let (status, body) = call(
        Method::GET,
        &format!("{r}/volume/v3/{demo_id}/os-quota-sets/{admin_id}"),
        &demo,
        None,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        body,
        r#"{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:quotas:show to be performed."}}"#
    );
    let (status, body) = call(
        Method::GET,
        &format!("{r}/volume/v3/{admin_id}/os-quota-sets/{demo_id}"),
        &demo,
        None,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Malformed request url"));

    // PUT answers limits without the id.
    let url = format!("{r}/volume/v3/os-quota-sets/{demo_id}");
    let (status, body) = call(
        Method::PUT,
        &url,
        &admin,
        Some(json!({"quota_set": {"gigabytes": 300, "volumes_ssd": 4}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert!(v["quota_set"].get("id").is_none());
    assert_eq!(v["quota_set"]["volumes_ssd"], 4);
    assert_eq!(
        stack.quota("RegionThree", "demo", "volume", "gigabytes"),
        Some(300)
    );

    // Below usage: refused for a resource the project has a limit of its
    // own for; cinder 29 does not look at default-limited ones.
    let (status, body) = call(
        Method::PUT,
        &url,
        &admin,
        Some(json!({"quota_set": {"gigabytes": 100}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        r#"{"badRequest": {"code": 400, "message": "Quota gigabytes limit must be equal or greater than existing resources. Current usage is 250 and the requested limit is 100."}}"#
    );
    let (status, _) = call(
        Method::PUT,
        &url,
        &admin,
        Some(json!({"quota_set": {"volumes": 1}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "volumes had no limit of its own");
    let (status, body) = call(
        Method::PUT,
        &url,
        &admin,
        Some(json!({"quota_set": {"volumes_nosuch": 1}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Invalid input received: Bad key(s) in quota set: volumes_nosuch"));
    let (status, body) = call(
        Method::PUT,
        &url,
        &demo,
        Some(json!({"quota_set": {"volumes": 9}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("volume_extension:quotas:update"));

    let (status, body) = call(Method::DELETE, &url, &admin, None, &[]).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, ""));
    assert_eq!(
        stack.quota("RegionThree", "demo", "volume", "gigabytes"),
        Some(1000)
    );
}

#[tokio::test]
async fn keystone_limits_and_glance_usage() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let (demo, admin) = (token(&ks, "demo").await, token(&ks, "admin").await);
    let demo_id = stack.project_id("fake-a", "demo");

    // Services map ids to types (admin only).
    let (status, v) = get_json(&format!("{ks}/services?type=image"), &admin, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let image = v["services"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(v["services"][0]["name"], "glance");
    let (status, _) = get_json(&format!("{ks}/services"), &demo, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The demo registers Glance's four limits in RegionOne.
    let (status, v) = get_json(
        &format!("{ks}/registered_limits?service_id={image}&region_id=RegionOne&resource_name=image_size_total"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let reg = &v["registered_limits"][0];
    assert_eq!(
        keys(reg),
        [
            "id",
            "service_id",
            "region_id",
            "resource_name",
            "default_limit",
            "description",
            "links"
        ]
    );
    assert_eq!(reg["default_limit"], 1000);
    let (_, v) = get_json(
        &format!("{ks}/registered_limits?region_id=RegionTwo"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(v["registered_limits"], json!([]));

    let glance = format!("{}/image/v2/info/usage", stack.region_url("RegionOne"));
    let (status, v) = get_json(&glance, &demo, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        keys(&v["usage"]),
        [
            "image_size_total",
            "image_stage_total",
            "image_count_total",
            "image_count_uploading"
        ]
    );
    assert_eq!(
        v["usage"]["image_size_total"],
        json!({"usage": 312, "limit": 1000})
    );
    let (_, v) = get_json(
        &format!("{}/image/v2/info/usage", stack.region_url("RegionTwo")),
        &demo,
        &[],
    )
    .await;
    assert_eq!(v, json!({"usage": {}}), "no unified limits there");

    // Create, read, change, delete a project limit.
    let new = json!({"limits": [{"service_id": image, "project_id": demo_id, "region_id": "RegionOne",
        "resource_name": "image_size_total", "resource_limit": 500}]});
    let (status, body) = call(
        Method::POST,
        &format!("{ks}/limits"),
        &demo,
        Some(new.clone()),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("identity:create_limits"));
    let (status, body) = call(
        Method::POST,
        &format!("{ks}/limits"),
        &admin,
        Some(new.clone()),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let v: Value = serde_json::from_str(&body).unwrap();
    let limit = &v["limits"][0];
    assert_eq!(
        keys(limit),
        [
            "id",
            "project_id",
            "domain_id",
            "resource_limit",
            "description",
            "service_id",
            "region_id",
            "resource_name",
            "links"
        ]
    );
    let id = limit["id"].as_str().unwrap().to_owned();
    let (status, body) = call(
        Method::POST,
        &format!("{ks}/limits"),
        &admin,
        Some(new),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        body,
        "{\"error\":{\"code\":409,\"message\":\"Conflict occurred attempting to store limit - Duplicate entry.\",\"title\":\"Conflict\"}}\n"
    );
    let unregistered = json!({"limits": [{"service_id": image, "project_id": demo_id, "region_id": "RegionTwo",
        "resource_name": "image_size_total", "resource_limit": 5}]});
    let (status, body) = call(
        Method::POST,
        &format!("{ks}/limits"),
        &admin,
        Some(unregistered),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("Unable to create a limit that has no corresponding registered limit."));

    assert_eq!(
        stack.quota("RegionOne", "demo", "image", "image_size_total"),
        Some(500)
    );
    let (_, v) = get_json(&glance, &demo, &[]).await;
    assert_eq!(v["usage"]["image_size_total"]["limit"], 500);
    let (_, v) = get_json(
        &format!("{ks}/limits?project_id={demo_id}&region_id=RegionOne"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(v["limits"][0]["id"], id.as_str());

    let (status, body) = call(
        Method::PATCH,
        &format!("{ks}/limits/{id}"),
        &admin,
        Some(json!({"limit": {"resource_limit": 700}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("\"resource_limit\": 700"));
    assert_eq!(
        stack.quota("RegionOne", "demo", "image", "image_size_total"),
        Some(700)
    );
    let (status, body) = call(
        Method::PATCH,
        &format!("{ks}/limits/{id}"),
        &admin,
        Some(json!({"limit": {"resource_limit": -2}})),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Invalid input for field/attribute resource_limit. Value: -2. -2 is less than the minimum of -1"));

    let (status, _) = call(
        Method::DELETE,
        &format!("{ks}/limits/{id}"),
        &demo,
        None,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(
        Method::DELETE,
        &format!("{ks}/limits/{id}"),
        &admin,
        None,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = call(
        Method::DELETE,
        &format!("{ks}/limits/{id}"),
        &admin,
        None,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains(&format!("Could not find limit for {id}.")));
    assert_eq!(
        stack.quota("RegionOne", "demo", "image", "image_size_total"),
        Some(1000)
    );

    // Each Keystone has its own limits.
    let other = token(&stack.keystone_url("fake-b"), "demo").await;
    let (_, v) = get_json(
        &format!("{}/registered_limits", stack.keystone_url("fake-b")),
        &other,
        &[],
    )
    .await;
    assert_eq!(v["registered_limits"], json!([]));
}

#[test]
fn library_controls_are_per_region() {
    let stack = FakeStack::start(Spec::new().cloud("c1", &["r1", "r2"]));
    assert_eq!(stack.quota("r1", "demo", "compute", "cores"), Some(20));
    assert_eq!(stack.quota("r1", "demo", "image", "image_size_total"), None);

    stack.set_usage("r1", "demo", "network", "port", 40);
    stack.set_quota("r1", "demo", "network", "port", 50);
    stack.set_default_quota("r2", "compute", "cores", 64);
    let demo_id = stack.project_id("c1", "demo");
    assert_eq!(stack.quota("r1", &demo_id, "network", "port"), Some(50));
    assert_eq!(stack.quota("r2", "demo", "network", "port"), Some(500));
    assert_eq!(stack.quota("r2", "admin", "compute", "cores"), Some(64));
    assert_eq!(stack.quota("r1", "admin", "compute", "cores"), Some(20));

    stack.add_volume_type("r2", "gold");
    assert_eq!(
        stack.quota("r2", "demo", "volume", "volumes_gold"),
        Some(-1)
    );
    stack.register_limit("r1", "image", "image_count_total", 20);
    stack.set_quota("r1", "demo", "image", "image_count_total", 5);
    assert_eq!(
        stack.quota("r1", "demo", "image", "image_count_total"),
        Some(5)
    );
    assert_eq!(
        stack.quota("r1", "admin", "image", "image_count_total"),
        Some(20)
    );
}

#[test]
#[should_panic(expected = "compute in r1 has no quota resource volumes")]
fn library_controls_refuse_unknown_resources() {
    let stack = FakeStack::start(Spec::new().cloud("c1", &["r1"]));
    stack.set_usage("r1", "demo", "compute", "volumes", 1);
}

#[tokio::test]
async fn control_api_seeds_usage() {
    let stack = FakeStack::start(Spec::new().cloud("c1", &["r1"]));
    let control = stack.control_url();
    let resp = client()
        .post(format!("{control}/usage"))
        .json(
            &json!({"region": "r1", "project": "demo", "service": "compute",
            "usage": {"cores": 6, "instances": 3}}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let resp = client()
        .post(format!("{control}/quota"))
        .json(&json!({"region": "r1", "project": "demo", "service": "compute", "limits": {"cores": 12}}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let resp = client()
        .post(format!("{control}/usage"))
        .json(
            &json!({"region": "r1", "project": "demo", "service": "compute", "usage": {"nope": 1}}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);

    let v: Value = client()
        .get(format!(
            "{control}/quota?region=r1&project=demo&service=compute"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["cores"], json!({"limit": 12, "in_use": 6}));

    let tok = token(&stack.keystone_url("c1"), "demo").await;
    let (_, v) = get_json(
        &format!(
            "{}/compute/v2.1/os-quota-sets/{}/detail",
            stack.region_url("r1"),
            stack.project_id("c1", "demo")
        ),
        &tok,
        &[],
    )
    .await;
    assert_eq!(v["quota_set"]["instances"]["in_use"], 3);
}
