//! `ip scan`, `find` and `free` against real Neutrons.

use super::clouds_yaml;
use crate::common::{self, Env};
use serde_json::{Value, json};

/// Neutron of one minicloud region, as one login; remembers what it made
/// and deletes it, newest first, when dropped.
struct Neutron {
    url: String,
    token: String,
    made: std::cell::RefCell<Vec<String>>,
}

impl Neutron {
    fn new(port: u16, keystone: &str, user: &str, password: &str, project: &str) -> (Self, String) {
        let login = common::login(&format!("{keystone}/v3"), user, password, project);
        let n = Neutron {
            url: format!("http://127.0.0.1:{port}/v2.0"),
            token: login.token,
            made: std::cell::RefCell::new(Vec::new()),
        };
        (n, login.project_id)
    }

    /// POSTs `{kind: body}` to `/{path}` and returns the created object.
    fn create(&self, path: &str, kind: &str, body: Value) -> Value {
        let resp = reqwest::blocking::Client::new()
            .post(format!("{}/{path}", self.url))
            .header("x-auth-token", &self.token)
            .json(&json!({ kind: body }))
            .send()
            .unwrap();
        let status = resp.status().as_u16();
        let v: Value = resp.json().unwrap();
        assert_eq!(status, 201, "POST {path}: {v}");
        let made = v[kind].clone();
        self.made
            .borrow_mut()
            .push(format!("{path}/{}", made["id"].as_str().unwrap()));
        made
    }

    fn clean(&self) {
        for path in self.made.borrow_mut().drain(..).rev() {
            let _ = reqwest::blocking::Client::new()
                .delete(format!("{}/{path}", self.url))
                .header("x-auth-token", &self.token)
                .send();
        }
    }
}

impl Drop for Neutron {
    fn drop(&mut self) {
        self.clean();
    }
}

