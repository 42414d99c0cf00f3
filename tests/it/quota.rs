//! End-to-end: `osprey quota show|balance|check` against fakestack. The
//! demo estate seeds usage for project demo: cores 8 / 2 / 14 in RegionOne,
//! RegionTwo and RegionThree (default limit 20 each), and Glance unified
//! limits in RegionOne.

use crate::common::{self, ADMINS, Env, admins, demo};
use fakestack::{FakeStack, Fault};
use serde_json::{Value, json};

fn limits(env: &Env, yaml: &str) -> String {
    env.write("limits.yaml", yaml).to_str().unwrap().to_string()
}

fn find<'a>(rows: &'a Value, pred: &dyn Fn(&Value) -> bool) -> Vec<&'a Value> {
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| pred(r))
        .collect()
}

fn cores(stack: &FakeStack) -> Vec<Option<i64>> {
    ["RegionOne", "RegionTwo", "RegionThree"]
        .iter()
        .map(|r| stack.quota(r, "demo", "compute", "cores"))
        .collect()
}

#[test]
fn show_reads_every_service_at_every_site() {
    let (_stack, env) = demo();
    let run = env.run(&["--os-cloud", "fake-a,fake-b", "quota", "show", "-f", "json"]);
    run.assert_code(0);
    let rows = run.json();
    let cores = find(&rows, &|r| r["resource"] == "cores");
    let got: Vec<(String, i64, i64)> = cores
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_string(),
                r["in_use"].as_i64().unwrap(),
                r["limit"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("RegionOne".into(), 8, 20),
            ("RegionTwo".into(), 2, 20),
            ("RegionThree".into(), 14, 20)
        ]
    );
    let row = cores[0];
    for key in [
        "cloud",
        "region",
        "project_id",
        "project_name",
        "service",
        "resource",
        "limit",
        "in_use",
        "reserved",
        "source",
    ] {
        assert!(row.get(key).is_some(), "{key} missing in {row}");
    }
    assert_eq!(row["project_name"], "demo");
    assert_eq!(row["source"], "quota_set");
    // Neutron's `used` is read as in_use; Cinder's per-type keys are kept.
    let ports = find(&rows, &|r| {
        r["resource"] == "port" && r["region"] == "RegionThree"
    });
    assert_eq!(ports[0]["in_use"], 21);
    assert_eq!(
        find(&rows, &|r| r["resource"] == "volumes_ssd")[0]["in_use"],
        3
    );
    // Glance's quotas come from Keystone unified limits, as service image.
    let image = find(&rows, &|r| r["resource"] == "image_size_total");
    assert_eq!(image.len(), 1);
    assert_eq!(
        (
            image[0]["source"].clone(),
            image[0]["in_use"].clone(),
            image[0]["limit"].clone()
        ),
        (json!("keystone"), json!(312), json!(1000))
    );
    assert_eq!(image[0]["service"], "image");
}

