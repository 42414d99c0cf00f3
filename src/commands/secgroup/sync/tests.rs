//! Plans of `secgroup sync` at one target, from groups as Neutron shows them.

use super::apply::check;
use super::*;
use crate::api::secgroup::{AddressGroup, SecurityGroup};
use crate::plan::{PlanRow, Status};
use serde_json::{Value, json};

fn site(r: &str) -> SiteId {
    SiteId::new("c", r)
}

fn at(region: &str, tags: bool, groups: Value) -> SiteGroups {
    let raw: Vec<SecurityGroup> = serde_json::from_value(groups).unwrap();
    read::site_groups(site(region), &raw, &[], tags).unwrap()
}

fn ssh() -> Value {
    json!({"id": "r-ssh", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
           "port_range_min": 22, "port_range_max": 22})
}

/// `web` lets in SSH and IPv6 from `db`; `db` lets in its own members.
fn source() -> SiteGroups {
    at(
        "src",
        false,
        json!([
            {"id": "s-web", "name": "web", "description": "web servers", "security_group_rules": [
                ssh(),
                {"id": "r-db", "direction": "ingress", "ethertype": "IPv6", "remote_group_id": "s-db"},
            ]},
            {"id": "s-db", "name": "db", "stateful": false, "security_group_rules": [
                {"id": "r-self", "direction": "ingress", "ethertype": "IPv4", "remote_group_id": "s-db"},
            ]},
            {"id": "s-def", "name": "default", "security_group_rules": [ssh()]},
        ]),
    )
}

/// (kind, name, action, phase, detail) of each step.
fn rows(steps: &[Step<Op>]) -> Vec<(String, String, String, usize, String)> {
    steps
        .iter()
        .map(|s| {
            let row = PlanRow::of(s, Status::Planned);
            (row.kind, row.name, row.action, s.phase, row.detail)
        })
        .collect()
}

