//! `image list`, `sync`, `ensure` and `mirror` against real Glances,
//! with faults injected by relays.

use super::{
    Created, Cut, FaultRelay, GLANCE_R1, GLANCE_R2, GLANCE_R3, Glances, IMAGE_BYTES, Rest,
    clouds_yaml, demo_run, random_bytes,
};
use crate::common::{self, Env};
use serde_json::{Value, json};

/// `image list` against real Glances: an image uploaded to RegionOne is
/// `missing` at RegionTwo until the same bytes are uploaded there, and
/// the hashes shown are Glance's own.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn image_list_compares_real_glances_by_content() {
    use std::io::Read;
    let demo = Rest::login("http://127.0.0.1:5000", "demo", "minicloud-demo", "demo");
    let mut made = Created {
        rest: &demo,
        urls: Vec::new(),
    };
    let name = format!("osprey-rt-image-{}", std::process::id());
    let mut data = Vec::new();
    std::fs::File::open("/dev/urandom")
        .unwrap()
        .take(1 << 20)
        .read_to_end(&mut data)
        .unwrap();
    let mut upload = |port: u16| -> String {
        let images = format!("http://127.0.0.1:{port}/v2/images");
        let id = made.post(
            &images,
            "",
            json!({"name": name, "disk_format": "raw", "container_format": "bare"}),
            &|id| format!("{images}/{id}"),
        );
        let put = demo
            .client
            .put(format!("{images}/{id}/file"))
            .header("x-auth-token", &demo.token)
            .header("content-type", "application/octet-stream")
            .body(data.clone())
            .send()
            .unwrap();
        assert_eq!(put.status().as_u16(), 204, "upload to {port}");
        id
    };
    let env = Env::with_clouds(&clouds_yaml());
    let list = || {
        env.run(&[
            "--os-cloud",
            "mc-a-demo",
            "image",
            "list",
            "--name",
            &name,
            "--exit-code",
            "-f",
            "json",
        ])
    };

    let one = upload(9292);
    let run = list();
    run.assert_code(1);
    let r1 = run.row("mc-a-demo", "RegionOne");
    assert_eq!(r1["id"], json!(one));
    assert_eq!(r1["status"], "missing");
    assert_eq!(r1["image_status"], "active");
    assert_eq!(r1["size"], 1 << 20);
    let (_, shown) = demo.send(
        reqwest::Method::GET,
        &format!("http://127.0.0.1:9292/v2/images/{one}"),
        None,
    );
    assert_eq!(r1["hash_algo"], shown["os_hash_algo"]);
    assert_eq!(r1["hash"], shown["os_hash_value"]);
    let r2 = run.row("mc-a-demo", "RegionTwo");
    assert_eq!(r2["status"], "missing");
    assert_eq!(r2["id"], Value::Null);

    let two = upload(9302);
    let run = list();
    run.assert_code(0);
    assert_eq!(run.row("mc-a-demo", "RegionOne")["status"], "same");
    let r2 = run.row("mc-a-demo", "RegionTwo");
    assert_eq!(r2["id"], json!(two));
    assert_eq!(r2["status"], "same");
    assert_eq!(r2["hash"], r1["hash"]);

    drop(made);
    let run = list();
    run.assert_code(0);
    assert!(
        run.stderr
            .contains(&format!("no images matching --name {name} at 2 sites")),
        "{}",
        run.stderr
    );
}

