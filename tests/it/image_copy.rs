//! End-to-end: `osprey image sync|ensure|unsync` against fakestack's demo estate
//! (fake-a: RegionOne and RegionTwo under one Keystone, fake-b:
//! RegionThree under another), as the demo user of both clouds.

use crate::common::{self, Env, both, demo};
use fakestack::{FakeStack, Fault, FaultKind, Kind, Resource, Target};
use serde_json::{Value, json};
use std::time::Duration;

const FROM: [&str; 2] = ["--from", "fake-a/RegionOne"];

/// `image sync ARGS --from fake-a/RegionOne --yes`, as the demo user.
fn sync(env: &Env, args: &[&str]) -> common::Run {
    both(
        env,
        &[&["image", "sync"], args, &FROM[..], &["--yes"]].concat(),
    )
}

/// Some bytes that are not all alike, so a cut or a swap shows in the hash.
fn data(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 251) as u8).collect()
}

/// An active image of the demo project at a region, with `len` bytes (raw
/// and bare unless `body` says otherwise: Glance takes data only for an
/// image with its formats set).
fn image(stack: &FakeStack, region: &str, mut body: Value, len: usize) -> Resource {
    for (key, default) in [("disk_format", "raw"), ("container_format", "bare")] {
        body.as_object_mut()
            .unwrap()
            .entry(key)
            .or_insert(json!(default));
    }
    let image = stack.seed(region, Kind::Image, "demo", body);
    stack.set_image_data(region, &image.id, data(len));
    stack.resource(region, Kind::Image, &image.id).unwrap()
}

/// The demo images named `name` at a region.
fn named(stack: &FakeStack, region: &str, name: &str) -> Vec<Resource> {
    stack
        .resources(region, Kind::Image)
        .into_iter()
        .filter(|r| r.field("name") == name)
        .collect()
}

/// Arms `kind` on `method` requests to a region's images.
fn on_images(stack: &FakeStack, region: &str, method: &str, kind: FaultKind) {
    stack.inject(
        Fault::new(Target::Region(region.into()), kind)
            .method(method)
            .path_prefix("/image/v2/images"),
    );
}

fn status(code: u16) -> FaultKind {
    FaultKind::Status {
        code,
        retry_after: None,
    }
}

fn downloads(stack: &FakeStack, id: &str) -> usize {
    stack.count("RegionOne", "GET", &format!("/image/v2/images/{id}/file"))
}

