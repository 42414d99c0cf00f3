//! End-to-end: `osprey ip` against fakestack — the inventory of every
//! region, the conflict scan with both sides named, find and free.

use crate::common::{self, both, demo};
use fakestack::{FakeStack, Fault, FaultKind, Kind, Target};
use serde_json::{Value, json};

/// A network with one subnet in `region`, as `project`; returns the
/// network's and the subnet's ids.
fn net(stack: &FakeStack, region: &str, project: &str, name: &str, cidr: &str) -> (String, String) {
    let n = stack.seed(region, Kind::Network, project, json!({"name": name}));
    let version = if cidr.contains(':') { 6 } else { 4 };
    let s = stack.seed(
        region,
        Kind::Subnet,
        project,
        json!({"network_id": n.id, "cidr": cidr, "ip_version": version, "name": format!("{name}-sub")}),
    );
    (n.id, s.id)
}

fn port(stack: &FakeStack, region: &str, network: &str, ip: &str, mac: &str) -> String {
    stack
        .seed(
            region,
            Kind::Port,
            "demo",
            json!({"network_id": network, "fixed_ips": [{"ip_address": ip}], "mac_address": mac}),
        )
        .id
}

/// An external network with a subnet, a router with its gateway there, and
/// a floating IP from it, in `region` (the admin's network, the demo
/// project's router and floating IP).
fn public(stack: &FakeStack, region: &str, cidr: &str) {
    let ext = stack.seed(
        region,
        Kind::Network,
        "admin",
        json!({"name": "public", "router:external": true}),
    );
    stack.seed(
        region,
        Kind::Subnet,
        "admin",
        json!({"network_id": ext.id, "cidr": cidr, "ip_version": 4}),
    );
    stack.seed(
        region,
        Kind::Router,
        "demo",
        json!({"name": "r", "external_gateway_info": {"network_id": ext.id}}),
    );
    stack.seed(
        region,
        Kind::FloatingIp,
        "demo",
        json!({"floating_network_id": ext.id}),
    );
}

fn rows(run: &common::Run) -> Vec<Value> {
    run.json().as_array().cloned().unwrap_or_default()
}

#[test]
fn list_is_every_address_of_every_region() {
    let (stack, env) = demo();
    let (n1, _) = net(&stack, "RegionOne", "demo", "app", "10.1.0.0/24");
    net(&stack, "RegionOne", "demo", "app6", "fd00:1::/64");
    port(&stack, "RegionOne", &n1, "10.1.0.5", "fa:16:3e:00:00:05");
    let (n3, _) = net(&stack, "RegionThree", "demo", "db", "10.3.0.0/24");
    port(&stack, "RegionThree", &n3, "10.3.0.7", "FA:16:3E:00:00:07");
    public(&stack, "RegionThree", "203.0.113.0/24");

    let out = both(&env, &["ip", "list", "-f", "json"]);
    out.assert_code(0);
    let all = rows(&out);
    let find = |kind: &str, addr: &str| {
        all.iter()
            .find(|r| r["kind"] == kind && r["address"] == addr)
            .unwrap_or_else(|| panic!("no {kind} {addr} in {all:#?}"))
            .clone()
    };
    let fixed = find("fixed", "10.1.0.5");
    assert_eq!(fixed["cloud"], "fake-a");
    assert_eq!(fixed["region"], "RegionOne");
    assert_eq!(fixed["network"], "app");
    assert_eq!(fixed["mac"], "fa:16:3e:00:00:05");
    assert_eq!(fixed["version"], 4);
    assert!(!fixed["port_id"].as_str().unwrap().is_empty());
    assert_eq!(find("subnet", "fd00:1::/64")["version"], 6);
    assert_eq!(find("fixed", "10.3.0.7")["mac"], "fa:16:3e:00:00:07");
    let floating: Vec<&Value> = all.iter().filter(|r| r["kind"] == "floating").collect();
    assert_eq!(floating.len(), 1);
    assert_eq!(floating[0]["external"], true);
    assert_eq!(floating[0]["network"], "public");
    assert_eq!(
        all.iter().filter(|r| r["kind"] == "gateway").count(),
        1,
        "{all:#?}"
    );
    // The keys of every row, as the contract has them.
    let keys: Vec<&str> = fixed
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "cloud",
            "region",
            "project_id",
            "kind",
            "address",
            "version",
            "network",
            "network_id",
            "subnet_id",
            "port_id",
            "mac",
            "device_owner",
            "device_id",
            "external"
        ]
    );

    let v6 = rows(&both(&env, &["ip", "list", "--version", "6", "-f", "json"]));
    assert!(v6.iter().all(|r| r["version"] == 6) && !v6.is_empty());
    let fl = rows(&both(
        &env,
        &["ip", "list", "--kind", "floating", "-f", "json"],
    ));
    assert_eq!(fl.len(), 1);
    // Neutron's fields= keeps the answers small.
    let ports = stack
        .requests()
        .into_iter()
        .find(|r| r.path.ends_with("/v2.0/ports"))
        .unwrap();
    assert!(
        ports
            .query
            .unwrap_or_default()
            .contains("fields=mac_address")
    );
}

