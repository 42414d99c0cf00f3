//! `secgroup sync` across both real clouds' Neutrons.

use super::{Rest, clouds_yaml};
use crate::common::Env;
use serde_json::{Value, json};

/// The demo project's security groups this test made (names ending in its
/// suffix) and the rules it added to the `default` groups, deleted at the
/// end whatever happened, in RegionOne, RegionTwo (cloud A) and
/// RegionThree (cloud B).
struct SecgroupCleanup {
    a: Rest,
    b: Rest,
    suffix: String,
    /// Per Neutron port: the ids of the default group's rules before.
    default_rules: Vec<(u16, Vec<String>)>,
}

impl SecgroupCleanup {
    const NEUTRONS: [u16; 3] = [9696, 9706, 9716];

    fn rest(&self, port: u16) -> &Rest {
        if port == 9716 { &self.b } else { &self.a }
    }

    fn groups(&self, port: u16) -> Vec<Value> {
        let rest = self.rest(port);
        let url = format!(
            "http://127.0.0.1:{port}/v2.0/security-groups?project_id={}",
            rest.project_id
        );
        let (status, v) = rest.send(reqwest::Method::GET, &url, None);
        assert_eq!(status, 200, "{v}");
        v["security_groups"].as_array().unwrap().clone()
    }

    fn named(&self, port: u16, name: &str) -> Vec<Value> {
        self.groups(port)
            .into_iter()
            .filter(|g| g["name"] == name)
            .collect()
    }

