//! `usage`, `capacity` and `-f openmetrics` (issue 18) against fakestack;
//! the OpenMetrics text is read back by a real parser (`openmetrics-parser`).

use crate::common::{ADMINS, admins, both, demo};
use fakestack::{Fault, FaultKind, Kind, Target};
use openmetrics_parser::openmetrics::parse_openmetrics;
use openmetrics_parser::{LabelSet, OpenMetricsValue};
use serde_json::json;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One parsed sample: its family, labels and value.
#[derive(Debug, Clone)]
struct Sample {
    family: String,
    labels: BTreeMap<String, String>,
    value: f64,
}

/// Parses OpenMetrics text (the parser checks `# TYPE`, `# EOF`, label
/// escaping and one label set per family) into samples.
fn parse(text: &str) -> Vec<Sample> {
    assert!(text.ends_with("# EOF\n"), "{text}");
    let exposition = parse_openmetrics(text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    let mut out = Vec::new();
    for (name, family) in &exposition.families {
        assert!(!family.help.is_empty(), "{name} has no HELP");
        let names = Arc::new(family.get_label_names().to_vec());
        for s in family.iter_samples() {
            let set = LabelSet::new(names.clone(), s).unwrap();
            let labels = names
                .iter()
                .map(|n| (n.clone(), set.get_label_value(n).unwrap().to_string()))
                .collect();
            let value = match &s.value {
                OpenMetricsValue::Gauge(n) => n.as_f64(),
                other => panic!("{name}: not a gauge: {other:?}"),
            };
            out.push(Sample {
                family: name.clone(),
                labels,
                value,
            });
        }
    }
    out
}

/// The value of `family` whose labels include `want`.
#[track_caller]
fn value(samples: &[Sample], family: &str, want: &[(&str, &str)]) -> f64 {
    let found: Vec<&Sample> = samples
        .iter()
        .filter(|s| {
            s.family == family
                && want
                    .iter()
                    .all(|(k, v)| s.labels.get(*k).map(String::as_str) == Some(*v))
        })
        .collect();
    assert_eq!(found.len(), 1, "{family} {want:?}: {found:?}");
    found[0].value
}

fn server(stack: &fakestack::FakeStack, region: &str, name: &str, status: &str, vcpus: i64) {
    stack.seed(
        region,
        Kind::Server,
        "demo",
        json!({"name": name, "status": status,
               "flavor": {"vcpus": vcpus, "ram": 2048, "disk": 10, "original_name": "m1"},
               "launched_at": "2026-10-01T00:00:00.000000"}),
    );
}

#[test]
fn usage_per_site_and_in_total() {
    let (stack, env) = demo();
    server(&stack, "RegionOne", "a", "ACTIVE", 2);
    server(&stack, "RegionOne", "b", "ACTIVE", 1);
    server(&stack, "RegionOne", "c", "SHUTOFF", 1);
    server(&stack, "RegionThree", "d", "ACTIVE", 4);
    let period = ["--start", "2026-11-01", "--end", "2026-11-02T00:00:00Z"];
    let run = both(&env, &[&["usage", "-f", "json"][..], &period].concat());
    run.assert_code(0);
    let one = run.row("fake-a", "RegionOne");
    assert_eq!(one["servers"], 3);
    assert_eq!(one["servers_by_status"], json!({"ACTIVE": 2, "SHUTOFF": 1}));
    // The demo's quota usage (cores 8) plus what the seeded servers hold.
    assert_eq!(one["vcpus"], 8 + 4);
    assert_eq!(one["volumes"], 3);
    assert_eq!(one["volume_gb"], 60);
    assert_eq!(one["floating_ips"], 1);
    assert_eq!(one["ports"], 12);
    // A whole day of 4 vCPUs, 6 GiB and 30 GB of disk.
    assert_eq!(one["vcpu_hours"], 96.0);
    assert_eq!(one["ram_mb_hours"], 3.0 * 2048.0 * 24.0);
    assert_eq!(one["disk_gb_hours"], 3.0 * 10.0 * 24.0);
    assert_eq!(one["start"], "2026-11-01T00:00:00Z");
    let two = run.row("fake-a", "RegionTwo");
    assert_eq!(
        (two["servers"].clone(), two["vcpu_hours"].clone()),
        (json!(0), json!(0.0))
    );
    assert_eq!(run.row("fake-b", "RegionThree")["vcpu_hours"], 96.0);
    let sent = stack
        .requests()
        .into_iter()
        .find(|r| r.path.contains("os-simple-tenant-usage"))
        .unwrap();
    assert_eq!(
        sent.query.as_deref(),
        Some("start=2026-11-01T00%3A00%3A00&end=2026-11-02T00%3A00%3A00")
    );

    let table = both(&env, &[&["usage"][..], &period].concat());
    table.assert_code(0);
    let total = table
        .stdout
        .lines()
        .find(|l| l.contains("| total"))
        .unwrap_or_else(|| panic!("{}", table.stdout));
    assert!(total.contains("192"), "{total}");

    let text = both(
        &env,
        &[&["usage", "-f", "openmetrics"][..], &period].concat(),
    );
    text.assert_code(0);
    let m = parse(&text.stdout);
    let at = |region| [("cloud", "fake-a"), ("region", region), ("project", "demo")];
    assert_eq!(value(&m, "osprey_usage_vcpu_hours", &at("RegionOne")), 96.0);
    let shutoff = [("region", "RegionOne"), ("status", "SHUTOFF")];
    assert_eq!(value(&m, "osprey_usage_servers", &shutoff), 1.0);
    assert_eq!(value(&m, "osprey_site_up", &[("region", "RegionTwo")]), 1.0);
    // No sums: one sample per site.
    assert_eq!(
        m.iter()
            .filter(|s| s.family == "osprey_usage_ports")
            .count(),
        3
    );
}

#[test]
fn a_bad_date_names_the_forms_before_any_request() {
    let (stack, env) = demo();
    for bad in ["2026-11-31x", "last week"] {
        let run = both(&env, &["usage", "--start", bad]);
        run.assert_code(2);
        assert_eq!(
            run.stderr,
            format!(
                "error: --start {bad}: not a date\nhint: use YYYY-MM-DD (UTC midnight) or RFC 3339, e.g. 2026-11-01 or 2026-11-01T12:00:00Z\n"
            )
        );
    }
    assert!(stack.requests().is_empty());
}

#[test]
fn capacity_from_placement_with_ratios_and_reserves_else_hypervisors() {
    let (stack, env) = demo();
    stack.add_resource_provider(
        "RegionOne",
        "cn1",
        json!({"VCPU": {"total": 16, "reserved": 2, "allocation_ratio": 4.0},
               "MEMORY_MB": {"total": 65536, "reserved": 512, "allocation_ratio": 1.5},
               "DISK_GB": {"total": 1000}}),
        json!({"VCPU": 20, "MEMORY_MB": 32768, "DISK_GB": 100}),
    );
    stack.add_resource_provider(
        "RegionOne",
        "cn2",
        json!({"VCPU": {"total": 8, "allocation_ratio": 2.0}}),
        json!({"VCPU": 4}),
    );
    // RegionTwo has no Placement in its catalog: Nova's hypervisors.
    stack.add_resource_provider(
        "RegionTwo",
        "cn3",
        json!({"VCPU": {"total": 32, "reserved": 4, "allocation_ratio": 16.0}}),
        json!({"VCPU": 6}),
    );
    stack.set_endpoint("RegionTwo", "placement", None);
    // RegionThree has neither.
    stack.set_endpoint("RegionThree", "placement", None);
    stack.set_endpoint("RegionThree", "compute", None);
    let run = admins(&env, &["capacity", "-f", "json"]);
    run.assert_code(0);
    let rows = run.json();
    let row = |region: &str, class: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["region"] == region && r["resource"] == class)
            .cloned()
            .unwrap_or_else(|| panic!("{region} {class}: {rows}"))
    };
    let vcpu = row("RegionOne", "VCPU");
    // (16 - 2) × 4 + 8 × 2
    assert_eq!(vcpu["capacity"], 56 + 16);
    assert_eq!(vcpu["used"], 24);
    assert_eq!(vcpu["free"], 48);
    assert_eq!(vcpu["used_percent"], 33.3);
    assert_eq!(vcpu["source"], "placement");
    assert_eq!(vcpu["providers"], 2);
    assert_eq!(
        row("RegionOne", "MEMORY_MB")["capacity"],
        (65536 - 512) * 3 / 2
    );
    let fallback = row("RegionTwo", "VCPU");
    assert_eq!(
        (
            fallback["capacity"].clone(),
            fallback["used"].clone(),
            fallback["source"].clone()
        ),
        (json!(32), json!(6), json!("hypervisors"))
    );
    let none = row("RegionThree", "VCPU");
    assert_eq!(
        (none["capacity"].clone(), none["source"].clone()),
        (json!(null), json!("none"))
    );
    assert!(
        run.stderr.contains(
            "note: fake-a-admin/RegionTwo: no placement endpoint; capacity from nova os-hypervisors"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("note: fake-b-admin/RegionThree: neither placement nor compute")
    );

    let text = admins(&env, &["capacity", "-f", "openmetrics"]);
    text.assert_code(0);
    let m = parse(&text.stdout);
    let one = [("region", "RegionOne"), ("resource", "VCPU")];
    assert_eq!(value(&m, "osprey_capacity_total", &one), 72.0);
    assert_eq!(value(&m, "osprey_capacity_free", &one), 48.0);
    assert_eq!(
        value(&m, "osprey_site_up", &[("region", "RegionThree")]),
        1.0
    );

    // Not a terminal: the percentages stay numbers in the table.
    let table = admins(&env, &["capacity"]);
    assert!(table.stdout.contains("33.3"), "{}", table.stdout);
    assert!(!table.stdout.contains('█'));
}

