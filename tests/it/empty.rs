//! Issue 19, end to end: a read command with nothing to show prints no
//! frame on stdout and one line on stderr that says what it looked for
//! and at how many sites (`no servers at 3 sites`); JSON stays `[]`, `-q`
//! keeps stderr quiet, and the exit code is the command's own.

use crate::common::{both, demo};
use fakestack::{Fault, FaultKind, Kind, Target};
use serde_json::json;

/// Commands with nothing to show at the demo's three empty sites: the
/// line each says, and its exit code (1 where nothing found is a finding).
const EMPTY: &[(&[&str], &str, i32)] = &[
    (&["server", "list"], "no servers at 3 sites", 0),
    (&["volume", "list"], "no volumes at 3 sites", 0),
    (&["network", "list"], "no networks at 3 sites", 0),
    (&["floating", "list"], "no floating IPs at 3 sites", 0),
    (&["keypair", "list"], "no keypairs at 3 sites", 0),
    (
        &["keypair", "list", "--name", "web*"],
        "no keypairs matching --name web* at 3 sites",
        0,
    ),
    (
        &["secgroup", "list", "--name", "web*"],
        "no security groups matching --name web* at 3 sites",
        0,
    ),
    (&["flavor", "list"], "no flavors at 3 sites", 0),
    (&["image", "list"], "no images at 3 sites", 0),
    (&["ip", "list"], "no addresses at 3 sites", 0),
    (
        &["ip", "find", "10.9.9.9"],
        "no match for 10.9.9.9 at 3 sites",
        0,
    ),
    (
        &["events", "--since", "2026-01-02T03:04:05Z"],
        "no events since 2026-01-02T03:04:05Z at 3 sites",
        0,
    ),
    (
        &["find", "nowhere"],
        "no resource with name nowhere at 3 sites",
        1,
    ),
    (
        &["server", "show", "nowhere"],
        "no server nowhere at 3 sites",
        1,
    ),
    (
        &["console-log", "nowhere"],
        "no server with id or name nowhere at 3 sites",
        1,
    ),
];

#[test]
fn issue_19_an_empty_result_is_one_line_on_stderr_and_no_frame() {
    let (_stack, env) = demo();
    for (args, line, code) in EMPTY {
        let run = both(&env, args);
        run.assert_code(*code);
        assert_eq!(run.stdout, "", "{args:?}: no frame");
        assert_eq!(run.stderr, format!("{line}\n"), "{args:?}");
    }
}

#[test]
fn issue_19_no_free_cidr_says_where_it_looked() {
    let (stack, env) = demo();
    let net = stack.seed("RegionOne", Kind::Network, "demo", json!({"name": "app"}));
    stack.seed(
        "RegionOne",
        Kind::Subnet,
        "demo",
        json!({"network_id": net.id, "cidr": "10.0.0.0/16", "ip_version": 4}),
    );
    let args = [
        "ip",
        "free",
        "--within",
        "10.0.0.0/16",
        "--prefix-length",
        "24",
    ];
    let run = both(&env, &args);
    run.assert_code(0);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "no free /24 in 10.0.0.0/16 at 3 sites\n");
    let run = both(&env, &[&args[..], &["-f", "json"]].concat());
    assert_eq!(run.json(), json!([]));
}

#[test]
fn issue_19_an_empty_result_is_an_empty_array_in_json() {
    let (_stack, env) = demo();
    // console-log prints a log, not rows: it has no JSON to give.
    for (args, line, code) in EMPTY.iter().filter(|(a, ..)| a[0] != "console-log") {
        let run = both(&env, &[args, &["-f", "json"][..]].concat());
        run.assert_code(*code);
        assert_eq!(run.json(), json!([]), "{args:?}");
        assert_eq!(run.stderr, format!("{line}\n"), "{args:?}");
    }
}

#[test]
fn issue_19_an_empty_result_says_nothing_with_quiet() {
    let (_stack, env) = demo();
    for (args, _, code) in EMPTY {
        let run = both(&env, &[args, &["-q"][..]].concat());
        run.assert_code(*code);
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(run.stderr, "", "{args:?}");
    }
    let run = both(&env, &["server", "list", "-q", "-f", "csv"]);
    run.assert_code(0);
    assert_eq!(run.stderr, "");
}

/// A failed site is its own error line; the line counts only the sites
/// that were read, and says nothing when none was.
#[test]
fn issue_19_failed_sites_are_not_counted_as_empty() {
    let (stack, env) = demo();
    let fail = |region: &str| {
        stack.inject(
            Fault::new(
                Target::Region(region.into()),
                FaultKind::Status {
                    code: 500,
                    retry_after: None,
                },
            )
            .path_prefix("/compute/v2.1/servers"),
        );
    };
    fail("RegionTwo");
    let run = both(&env, &["server", "list"]);
    run.assert_code(2);
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines[0], "no servers at 2 sites", "{}", run.stderr);
    assert!(
        lines[1].starts_with("error: fake-a/RegionTwo: "),
        "{}",
        run.stderr
    );

    fail("RegionOne");
    fail("RegionThree");
    let run = both(&env, &["server", "list"]);
    run.assert_code(2);
    assert!(!run.stderr.contains("no servers"), "{}", run.stderr);
    assert_eq!(run.stderr.matches("error: ").count(), 3, "{}", run.stderr);
}
