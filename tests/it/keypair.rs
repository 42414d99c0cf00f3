//! End-to-end: `osprey keypair` against fakestack — the drift matrix,
//! cloning from a site or a local file, conflicts, deletion, and a site
//! that fails without undoing the others.

use crate::common::{self, BOTH, ED25519, Env, RSA, both, demo, seed_keypair};
use fakestack::{FakeStack, Fault, FaultKind, Kind, Spec, Target};
use serde_json::Value;

const ED25519_MD5: &str = "a7:02:01:6b:0a:bd:33:14:a6:7a:a1:dc:f3:1b:30:a8";
const RSA_MD5: &str = "5c:73:e9:6e:8e:e2:e7:84:ad:59:1c:00:cf:36:7d:15";

/// fake-a (RegionOne, RegionTwo) and fake-b (RegionThree), as the demo user.
/// The fingerprints of `name` per region, as Nova holds them.
fn held(stack: &FakeStack, name: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for region in ["RegionOne", "RegionTwo", "RegionThree"] {
        for k in stack.resources(region, Kind::Keypair) {
            if k.body["name"] == name {
                let fp = k.body["fingerprint"].as_str().unwrap_or_default();
                out.push((region.to_string(), fp.to_string()));
            }
        }
    }
    out
}

#[test]
fn list_is_a_matrix_of_names_and_sites_with_drift() {
    let (stack, env) = demo();
    for r in ["RegionOne", "RegionTwo", "RegionThree"] {
        seed_keypair(&stack, r, "everywhere", ED25519);
    }
    seed_keypair(&stack, "RegionOne", "only-one", ED25519);
    seed_keypair(&stack, "RegionOne", "two-keys", ED25519);
    seed_keypair(&stack, "RegionTwo", "two-keys", RSA);
    let out = both(&env, &["keypair", "list", "-f", "json"]);
    out.assert_code(0);
    let rows = out.json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 9, "a row per name and site: {rows:?}");
    let row = |name: &str, region: &str| -> &Value {
        rows.iter()
            .find(|r| r["name"] == name && r["region"] == region)
            .unwrap()
    };
    assert_eq!(row("everywhere", "RegionThree")["fingerprint"], ED25519_MD5);
    assert_eq!(row("everywhere", "RegionThree")["type"], "ssh");
    assert_eq!(row("everywhere", "RegionOne")["status"], "same");
    assert_eq!(row("only-one", "RegionTwo")["fingerprint"], "");
    assert_eq!(row("only-one", "RegionOne")["status"], "missing");
    assert_eq!(row("two-keys", "RegionTwo")["fingerprint"], RSA_MD5);
    assert_eq!(row("two-keys", "RegionThree")["status"], "differs");

    both(&env, &["keypair", "list", "--exit-code"]).assert_code(1);
    both(
        &env,
        &["keypair", "list", "--name", "every*", "--exit-code"],
    )
    .assert_code(0);
    let table = both(&env, &["keypair", "list"]);
    assert!(
        table.stdout.contains("fake-b/RegionThree"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("a7:02:01:6b…"), "{}", table.stdout);
}

