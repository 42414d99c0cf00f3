//! Nova keypairs, flavors and servers: shapes, who sees what, and the 409s.

mod common;

use common::{call, get_json, token};
use fakestack::{FakeStack, Kind, Spec};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The minicloud's keypair and the fingerprint nova 34 gave it.
const KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIV5pVOBmgC/VmSpYq7Clh1m+9JKKzXlkD6MaVuDQssc root@vm";
const FINGERPRINT: &str = "91:3a:12:9d:16:00:9b:88:ac:25:4c:9a:17:0a:ab:bc";

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[tokio::test]
async fn keypairs_belong_to_their_user() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionThree");
    let ks = stack.keystone_url("fake-b");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;
    let url = format!("{r}/compute/v2.1/os-keypairs");
    let mv = |v: &'static str| [("OpenStack-API-Version", v)];

    let body = json!({"keypair": {"name": "mc-kp", "public_key": KEY}});
    let (status, v) = call("POST", &url, &demo, &mv("compute 2.92"), Some(&body)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        keys(&v["keypair"]),
        ["type", "name", "public_key", "fingerprint", "user_id"]
    );
    assert_eq!(v["keypair"]["fingerprint"], FINGERPRINT);
    let demo_id = stack.user_id("fake-b", "demo");
    assert_eq!(v["keypair"]["user_id"], demo_id.as_str());

    let (status, v) = call("POST", &url, &demo, &mv("compute 2.92"), Some(&body)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        v,
        json!({"conflictingRequest": {"code": 409, "message": "Key pair 'mc-kp' already exists."}})
    );
    let bad = json!({"keypair": {"name": "bad", "public_key": "ssh-rsa nonsense"}});
    let (status, v) = call("POST", &url, &demo, &[], Some(&bad)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        v["badRequest"]["message"],
        "Keypair data is invalid: failed to generate fingerprint"
    );

    // The admin's own list is empty; it may look at demo's from 2.10.
    let (_, v) = get_json(&url, &admin, &[]).await;
    assert_eq!(v, json!({"keypairs": []}));
    let (_, v) = get_json(
        &format!("{url}?user_id={demo_id}"),
        &admin,
        &mv("compute 2.10"),
    )
    .await;
    assert_eq!(v["keypairs"][0]["keypair"]["name"], "mc-kp");
    let admin_id = stack.user_id("fake-b", "admin");
    let (status, v) = get_json(
        &format!("{url}?user_id={admin_id}"),
        &demo,
        &mv("compute 2.10"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        v["forbidden"]["message"],
        "Policy doesn't allow os_compute_api:os-keypairs:index to be performed."
    );

    let (status, v) = get_json(&format!("{url}/mc-kp"), &demo, &mv("compute 2.2")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        keys(&v["keypair"]),
        [
            "name",
            "public_key",
            "fingerprint",
            "user_id",
            "created_at",
            "deleted",
            "deleted_at",
            "id",
            "updated_at",
            "type"
        ]
    );
    assert_eq!(v["keypair"]["updated_at"], Value::Null);
    let (status, v) = get_json(&format!("{url}/no-such-key"), &demo, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        v["itemNotFound"]["message"],
        format!("Keypair no-such-key not found for user {demo_id}").as_str()
    );

    // Nova 2.1 generates a key when none is given, and answers 200.
    let body = json!({"keypair": {"name": "made"}});
    let (status, v) = call("POST", &url, &demo, &[], Some(&body)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        v["keypair"]["private_key"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN RSA PRIVATE KEY-----")
    );
    assert!(v["keypair"].get("type").is_none());
    let (status, v) = call(
        "POST",
        &url,
        &demo,
        &mv("compute 2.92"),
        Some(&json!({"keypair": {"name": "x"}})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        v["badRequest"]["message"],
        "Invalid input for field/attribute keypair. Value: {'name': 'x'}. 'public_key' is a required property"
    );

    let (status, _) = call(
        "DELETE",
        &format!("{url}/mc-kp"),
        &demo,
        &mv("compute 2.2"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(stack.resources("RegionThree", Kind::Keypair).len(), 1);
}

#[tokio::test]
async fn flavors_hide_private_ones_and_refuse_duplicates() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;
    let url = format!("{r}/compute/v2.1/flavors");
    // The shape before 2.102 drops `rxtx_factor` and `disabled`.
    let v296 = [("OpenStack-API-Version", "compute 2.96")];
    let create = |body: Value| {
        let admin = admin.clone();
        let url = url.clone();
        async move { call("POST", &url, &admin, &v296, Some(&body)).await }
    };
    let (status, v) = create(json!({"flavor": {"id": "f1", "name": "small", "ram": 512, "vcpus": 1, "disk": 1, "description": "tiny"}})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        keys(&v["flavor"]),
        [
            "id",
            "name",
            "ram",
            "disk",
            "swap",
            "OS-FLV-EXT-DATA:ephemeral",
            "OS-FLV-DISABLED:disabled",
            "vcpus",
            "os-flavor-access:is_public",
            "rxtx_factor",
            "links",
            "description",
            "extra_specs"
        ]
    );
    assert_eq!(
        v["flavor"]["links"][0]["href"],
        format!("{r}/compute/v2.1/flavors/f1").as_str()
    );
    let (status, _) = create(json!({"flavor": {"id": "f2", "name": "secret", "ram": 1024, "vcpus": 2, "disk": 5, "os-flavor-access:is_public": false}})).await;
    assert_eq!(status, StatusCode::OK);

    let (status, v) =
        create(json!({"flavor": {"id": "f1", "name": "other", "ram": 1, "vcpus": 1, "disk": 0}}))
            .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        v["conflictingRequest"]["message"],
        "Flavor with ID f1 already exists."
    );
    let (status, v) =
        create(json!({"flavor": {"id": "f9", "name": "small", "ram": 1, "vcpus": 1, "disk": 0}}))
            .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        v["conflictingRequest"]["message"],
        "Flavor with name small already exists."
    );
    let body = json!({"flavor": {"name": "mine", "ram": 1, "vcpus": 1, "disk": 0}});
    let (status, v) = call("POST", &url, &demo, &[], Some(&body)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        v["forbidden"]["message"],
        "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed."
    );

    let (_, v) = get_json(&url, &demo, &[]).await;
    assert_eq!(
        v["flavors"].as_array().unwrap().len(),
        1,
        "demo sees the public flavor only"
    );
    let (status, _) = get_json(&format!("{url}/f2"), &demo, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, v) = get_json(&format!("{url}?is_public=none"), &admin, &[]).await;
    assert_eq!(v["flavors"].as_array().unwrap().len(), 2);

    let action = format!("{url}/f2/action");
    let demo_project = stack.project_id("fake-a", "demo");
    let share = json!({"addTenantAccess": {"tenant": demo_project}});
    let (status, v) = call("POST", &action, &admin, &v296, Some(&share)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        v,
        json!({"flavor_access": [{"flavor_id": "f2", "tenant_id": demo_project}]})
    );
    let (status, v) = call("POST", &action, &admin, &v296, Some(&share)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        v["conflictingRequest"]["message"],
        format!(
            "Flavor access already exists for flavor f2 and project {demo_project} combination."
        )
        .as_str()
    );
    let (status, v) = call(
        "POST",
        &format!("{url}/f1/action"),
        &admin,
        &v296,
        Some(&share),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        v["conflictingRequest"]["message"],
        "Can not add access to a public flavor."
    );
    let (_, v) = get_json(&url, &demo, &[]).await;
    assert_eq!(
        v["flavors"].as_array().unwrap().len(),
        2,
        "shared with demo's project"
    );
    let (status, v) = get_json(&format!("{url}/f1/os-flavor-access"), &admin, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        v["itemNotFound"]["message"],
        "Access list not available for public flavors."
    );

    let specs = format!("{url}/f1/os-extra_specs");
    let (status, v) = call(
        "POST",
        &specs,
        &admin,
        &[],
        Some(&json!({"extra_specs": {"hw:cpu_policy": "dedicated", "quota:n": 5}})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["extra_specs"]["quota:n"], 5);
    let (_, v) = get_json(&specs, &demo, &[]).await;
    assert_eq!(
        v,
        json!({"extra_specs": {"hw:cpu_policy": "dedicated", "quota:n": "5"}})
    );
    let (status, _) = call("DELETE", &format!("{specs}/quota:n"), &admin, &[], None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, v) = get_json(&format!("{specs}/quota:n"), &demo, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        v["itemNotFound"]["message"],
        "Flavor f1 has no extra specs with key quota:n."
    );
    let (_, v) = get_json(
        &format!("{url}/f1"),
        &demo,
        &[("OpenStack-API-Version", "compute 2.61")],
    )
    .await;
    assert_eq!(
        v["flavor"]["extra_specs"],
        json!({"hw:cpu_policy": "dedicated"})
    );
    assert_eq!(v["flavor"]["description"], "tiny");

    let (status, v) = call(
        "PUT",
        &format!("{url}/f1"),
        &admin,
        &[("OpenStack-API-Version", "compute 2.55")],
        Some(&json!({"flavor": {"description": "new"}})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["flavor"]["description"], "new");
    let (status, _) = call("DELETE", &format!("{url}/f1"), &admin, &[], None).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert!(stack.resource("RegionOne", Kind::Flavor, "f1").is_none());
}

#[tokio::test]
async fn servers_are_per_project_unless_all_tenants() {
    let stack = FakeStack::start(Spec::demo());
    let net = stack.seed(
        "RegionTwo",
        Kind::Network,
        "demo",
        json!({"name": "private"}),
    );
    stack.seed(
        "RegionTwo",
        Kind::Subnet,
        "demo",
        json!({"network_id": net.id, "cidr": "10.0.0.0/24", "ip_version": 4}),
    );
    let port = stack.seed(
        "RegionTwo",
        Kind::Port,
        "demo",
        json!({"network_id": net.id}),
    );
    stack.seed(
        "RegionTwo",
        Kind::Flavor,
        "admin",
        json!({"id": "m1", "name": "m1.small", "ram": 2048, "vcpus": 2, "disk": 20}),
    );
    let web = stack.seed(
        "RegionTwo",
        Kind::Server,
        "demo",
        json!({"name": "web", "flavor": "m1", "ports": [port.id]}),
    );
    stack.seed(
        "RegionTwo",
        Kind::Server,
        "demo",
        json!({"name": "broken", "status": "ERROR",
        "fault": {"code": 500, "message": "No valid host was found. ", "details": "Traceback …"}}),
    );
    stack.seed("RegionTwo", Kind::Server, "admin", json!({"name": "ops"}));

    let r = stack.region_url("RegionTwo");
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;
    let (_, v) = get_json(&format!("{r}/compute/v2.1/servers"), &demo, &[]).await;
    let mut names: Vec<&str> = v["servers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["broken", "web"], "demo's project only");
    assert_eq!(keys(&v["servers"][0]), ["id", "links", "name"]);

    let (status, v) = get_json(
        &format!("{r}/compute/v2.1/servers/{}", web.id),
        &demo,
        &[("OpenStack-API-Version", "compute 2.47")],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let address = &v["server"]["addresses"]["private"][0];
    assert_eq!(address["addr"], "10.0.0.2");
    assert_eq!(address["OS-EXT-IPS-MAC:mac_addr"], port.body["mac_address"]);
    assert_eq!(v["server"]["flavor"]["vcpus"], 2);
    assert!(
        v["server"].get("OS-EXT-SRV-ATTR:host").is_none(),
        "admin only"
    );
    let bound = stack.resource("RegionTwo", Kind::Port, &port.id).unwrap();
    assert_eq!(bound.body["device_id"], web.id.as_str());

    let (_, v) = get_json(
        &format!("{r}/compute/v2.1/servers/detail?status=ERROR"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(
        v["servers"][0]["fault"]["message"],
        "No valid host was found. "
    );
    assert!(
        v["servers"][0]["fault"].get("details").is_none(),
        "a 500's details are the admin's"
    );

    let (status, v) = get_json(
        &format!("{r}/compute/v2.1/servers?all_tenants=1"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        v["forbidden"]["message"],
        "Policy doesn't allow os_compute_api:servers:index:get_all_tenants to be performed."
    );
    let (_, v) = get_json(&format!("{r}/compute/v2.1/servers"), &admin, &[]).await;
    assert_eq!(
        v["servers"].as_array().unwrap().len(),
        1,
        "the admin's own project"
    );
    let (_, v) = get_json(
        &format!("{r}/compute/v2.1/servers/detail?all_tenants=1"),
        &admin,
        &[],
    )
    .await;
    assert_eq!(v["servers"].as_array().unwrap().len(), 3);
    assert!(v["servers"][0].get("OS-EXT-SRV-ATTR:host").is_some());
    // `flavor` filters by flavor id, as Nova does; an unknown one matches nothing.
    for (flavor, expected) in [("m1", vec!["web"]), ("m9", vec![])] {
        let (_, v) = get_json(
            &format!("{r}/compute/v2.1/servers?all_tenants=1&flavor={flavor}"),
            &admin,
            &[],
        )
        .await;
        let names: Vec<&str> = v["servers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, expected, "flavor={flavor}");
    }

    // Quota usage: what was set (RegionTwo demo: 1 instance, 2 cores) plus the servers.
    let project = stack.project_id("fake-a", "demo");
    let (_, v) = get_json(
        &format!("{r}/compute/v2.1/os-quota-sets/{project}/detail"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(v["quota_set"]["instances"]["in_use"], 3);
    assert_eq!(v["quota_set"]["cores"]["in_use"], 4);
    assert_eq!(v["quota_set"]["ram"]["in_use"], 4096 + 2048);

    let (status, _) = call(
        "DELETE",
        &format!("{r}/compute/v2.1/servers/{}", web.id),
        &demo,
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let unbound = stack.resource("RegionTwo", Kind::Port, &port.id).unwrap();
    assert_eq!(unbound.body["device_id"], "");
}

/// Nova's keypair name rule: `[_- a-zA-Z0-9]` before 2.92, `@` and `.` too
/// from 2.92; 1 to 255 characters, no leading or trailing space; a region
/// may run an older Nova than the rest.
#[tokio::test]
async fn keypair_names_follow_the_rule_of_the_microversion_and_region() {
    let stack = FakeStack::start(Spec::demo().region_compute_max_microversion("RegionTwo", "2.87"));
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let post = |region: &str, name: String, version: &'static str| {
        let url = format!("{}/compute/v2.1/os-keypairs", stack.region_url(region));
        let demo = demo.clone();
        async move {
            let body = json!({"keypair": {"name": name, "public_key": KEY}});
            let headers = [("OpenStack-API-Version", version)];
            call("POST", &url, &demo, &headers, Some(&body)).await
        }
    };
    let (status, v) = post("RegionOne", "ops@host.example".into(), "compute 2.91").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
    assert!(
        v["badRequest"]["message"]
            .as_str()
            .unwrap()
            .contains("does not match"),
        "{v}"
    );
    let (status, _) = post("RegionOne", "ops@host.example".into(), "compute 2.92").await;
    assert_eq!(status, StatusCode::CREATED);
    for bad in [
        "a/b".to_string(),
        "x".repeat(256),
        " lead".into(),
        String::new(),
    ] {
        let (status, v) = post("RegionOne", bad.clone(), "compute 2.92").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad:?}: {v}");
    }
    let (status, _) = post("RegionOne", "x".repeat(255), "compute 2.92").await;
    assert_eq!(status, StatusCode::CREATED);

    // RegionTwo's Nova stops at 2.87: it says so, and refuses 2.92.
    let r2 = stack.region_url("RegionTwo");
    let (_, v) = get_json(&format!("{r2}/compute/v2.1"), &demo, &[]).await;
    assert_eq!(v["version"]["version"], "2.87");
    let (status, _) = post("RegionTwo", "ops@host.example".into(), "compute 2.92").await;
    assert_eq!(status, StatusCode::NOT_ACCEPTABLE);
    let (status, _) = post("RegionTwo", "ops-host".into(), "compute 2.87").await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_servers_flavor_is_named_from_2_47_and_admins_see_its_host() {
    let stack = FakeStack::start(Spec::demo());
    stack.seed(
        "RegionOne",
        Kind::Flavor,
        "admin",
        json!({"id": "m1", "name": "m1.small", "ram": 2048, "vcpus": 2, "disk": 20}),
    );
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web", "flavor": "m1", "host": "cmp-7"}),
    );
    let r = stack.region_url("RegionOne");
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;
    let url = format!("{r}/compute/v2.1/servers/detail");
    let (_, old) = get_json(&url, &demo, &[("OpenStack-API-Version", "compute 2.46")]).await;
    let flavor = &old["servers"][0]["flavor"];
    assert_eq!(keys(flavor), ["id", "links"]);
    assert_eq!(flavor["id"], "m1");
    let (_, new) = get_json(&url, &demo, &[("OpenStack-API-Version", "compute 2.47")]).await;
    assert_eq!(new["servers"][0]["flavor"]["original_name"], "m1.small");
    assert!(new["servers"][0].get("OS-EXT-SRV-ATTR:host").is_none());
    let (_, all) = get_json(
        &format!("{url}?all_tenants=1"),
        &admin,
        &[("OpenStack-API-Version", "compute 2.47")],
    )
    .await;
    assert_eq!(all["servers"][0]["OS-EXT-SRV-ATTR:host"], "cmp-7");

    // `name` is a regular expression: an escaped, anchored name is exact.
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web.10", "flavor": "m1"}),
    );
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web.1", "flavor": "m1"}),
    );
    let named = |q: &'static str| {
        let (url, demo) = (url.clone(), demo.clone());
        async move {
            let (_, v) = get_json(&format!("{url}?name={q}"), &demo, &[]).await;
            let mut names: Vec<String> = v["servers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["name"].as_str().unwrap().to_string())
                .collect();
            names.sort();
            names
        }
    };
    assert_eq!(named("%5Eweb%5C.1%24").await, ["web.1"]);
    assert_eq!(named("web").await, ["web", "web.1", "web.10"]);
}