#[test]
fn scan_names_both_sides_of_each_conflict() {
    let (stack, env) = demo();
    let (a, _) = net(&stack, "RegionOne", "demo", "app", "10.0.0.0/16");
    let (b, _) = net(&stack, "RegionThree", "demo", "app", "10.0.1.0/24");
    net(&stack, "RegionOne", "demo", "v6", "fd00:9::/64");
    net(&stack, "RegionThree", "demo", "v6", "fd00:9::/64");
    let pa = port(&stack, "RegionOne", &a, "10.0.1.9", "fa:16:3e:aa:aa:aa");
    let pb = port(&stack, "RegionThree", &b, "10.0.1.9", "fa:16:3e:bb:bb:bb");
    port(&stack, "RegionOne", &a, "10.0.2.2", "fa:16:3e:cc:cc:cc");
    port(&stack, "RegionThree", &b, "10.0.1.20", "fa:16:3e:cc:cc:cc");
    public(&stack, "RegionTwo", "203.0.113.0/24");
    public(&stack, "RegionThree", "203.0.113.0/24");

    let out = both(&env, &["ip", "scan", "-f", "json"]);
    out.assert_code(1);
    let found = rows(&out);
    let kinds: Vec<(&str, &str)> = found
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["address"].as_str().unwrap()))
        .collect();
    for want in [
        ("overlap", "10.0.0.0/16 ⊃ 10.0.1.0/24"),
        ("overlap", "fd00:9::/64"),
        ("duplicate_ip", "10.0.1.9"),
        ("duplicate_mac", "fa:16:3e:cc:cc:cc"),
        ("duplicate_public", "203.0.113.0/24"),
    ] {
        assert!(kinds.contains(&want), "{want:?} not in {kinds:#?}");
    }
    let dup = found.iter().find(|r| r["kind"] == "duplicate_ip").unwrap();
    assert_eq!(dup["severity"], "error");
    assert_eq!(
        (
            dup["cloud"].as_str(),
            dup["region"].as_str(),
            dup["port_id"].as_str()
        ),
        (Some("fake-a"), Some("RegionOne"), Some(pa.as_str()))
    );
    assert_eq!(
        (
            dup["peer_cloud"].as_str(),
            dup["peer_region"].as_str(),
            dup["peer_port_id"].as_str()
        ),
        (Some("fake-b"), Some("RegionThree"), Some(pb.as_str()))
    );
    assert!(
        found.iter().any(|r| r["kind"] == "duplicate_public"
            && r["address"].as_str().unwrap().starts_with("203.0.113.")
            && !r["address"].as_str().unwrap().contains('/')),
        "the same floating or gateway address: {found:#?}"
    );

    // Ignoring the ranges, and naming which networks are routed.
    let clean = both(
        &env,
        &[
            "ip",
            "scan",
            "--ignore",
            "10.0.0.0/8,fd00::/8,203.0.113.0/24",
        ],
    );
    // What lies in an ignored range is left out whole, its MAC too.
    clean.assert_code(0);
    let routed = env.write("routed.yaml", "groups:\n  lab: ['fake-a/*/lab-*']\n");
    let out = both(
        &env,
        &[
            "ip",
            "scan",
            "--ignore",
            "203.0.113.0/24",
            "--routed",
            routed.to_str().unwrap(),
            "-f",
            "json",
        ],
    );
    out.assert_code(0);
    assert!(rows(&out).iter().all(|r| r["severity"] == "info"));
}