#[test]
fn one_read_of_the_source_feeds_every_streamed_target() {
    let (stack, env) = demo();
    let src = image(
        &stack,
        "RegionOne",
        json!({"name": "ubuntu", "disk_format": "qcow2", "container_format": "bare",
               "min_disk": 2, "tags": ["lts"], "hw_disk_bus": "scsi",
               "visibility": "private"}),
        300_000,
    );
    let out = sync(&env, &["ubuntu", "--method", "stream", "-f", "json"]);
    out.assert_code(0);
    assert_eq!(downloads(&stack, &src.id), 1, "{}", out.stderr);
    for region in ["RegionTwo", "RegionThree"] {
        let copies = named(&stack, region, "ubuntu");
        assert_eq!(copies.len(), 1, "{region}");
        let c = &copies[0];
        assert_eq!(c.field("status"), "active");
        assert_eq!(c.body["os_hash_value"], src.body["os_hash_value"]);
        assert_eq!(c.body["disk_format"], json!("qcow2"));
        assert_eq!(c.body["min_disk"], json!(2));
        assert_eq!(c.body["tags"], json!(["lts"]));
        assert_eq!(c.body["hw_disk_bus"], json!("scsi"));
        assert_eq!(c.body["visibility"], json!("private"));
        assert_eq!(
            c.body["osprey_source"],
            json!(format!("fake-a/RegionOne/{}", src.id))
        );
        assert_eq!(
            c.body["osprey_source_hash"],
            json!(format!("sha512:{}", src.field("os_hash_value")))
        );
        assert!(c.field("osprey_run").len() > 8);
        assert_eq!(stack.image_data(region, &c.id).unwrap(), data(300_000));
    }
    let rows = out.json();
    let actions: Vec<(&str, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["action"].as_str().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(actions, [("create", "applied"), ("create", "applied")]);
    assert!(
        out.stderr.contains(
            "image ubuntu: at fake-a/RegionOne (the source), fake-a/RegionTwo, fake-b/RegionThree"
        ),
        "{}",
        out.stderr
    );

    // A second run finds both copies and plans only skips.
    let again = sync(&env, &["ubuntu", "--dry-run", "--exit-code"]);
    again.assert_code(0);
    assert_eq!(downloads(&stack, &src.id), 1);
}

#[test]
fn a_failing_target_rolls_back_every_copy_of_the_run() {
    let (stack, env) = demo();
    let src = image(&stack, "RegionOne", json!({"name": "debian"}), 200_000);
    on_images(&stack, "RegionThree", "PUT", status(500));
    let out = sync(&env, &["debian", "--method", "stream"]);
    out.assert_code(2);
    assert!(
        named(&stack, "RegionTwo", "debian").is_empty(),
        "{}",
        out.stderr
    );
    assert!(named(&stack, "RegionThree", "debian").is_empty());
    assert!(out.stderr.contains("fake-b/RegionThree"), "{}", out.stderr);
    assert!(stack.resource("RegionOne", Kind::Image, &src.id).is_some());
}

#[test]
fn a_source_cut_mid_stream_leaves_no_copy_anywhere() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "fedora"}), 400_000);
    on_images(
        &stack,
        "RegionOne",
        "GET",
        FaultKind::CutBody {
            after_bytes: 100_000,
        },
    );
    let out = sync(&env, &["fedora", "--method", "stream"]);
    out.assert_code(2);
    for region in ["RegionTwo", "RegionThree"] {
        assert!(
            named(&stack, region, "fedora").is_empty(),
            "{region}: {}",
            out.stderr
        );
    }
    assert!(
        out.stderr.contains("at the source fake-a/RegionOne"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_canary_goes_first_and_its_failure_holds_the_waves() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "alpine"}), 50_000);
    on_images(&stack, "RegionThree", "POST", status(500));
    let out = sync(
        &env,
        &[
            "alpine",
            "--canary",
            "fake-b/RegionThree",
            "--wave",
            "1",
            "-f",
            "json",
        ],
    );
    out.assert_code(2);
    let rows = out.json();
    let status = |region: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["region"] == region)
            .map(|r| r["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(status("RegionThree"), "failed");
    assert_eq!(status("RegionTwo"), "not applied");
    assert!(named(&stack, "RegionTwo", "alpine").is_empty());
    assert!(
        out.stderr.contains("wave 2 of 2 was not started"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "image alpine: at fake-a/RegionOne (the source); not at fake-a/RegionTwo, \
             fake-b/RegionThree"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn an_ambiguous_or_unready_source_is_refused_before_anything_changes() {
    let (stack, env) = demo();
    let a = image(&stack, "RegionOne", json!({"name": "twin"}), 10);
    let b = image(&stack, "RegionOne", json!({"name": "twin"}), 20);
    stack.seed("RegionOne", Kind::Image, "demo", json!({"name": "empty"}));
    let out = sync(&env, &["twin"]);
    out.assert_code(2);
    assert!(
        out.stderr
            .contains("2 images at the source fake-a/RegionOne have this name"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains(&a.id) && out.stderr.contains(&b.id));
    let out = sync(&env, &["empty"]);
    out.assert_code(2);
    assert!(out.stderr.contains("it is queued"), "{}", out.stderr);
    let out = sync(&env, &["twim"]);
    out.assert_code(2);
    assert!(out.stderr.contains("did you mean twin?"), "{}", out.stderr);
    // By id, one of the twins goes.
    sync(&env, &[&a.id]).assert_code(0);
    assert_eq!(named(&stack, "RegionTwo", "twin").len(), 1);
}

#[test]
fn an_image_marked_to_stay_is_copied_only_with_force() {
    let (stack, env) = demo();
    image(
        &stack,
        "RegionOne",
        json!({"name": "local-only", "osprey_sync": "none"}),
        10,
    );
    let out = sync(&env, &["local-only"]);
    out.assert_code(2);
    assert!(out.stderr.contains("osprey_sync=none"), "{}", out.stderr);
    assert!(out.stderr.contains("--force"));
    sync(&env, &["local-only", "--force"]).assert_code(0);
    assert_eq!(named(&stack, "RegionThree", "local-only").len(), 1);
}

#[test]
fn a_same_named_image_with_other_data_is_a_conflict() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "centos"}), 100);
    let theirs = image(&stack, "RegionTwo", json!({"name": "centos"}), 99);
    let out = sync(&env, &["centos", "-f", "json"]);
    out.assert_code(2);
    assert!(out.stderr.contains(&theirs.id), "{}", out.stderr);
    // The other site still got its copy; the conflicting one is untouched.
    assert_eq!(named(&stack, "RegionThree", "centos").len(), 1);
    assert_eq!(named(&stack, "RegionTwo", "centos").len(), 1);
}

#[test]
fn ctrl_c_mid_stream_deletes_every_copy_it_made_and_exits_130() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "big"}), 2_000_000);
    on_images(
        &stack,
        "RegionOne",
        "GET",
        FaultKind::SlowBody {
            bytes_per_sec: 100_000,
        },
    );
    let argv = [
        &common::BOTH[..],
        &["image", "sync", "big", "--method", "stream", "--yes"],
        &FROM[..],
    ]
    .concat();
    let child = env
        .command(&argv)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    common::wait_until(
        "no upload reached RegionThree",
        Duration::from_secs(60),
        || {
            stack
                .requests()
                .iter()
                .any(|r| r.method == "PUT" && r.target == "RegionThree")
        },
    );
    common::interrupt(&child);
    let out = common::Run::from(child.wait_with_output().unwrap());
    assert_eq!(out.code, 130, "{}", out.stderr);
    for region in ["RegionTwo", "RegionThree"] {
        assert!(
            named(&stack, region, "big").is_empty(),
            "{region}: {}",
            out.stderr
        );
    }
}