    fn default_rule_ids(&self, port: u16) -> Vec<String> {
        let [default] = self.named(port, "default").try_into().unwrap();
        default["security_group_rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    }

    /// Creates a group with rules through the real API; a rule's
    /// `remote_group_id` of `"self"` is the group itself.
    fn create(&self, port: u16, name: &str, rules: &[Value]) -> String {
        let rest = self.rest(port);
        let base = format!("http://127.0.0.1:{port}/v2.0");
        let body = json!({"security_group": {"name": name, "description": "osprey real tier"}});
        let (status, v) = rest.send(
            reqwest::Method::POST,
            &format!("{base}/security-groups"),
            Some(body),
        );
        assert_eq!(status, 201, "{v}");
        let id = v["security_group"]["id"].as_str().unwrap().to_string();
        for rule in rules {
            self.add_rule(port, &id, rule);
        }
        id
    }

    fn add_rule(&self, port: u16, group: &str, rule: &Value) -> String {
        let mut rule = rule.clone();
        rule["security_group_id"] = json!(group);
        if rule["remote_group_id"] == "self" {
            rule["remote_group_id"] = json!(group);
        }
        let url = format!("http://127.0.0.1:{port}/v2.0/security-group-rules");
        let (status, v) = self.rest(port).send(
            reqwest::Method::POST,
            &url,
            Some(json!({"security_group_rule": rule})),
        );
        assert_eq!(status, 201, "{v}");
        v["security_group_rule"]["id"].as_str().unwrap().to_string()
    }
}

impl Drop for SecgroupCleanup {
    fn drop(&mut self) {
        for port in Self::NEUTRONS {
            let rest = self.rest(port);
            let base = format!("http://127.0.0.1:{port}/v2.0");
            let mut mine: Vec<Value> = self
                .groups(port)
                .into_iter()
                .filter(|g| g["name"].as_str().unwrap_or("").ends_with(&self.suffix))
                .collect();
            // Groups that others' rules refer to go last.
            mine.sort_by_key(|g| g["name"].as_str().unwrap_or("").starts_with("db-"));
            for g in mine {
                let id = g["id"].as_str().unwrap_or_default();
                rest.send(
                    reqwest::Method::DELETE,
                    &format!("{base}/security-groups/{id}"),
                    None,
                );
            }
            let before = self
                .default_rules
                .iter()
                .find(|(p, _)| *p == port)
                .map(|(_, ids)| ids.clone())
                .unwrap_or_default();
            for id in self.default_rule_ids(port) {
                if !before.contains(&id) {
                    let url = format!("{base}/security-group-rules/{id}");
                    rest.send(reqwest::Method::DELETE, &url, None);
                }
            }
        }
    }
}

#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn secgroup_sync_clones_remote_groups_prunes_and_merges_default() {
    let suffix = format!(
        "-{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
            % 0xff_ffff
    );
    let (web, db) = (format!("web{suffix}"), format!("db{suffix}"));
    let mut made = SecgroupCleanup {
        a: Rest::login("http://127.0.0.1:5000", "demo", "minicloud-demo", "demo"),
        b: Rest::login("http://127.0.0.1:5001", "demo", "minicloud-demo", "demo"),
        suffix: suffix.clone(),
        default_rules: Vec::new(),
    };
    made.default_rules = SecgroupCleanup::NEUTRONS
        .iter()
        .map(|p| (*p, made.default_rule_ids(*p)))
        .collect();
    // RegionOne: db lets in its own members; web lets in SSH, HTTPS from
    // db's members, and HTTP over IPv6 from a documentation network.
    let db_id = made.create(
        9696,
        &db,
        &[json!({"direction": "ingress", "protocol": "tcp",
        "port_range_min": 5432, "port_range_max": 5432, "remote_group_id": "self"})],
    );
    made.create(
        9696,
        &web,
        &[
            json!({"direction": "ingress", "protocol": "tcp", "port_range_min": 22,
               "port_range_max": 22, "remote_ip_prefix": "0.0.0.0/0"}),
            json!({"direction": "ingress", "protocol": "tcp", "port_range_min": 443,
               "port_range_max": 443, "remote_group_id": db_id}),
            json!({"direction": "ingress", "ethertype": "IPv6", "protocol": "6",
               "port_range_min": 80, "port_range_max": 80, "remote_ip_prefix": "2001:db8::1/32"}),
        ],
    );
    // RegionTwo: a look-alike web with SSH and a rule the source lacks.
    made.create(
        9706,
        &web,
        &[
            json!({"direction": "ingress", "protocol": "tcp", "port_range_min": 22,
               "port_range_max": 22}),
            json!({"direction": "ingress", "protocol": "udp", "port_range_min": 53,
               "port_range_max": 53}),
        ],
    );

    let env = Env::with_clouds(&clouds_yaml());
    let osprey = |args: &[&str]| {
        let started = std::time::Instant::now();
        let run = env.run(&[&["--os-cloud", "mc-a-demo,mc-b-demo"][..], args].concat());
        eprintln!("osprey {}: {:?}", args.join(" "), started.elapsed());
        run
    };
    let from = ["--from", "mc-a-demo/RegionOne"];
    let ours = format!("*{suffix}");
    osprey(&["secgroup", "list", "--name", &ours, "--exit-code"]).assert_code(1);

    let dry = osprey(
        &[
            &[
                "secgroup",
                "sync",
                &web,
                "--dry-run",
                "--exit-code",
                "-f",
                "json",
            ][..],
            &from[..],
        ]
        .concat(),
    );
    dry.assert_code(1);
    let plan = dry.json();
    let at = |region: &str, kind: &str, name: &str| -> Vec<Value> {
        plan.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["region"] == region && r["kind"] == kind && r["name"] == name)
            .cloned()
            .collect()
    };
    assert_eq!(
        at("RegionTwo", "security_group", &web)[0]["detail"],
        "exists (a look-alike, not made by osprey); 2 rules to add, 1 only here"
    );
    assert_eq!(
        at("RegionThree", "security_group", &web)[0]["action"],
        "create"
    );
    assert_eq!(
        at("RegionThree", "security_group", &db)[0]["action"],
        "create"
    );
    assert_eq!(at("RegionThree", "security_group_rule", &web).len(), 3);

