//! End-to-end: `osprey image list` against fakestack's demo estate (fake-a:
//! RegionOne and RegionTwo, fake-b: RegionThree), as the demo user: images
//! judged by content hash, a project's own images, copies a killed run
//! left unfinished, and a region whose Glance fails.

use crate::common::{Run, both, demo};
use fakestack::{FakeStack, Fault, FaultKind, Kind, Target};
use serde_json::{Value, json};

const REGIONS: [&str; 3] = ["RegionOne", "RegionTwo", "RegionThree"];

/// An image of `project` in `region`; with `data`, uploaded (active, with
/// its hashes), else queued. `more` adds attributes and properties.
fn image(
    stack: &FakeStack,
    region: &str,
    project: &str,
    name: &str,
    data: Option<&[u8]>,
    more: Value,
) -> String {
    let mut body = json!({"name": name, "disk_format": "raw", "container_format": "bare"});
    for (k, v) in more.as_object().into_iter().flatten() {
        body[k] = v.clone();
    }
    let id = stack.seed(region, Kind::Image, project, body).id;
    if let Some(data) = data {
        stack.set_image_data(region, &id, data.to_vec());
    }
    id
}

/// An uploaded image of the demo project.
fn uploaded(stack: &FakeStack, region: &str, name: &str, data: &[u8]) -> String {
    image(stack, region, "demo", name, Some(data), json!({}))
}

/// `image list ARGS -f json` as the demo user of both clouds.
fn list(env: &crate::common::Env, args: &[&str]) -> Run {
    both(env, &[&["image", "list"], args, &["-f", "json"]].concat())
}

/// (region, status) of every row of `name`, in output order.
fn statuses(run: &Run, name: &str) -> Vec<(String, String)> {
    run.json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["name"] == name)
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    crate::common::pairs(list)
}

#[test]
fn list_judges_each_name_by_content_across_every_site() {
    let (stack, env) = demo();
    for region in REGIONS {
        uploaded(&stack, region, "ubuntu", b"ubuntu 24.04");
    }
    // One name, another content: the name alone would call it the same.
    uploaded(&stack, "RegionOne", "debian", b"debian 12");
    uploaded(&stack, "RegionTwo", "debian", b"debian 13");
    uploaded(&stack, "RegionThree", "debian", b"debian 12");
    uploaded(&stack, "RegionOne", "cirros", b"cirros 0.6");
    uploaded(&stack, "RegionTwo", "cirros", b"cirros 0.6");

    let run = list(&env, &[]);
    run.assert_code(0);
    assert_eq!(
        statuses(&run, "ubuntu"),
        pairs(&[
            ("RegionOne", "same"),
            ("RegionTwo", "same"),
            ("RegionThree", "same")
        ])
    );
    assert!(statuses(&run, "debian").iter().all(|(_, s)| s == "differs"));
    assert_eq!(
        statuses(&run, "cirros"),
        pairs(&[
            ("RegionOne", "missing"),
            ("RegionTwo", "missing"),
            ("RegionThree", "missing")
        ])
    );
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    let ubuntu = rows
        .iter()
        .find(|r| r["name"] == "ubuntu" && r["region"] == "RegionThree")
        .unwrap();
    assert_eq!(
        ubuntu.as_object().unwrap().keys().collect::<Vec<_>>(),
        [
            "cloud",
            "region",
            "id",
            "name",
            "status",
            "image_status",
            "size",
            "hash_algo",
            "hash",
            "visibility",
            "source"
        ]
    );
    let stored = stack
        .resources("RegionThree", Kind::Image)
        .into_iter()
        .find(|r| r.body["name"] == "ubuntu")
        .unwrap();
    assert_eq!(ubuntu["cloud"], "fake-b");
    assert_eq!(ubuntu["id"], json!(stored.id));
    assert_eq!(ubuntu["image_status"], "active");
    assert_eq!(ubuntu["size"], 12);
    assert_eq!(ubuntu["hash_algo"], "sha512");
    assert_eq!(ubuntu["hash"], stored.body["os_hash_value"]);
    assert_eq!(ubuntu["visibility"], "shared");
    assert_eq!(ubuntu["source"], Value::Null, "not a copy osprey made");
    // The site without cirros: a row with only the name and status.
    let gap = rows
        .iter()
        .find(|r| r["name"] == "cirros" && r["region"] == "RegionThree")
        .unwrap();
    assert_eq!(gap["id"], Value::Null);
    assert_eq!(gap["image_status"], Value::Null);
    assert_eq!(gap["hash"], Value::Null);

    // The table: a column per site with 12 hex digits of the hash, and
    // the status last.
    let run = both(&env, &["image", "list"]);
    run.assert_code(0);
    let header = run.stdout.lines().nth(1).unwrap();
    let columns: Vec<&str> = header
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        columns,
        [
            "Name",
            "fake-a/RegionOne",
            "fake-a/RegionTwo",
            "fake-b/RegionThree",
            "Status"
        ]
    );
    let short = &ubuntu["hash"].as_str().unwrap()[..12];
    let line = run.stdout.lines().find(|l| l.contains("ubuntu")).unwrap();
    assert_eq!(line.matches(short).count(), 3, "{line}");
    assert!(!line.contains(&ubuntu["hash"].as_str().unwrap()[..13]));

    // --name narrows what is listed and judged.
    let run = list(&env, &["--name", "u*", "--exit-code"]);
    run.assert_code(0);
    assert_eq!(run.json().as_array().unwrap().len(), 3);
    let run = list(&env, &["--name", "fedora*"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("no images matching --name fedora* at 3 sites"),
        "{}",
        run.stderr
    );
}