/// `image ensure IMAGE --at SITE [more] -f value -c id`, as the demo user.
fn ensure(env: &Env, image: &str, at: &str, more: &[&str]) -> common::Run {
    both(
        env,
        &[
            &[
                "image", "ensure", image, "--at", at, "-f", "value", "-c", "id",
            ],
            more,
        ]
        .concat(),
    )
}

#[test]
fn ensure_copies_once_then_prints_the_same_id() {
    let (stack, env) = demo();
    let src = image(&stack, "RegionTwo", json!({"name": "rocky"}), 5000);
    let out = ensure(&env, "rocky", "fake-b/RegionThree", &[]);
    out.assert_code(0);
    let copies = named(&stack, "RegionThree", "rocky");
    assert_eq!(copies.len(), 1, "{}", out.stderr);
    assert_eq!(out.stdout.trim(), copies[0].id);
    assert_eq!(copies[0].body["os_hash_value"], src.body["os_hash_value"]);
    let again = ensure(&env, "rocky", "fake-b/RegionThree", &[]);
    again.assert_code(0);
    assert_eq!(again.stdout.trim(), copies[0].id);
    assert_eq!(named(&stack, "RegionThree", "rocky").len(), 1);
    // Already at the site: its own id, and nothing read anywhere.
    let here = ensure(&env, "rocky", "fake-a/RegionTwo", &[]);
    here.assert_code(0);
    assert_eq!(here.stdout.trim(), src.id);
}

#[test]
fn ensure_takes_the_first_source_in_from_order() {
    let (stack, env) = demo();
    let one = image(&stack, "RegionOne", json!({"name": "arch"}), 100);
    image(&stack, "RegionTwo", json!({"name": "arch"}), 100);
    let out = ensure(
        &env,
        "arch",
        "fake-b/RegionThree",
        &[
            "--from",
            "fake-a/RegionTwo,fake-a/RegionOne",
            "--method",
            "stream",
        ],
    );
    out.assert_code(0);
    let copy = &named(&stack, "RegionThree", "arch")[0];
    assert!(
        copy.field("osprey_source").starts_with("fake-a/RegionTwo/"),
        "{}",
        out.stderr
    );
    assert_eq!(downloads(&stack, &one.id), 0);
    let nowhere = ensure(&env, "nothing", "fake-b/RegionThree", &[]);
    nowhere.assert_code(2);
    assert!(
        nowhere.stderr.contains("no selected site has it"),
        "{}",
        nowhere.stderr
    );
    let bad = ensure(&env, "arch", "fake-b/Nowhere", &[]);
    bad.assert_code(2);
    assert!(bad.stderr.contains("--at fake-b/Nowhere"), "{}", bad.stderr);
}

