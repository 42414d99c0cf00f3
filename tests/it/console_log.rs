//! End-to-end: `osprey console-log` against fakestack, whose servers'
//! console text is seeded (only the fake can show a chosen log): found by
//! name or id at any site, an ambiguous name, a missing server.

use crate::common::{both, demo};
use fakestack::Kind;
use serde_json::json;

const LOG: &str = "[    0.000000] Linux version 6.1\ncloud-init: starting\nlogin: ";

#[test]
fn fakestack_console_log_by_name_at_any_site_last_lines() {
    let (stack, env) = demo();
    stack.seed(
        "RegionThree",
        Kind::Server,
        "demo",
        json!({"name": "web", "console": LOG}),
    );
    let run = both(&env, &["console-log", "web", "--lines", "2"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "cloud-init: starting\nlogin: \n");
    let whole = both(&env, &["console-log", "web"]);
    whole.assert_code(0);
    assert_eq!(whole.stdout, format!("{LOG}\n"));
}

#[test]
fn fakestack_console_log_by_id() {
    let (stack, env) = demo();
    let s = stack.seed(
        "RegionTwo",
        Kind::Server,
        "demo",
        json!({"name": "db", "console": LOG}),
    );
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "db", "console": "other"}),
    );
    let run = both(&env, &["console-log", &s.id, "--lines", "1"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "login: \n");
}

#[test]
fn an_ambiguous_name_lists_the_candidates() {
    let (stack, env) = demo();
    let a = stack.seed("RegionOne", Kind::Server, "demo", json!({"name": "db"}));
    let b = stack.seed("RegionThree", Kind::Server, "demo", json!({"name": "db"}));
    let run = both(&env, &["console-log", "db", "-f", "json"]);
    run.assert_code(2);
    let out = run.json();
    let ids: Vec<&str> = out
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [a.id.as_str(), b.id.as_str()]);
    assert!(
        run.stderr.starts_with("error: db names 2 servers\nhint: "),
        "{}",
        run.stderr
    );
    assert_eq!(
        stack.count(
            "RegionOne",
            "POST",
            &format!("/compute/v2.1/servers/{}/action", a.id)
        ),
        0
    );
}

#[test]
fn a_missing_server_is_a_finding() {
    let (_stack, env) = demo();
    let run = both(&env, &["console-log", "nowhere"]);
    run.assert_code(1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("no server with id or name nowhere"),
        "{}",
        run.stderr
    );
}

#[test]
fn fakestack_console_log_of_another_projects_server_with_all_projects() {
    let (stack, env) = demo();
    stack.seed(
        "RegionTwo",
        Kind::Server,
        "demo",
        json!({"name": "web", "console": LOG}),
    );
    crate::common::admins(&env, &["console-log", "web"]).assert_code(1);
    let run = crate::common::admins(
        &env,
        &["console-log", "web", "--all-projects", "--lines", "1"],
    );
    run.assert_code(0);
    assert_eq!(run.stdout, "login: \n");
}