#[test]
fn exit_code_is_1_until_the_missing_image_is_there() {
    let (stack, env) = demo();
    for region in ["RegionOne", "RegionTwo"] {
        uploaded(&stack, region, "cirros", b"cirros 0.6");
    }
    list(&env, &[]).assert_code(0);
    let run = list(&env, &["--exit-code"]);
    run.assert_code(1);
    assert_eq!(
        statuses(&run, "cirros"),
        pairs(&[
            ("RegionOne", "missing"),
            ("RegionTwo", "missing"),
            ("RegionThree", "missing")
        ])
    );
    // Another content under the name is no cure.
    let wrong = uploaded(&stack, "RegionThree", "cirros", b"cirros 0.5");
    let run = list(&env, &["--exit-code"]);
    run.assert_code(1);
    assert!(statuses(&run, "cirros").iter().all(|(_, s)| s == "differs"));
    // Glance allows a second image of the name: the site then holds both.
    uploaded(&stack, "RegionThree", "cirros", b"cirros 0.6");
    let run = list(&env, &["--exit-code"]);
    run.assert_code(1);
    assert_eq!(statuses(&run, "cirros").len(), 4, "a row per image");
    let table = both(&env, &["image", "list"]);
    let line = table.stdout.lines().find(|l| l.contains("cirros")).unwrap();
    assert!(line.contains("2 images"), "{line}");
    assert!(stack.remove_resource("RegionThree", Kind::Image, &wrong));
    let run = list(&env, &["--exit-code"]);
    run.assert_code(0);
    assert!(statuses(&run, "cirros").iter().all(|(_, s)| s == "same"));
}

