//! Many sites on a small open-files limit (issue 16): sites past what the
//! budget holds wait their turn, and none fails for it.

use crate::common::Env;
use fakestack::{FakeStack, Spec};
use std::collections::BTreeSet;

/// `clouds` clouds of `regions` regions each: `c1` with `c1-R001`…
/// (fakestack's region names are unique across clouds).
fn estate(clouds: usize, regions: usize) -> (FakeStack, Env) {
    let mut spec = Spec::new();
    for c in 1..=clouds {
        let names: Vec<String> = (1..=regions).map(|r| format!("c{c}-R{r:03}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        spec = spec.cloud(&format!("c{c}"), &names);
    }
    let stack = FakeStack::start(spec);
    let env = Env::with_clouds(&stack.clouds_yaml());
    (stack, env)
}

/// Issue 16: 300 sites under a limit of 128 open files all succeed.
#[cfg(unix)]
#[test]
fn issue_16_three_hundred_sites_fit_in_128_open_files() {
    let (_stack, env) = estate(6, 50);
    // `c?` leaves out the `c1-admin` entries fakestack writes beside them.
    let run = env.run_within(128, &["--sites", "c?/*", "quota", "show", "-f", "json"]);
    run.assert_code(0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).expect("json");
    let sites: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["cloud"].as_str().unwrap_or_default().to_string(),
                r["region"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(sites.len(), 300, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