#[test]
fn unsync_deletes_what_one_run_made_and_nothing_else() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "mint"}), 100);
    let made = sync(&env, &["mint", "--method", "stream"]);
    made.assert_code(0);
    let run = named(&stack, "RegionTwo", "mint")[0]
        .field("osprey_run")
        .to_string();
    // The run says its id, and how to undo it.
    assert!(
        made.stderr
            .contains(&format!("`osprey image unsync --run {run}` removes them")),
        "{}",
        made.stderr
    );
    // A copy left unfinished by a killed run of the same id, and one of another run.
    stack.seed(
        "RegionThree",
        Kind::Image,
        "demo",
        json!({"name": "half", "osprey_run": run}),
    );
    stack.seed(
        "RegionThree",
        Kind::Image,
        "demo",
        json!({"name": "other", "osprey_run": "1-other"}),
    );
    let plan = both(
        &env,
        &["image", "unsync", "--run", &run, "--dry-run", "-f", "json"],
    );
    plan.assert_code(0);
    assert_eq!(plan.json().as_array().unwrap().len(), 3, "{}", plan.stdout);
    both(&env, &["image", "unsync", "--run", &run, "--yes"]).assert_code(0);
    assert!(named(&stack, "RegionTwo", "mint").is_empty());
    assert!(named(&stack, "RegionThree", "mint").is_empty());
    assert!(named(&stack, "RegionThree", "half").is_empty());
    assert_eq!(named(&stack, "RegionThree", "other").len(), 1);
    assert_eq!(named(&stack, "RegionOne", "mint").len(), 1);
    let again = both(
        &env,
        &["image", "unsync", "--run", &run, "--dry-run", "--exit-code"],
    );
    again.assert_code(0);
    assert!(again.stderr.contains("no image of run"), "{}", again.stderr);
}

/// `image mirror ARGS --from fake-a/RegionOne --yes`, as the demo user.
fn mirror(env: &Env, args: &[&str]) -> common::Run {
    both(
        env,
        &[&["image", "mirror"], args, &FROM[..], &["--yes"]].concat(),
    )
}

#[test]
fn mirror_copies_what_is_missing_and_leaves_what_is_kept() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "base-a"}), 100);
    image(&stack, "RegionOne", json!({"name": "base-b"}), 200);
    image(
        &stack,
        "RegionOne",
        json!({"name": "secret", "osprey_sync": "none"}),
        10,
    );
    image(&stack, "RegionOne", json!({"name": "scratch-1"}), 10);
    let out = mirror(&env, &["--exclude", "scratch-*", "-f", "json"]);
    out.assert_code(0);
    for region in ["RegionTwo", "RegionThree"] {
        assert_eq!(named(&stack, region, "base-a").len(), 1, "{}", out.stderr);
        assert_eq!(named(&stack, region, "base-b").len(), 1);
        assert!(named(&stack, region, "secret").is_empty());
        assert!(named(&stack, region, "scratch-1").is_empty());
    }
    let rows = out.json();
    let skip = |name: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .map(|r| (r["action"].clone(), r["detail"].clone()))
            .unwrap()
    };
    assert_eq!(
        skip("secret"),
        (json!("skip"), json!("marked osprey_sync=none"))
    );
    assert_eq!(
        skip("scratch-1"),
        (json!("skip"), json!("matches --exclude scratch-*"))
    );
    let again = mirror(
        &env,
        &["--exclude", "scratch-*", "--dry-run", "--exit-code"],
    );
    again.assert_code(0);
}

#[test]
fn mirror_renames_its_older_copy_when_the_source_changed() {
    let (stack, env) = demo();
    let week1 = image(&stack, "RegionOne", json!({"name": "weekly"}), 100);
    mirror(&env, &["--to", "fake-b/RegionThree"]).assert_code(0);
    let old = named(&stack, "RegionThree", "weekly").remove(0);
    // The weekly refresh: a new image under the same name, the old one gone.
    stack.remove_resource("RegionOne", Kind::Image, &week1.id);
    let week2 = image(&stack, "RegionOne", json!({"name": "weekly"}), 101);
    let out = mirror(
        &env,
        &["--to", "fake-b/RegionThree", "--prune", "-f", "json"],
    );
    out.assert_code(0);
    let rows = out.json();
    assert_eq!(rows[0]["action"], "replace", "{rows}");
    let now = named(&stack, "RegionThree", "weekly");
    assert_eq!(now.len(), 1);
    assert_eq!(now[0].body["os_hash_value"], week2.body["os_hash_value"]);
    let renamed = stack.resource("RegionThree", Kind::Image, &old.id).unwrap();
    assert!(
        renamed.field("name").starts_with("weekly (replaced 20"),
        "{renamed:?}"
    );
    assert_eq!(renamed.field("visibility"), "private");
    // Right after: only skips, and --prune leaves the renamed copy.
    let again = mirror(
        &env,
        &[
            "--to",
            "fake-b/RegionThree",
            "--prune",
            "--dry-run",
            "--exit-code",
        ],
    );
    again.assert_code(0);
    assert!(
        stack
            .resource("RegionThree", Kind::Image, &old.id)
            .is_some()
    );
}