#[test]
fn owned_keeps_only_the_projects_own_images() {
    let (stack, env) = demo();
    for region in REGIONS {
        uploaded(&stack, region, "app", b"app v1");
    }
    // A public image of the admin project, which the demo user may use.
    image(
        &stack,
        "RegionOne",
        "admin",
        "base",
        Some(b"base"),
        json!({"visibility": "public"}),
    );
    let run = list(&env, &[]);
    run.assert_code(0);
    assert_eq!(
        statuses(&run, "base"),
        pairs(&[
            ("RegionOne", "missing"),
            ("RegionTwo", "missing"),
            ("RegionThree", "missing")
        ])
    );
    let rows = run.json();
    let base = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "base" && r["region"] == "RegionOne")
        .unwrap();
    assert_eq!(base["visibility"], "public");

    let run = list(&env, &["--owned", "--exit-code"]);
    run.assert_code(0);
    assert!(statuses(&run, "base").is_empty(), "{}", run.stdout);
    assert_eq!(statuses(&run, "app").len(), 3);
    let run = list(&env, &["--owned", "--name", "base"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("no images of the project matching --name base at 3 sites"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_killed_copy_is_unfinished_and_named_in_a_note() {
    let (stack, env) = demo();
    let source = uploaded(&stack, "RegionOne", "ubuntu", b"ubuntu 24.04");
    let from = format!("fake-a/RegionOne/{source}");
    // A finished copy holds its name; two of run-1 never got their data.
    let done = image(
        &stack,
        "RegionTwo",
        "demo",
        "ubuntu",
        Some(b"ubuntu 24.04"),
        json!({"osprey_run": "run-0", "osprey_source": from}),
    );
    for region in ["RegionTwo", "RegionThree"] {
        image(
            &stack,
            region,
            "demo",
            if region == "RegionTwo" {
                "debian"
            } else {
                "ubuntu"
            },
            None,
            json!({"osprey_run": "run-1", "osprey_source": from}),
        );
    }
    let run = list(&env, &["--exit-code"]);
    run.assert_code(1);
    assert_eq!(
        statuses(&run, "ubuntu"),
        pairs(&[
            ("RegionOne", "missing"),
            ("RegionTwo", "missing"),
            ("RegionThree", "unfinished"),
        ])
    );
    assert_eq!(
        statuses(&run, "debian"),
        pairs(&[
            ("RegionOne", "missing"),
            ("RegionTwo", "unfinished"),
            ("RegionThree", "missing"),
        ])
    );
    let rows = run.json();
    let copy = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == json!(done))
        .unwrap();
    assert_eq!(copy["source"], json!(from));
    let left = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"] == "unfinished" && r["name"] == "ubuntu")
        .unwrap();
    assert_eq!(left["image_status"], "queued");
    assert_eq!(left["hash"], Value::Null);
    assert!(
        run.stderr.contains(
            "2 unfinished images of run run-1; remove them with \
             `osprey image unsync --run run-1`"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("run-0"), "{}", run.stderr);
    // The table marks the cell.
    let table = both(&env, &["image", "list"]);
    table.assert_code(0);
    let line = table.stdout.lines().find(|l| l.contains("debian")).unwrap();
    assert!(line.contains("unfinished"), "{line}");

    // Even where every site holds the name, an unfinished image is a finding.
    image(
        &stack,
        "RegionThree",
        "demo",
        "ubuntu",
        Some(b"ubuntu 24.04"),
        json!({}),
    );
    let run = list(&env, &["--name", "ubuntu", "--exit-code"]);
    run.assert_code(1);
    // Two images at RegionThree: their order is their age, not tested.
    let mut ubuntu = statuses(&run, "ubuntu");
    ubuntu.sort();
    assert_eq!(
        ubuntu,
        pairs(&[
            ("RegionOne", "same"),
            ("RegionThree", "same"),
            ("RegionThree", "unfinished"),
            ("RegionTwo", "same"),
        ])
    );
    assert!(
        run.stderr.contains("1 unfinished image of run run-1;"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_failing_glance_keeps_the_other_sites() {
    let (stack, env) = demo();
    for region in REGIONS {
        uploaded(&stack, region, "ubuntu", b"ubuntu 24.04");
    }
    stack.inject(
        Fault::new(
            Target::Region("RegionTwo".into()),
            FaultKind::Status {
                code: 500,
                retry_after: None,
            },
        )
        .path_prefix("/image/v2/images"),
    );
    let run = list(&env, &["--exit-code"]);
    run.assert_code(2);
    // The failed site is not read, so it makes nothing look missing.
    assert_eq!(
        statuses(&run, "ubuntu"),
        pairs(&[("RegionOne", "same"), ("RegionThree", "same")])
    );
    assert!(
        run.stderr.contains("error: fake-a/RegionTwo:"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("no images"), "{}", run.stderr);
}
