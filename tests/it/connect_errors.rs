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

/// The open files the run may have: enough to start and read its
/// configuration, far fewer than a connection to each region needs.
#[cfg(unix)]
const OPEN_FILES: libc::rlim_t = 24;

#[cfg(unix)]
#[test]
fn a_process_out_of_open_files_says_so_and_names_its_limit() {
    use std::os::unix::process::CommandExt;
    // More regions than open files, each its own host and port, answering
    // slowly enough that their connections are open at once.
    let regions: Vec<String> = (1..=40).map(|i| format!("R{i:02}")).collect();
    let regions: Vec<&str> = regions.iter().map(String::as_str).collect();
    let (_stack, env) = start(
        Spec::new()
            .cloud("many", &regions)
            .latency(Duration::from_millis(50)),
    );
    let mut cmd = env.command(&[
        "--os-cloud",
        "many",
        "--concurrency",
        "64",
        "flavor",
        "list",
    ]);
    // The hard limit too: osprey may raise its soft limit up to the hard
    // one, and this run must stay short of files.
    // SAFETY: between fork and exec only setrlimit is called, which is
    // async-signal-safe, and nothing is allocated.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: OPEN_FILES,
                rlim_max: OPEN_FILES,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let run = Run::from(cmd.output().expect("run osprey"));
    run.assert_code(2);
    let errors = errors(&run);
    let out_of_files: Vec<_> = errors
        .iter()
        .filter(|(e, _)| e.contains(": too many open files: "))
        .collect();
    assert!(!out_of_files.is_empty(), "{}", run.stderr);
    let hint = format!(
        "osprey ran out of open files (limit {OPEN_FILES}): raise `ulimit -n`, or lower \
         --concurrency"
    );
    for (error, hints) in &out_of_files {
        assert!(error.contains("(os error 24)"), "{error}");
        // Not tried again: another try would only ask for one more file.
        assert!(!error.contains("tries)"), "{error}");
        assert_eq!(hints, &vec![hint.clone()], "{error}");
    }
    assert!(
        !run.stderr.contains("VPN") && !run.stderr.contains("could not connect"),
        "{}",
        run.stderr
    );
}
