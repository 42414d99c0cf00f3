//! End-to-end: the resource views (`server list|show`, `volume list`,
//! `network list`, `floating list`, `find`) against fakestack: one table
//! across every site, every page read, and a name or id found wherever it
//! lives.

use crate::common::{self, admins, both, demo};
use fakestack::{FakeStack, Fault, FaultKind, Kind, Target};
use serde_json::{Value, json};

fn rows(run: &common::Run) -> Vec<Value> {
    run.json().as_array().cloned().unwrap_or_default()
}

fn keys(row: &Value) -> Vec<&str> {
    row.as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

/// A flavor, an image and a network with a port in `region`; returns the
/// port's id (for a server's address).
fn furnish(stack: &FakeStack, region: &str) -> String {
    stack.seed(
        region,
        Kind::Flavor,
        "admin",
        json!({"id": "m1", "name": "m1.small", "ram": 2048, "vcpus": 1, "disk": 20}),
    );
    let net = stack.seed(region, Kind::Network, "demo", json!({"name": "app"}));
    stack.seed(
        region,
        Kind::Subnet,
        "demo",
        json!({"network_id": net.id, "cidr": "10.0.0.0/24", "ip_version": 4}),
    );
    stack.seed(
        region,
        Kind::Subnet,
        "demo",
        json!({"network_id": net.id, "cidr": "2001:db8::/64", "ip_version": 6}),
    );
    stack
        .seed(region, Kind::Port, "demo", json!({"network_id": net.id}))
        .id
}

fn image(stack: &FakeStack, region: &str, name: &str) -> String {
    stack
        .seed(
            region,
            Kind::Image,
            "demo",
            json!({"name": name, "disk_format": "raw", "container_format": "bare"}),
        )
        .id
}

#[test]
fn server_list_is_one_table_of_every_site_with_stable_keys() {
    let (stack, env) = demo();
    let port = furnish(&stack, "RegionOne");
    let cirros = image(&stack, "RegionOne", "cirros");
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web", "flavor": "m1", "image": cirros, "ports": [port], "host": "cmp-1"}),
    );
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "broken", "status": "ERROR", "flavor": "m1"}),
    );
    furnish(&stack, "RegionThree");
    stack.seed(
        "RegionThree",
        Kind::Server,
        "demo",
        json!({"name": "db", "flavor": "m1", "image": "0b0b0b0b-0000-4000-8000-000000000000"}),
    );

    let out = both(&env, &["server", "list", "-f", "json"]);
    out.assert_code(0);
    assert!(
        out.stderr.is_empty(),
        "no summary off a terminal: {}",
        out.stderr
    );
    let all = rows(&out);
    assert_eq!(all.len(), 3, "{}", out.stdout);
    assert_eq!(
        keys(&all[0]),
        [
            "cloud",
            "region",
            "id",
            "name",
            "status",
            "created",
            "flavor",
            "image",
            "addresses",
        ],
        "no host for a member"
    );
    let web = all.iter().find(|r| r["name"] == "web").unwrap();
    assert_eq!(web["cloud"], "fake-a");
    assert_eq!(web["region"], "RegionOne");
    assert_eq!(web["flavor"], "m1.small");
    assert_eq!(web["image"], "cirros");
    assert_eq!(web["addresses"], "app=10.0.0.2, 2001:db8::2");
    let broken = all.iter().find(|r| r["name"] == "broken").unwrap();
    assert_eq!(
        (broken["status"].as_str(), broken["image"].as_str()),
        (Some("ERROR"), Some(""))
    );
    let db = all.iter().find(|r| r["name"] == "db").unwrap();
    assert_eq!(db["region"], "RegionThree");
    assert_eq!(
        db["image"], "0b0b0b0b-0000-4000-8000-000000000000",
        "an image Glance does not have is its id"
    );

    let table = both(&env, &["server", "list"]);
    table.assert_code(0);
    for header in [
        "Cloud",
        "Region",
        "Flavor",
        "Addresses",
        "web",
        "RegionThree",
    ] {
        assert!(table.stdout.contains(header), "{header}: {}", table.stdout);
    }

    // The admin sees every project's servers, with their hosts.
    let out = admins(&env, &["server", "list", "--all-projects", "-f", "json"]);
    out.assert_code(0);
    let web = rows(&out).into_iter().find(|r| r["name"] == "web").unwrap();
    assert_eq!(web["host"], "cmp-1");
}

