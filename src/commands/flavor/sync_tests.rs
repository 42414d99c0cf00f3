//! How one flavor is planned at one target, for each thing the target may hold.

use super::*;
use crate::api::flavor::Size;

fn site() -> SiteId {
    SiteId {
        cloud: "c".into(),
        region: "r2".into(),
    }
}

fn flavor(id: &str, name: &str, ram: u64, public: bool) -> Flavor {
    Flavor {
        id: id.into(),
        name: name.into(),
        size: Size {
            vcpus: 2,
            ram,
            disk: 20,
            ephemeral: 0,
            swap: 0,
            rxtx_factor: 1.0,
            is_public: public,
        },
        description: Some("general purpose".into()),
        extra_specs: Some([("hw:cpu_policy".to_string(), "dedicated".to_string())].into()),
    }
}

fn wanted(public: bool, access: &[(&str, Option<&str>)]) -> Wanted {
    let f = flavor("42", "m1.gp", 4096, public);
    Wanted {
        specs: Specs::of(&f),
        flavor: f,
        access: access
            .iter()
            .map(|(id, name)| Sharer {
                id: id.to_string(),
                name: name.map(str::to_string),
            })
            .collect(),
    }
}

fn projects(list: &[(&str, &str)]) -> Projects {
    let mut map = Projects::new();
    for (name, id) in list {
        map.entry(name.to_string())
            .or_default()
            .push(id.to_string());
    }
    map
}

fn reason(step: &Step<Op>) -> String {
    match &step.action {
        Action::Conflict { reason } | Action::Skip { reason } => reason.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_missing_flavor_is_created_with_the_sources_id_and_description() {
    let w = wanted(true, &[]);
    let step = decide(&site(), &w, &Found::default(), &Projects::new(), false);
    assert_eq!(step.action, Action::Create);
    assert_eq!(step.kind, "flavor");
    assert_eq!(step.detail, "id 42");
    let Op::Create { new, grant } = &step.op else {
        panic!("{:?}", step.op)
    };
    assert_eq!(new.id.as_deref(), Some("42"));
    assert_eq!(new.description.as_deref(), Some("general purpose"));
    assert_eq!(new.extra_specs["hw:cpu_policy"], "dedicated");
    assert!(grant.is_empty());
}

#[test]
fn a_taken_id_makes_a_new_one_and_says_so() {
    let w = wanted(true, &[]);
    let other = flavor("42", "m1.other", 1024, true);
    let found = Found {
        id_taken_by: Some(&other),
        ..Found::default()
    };
    let step = decide(&site(), &w, &found, &Projects::new(), false);
    assert_eq!(step.action, Action::Create);
    assert_eq!(step.detail, "a new id: 42 is flavor m1.other here");
    let Op::Create { new, .. } = &step.op else {
        panic!()
    };
    assert_eq!(new.id, None);
}

#[test]
fn an_identical_flavor_is_adopted_whatever_its_id() {
    let w = wanted(true, &[]);
    let mut here = flavor("7", "m1.gp", 4096, true);
    here.description = None;
    let found = Found {
        same_name: Some(&here),
        ..Found::default()
    };
    let step = decide(&site(), &w, &found, &Projects::new(), false);
    assert_eq!(reason(&step), "already the same");
    assert!(!step.action.changes());
}

#[test]
fn other_specs_are_a_conflict_that_names_replace() {
    let w = wanted(true, &[]);
    let here = flavor("42", "m1.gp", 2048, true);
    let found = Found {
        same_name: Some(&here),
        ..Found::default()
    };
    let step = decide(&site(), &w, &found, &Projects::new(), false);
    assert_eq!(
        reason(&step),
        "a flavor of this name here has other specs (ram 2048 here, 4096 at the source); \
         pass --replace to delete and re-create it"
    );
}

#[test]
fn replace_deletes_and_recreates_with_the_freed_id() {
    let w = wanted(true, &[]);
    let here = flavor("42", "m1.gp", 2048, true);
    let found = Found {
        same_name: Some(&here),
        servers: Some(0),
        ..Found::default()
    };
    let step = decide(&site(), &w, &found, &Projects::new(), true);
    assert_eq!(step.action, Action::Replace);
    assert_eq!(
        step.detail,
        "ram 2048 here, 4096 at the source; delete id 42, create with id 42"
    );
    let Op::Replace { old_id, new, .. } = &step.op else {
        panic!()
    };
    assert_eq!((old_id.as_str(), new.id.as_deref()), ("42", Some("42")));
}

#[test]
fn replace_leaves_a_flavor_that_servers_were_built_from() {
    let w = wanted(true, &[]);
    let here = flavor("9", "m1.gp", 2048, true);
    let found = Found {
        same_name: Some(&here),
        servers: Some(3),
        ..Found::default()
    };
    let step = decide(&site(), &w, &found, &Projects::new(), true);
    let r = reason(&step);
    assert!(
        r.starts_with("3 servers here were built from it, so --replace leaves it"),
        "{r}"
    );
    assert!(r.contains("resize them to another flavor first"), "{r}");
}

#[test]
fn private_access_is_mapped_by_project_name() {
    let w = wanted(false, &[("src-ops", Some("ops")), ("src-dev", Some("dev"))]);
    let here = projects(&[("ops", "t-ops"), ("dev", "t-dev"), ("demo", "t-demo")]);
    let step = decide(&site(), &w, &Found::default(), &here, false);
    assert_eq!(step.detail, "id 42, shared with ops, dev");
    let Op::Create { grant, new } = &step.op else {
        panic!()
    };
    assert!(!new.size.is_public);
    let ids: Vec<&str> = grant.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["t-ops", "t-dev"]);
}

#[test]
fn an_unmappable_project_is_a_conflict() {
    let w = wanted(false, &[("src-ops", Some("ops"))]);
    let step = decide(&site(), &w, &Found::default(), &projects(&[]), false);
    assert!(
        reason(&step).starts_with(
            "project ops, which it is shared with at the source, is not in this site's Keystone"
        ),
        "{}",
        reason(&step)
    );
    let w = wanted(false, &[("gone", None)]);
    let step = decide(&site(), &w, &Found::default(), &projects(&[]), false);
    assert!(
        reason(&step).contains("project id gone"),
        "{}",
        reason(&step)
    );
    let w = wanted(false, &[("src-ops", Some("ops"))]);
    let twice = projects(&[("ops", "a"), ("ops", "b")]);
    let step = decide(&site(), &w, &Found::default(), &twice, false);
    assert!(reason(&step).contains("ambiguous"), "{}", reason(&step));
}

#[test]
fn an_identical_private_flavor_is_shared_with_what_it_lacks() {
    let w = wanted(false, &[("src-ops", Some("ops")), ("src-dev", Some("dev"))]);
    let here_flavor = flavor("42", "m1.gp", 4096, false);
    let map = projects(&[("ops", "t-ops"), ("dev", "t-dev")]);
    let found = Found {
        same_name: Some(&here_flavor),
        access: vec!["t-ops".into()],
        ..Found::default()
    };
    let step = decide(&site(), &w, &found, &map, false);
    assert_eq!(step.action, Action::Update);
    assert_eq!(step.detail, "share with dev, as at the source");
    let found = Found {
        same_name: Some(&here_flavor),
        access: vec!["t-ops".into(), "t-dev".into(), "t-other".into()],
        ..Found::default()
    };
    let step = decide(&site(), &w, &found, &map, false);
    assert_eq!(reason(&step), "already the same");
}
