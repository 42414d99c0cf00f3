//! End-to-end: `osprey secgroup list|diff|sync` against fakestack, as the
//! demo user of both fake clouds (RegionOne and RegionTwo share fake-a's
//! Keystone, RegionThree has fake-b's). Every project has Neutron's
//! `default` group (4 rules) and new groups get the two egress rules.

use crate::common::{self, Env, both, demo};
use fakestack::{FakeStack, Fault, FaultKind, Kind, Target};
use serde_json::{Value, json};

const FROM: [&str; 2] = ["--from", "fake-a/RegionOne"];
const REGIONS: [&str; 3] = ["RegionOne", "RegionTwo", "RegionThree"];

/// `osprey secgroup sync … --from fake-a/RegionOne`.
fn sync(env: &Env, args: &[&str]) -> common::Run {
    both(env, &[&["secgroup", "sync"][..], args, &FROM[..]].concat())
}

fn group(stack: &FakeStack, region: &str, name: &str, body: Value) -> String {
    let mut body = body;
    body["name"] = json!(name);
    stack.seed(region, Kind::SecurityGroup, "demo", body).id
}

fn rule(stack: &FakeStack, region: &str, group: &str, body: Value) -> String {
    let mut body = body;
    body["security_group_id"] = json!(group);
    stack.seed(region, Kind::SecurityGroupRule, "demo", body).id
}

/// The groups named `name` in a region, as stored.
fn groups(stack: &FakeStack, region: &str, name: &str) -> Vec<Value> {
    stack
        .resources(region, Kind::SecurityGroup)
        .into_iter()
        .filter(|g| g.body["name"] == name)
        .map(|g| g.body)
        .collect()
}

/// The rules of a group, as stored.
fn rules_of(stack: &FakeStack, region: &str, group: &str) -> Vec<Value> {
    stack
        .resources(region, Kind::SecurityGroupRule)
        .into_iter()
        .filter(|r| r.body["security_group_id"] == group)
        .map(|r| r.body)
        .collect()
}

/// `web` in RegionOne: SSH from anywhere, and IPv6 HTTPS from members of
/// `db`, which lets in its own members on 5432. Returns (web, db) ids.
fn web_and_db(stack: &FakeStack) -> (String, String) {
    let db = group(
        stack,
        "RegionOne",
        "db",
        json!({"description": "databases"}),
    );
    rule(
        stack,
        "RegionOne",
        &db,
        json!({"direction": "ingress", "protocol": "tcp",
        "port_range_min": 5432, "port_range_max": 5432, "remote_group_id": db}),
    );
    let web = group(
        stack,
        "RegionOne",
        "web",
        json!({"description": "web servers"}),
    );
    rule(
        stack,
        "RegionOne",
        &web,
        json!({"direction": "ingress", "protocol": "tcp",
        "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": "0.0.0.0/0"}),
    );
    rule(
        stack,
        "RegionOne",
        &web,
        json!({"direction": "ingress", "ethertype": "IPv6",
        "protocol": "6", "port_range_min": 443, "port_range_max": 443, "remote_group_id": db}),
    );
    (web, db)
}

fn rows_where(rows: &Value, pred: impl Fn(&Value) -> bool) -> Vec<&Value> {
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| pred(r))
        .collect()
}

#[test]
fn list_is_a_drift_check_before_and_after_a_sync() {
    let (stack, env) = demo();
    web_and_db(&stack);
    let before = both(&env, &["secgroup", "list", "--exit-code", "-f", "json"]);
    before.assert_code(1);
    let rows = before.json();
    let web = rows_where(&rows, |r| r["name"] == "web");
    assert_eq!(web.len(), 3, "one row per site: {rows}");
    let two = web.iter().find(|r| r["region"] == "RegionTwo").unwrap();
    assert_eq!(
        **two,
        json!({"cloud": "fake-a", "region": "RegionTwo", "name": "web", "id": "",
               "stateful": null, "rules": null, "digest": "", "source": "", "status": "missing"})
    );
    let one = web.iter().find(|r| r["region"] == "RegionOne").unwrap();
    assert_eq!(one["rules"], 4, "two rules and the two egress rules");
    assert_eq!(one["stateful"], true);
    let default = rows_where(&rows, |r| r["name"] == "default");
    assert!(default.iter().all(|r| r["status"] == "same"), "{rows}");

    // The table is the matrix: a column per site, a short digest per cell.
    let table = both(&env, &["secgroup", "list", "--name", "w*"]);
    table.assert_code(0);
    let line = table.stdout.lines().find(|l| l.contains("| web")).unwrap();
    let digest = &one["digest"].as_str().unwrap()[..8];
    assert!(line.contains(&format!("{digest} (4 rules)")), "{line}");
    assert!(line.contains("missing"), "{line}");
    assert!(!table.stdout.contains("default"), "--name filters");

    sync(&env, &["web", "--yes"]).assert_code(0);
    both(&env, &["secgroup", "list", "--exit-code"]).assert_code(0);
    let after = both(&env, &["secgroup", "list", "-f", "json"]).json();
    let web = rows_where(&after, |r| r["name"] == "web");
    assert!(web.iter().all(|r| r["digest"] == one["digest"]), "{after}");
    let copy = web.iter().find(|r| r["region"] == "RegionThree").unwrap();
    assert_eq!(
        copy["source"],
        format!("fake-a/RegionOne/{}", one["id"].as_str().unwrap())
    );
}