#[test]
fn sync_clones_a_key_then_plans_only_skips() {
    let (stack, env) = demo();
    seed_keypair(&stack, "RegionOne", "deploy", ED25519);
    let sync = [
        "keypair",
        "sync",
        "deploy",
        "--from",
        "fake-a/RegionOne",
        "-f",
        "json",
    ];
    let dry = both(&env, &[&sync[..], &["--dry-run", "--exit-code"]].concat());
    dry.assert_code(1);
    let plan = dry.json();
    let actions: Vec<(&str, &str)> = plan
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["region"].as_str().unwrap(), r["action"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [("RegionTwo", "create"), ("RegionThree", "create")]
    );
    assert!(
        held(&stack, "deploy").len() == 1,
        "a dry run changes nothing"
    );

    both(&env, &[&sync[..], &["--yes"]].concat()).assert_code(0);
    assert_eq!(
        held(&stack, "deploy"),
        [
            ("RegionOne".to_string(), ED25519_MD5.to_string()),
            ("RegionTwo".to_string(), ED25519_MD5.to_string()),
            ("RegionThree".to_string(), ED25519_MD5.to_string()),
        ]
    );
    // Imported as each cloud's own user, never someone else's.
    let demo_b = stack.user_id("fake-b", "demo");
    let k = stack
        .resources("RegionThree", Kind::Keypair)
        .into_iter()
        .find(|k| k.body["name"] == "deploy")
        .unwrap();
    assert_eq!(k.user_id, Some(demo_b));

    let again = both(&env, &[&sync[..], &["--dry-run", "--exit-code"]].concat());
    again.assert_code(0);
    assert!(
        again
            .json()
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["action"] == "skip" && r["detail"] == "already the same"),
        "{}",
        again.stdout
    );
    both(&env, &["keypair", "list", "--exit-code"]).assert_code(0);
}

#[test]
fn another_key_of_the_same_name_is_a_conflict_unless_replace() {
    let (stack, env) = demo();
    seed_keypair(&stack, "RegionOne", "deploy", ED25519);
    seed_keypair(&stack, "RegionTwo", "deploy", RSA);
    let sync = [
        "keypair",
        "sync",
        "deploy",
        "--from",
        "fake-a/RegionOne",
        "--yes",
    ];
    let out = both(&env, &sync);
    out.assert_code(2);
    assert!(
        out.stderr.contains("fake-a/RegionTwo")
            && out.stderr.contains("conflict")
            && out.stderr.contains("--replace"),
        "{}",
        out.stderr
    );
    // The conflict changes nothing there; the other target is cloned.
    let held_now = held(&stack, "deploy");
    assert!(held_now.contains(&("RegionTwo".to_string(), RSA_MD5.to_string())));
    assert!(held_now.contains(&("RegionThree".to_string(), ED25519_MD5.to_string())));

    let out = both(&env, &[&sync[..], &["--replace", "-f", "json"]].concat());
    out.assert_code(0);
    let rows = out.json();
    let two = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == "RegionTwo")
        .unwrap()
        .clone();
    assert_eq!(two["action"], "replace");
    assert_eq!(two["status"], "applied");
    assert!(
        held(&stack, "deploy")
            .iter()
            .all(|(_, fp)| fp == ED25519_MD5)
    );
}

#[test]
fn a_missing_source_key_or_ambiguous_source_is_an_error() {
    let (_stack, env) = demo();
    let out = both(
        &env,
        &["keypair", "sync", "nope", "--from", "fake-a/RegionOne"],
    );
    out.assert_code(2);
    assert!(
        out.stderr
            .contains("keypair nope: not at the source fake-a/RegionOne"),
        "{}",
        out.stderr
    );
    let out = both(
        &env,
        &[
            "keypair",
            "sync",
            "k",
            "--from",
            "fake-a/RegionOne",
            "--to",
            "nope/*",
        ],
    );
    out.assert_code(2);
    assert!(
        out.stderr.contains("--to nope/*: no site matches"),
        "{}",
        out.stderr
    );
    let out = both(&env, &["keypair", "sync", "nope"]);
    out.assert_code(2);
    assert!(out.stderr.contains("ambiguous"), "{}", out.stderr);
    assert!(
        out.stderr.contains("hint: name it with --from"),
        "{}",
        out.stderr
    );
}