#[test]
fn totals_and_the_global_limit() {
    let (stack, env) = demo();
    stack.set_quota("RegionTwo", "demo", "compute", "ram", -1);
    let file = limits(&env, "projects:\n  demo:\n    compute: {cores: 26}\n");
    let run = admins(
        &env,
        &[
            "quota",
            "show",
            "--project",
            "demo",
            "--total",
            "--limits",
            &file,
            "-f",
            "json",
        ],
    );
    run.assert_code(0);
    let rows = run.json();
    let cores = find(&rows, &|r| r["resource"] == "cores")[0].clone();
    assert_eq!(
        cores,
        json!({"service": "compute", "resource": "cores", "limit_total": 60, "in_use_total": 24,
               "global_limit": 26, "headroom": 2, "sites": 3, "sites_counted": 3, "sites_failed": 0})
    );
    // Unlimited anywhere: the total is unlimited, never a sum.
    let ram = find(&rows, &|r| r["resource"] == "ram")[0].clone();
    assert_eq!(
        (ram["limit_total"].clone(), ram["headroom"].clone()),
        (json!(-1), Value::Null)
    );

    // The table: resources as rows, sites as columns, the total marked.
    let run = admins(
        &env,
        &[
            "quota",
            "show",
            "--project",
            "demo",
            "--limits",
            &file,
            "--service",
            "compute",
        ],
    );
    run.assert_code(0);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("| cores"))
        .unwrap()
        .to_string();
    assert!(
        run.stdout.contains("fake-a-admin/RegionOne"),
        "{}",
        run.stdout
    );
    assert!(
        line.contains("8/20") && line.contains("24/60") && line.contains("near"),
        "{line}"
    );
    // Columns only the flat rows have switch the table to the flat layout.
    let run = admins(
        &env,
        &[
            "quota",
            "show",
            "--project",
            "demo",
            "-c",
            "region",
            "-c",
            "in_use",
        ],
    );
    run.assert_code(0);
    assert!(
        run.stdout.contains("| Region      | In Use |"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_failing_service_keeps_the_rest() {
    let (stack, env) = demo();
    stack.inject(Fault::status("RegionTwo", 500).path_prefix("/compute/v2.1/os-quota-sets"));
    let run = env.run(&["--os-cloud", "fake-a", "quota", "show", "-f", "json"]);
    run.assert_code(2);
    let rows = run.json();
    assert!(
        !find(&rows, &|r| r["region"] == "RegionTwo"
            && r["service"] == "network")
        .is_empty()
    );
    assert!(
        find(&rows, &|r| r["region"] == "RegionTwo"
            && r["service"] == "compute")
        .is_empty()
    );
    assert_eq!(
        find(&rows, &|r| r["region"] == "RegionOne"
            && r["resource"] == "cores")
        .len(),
        1
    );
    assert!(
        run.stderr
            .contains("error: fake-a/RegionTwo: compute quotas of project demo: "),
        "{}",
        run.stderr
    );
}

#[test]
fn hard_balance_splits_the_headroom_and_reruns_change_nothing() {
    let (stack, env) = demo();
    let file = limits(
        &env,
        "projects:\n  demo:\n    compute: {cores: 30, key_pairs: 5}\n",
    );
    let run = admins(
        &env,
        &["quota", "balance", "--limits", &file, "--yes", "-f", "json"],
    );
    run.assert_code(0);
    // used 8 + 2 + 14 = 24, headroom 6 split equally.
    assert_eq!(cores(&stack), vec![Some(10), Some(4), Some(16)]);
    let rows = run.json();
    assert_eq!(rows.as_array().unwrap().len(), 3);
    assert_eq!(
        rows[0],
        json!({"cloud": "fake-a-admin", "region": "RegionOne", "project_id": stack.project_id("fake-a", "demo"), "project_name": "demo",
               "service": "compute", "resource": "cores", "in_use": 8, "current_limit": 20, "new_limit": 10,
               "status": "applied"})
    );
    assert!(
        run.stderr.contains("key_pairs: per-user or not additive"),
        "{}",
        run.stderr
    );
    let again = admins(
        &env,
        &["quota", "balance", "--limits", &file, "--yes", "-f", "json"],
    );
    again.assert_code(0);
    assert_eq!(again.json(), json!([]));
    assert!(
        again.stderr.contains("nothing to change"),
        "{}",
        again.stderr
    );
    // Nothing was PUT the second time.
    stack.reset_counters();
    admins(&env, &["quota", "balance", "--limits", &file, "--yes"]).assert_code(0);
    assert!(stack.requests().iter().all(|r| r.method != "PUT"));
}

#[test]
fn weights_and_soft_strategy() {
    let (stack, env) = demo();
    let file = limits(
        &env,
        "projects:\n  demo:\n    compute: {cores: 30}\nweights:\n  \"fake-b-admin/*\": 4\n",
    );
    admins(&env, &["quota", "balance", "--limits", &file, "--yes"]).assert_code(0);
    // Headroom 6 by weights 1, 1, 4.
    assert_eq!(cores(&stack), vec![Some(9), Some(3), Some(18)]);
    admins(
        &env,
        &[
            "quota",
            "balance",
            "--limits",
            &file,
            "--strategy",
            "soft",
            "--yes",
        ],
    )
    .assert_code(0);
    // Soft: every site may use the whole headroom.
    assert_eq!(cores(&stack), vec![Some(14), Some(8), Some(20)]);
}

#[test]
fn over_the_global_limit_freezes_at_usage_and_check_fails() {
    let (stack, env) = demo();
    let file = limits(&env, "projects:\n  demo:\n    compute: {cores: 20}\n");
    let run = admins(&env, &["quota", "balance", "--limits", &file, "--yes"]);
    run.assert_code(0);
    assert_eq!(cores(&stack), vec![Some(8), Some(2), Some(14)]);
    assert!(
        run.stderr.contains("usage 24 is over the global limit 20"),
        "{}",
        run.stderr
    );
    let check = admins(&env, &["quota", "check", "--limits", &file, "-f", "json"]);
    check.assert_code(1);
    let v = check.json();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["resource"], "cores");
    assert_eq!(v[0]["in_use_total"], 24);
}

#[test]
fn check_exit_codes() {
    let (stack, env) = demo();
    let file = limits(
        &env,
        "projects:\n  demo:\n    compute: {cores: 30}\n    network: {port: 100}\n",
    );
    // Limits 20 x 3 = 60 > 30: under hard, over-committed limits are a finding.
    let run = admins(&env, &["quota", "check", "--limits", &file, "-f", "json"]);
    run.assert_code(1);
    assert_eq!(run.json()[0]["resource"], "cores");
    assert!(
        run.json()[0]["violation"]
            .as_str()
            .unwrap()
            .contains("add up to 60"),
        "{}",
        run.stdout
    );
    // ... but not under soft, where only usage counts.
    admins(
        &env,
        &["quota", "check", "--limits", &file, "--strategy", "soft"],
    )
    .assert_code(0);
    admins(&env, &["quota", "balance", "--limits", &file, "--yes"]).assert_code(0);
    let ok = admins(&env, &["quota", "check", "--limits", &file]);
    ok.assert_code(0);
    assert!(
        ok.stderr.contains("within its global limits"),
        "{}",
        ok.stderr
    );
    // A site that cannot be read: exit 2, not a verdict.
    stack.inject(Fault::status("RegionThree", 503).path_prefix("/network"));
    admins(&env, &["quota", "check", "--limits", &file]).assert_code(2);
}

#[test]
fn dry_run_and_no_terminal_change_nothing() {
    let (stack, env) = demo();
    let file = limits(&env, "projects:\n  demo:\n    compute: {cores: 30}\n");
    let run = admins(
        &env,
        &[
            "quota",
            "balance",
            "--limits",
            &file,
            "--dry-run",
            "-f",
            "json",
        ],
    );
    run.assert_code(0);
    assert_eq!(run.json().as_array().unwrap().len(), 3);
    assert_eq!(run.json()[0]["status"], "planned");
    admins(
        &env,
        &[
            "quota",
            "balance",
            "--limits",
            &file,
            "--dry-run",
            "--exit-code",
        ],
    )
    .assert_code(1);
    // Off a terminal, without --yes: the plan is shown, nothing applied.
    let run = admins(&env, &["quota", "balance", "--limits", &file]);
    run.assert_code(2);
    assert!(run.stdout.contains("| cores"), "{}", run.stdout);
    assert!(
        run.stderr.contains("no terminal to confirm on"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: pass --yes"), "{}", run.stderr);
    assert_eq!(cores(&stack), vec![Some(20), Some(20), Some(20)]);
}

#[test]
fn members_change_nothing_anywhere() {
    let (stack, env) = demo();
    let file = limits(&env, "projects:\n  demo:\n    compute: {cores: 30}\n");
    let run = env.run(&[
        "--os-cloud",
        "fake-a,fake-b-admin",
        "quota",
        "balance",
        "--limits",
        &file,
        "--yes",
    ]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("error: fake-a/RegionOne: changing quotas needs the admin role"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("nothing was changed anywhere"),
        "{}",
        run.stderr
    );
    // fake-b-admin could have, but the plan is all or nothing.
    assert_eq!(cores(&stack), vec![Some(20), Some(20), Some(20)]);
}

#[test]
fn keystone_unified_limits_are_created_then_updated() {
    let (stack, env) = demo();
    stack.set_usage("RegionOne", "admin", "image", "image_count_total", 5);
    let file = limits(
        &env,
        "projects:\n  admin:\n    image: {image_count_total: 50}\n",
    );
    let run = env.run(&[
        "--os-cloud",
        "fake-a-admin",
        "quota",
        "balance",
        "--limits",
        &file,
        "--yes",
        "-f",
        "json",
    ]);
    run.assert_code(0);
    let rows = run.json();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(
        (
            rows[0]["service"].clone(),
            rows[0]["new_limit"].clone(),
            rows[0]["status"].clone()
        ),
        (json!("image"), json!(50), json!("applied"))
    );
    let show = env.run(&[
        "--os-cloud",
        "fake-a-admin",
        "--os-region-name",
        "RegionOne",
        "quota",
        "show",
        "--service",
        "image",
        "-f",
        "json",
    ]);
    let row = find(&show.json(), &|r| r["resource"] == "image_count_total")[0].clone();
    assert_eq!(
        (row["limit"].clone(), row["in_use"].clone()),
        (json!(50), json!(5))
    );
    // Now the project has its own limit: PATCHed, not created again.
    let file = limits(
        &env,
        "projects:\n  admin:\n    image: {image_count_total: 40}\n",
    );
    stack.reset_counters();
    env.run(&[
        "--os-cloud",
        "fake-a-admin",
        "quota",
        "balance",
        "--limits",
        &file,
        "--yes",
    ])
    .assert_code(0);
    assert_eq!(
        stack
            .requests()
            .iter()
            .filter(|r| r.method == "PATCH")
            .count(),
        1
    );
    assert_eq!(
        stack
            .requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path == "/v3/limits")
            .count(),
        0
    );
}

#[test]
fn another_projects_image_usage_is_not_guessed() {
    let (_stack, env) = demo();
    let file = limits(
        &env,
        "projects:\n  demo:\n    image: {image_size_total: 2000}\n",
    );
    let run = env.run(&[
        "--os-cloud",
        "fake-a-admin",
        "quota",
        "balance",
        "--limits",
        &file,
        "--dry-run",
        "-f",
        "json",
    ]);
    run.assert_code(0);
    assert_eq!(run.json(), json!([]));
    assert!(
        run.stderr.contains("usage is not known at every site"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_limits_files_name_the_line() {
    let (_stack, env) = demo();
    let file = limits(&env, "projects:\n  demo:\n    compute: {corez: 30}\n");
    let run = admins(&env, &["quota", "check", "--limits", &file]);
    run.assert_code(2);
    assert!(run.stderr.contains("limits.yaml:3:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown compute resource 'corez'"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: did you mean 'cores'?"),
        "{}",
        run.stderr
    );
    let run = admins(
        &env,
        &["quota", "check", "--limits", "/nonexistent/limits.yaml"],
    );
    run.assert_code(2);
    assert!(
        run.stderr.contains("/nonexistent/limits.yaml"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: "), "{}", run.stderr);
}

#[test]
fn a_failed_lowering_holds_back_every_raise() {
    let (stack, env) = demo();
    // RegionTwo's limit (3) is below its share (2 used + 2): it would be raised.
    stack.set_quota("RegionTwo", "demo", "compute", "cores", 3);
    stack.inject(
        Fault::status("RegionOne", 500)
            .method("PUT")
            .path_prefix("/compute/v2.1/os-quota-sets"),
    );
    let file = limits(&env, "projects:\n  demo:\n    compute: {cores: 30}\n");
    let run = admins(
        &env,
        &["quota", "balance", "--limits", &file, "--yes", "-f", "json"],
    );
    run.assert_code(2);
    let status: Vec<(String, String)> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().into(),
                r["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        status,
        vec![
            ("RegionOne".into(), "failed".into()),
            ("RegionTwo".into(), "skipped".into()),
            ("RegionThree".into(), "applied".into())
        ]
    );
    assert_eq!(cores(&stack), vec![Some(20), Some(3), Some(16)]);
    assert!(
        run.stderr.contains("raised limits were not applied"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: fake-a-admin/RegionOne: setting compute limits: "),
        "{}",
        run.stderr
    );
}

#[test]
fn project_filter_and_defaults() {
    let (stack, env) = demo();
    stack.set_usage("RegionOne", "admin", "network", "port", 7);
    let file = limits(
        &env,
        "projects:\n  demo:\n    compute: {cores: 30}\ndefaults:\n  network: {port: 90}\n",
    );
    // Only demo: its cores change, the defaults' projects are left alone.
    let run = admins(
        &env,
        &[
            "quota",
            "balance",
            "--limits",
            &file,
            "--project",
            "demo",
            "--dry-run",
            "-f",
            "json",
        ],
    );
    run.assert_code(0);
    assert!(
        run.json()
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["project_name"] == "demo" && r["resource"] == "cores")
    );
    // Without --project, every other project gets the defaults.
    let run = admins(
        &env,
        &[
            "quota",
            "balance",
            "--limits",
            &file,
            "--dry-run",
            "-f",
            "json",
        ],
    );
    run.assert_code(0);
    let rows = run.json();
    let admin_ports = find(&rows, &|r| {
        r["project_name"] == "admin" && r["resource"] == "port"
    });
    assert_eq!(admin_ports.len(), 3, "{rows}");
    let total: i64 = admin_ports
        .iter()
        .map(|r| r["new_limit"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 90);
    let run = admins(
        &env,
        &[
            "quota",
            "balance",
            "--limits",
            &file,
            "--project",
            "nope",
            "--dry-run",
        ],
    );
    run.assert_code(2);
}

/// Issue 6: the first Ctrl-C lets a write in flight finish (so it can be
/// journaled); a second one exits at once with 130.
#[test]
fn a_second_ctrl_c_exits_while_a_write_drains() {
    let (stack, env) = demo();
    let file = limits(&env, "projects:\n  demo:\n    compute: {cores: 30}\n");
    stack.inject(
        Fault::new(
            fakestack::Target::Region("RegionOne".into()),
            fakestack::FaultKind::Hang,
        )
        .method("PUT"),
    );
    let mut child = env
        .command(
            &[
                &ADMINS[..],
                &["quota", "balance", "--limits", file.as_str(), "--yes"],
            ]
            .concat(),
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let thirty = std::time::Duration::from_secs(30);
    common::wait_until("no write reached RegionOne", thirty, || {
        stack
            .requests()
            .iter()
            .any(|r| r.method == "PUT" && r.target == "RegionOne")
    });
    common::interrupt(&child);
    // The first Ctrl-C waits for the hanging write, so the run goes on. A
    // second one sent before the program listens again would be lost, and
    // nothing outside tells when it does: Ctrl-C is repeated until the
    // program has exited.
    common::wait_until("a second Ctrl-C did not end the run", thirty, || {
        let ended = child.try_wait().unwrap().is_some();
        if !ended {
            common::interrupt(&child);
        }
        ended
    });
    let run = common::Run::from(child.wait_with_output().unwrap());
    run.assert_code(130);
    assert!(
        run.stderr.contains("interrupted again"),
        "the first Ctrl-C must wait for the write in flight: {}",
        run.stderr
    );
}

/// Issue 7, finding 8: a total that leaves out a failed site says so.
#[test]
fn partial_totals_say_so() {
    let (stack, env) = demo();
    stack.inject(Fault::status("RegionTwo", 500).path_prefix("/compute/v2.1/os-quota-sets"));
    let args = ["quota", "show", "--project", "demo", "--service", "compute"];
    let run = admins(&env, &args);
    run.assert_code(2);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("| cores"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(line.contains("22/40 (2 of 3 sites)"), "{line}");
    let run = admins(&env, &[&args[..], &["--total", "-f", "json"]].concat());
    run.assert_code(2);
    let cores = find(&run.json(), &|r| r["resource"] == "cores")[0].clone();
    assert_eq!(
        (
            cores["sites_counted"].clone(),
            cores["sites_failed"].clone()
        ),
        (json!(2), json!(1))
    );
    // A whole site down counts the same way.
    stack.clear_faults();
    stack.inject(Fault::new(
        fakestack::Target::Keystone("fake-b".into()),
        fakestack::FaultKind::Status {
            code: 503,
            retry_after: None,
        },
    ));
    let run = admins(&env, &[&args[..], &["--total", "-f", "json"]].concat());
    run.assert_code(2);
    let cores = find(&run.json(), &|r| r["resource"] == "cores")[0].clone();
    assert_eq!(
        (
            cores["sites_counted"].clone(),
            cores["sites_failed"].clone()
        ),
        (json!(2), json!(1))
    );
}

/// Issue 7, finding 7: a typo in the limits file's project names fails the
/// check (cron must notice), with a did-you-mean; a flag relaxes it.
#[test]
fn a_file_project_found_nowhere_is_an_error() {
    let (_stack, env) = demo();
    let file = limits(
        &env,
        "projects:\n  demo:\n    compute: {cores: 100}\n  dmeo:\n    compute: {cores: 10}\n",
    );
    let run = admins(&env, &["quota", "check", "--limits", &file]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "error: the limits file names a project that exists in none of the selected clouds: dmeo"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: dmeo: did you mean demo?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--allow-missing-projects"),
        "{}",
        run.stderr
    );
    let run = admins(
        &env,
        &[
            "quota",
            "check",
            "--limits",
            &file,
            "--allow-missing-projects",
        ],
    );
    run.assert_code(0);
    assert!(
        run.stderr.contains("warning: the limits file names"),
        "{}",
        run.stderr
    );
}

#[test]
fn issue_14_a_limits_key_written_twice_is_refused_before_any_request() {
    let (stack, env) = demo();
    for (yaml, line) in [
        (
            "projects:\n  demo:\n    compute: {cores: 20}\n  demo:\n    compute: {cores: 90}\n",
            "4:3: projects: duplicate key 'demo'",
        ),
        (
            "projects:\n  demo:\n    compute:\n      cores: 20\n      ram: 1024\n      cores: 90\n",
            "6:7: projects.demo.compute: duplicate key 'cores'",
        ),
    ] {
        let file = limits(&env, yaml);
        stack.reset_counters();
        for verb in [&["check"][..], &["balance", "--yes"]] {
            let run = admins(&env, &[&["quota"], verb, &["--limits", &file]].concat());
            run.assert_code(2);
            let lines: Vec<&str> = run.stderr.lines().collect();
            assert_eq!(lines[0], format!("error: {file}:{line}"), "{}", run.stderr);
            assert!(
                lines.len() > 1 && lines[1..].iter().all(|l| l.starts_with("hint: ")),
                "{}",
                run.stderr
            );
        }
        assert!(stack.requests().is_empty(), "{:?}", stack.requests());
    }
}