/// `image sync` against real Glances: RegionTwo (same Keystone) fetches
/// the image itself with glance-download, osprey sending it no data;
/// RegionThree (another Keystone) gets it streamed from one read of the
/// source; both end active with the source's hash, formats and custom
/// properties, and the provenance osprey writes.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn image_sync_copies_server_side_or_streamed_between_real_glances() {
    let glances = Glances::new("sync");
    let name = glances.prefix.clone();
    let src = glances.upload(
        GLANCE_R1,
        &name,
        json!({"hw_disk_bus": "scsi"}),
        &random_bytes(IMAGE_BYTES),
    );
    let src_id = src["id"].as_str().unwrap();
    let env = Env::with_clouds(&clouds_yaml());
    let list = || demo_run(&env, &["image", "list", "--name", &name, "--exit-code"]);
    list().assert_code(1);

    let run = demo_run(
        &env,
        &[
            "-v",
            "image",
            "sync",
            &name,
            "--from",
            "mc-a-demo/RegionOne",
            "--yes",
            "-f",
            "json",
        ],
    );
    run.assert_code(0);
    let r2 = run.row("mc-a-demo", "RegionTwo");
    let r3 = run.row("mc-b-demo", "RegionThree");
    assert!(
        r2["detail"]
            .as_str()
            .unwrap()
            .starts_with("glance-download"),
        "{r2}"
    );
    assert!(r3["detail"].as_str().unwrap().starts_with("stream"), "{r3}");
    assert_eq!(
        (&r2["status"], &r3["status"]),
        (&json!("applied"), &json!("applied"))
    );

    let copy = |port: u16| {
        let copies = glances.named(port, &name);
        assert_eq!(copies.len(), 1, "{port}: {copies:?}\n{}", run.stderr);
        copies[0].clone()
    };
    let (two, three) = (copy(GLANCE_R2), copy(GLANCE_R3));
    for c in [&two, &three] {
        assert_eq!(c["status"], "active", "{c}");
        assert_eq!(c["os_hash_algo"], src["os_hash_algo"], "{c}");
        assert_eq!(c["os_hash_value"], src["os_hash_value"], "{c}");
        assert_eq!(c["size"], IMAGE_BYTES, "{c}");
        assert_eq!(c["disk_format"], "raw");
        assert_eq!(c["container_format"], "bare");
        assert_eq!(c["hw_disk_bus"], "scsi", "{c}");
        assert_eq!(c["visibility"], "private");
        assert_eq!(c["osprey_source"], format!("mc-a-demo/RegionOne/{src_id}"));
        assert_eq!(
            c["osprey_source_hash"],
            format!("sha512:{}", src["os_hash_value"].as_str().unwrap())
        );
    }
    assert!(two["osprey_run"].as_str().unwrap().len() > 8, "{two}");
    assert_eq!(two["osprey_run"], three["osprey_run"]);

    // The -v trace lists every request osprey sent: RegionTwo was asked to
    // import and got no data from osprey; RegionThree got one upload, fed
    // by the one read of the source.
    let lines: Vec<&str> = run.stderr.lines().collect();
    let sent = |prefix: &str| lines.iter().filter(|l| l.starts_with(prefix)).count();
    let (two_id, three_id) = (two["id"].as_str().unwrap(), three["id"].as_str().unwrap());
    assert_eq!(
        sent(&format!(
            "POST http://127.0.0.1:{GLANCE_R2}/v2/images/{two_id}/import 202"
        )),
        1,
        "{}",
        run.stderr
    );
    assert_eq!(
        sent(&format!("PUT http://127.0.0.1:{GLANCE_R2}/")),
        0,
        "{}",
        run.stderr
    );
    assert_eq!(
        sent(&format!(
            "PUT http://127.0.0.1:{GLANCE_R3}/v2/images/{three_id}/file 204"
        )),
        1,
        "{}",
        run.stderr
    );
    assert_eq!(
        sent(&format!(
            "GET http://127.0.0.1:{GLANCE_R1}/v2/images/{src_id}/file 200"
        )),
        1,
        "{}",
        run.stderr
    );

    list().assert_code(0);
    demo_run(
        &env,
        &[
            "image",
            "sync",
            &name,
            "--from",
            "mc-a-demo/RegionOne",
            "--dry-run",
            "--exit-code",
            "-f",
            "json",
        ],
    )
    .assert_only_skips();
}

/// `image ensure` across both real clouds, each way: an image only at
/// RegionThree is copied to RegionOne and one only at RegionOne to
/// RegionThree; a second `ensure` copies nothing and prints the same id.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn image_ensure_copies_once_each_way_between_real_clouds() {
    let glances = Glances::new("ensure");
    let env = Env::with_clouds(&clouds_yaml());
    let cases = [
        ("b-to-a", GLANCE_R3, GLANCE_R1, "mc-a-demo/RegionOne"),
        ("a-to-b", GLANCE_R1, GLANCE_R3, "mc-b-demo/RegionThree"),
    ];
    for (suffix, from, to, at) in cases {
        let name = format!("{}-{suffix}", glances.prefix);
        let src = glances.upload(from, &name, json!({}), &random_bytes(IMAGE_BYTES));
        let ensure = || {
            let run = demo_run(
                &env,
                &[
                    "image", "ensure", &name, "--at", at, "-f", "value", "-c", "id",
                ],
            );
            run.assert_code(0);
            run.stdout.trim().to_string()
        };
        let id = ensure();
        let copies = glances.named(to, &name);
        assert_eq!(copies.len(), 1, "{at}: {copies:?}");
        assert_eq!(copies[0]["id"], id.as_str());
        assert_eq!(copies[0]["status"], "active");
        assert_eq!(copies[0]["os_hash_value"], src["os_hash_value"]);
        assert_ne!(id, src["id"].as_str().unwrap());
        assert_eq!(ensure(), id, "a second ensure at {at}");
        assert_eq!(glances.named(to, &name).len(), 1, "{at}");
    }
}