fn names(n: &[&str]) -> Vec<String> {
    n.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_missing_remote_group_is_created_before_the_rules_that_need_it() {
    let target = at("t", true, json!([]));
    let steps = plan_site(&source(), &target, &names(&["web"]), false);
    let got = rows(&steps);
    assert_eq!(got.len(), 5, "{got:#?}");
    assert_eq!(
        (&got[0].0[..], &got[0].1[..], &got[0].2[..], got[0].3),
        ("security_group", "web", "create", 0)
    );
    assert_eq!(
        got[0].4,
        "stateful, 2 rules; osprey-source=c/src/s-web tagged"
    );
    assert_eq!(
        (&got[1].1[..], &got[1].2[..], got[1].3),
        ("db", "create", 0)
    );
    assert!(
        got[1].4.ends_with("rules of web refer to it"),
        "{}",
        got[1].4
    );
    let rules: Vec<(&str, &str, usize)> = got[2..]
        .iter()
        .map(|r| (r.1.as_str(), r.4.as_str(), r.3))
        .collect();
    assert_eq!(
        rules,
        [
            ("web", "ingress IPv4 tcp 22 from 0.0.0.0/0", 1),
            ("web", "ingress IPv6 any from group db", 1),
            ("db", "ingress IPv4 any from group db", 1),
        ]
    );
    let Op::CreateGroup {
        description,
        tag,
        stateful,
        ..
    } = &steps[1].op
    else {
        panic!("{:?}", steps[1].op)
    };
    assert_eq!(
        (description.as_str(), tag.as_deref(), *stateful),
        ("", Some("osprey-source=c/src/s-db"), false)
    );
}

#[test]
fn without_tags_the_marker_goes_in_the_description() {
    let target = at("t", false, json!([]));
    let steps = plan_site(&source(), &target, &names(&["web"]), false);
    let Op::CreateGroup {
        description, tag, ..
    } = &steps[0].op
    else {
        panic!("{:?}", steps[0].op)
    };
    assert_eq!(description, "web servers osprey-source=c/src/s-web");
    assert_eq!(*tag, None);
    assert!(steps[0].detail.ends_with("in its description"));
}

#[test]
fn an_existing_remote_group_is_mapped_and_left_alone() {
    let target = at(
        "t",
        true,
        json!([{"id": "t-db", "name": "db", "stateful": false, "security_group_rules": []}]),
    );
    let got = rows(&plan_site(&source(), &target, &names(&["web"]), false));
    let db: Vec<_> = got.iter().filter(|r| r.1 == "db").collect();
    assert_eq!(db.len(), 1, "{got:#?}");
    assert_eq!(db[0].2, "skip");
    assert_eq!(
        db[0].4,
        "exists (a look-alike, not made by osprey); rules of web refer to it"
    );
}

#[test]
fn our_copy_that_is_the_same_plans_only_skip() {
    let target = at(
        "t",
        true,
        json!([
            {"id": "t-web", "name": "web", "tags": ["osprey-source=c/src/s-web"],
             "security_group_rules": [ssh(),
                {"id": "x", "direction": "ingress", "ethertype": "IPv6", "remote_group_id": "t-db"}]},
            {"id": "t-db", "name": "db", "stateful": false, "description": "osprey-source=c/src/s-db",
             "security_group_rules": [
                {"id": "y", "direction": "ingress", "ethertype": "IPv4", "remote_group_id": "t-db"}]},
        ]),
    );
    let steps = plan_site(&source(), &target, &names(&["web", "db"]), true);
    let got = rows(&steps);
    assert!(got.iter().all(|r| r.2 == "skip"), "{got:#?}");
    assert_eq!(got[0].4, "already the same (our copy of c/src/s-web)");
    assert_eq!(got[1].4, "already the same (our copy of c/src/s-db)");
}

#[test]
fn a_look_alike_is_merged_and_pruned_only_with_prune() {
    let target = at(
        "t",
        true,
        json!([
            {"id": "t-web", "name": "web", "security_group_rules": [
                {"id": "old", "direction": "ingress", "ethertype": "IPv4", "protocol": "udp",
                 "port_range_min": 53, "port_range_max": 53}]},
            {"id": "t-db", "name": "db", "stateful": false, "tags": ["osprey-source=c/other/x"]},
        ]),
    );
    let kept = rows(&plan_site(&source(), &target, &names(&["web"]), false));
    assert_eq!(
        kept[0].4,
        "exists (a look-alike, not made by osprey); 2 rules to add, 1 only here"
    );
    let only_here: Vec<_> = kept.iter().filter(|r| r.3 == 2).collect();
    assert_eq!(only_here.len(), 1);
    assert_eq!(only_here[0].2, "skip");
    assert_eq!(
        only_here[0].4,
        "ingress IPv4 udp 53 from 0.0.0.0/0 (only here; --prune deletes it)"
    );
    assert_eq!(
        kept[1].4,
        "exists (a copy of c/other/x, not of c/src/s-db); rules of web refer to it"
    );
    let pruned = plan_site(&source(), &target, &names(&["web"]), true);
    let delete: Vec<_> = pruned
        .iter()
        .filter(|s| s.action == Action::Delete)
        .collect();
    assert_eq!(delete.len(), 1);
    assert!(matches!(&delete[0].op, Op::DeleteRule { id } if id == "old"));
    assert_eq!(delete[0].phase, 2);
}

#[test]
fn the_default_group_is_merged_never_created() {
    let merged = at(
        "t",
        true,
        json!([{"id": "t-def", "name": "default", "security_group_rules": []}]),
    );
    let got = rows(&plan_site(&source(), &merged, &names(&["default"]), false));
    assert_eq!(got[0].2, "skip");
    assert_eq!(
        got[0].4,
        "exists (the project's default group); 1 rule to add"
    );
    assert_eq!((got[1].0.as_str(), got[1].2.as_str()), (RULE, "create"));
    let none = at("t", true, json!([]));
    let got = rows(&plan_site(&source(), &none, &names(&["default"]), false));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].2, "conflict");
}

#[test]
fn a_stateful_difference_is_an_update() {
    let target = at(
        "t",
        true,
        json!([{"id": "t-db", "name": "db", "stateful": true, "security_group_rules": [
            {"id": "y", "direction": "ingress", "ethertype": "IPv4", "remote_group_id": "t-db"}]}]),
    );
    let steps = plan_site(&source(), &target, &names(&["db"]), false);
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].action, Action::Update);
    assert_eq!(
        steps[0].detail,
        "stateful → stateless (a look-alike, not made by osprey)"
    );
    assert!(matches!(steps[0].op, Op::SetStateful(false)));
}

