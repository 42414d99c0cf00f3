//! Connections that could not be made for a reason of this machine, run
//! end to end: a host name that does not resolve and a process out of
//! open files each name what ran out and its remedy, are not tried again,
//! and never get the VPN hint that a refused connection gets.

use crate::common::{Env, Run, start};
use fakestack::Spec;
use std::time::Duration;

/// A cloud `nowhere` whose Keystone is at `auth_url`.
fn cloud_at(auth_url: &str) -> String {
    format!(
        "clouds:\n  nowhere:\n    auth:\n      auth_url: {auth_url}\n      username: u\n      \
         password: p\n      project_name: p\n      user_domain_name: Default\n      \
         project_domain_name: Default\n    region_name: RegionOne\n"
    )
}

/// The `error:` lines of a run and the `hint:` lines after each.
fn errors(run: &Run) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in run.stderr.lines() {
        if let Some(error) = line.strip_prefix("error: ") {
            out.push((error.to_string(), Vec::new()));
        } else if let (Some(hint), Some((_, hints))) = (line.strip_prefix("hint: "), out.last_mut())
        {
            hints.push(hint.to_string());
        }
    }
    out
}

#[test]
fn a_host_name_that_does_not_resolve_is_named_with_its_remedy() {
    // RFC 6761: a `.invalid` name never resolves.
    let host = "keystone.osprey-test.invalid";
    let env = Env::with_clouds(&cloud_at(&format!("http://{host}:5000/v3")));
    let run = env.run(&["--os-cloud", "nowhere", "flavor", "list"]);
    run.assert_code(2);
    let errors = errors(&run);
    let [(error, hints)] = errors.as_slice() else {
        panic!("one error: {}", run.stderr)
    };
    // The resolver says the name does not exist, which is final; a machine
    // without a reachable resolver fails the lookup for now instead, which
    // is tried again.
    let url = format!("POST http://{host}:5000/v3/auth/tokens");
    let unknown = format!("{url}: host {host} does not resolve: ");
    let for_now = format!("{url}: could not resolve host {host} (after 4 tries): ");
    assert!(
        error.contains(&unknown) || error.contains(&for_now),
        "{}",
        run.stderr
    );
    let hint = &hints[..];
    assert!(
        matches!(hint, [h] if h.starts_with(&format!("the host name {host} does not resolve here: check the endpoint (`auth_url` in clouds.yaml"))
            || h.starts_with(&format!("the resolver did not answer for {host}"))),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("VPN") && !run.stderr.contains("could not connect"),
        "{}",
        run.stderr
    );
}

/// More regions than open files, each its own host and port, answering
/// slowly enough that their connections would be open at once.
fn many_slow_regions() -> (fakestack::FakeStack, Env) {
    let regions: Vec<String> = (1..=40).map(|i| format!("R{i:02}")).collect();
    let regions: Vec<&str> = regions.iter().map(String::as_str).collect();
    start(
        Spec::new()
            .cloud("many", &regions)
            .latency(Duration::from_millis(50)),
    )
}

/// Issue 16: a run out of open files used to fail site after site with
/// "too many open files" (and the VPN hint). Now the sites wait their turn
/// within the limit, whatever --concurrency asks for.
#[cfg(unix)]
#[test]
fn issue_16_sites_wait_their_turn_within_a_small_limit() {
    let (_stack, env) = many_slow_regions();
    let args = [
        "--os-cloud",
        "many",
        "--concurrency",
        "64",
        "flavor",
        "list",
    ];
    let run = env.run_within(40, &args);
    run.assert_code(0);
    assert_eq!(run.stderr, "no flavors at 40 sites\n");
}

/// A limit below what any run needs is said at once, with its remedy,
/// instead of the failures it would cause (a panic in the runtime's signal
/// handling, an unreadable clouds.yaml).
#[cfg(unix)]
#[test]
fn a_limit_on_open_files_too_small_for_any_run_is_named() {
    let (_stack, env) = many_slow_regions();
    for files in [6, 9, 16] {
        let run = env.run_within(files, &["--os-cloud", "many", "flavor", "list"]);
        run.assert_code(2);
        assert_eq!(
            run.stderr,
            format!(
                "error: the limit on open files is {files}, and osprey needs at least 32\n\
                 hint: raise it in the shell that runs osprey (`ulimit -n 1024`; `ulimit -Hn` \
                 shows how far it may go)\n"
            )
        );
    }
}
