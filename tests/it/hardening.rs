//! Issue 7: bounded waiting. A `Retry-After` is obeyed only up to a cap and
//! only while the site's deadline allows; a hung site ends at its deadline;
//! the healthy sites' results are printed either way.

use crate::common::{self, Env, demo};
use fakestack::{FakeStack, Fault, FaultKind, Spec, Target};
use std::time::{Duration, Instant};

/// The regions of a `quota show -f json` run's rows.
fn regions(run: &common::Run) -> Vec<String> {
    let mut r: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["region"].as_str().unwrap().to_string())
        .collect();
    r.dedup();
    r
}

/// Issue 7, finding 1: a 503 asking to retry in an hour fails that site
/// within its deadline, naming the status and the wait it asked for.
#[test]
fn a_long_retry_after_fails_within_the_site_deadline() {
    let (stack, env) = demo();
    stack.inject(Fault::new(
        Target::Region("RegionTwo".into()),
        FaultKind::Status {
            code: 503,
            retry_after: Some(3600),
        },
    ));
    let started = Instant::now();
    let run = env.run(&[
        "--os-cloud",
        "fake-a,fake-b",
        "--timeout",
        "2",
        "--site-timeout",
        "8",
        "quota",
        "show",
        "--service",
        "compute",
        "-f",
        "json",
    ]);
    // Generous: the point is "seconds, not hours".
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    run.assert_code(2);
    assert_eq!(regions(&run), ["RegionOne", "RegionThree"]);
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("error: fake-a/RegionTwo:"))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    assert!(line.contains("503"), "{line}");
    assert!(line.contains("it asked to retry after 3600s"), "{line}");
    // One try, one wait of at most 5 s, one more try: then the deadline is near.
    assert!(
        stack.count("RegionTwo", "GET", "/compute/v2.1/os-quota-sets/") <= 3,
        "{:?}",
        stack.requests()
    );
}

/// Issue 7, finding 4: a site that never answers costs its deadline, not a
/// timeout per service in turn; the other sites are printed.
#[test]
fn a_hung_site_ends_at_its_deadline() {
    let (stack, env) = demo();
    stack.inject(Fault::new(
        Target::Region("RegionTwo".into()),
        FaultKind::Hang,
    ));
    let started = Instant::now();
    let run = env.run(&[
        "--os-cloud",
        "fake-a,fake-b",
        "--site-timeout",
        "2",
        "quota",
        "show",
        "-f",
        "json",
    ]);
    assert!(
        started.elapsed() < Duration::from_secs(25),
        "{:?}",
        started.elapsed()
    );
    run.assert_code(2);
    assert_eq!(regions(&run), ["RegionOne", "RegionThree"]);
    assert!(
        run.stderr
            .contains("error: fake-a/RegionTwo: did not finish within 2s (--site-timeout)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: raise --site-timeout"),
        "{}",
        run.stderr
    );
}

/// Issue 7, finding 3: out-of-range durations are errors naming the flag,
/// never a panic.
#[test]
fn durations_out_of_range_name_the_flag() {
    let env = Env::new();
    for (flag, value) in [
        ("--timeout", "1e20"),
        ("--timeout", "0"),
        ("--timeout", "-5"),
        ("--timeout", "NaN"),
        ("--timeout", "inf"),
        ("--site-timeout", "86401"),
    ] {
        let run = env.run(&[&format!("{flag}={value}"), "sites"]);
        run.assert_code(2);
        assert!(
            run.stderr.starts_with(&format!("error: {flag} ")),
            "{flag} {value}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("at most 86400"), "{}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

/// Issue 7, finding 7: an interface that is not one is an error naming the
/// allowed ones, from the flag or from `OS_INTERFACE`.
#[test]
fn a_bogus_interface_is_an_error() {
    let (_stack, mut env) = demo();
    let run = env.run(&["--os-cloud", "fake-a", "--os-interface", "bogus", "sites"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .starts_with("error: --os-interface bogus: must be public, internal or admin"),
        "{}",
        run.stderr
    );
    env.set("OS_INTERFACE", "internalURL");
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
}

/// Issue 7, finding 9: `config show` with every cloud skipped is an error,
/// not an empty table and exit 0.
#[test]
fn config_show_with_every_cloud_skipped_fails() {
    // A v3password cloud without a user domain: openstacksdk rejects it.
    let env = Env::with_clouds(
        "clouds:\n  bad:\n    auth_type: v3password\n    auth: {auth_url: 'https://k/v3', username: u, password: p}\n",
    );
    let run = env.run(&["config", "show"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("error: none of the 1 configured clouds could be resolved"),
        "{}",
        run.stderr
    );
}

/// Issue 7: a login that failed is not tried again by every site that
/// shares it; each of them reports the one failure.
#[test]
fn a_failed_login_is_tried_once() {
    let stack = FakeStack::start(Spec::demo());
    let url = stack.keystone_url("fake-a");
    let env = Env::with_clouds(&format!(
        "clouds:\n  two:\n    auth: {{auth_url: '{url}', username: demo, password: fake-demo, \
         project_name: demo, user_domain_name: Default, project_domain_name: Default}}\n    \
         regions: [RegionOne, RegionTwo]\n"
    ));
    stack.inject(
        Fault::new(
            Target::Keystone("fake-a".into()),
            FaultKind::Status {
                code: 500,
                retry_after: None,
            },
        )
        .method("POST"),
    );
    let run = env.run(&["--os-cloud", "two", "sites", "-f", "json"]);
    run.assert_code(2);
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 1);
    for region in ["RegionOne", "RegionTwo"] {
        assert!(
            run.stderr
                .contains(&format!("error: two/{region}: authenticating to")),
            "{}",
            run.stderr
        );
    }
}