/// `image mirror` against real Glances, as cron runs it: a second run
/// right after plans only skips; when the source is replaced by new bytes
/// under the same name, the next run copies them and renames the older
/// copy at each target `NAME (replaced YYYY-MM-DD)`, private.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn image_mirror_is_idempotent_and_follows_a_changed_source() {
    let glances = Glances::new("mirror");
    let name = format!("{}-weekly", glances.prefix);
    let pattern = format!("{}*", glances.prefix);
    let week1 = glances.upload(GLANCE_R1, &name, json!({}), &random_bytes(IMAGE_BYTES));
    let env = Env::with_clouds(&clouds_yaml());
    let targets = "mc-a-demo/RegionTwo,mc-b-demo/RegionThree";
    let mirror = |more: &[&str]| {
        demo_run(
            &env,
            &[
                &[
                    "image",
                    "mirror",
                    "--from",
                    "mc-a-demo/RegionOne",
                    "--to",
                    targets,
                    "--name",
                    &pattern,
                    "-f",
                    "json",
                ][..],
                more,
            ]
            .concat(),
        )
    };
    let run = mirror(&["--yes"]);
    run.assert_code(0);
    let mut old = Vec::new();
    for port in [GLANCE_R2, GLANCE_R3] {
        let copies = glances.named(port, &name);
        assert_eq!(copies.len(), 1, "{port}: {}", run.stderr);
        assert_eq!(copies[0]["os_hash_value"], week1["os_hash_value"]);
        old.push(copies[0]["id"].as_str().unwrap().to_string());
    }
    mirror(&["--dry-run", "--exit-code"]).assert_only_skips();

    // The weekly refresh: the old source deleted, new bytes under its name.
    glances.delete(GLANCE_R1, week1["id"].as_str().unwrap());
    let week2 = glances.upload(GLANCE_R1, &name, json!({}), &random_bytes(IMAGE_BYTES));
    assert_ne!(week2["os_hash_value"], week1["os_hash_value"]);
    let run = mirror(&["--yes"]);
    run.assert_code(0);
    for row in run.json().as_array().unwrap() {
        assert_eq!(row["action"], "replace", "{row}");
        assert_eq!(row["status"], "applied", "{row}");
    }
    for (port, old_id) in [GLANCE_R2, GLANCE_R3].into_iter().zip(&old) {
        let now = glances.named(port, &name);
        assert_eq!(now.len(), 1, "{port}: {}", run.stderr);
        assert_eq!(now[0]["status"], "active");
        assert_eq!(now[0]["os_hash_value"], week2["os_hash_value"], "{port}");
        let retired = glances.show(port, old_id);
        let day = &retired["updated_at"].as_str().unwrap()[..10];
        assert_eq!(
            retired["name"],
            format!("{name} (replaced {day})"),
            "{port}"
        );
        assert_eq!(retired["visibility"], "private");
        assert_eq!(retired["os_hash_value"], week1["os_hash_value"]);
    }
    mirror(&["--dry-run", "--exit-code"]).assert_only_skips();
}

