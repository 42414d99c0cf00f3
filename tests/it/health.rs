//! End-to-end: `osprey health` against fakestack: every check per site and
//! service, a closed endpoint failing only its site, the admin's service
//! and agent states, and a site without Cinder.

use crate::common::{admins, both, demo};
use fakestack::Kind;
use serde_json::{Value, json};

/// The rows of one site, check and service.
fn rows<'a>(out: &'a Value, region: &str, service: &str, check: &str) -> Vec<&'a Value> {
    out.as_array()
        .expect("array")
        .iter()
        .filter(|r| r["region"] == region && r["service"] == service && r["check"] == check)
        .collect()
}

fn one<'a>(out: &'a Value, region: &str, service: &str, check: &str) -> &'a Value {
    match rows(out, region, service, check).as_slice() {
        [r] => r,
        other => panic!("{region} {service} {check}: {other:?}"),
    }
}

#[test]
fn every_site_and_service_is_checked() {
    let (_stack, env) = demo();
    let run = both(&env, &["health", "-f", "json"]);
    run.assert_code(0);
    let out = run.json();
    for region in ["RegionOne", "RegionTwo", "RegionThree"] {
        let token = one(&out, region, "identity", "token");
        assert_eq!(token["ok"], true, "{token}");
        assert_eq!(token["status"], "issued");
        for service in ["compute", "network", "image", "volume"] {
            let version = one(&out, region, service, "version");
            assert_eq!(version["ok"], true, "{version}");
            assert_eq!(version["status"], "CURRENT", "{version}");
            assert!(version["ms"].is_u64());
            let list = one(&out, region, service, "list");
            assert_eq!(list["ok"], true, "{list}");
            assert!(list["ms"].is_u64());
        }
        assert!(
            one(&out, region, "compute", "version")["detail"]
                .as_str()
                .unwrap()
                .starts_with("v2.1 max 2.")
        );
        // The demo user may not list services: no such rows, no failure.
        assert!(rows(&out, region, "compute", "services").is_empty());
    }
    // `cloud` and `region` lead every row; the keys are the contract.
    let keys: Vec<&String> = out[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "cloud", "region", "service", "check", "ok", "ms", "status", "down", "detail"
        ]
    );
}

#[test]
fn a_closed_endpoint_fails_its_site_and_the_others_are_still_shown() {
    let (stack, env) = demo();
    stack.set_endpoint("RegionTwo", "image", Some(&stack.closed_url()));
    let run = both(&env, &["health", "-f", "json"]);
    run.assert_code(2);
    let out = run.json();
    let broken = one(&out, "RegionTwo", "image", "version");
    assert_eq!(broken["ok"], false, "{broken}");
    assert!(!broken["detail"].as_str().unwrap().is_empty());
    // Nothing more is asked of a service whose version document failed.
    assert!(rows(&out, "RegionTwo", "image", "list").is_empty());
    assert_eq!(one(&out, "RegionTwo", "compute", "list")["ok"], true);
    for region in ["RegionOne", "RegionThree"] {
        assert_eq!(one(&out, region, "image", "version")["ok"], true);
        assert_eq!(one(&out, region, "image", "list")["ok"], true);
    }
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(
        errors[0].starts_with("error: fake-a/RegionTwo: image version: "),
        "{}",
        run.stderr
    );
}

#[test]
fn admins_see_services_and_agents_that_are_down_or_disabled() {
    let (stack, env) = demo();
    stack.seed(
        "RegionOne",
        Kind::ComputeService,
        "admin",
        json!({"host": "cmp-1"}),
    );
    stack.seed(
        "RegionOne",
        Kind::ComputeService,
        "admin",
        json!({"host": "cmp-2", "state": "down"}),
    );
    stack.seed(
        "RegionTwo",
        Kind::VolumeService,
        "admin",
        json!({"host": "vol-1@lvm", "status": "disabled", "disabled_reason": "maintenance"}),
    );
    stack.seed(
        "RegionThree",
        Kind::NetworkAgent,
        "admin",
        json!({"host": "net-1", "alive": false}),
    );
    let run = admins(&env, &["health", "-f", "json"]);
    run.assert_code(2);
    let out = run.json();
    let nova = one(&out, "RegionOne", "compute", "services");
    assert_eq!(nova["ok"], false, "{nova}");
    assert_eq!(nova["down"], 1);
    assert_eq!(nova["detail"], "nova-compute@cmp-2 down");
    // Disabled is an operator's choice: named and counted, not a failure.
    let cinder = one(&out, "RegionTwo", "volume", "services");
    assert_eq!(cinder["ok"], true, "{cinder}");
    assert_eq!(cinder["down"], 1);
    assert_eq!(
        cinder["detail"],
        "cinder-volume@vol-1@lvm disabled (maintenance)"
    );
    let agents = one(&out, "RegionThree", "network", "agents");
    assert_eq!(agents["ok"], false, "{agents}");
    assert_eq!(agents["detail"], "neutron-openvswitch-agent@net-1 down");
    // Nothing seeded: an empty list is healthy.
    let empty = one(&out, "RegionTwo", "compute", "services");
    assert_eq!(
        (empty["ok"].clone(), empty["down"].clone()),
        (json!(true), json!(0))
    );
    assert!(
        run.stderr.contains(
            "error: fake-a-admin/RegionOne: compute services down: nova-compute@cmp-2 down"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("RegionTwo"), "{}", run.stderr);
}

#[test]
fn a_site_without_cinder_shows_it_absent_and_passes() {
    let (stack, env) = demo();
    stack.set_endpoint("RegionTwo", "block-storage", None);
    stack.set_endpoint("RegionTwo", "volumev3", None);
    let run = both(&env, &["health", "-f", "json"]);
    run.assert_code(0);
    let out = run.json();
    let absent = one(&out, "RegionTwo", "volume", "catalog");
    assert_eq!(absent["ok"], true);
    assert_eq!(absent["status"], "absent");
    assert!(rows(&out, "RegionTwo", "volume", "list").is_empty());
    assert_eq!(one(&out, "RegionOne", "volume", "list")["ok"], true);
}
