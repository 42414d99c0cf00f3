//! `usage` from real quota usage and tenant usage.

use super::{Rest, clouds_yaml};
use crate::common::{Env, pairs};

#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn usage_reads_real_quota_usage_and_tenant_usage() {
    let env = Env::with_clouds(&clouds_yaml());
    let run = env.run(&[
        "--os-cloud",
        "mc-a-demo",
        "usage",
        "--start",
        "2026-01-01",
        "-f",
        "json",
    ]);
    run.assert_code(0);
    assert_eq!(
        run.sites(),
        pairs(&[("mc-a-demo", "RegionOne"), ("mc-a-demo", "RegionTwo")])
    );
    let demo = Rest::login("http://127.0.0.1:5000", "demo", "minicloud-demo", "demo");
    for (region, neutron) in [("RegionOne", 9696), ("RegionTwo", 9706)] {
        let row = run.row("mc-a-demo", region);
        assert_eq!(row["project_name"], "demo", "{row}");
        for key in [
            "servers",
            "vcpus",
            "ram_mb",
            "volumes",
            "volume_gb",
            "floating_ips",
            "ports",
        ] {
            assert!(row[key].is_i64(), "{key}: {row}");
        }
        for key in ["vcpu_hours", "ram_mb_hours", "disk_gb_hours"] {
            assert!(row[key].is_f64(), "{key}: {row}");
        }
        let (_, q) = demo.send(
            reqwest::Method::GET,
            &format!(
                "http://127.0.0.1:{neutron}/v2.0/quotas/{}/details.json",
                demo.project_id
            ),
            None,
        );
        assert_eq!(row["ports"], q["quota"]["port"]["used"], "{region}");
    }
    let text = env.run(&["--os-cloud", "mc-a-demo", "usage", "-f", "openmetrics"]);
    text.assert_code(0);
    assert!(
        text.stdout
            .contains("osprey_site_up{cloud=\"mc-a-demo\",region=\"RegionTwo\"} 1\n")
    );
}