/// A wave that fails at a real Glance undoes the whole run: the canary's
/// copy at RegionTwo is verified first, then RegionThree's upload is cut
/// (its Glance sits behind a relay, through `image_endpoint_override`);
/// osprey deletes what it made at both and exits 2.
///
/// The failure has to come after planning: an image endpoint that does
/// not answer at all fails its site while the run reads the targets, and
/// the run then goes on without it.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn image_sync_rolls_back_the_canary_when_a_real_wave_fails() {
    let glances = Glances::new("wave");
    let name = glances.prefix.clone();
    let src = glances.upload(GLANCE_R1, &name, json!({}), &random_bytes(IMAGE_BYTES));
    let relay = FaultRelay::start("127.0.0.1:9312");
    let relayed = format!(
        "{}\n  mc-b-relay:\n    auth:\n      auth_url: http://127.0.0.1:5001/v3\n      \
         username: demo\n      password: minicloud-demo\n      project_name: demo\n      \
         user_domain_name: Default\n      project_domain_name: Default\n    \
         region_name: RegionThree\n    regions: [RegionThree]\n    \
         image_endpoint_override: {}\n",
        clouds_yaml().trim_end(),
        relay.url
    );
    let env = Env::with_clouds(&relayed);
    relay.arm("PUT /v2/images/", Cut::Before);
    let run = env.run(&[
        "--os-cloud",
        "mc-a-demo,mc-b-relay",
        "-v",
        "image",
        "sync",
        &name,
        "--from",
        "mc-a-demo/RegionOne",
        "--canary",
        "mc-a-demo/RegionTwo",
        "--wave",
        "1",
        "--yes",
        "-f",
        "json",
    ]);
    run.assert_code(2);
    // The canary's copy was made (and imported) before the wave started.
    assert!(
        run.stderr.lines().any(|l| l
            .starts_with(&format!("POST http://127.0.0.1:{GLANCE_R2}/v2/images/"))
            && l.contains("/import 202")),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.row("mc-a-demo", "RegionTwo")["status"],
        "rolled back",
        "{}",
        run.stdout
    );
    // RegionThree's image was made, its upload cut, and osprey deleted it.
    let cut = format!("PUT {}/v2/images/", relay.url);
    assert!(
        run.stderr.lines().any(|l| l.starts_with(&cut)),
        "{}",
        run.stderr
    );
    let r3 = run.row("mc-b-relay", "RegionThree");
    assert_eq!(r3["status"], "failed, rolled back", "{r3}");
    assert!(
        run.stderr.contains("error: mc-b-relay/RegionThree"),
        "{}",
        run.stderr
    );
    assert!(glances.named(GLANCE_R2, &name).is_empty(), "{}", run.stderr);
    assert!(glances.named(GLANCE_R3, &name).is_empty(), "{}", run.stderr);
    assert_eq!(glances.named(GLANCE_R1, &name).len(), 1);
    assert_eq!(
        glances.show(GLANCE_R1, src["id"].as_str().unwrap())["status"],
        "active"
    );
}

/// A `glance-download` that the real Glance fails: the source image is
/// deleted after osprey planned the copy, while RegionTwo's import request
/// is held in a relay. Glance 33 then puts the target back `queued`, with
/// no failed store in `os_glance_failed_import`: only the import's task
/// says it failed. osprey reads the task, deletes the image it made and
/// exits 2 at once, instead of polling for the 30 minutes it allows an
/// import.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn image_sync_sees_a_failed_real_import_by_its_task() {
    let glances = Glances::new("import");
    let name = glances.prefix.clone();
    let src = glances.upload(GLANCE_R1, &name, json!({}), &random_bytes(1 << 20));
    let relay = FaultRelay::start("127.0.0.1:9302");
    // Cloud A's demo, with RegionTwo's Glance behind the relay (one
    // Keystone login for both regions, so RegionTwo still fetches itself).
    let relayed = format!(
        "{}\n  mc-a-relay:\n    auth:\n      auth_url: http://127.0.0.1:5000/v3\n      \
         username: demo\n      password: minicloud-demo\n      project_name: demo\n      \
         user_domain_name: Default\n      project_domain_name: Default\n    \
         region_name: RegionOne\n    regions:\n      - RegionOne\n      - name: RegionTwo\n        \
         values:\n          image_endpoint_override: {}\n",
        clouds_yaml().trim_end(),
        relay.url
    );
    let env = Env::with_clouds(&relayed);
    relay.arm("POST /v2/images/", Cut::Hold);
    let child = env
        .command(&[
            "--os-cloud",
            "mc-a-relay",
            "image",
            "sync",
            &name,
            "--from",
            "mc-a-relay/RegionOne",
            "--to",
            "mc-a-relay/RegionTwo",
            "--yes",
            "-f",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    relay.wait_held(std::time::Duration::from_secs(60));
    glances.delete(GLANCE_R1, src["id"].as_str().unwrap());
    relay.release();
    let started = std::time::Instant::now();
    let out = common::Run::from(wait_with_deadline(
        child,
        std::time::Duration::from_secs(120),
    ));
    out.assert_code(2);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        out.stderr
            .contains("Glance here could not import it from RegionOne")
            && out.stderr.contains("its import task failed"),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.row("mc-a-relay", "RegionTwo")["status"],
        "failed, rolled back",
        "{}",
        out.stdout
    );
    assert!(glances.named(GLANCE_R2, &name).is_empty(), "{}", out.stderr);
}

/// The child's output once it exits; killed (and the test failed) past
/// `within`.
fn wait_with_deadline(
    mut child: std::process::Child,
    within: std::time::Duration,
) -> std::process::Output {
    if !crate::common::holds_within(within, || child.try_wait().unwrap().is_some()) {
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        panic!(
            "osprey did not end within {within:?}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    child.wait_with_output().unwrap()
}