#[test]
fn import_checks_the_file_first_and_matches_novas_fingerprint() {
    let (stack, env) = demo();
    let bad = [
        ("empty.pub", "", "the file is empty"),
        (
            "id_ed25519",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
            "private key",
        ),
        ("junk.pub", "not a key at all\n", "not one Nova imports"),
    ];
    for (file, text, says) in bad {
        let path = env.write(file, text);
        let out = both(
            &env,
            &[
                "keypair",
                "import",
                "--name",
                "k",
                "--public-key",
                path.to_str().unwrap(),
                "--yes",
            ],
        );
        out.assert_code(2);
        assert!(out.stderr.contains(says), "{file}: {}", out.stderr);
        assert!(out.stderr.contains("hint:"), "{}", out.stderr);
    }
    assert!(
        stack.requests().is_empty(),
        "nothing is sent: {:?}",
        stack.requests()
    );

    let path = env.write("id_rsa.pub", RSA);
    let out = both(
        &env,
        &[
            "keypair",
            "import",
            "--name",
            "laptop",
            "--public-key",
            path.to_str().unwrap(),
            "--to",
            "fake-a/*",
            "--yes",
            "-f",
            "json",
        ],
    );
    out.assert_code(0);
    let rows = out.json();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert!(
        rows[0]["detail"].as_str().unwrap().contains(RSA_MD5),
        "{rows}"
    );
    assert_eq!(
        held(&stack, "laptop"),
        [
            ("RegionOne".to_string(), RSA_MD5.to_string()),
            ("RegionTwo".to_string(), RSA_MD5.to_string()),
        ]
    );
}

#[test]
fn delete_plans_then_asks_for_yes_off_a_terminal() {
    let (stack, env) = demo();
    seed_keypair(&stack, "RegionOne", "old", ED25519);
    seed_keypair(&stack, "RegionThree", "old", ED25519);
    let out = both(&env, &["keypair", "delete", "old"]);
    out.assert_code(2);
    assert!(out.stderr.contains("--yes"), "{}", out.stderr);
    assert_eq!(held(&stack, "old").len(), 2, "nothing deleted");
    let out = both(&env, &["keypair", "delete", "old", "--yes", "-f", "json"]);
    out.assert_code(0);
    let actions: Vec<String> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["region"].as_str().unwrap(),
                r["action"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        actions,
        ["RegionOne delete", "RegionTwo skip", "RegionThree delete"]
    );
    assert!(held(&stack, "old").is_empty());
}

#[test]
fn a_failing_site_keeps_the_others_clones() {
    let (stack, env) = demo();
    seed_keypair(&stack, "RegionOne", "deploy", ED25519);
    stack.inject(
        Fault::new(
            Target::Region("RegionThree".into()),
            FaultKind::Status {
                code: 500,
                retry_after: None,
            },
        )
        .method("POST")
        .path_prefix("/compute/v2.1/os-keypairs"),
    );
    let out = both(
        &env,
        &[
            "keypair",
            "sync",
            "deploy",
            "--from",
            "fake-a/RegionOne",
            "--yes",
            "-f",
            "json",
        ],
    );
    out.assert_code(2);
    assert!(
        out.stderr.contains("error: fake-b/RegionThree:"),
        "{}",
        out.stderr
    );
    assert_eq!(
        held(&stack, "deploy"),
        [
            ("RegionOne".to_string(), ED25519_MD5.to_string()),
            ("RegionTwo".to_string(), ED25519_MD5.to_string()),
        ]
    );
    stack.clear_faults();
    let again = both(
        &env,
        &[
            "keypair",
            "sync",
            "deploy",
            "--from",
            "fake-a/RegionOne",
            "--yes",
            "-f",
            "json",
        ],
    );
    again.assert_code(0);
    assert_eq!(held(&stack, "deploy").len(), 3);
}