#[test]
fn sync_clones_a_group_with_the_group_its_rules_need() {
    let (stack, env) = demo();
    let (web, db) = web_and_db(&stack);
    let dry = sync(&env, &["web", "--dry-run", "--exit-code", "-f", "json"]);
    dry.assert_code(1);
    let plan = dry.json();
    let at_two = rows_where(&plan, |r| r["region"] == "RegionTwo");
    let got: Vec<(&str, &str, &str)> = at_two
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap(),
                r["name"].as_str().unwrap(),
                r["action"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("security_group", "web", "create"),
            ("security_group", "db", "create"),
            ("security_group_rule", "web", "create"),
            ("security_group_rule", "web", "create"),
            ("security_group_rule", "web", "create"),
            ("security_group_rule", "web", "create"),
            ("security_group_rule", "db", "create"),
            ("security_group_rule", "db", "create"),
            ("security_group_rule", "db", "create"),
        ]
    );
    assert_eq!(
        at_two[0]["detail"],
        format!("stateful, 4 rules; osprey-source=fake-a/RegionOne/{web} tagged")
    );
    assert!(
        at_two[1]["detail"]
            .as_str()
            .unwrap()
            .ends_with("rules of web refer to it")
    );
    assert!(groups(&stack, "RegionTwo", "web").is_empty(), "dry run");

    let run = sync(&env, &["web", "--yes", "-f", "json"]);
    run.assert_code(0);
    assert!(
        run.json()
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "applied"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("applied 18 of 18 security group changes"),
        "{}",
        run.stderr
    );
    for region in ["RegionTwo", "RegionThree"] {
        let [w] = groups(&stack, region, "web").try_into().unwrap();
        let [d] = groups(&stack, region, "db").try_into().unwrap();
        assert_eq!(
            w["tags"],
            json!([format!("osprey-source=fake-a/RegionOne/{web}")])
        );
        assert_eq!(
            d["tags"],
            json!([format!("osprey-source=fake-a/RegionOne/{db}")])
        );
        assert_eq!(w["description"], "web servers");
        let https = rules_of(&stack, region, w["id"].as_str().unwrap())
            .into_iter()
            .find(|r| r["port_range_min"] == 443)
            .unwrap();
        assert_eq!(
            https["remote_group_id"], d["id"],
            "mapped by name in {region}"
        );
        assert_eq!(https["ethertype"], "IPv6");
        let own = rules_of(&stack, region, d["id"].as_str().unwrap())
            .into_iter()
            .find(|r| r["port_range_min"] == 5432)
            .unwrap();
        assert_eq!(own["remote_group_id"], d["id"], "a group's rule on itself");
    }
    assert_eq!(
        groups(&stack, "RegionOne", "web").len(),
        1,
        "the source is untouched"
    );

    let again = sync(
        &env,
        &["web", "db", "--dry-run", "--exit-code", "-f", "json"],
    );
    again.assert_code(0);
    let again = again.json();
    assert_eq!(again.as_array().unwrap().len(), 4);
    assert!(
        again
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["action"] == "skip"
                && r["detail"]
                    .as_str()
                    .unwrap()
                    .starts_with("already the same (our copy of")),
        "{again}"
    );
}

/// What a rule says, as stored: the values every reader of it sees.
fn said(rule: &Value) -> Value {
    json!([
        rule["direction"],
        rule["ethertype"],
        rule["protocol"],
        rule["port_range_min"],
        rule["port_range_max"],
        rule["remote_ip_prefix"],
        rule["description"],
    ])
}