#[test]
fn server_list_filters_by_status_and_name_glob() {
    let (stack, env) = demo();
    furnish(&stack, "RegionOne");
    for (name, status) in [("web-1", "ACTIVE"), ("web-2", "ERROR"), ("db-1", "ERROR")] {
        stack.seed(
            "RegionOne",
            Kind::Server,
            "demo",
            json!({"name": name, "status": status, "flavor": "m1"}),
        );
    }
    let names = |run: &common::Run| {
        run.assert_code(0);
        let mut n: Vec<String> = rows(run)
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect();
        n.sort();
        n
    };
    let out = both(&env, &["server", "list", "--status", "error", "-f", "json"]);
    assert_eq!(names(&out), ["db-1", "web-2"]);
    let asked = stack
        .requests()
        .into_iter()
        .filter(|r| r.path == "/compute/v2.1/servers/detail")
        .any(|r| {
            r.query
                .as_deref()
                .is_some_and(|q| q.contains("status=ERROR"))
        });
    assert!(asked, "the status filter is Nova's");
    let out = both(&env, &["server", "list", "--name", "web-*", "-f", "json"]);
    assert_eq!(names(&out), ["web-1", "web-2"]);
    let out = both(
        &env,
        &[
            "server", "list", "--name", "web-?", "--status", "ACTIVE", "-f", "json",
        ],
    );
    assert_eq!(names(&out), ["web-1"]);
}

#[test]
fn server_list_reads_every_page() {
    let (stack, env) = demo();
    furnish(&stack, "RegionTwo");
    let first = stack.seed(
        "RegionTwo",
        Kind::Server,
        "demo",
        json!({"name": "s-0", "flavor": "m1"}),
    );
    stack.seed_copies("RegionTwo", Kind::Server, &first.id, 2_499, |i, body| {
        body["name"] = json!(format!("s-{}", i + 1));
    });
    let out = both(&env, &["server", "list", "-f", "json", "-c", "name"]);
    out.assert_code(0);
    let mut names: Vec<String> = rows(&out)
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 2_500);
    assert_eq!(
        stack.count("RegionTwo", "GET", "/compute/v2.1/servers/detail"),
        3,
        "Nova's pages of 1000"
    );
}

#[test]
fn all_projects_is_refused_for_a_member_before_any_list() {
    let (stack, env) = demo();
    furnish(&stack, "RegionOne");
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web", "flavor": "m1"}),
    );
    stack.reset_counters();
    for view in ["server", "volume", "floating"] {
        let out = both(&env, &[view, "list", "--all-projects"]);
        out.assert_code(2);
        assert!(out.stdout.is_empty(), "{}", out.stdout);
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert!(
            lines[0].starts_with("error: fake-a/RegionOne: --all-projects needs the admin role"),
            "{}",
            out.stderr
        );
        assert!(lines[1].starts_with("hint: "), "{}", out.stderr);
        assert_eq!(lines.len(), 2, "{}", out.stderr);
    }
    let lists: Vec<_> = stack
        .requests()
        .into_iter()
        .filter(|r| !r.path.starts_with("/v3"))
        .collect();
    assert!(
        lists.is_empty(),
        "nothing but Keystone was asked: {lists:?}"
    );
}

#[test]
fn a_failing_region_still_prints_the_others() {
    let (stack, env) = demo();
    for region in ["RegionOne", "RegionTwo", "RegionThree"] {
        furnish(&stack, region);
        stack.seed(
            region,
            Kind::Server,
            "demo",
            json!({"name": format!("web-{region}"), "flavor": "m1"}),
        );
    }
    stack.inject(
        Fault::new(
            Target::Region("RegionTwo".into()),
            FaultKind::Status {
                code: 500,
                retry_after: None,
            },
        )
        .path_prefix("/compute/v2.1/servers"),
    );
    let out = both(&env, &["server", "list", "-f", "json"]);
    out.assert_code(2);
    let mut regions: Vec<String> = rows(&out)
        .iter()
        .map(|r| r["region"].as_str().unwrap().to_string())
        .collect();
    regions.sort();
    assert_eq!(regions, ["RegionOne", "RegionThree"]);
    assert!(
        out.stderr
            .lines()
            .any(|l| l.starts_with("error: fake-a/RegionTwo: ")),
        "{}",
        out.stderr
    );
}

