//! Issue 7: every command family against one failing site, for each kind
//! of failure: the healthy sites' results are printed, the failed site is
//! named in one error line, the exit code is 2, nothing panics, and the
//! run ends in bounded time.

use crate::common::demo;
use fakestack::{Fault, FaultKind, Target};
use std::time::{Duration, Instant};

fn faults() -> Vec<(&'static str, Fault, &'static str)> {
    let region = |kind| Fault::new(Target::Region("RegionTwo".into()), kind);
    vec![
        (
            "500",
            region(FaultKind::Status {
                code: 500,
                retry_after: None,
            }),
            "/RegionTwo:",
        ),
        (
            "503 with a long Retry-After",
            region(FaultKind::Status {
                code: 503,
                retry_after: Some(3600),
            }),
            "/RegionTwo:",
        ),
        ("a hang", region(FaultKind::Hang), "/RegionTwo:"),
        (
            "a truncated body",
            region(FaultKind::Truncated),
            "/RegionTwo:",
        ),
        ("an HTML page", region(FaultKind::Html), "/RegionTwo:"),
        // In RegionThree, whose cloud has a Keystone (and a token) of its
        // own: the fake revokes the token it refuses, and RegionOne and
        // RegionTwo share theirs.
        (
            "a 401 on every call",
            Fault::new(
                Target::Region("RegionThree".into()),
                FaultKind::Unauthorized,
            ),
            "/RegionThree:",
        ),
        (
            "a Keystone that is down",
            Fault::new(
                Target::Keystone("fake-b".into()),
                FaultKind::Status {
                    code: 503,
                    retry_after: None,
                },
            ),
            // Its regions come from its catalog: unknown now.
            "/*: regions unknown: Keystone failed",
        ),
    ]
}

/// A command, and the healthy site a successful run of it must show.
fn commands(limits: &str) -> Vec<(&'static str, Vec<String>)> {
    let own = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        (
            "sites",
            own(&[
                "--os-cloud",
                "fake-a,fake-b",
                "sites",
                "--check",
                "-f",
                "json",
            ]),
        ),
        (
            "quota show",
            own(&["--os-cloud", "fake-a,fake-b", "quota", "show", "-f", "json"]),
        ),
        (
            "quota check",
            own(&[
                "--os-cloud",
                "fake-a-admin,fake-b-admin",
                "quota",
                "check",
                "--limits",
                limits,
            ]),
        ),
        (
            "quota balance",
            own(&[
                "--os-cloud",
                "fake-a-admin,fake-b-admin",
                "quota",
                "balance",
                "--limits",
                limits,
                "--dry-run",
                "-f",
                "json",
            ]),
        ),
    ]
}

#[test]
fn one_failing_site_never_hides_the_others() {
    // Each failure gets a cloud of its own, all at once.
    std::thread::scope(|scope| {
        for (what, fault, failed) in faults() {
            scope.spawn(move || check(what, fault, failed));
        }
    });
}

fn check(what: &str, fault: Fault, failed: &str) {
    let (stack, env) = demo();
    let limits = env.write(
        "limits.yaml",
        "projects:\n  demo:\n    compute: {cores: 100}\n",
    );
    stack.inject(fault);
    for (name, args) in commands(limits.to_str().unwrap()) {
        let mut all = vec![
            "--timeout".to_string(),
            "2".into(),
            "--site-timeout".into(),
            "8".into(),
        ];
        all.extend(args);
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let started = Instant::now();
        let run = env.run(&all);
        let took = started.elapsed();
        let case = format!("{name} with {what}");
        assert!(took < Duration::from_secs(60), "{case}: took {took:?}");
        assert_eq!(run.code, 2, "{case}: exit code\n{}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{case}: {}", run.stderr);
        let errors: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .collect();
        assert_eq!(
            errors.len(),
            1,
            "{case}: one error line, naming {failed}:\n{}",
            run.stderr
        );
        assert!(
            errors[0].starts_with(&format!("error: {failed}")) || errors[0].contains(failed),
            "{case}: {}",
            errors[0]
        );
        if name == "sites" || name == "quota show" {
            let healthy = if failed.contains("RegionTwo") {
                "RegionOne"
            } else {
                "RegionTwo"
            };
            assert!(run.stdout.contains(healthy), "{case}: {}", run.stdout);
        }
    }
}