/// The rules of the one group named `name` in a region, as they say it.
fn said_in(stack: &FakeStack, region: &str, name: &str) -> Vec<Value> {
    let [g] = groups(stack, region, name).try_into().unwrap();
    let mut out: Vec<Value> = rules_of(stack, region, g["id"].as_str().unwrap())
        .iter()
        .map(said)
        .collect();
    out.sort_by_key(Value::to_string);
    out
}

/// Issue 14: a clone is created with exactly the source's values (`6`, not
/// `tcp`; an explicit `0.0.0.0/0`; host bits kept), so Terraform, audits
/// and openstackclient see the same rule at both ends; rules are still
/// compared normalised, so a re-run plans only skips.
#[test]
fn issue_14_a_clone_says_what_its_source_says() {
    let (stack, env) = demo();
    let edge = group(&stack, "RegionOne", "edge", json!({}));
    let ssh = json!({"direction": "ingress", "protocol": "6", "port_range_min": 22,
                     "port_range_max": 22, "remote_ip_prefix": "0.0.0.0/0"});
    let gre = json!({"direction": "ingress", "protocol": "47"});
    let net = json!({"direction": "ingress", "remote_ip_prefix": "10.0.0.7/8"});
    for body in [&ssh, &gre, &net] {
        rule(&stack, "RegionOne", &edge, body.clone());
    }
    // Neutron's egress template in other words: what the source says
    // replaces the template at the target.
    let template = rules_of(&stack, "RegionOne", &edge)
        .into_iter()
        .find(|r| r["direction"] == "egress" && r["ethertype"] == "IPv4")
        .unwrap();
    assert!(stack.remove_resource(
        "RegionOne",
        Kind::SecurityGroupRule,
        template["id"].as_str().unwrap()
    ));
    rule(
        &stack,
        "RegionOne",
        &edge,
        json!({"direction": "egress", "remote_ip_prefix": "0.0.0.0/0",
               "description": "anywhere"}),
    );
    let source = said_in(&stack, "RegionOne", "edge");
    assert_eq!(source.len(), 5, "{source:#?}");
    let stored = |body: &Value| {
        source
            .iter()
            .any(|s| s[2] == body["protocol"] && s[5] == body["remote_ip_prefix"])
    };
    assert!(
        [&ssh, &gre, &net].into_iter().all(stored),
        "seeded as given: {source:#?}"
    );

    sync(&env, &["edge", "--yes"]).assert_code(0);
    for region in ["RegionTwo", "RegionThree"] {
        assert_eq!(said_in(&stack, region, "edge"), source, "in {region}");
    }
    let again = sync(&env, &["edge", "--dry-run", "--exit-code", "-f", "json"]);
    again.assert_code(0);
    let again = again.json();
    assert_eq!(again.as_array().unwrap().len(), 2, "{again}");
    assert!(
        again
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["action"] == "skip"),
        "{again}"
    );
}

#[test]
fn without_neutrons_tag_extension_the_marker_is_in_the_description() {
    let (stack, env) = demo();
    let (web, _) = web_and_db(&stack);
    stack.inject(
        Fault::new(
            Target::Region("RegionThree".into()),
            FaultKind::Status {
                code: 404,
                retry_after: None,
            },
        )
        .path_prefix("/network/v2.0/extensions/standard-attr-tag"),
    );
    sync(&env, &["web", "--yes"]).assert_code(0);
    let [w] = groups(&stack, "RegionThree", "web").try_into().unwrap();
    assert_eq!(
        w["description"],
        format!("web servers osprey-source=fake-a/RegionOne/{web}")
    );
    assert_eq!(w["tags"], json!([]));
    let [tagged] = groups(&stack, "RegionTwo", "web").try_into().unwrap();
    assert_eq!(tagged["description"], "web servers");
    // The marker makes the clone neither differ nor look like a stranger.
    both(&env, &["secgroup", "list", "--exit-code", "--name", "web"]).assert_code(0);
    let again = sync(&env, &["web", "--dry-run", "-f", "json"]);
    let row = again.row("fake-b", "RegionThree");
    assert_eq!(
        row["detail"],
        format!("already the same (our copy of fake-a/RegionOne/{web})")
    );
}

