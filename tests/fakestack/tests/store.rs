//! Cinder volumes, the resource test API and its control API twin.

mod common;

use common::{auth, call, client, get_json, password_body, token};
use fakestack::{FakeStack, Kind, Spec};
use reqwest::StatusCode;
use serde_json::{Value, json};

const KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIV5pVOBmgC/VmSpYq7Clh1m+9JKKzXlkD6MaVuDQssc root@vm";

#[tokio::test]
async fn volumes_are_created_listed_and_counted() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionThree");
    let ks = stack.keystone_url("fake-b");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;
    let project = stack.project_id("fake-b", "demo");
    let url = format!("{r}/volume/v3/{project}/volumes");

    let body = json!({"volume": {"size": 3, "name": "data", "volume_type": "ssd"}});
    let (status, v) = call("POST", &url, &demo, &[], Some(&body)).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(v["volume"]["status"], "creating");
    let id = v["volume"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        v["volume"]["links"][0]["href"],
        format!("{url}/{id}").as_str()
    );
    let (_, v) = get_json(&format!("{url}/{id}"), &demo, &[]).await;
    assert_eq!(v["volume"]["status"], "available");
    assert_eq!(v["volume"]["volume_type"], "ssd");
    assert_eq!(
        v["volume"]["os-vol-tenant-attr:tenant_id"],
        project.as_str()
    );
    assert!(
        v["volume"].get("os-vol-host-attr:host").is_none(),
        "admin only"
    );
    assert!(v["volume"].get("group_id").is_none(), "from 3.13");
    let (_, v) = get_json(
        &format!("{url}/{id}"),
        &demo,
        &[("OpenStack-API-Version", "volume 3.65")],
    )
    .await;
    assert_eq!(v["volume"]["consumes_quota"], true);

    let (status, v) = call(
        "POST",
        &url,
        &demo,
        &[],
        Some(&json!({"volume": {"size": 1, "volume_type": "gold"}})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        v["itemNotFound"]["message"],
        "Volume type with name gold could not be found."
    );
    let (status, v) = call(
        "POST",
        &url,
        &demo,
        &[],
        Some(&json!({"volume": {"size": 2000}})),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        v["overLimit"]["message"],
        "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 2000G, quota is 1000G and 253G has been consumed."
    );

    let admin_url = format!("{r}/volume/v3/volumes/detail");
    let (_, v) = get_json(&admin_url, &admin, &[]).await;
    assert_eq!(v["volumes"], json!([]), "the admin's own project");
    let (_, v) = get_json(&format!("{admin_url}?all_tenants=1"), &admin, &[]).await;
    assert_eq!(
        v["volumes"][0]["os-vol-host-attr:host"],
        "fakestack@lvm#lvm"
    );

    // Usage: RegionThree's demo had volumes 5, gigabytes 250, ssd 3 / 200 set.
    let quota = format!("{r}/volume/v3/{project}/os-quota-sets/{project}?usage=true");
    let (_, v) = get_json(&quota, &demo, &[]).await;
    assert_eq!(v["quota_set"]["volumes"]["in_use"], 6);
    assert_eq!(v["quota_set"]["gigabytes"]["in_use"], 253);
    assert_eq!(v["quota_set"]["gigabytes_ssd"]["in_use"], 203);

    let (status, _) = call("DELETE", &format!("{url}/{id}"), &demo, &[], None).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (status, v) = get_json(&format!("{url}/{id}"), &demo, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        v["itemNotFound"]["message"],
        format!("Volume {id} could not be found.").as_str()
    );
}

#[test]
fn the_test_api_seeds_reads_and_removes() {
    let stack = FakeStack::start(Spec::demo());
    let key = stack.seed(
        "RegionOne",
        Kind::Keypair,
        "demo",
        json!({"name": "k", "public_key": KEY}),
    );
    assert_eq!(
        key.user_id.as_deref(),
        Some(stack.user_id("fake-a", "demo").as_str())
    );
    assert_eq!(
        key.project_id.as_deref(),
        Some(stack.project_id("fake-a", "demo").as_str())
    );
    assert_eq!(
        key.body["fingerprint"],
        "91:3a:12:9d:16:00:9b:88:ac:25:4c:9a:17:0a:ab:bc"
    );
    let admins = stack.seed(
        "RegionOne",
        Kind::Keypair,
        "demo",
        json!({"name": "k", "public_key": KEY, "user_id": "admin"}),
    );
    assert_ne!(admins.id, key.id, "same name, another user");
    assert_eq!(
        stack.try_seed(
            "RegionOne",
            Kind::Keypair,
            "demo",
            json!({"name": "k", "public_key": KEY})
        ),
        Err("Key pair 'k' already exists.".to_owned())
    );
    assert_eq!(stack.resources("RegionOne", Kind::Keypair).len(), 2);
    assert!(
        stack.resources("RegionTwo", Kind::Keypair).is_empty(),
        "regions are separate"
    );
    assert_eq!(
        stack
            .resource("RegionOne", Kind::Keypair, &key.id)
            .unwrap()
            .body["name"],
        "k"
    );
    assert!(stack.remove_resource("RegionOne", Kind::Keypair, &key.id));
    assert!(!stack.remove_resource("RegionOne", Kind::Keypair, &key.id));

    let image = stack.seed("RegionTwo", Kind::Image, "demo", json!({"name": "seeded"}));
    stack.set_image_data("RegionTwo", &image.id, b"hello".to_vec());
    let image = stack.resource("RegionTwo", Kind::Image, &image.id).unwrap();
    assert_eq!(image.body["checksum"], "5d41402abc4b2a76b9719d911017c592");
    assert_eq!(image.body["status"], "active");
    assert_eq!(Kind::parse("floating_ip"), Some(Kind::FloatingIp));
    assert_eq!(Kind::SecurityGroupRule.name(), "security_group_rule");
}

