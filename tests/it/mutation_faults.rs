//! Issue 14: every changing command against the faults a change meets at
//! its target (RegionThree): a 500 on the creation, a 500 on the deletion
//! of a replace, an answer lost after the service acted, a 409 race, a 401
//! mid-run, and Ctrl-C mid-apply. From the fake's state afterwards:
//! nothing of the run is left half-made, the target's row tells the truth
//! about what is there, an original is never lost, and the exit code says
//! how the run ended.

use crate::common::{self, ED25519, Env, RSA, demo, seed_keypair};
use fakestack::{FakeStack, Fault, FaultKind, Kind, Target};
use serde_json::{Value, json};
use std::time::Duration;

const TARGET: &str = "RegionThree";

/// One changing command, set up so that it changes one thing at the
/// target: what it creates (`create`: the POST path) and, for a replace or
/// a delete, what it deletes first (`delete`).
struct Case {
    name: &'static str,
    seed: fn(&FakeStack, &Env) -> Vec<String>,
    create: Option<&'static str>,
    delete: Option<&'static str>,
    /// What the target holds of the command's resource, compared before
    /// and after.
    state: fn(&FakeStack) -> Value,
}

fn keypair_state(stack: &FakeStack) -> Value {
    let mut fps: Vec<Value> = stack
        .resources(TARGET, Kind::Keypair)
        .into_iter()
        .filter(|k| k.body["name"] == "deploy")
        .map(|k| k.body["fingerprint"].clone())
        .collect();
    fps.sort_by_key(|v| v.to_string());
    json!(fps)
}

fn flavor_state(stack: &FakeStack) -> Value {
    let flavors: Vec<Value> = stack
        .resources(TARGET, Kind::Flavor)
        .into_iter()
        .filter(|f| f.body["name"] == "m1.gp")
        .map(|f| {
            json!({"id": f.id, "vcpus": f.body["vcpus"], "ram": f.body["ram"],
                   "extra_specs": f.body["extra_specs"]})
        })
        .collect();
    json!(flavors)
}

fn seed_flavor(stack: &FakeStack, region: &str, id: &str, ram: u64) {
    let f = stack.seed(
        region,
        Kind::Flavor,
        "admin",
        json!({"id": id, "name": "m1.gp", "vcpus": 2, "ram": ram, "disk": 20}),
    );
    common::nova(
        stack,
        region,
        "POST",
        &format!("flavors/{}/os-extra_specs", f.id),
        json!({"extra_specs": {"hw:cpu_policy": "dedicated"}}),
    );
}

fn secgroup_state(stack: &FakeStack) -> Value {
    let mut out = Vec::new();
    for g in stack.resources(TARGET, Kind::SecurityGroup) {
        if g.body["name"] != "web" {
            continue;
        }
        let mut rules: Vec<String> = stack
            .resources(TARGET, Kind::SecurityGroupRule)
            .into_iter()
            .filter(|r| r.body["security_group_id"] == g.id.as_str())
            .map(|r| {
                let b = &r.body;
                format!(
                    "{} {} {} {}",
                    b["direction"], b["protocol"], b["port_range_min"], b["remote_ip_prefix"]
                )
            })
            .collect();
        rules.sort();
        out.push(json!(rules));
    }
    json!(out)
}