#[test]
fn a_look_alike_is_merged_and_pruned_only_when_asked() {
    let (stack, env) = demo();
    let (web, _) = web_and_db(&stack);
    let stranger = group(&stack, "RegionTwo", "web", json!({}));
    let dns = rule(
        &stack,
        "RegionTwo",
        &stranger,
        json!({"direction": "ingress",
        "protocol": "udp", "port_range_min": 53, "port_range_max": 53}),
    );
    // The same SSH rule in other words: 6 for tcp, a host address in 0/0.
    rule(
        &stack,
        "RegionTwo",
        &stranger,
        json!({"direction": "ingress", "protocol": "6",
        "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": "10.1.2.3/0"}),
    );
    let to_two = ["--to", "fake-a/RegionTwo"];

    let kept = sync(
        &env,
        &[&["web", "--dry-run", "-f", "json"][..], &to_two[..]].concat(),
    );
    kept.assert_code(0);
    let plan = kept.json();
    let web_row = rows_where(&plan, |r| {
        r["kind"] == "security_group" && r["name"] == "web"
    });
    assert_eq!(
        web_row[0]["detail"],
        "exists (a look-alike, not made by osprey); 1 rule to add, 1 only here"
    );
    let only_here = rows_where(&plan, |r| {
        r["detail"].as_str().unwrap().contains("only here;")
    });
    assert_eq!(only_here.len(), 1);
    assert_eq!(only_here[0]["action"], "skip");
    assert_eq!(
        only_here[0]["detail"],
        "ingress IPv4 udp 53 from 0.0.0.0/0 (only here; --prune deletes it)"
    );
    sync(&env, &[&["web", "--yes"][..], &to_two[..]].concat()).assert_code(0);
    assert!(
        stack
            .resource("RegionTwo", Kind::SecurityGroupRule, &dns)
            .is_some()
    );
    assert_eq!(
        groups(&stack, "RegionTwo", "web").len(),
        1,
        "merged, not re-created"
    );

    let pruned = sync(
        &env,
        &[&["web", "--prune", "--yes", "-f", "json"][..], &to_two[..]].concat(),
    );
    pruned.assert_code(0);
    let pruned_plan = pruned.json();
    let deleted = rows_where(&pruned_plan, |r| r["action"] == "delete");
    assert_eq!(deleted.len(), 1, "{}", pruned.stdout);
    assert_eq!(deleted[0]["status"], "applied");
    assert!(
        stack
            .resource("RegionTwo", Kind::SecurityGroupRule, &dns)
            .is_none()
    );
    let diff = both(
        &env,
        &[
            &["secgroup", "diff", "web", "-f", "json", "--exit-code"][..],
            &FROM[..],
            &to_two[..],
        ]
        .concat(),
    );
    diff.assert_code(0);
    assert_eq!(diff.json(), json!([]));
    assert!(
        diff.stderr.contains("has the same rules at every target"),
        "{}",
        diff.stderr
    );
    // Still not ours: a look-alike stays one.
    let again = sync(
        &env,
        &[&["web", "--dry-run", "-f", "json"][..], &to_two[..]].concat(),
    );
    assert_eq!(
        again.json()[0]["detail"],
        "already the same (a look-alike, not made by osprey)"
    );
    assert_ne!(web, stranger);
}

#[test]
fn the_default_group_is_merged_and_never_created() {
    let (stack, env) = demo();
    let default_one = groups(&stack, "RegionOne", "default");
    assert!(default_one.is_empty(), "made when the project first lists");
    both(&env, &["secgroup", "list"]).assert_code(0);
    let [def] = groups(&stack, "RegionOne", "default").try_into().unwrap();
    rule(
        &stack,
        "RegionOne",
        def["id"].as_str().unwrap(),
        json!({"direction": "ingress",
        "protocol": "icmp", "port_range_min": 8, "port_range_max": 0}),
    );
    both(&env, &["secgroup", "list", "--exit-code"]).assert_code(1);
    let run = sync(&env, &["default", "--yes", "-f", "json"]);
    run.assert_code(0);
    let plan = run.json();
    let group_rows = rows_where(&plan, |r| r["kind"] == "security_group");
    assert!(group_rows.iter().all(|r| r["action"] == "skip"), "{plan}");
    assert_eq!(
        group_rows[0]["detail"],
        "exists (the project's default group); 1 rule to add"
    );
    let added = rows_where(&plan, |r| r["action"] == "create");
    assert_eq!(added.len(), 2);
    assert_eq!(
        added[0]["detail"],
        "ingress IPv4 icmp type 8 code 0 from 0.0.0.0/0"
    );
    for region in REGIONS {
        assert_eq!(groups(&stack, region, "default").len(), 1, "{region}");
    }
    both(&env, &["secgroup", "list", "--exit-code"]).assert_code(0);
}

