//! End-to-end: `osprey flavor list|sync` against fakestack's demo estate
//! (fake-a: RegionOne and RegionTwo under one Keystone, fake-b: RegionThree
//! under another), as the admins of both clouds.

use crate::common::{self, Env, admins, demo, keystone_of, nova, pairs, start};
use fakestack::{FakeStack, Fault, Kind, Resource, Spec};
use serde_json::{Value, json};

const FROM: [&str; 2] = ["--from", "fake-a-admin/RegionOne"];

/// `flavor sync NAMES --from RegionOne [more]`, as both admins.
fn sync(env: &Env, more: &[&str]) -> common::Run {
    admins(env, &[&["flavor", "sync"], &FROM[..], more].concat())
}

/// The project ids a flavor is shared with, read with the real API.
fn access(stack: &FakeStack, region: &str, id: &str) -> Vec<String> {
    let v = nova(
        stack,
        region,
        "GET",
        &format!("flavors/{id}/os-flavor-access"),
        Value::Null,
    );
    v["flavor_access"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["tenant_id"].as_str().unwrap().to_string())
        .collect()
}

/// A flavor seeded as the admin, with extra specs and (when private) the
/// projects it is shared with.
fn flavor(
    stack: &FakeStack,
    region: &str,
    body: Value,
    specs: Value,
    shared_with: &[&str],
) -> Resource {
    let f = stack.seed(region, Kind::Flavor, "admin", body);
    if specs.as_object().is_some_and(|m| !m.is_empty()) {
        nova(
            stack,
            region,
            "POST",
            &format!("flavors/{}/os-extra_specs", f.id),
            json!({ "extra_specs": specs }),
        );
    }
    for project in shared_with {
        let id = stack.project_id(keystone_of(region), project);
        nova(
            stack,
            region,
            "POST",
            &format!("flavors/{}/action", f.id),
            json!({"addTenantAccess": {"tenant": id}}),
        );
    }
    f
}

/// The source's flavor of most tests: private, with extra specs and a
/// description, shared with project `ops` (in both Keystones).
fn gp(stack: &FakeStack) -> Resource {
    stack.add_project("fake-a", "ops");
    stack.add_project("fake-b", "ops");
    flavor(
        stack,
        "RegionOne",
        json!({"id": "gp-1", "name": "m1.gp", "vcpus": 2, "ram": 4096, "disk": 20,
               "swap": 512, "os-flavor-access:is_public": false,
               "description": "general purpose"}),
        json!({"hw:cpu_policy": "dedicated", "hw:mem_page_size": "large"}),
        &["ops"],
    )
}

/// The flavor of that name in a region, as stored.
fn stored(stack: &FakeStack, region: &str, name: &str) -> Option<Resource> {
    stack
        .resources(region, Kind::Flavor)
        .into_iter()
        .find(|r| r.body["name"] == name)
}