/// The rows of a plan (or of what was applied) by region: (action, detail).
fn plan_by_region(out: &common::Run) -> Vec<(String, String, String)> {
    out.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_string(),
                r["action"].as_str().unwrap().to_string(),
                r["detail"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Issue 14: a key named as openstackclient names keys today (`@` and `.`,
/// valid from microversion 2.92) was imported at 2.2 and refused by every
/// target.
#[test]
fn issue_14_a_name_with_at_and_dot_syncs_to_a_modern_nova() {
    let (stack, env) = demo();
    seed_keypair(&stack, "RegionOne", "ops@host.example", ED25519);
    let sync = [
        "keypair",
        "sync",
        "ops@host.example",
        "--from",
        "fake-a/RegionOne",
        "--yes",
        "-f",
        "json",
    ];
    let out = both(&env, &sync);
    out.assert_code(0);
    assert_eq!(
        held(&stack, "ops@host.example"),
        [
            ("RegionOne".to_string(), ED25519_MD5.to_string()),
            ("RegionTwo".to_string(), ED25519_MD5.to_string()),
            ("RegionThree".to_string(), ED25519_MD5.to_string()),
        ]
    );
    // Nova 34 offers 2.104: the keys went at 2.92, no higher, no lower.
    let imports: Vec<_> = stack
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/os-keypairs"))
        .collect();
    assert_eq!(imports.len(), 2, "{imports:?}");
    for r in &imports {
        assert!(
            r.headers.iter().any(
                |(k, v)| k.eq_ignore_ascii_case("openstack-api-version") && v == "compute 2.92"
            ),
            "{r:?}"
        );
    }
    both(&env, &["keypair", "list", "--exit-code"]).assert_code(0);
}

/// Issue 14: a target whose Nova stops before 2.92 cannot take `@` or `.`:
/// a conflict there that says why, while the other targets are cloned and
/// an ordinary name still reaches the older Nova.
#[test]
fn issue_14_an_older_nova_is_a_conflict_that_names_the_microversion() {
    let stack =
        FakeStack::start(Spec::demo().region_compute_max_microversion("RegionThree", "2.87"));
    let env = Env::with_clouds(&stack.clouds_yaml());
    seed_keypair(&stack, "RegionOne", "ops@host.example", ED25519);
    seed_keypair(&stack, "RegionOne", "deploy", RSA);
    let sync = [
        "keypair",
        "sync",
        "ops@host.example",
        "deploy",
        "--from",
        "fake-a/RegionOne",
        "-f",
        "json",
    ];
    let why = "nova at this site (microversion 2.87) does not accept '@' in a keypair name; it needs 2.92";
    let dry = both(&env, &[&sync[..], &["--dry-run"]].concat());
    let planned = plan_by_region(&dry);
    assert!(
        planned.contains(&(
            "RegionThree".to_string(),
            "conflict".to_string(),
            why.to_string()
        )),
        "{planned:?}"
    );
    assert!(
        planned
            .iter()
            .filter(|(r, ..)| r == "RegionTwo")
            .all(|(_, action, _)| action == "create"),
        "{planned:?}"
    );

    let out = both(&env, &[&sync[..], &["--yes"]].concat());
    out.assert_code(2);
    assert!(
        out.stderr.contains("fake-b/RegionThree") && out.stderr.contains(why),
        "{}",
        out.stderr
    );
    assert_eq!(
        held(&stack, "ops@host.example"),
        [
            ("RegionOne".to_string(), ED25519_MD5.to_string()),
            ("RegionTwo".to_string(), ED25519_MD5.to_string()),
        ]
    );
    // Nothing with that name was ever sent to the older Nova.
    assert!(
        !stack
            .requests()
            .iter()
            .any(|r| r.target == "RegionThree" && r.method == "POST" && r.status == 400),
        "{:?}",
        stack.requests()
    );

    // An ordinary name is taken there, at the older Nova's own maximum.
    let out = both(
        &env,
        &[
            "keypair",
            "sync",
            "deploy",
            "--from",
            "fake-a/RegionOne",
            "--yes",
        ],
    );
    out.assert_code(0);
    assert!(held(&stack, "deploy").contains(&("RegionThree".to_string(), RSA_MD5.to_string())));
}

/// Issue 14: a name that no Nova accepts (a slash, 256 characters) was
/// planned as a create and failed at every site; now it is a conflict at
/// every target, saying why, and nothing is imported.
#[test]
fn issue_14_a_name_no_nova_accepts_is_a_conflict_everywhere() {
    let (stack, env) = demo();
    let path = env.write("id_ed25519.pub", ED25519);
    let long = "k".repeat(256);
    let cases = [
        ("team/deploy", "no nova accepts '/' in a keypair name"),
        (
            long.as_str(),
            "no nova accepts a keypair name longer than 255 characters (this one has 256)",
        ),
    ];
    for (name, why) in cases {
        let out = both(
            &env,
            &[
                "keypair",
                "import",
                "--name",
                name,
                "--public-key",
                path.to_str().unwrap(),
                "--yes",
                "-f",
                "json",
            ],
        );
        out.assert_code(2);
        for site in ["fake-a/RegionOne", "fake-a/RegionTwo", "fake-b/RegionThree"] {
            assert!(
                out.stderr
                    .lines()
                    .any(|l| l.contains(site) && l.contains("conflict") && l.contains(why)),
                "{site}: {}",
                out.stderr
            );
        }
        assert!(held(&stack, name).is_empty());
    }
    assert!(
        !stack
            .requests()
            .iter()
            .any(|r| r.method == "POST" && r.path.ends_with("/os-keypairs")),
        "nothing is imported: {:?}",
        stack.requests()
    );
}

/// Issue 14: a `--to` that matches nothing was blamed on `--sites`, a flag
/// the user never gave.
#[test]
fn issue_14_a_to_that_matches_nothing_names_to() {
    let (stack, env) = demo();
    seed_keypair(&stack, "RegionOne", "deploy", ED25519);
    let path = env.write("id_ed25519.pub", ED25519);
    let import = |to: &str| {
        both(
            &env,
            &[
                "keypair",
                "import",
                "--name",
                "laptop",
                "--public-key",
                path.to_str().unwrap(),
                "--to",
                to,
                "--yes",
            ],
        )
    };
    for (to, says) in [
        (
            "nope/*",
            "--to nope/*: no cloud matches\nhint: clouds: fake-a, fake-a-admin, fake-b",
        ),
        ("fake-a/Nope", "--to fake-a/Nope: no site matches"),
        ("fake-a/Nope,nope", "--to fake-a/Nope,nope: no site matches"),
    ] {
        let out = import(to);
        out.assert_code(2);
        assert!(out.stderr.contains(says), "{to}: {}", out.stderr);
        assert!(
            !out.stderr.contains("error: --sites") && !out.stderr.contains("the selection"),
            "{to}: {}",
            out.stderr
        );
    }
    let out = both(
        &env,
        &[
            "keypair",
            "sync",
            "deploy",
            "--from",
            "fake-a/RegionOne",
            "--to",
            "fake-b/Nope",
            "--yes",
        ],
    );
    out.assert_code(2);
    assert!(
        out.stderr
            .contains("--to fake-b/Nope: no site matches but the source fake-a/RegionOne"),
        "{}",
        out.stderr
    );
    assert!(held(&stack, "laptop").is_empty());
    // A --to that matches still reaches only what it names.
    import("fake-b/*").assert_code(0);
    assert_eq!(
        held(&stack, "laptop"),
        [("RegionThree".to_string(), ED25519_MD5.to_string())]
    );
}

/// `keypair import --public-key PATH`, ended by the test if it has not
/// ended on its own within `limit` (so a run that blocks fails, not hangs).
#[cfg(unix)]
fn import_within(env: &Env, path: &std::path::Path, limit: std::time::Duration) -> common::Run {
    let mut child = env
        .command(
            &[
                &BOTH[..],
                &[
                    "keypair",
                    "import",
                    "--name",
                    "k",
                    "--public-key",
                    path.to_str().unwrap(),
                    "--yes",
                ],
            ]
            .concat(),
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    if !common::holds_within(limit, || child.try_wait().unwrap().is_some()) {
        child.kill().unwrap();
        let run = common::Run::from(child.wait_with_output().unwrap());
        panic!("still running after {limit:?}: {}", run.stderr);
    }
    common::Run::from(child.wait_with_output().unwrap())
}

#[cfg(unix)]
#[test]
fn issue_14_a_key_file_that_is_no_small_regular_file_is_refused_before_any_request() {
    let (stack, env) = demo();
    let fifo = env.path().join("key.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let dir = env.path().join("keys");
    std::fs::create_dir(&dir).unwrap();
    // A valid key with a 20 MB comment: before, it went to every site.
    let huge = env.write(
        "huge.pub",
        &format!("{} {}\n", ED25519.trim(), "a".repeat(20 << 20)),
    );
    let cases = [
        (
            std::path::PathBuf::from("/dev/zero"),
            "is not a regular file",
        ),
        (fifo, "is not a regular file"),
        (dir, "is a directory"),
        (huge, "more than a public key file holds (at most 64 KiB)"),
    ];
    for (path, says) in cases {
        let run = import_within(&env, &path, std::time::Duration::from_secs(60));
        run.assert_code(2);
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert!(
            lines[0].starts_with(&format!("error: --public-key {}: ", path.display()))
                && lines[0].contains(says),
            "{}",
            run.stderr
        );
        assert!(
            lines.len() > 1 && lines[1..].iter().all(|l| l.starts_with("hint: ")),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    assert!(
        stack.requests().is_empty(),
        "nothing is sent: {:?}",
        stack.requests()
    );
    // A key file of the largest size allowed is read (and judged as a key).
    let padded = format!(
        "{}{}\n",
        ED25519.trim(),
        " ".repeat((64 << 10) - ED25519.len())
    );
    let path = env.write("padded.pub", &padded);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 64 << 10);
    let run = import_within(&env, &path, std::time::Duration::from_secs(60));
    run.assert_code(0);
}

/// Issue 14: a view's output options are checked before it asks any site,
/// as a change's are; a site column of the matrix is known only later.
#[test]
fn issue_14_a_views_columns_are_checked_before_any_request() {
    let (stack, env) = demo();
    seed_keypair(&stack, "RegionOne", "deploy", ED25519);
    let seeded = stack.requests().len();
    let out = both(&env, &["keypair", "list", "-c", "nope"]);
    out.assert_code(2);
    assert!(
        out.stderr
            .starts_with("error: -c nope: no such column\nhint: columns are: cloud, region, name"),
        "{}",
        out.stderr
    );
    assert_eq!(stack.requests().len(), seeded, "no request was made");
    let out = both(
        &env,
        &["keypair", "list", "-c", "Name", "-c", "fake-a/RegionOne"],
    );
    out.assert_code(0);
    assert!(out.stdout.contains("a7:02:01:6b…"), "{}", out.stdout);
    let out = both(
        &env,
        &["keypair", "list", "-f", "json", "-c", "fake-a/RegionOne"],
    );
    out.assert_code(2);
    assert!(
        out.stderr.contains("-c fake-a/RegionOne: no such column"),
        "{}",
        out.stderr
    );
}

/// Issue 14: a skip is `not applied` in every run, whether or not the run
/// changed something elsewhere (it was `planned` when nothing changed).
#[test]
fn issue_14_a_skip_has_one_status_in_every_run() {
    let (stack, env) = demo();
    seed_keypair(&stack, "RegionOne", "deploy", ED25519);
    seed_keypair(&stack, "RegionTwo", "deploy", ED25519);
    let sync = [
        "keypair",
        "sync",
        "deploy",
        "--from",
        "fake-a/RegionOne",
        "--yes",
        "-f",
        "json",
    ];
    let statuses = |run: &common::Run| -> Vec<(String, String)> {
        run.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["action"].as_str().unwrap().to_string(),
                    r["status"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let first = both(&env, &sync);
    first.assert_code(0);
    assert_eq!(
        statuses(&first),
        common::pairs(&[("skip", "not applied"), ("create", "applied")])
    );
    let second = both(&env, &sync);
    second.assert_code(0);
    assert_eq!(
        statuses(&second),
        common::pairs(&[("skip", "not applied"), ("skip", "not applied")])
    );
    assert!(
        second.stderr.contains("nothing to change at 2 sites"),
        "{}",
        second.stderr
    );
}