#[test]
fn a_failed_site_undoes_its_own_creations_only() {
    let (stack, env) = demo();
    web_and_db(&stack);
    stack.inject(
        Fault::new(
            Target::Region("RegionThree".into()),
            FaultKind::Status {
                code: 500,
                retry_after: None,
            },
        )
        .method("POST")
        .path_prefix("/network/v2.0/security-group-rules"),
    );
    let run = sync(&env, &["web", "--yes"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("error: fake-b/RegionThree: adding rules to security group"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("rolled back 2 creations of this run"),
        "{}",
        run.stderr
    );
    assert!(groups(&stack, "RegionThree", "web").is_empty());
    assert!(groups(&stack, "RegionThree", "db").is_empty());
    assert_eq!(
        groups(&stack, "RegionTwo", "web").len(),
        1,
        "the other site keeps its work"
    );
}

#[test]
fn conflicts_and_errors_name_what_is_wrong() {
    let (stack, env) = demo();
    web_and_db(&stack);
    group(&stack, "RegionThree", "web", json!({}));
    group(&stack, "RegionThree", "web", json!({}));
    let run = sync(&env, &["web", "--yes"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "error: fake-b/RegionThree: security_group web: conflict: 2 groups are named web here"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        groups(&stack, "RegionThree", "web").len(),
        2,
        "nothing changed there"
    );
    assert!(groups(&stack, "RegionThree", "db").is_empty());
    assert_eq!(groups(&stack, "RegionTwo", "web").len(), 1);

    let missing = sync(&env, &["nope", "--dry-run"]);
    missing.assert_code(2);
    assert!(
        missing
            .stderr
            .contains("error: security group nope does not exist at the source fake-a/RegionOne"),
        "{}",
        missing.stderr
    );
    assert!(missing.stderr.contains("hint: "), "{}", missing.stderr);

    let refused = sync(&env, &["db", "--to", "fake-b/RegionThree"]);
    refused.assert_code(2);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);
}

#[test]
fn diff_shows_the_rules_only_in_the_source_and_only_in_a_target() {
    let (stack, env) = demo();
    let (_, _) = web_and_db(&stack);
    let other = group(&stack, "RegionThree", "web", json!({}));
    rule(
        &stack,
        "RegionThree",
        &other,
        json!({"direction": "ingress", "protocol": "tcp",
        "port_range_min": 22, "port_range_max": 22}),
    );
    rule(
        &stack,
        "RegionThree",
        &other,
        json!({"direction": "ingress", "ethertype": "IPv6",
        "protocol": "ipv6-icmp"}),
    );
    let run = both(
        &env,
        &[
            &["secgroup", "diff", "web", "-f", "json", "--exit-code"][..],
            &FROM[..],
            &["--to", "fake-b/*"][..],
        ]
        .concat(),
    );
    run.assert_code(1);
    assert_eq!(
        run.json(),
        json!([
            {"cloud": "fake-b", "region": "RegionThree", "name": "web", "only_in": "source",
             "direction": "ingress", "ethertype": "IPv6", "protocol": "tcp", "ports": "443",
             "remote": "group db"},
            {"cloud": "fake-b", "region": "RegionThree", "name": "web", "only_in": "target",
             "direction": "ingress", "ethertype": "IPv6", "protocol": "ipv6-icmp", "ports": "",
             "remote": "::/0"},
        ])
    );
    let everywhere = both(
        &env,
        &[&["secgroup", "diff", "web", "-f", "json"][..], &FROM[..]].concat(),
    );
    everywhere.assert_code(0);
    assert!(
        everywhere
            .stderr
            .contains("fake-a/RegionTwo: security group web does not exist"),
        "{}",
        everywhere.stderr
    );
    assert_eq!(
        everywhere
            .sites()
            .iter()
            .filter(|s| s.1 == "RegionTwo")
            .count(),
        4
    );
}

#[test]
fn a_group_that_cannot_be_tagged_is_not_left_behind() {
    let (stack, env) = demo();
    web_and_db(&stack);
    stack.inject(
        Fault::new(
            Target::Region("RegionTwo".into()),
            FaultKind::Status {
                code: 500,
                retry_after: None,
            },
        )
        .method("PUT")
        .path_prefix("/network/v2.0/security-groups/"),
    );
    let run = sync(&env, &["web", "--yes"]);
    run.assert_code(2);
    // Both groups are created at once, so either may be named first.
    assert!(
        run.stderr
            .contains("error: fake-a/RegionTwo: creating security group ")
            && run.stderr.contains(
                "creating security group db (it was deleted again): tagging security group db"
            ),
        "{}",
        run.stderr
    );
    assert!(groups(&stack, "RegionTwo", "web").is_empty());
    assert!(groups(&stack, "RegionTwo", "db").is_empty());
    assert_eq!(groups(&stack, "RegionThree", "web").len(), 1);
}