fn actions(run: &common::Run) -> Vec<(String, String)> {
    run.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_string(),
                r["action"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn list_judges_each_name_across_every_site() {
    let (stack, env) = demo();
    let small = json!({"id": "s", "name": "m1.small", "vcpus": 1, "ram": 2048, "disk": 20});
    for region in ["RegionOne", "RegionTwo", "RegionThree"] {
        flavor(
            &stack,
            region,
            small.clone(),
            json!({"hw:numa_nodes": "1"}),
            &[],
        );
    }
    for (region, ram) in [("RegionOne", 8192), ("RegionTwo", 4096)] {
        flavor(
            &stack,
            region,
            json!({"name": "m1.big", "vcpus": 4, "ram": ram, "disk": 40}),
            json!({}),
            &[],
        );
    }
    flavor(
        &stack,
        "RegionOne",
        json!({"name": "m1.secret", "vcpus": 1, "ram": 512, "disk": 1,
               "os-flavor-access:is_public": false}),
        json!({}),
        &[],
    );

    let run = admins(&env, &["flavor", "list", "-f", "json"]);
    run.assert_code(0);
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 9, "a row per name and site");
    let status = |name: &str| {
        rows.iter()
            .find(|r| r["name"] == name)
            .map(|r| r["status"].clone())
            .unwrap()
    };
    assert_eq!(status("m1.small"), "same");
    assert_eq!(status("m1.big"), "differs");
    assert_eq!(
        status("m1.secret"),
        "missing",
        "the admin sees private flavors"
    );
    let small = rows
        .iter()
        .find(|r| r["name"] == "m1.small" && r["region"] == "RegionThree")
        .unwrap();
    assert_eq!(
        small.as_object().unwrap().keys().collect::<Vec<_>>(),
        [
            "cloud",
            "region",
            "name",
            "id",
            "vcpus",
            "ram",
            "disk",
            "ephemeral",
            "swap",
            "rxtx_factor",
            "is_public",
            "extra_specs",
            "digest",
            "status"
        ]
    );
    assert_eq!(small["extra_specs"], json!({"hw:numa_nodes": "1"}));
    assert_eq!(small["swap"], 0);
    let gone = rows
        .iter()
        .find(|r| r["name"] == "m1.big" && r["region"] == "RegionThree")
        .unwrap();
    assert_eq!(gone["digest"], Value::Null);
    assert_eq!(gone["status"], "differs");

    // The table: a column per site with the digest, and the status.
    let run = admins(&env, &["flavor", "list"]);
    run.assert_code(0);
    let header = run.stdout.lines().nth(1).unwrap();
    for column in [
        "fake-a-admin/RegionOne",
        "fake-a-admin/RegionTwo",
        "fake-b-admin/RegionThree",
        "Status",
    ] {
        assert!(header.contains(column), "{header}");
    }
    let digest = small["digest"].as_str().unwrap();
    let line = run.stdout.lines().find(|l| l.contains("m1.small")).unwrap();
    assert_eq!(line.matches(digest).count(), 3, "{line}");

    // --exit-code: drift is a finding; --name narrows what is judged.
    admins(&env, &["flavor", "list", "--exit-code"]).assert_code(1);
    let run = admins(
        &env,
        &[
            "flavor",
            "list",
            "--name",
            "m1.sm*",
            "--exit-code",
            "-f",
            "json",
        ],
    );
    run.assert_code(0);
    assert_eq!(run.json().as_array().unwrap().len(), 3);
    // The demo user sees neither the private flavor nor a difference in it.
    let run = env.run(&["--os-cloud", "fake-a", "flavor", "list", "-f", "json"]);
    run.assert_code(0);
    assert!(!run.stdout.contains("m1.secret"), "{}", run.stdout);
}

#[test]
fn sync_clones_specs_id_description_and_access_then_only_skips() {
    let (stack, env) = demo();
    gp(&stack);
    admins(&env, &["flavor", "list", "--exit-code"]).assert_code(1);

    let run = sync(&env, &["m1.gp", "--yes", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        actions(&run),
        pairs(&[("RegionTwo", "create"), ("RegionThree", "create")])
    );
    let row = run.row("fake-b-admin", "RegionThree");
    assert_eq!(row["kind"], "flavor");
    assert_eq!(row["detail"], "id gp-1, shared with ops");
    assert_eq!(row["status"], "applied");
    for region in ["RegionTwo", "RegionThree"] {
        let f = stored(&stack, region, "m1.gp").unwrap();
        assert_eq!(f.id, "gp-1", "the source's id, free here");
        assert_eq!(f.body["ram"], 4096);
        assert_eq!(f.body["swap"], 512);
        assert_eq!(f.body["os-flavor-access:is_public"], false);
        assert_eq!(f.body["description"], "general purpose");
        assert_eq!(
            f.body["extra_specs"],
            json!({"hw:cpu_policy": "dedicated", "hw:mem_page_size": "large"})
        );
        // Mapped by name: each Keystone's own `ops`.
        let ops = stack.project_id(keystone_of(region), "ops");
        assert_eq!(access(&stack, region, &f.id), [ops], "{region}");
    }
    assert_ne!(
        stack.project_id("fake-a", "ops"),
        stack.project_id("fake-b", "ops")
    );

    let run = sync(&env, &["m1.gp", "--dry-run", "--exit-code", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        actions(&run),
        pairs(&[("RegionTwo", "skip"), ("RegionThree", "skip")])
    );
    assert_eq!(
        run.row("fake-a-admin", "RegionTwo")["detail"],
        "already the same"
    );
    admins(&env, &["flavor", "list", "--exit-code"]).assert_code(0);
}

#[test]
fn an_identical_private_flavor_gets_the_access_it_lacks() {
    let (stack, env) = demo();
    gp(&stack);
    flavor(
        &stack,
        "RegionTwo",
        json!({"id": "gp-1", "name": "m1.gp", "vcpus": 2, "ram": 4096, "disk": 20,
               "swap": 512, "os-flavor-access:is_public": false}),
        json!({"hw:cpu_policy": "dedicated", "hw:mem_page_size": "large"}),
        &[],
    );
    let run = sync(
        &env,
        &[
            "m1.gp",
            "--to",
            "fake-a-admin/RegionTwo",
            "--yes",
            "-f",
            "json",
        ],
    );
    run.assert_code(0);
    let row = run.row("fake-a-admin", "RegionTwo");
    assert_eq!(
        (row["action"].clone(), row["detail"].clone()),
        (json!("update"), json!("share with ops, as at the source"))
    );
    let ops = stack.project_id("fake-a", "ops");
    assert_eq!(access(&stack, "RegionTwo", "gp-1"), [ops]);
}

#[test]
fn a_taken_id_gets_a_new_one_and_the_plan_says_so() {
    let (stack, env) = demo();
    gp(&stack);
    stack.seed(
        "RegionThree",
        Kind::Flavor,
        "admin",
        json!({"id": "gp-1", "name": "legacy", "vcpus": 1, "ram": 512, "disk": 1}),
    );
    let run = sync(&env, &["m1.gp", "--yes", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.row("fake-b-admin", "RegionThree")["detail"],
        "a new id: gp-1 is flavor legacy here, shared with ops"
    );
    let made = stored(&stack, "RegionThree", "m1.gp").unwrap();
    assert_ne!(made.id, "gp-1");
    assert_eq!(stored(&stack, "RegionThree", "legacy").unwrap().id, "gp-1");
    sync(&env, &["m1.gp", "--dry-run", "--exit-code"]).assert_code(0);
}

#[test]
fn other_specs_are_a_conflict_unless_replace() {
    let (stack, env) = demo();
    gp(&stack);
    flavor(
        &stack,
        "RegionTwo",
        json!({"id": "old", "name": "m1.gp", "vcpus": 2, "ram": 2048, "disk": 20}),
        json!({}),
        &[],
    );
    let run = sync(&env, &["m1.gp", "--yes", "-f", "json"]);
    run.assert_code(2);
    let row = run.row("fake-a-admin", "RegionTwo");
    assert_eq!(row["action"], "conflict");
    let detail = row["detail"].as_str().unwrap();
    assert!(
        detail.contains("ram 2048 here, 4096 at the source"),
        "{detail}"
    );
    assert!(detail.contains("pass --replace"), "{detail}");
    assert!(
        run.stderr
            .contains("error: fake-a-admin/RegionTwo: flavor m1.gp: conflict: a flavor of this name here has other specs"),
        "{}",
        run.stderr
    );
    // The conflict holds back its own site only.
    assert_eq!(stored(&stack, "RegionTwo", "m1.gp").unwrap().id, "old");
    assert_eq!(stored(&stack, "RegionThree", "m1.gp").unwrap().id, "gp-1");

    let run = sync(&env, &["m1.gp", "--replace", "--yes", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        actions(&run),
        pairs(&[("RegionTwo", "replace"), ("RegionThree", "skip")])
    );
    let f = stored(&stack, "RegionTwo", "m1.gp").unwrap();
    assert_eq!(
        (f.id.as_str(), f.body["ram"].clone()),
        ("gp-1", json!(4096))
    );
    assert!(stack.resource("RegionTwo", Kind::Flavor, "old").is_none());
    sync(&env, &["m1.gp", "--replace", "--dry-run", "--exit-code"]).assert_code(0);
}

#[test]
fn replace_leaves_a_flavor_servers_were_built_from() {
    let (stack, env) = demo();
    gp(&stack);
    flavor(
        &stack,
        "RegionTwo",
        json!({"id": "old", "name": "m1.gp", "vcpus": 2, "ram": 2048, "disk": 20}),
        json!({}),
        &[],
    );
    stack.seed(
        "RegionTwo",
        Kind::Server,
        "demo",
        json!({"name": "web", "flavor": "old"}),
    );
    let run = sync(
        &env,
        &[
            "m1.gp",
            "--to",
            "fake-a-admin/RegionTwo",
            "--replace",
            "--yes",
            "-f",
            "json",
        ],
    );
    run.assert_code(2);
    let row = run.row("fake-a-admin", "RegionTwo");
    assert_eq!(row["action"], "conflict");
    let detail = row["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("1 server here was built from it, so --replace leaves it"),
        "{detail}"
    );
    assert!(stack.resource("RegionTwo", Kind::Flavor, "old").is_some());
}

#[test]
fn a_project_the_target_keystone_lacks_is_a_conflict() {
    let (stack, env) = demo();
    stack.add_project("fake-a", "ops");
    flavor(
        &stack,
        "RegionOne",
        json!({"id": "p", "name": "m1.private", "vcpus": 1, "ram": 512, "disk": 1,
               "os-flavor-access:is_public": false}),
        json!({}),
        &["ops"],
    );
    let run = sync(&env, &["m1.private", "--yes", "-f", "json"]);
    run.assert_code(2);
    assert_eq!(
        actions(&run),
        pairs(&[("RegionTwo", "create"), ("RegionThree", "conflict")])
    );
    let detail = run.row("fake-b-admin", "RegionThree")["detail"].clone();
    assert_eq!(
        detail,
        "project ops, which it is shared with at the source, is not in this site's Keystone; \
         create it there, then run again"
    );
    assert!(stored(&stack, "RegionThree", "m1.private").is_none());
    assert!(stored(&stack, "RegionTwo", "m1.private").is_some());
}

/// Issue 14: extra specs are an object in JSON and YAML, so a script can
/// read them back; tables, CSV and `value` keep one `k=v, k=v` cell.
#[test]
fn issue_14_extra_specs_are_an_object_where_scripts_read_them() {
    let (stack, env) = demo();
    gp(&stack);
    let specs = json!({"hw:cpu_policy": "dedicated", "hw:mem_page_size": "large"});
    let flat = "hw:cpu_policy=dedicated, hw:mem_page_size=large";
    let list = |more: &[&str]| {
        let run = admins(
            &env,
            &[&["flavor", "list", "--name", "m1.gp"][..], more].concat(),
        );
        run.assert_code(0);
        run
    };

    let run = list(&["-f", "json"]);
    assert_eq!(run.row("fake-a-admin", "RegionOne")["extra_specs"], specs);
    assert_eq!(
        run.row("fake-a-admin", "RegionTwo")["extra_specs"],
        Value::Null,
        "no flavor here"
    );

    let yaml: Value = serde_yaml::from_str(&list(&["-f", "yaml"]).stdout).unwrap();
    let one = yaml
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == "RegionOne")
        .unwrap();
    assert_eq!(one["extra_specs"], specs, "{yaml}");

    let value = list(&["-f", "value", "-c", "region", "-c", "extra_specs"]);
    assert!(
        value
            .stdout
            .lines()
            .any(|l| l == format!("RegionOne {flat}")),
        "{}",
        value.stdout
    );
    let csv = list(&["-f", "csv", "-c", "region", "-c", "extra_specs"]);
    assert!(
        csv.stdout
            .lines()
            .any(|l| l == format!("\"RegionOne\",\"{flat}\"")),
        "{}",
        csv.stdout
    );
    let table = list(&["-c", "region", "-c", "extra_specs"]);
    assert!(table.stdout.contains(flat), "{}", table.stdout);
}

/// Issue 14: a conflict quotes the extra spec values it tells apart, so a
/// value with a space reads as one value.
#[test]
fn issue_14_a_conflict_quotes_extra_spec_values() {
    let (stack, env) = demo();
    gp(&stack);
    flavor(
        &stack,
        "RegionTwo",
        json!({"id": "old", "name": "m1.gp", "vcpus": 2, "ram": 4096, "disk": 20,
               "swap": 512, "os-flavor-access:is_public": false}),
        json!({"hw:cpu_policy": "a b"}),
        &[],
    );
    let run = sync(&env, &["m1.gp", "--dry-run", "-f", "json"]);
    run.assert_code(2);
    let row = run.row("fake-a-admin", "RegionTwo");
    assert_eq!(row["action"], "conflict");
    let detail = row["detail"].as_str().unwrap();
    assert!(
        detail.contains(
            "(extra spec hw:cpu_policy 'a b' here, 'dedicated' at the source, \
             extra spec hw:mem_page_size (none) here, 'large' at the source)"
        ),
        "{detail}"
    );
}

#[test]
fn a_non_admin_is_refused_before_anything_changes() {
    let (stack, env) = demo();
    flavor(
        &stack,
        "RegionOne",
        json!({"id": "t", "name": "m1.tiny", "vcpus": 1, "ram": 512, "disk": 1}),
        json!({}),
        &[],
    );
    let run = env.run(&["--os-cloud", "fake-a", "flavor", "sync", "m1.tiny", "--yes"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "error: fake-a/RegionTwo: writing flavors needs the admin role; this cloud's \
             credentials have: reader, member"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("hint: use a cloud entry whose credentials have the admin role")
    );
    assert!(stored(&stack, "RegionTwo", "m1.tiny").is_none());
}

#[test]
fn a_name_the_source_lacks_is_an_error_naming_the_source() {
    let (stack, env) = demo();
    gp(&stack);
    let run = sync(&env, &["m1.gq", "--yes"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("error: flavor m1.gq: no such flavor at the source fake-a-admin/RegionOne"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: did you mean m1.gp?"),
        "{}",
        run.stderr
    );
    assert!(stored(&stack, "RegionTwo", "m1.gp").is_none());
}

#[test]
fn dry_run_and_no_terminal_change_nothing() {
    let (stack, env) = demo();
    gp(&stack);
    let run = sync(&env, &["m1.gp", "--dry-run", "--exit-code", "-f", "json"]);
    run.assert_code(1);
    assert_eq!(run.row("fake-a-admin", "RegionTwo")["status"], "planned");
    let run = sync(&env, &["m1.gp"]);
    run.assert_code(2);
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert!(stored(&stack, "RegionTwo", "m1.gp").is_none());
    assert!(stored(&stack, "RegionThree", "m1.gp").is_none());
}

#[test]
fn a_failure_at_one_site_removes_its_half_made_flavor_only() {
    let (stack, env) = demo();
    gp(&stack);
    stack.inject(
        Fault::status("RegionThree", 500)
            .method("POST")
            .path_prefix("/compute/v2.1/flavors/gp-1/os-extra_specs"),
    );
    let run = sync(&env, &["m1.gp", "--yes", "-f", "json"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("error: fake-b-admin/RegionThree: creating flavor m1.gp (it was deleted again): setting its extra specs"),
        "{}",
        run.stderr
    );
    assert!(stored(&stack, "RegionThree", "m1.gp").is_none());
    assert_eq!(stored(&stack, "RegionTwo", "m1.gp").unwrap().id, "gp-1");
    // Issue 14: what the failed creation made was removed again.
    assert_eq!(
        run.row("fake-b-admin", "RegionThree")["status"],
        "failed, rolled back"
    );
}

/// An older Nova (2.50): no description on create, extra specs read from
/// `os-extra_specs`, and `swap: ""` for no swap.
#[test]
fn an_older_nova_gets_what_it_understands() {
    let (stack, env) = start(Spec::demo().compute_max_microversion("2.50"));
    flavor(
        &stack,
        "RegionOne",
        json!({"id": "o", "name": "m1.old", "vcpus": 1, "ram": 1024, "disk": 10}),
        json!({"hw:cpu_policy": "shared"}),
        &[],
    );
    let run = sync(&env, &["m1.old", "--yes", "-f", "json"]);
    run.assert_code(0);
    let f = stored(&stack, "RegionThree", "m1.old").unwrap();
    assert_eq!(f.body["extra_specs"], json!({"hw:cpu_policy": "shared"}));
    assert_eq!(f.body["description"], Value::Null);
    let run = admins(&env, &["flavor", "list", "--exit-code", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.row("fake-a-admin", "RegionTwo")["swap"], 0);
    assert_eq!(
        run.row("fake-a-admin", "RegionTwo")["extra_specs"],
        json!({"hw:cpu_policy": "shared"})
    );
}

/// Issue 14: a replace whose new flavor cannot be made puts the old one
/// back whole: its id, specs, description, extra specs and access list.
#[test]
fn issue_14_a_failed_replace_puts_the_private_original_back_whole() {
    let (stack, env) = demo();
    gp(&stack);
    stack.add_project("fake-b", "dev");
    flavor(
        &stack,
        "RegionThree",
        json!({"id": "old", "name": "m1.gp", "vcpus": 2, "ram": 2048, "disk": 20,
               "os-flavor-access:is_public": false, "description": "the old one"}),
        json!({"hw:cpu_policy": "shared"}),
        &["dev", "ops"],
    );
    let before = stored(&stack, "RegionThree", "m1.gp").unwrap();
    let access_before = access(&stack, "RegionThree", "old");
    // The new flavor is refused (its id only: the original's comes back).
    stack.inject(
        Fault::status("RegionThree", 500)
            .method("POST")
            .path_prefix("/compute/v2.1/flavors")
            .times(1),
    );
    let run = sync(&env, &["m1.gp", "--replace", "--yes", "-f", "json"]);
    run.assert_code(2);
    assert_eq!(
        run.row("fake-b-admin", "RegionThree")["status"],
        "failed, original restored"
    );
    assert!(
        run.stderr.contains(
            "error: fake-b-admin/RegionThree: replacing flavor m1.gp (id old): the original was put back"
        ),
        "{}",
        run.stderr
    );
    let after = stored(&stack, "RegionThree", "m1.gp").unwrap();
    assert_eq!(after.id, "old");
    for key in [
        "vcpus",
        "ram",
        "disk",
        "description",
        "extra_specs",
        "os-flavor-access:is_public",
    ] {
        assert_eq!(after.body[key], before.body[key], "{key}");
    }
    let mut access_after = access(&stack, "RegionThree", "old");
    let mut access_before = access_before;
    access_after.sort();
    access_before.sort();
    assert_eq!(access_after, access_before);
    assert_eq!(access_after.len(), 2);
}