#[test]
fn mirror_deletes_its_older_copy_or_prunes_when_asked_and_never_touches_others() {
    let (stack, env) = demo();
    let v1 = image(&stack, "RegionOne", json!({"name": "nightly"}), 100);
    let gone = image(&stack, "RegionOne", json!({"name": "retired"}), 50);
    mirror(&env, &["--to", "fake-b/RegionThree"]).assert_code(0);
    let old = named(&stack, "RegionThree", "nightly").remove(0);
    stack.remove_resource("RegionOne", Kind::Image, &v1.id);
    stack.remove_resource("RegionOne", Kind::Image, &gone.id);
    image(&stack, "RegionOne", json!({"name": "nightly"}), 101);
    // Someone else's image of a mirrored name: a conflict that holds its
    // site, and is left alone.
    image(&stack, "RegionOne", json!({"name": "tools"}), 10);
    let theirs = image(&stack, "RegionTwo", json!({"name": "tools"}), 11);
    let out = mirror(&env, &["--on-change", "delete", "--prune"]);
    out.assert_code(2);
    assert!(
        stack
            .resource("RegionThree", Kind::Image, &old.id)
            .is_none(),
        "{}",
        out.stderr
    );
    assert_eq!(named(&stack, "RegionThree", "nightly").len(), 1);
    assert_eq!(named(&stack, "RegionThree", "tools").len(), 1);
    assert!(named(&stack, "RegionThree", "retired").is_empty());
    assert!(
        stack
            .resource("RegionTwo", Kind::Image, &theirs.id)
            .is_some()
    );
    assert!(named(&stack, "RegionTwo", "nightly").is_empty());
    assert!(out.stderr.contains(&theirs.id), "{}", out.stderr);
}

fn requests(stack: &FakeStack, region: &str, method: &str, id_path: &str) -> usize {
    stack
        .requests()
        .iter()
        .filter(|r| r.target == region && r.method == method && r.path.ends_with(id_path))
        .count()
}