#[test]
fn volume_list_notes_a_site_without_cinder() {
    let (stack, env) = demo();
    let vol = stack.seed(
        "RegionThree",
        Kind::Volume,
        "demo",
        json!({"name": "data", "size": 10}),
    );
    stack.seed(
        "RegionOne",
        Kind::Volume,
        "demo",
        json!({"name": "logs", "size": 1}),
    );
    stack.set_endpoint("RegionTwo", "block-storage", None);
    stack.set_endpoint("RegionTwo", "volumev3", None);
    let out = both(&env, &["volume", "list", "-f", "json"]);
    out.assert_code(0);
    let all = rows(&out);
    assert_eq!(all.len(), 2, "{}", out.stdout);
    let data = all.iter().find(|r| r["id"] == vol.id.as_str()).unwrap();
    assert_eq!(
        keys(data),
        [
            "cloud",
            "region",
            "id",
            "name",
            "status",
            "created",
            "size",
            "type",
            "attached_to",
            "bootable",
        ]
    );
    assert_eq!(data["region"], "RegionThree");
    assert_eq!(data["size"], 10);
    assert_eq!(data["attached_to"], json!([]));
    assert_eq!(data["bootable"], false);
    assert_eq!(
        out.stderr.trim(),
        "fake-a/RegionTwo: no volume service; nothing to show there"
    );
}

#[test]
fn network_and_floating_lists() {
    let (stack, env) = demo();
    furnish(&stack, "RegionOne");
    let ext = stack.seed(
        "RegionOne",
        Kind::Network,
        "admin",
        json!({"name": "public", "router:external": true}),
    );
    stack.seed(
        "RegionOne",
        Kind::Subnet,
        "admin",
        json!({"network_id": ext.id, "cidr": "172.24.4.0/24", "ip_version": 4}),
    );
    let fip = stack.seed(
        "RegionOne",
        Kind::FloatingIp,
        "demo",
        json!({"floating_network_id": ext.id}),
    );

    let out = both(&env, &["network", "list", "-f", "json"]);
    out.assert_code(0);
    let all = rows(&out);
    let app = all.iter().find(|r| r["name"] == "app").unwrap();
    assert_eq!(
        keys(app),
        [
            "cloud", "region", "id", "name", "status", "created", "shared", "external", "subnets",
            "mtu",
        ]
    );
    assert_eq!(app["subnets"], json!(["10.0.0.0/24", "2001:db8::/64"]));
    assert_eq!(app["external"], false);
    let public = all.iter().find(|r| r["name"] == "public").unwrap();
    assert_eq!(public["external"], true);
    assert_eq!(public["subnets"], json!(["172.24.4.0/24"]));

    let out = both(&env, &["floating", "list", "-f", "json"]);
    out.assert_code(0);
    let all = rows(&out);
    assert_eq!(all.len(), 1, "{}", out.stdout);
    assert_eq!(
        keys(&all[0]),
        [
            "cloud",
            "region",
            "id",
            "name",
            "status",
            "created",
            "address",
            "fixed_address",
            "port",
            "router",
        ]
    );
    assert_eq!(all[0]["id"], fip.id.as_str());
    assert_eq!(all[0]["address"], fip.body["floating_ip_address"]);

    // Another project's floating IP: only --all-projects (admin) shows it.
    let theirs = stack.seed(
        "RegionOne",
        Kind::FloatingIp,
        "admin",
        json!({"floating_network_id": ext.id}),
    );
    let out = both(&env, &["floating", "list", "-f", "json"]);
    assert_eq!(rows(&out).len(), 1, "{}", out.stdout);
    let out = admins(&env, &["floating", "list", "--all-projects", "-f", "json"]);
    out.assert_code(0);
    let mut ids: Vec<String> = rows(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    let mut want = vec![fip.id.clone(), theirs.id.clone()];
    want.sort();
    assert_eq!(ids, want, "{}", out.stdout);
}

#[test]
fn find_by_id_names_the_one_site_among_three() {
    let (stack, env) = demo();
    for region in ["RegionOne", "RegionTwo", "RegionThree"] {
        furnish(&stack, region);
    }
    let vol = stack.seed(
        "RegionTwo",
        Kind::Volume,
        "demo",
        json!({"name": "data", "size": 1}),
    );
    stack.reset_counters();
    let out = both(&env, &["find", &vol.id, "-f", "json"]);
    out.assert_code(0);
    assert_eq!(
        out.json(),
        json!([{"cloud": "fake-a", "region": "RegionTwo", "kind": "volume", "id": vol.id,
                "name": "data", "status": "available"}])
    );
    // An id is read directly: one request per kind per site, no list.
    let reads: Vec<_> = stack
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with(&vol.id))
        .collect();
    assert_eq!(reads.len(), 3 * 9, "nine kinds have ids, at three sites");
}

