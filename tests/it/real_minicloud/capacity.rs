//! `capacity` against a real Placement.

use super::{Rest, clouds_yaml};
use crate::common::Env;
use serde_json::{Value, json};

/// A resource provider made through Placement's admin API, with an
/// allocation against it; both removed when dropped.
struct SeededProvider<'a> {
    rest: &'a Rest,
    placement: String,
    uuid: String,
    consumer: String,
}

impl<'a> SeededProvider<'a> {
    fn placement(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self
            .rest
            .client
            .request(method, format!("{}{path}", self.placement))
            .header("x-auth-token", &self.rest.token)
            .header("openstack-api-version", "placement 1.28");
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    fn create(rest: &'a Rest, placement: &str, name: &str) -> Self {
        let mut p = SeededProvider {
            rest,
            placement: placement.to_string(),
            uuid: String::new(),
            consumer: String::new(),
        };
        let (status, v) = p.placement(
            reqwest::Method::POST,
            "/resource_providers",
            Some(json!({"name": name})),
        );
        assert_eq!(status, 200, "{v}");
        p.uuid = v["uuid"].as_str().unwrap().to_string();
        let inventories = json!({"resource_provider_generation": v["generation"], "inventories": {
            "VCPU": {"total": 16, "reserved": 2, "allocation_ratio": 4.0},
            "MEMORY_MB": {"total": 8192, "reserved": 512, "allocation_ratio": 1.5},
            "DISK_GB": {"total": 100, "allocation_ratio": 1.0}}});
        let path = format!("/resource_providers/{}/inventories", p.uuid);
        let (status, v) = p.placement(reqwest::Method::PUT, &path, Some(inventories));
        assert_eq!(status, 200, "{v}");
        // A consumer's allocation: what Placement then reports as used.
        p.consumer = "2d4b5f0e-0c1a-4a63-9f1e-6b9a0d1c0fee".to_string();
        let alloc = json!({"allocations": {p.uuid.clone(): {"resources": {"VCPU": 3, "MEMORY_MB": 1024}}},
            "project_id": rest.project_id, "user_id": rest.project_id, "consumer_generation": null});
        let path = format!("/allocations/{}", p.consumer);
        let (status, v) = p.placement(reqwest::Method::PUT, &path, Some(alloc));
        assert_eq!(status, 204, "{v}");
        p
    }
}

impl Drop for SeededProvider<'_> {
    fn drop(&mut self) {
        if !self.consumer.is_empty() {
            self.placement(
                reqwest::Method::DELETE,
                &format!("/allocations/{}", self.consumer),
                None,
            );
        }
        if !self.uuid.is_empty() {
            self.placement(
                reqwest::Method::DELETE,
                &format!("/resource_providers/{}", self.uuid),
                None,
            );
        }
    }
}

/// `capacity -f json` of mc-a-admin as (region, resource) → (capacity, used).
fn capacities(env: &Env) -> std::collections::BTreeMap<(String, String), (i64, i64)> {
    let run = env.run(&["--os-cloud", "mc-a-admin", "capacity", "-f", "json"]);
    run.assert_code(0);
    run.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(r["source"], "placement", "{r}");
            (
                (
                    r["region"].as_str().unwrap().to_string(),
                    r["resource"].as_str().unwrap().to_string(),
                ),
                (r["capacity"].as_i64().unwrap(), r["used"].as_i64().unwrap()),
            )
        })
        .collect()
}

#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn capacity_sums_a_real_placement() {
    let env = Env::with_clouds(&clouds_yaml());
    let admin = Rest::login("http://127.0.0.1:5000", "admin", "minicloud-admin", "admin");
    let before = capacities(&env);
    let seeded = SeededProvider::create(&admin, "http://127.0.0.1:8788", "osprey-rt-capacity");
    let after = capacities(&env);
    let delta = |region: &str, class: &str| {
        let key = (region.to_string(), class.to_string());
        let (c0, u0) = before[&key];
        let (c1, u1) = after[&key];
        (c1 - c0, u1 - u0)
    };
    // (16 − 2) × 4; (8192 − 512) × 1.5; 100 × 1.
    assert_eq!(delta("RegionTwo", "VCPU"), (56, 3));
    assert_eq!(delta("RegionTwo", "MEMORY_MB"), (11520, 1024));
    assert_eq!(delta("RegionTwo", "DISK_GB"), (100, 0));
    // RegionOne's Placement is another one.
    assert_eq!(delta("RegionOne", "VCPU"), (0, 0));

    let text = env.run(&["--os-cloud", "mc-a-admin", "capacity", "-f", "openmetrics"]);
    text.assert_code(0);
    let line = format!(
        "osprey_capacity_total{{cloud=\"mc-a-admin\",region=\"RegionTwo\",resource=\"VCPU\"}} {}\n",
        after[&("RegionTwo".to_string(), "VCPU".to_string())].0
    );
    assert!(text.stdout.contains(&line), "{}", text.stdout);
    assert!(text.stdout.ends_with("# EOF\n"));
    drop(seeded);
    assert_eq!(capacities(&env), before);

    let refused = env.run(&["--os-cloud", "mc-a-demo", "capacity"]);
    refused.assert_code(2);
    assert!(
        refused
            .stderr
            .contains("osprey capacity needs the admin role"),
        "{}",
        refused.stderr
    );
}