fn seed_web(stack: &FakeStack, region: &str, port: u16) -> String {
    let web = stack
        .seed(
            region,
            Kind::SecurityGroup,
            "demo",
            json!({"name": "web", "description": "web servers"}),
        )
        .id;
    stack.seed(
        region,
        Kind::SecurityGroupRule,
        "demo",
        json!({"security_group_id": web, "direction": "ingress", "protocol": "tcp",
               "port_range_min": port, "port_range_max": port,
               "remote_ip_prefix": "0.0.0.0/0"}),
    );
    web
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "keypair sync",
            seed: |stack, _| {
                seed_keypair(stack, "RegionOne", "deploy", ED25519);
                demo_args(&["keypair", "sync", "deploy"], true)
            },
            create: Some("/compute/v2.1/os-keypairs"),
            delete: None,
            state: keypair_state,
        },
        Case {
            name: "keypair sync --replace",
            seed: |stack, _| {
                seed_keypair(stack, "RegionOne", "deploy", ED25519);
                seed_keypair(stack, TARGET, "deploy", RSA);
                demo_args(&["keypair", "sync", "deploy", "--replace"], true)
            },
            create: Some("/compute/v2.1/os-keypairs"),
            delete: Some("/compute/v2.1/os-keypairs/deploy"),
            state: keypair_state,
        },
        Case {
            name: "keypair import --replace",
            seed: |stack, env| {
                seed_keypair(stack, TARGET, "deploy", RSA);
                let file = env.write("id.pub", ED25519);
                demo_args(
                    &[
                        "keypair",
                        "import",
                        "--name",
                        "deploy",
                        "--public-key",
                        file.to_str().unwrap(),
                        "--replace",
                    ],
                    false,
                )
            },
            create: Some("/compute/v2.1/os-keypairs"),
            delete: Some("/compute/v2.1/os-keypairs/deploy"),
            state: keypair_state,
        },
        Case {
            name: "keypair delete",
            seed: |stack, _| {
                seed_keypair(stack, TARGET, "deploy", RSA);
                vec![
                    "--sites".into(),
                    format!("fake-b/{TARGET}"),
                    "keypair".into(),
                    "delete".into(),
                    "deploy".into(),
                ]
            },
            create: None,
            delete: Some("/compute/v2.1/os-keypairs/deploy"),
            state: keypair_state,
        },
        Case {
            name: "flavor sync",
            seed: |stack, _| {
                seed_flavor(stack, "RegionOne", "gp-1", 4096);
                admin_args(&["flavor", "sync", "m1.gp"])
            },
            create: Some("/compute/v2.1/flavors"),
            delete: None,
            state: flavor_state,
        },
        Case {
            name: "flavor sync --replace",
            seed: |stack, _| {
                seed_flavor(stack, "RegionOne", "gp-1", 4096);
                seed_flavor(stack, TARGET, "old-gp", 2048);
                admin_args(&["flavor", "sync", "m1.gp", "--replace"])
            },
            create: Some("/compute/v2.1/flavors"),
            delete: Some("/compute/v2.1/flavors/old-gp"),
            state: flavor_state,
        },
        Case {
            name: "secgroup sync",
            seed: |stack, _| {
                seed_web(stack, "RegionOne", 443);
                demo_args(&["secgroup", "sync", "web"], true)
            },
            create: Some("/network/v2.0/security-group"),
            delete: None,
            state: secgroup_state,
        },
        Case {
            name: "secgroup sync --prune",
            seed: |stack, _| {
                seed_web(stack, "RegionOne", 443);
                seed_web(stack, TARGET, 80);
                demo_args(&["secgroup", "sync", "web", "--prune"], true)
            },
            create: Some("/network/v2.0/security-group-rules"),
            delete: Some("/network/v2.0/security-group-rules/"),
            state: secgroup_state,
        },
        Case {
            name: "quota balance",
            seed: |_, env| {
                let file = env.write(
                    "limits.yaml",
                    "projects:\n  demo:\n    compute: {cores: 30}\n",
                );
                admin_args_no_from(&["quota", "balance", "--limits", file.to_str().unwrap()])
            },
            create: Some("/compute/v2.1/os-quota-sets"),
            delete: None,
            state: |stack| json!(stack.quota(TARGET, "demo", "compute", "cores")),
        },
    ]
}

/// A command as fake-a's and fake-b's demo users, from RegionOne to the
/// target alone.
fn demo_args(cmd: &[&str], from: bool) -> Vec<String> {
    let mut args: Vec<String> = ["--os-cloud", "fake-a,fake-b"]
        .iter()
        .chain(cmd)
        .map(|s| s.to_string())
        .collect();
    if from {
        args.extend(["--from".into(), "fake-a/RegionOne".into()]);
    }
    args.extend(["--to".into(), format!("fake-b/{TARGET}")]);
    args
}