#[test]
fn find_and_server_show_by_name() {
    let (stack, env) = demo();
    furnish(&stack, "RegionOne");
    furnish(&stack, "RegionThree");
    let web = stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web.1", "status": "ERROR", "flavor": "m1",
               "fault": {"code": 500, "message": "No valid host was found. "}}),
    );
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web.10", "flavor": "m1"}),
    );

    let out = both(&env, &["find", "web.1", "-f", "json"]);
    out.assert_code(0);
    assert_eq!(
        out.json(),
        json!([{"cloud": "fake-a", "region": "RegionOne", "kind": "server", "id": web.id,
                "name": "web.1", "status": "ERROR"}])
    );
    let out = both(&env, &["server", "show", "web.1", "-f", "json"]);
    out.assert_code(0);
    let row = &out.json()[0];
    assert_eq!(row["id"], web.id.as_str());
    assert_eq!(row["flavor"], "m1.small");
    assert_eq!(row["fault"], "500: No valid host was found.");
    let out = both(&env, &["server", "show", &web.id, "-f", "json"]);
    out.assert_code(0);
    assert_eq!(out.json()[0]["name"], "web.1");

    // The same name at another site: both are listed, none is picked.
    let other = stack.seed(
        "RegionThree",
        Kind::Server,
        "demo",
        json!({"name": "web.1", "flavor": "m1"}),
    );
    for args in [
        ["server", "show", "web.1", "-f", "json"],
        ["find", "web.1", "-f", "json", "-q"],
    ] {
        let out = both(&env, &args);
        out.assert_code(2);
        assert_eq!(rows(&out).len(), 2, "{}", out.stdout);
        assert!(out.stdout.contains(&other.id) && out.stdout.contains(&web.id));
        assert!(out.stderr.starts_with("error: "), "{}", out.stderr);
        assert!(out.stderr.contains("\nhint: "), "{}", out.stderr);
    }

    // Nothing found: exit 1 and one line.
    for args in [vec!["find", "nowhere"], vec!["server", "show", "nowhere"]] {
        let out = both(&env, &args);
        out.assert_code(1);
        assert!(out.stdout.trim().is_empty() || !out.stdout.contains("nowhere"));
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(out.stderr.contains("nowhere"), "{}", out.stderr);
    }
}

#[test]
fn find_a_floating_ip_by_its_address_and_a_keypair_by_name() {
    let (stack, env) = demo();
    let ext = stack.seed(
        "RegionThree",
        Kind::Network,
        "admin",
        json!({"name": "public", "router:external": true}),
    );
    stack.seed(
        "RegionThree",
        Kind::Subnet,
        "admin",
        json!({"network_id": ext.id, "cidr": "172.24.4.0/24", "ip_version": 4}),
    );
    let fip = stack.seed(
        "RegionThree",
        Kind::FloatingIp,
        "demo",
        json!({"floating_network_id": ext.id}),
    );
    let address = fip.body["floating_ip_address"]
        .as_str()
        .unwrap()
        .to_string();
    let out = both(&env, &["find", &address, "-f", "json"]);
    out.assert_code(0);
    let row = &out.json()[0];
    assert_eq!(
        (
            row["kind"].as_str(),
            row["id"].as_str(),
            row["region"].as_str()
        ),
        (
            Some("floating_ip"),
            Some(fip.id.as_str()),
            Some("RegionThree")
        )
    );

    common::seed_keypair(&stack, "RegionOne", "deploy", common::ED25519);
    let out = both(&env, &["find", "deploy", "-f", "json"]);
    out.assert_code(0);
    assert_eq!(
        out.json(),
        json!([{"cloud": "fake-a", "region": "RegionOne", "kind": "keypair", "id": "deploy",
                "name": "deploy", "status": ""}])
    );
}

/// Issue 19: an empty result prints no frame in a table (stdout stays
/// empty) and `[]` in JSON.
#[test]
fn issue_19_server_list_with_no_servers_prints_no_frame() {
    let (_stack, env) = demo();
    let table = both(&env, &["server", "list"]);
    table.assert_code(0);
    assert_eq!(table.stdout, "", "no frame: {}", table.stdout);
    let json = both(&env, &["server", "list", "-f", "json"]);
    json.assert_code(0);
    assert_eq!(json.json(), serde_json::json!([]), "{}", json.stdout);
}