#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn ip_scan_finds_each_conflict_between_two_clouds() {
    let env = Env::with_clouds(&clouds_yaml());
    let tag = format!("osprey-rt-ip-{}", std::process::id());
    let (a, a_project) = Neutron::new(
        9696,
        "http://127.0.0.1:5000",
        "demo",
        "minicloud-demo",
        "demo",
    );
    let (b, b_project) = Neutron::new(
        9716,
        "http://127.0.0.1:5001",
        "demo",
        "minicloud-demo",
        "demo",
    );
    let (a_admin, _) = Neutron::new(
        9696,
        "http://127.0.0.1:5000",
        "admin",
        "minicloud-admin",
        "admin",
    );
    let (b_admin, _) = Neutron::new(
        9716,
        "http://127.0.0.1:5001",
        "admin",
        "minicloud-admin",
        "admin",
    );
    // Project networks with the same IPv4 and IPv6 ranges in both clouds,
    // a fixed IP used in both, and one MAC in both.
    let mut mac = String::new();
    for n in [&a, &b] {
        let net = n.create("networks", "network", json!({"name": tag}));
        let v4 = n.create(
            "subnets",
            "subnet",
            json!({"network_id": net["id"], "cidr": "10.77.0.0/24", "ip_version": 4, "name": tag}),
        );
        n.create(
            "subnets",
            "subnet",
            json!({"network_id": net["id"], "cidr": "fd77::/64", "ip_version": 6, "name": tag}),
        );
        let port = n.create(
            "ports",
            "port",
            json!({"network_id": net["id"], "fixed_ips": [{"subnet_id": v4["id"], "ip_address": "10.77.0.10"}]}),
        );
        if mac.is_empty() {
            mac = port["mac_address"].as_str().unwrap().to_string();
        } else {
            n.create(
                "ports",
                "port",
                json!({"network_id": net["id"], "mac_address": mac, "fixed_ips": [{"subnet_id": v4["id"]}]}),
            );
        }
    }
    // The same public range in both, and a floating IP of each project at
    // the same address.
    for (admin, project) in [(&a_admin, &a_project), (&b_admin, &b_project)] {
        let ext = admin.create(
            "networks",
            "network",
            json!({"name": tag, "router:external": true,
                   "provider:network_type": "flat", "provider:physical_network": "public"}),
        );
        admin.create(
            "subnets",
            "subnet",
            json!({"network_id": ext["id"], "cidr": "198.51.100.0/24", "ip_version": 4, "name": tag}),
        );
        admin.create(
            "floatingips",
            "floatingip",
            json!({"floating_network_id": ext["id"], "project_id": project,
                   "floating_ip_address": "198.51.100.50"}),
        );
    }
    // The same VLAN on the same physical network: seen by the admins.
    for admin in [&a_admin, &b_admin] {
        admin.create(
            "networks",
            "network",
            json!({"name": format!("{tag}-vlan"), "provider:network_type": "vlan",
                   "provider:physical_network": "physnet1", "provider:segmentation_id": 150}),
        );
    }

    let demo = ["--os-cloud", "mc-a-demo,mc-b-demo"];
    let scan = env.run(&[&demo[..], &["ip", "scan", "-f", "json"]].concat());
    scan.assert_code(1);
    let found = scan.json();
    let found = found.as_array().unwrap();
    let between = |kind: &str, address: &str| {
        found.iter().any(|r| {
            r["kind"] == kind
                && r["address"] == address
                && r["severity"] == "error"
                && r["region"] == "RegionOne"
                && r["peer_region"] == "RegionThree"
        })
    };
    for (kind, address) in [
        ("overlap", "10.77.0.0/24"),
        ("overlap", "fd77::/64"),
        ("duplicate_ip", "10.77.0.10"),
        ("duplicate_mac", mac.as_str()),
        ("duplicate_public", "198.51.100.0/24"),
        ("duplicate_public", "198.51.100.50"),
    ] {
        assert!(between(kind, address), "no {kind} {address} in {found:#?}");
    }
    let admins = ["--os-cloud", "mc-a-admin,mc-b-admin"];
    let seg = env.run(&[&admins[..], &["ip", "scan", "--all-projects", "-f", "json"]].concat());
    seg.assert_code(1);
    assert!(
        seg.json()
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "duplicate_segment" && r["address"] == "vlan 150 on physnet1"),
        "{}",
        seg.stdout
    );

    // The demo projects' floating IPs: each sees its own, and the admins
    // see them only with --all-projects (their own project has none).
    let addresses = |out: &crate::common::Run| -> Vec<(String, String)> {
        let rows = out.json();
        let mut found: Vec<(String, String)> = rows
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["address"] == "198.51.100.50")
            .map(|r| {
                (
                    r["cloud"].as_str().unwrap().into(),
                    r["region"].as_str().unwrap().into(),
                )
            })
            .collect();
        found.sort();
        found
    };
    let own = env.run(&[&demo[..], &["floating", "list", "-f", "json"]].concat());
    own.assert_code(0);
    assert_eq!(
        addresses(&own),
        [
            ("mc-a-demo".to_string(), "RegionOne".to_string()),
            ("mc-b-demo".to_string(), "RegionThree".to_string())
        ]
    );
    let theirs = env.run(&[&admins[..], &["floating", "list", "-f", "json"]].concat());
    theirs.assert_code(0);
    assert!(addresses(&theirs).is_empty(), "{}", theirs.stdout);
    let every = env.run(
        &[
            &admins[..],
            &["floating", "list", "--all-projects", "-f", "json"],
        ]
        .concat(),
    );
    every.assert_code(0);
    assert_eq!(addresses(&every).len(), 2, "{}", every.stdout);

    // find and free.
    let hits = env.run(&[&demo[..], &["ip", "find", "10.77.0.10", "-f", "json"]].concat());
    hits.assert_code(0);
    let regions: Vec<(String, String)> = hits
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().into(),
                r["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    for want in [
        ("RegionOne", "fixed"),
        ("RegionThree", "fixed"),
        ("RegionOne", "subnet"),
    ] {
        assert!(
            regions.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} in {regions:?}"
        );
    }
    let by_mac = env.run(
        &[
            &demo[..],
            &["ip", "find", &mac.to_uppercase(), "-f", "json"],
        ]
        .concat(),
    );
    assert_eq!(
        by_mac.json().as_array().unwrap().len(),
        2,
        "{}",
        by_mac.stdout
    );
    let free = env.run(
        &[
            &demo[..],
            &[
                "ip",
                "free",
                "--prefix-length",
                "24",
                "--within",
                "10.77.0.0/23",
                "-f",
                "json",
            ],
        ]
        .concat(),
    );
    assert_eq!(free.json()[0]["cidr"], "10.77.1.0/24");

    // Cleaned up, the same estate scans clean.
    for n in [&a, &b, &a_admin, &b_admin] {
        n.clean();
    }
    let clean = env.run(&[&demo[..], &["ip", "scan"]].concat());
    clean.assert_code(0);
}