#[test]
fn a_clean_estate_scans_clean_and_a_failed_site_is_exit_2() {
    let (stack, env) = demo();
    net(&stack, "RegionOne", "demo", "a", "10.1.0.0/24");
    net(&stack, "RegionThree", "demo", "b", "10.3.0.0/24");
    let out = both(&env, &["ip", "scan"]);
    out.assert_code(0);
    assert!(
        out.stderr.contains("no conflict between 3 sites"),
        "{}",
        out.stderr
    );
    stack.inject(
        Fault::new(
            Target::Region("RegionTwo".into()),
            FaultKind::Status {
                code: 500,
                retry_after: None,
            },
        )
        .path_prefix("/network"),
    );
    net(&stack, "RegionThree", "demo", "c", "10.1.0.0/24");
    let out = both(&env, &["ip", "scan", "-f", "json"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("error: fake-a/RegionTwo:"),
        "{}",
        out.stderr
    );
    assert_eq!(
        rows(&out).len(),
        1,
        "the sites that answered are still scanned"
    );
}

#[test]
fn all_projects_needs_admin_and_sees_segments() {
    let (stack, env) = demo();
    let out = both(&env, &["ip", "list", "--all-projects"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("--all-projects needs the admin role"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("hint:"), "{}", out.stderr);
    for region in ["RegionOne", "RegionThree"] {
        stack.seed(
            region,
            Kind::Network,
            "admin",
            json!({"name": "stretch", "provider:network_type": "vlan",
                   "provider:physical_network": "physnet1", "provider:segmentation_id": 100}),
        );
    }
    let out = env.run(&[
        "--os-cloud",
        "fake-a-admin,fake-b-admin",
        "ip",
        "scan",
        "--all-projects",
        "-f",
        "json",
    ]);
    out.assert_code(1);
    let seg = rows(&out)
        .into_iter()
        .find(|r| r["kind"] == "duplicate_segment")
        .expect("the same VLAN on the same physnet");
    assert_eq!(seg["address"], "vlan 100 on physnet1");
    assert_eq!(seg["network"], "stretch");
}

#[test]
fn find_and_free() {
    let (stack, env) = demo();
    let (a, _) = net(&stack, "RegionOne", "demo", "app", "10.0.0.0/24");
    let (b, _) = net(&stack, "RegionThree", "demo", "db", "10.0.1.0/24");
    port(&stack, "RegionOne", &a, "10.0.0.5", "fa:16:3e:12:34:56");
    port(&stack, "RegionThree", &b, "10.0.1.5", "fa:16:3e:65:43:21");
    let hits = |q: &str| -> Vec<(String, String)> {
        rows(&both(&env, &["ip", "find", q, "-f", "json"]))
            .iter()
            .map(|r| {
                (
                    r["region"].as_str().unwrap().to_string(),
                    r["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        hits("10.0.0.5"),
        [
            ("RegionOne".to_string(), "subnet".to_string()),
            ("RegionOne".to_string(), "fixed".to_string())
        ]
    );
    assert_eq!(
        hits("FA-16-3E-65-43-21"),
        [("RegionThree".to_string(), "fixed".to_string())]
    );
    assert_eq!(hits("10.0.0.0/23").len(), 4);
    let out = both(&env, &["ip", "find", "not-an-address"]);
    out.assert_code(2);
    assert!(
        out.stderr
            .contains("neither an IP address, a CIDR nor a MAC"),
        "{}",
        out.stderr
    );

    let free = rows(&both(
        &env,
        &[
            "ip",
            "free",
            "--prefix-length",
            "24",
            "--count",
            "2",
            "-f",
            "json",
        ],
    ));
    let cidrs: Vec<&str> = free.iter().map(|r| r["cidr"].as_str().unwrap()).collect();
    assert_eq!(cidrs, ["10.0.2.0/24", "10.0.3.0/24"]);
    let out = both(&env, &["ip", "free", "--prefix-length", "64"]);
    out.assert_code(2);
    assert!(out.stderr.contains("needs --within"), "{}", out.stderr);
    let v6 = rows(&both(
        &env,
        &[
            "ip",
            "free",
            "--prefix-length",
            "64",
            "--within",
            "fd00::/62",
            "-f",
            "json",
        ],
    ));
    assert_eq!(v6[0]["cidr"], "fd00::/64");
}

#[test]
fn big_regions_are_read_page_by_page() {
    let (stack, env) = demo();
    let (n, _) = net(&stack, "RegionOne", "demo", "big", "10.0.0.0/16");
    let first = port(&stack, "RegionOne", &n, "10.0.0.2", "fa:16:3e:00:00:02");
    stack.seed_copies("RegionOne", Kind::Port, &first, 1500, |k, body| {
        body["fixed_ips"][0]["ip_address"] = json!(format!("10.0.{}.{}", k / 200 + 1, k % 200 + 2));
        body["mac_address"] = json!(format!("fa:16:3e:01:{:02x}:{:02x}", k >> 8, k & 0xff));
    });
    let out = both(&env, &["ip", "list", "--kind", "fixed", "-f", "json"]);
    out.assert_code(0);
    assert_eq!(rows(&out).len(), 1501);
    let pages: Vec<String> = stack
        .requests()
        .into_iter()
        .filter(|r| r.target == "RegionOne" && r.path.ends_with("/v2.0/ports"))
        .map(|r| r.query.unwrap_or_default())
        .collect();
    assert!(pages.len() >= 2, "{pages:?}");
    assert!(pages[1].contains("marker="), "{pages:?}");
}

/// Issue 14: `ip find` took any 12 hex digits among any separators as a
/// MAC (`...fa163e123456...`, `f:a:1:6:…`). Only the notations Neutron and
/// common tools print are MACs; anything else is an error that lists them.
#[test]
fn issue_14_find_takes_only_the_notations_macs_are_printed_in() {
    let (stack, env) = demo();
    let (a, _) = net(&stack, "RegionOne", "demo", "app", "10.0.0.0/24");
    port(&stack, "RegionOne", &a, "10.0.0.5", "fa:16:3e:12:34:56");
    for q in [
        "fa:16:3e:12:34:56",
        "FA-16-3E-12-34-56",
        "fa16.3e12.3456",
        "FA163E123456",
    ] {
        let found = rows(&both(&env, &["ip", "find", q, "-f", "json"]));
        assert_eq!(found.len(), 1, "{q}: {found:?}");
        assert_eq!(found[0]["mac"], "fa:16:3e:12:34:56", "{q}");
    }
    stack.reset_counters();
    for q in [
        "...fa163e123456...",
        "f:a:1:6:3:e:1:2:3:4:5:6",
        "fa:16:3e-12:34:56",
        "fa16:3e12:3456",
    ] {
        let out = both(&env, &["ip", "find", q]);
        out.assert_code(2);
        assert!(
            out.stderr.contains(&format!(
                "ip find {q}: neither an IP address, a CIDR nor a MAC"
            )),
            "{q}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains(
                "hint: a MAC as fa:16:3e:12:34:56, FA-16-3E-12-34-56, fa16.3e12.3456 or fa163e123456"
            ),
            "{q}: {}",
            out.stderr
        );
        assert_eq!(out.stdout, "", "{q}");
    }
    assert!(
        !stack
            .requests()
            .iter()
            .any(|r| r.path.contains("/network/")),
        "refused before Neutron is asked: {:?}",
        stack.requests()
    );
}

/// Issue 14: `ip scan --ignore 10.0.0.1` said only that it is no CIDR; it
/// now names the host route that means the one address.
#[test]
fn issue_14_ignore_with_an_address_suggests_its_host_route() {
    let (stack, env) = demo();
    for (given, suggested) in [("10.0.0.1", "10.0.0.1/32"), ("fd00::1", "fd00::1/128")] {
        let out = both(&env, &["ip", "scan", "--ignore", given]);
        out.assert_code(2);
        assert!(
            out.stderr
                .contains(&format!("'{given}' for '--ignore <CIDR>'"))
                && out.stderr.contains("an address, not a CIDR")
                && out.stderr.contains(&format!(
                    "hint: to leave out this one address, pass {suggested}"
                )),
            "{given}: {}",
            out.stderr
        );
    }
    let out = both(&env, &["ip", "scan", "--ignore", "10.0.0.1/32,fd00::1/128"]);
    out.assert_code(0);
    assert!(
        stack
            .requests()
            .iter()
            .any(|r| r.path.contains("/network/"))
    );
}

#[test]
fn issue_14_a_routed_group_written_twice_is_refused_before_any_request() {
    let (stack, env) = demo();
    let routed = env.write(
        "routed.yaml",
        "groups:\n  lab: ['fake-a/*/lab-*']\n  backbone: ['fake-a/*/app-*']\n  lab: ['fake-b/*/*']\n",
    );
    let path = routed.to_str().unwrap();
    stack.reset_counters();
    let out = both(&env, &["ip", "scan", "--routed", path]);
    out.assert_code(2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines[0],
        format!("error: --routed {path}:4:3: groups: duplicate entry with key \"lab\""),
        "{}",
        out.stderr
    );
    assert!(
        lines.len() > 1 && lines[1..].iter().all(|l| l.starts_with("hint: ")),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(stack.requests().is_empty(), "{:?}", stack.requests());
}
