//! End-to-end: clouds.yaml's `cacert`, `verify`, `cert` and `key` against a
//! fakestack serving HTTPS from a CA of its own.

use crate::common::{Env, Run};
use fakestack::{FakeStack, Spec};
use serde_json::{Value, json};

/// A sandbox whose clouds.yaml is the stack's with `extra` in every entry;
/// `ca.pem`, `client.pem` and `client-key.pem` are in the sandbox.
fn env_with(stack: &FakeStack, extra: impl FnOnce(&Env) -> Vec<(&'static str, Value)>) -> Env {
    let mut env = Env::new();
    env.write("ca.pem", &stack.ca_pem());
    env.write("client.pem", &stack.client_cert_pem());
    env.write("client-key.pem", &stack.client_key_pem());
    let extra = extra(&env);
    let yaml = env.write("clouds.yaml", &stack.clouds_yaml_with(&extra));
    env.set("OS_CLIENT_CONFIG_FILE", yaml.to_str().unwrap());
    env
}

fn file(env: &Env, name: &str) -> Value {
    json!(env.path().join(name).to_str().unwrap())
}

fn check(env: &Env) -> Run {
    env.run(&["--os-cloud", "fake-a", "sites", "--check", "-f", "json"])
}

const REGIONS: [&str; 2] = ["RegionOne", "RegionTwo"];

#[track_caller]
fn assert_all_ok(run: &Run) {
    run.assert_code(0);
    for region in REGIONS {
        let row = run.row("fake-a", region);
        assert_eq!(row["auth"], "ok", "{row}");
        assert_eq!(row["check"], "ok", "{row}");
        assert!(
            row["compute"]
                .as_str()
                .unwrap()
                .starts_with("https://127.0.0.1:")
        );
    }
}

/// Every row failed with `auth` containing `what`, with one `error:` line
/// per row saying the same, and `hint:` lines; returns the hints. (Regions
/// come from the catalog, so a cloud that cannot authenticate has one row:
/// its `region_name`.)
#[track_caller]
fn assert_all_failed(run: &Run, what: &str) -> String {
    run.assert_code(2);
    let rows = run.json();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty(), "{}", run.stdout);
    for row in rows {
        let auth = row["auth"].as_str().unwrap();
        assert!(auth.contains(what), "{auth}");
        let site = format!(
            "error: {}/{}: ",
            row["cloud"].as_str().unwrap(),
            row["region"].as_str().unwrap()
        );
        let errors: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.starts_with(&site))
            .collect();
        assert_eq!(errors.len(), 1, "{}", run.stderr);
        assert!(errors[0].contains(what), "{}", run.stderr);
    }
    let hints: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("hint: "))
        .collect();
    assert!(!hints.is_empty(), "{}", run.stderr);
    hints.join("\n")
}

#[test]
fn cacert_makes_the_stack_trusted() {
    let stack = FakeStack::start(Spec::demo().tls());
    let env = env_with(&stack, |env| vec![("cacert", file(env, "ca.pem"))]);
    let run = check(&env);
    assert_all_ok(&run);
    assert_eq!(
        run.row("fake-a", "RegionOne")["auth_url"],
        stack.keystone_url("fake-a")
    );
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 1);
}

#[test]
fn an_unknown_ca_is_a_certificate_error_with_a_hint() {
    let stack = FakeStack::start(Spec::demo().tls());
    let env = env_with(&stack, |_| Vec::new());
    let run = check(&env);
    let hints = assert_all_failed(&run, "certificate could not be verified");
    assert!(hints.contains("`cacert`"), "{hints}");
    assert!(hints.contains("`verify: false`"), "{hints}");
    // Each error is one line: the site, then what failed and why.
    assert!(
        run.stderr.contains(&format!(
            "error: fake-a/*: regions unknown: Keystone failed: authenticating to {}",
            stack.keystone_url("fake-a")
        )),
        "{}",
        run.stderr
    );
    // Nothing got past the handshake, and nothing was tried again.
    assert!(stack.requests().is_empty());
}

#[test]
fn a_cacert_of_another_ca_is_named_in_the_hint() {
    let stack = FakeStack::start(Spec::demo().tls());
    let other = FakeStack::start(Spec::new().cloud("other", &["Elsewhere"]).tls());
    let env = env_with(&stack, |env| {
        env.write("other-ca.pem", &other.ca_pem());
        vec![("cacert", file(env, "other-ca.pem"))]
    });
    let run = check(&env);
    let hints = assert_all_failed(&run, "certificate could not be verified");
    let path = env.path().join("other-ca.pem");
    assert!(
        hints.contains(&format!("`cacert` ({})", path.display())),
        "{hints}"
    );
}

#[test]
fn verify_false_skips_the_check() {
    let stack = FakeStack::start(Spec::demo().tls());
    let env = env_with(&stack, |_| vec![("verify", json!(false))]);
    assert_all_ok(&check(&env));
}

#[test]
fn insecure_true_skips_the_check() {
    let stack = FakeStack::start(Spec::demo().tls());
    let env = env_with(&stack, |_| vec![("insecure", json!(true))]);
    assert_all_ok(&check(&env));
}

#[test]
fn client_certificate_and_key_are_sent() {
    let stack = FakeStack::start(Spec::demo().require_client_cert());
    let env = env_with(&stack, |env| {
        vec![
            ("cacert", file(env, "ca.pem")),
            ("cert", file(env, "client.pem")),
            ("key", file(env, "client-key.pem")),
        ]
    });
    assert_all_ok(&check(&env));
}

#[test]
fn a_missing_client_certificate_is_refused_with_a_hint() {
    let stack = FakeStack::start(Spec::demo().require_client_cert());
    let env = env_with(&stack, |env| vec![("cacert", file(env, "ca.pem"))]);
    let run = check(&env);
    let hints = assert_all_failed(&run, "refused the TLS connection");
    assert!(
        hints.contains("`cert`") && hints.contains("`key`"),
        "{hints}"
    );
    assert!(stack.requests().is_empty());
}

#[test]
fn a_client_certificate_from_another_ca_is_refused() {
    let stack = FakeStack::start(Spec::demo().require_client_cert());
    let other = FakeStack::start(Spec::new().cloud("other", &["Elsewhere"]).tls());
    let env = env_with(&stack, |env| {
        env.write("other.pem", &other.client_cert_pem());
        env.write("other-key.pem", &other.client_key_pem());
        vec![
            ("cacert", file(env, "ca.pem")),
            ("cert", file(env, "other.pem")),
            ("key", file(env, "other-key.pem")),
        ]
    });
    let run = check(&env);
    let hints = assert_all_failed(&run, "refused the TLS connection");
    let path = env.path().join("other.pem");
    assert!(hints.contains(&path.display().to_string()), "{hints}");
}

#[test]
fn a_missing_cacert_file_is_named_with_a_hint() {
    let stack = FakeStack::start(Spec::demo().tls());
    let env = env_with(&stack, |env| vec![("cacert", file(env, "no-such-ca.pem"))]);
    let run = check(&env);
    let path = env.path().join("no-such-ca.pem");
    let hints = assert_all_failed(&run, &format!("reading cacert {}", path.display()));
    assert!(hints.contains("`cacert`"), "{hints}");
    assert!(stack.requests().is_empty());
}