fn admin_args(cmd: &[&str]) -> Vec<String> {
    let mut args = admin_args_no_from(cmd);
    args.extend([
        "--from".into(),
        "fake-a-admin/RegionOne".into(),
        "--to".into(),
        format!("fake-b-admin/{TARGET}"),
    ]);
    args
}

fn admin_args_no_from(cmd: &[&str]) -> Vec<String> {
    ["--os-cloud", "fake-a-admin,fake-b-admin"]
        .iter()
        .chain(cmd)
        .map(|s| s.to_string())
        .collect()
}

/// One run of a case under a fault: the fake, the run, and the target's
/// state before and after the run.
struct Outcome {
    /// Kept for the re-run, which needs the fake alive.
    _stack: FakeStack,
    env: Env,
    args: Vec<String>,
    run: common::Run,
    before: Value,
    after: Value,
}

impl Outcome {
    /// The target's rows of the plan (one for most cases).
    fn statuses(&self) -> Vec<String> {
        let Ok(rows) = serde_json::from_str::<Value>(&self.run.stdout) else {
            return Vec::new();
        };
        rows.as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["region"] == TARGET && r["action"] != "skip")
            .filter(|r| r.get("resource").is_none_or(|v| v == "cores"))
            .map(|r| r["status"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// What the same command, run again without the fault, plans.
    fn rerun_plans_nothing(&self) -> bool {
        let mut args = self.args.clone();
        args.extend(["--dry-run".into(), "--exit-code".into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.env.run(&args).code == 0
    }
}

fn run_case(case: &Case, fault: Option<Fault>, interrupt_on: Option<&str>) -> Outcome {
    let (stack, env) = demo();
    let mut args = (case.seed)(&stack, &env);
    let before = (case.state)(&stack);
    if let Some(f) = fault {
        stack.inject(f);
    }
    args.extend(
        ["--timeout", "3", "--yes", "-f", "json"]
            .iter()
            .map(|s| s.to_string()),
    );
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = match interrupt_on {
        None => env.run(&argv),
        Some(method) => interrupted(&stack, &env, &argv, method),
    };
    stack.clear_faults();
    stack.set_latency(Target::All, Duration::ZERO);
    let after = (case.state)(&stack);
    Outcome {
        _stack: stack,
        env,
        args: args[..args.len() - 5].to_vec(),
        run,
        before,
        after,
    }
}

/// Runs the command and sends it SIGINT once a `method` request reached
/// the target (slowed so that the request is still in flight).
fn interrupted(stack: &FakeStack, env: &Env, argv: &[&str], method: &str) -> common::Run {
    stack.set_latency(Target::Region(TARGET.into()), Duration::from_millis(400));
    let child = env
        .command(argv)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    common::wait_until(
        &format!("no {method} reached {TARGET}"),
        Duration::from_secs(60),
        || {
            stack
                .requests()
                .iter()
                .any(|r| r.method == method && r.target == TARGET)
        },
    );
    common::interrupt(&child);
    common::Run::from(child.wait_with_output().unwrap())
}

fn on(method: &str, path: &str, kind: FaultKind) -> Fault {
    Fault::new(Target::Region(TARGET.into()), kind)
        .method(method)
        .path_prefix(path)
        .times(1)
}

fn status(code: u16) -> FaultKind {
    FaultKind::Status {
        code,
        retry_after: None,
    }
}

/// The invariant every case keeps: the target holds what it held before
/// or what the command was to make, never something between, and its row
/// says which.
fn check_truth(case: &Case, o: &Outcome, want_status: &str, want_code: i32) {
    let what = format!("{}: {}\nstderr:\n{}", case.name, o.run.stdout, o.run.stderr);
    assert!(!o.run.stderr.contains("panicked"), "{what}");
    assert_eq!(o.run.code, want_code, "exit code of {what}");
    let statuses = o.statuses();
    assert!(
        statuses.iter().any(|s| s == want_status),
        "no {want_status} row for the target in {what}"
    );
    // Beside the step that failed, a site's other steps were held back or
    // undone.
    let others: &[&str] = match want_status {
        "applied" => &["applied"],
        _ => &[want_status, "not applied", "rolled back"],
    };
    assert!(
        statuses.iter().all(|s| others.contains(&s.as_str())),
        "statuses {statuses:?} with {want_status}: {what}"
    );
    if want_status == "applied" {
        assert_ne!(o.after, o.before, "applied but unchanged: {what}");
    } else {
        assert_eq!(o.after, o.before, "{want_status} but changed: {what}");
    }
}

#[test]
fn a_500_on_a_creation_leaves_the_target_as_it_was() {
    for case in cases() {
        let Some(create) = case.create else { continue };
        let method = if case.name == "quota balance" {
            "PUT"
        } else {
            "POST"
        };
        let o = run_case(&case, Some(on(method, create, status(500))), None);
        let want = if case.delete.is_some() && case.name != "secgroup sync --prune" {
            "failed, original restored"
        } else {
            "failed"
        };
        check_truth(&case, &o, want, 2);
    }
}

#[test]
fn a_500_on_the_deletion_of_a_replace_changes_nothing() {
    for case in cases() {
        let Some(delete) = case.delete else { continue };
        let o = run_case(&case, Some(on("DELETE", delete, status(500))), None);
        check_truth(&case, &o, "failed", 2);
        assert!(
            o.run.stderr.contains("error: fake-b"),
            "{}: {}",
            case.name,
            o.run.stderr
        );
    }
}

#[test]
fn an_answer_lost_after_a_creation_is_found_and_kept() {
    // Each case gets a cloud of its own, all at once: a swallowed answer
    // waits out the timeout.
    let cases = cases();
    std::thread::scope(|scope| {
        for case in &cases {
            let Some(create) = case.create else { continue };
            let method = if case.name == "quota balance" {
                "PUT"
            } else {
                "POST"
            };
            for kind in [FaultKind::DropAnswer, FaultKind::SwallowAnswer] {
                scope.spawn(move || {
                    let o = run_case(case, Some(on(method, create, kind.clone())), None);
                    check_truth(case, &o, "applied", 0);
                    if case.name != "quota balance" {
                        assert!(
                            o.run.stderr.contains(
                                "the answer to its creation was lost; osprey found it and completed it"
                            ),
                            "{} with {kind:?}: {}",
                            case.name,
                            o.run.stderr
                        );
                    }
                    assert!(o.rerun_plans_nothing(), "{} with {kind:?}", case.name);
                });
            }
        }
    });
}

#[test]
fn an_answer_lost_after_a_deletion_is_checked() {
    for case in cases() {
        let Some(delete) = case.delete else { continue };
        let o = run_case(
            &case,
            Some(on("DELETE", delete, FaultKind::DropAnswer)),
            None,
        );
        check_truth(&case, &o, "applied", 0);
        assert!(o.rerun_plans_nothing(), "{}", case.name);
    }
}

#[test]
fn a_409_race_on_a_creation_fails_without_touching_anything() {
    for case in cases().into_iter().filter(|c| c.name != "quota balance") {
        let Some(create) = case.create else { continue };
        let o = run_case(&case, Some(on("POST", create, status(409))), None);
        let want = if case.delete.is_some() && case.name != "secgroup sync --prune" {
            "failed, original restored"
        } else {
            "failed"
        };
        check_truth(&case, &o, want, 2);
    }
}

#[test]
fn a_401_mid_run_logs_in_again_and_goes_on() {
    for case in cases() {
        let path = case.create.or(case.delete).unwrap();
        let method = match (case.name, case.create) {
            ("quota balance", _) => "PUT",
            (_, Some(_)) => "POST",
            _ => "DELETE",
        };
        let o = run_case(&case, Some(on(method, path, FaultKind::Unauthorized)), None);
        check_truth(&case, &o, "applied", 0);
    }
}

#[test]
fn ctrl_c_mid_apply_leaves_nothing_half_made() {
    // Each case gets a cloud of its own, all at once: the target is slowed
    // so that the interrupted request is still in flight.
    std::thread::scope(|scope| {
        for case in cases() {
            scope.spawn(move || {
                // A replace deletes first; a prune adds rules before it deletes.
                let method = match (case.name, case.create, case.delete) {
                    ("quota balance", _, _) => "PUT",
                    (name, Some(_), Some(_)) if name.ends_with("--prune") => "POST",
                    (_, _, Some(_)) => "DELETE",
                    _ => "POST",
                };
                let o = run_case(&case, None, Some(method));
                let what = format!("{}: {}\nstderr:\n{}", case.name, o.run.stdout, o.run.stderr);
                assert_eq!(o.run.code, 130, "{what}");
                // A creation is rolled back; a replace or a delete that started
                // drains to its end, and stays: either way the row says which.
                let statuses = o.statuses();
                for s in &statuses {
                    match s.as_str() {
                        "applied" => assert_ne!(o.after, o.before, "{what}"),
                        "rolled back" | "not applied" | "failed" => {
                            assert_eq!(o.after, o.before, "{what}")
                        }
                        other => panic!("status {other}: {what}"),
                    }
                }
                if case.name != "keypair delete" && o.before != json!([]) {
                    assert_ne!(o.after, json!([]), "the original is lost after {what}");
                }
            });
        }
    });
}

/// Issue 14: output options are checked before the first request, so a
/// change is never made by a run that then fails.
#[test]
fn a_bad_column_is_refused_before_anything_changes() {
    for case in cases() {
        for flag in ["-c", "--sort-column"] {
            let (stack, env) = demo();
            let mut args = (case.seed)(&stack, &env);
            let before = (case.state)(&stack);
            let seeded = stack.requests().len();
            args.extend(["--yes".to_string(), flag.to_string(), "nope".to_string()]);
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = env.run(&argv);
            run.assert_code(2);
            assert!(
                run.stderr.starts_with(&format!(
                    "error: {flag} nope: no such column\nhint: columns are: "
                )),
                "{}: {}",
                case.name,
                run.stderr
            );
            assert_eq!(
                stack.requests().len(),
                seeded,
                "{}: a request was made",
                case.name
            );
            assert_eq!((case.state)(&stack), before);
        }
    }
}

#[test]
fn a_column_may_be_named_as_its_header() {
    let case = &cases()[0];
    let (stack, env) = demo();
    let mut args = (case.seed)(&stack, &env);
    args.extend(["--dry-run", "-f", "json", "-c", "Region", "-c", "Action"].map(String::from));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = env.run(&argv);
    run.assert_code(0);
    assert_eq!(run.json(), json!([{"region": TARGET, "action": "create"}]));
}

/// A Keystone unified limit is a creation too: its lost answer is looked
/// up, and the limit is made once, not twice.
#[test]
fn a_lost_answer_to_a_unified_limits_creation_is_found() {
    for kind in [FaultKind::DropAnswer, FaultKind::SwallowAnswer] {
        let (stack, env) = demo();
        stack.set_usage("RegionOne", "admin", "image", "image_count_total", 5);
        let file = env.write(
            "limits.yaml",
            "projects:\n  admin:\n    image: {image_count_total: 50}\n",
        );
        stack.inject(
            Fault::new(Target::Keystone("fake-a".into()), kind.clone())
                .method("POST")
                .path_prefix("/v3/limits")
                .times(1),
        );
        let args = [
            "--os-cloud",
            "fake-a-admin",
            "--os-region-name",
            "RegionOne",
            "--timeout",
            "3",
            "quota",
            "balance",
            "--limits",
            file.to_str().unwrap(),
        ];
        let run = env.run(&[&args[..], &["--yes", "-f", "json"]].concat());
        run.assert_code(0);
        assert_eq!(
            run.json()[0]["status"],
            "applied",
            "{kind:?}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("answer to its creation was lost"),
            "{kind:?}: {}",
            run.stderr
        );
        let posts = stack
            .requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/v3/limits"))
            .count();
        assert_eq!(posts, 1, "{kind:?}: created once");
        env.run(&[&args[..], &["--dry-run", "--exit-code"]].concat())
            .assert_code(0);
    }
}