#[test]
fn a_target_of_the_same_keystone_fetches_the_data_itself() {
    let (stack, env) = demo();
    let src = image(&stack, "RegionOne", json!({"name": "jammy"}), 250_000);
    let out = sync(&env, &["jammy", "-f", "json"]);
    out.assert_code(0);
    let rows = out.json();
    let detail = |region: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["region"] == region)
            .map(|r| r["detail"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert!(detail("RegionTwo").starts_with("glance-download"), "{rows}");
    assert!(detail("RegionThree").starts_with("stream"), "{rows}");
    // RegionTwo's Glance read the source itself; osprey sent it no data.
    assert_eq!(requests(&stack, "RegionTwo", "PUT", "/file"), 0);
    assert_eq!(downloads(&stack, &src.id), 2);
    for region in ["RegionTwo", "RegionThree"] {
        let c = &named(&stack, region, "jammy")[0];
        assert_eq!(c.field("status"), "active");
        assert_eq!(c.body["os_hash_value"], src.body["os_hash_value"]);
        assert_eq!(stack.image_data(region, &c.id).unwrap(), data(250_000));
    }
}

/// A fetch that fails leaves the target `queued` with no failed store, as
/// Glance 33 does: only the import's task tells, and osprey reads it
/// rather than polling until its import timeout.
#[test]
fn a_failed_import_leaves_nothing_and_says_why() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "noble"}), 100_000);
    on_images(
        &stack,
        "RegionOne",
        "GET",
        FaultKind::CutBody { after_bytes: 1000 },
    );
    let out = sync(&env, &["noble", "--to", "fake-a/RegionTwo"]);
    out.assert_code(2);
    assert!(
        named(&stack, "RegionTwo", "noble").is_empty(),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("could not import it from RegionOne")
            && out.stderr.contains("its import task failed"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_store_that_fails_an_import_is_reported_from_os_glance_failed_import() {
    let (stack, env) = common::start(fakestack::Spec::demo().image_size_cap(50_000));
    image(&stack, "RegionOne", json!({"name": "huge"}), 100_000);
    let out = sync(&env, &["huge", "--to", "fake-a/RegionTwo"]);
    out.assert_code(2);
    assert!(
        named(&stack, "RegionTwo", "huge").is_empty(),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("(os_glance_failed_import: local)"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_method_can_be_forced_and_a_glance_without_it_is_streamed_to() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "focal"}), 1000);
    let out = sync(&env, &["focal", "--method", "glance-download", "--dry-run"]);
    assert!(
        out.stdout
            .contains("--method glance-download: Glance here cannot fetch from"),
        "{}",
        out.stdout
    );
    stack.set_import_methods("RegionTwo", &["glance-direct"]);
    let out = sync(&env, &["focal", "--to", "fake-a/RegionTwo", "-f", "json"]);
    out.assert_code(0);
    assert!(
        out.json()[0]["detail"]
            .as_str()
            .unwrap()
            .starts_with("stream"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_kernel_and_ramdisk_go_first_and_are_named_by_their_ids_here() {
    let (stack, env) = demo();
    let kernel = image(
        &stack,
        "RegionOne",
        json!({"name": "vmlinuz", "disk_format": "aki", "container_format": "aki"}),
        3000,
    );
    let ramdisk = image(
        &stack,
        "RegionOne",
        json!({"name": "initrd", "disk_format": "ari", "container_format": "ari"}),
        2000,
    );
    image(
        &stack,
        "RegionOne",
        json!({"name": "ami", "disk_format": "ami", "container_format": "ami",
               "kernel_id": kernel.id, "ramdisk_id": ramdisk.id}),
        9000,
    );
    // RegionTwo already holds the same kernel: its copy names that one.
    let theirs = image(
        &stack,
        "RegionTwo",
        json!({"name": "vmlinuz", "disk_format": "aki", "container_format": "aki"}),
        3000,
    );
    let out = sync(&env, &["ami", "--method", "stream", "-f", "json"]);
    out.assert_code(0);
    let three = |name: &str| named(&stack, "RegionThree", name).remove(0);
    let ami = three("ami");
    assert_eq!(
        ami.field("kernel_id"),
        three("vmlinuz").id,
        "{}",
        out.stdout
    );
    assert_eq!(ami.field("ramdisk_id"), three("initrd").id);
    let two = named(&stack, "RegionTwo", "ami").remove(0);
    assert_eq!(two.field("kernel_id"), theirs.id);
    assert_eq!(named(&stack, "RegionTwo", "vmlinuz").len(), 1);
    assert_eq!(
        two.field("ramdisk_id"),
        named(&stack, "RegionTwo", "initrd")[0].id
    );
}

#[test]
fn keep_id_makes_the_copy_with_the_source_id_where_it_is_free() {
    let (stack, env) = demo();
    let src = image(&stack, "RegionOne", json!({"name": "pinned"}), 100);
    let out = sync(&env, &["pinned", "--keep-id", "--method", "stream"]);
    out.assert_code(0);
    for region in ["RegionTwo", "RegionThree"] {
        assert_eq!(
            named(&stack, region, "pinned")[0].id,
            src.id,
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_target_out_of_image_quota_fails_naming_the_quota() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "quota"}), 100);
    stack.register_limit("RegionThree", "image", "image_count_total", 0);
    let out = sync(&env, &["quota", "--no-rollback", "-f", "json"]);
    out.assert_code(2);
    assert!(out.stderr.contains("fake-b/RegionThree"), "{}", out.stderr);
    assert!(out.stderr.contains("image_count_total"), "{}", out.stderr);
    assert!(named(&stack, "RegionThree", "quota").is_empty());
    // --no-rollback: the other target keeps its verified copy.
    assert_eq!(named(&stack, "RegionTwo", "quota").len(), 1);
}

#[test]
fn pause_needs_a_terminal_and_says_so_before_anything_is_read() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "paused"}), 10);
    let out = sync(&env, &["paused", "--wave", "1", "--pause"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("--pause asks before each wave"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("hint:"), "{}", out.stderr);
    assert!(named(&stack, "RegionTwo", "paused").is_empty());
}

#[test]
fn a_target_that_cannot_be_read_holds_back_the_whole_sync() {
    let (stack, env) = demo();
    image(&stack, "RegionOne", json!({"name": "held"}), 10);
    stack.set_endpoint("RegionThree", "image", Some(&stack.closed_url()));
    let out = sync(&env, &["held"]);
    out.assert_code(2);
    assert!(out.stderr.contains("nothing was copied"), "{}", out.stderr);
    assert!(out.stderr.contains("fake-b/RegionThree"), "{}", out.stderr);
    assert!(named(&stack, "RegionTwo", "held").is_empty());
    // With --no-rollback the readable target gets its copy.
    sync(&env, &["held", "--no-rollback"]).assert_code(2);
    assert_eq!(named(&stack, "RegionTwo", "held").len(), 1);
}