#[test]
fn capacity_needs_the_admin_role_before_any_read() {
    let (stack, env) = demo();
    stack.add_resource_provider("RegionOne", "cn1", json!({"VCPU": {"total": 4}}), json!({}));
    let run = both(&env, &["capacity"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "error: fake-a/RegionOne: osprey capacity needs the admin role; this cloud's credentials have: reader, member\nhint: use an admin cloud entry"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
    let reads: Vec<_> = stack
        .requests()
        .into_iter()
        .filter(|r| !r.target.starts_with("keystone:"))
        .collect();
    assert!(reads.is_empty(), "{reads:?}");
}

#[test]
fn a_failed_site_is_down_in_openmetrics_and_exits_2() {
    let (stack, env) = demo();
    for region in ["RegionOne", "RegionTwo", "RegionThree"] {
        stack.add_resource_provider(
            region,
            "cn",
            json!({"VCPU": {"total": 8}}),
            json!({"VCPU": 1}),
        );
    }
    stack.inject(
        Fault::new(
            Target::Region("RegionTwo".into()),
            FaultKind::Status {
                code: 503,
                retry_after: None,
            },
        )
        .path_prefix("/placement/resource_providers"),
    );
    let run = env.run(
        &[
            &ADMINS[..],
            &["capacity", "-f", "openmetrics", "--timeout", "2"],
        ]
        .concat(),
    );
    run.assert_code(2);
    let m = parse(&run.stdout);
    assert_eq!(value(&m, "osprey_site_up", &[("region", "RegionTwo")]), 0.0);
    assert_eq!(value(&m, "osprey_site_up", &[("region", "RegionOne")]), 1.0);
    let vcpu = [("region", "RegionThree"), ("resource", "VCPU")];
    assert_eq!(value(&m, "osprey_capacity_total", &vcpu), 8.0);
    assert!(
        !m.iter()
            .any(|s| s.family == "osprey_capacity_total" && s.labels["region"] == "RegionTwo")
    );
    assert!(
        run.stderr.contains("error: fake-a-admin/RegionTwo:"),
        "{}",
        run.stderr
    );
}

#[test]
fn quota_show_as_openmetrics() {
    let (_stack, env) = demo();
    let run = both(&env, &["quota", "show", "-f", "openmetrics"]);
    run.assert_code(0);
    let m = parse(&run.stdout);
    let cores = [
        ("cloud", "fake-b"),
        ("region", "RegionThree"),
        ("project", "demo"),
        ("service", "compute"),
        ("resource", "cores"),
    ];
    assert_eq!(value(&m, "osprey_quota_in_use", &cores), 14.0);
    assert_eq!(value(&m, "osprey_quota_limit", &cores), 20.0);
    assert_eq!(value(&m, "osprey_quota_reserved", &cores), 0.0);
}

#[test]
fn openmetrics_is_refused_where_nothing_is_measured() {
    let (stack, env) = demo();
    let run = both(&env, &["keypair", "list", "-f", "openmetrics"]);
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "error: -f openmetrics: this command has no metrics\nhint: openmetrics is for `quota show`, `usage`, `capacity` and `health`; use -f json here\n"
    );
    let cols = both(&env, &["usage", "-f", "openmetrics", "-c", "ports"]);
    cols.assert_code(2);
    assert!(
        cols.stderr
            .starts_with("error: -c: columns do not apply to -f openmetrics\n")
    );
    assert!(stack.requests().is_empty());
}

#[test]
fn health_speaks_openmetrics_and_a_failed_check_is_zero() {
    let (stack, env) = demo();
    stack.set_endpoint("RegionTwo", "image", Some(&stack.closed_url()));
    let out = both(&env, &["health", "--no-services", "-f", "openmetrics"]);
    out.assert_code(2);
    let samples = parse(&out.stdout);
    let ok = |region: &str, service: &str, check: &str| {
        value(
            &samples,
            "osprey_health_ok",
            &[("region", region), ("service", service), ("check", check)],
        )
    };
    assert_eq!(ok("RegionOne", "image", "list"), 1.0, "{}", out.stdout);
    assert_eq!(ok("RegionTwo", "image", "version"), 0.0, "{}", out.stdout);
    assert_eq!(ok("RegionThree", "compute", "list"), 1.0);
    assert_eq!(
        value(&samples, "osprey_site_up", &[("region", "RegionTwo")]),
        0.0
    );
    assert_eq!(
        value(&samples, "osprey_site_up", &[("region", "RegionOne")]),
        1.0
    );
    assert!(samples.iter().any(|s| s.family == "osprey_health_seconds"));
}
