//! `health` against every real site and service.

use super::{clouds_yaml, demo_run};
use crate::common::Env;
use serde_json::Value;

/// The rows of `health -f json` for one site, service and check.
fn health_rows<'a>(
    out: &'a Value,
    cloud: &str,
    region: &str,
    service: &str,
    check: &str,
) -> Vec<&'a Value> {
    out.as_array()
        .expect("array")
        .iter()
        .filter(|r| {
            r["cloud"] == cloud
                && r["region"] == region
                && r["service"] == service
                && r["check"] == check
        })
        .collect()
}

/// `health` on every real site: the login, each version document
/// (`CURRENT`), one list per service; for the admin also Nova's and
/// Cinder's services and Neutron's agents, whose `ok` decides the exit.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn health_checks_every_real_site_and_service() {
    let env = Env::with_clouds(&clouds_yaml());
    let run = demo_run(&env, &["health", "-f", "json"]);
    run.assert_code(0);
    let out = run.json();
    for (cloud, region) in [
        ("mc-a-demo", "RegionOne"),
        ("mc-a-demo", "RegionTwo"),
        ("mc-b-demo", "RegionThree"),
    ] {
        let token = health_rows(&out, cloud, region, "identity", "token");
        assert_eq!(token.len(), 1, "{cloud}/{region}");
        for service in ["compute", "network", "image", "volume"] {
            let version = health_rows(&out, cloud, region, service, "version");
            assert_eq!(version.len(), 1, "{cloud}/{region} {service}: {out:#}");
            assert_eq!(version[0]["ok"], true, "{}", version[0]);
            assert_eq!(version[0]["status"], "CURRENT", "{}", version[0]);
            let list = health_rows(&out, cloud, region, service, "list");
            assert_eq!(list[0]["ok"], true, "{}", list[0]);
            assert!(list[0]["ms"].is_u64());
        }
        // The demo user may not list services: no rows, no failure.
        assert!(health_rows(&out, cloud, region, "compute", "services").is_empty());
    }

    let admin = env.run(&[
        "--os-cloud",
        "mc-a-admin,mc-b-admin",
        "health",
        "-f",
        "json",
    ]);
    let out = admin.json();
    let mut all_ok = true;
    for (cloud, region) in [("mc-a-admin", "RegionOne"), ("mc-b-admin", "RegionThree")] {
        for (service, check) in [
            ("compute", "services"),
            ("network", "agents"),
            ("volume", "services"),
        ] {
            let rows = health_rows(&out, cloud, region, service, check);
            assert_eq!(rows.len(), 1, "{cloud}/{region} {service} {check}: {out:#}");
            assert!(rows[0]["down"].is_u64(), "{}", rows[0]);
        }
    }
    for row in out.as_array().unwrap() {
        all_ok &= row["ok"] == true;
    }
    admin.assert_code(if all_ok { 0 } else { 2 });
}

/// One region's Glance on a closed port (an endpoint override): that
/// site fails, exit 2, and every other site's rows are still there.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn health_with_a_closed_real_endpoint_fails_only_its_site() {
    // A port that was free a moment ago: nothing listens there.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let yaml = format!(
        "{}\n  mc-a-closed:\n    auth:\n      auth_url: http://127.0.0.1:5000/v3\n      \
         username: demo\n      password: minicloud-demo\n      project_name: demo\n      \
         user_domain_name: Default\n      project_domain_name: Default\n    \
         region_name: RegionOne\n    regions:\n      - RegionOne\n      - name: RegionTwo\n        \
         values:\n          image_endpoint_override: http://127.0.0.1:{closed}\n",
        clouds_yaml().trim_end()
    );
    let env = Env::with_clouds(&yaml);
    let run = env.run(&[
        "--os-cloud",
        "mc-a-closed,mc-b-demo",
        "health",
        "-f",
        "json",
    ]);
    run.assert_code(2);
    let out = run.json();
    let broken = health_rows(&out, "mc-a-closed", "RegionTwo", "image", "version");
    assert_eq!(broken[0]["ok"], false, "{}", broken[0]);
    assert_eq!(
        health_rows(&out, "mc-a-closed", "RegionTwo", "compute", "list")[0]["ok"],
        true
    );
    for (cloud, region) in [("mc-a-closed", "RegionOne"), ("mc-b-demo", "RegionThree")] {
        for row in out
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["cloud"] == cloud && r["region"] == region)
        {
            assert_eq!(row["ok"], true, "{row}");
        }
    }
    assert!(
        run.stderr
            .contains("error: mc-a-closed/RegionTwo: image version: "),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("RegionThree"), "{}", run.stderr);
}