    osprey(&[&["secgroup", "sync", &web, "--yes"][..], &from[..]].concat()).assert_code(0);
    // Via the real API: RegionThree's web is tagged and its HTTPS rule
    // names RegionThree's db; RegionTwo's extra rule is still there.
    let web_one = made.named(9696, &web)[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let [web_three] = made.named(9716, &web).try_into().unwrap();
    let [db_three] = made.named(9716, &db).try_into().unwrap();
    assert_eq!(
        web_three["tags"],
        json!([format!("osprey-source=mc-a-demo/RegionOne/{web_one}")])
    );
    let https = web_three["security_group_rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["port_range_min"] == 443)
        .unwrap()
        .clone();
    assert_eq!(https["remote_group_id"], db_three["id"]);
    let v6 = web_three["security_group_rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ethertype"] == "IPv6")
        .unwrap()
        .clone();
    assert_eq!(
        v6["remote_ip_prefix"], "2001:db8::1/32",
        "as at the source, host bits kept (issue 14)"
    );
    assert_eq!(v6["protocol"], "6");
    let udp = |port| {
        made.named(port, &web)[0]["security_group_rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["protocol"] == "udp")
    };
    assert!(udp(9706), "kept without --prune");

    let pruned = osprey(
        &[
            &["secgroup", "sync", &web, "--prune", "--yes", "-f", "json"][..],
            &from[..],
        ]
        .concat(),
    );
    pruned.assert_code(0);
    assert!(!udp(9706), "deleted with --prune");
    let again = osprey(
        &[
            &[
                "secgroup",
                "sync",
                &web,
                &db,
                "--prune",
                "--dry-run",
                "--exit-code",
                "-f",
                "json",
            ][..],
            &from[..],
        ]
        .concat(),
    );
    again.assert_only_skips();
    osprey(&["secgroup", "list", "--name", &ours, "--exit-code"]).assert_code(0);

    // default: a rule added in RegionOne is merged into the others.
    let [default_one] = made.named(9696, "default").try_into().unwrap();
    made.add_rule(
        9696,
        default_one["id"].as_str().unwrap(),
        &json!({"direction": "ingress",
        "protocol": "icmp", "port_range_min": 8, "port_range_max": 0,
        "remote_ip_prefix": "192.0.2.0/24"}),
    );
    osprey(&["secgroup", "list", "--name", "default", "--exit-code"]).assert_code(1);
    osprey(&[&["secgroup", "sync", "default", "--yes"][..], &from[..]].concat()).assert_code(0);
    osprey(&["secgroup", "list", "--name", "default", "--exit-code"]).assert_code(0);
    for port in [9706, 9716] {
        let [default] = made.named(port, "default").try_into().unwrap();
        assert!(
            default["security_group_rules"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["protocol"] == "icmp" && r["remote_ip_prefix"] == "192.0.2.0/24"),
            "{default}"
        );
    }

    // Issue 14: a clone says what its source says, as Neutron stores it
    // (`6`, an explicit 0.0.0.0/0, `47`, host bits), and is still the
    // same rule to the next run.
    let edge = format!("edge{suffix}");
    made.create(
        9696,
        &edge,
        &[
            json!({"direction": "ingress", "protocol": "6", "port_range_min": 2222,
               "port_range_max": 2222, "remote_ip_prefix": "0.0.0.0/0"}),
            json!({"direction": "ingress", "protocol": "47"}),
            json!({"direction": "ingress", "remote_ip_prefix": "10.0.0.7/8"}),
        ],
    );
    let said = |port| -> Vec<Value> {
        let [g] = made.named(port, &edge).try_into().unwrap();
        let mut out: Vec<Value> = g["security_group_rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                json!([
                    r["direction"],
                    r["ethertype"],
                    r["protocol"],
                    r["port_range_min"],
                    r["port_range_max"],
                    r["remote_ip_prefix"],
                    r["description"]
                ])
            })
            .collect();
        out.sort_by_key(Value::to_string);
        out
    };
    let source = said(9696);
    for want in [
        json!(["ingress", "IPv4", "6", 2222, 2222, "0.0.0.0/0", ""]),
        json!(["ingress", "IPv4", "47", null, null, null, ""]),
        json!(["ingress", "IPv4", null, null, null, "10.0.0.7/8", ""]),
    ] {
        assert!(source.contains(&want), "Neutron stores {want}: {source:#?}");
    }
    osprey(&[&["secgroup", "sync", &edge, "--yes"][..], &from[..]].concat()).assert_code(0);
    for port in [9706, 9716] {
        assert_eq!(said(port), source, "at port {port}");
    }
    let again = osprey(
        &[
            &[
                "secgroup",
                "sync",
                &edge,
                "--dry-run",
                "--exit-code",
                "-f",
                "json",
            ][..],
            &from[..],
        ]
        .concat(),
    );
    again.assert_only_skips();
}