#[tokio::test]
async fn added_projects_scope_tokens_and_own_resources() {
    let stack = FakeStack::start(Spec::demo());
    let p2 = stack.add_project("fake-a", "p2");
    stack.seed("RegionOne", Kind::Network, "p2", json!({"name": "p2-net"}));
    stack.seed(
        "RegionOne",
        Kind::Network,
        "demo",
        json!({"name": "demo-net"}),
    );
    let ks = stack.keystone_url("fake-a");
    let (status, tok, v) = auth(&ks, &password_body("demo", "fake-demo", Some("p2"))).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(v["token"]["project"]["id"], p2.as_str());
    let tok = tok.unwrap();
    let r = stack.region_url("RegionOne");
    let (_, v) = get_json(&format!("{r}/network/v2.0/networks"), &tok, &[]).await;
    let names: Vec<&str> = v["networks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["p2-net"],
        "a member sees its own project's networks only"
    );
}

#[tokio::test]
async fn the_control_api_seeds_and_reads_too() {
    let stack = FakeStack::start(Spec::demo());
    let c = stack.control_url();
    let http = client();

    let v: Value = http
        .get(format!("{c}/kinds"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let keypair = v
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "keypair")
        .unwrap();
    assert_eq!(keypair["path"], "/compute/v2.1/os-keypairs");
    assert_eq!(keypair["key"], "name");
    assert_eq!(keypair["paging"], "nova");

    let seed = json!({"region": "RegionOne", "kind": "keypair", "project": "demo",
        "body": {"name": "ctl", "public_key": KEY}});
    let resp = http
        .post(format!("{c}/resources"))
        .json(&seed)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    let made: Value = resp.json().await.unwrap();
    assert_eq!(
        made["body"]["fingerprint"],
        "91:3a:12:9d:16:00:9b:88:ac:25:4c:9a:17:0a:ab:bc"
    );
    let resp = http
        .post(format!("{c}/resources"))
        .json(&seed)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        resp.json::<Value>().await.unwrap()["error"],
        "Key pair 'ctl' already exists."
    );

    let list = format!("{c}/resources?region=RegionOne&kind=keypair");
    let v: Value = http.get(&list).send().await.unwrap().json().await.unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    let id = made["id"].as_str().unwrap();
    let resp = http.delete(format!("{list}&id={id}")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let resp = http.get(format!("{list}&id={id}")).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let resp = http
        .get(format!("{c}/resources?region=RegionOne&kind=gadget"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);

    let resp = http
        .post(format!("{c}/projects"))
        .json(&json!({"cloud": "fake-b", "name": "extra"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    let project: Value = resp.json().await.unwrap();
    let image = json!({"region": "RegionThree", "kind": "image", "project": project["id"], "body": {"name": "img"}});
    let made: Value = http
        .post(format!("{c}/resources"))
        .json(&image)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let data = format!(
        "{c}/image_data?region=RegionThree&id={}",
        made["id"].as_str().unwrap()
    );
    let resp = http
        .put(&data)
        .body(vec![7u8; 3 << 20])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let back = http.get(&data).send().await.unwrap().bytes().await.unwrap();
    assert_eq!(back.len(), 3 << 20);
}

#[test]
fn copies_of_a_seeded_port_are_listed_like_it() {
    let stack = FakeStack::start(Spec::demo());
    let net = stack.seed("RegionOne", Kind::Network, "demo", json!({"name": "n"}));
    stack.seed(
        "RegionOne",
        Kind::Subnet,
        "demo",
        json!({"network_id": net.id, "cidr": "10.0.0.0/16", "ip_version": 4}),
    );
    let port = stack.seed(
        "RegionOne",
        Kind::Port,
        "demo",
        json!({"network_id": net.id}),
    );
    let ids = stack.seed_copies("RegionOne", Kind::Port, &port.id, 3, |i, body| {
        body["fixed_ips"][0]["ip_address"] = json!(format!("10.0.1.{i}"));
        body["mac_address"] = json!(format!("fa:16:3e:00:01:{i:02x}"));
    });
    assert_eq!(ids.len(), 3);
    let ports = stack.resources("RegionOne", Kind::Port);
    assert_eq!(ports.len(), 4);
    let copy = stack.resource("RegionOne", Kind::Port, &ids[2]).unwrap();
    assert_eq!(copy.body["id"], ids[2].as_str());
    assert_eq!(copy.body["fixed_ips"][0]["ip_address"], "10.0.1.2");
    assert_eq!(copy.body["network_id"], net.id.as_str());
}