#[test]
fn ambiguous_names_and_unmappable_remotes_are_conflicts() {
    let two = at(
        "t",
        true,
        json!([{"id": "a", "name": "web"}, {"id": "b", "name": "web"}]),
    );
    let got = rows(&plan_site(&source(), &two, &names(&["web"]), false));
    assert_eq!(got[0].2, "conflict");
    assert!(
        got[0].4.starts_with("2 groups are named web here"),
        "{}",
        got[0].4
    );

    let raw: Vec<SecurityGroup> = serde_json::from_value(json!([
        {"id": "s-web", "name": "web", "security_group_rules": [
            {"id": "r", "direction": "ingress", "ethertype": "IPv4", "remote_address_group_id": "ag"},
            {"id": "r2", "direction": "ingress", "ethertype": "IPv4", "remote_group_id": "elsewhere"},
        ]},
    ]))
    .unwrap();
    let office = AddressGroup {
        id: "ag".into(),
        name: "office".into(),
    };
    let src = read::site_groups(site("src"), &raw, &[office], false).unwrap();
    let target = at("t", true, json!([]));
    let got = rows(&plan_site(&src, &target, &names(&["web"]), false));
    let conflicts: Vec<&str> = got
        .iter()
        .filter(|r| r.2 == "conflict")
        .map(|r| r.4.as_str())
        .collect();
    assert_eq!(
        conflicts,
        [
            "ingress IPv4 any from address group office: address group office does not exist \
             here; osprey does not clone address groups: create it, then run again",
            "ingress IPv4 any from group id elsewhere: its remote group elsewhere is not a group \
             of the project at the source",
        ]
    );
    let mut with_office = target.clone();
    with_office
        .address_groups
        .insert("office".into(), vec!["t-ag".into()]);
    let got = rows(&plan_site(&src, &with_office, &names(&["web"]), false));
    assert_eq!(got.iter().filter(|r| r.2 == "conflict").count(), 1);
}

/// Issue 14: a template rule Neutron gives the new group is kept only
/// where the source's rule of its key says no more than it does; else it
/// makes way for the source's rule, created as the source has it.
#[test]
fn issue_14_a_template_rule_is_kept_only_with_the_sources_values() {
    let src = at(
        "src",
        true,
        json!([{"id": "s-out", "name": "out", "security_group_rules": [
            {"id": "r4", "direction": "egress", "ethertype": "IPv4",
             "remote_ip_prefix": "0.0.0.0/0"},
            {"id": "r6", "direction": "egress", "ethertype": "IPv6"},
        ]}]),
    );
    let steps = plan_site(&src, &at("t", true, json!([])), &names(&["out"]), false);
    let Op::CreateGroup { keep, .. } = &steps[0].op else {
        panic!("{steps:#?}");
    };
    let kept: Vec<String> = keep.iter().map(ToString::to_string).collect();
    assert_eq!(kept, ["egress IPv6 any to ::/0"]);
}

#[test]
fn a_step_is_checked_against_what_is_read_back() {
    let now = at(
        "t",
        true,
        json!([{"id": "t-web", "name": "web", "stateful": false, "security_group_rules": [ssh()]}]),
    );
    let src = source();
    let web = src.one("web").unwrap().unwrap();
    let ssh_key = web
        .rules
        .keys()
        .find(|k| k.remote_group().is_none())
        .unwrap();
    let v6_key = web
        .rules
        .keys()
        .find(|k| k.remote_group().is_some())
        .unwrap();
    let step = |op: Op| Step {
        site: site("t"),
        kind: RULE.into(),
        name: "web".into(),
        action: Action::Create,
        detail: String::new(),
        group: String::new(),
        phase: 1,
        op,
    };
    let add = |key: &RuleKey| {
        step(Op::AddRule {
            key: key.clone(),
            rule: Box::new(web.rules[key][0].clone()),
        })
    };
    assert_eq!(check(&now, &add(ssh_key)), Ok(()));
    assert_eq!(
        check(&now, &add(v6_key)),
        Err("security group web lacks ingress IPv6 any from group db".into())
    );
    assert_eq!(
        check(&now, &step(Op::SetStateful(true))),
        Err("security group web is stateless".into())
    );
    assert_eq!(
        check(&now, &step(Op::DeleteRule { id: "r-ssh".into() })),
        Err("security group web still has rule r-ssh".into())
    );
    let mut gone = step(Op::Nothing);
    gone.name = "db".into();
    assert_eq!(
        check(&now, &gone),
        Err("security group db is not there".into())
    );
}
