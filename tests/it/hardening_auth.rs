//! End-to-end regression tests for issue 7 (hardening), its login and
//! message findings: credentials inside a URL never shown, errors naming
//! every cloud that shares a login, a failed Keystone failing all of its
//! cloud's regions, and hints on a service's 401 and 500.

use crate::common::{Env, Run, demo, pairs};
use fakestack::{FakeStack, Fault, FaultKind, Spec, Target};

/// The password written into an `auth_url`: it must never be printed.
const SECRET: &str = "url-s3cret";

#[track_caller]
fn assert_hidden(run: &Run) {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        assert!(
            !text.contains(SECRET),
            "the password in the URL leaked on {stream}:\n{text}"
        );
    }
}

/// `http://127.0.0.1:P/v3` with `admin:SECRET@` in it, and as it is shown.
fn with_userinfo(url: &str) -> (String, String) {
    (
        url.replacen("http://", &format!("http://admin:{SECRET}@"), 1),
        url.replacen("http://", "http://admin:<masked>@", 1),
    )
}

/// A port nothing listens on: bind one, note it, close it.
fn dead_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn issue7_a_password_in_auth_url_is_masked_in_config_show_and_sites() {
    let stack = FakeStack::start(Spec::demo());
    let url = stack.keystone_url("fake-a");
    let (secret_url, shown) = with_userinfo(&url);
    let env = Env::with_clouds(&stack.clouds_yaml().replace(&url, &secret_url));

    let run = env.run(&["config", "show", "-f", "json"]);
    run.assert_code(0);
    assert_hidden(&run);
    assert_eq!(run.row("fake-a", "RegionOne")["auth_url"], shown);
    let run = env.run(&["config", "show"]);
    run.assert_code(0);
    assert_hidden(&run);
    assert!(run.stdout.contains("admin:<masked>@"), "{}", run.stdout);
    // --unmask is the user asking for the secrets: the URL is one.
    let run = env.run(&["config", "show", "--unmask", "-f", "json"]);
    assert_eq!(run.row("fake-a", "RegionOne")["auth_url"], secret_url);

    // Keystone still answers (the userinfo goes out as basic auth, which
    // it ignores): the row is a success with the URL masked.
    let run = env.run(&["--os-cloud", "fake-a", "sites", "-f", "json"]);
    run.assert_code(0);
    assert_hidden(&run);
    assert_eq!(
        run.sites(),
        pairs(&[("fake-a", "RegionOne"), ("fake-a", "RegionTwo")])
    );
    assert_eq!(run.row("fake-a", "RegionTwo")["auth_url"], shown);
    assert_eq!(run.row("fake-a", "RegionTwo")["auth"], "ok");

    // An endpoint URL with credentials in it (here an override) is masked
    // in its column too.
    let compute = format!("{}/compute/v2.1", stack.region_url("RegionThree"));
    let (secret_compute, shown_compute) = with_userinfo(&compute);
    let yaml = stack.clouds_yaml_with(&[(
        "compute_endpoint_override",
        serde_json::json!(secret_compute),
    )]);
    let run = Env::with_clouds(&yaml).run(&["--os-cloud", "fake-b", "sites", "-f", "json"]);
    run.assert_code(0);
    assert_hidden(&run);
    assert_eq!(run.row("fake-b", "RegionThree")["compute"], shown_compute);
}

#[test]
fn issue7_a_password_in_auth_url_is_masked_in_traces() {
    let stack = FakeStack::start(Spec::demo());
    let url = stack.keystone_url("fake-a");
    let (secret_url, shown) = with_userinfo(&url);
    // fake-b's auth_url without /v3: the v3 URL is found from the version
    // document, and keeps the userinfo.
    let b = stack.keystone_url("fake-b");
    let (b_secret, b_shown) = with_userinfo(b.trim_end_matches("/v3"));
    let yaml = stack
        .clouds_yaml()
        .replace(&url, &secret_url)
        .replace(&b, &b_secret);
    let env = Env::with_clouds(&yaml);
    let run = env.run(&["--os-cloud", "fake-a,fake-b", "-vv", "sites", "--check"]);
    run.assert_code(0);
    assert_hidden(&run);
    assert!(
        run.stderr
            .contains(&format!("> POST {shown}/auth/tokens\n")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("POST {shown}/auth/tokens 201 ")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!("GET {b_shown}/ 300 ")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("POST {b_shown}/v3/auth/tokens 201 ")),
        "{}",
        run.stderr
    );
}

#[test]
fn issue7_a_password_in_auth_url_is_masked_in_errors() {
    let stack = FakeStack::start(Spec::demo());
    let url = stack.keystone_url("fake-a");
    let (secret_url, shown) = with_userinfo(&url);

    // Keystone refuses the credentials.
    let yaml = stack.clouds_yaml().replace(&url, &secret_url).replacen(
        "password: fake-demo",
        "password: wrong-password",
        1,
    );
    let env = Env::with_clouds(&yaml);
    let run = env.run(&["--os-cloud", "fake-a", "-v", "sites", "-f", "json"]);
    run.assert_code(2);
    assert_hidden(&run);
    assert!(
        run.stderr.contains(&format!(
            "authenticating to {shown} as cloud fake-a: keystone rejected"
        )),
        "{}",
        run.stderr
    );

    // Keystone fails: its 500 names the URL too.
    let env = Env::with_clouds(&stack.clouds_yaml().replace(&url, &secret_url));
    stack.inject(Fault::new(
        Target::Keystone("fake-a".into()),
        FaultKind::Status {
            code: 500,
            retry_after: None,
        },
    ));
    let run = env.run(&["--os-cloud", "fake-a", "-v", "sites", "-f", "json"]);
    run.assert_code(2);
    assert_hidden(&run);
    assert!(run.stderr.contains("returned 500"), "{}", run.stderr);
    stack.clear_faults();

    // Nothing answers: the transport error and the -v trace name the URL.
    let dead = format!("http://admin:{SECRET}@127.0.0.1:{}/v3", dead_port());
    let env = Env::with_clouds(&stack.clouds_yaml().replace(&url, &dead));
    let run = env.run(&[
        "--os-cloud",
        "fake-a",
        "--timeout",
        "5",
        "-v",
        "sites",
        "-f",
        "json",
    ]);
    run.assert_code(2);
    assert_hidden(&run);
    assert!(run.stderr.contains("could not connect"), "{}", run.stderr);
    assert!(
        run.stderr.contains("POST http://admin:<masked>@127.0.0.1:"),
        "{}",
        run.stderr
    );
}

/// fakestack's clouds.yaml plus `twin` (with a `regions:` list) and
/// `twin-noreg` (regions from the catalog), one identity at fake-a's
/// Keystone with a password it refuses.
fn twins(stack: &FakeStack) -> Env {
    let auth = format!(
        "    auth:\n      auth_url: {}\n      username: demo\n      password: wrong-password\n      \
         project_name: demo\n      user_domain_name: Default\n      project_domain_name: Default\n    \
         region_name: RegionOne\n",
        stack.keystone_url("fake-a")
    );
    Env::with_clouds(&format!(
        "{}  twin:\n{auth}    regions: [RegionOne]\n  twin-noreg:\n{auth}",
        stack.clouds_yaml()
    ))
}

#[test]
fn issue7_errors_name_every_cloud_sharing_the_login() {
    let stack = FakeStack::start(Spec::demo());
    let env = twins(&stack);
    let url = stack.keystone_url("fake-a");
    let run = env.run(&["--os-cloud", "twin,twin-noreg", "sites", "-f", "json"]);
    run.assert_code(2);
    let shared = format!("authenticating to {url} as clouds twin, twin-noreg: keystone rejected");
    let line = format!("error: twin/RegionOne: {shared}");
    assert!(run.stderr.contains(&line), "{line}\n{}", run.stderr);
    // twin-noreg found no catalog: which sites it stands as is select's to say.
    let noreg: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: twin-noreg/"))
        .collect();
    assert!(
        !noreg.is_empty() && noreg.iter().all(|l| l.contains(&shared)),
        "{}",
        run.stderr
    );
    // A login that only one cloud uses names that one.
    let run = env.run(&["--os-cloud", "twin", "sites", "-f", "json"]);
    run.assert_code(2);
    let line = format!("error: twin/RegionOne: authenticating to {url} as cloud twin: ");
    assert!(run.stderr.contains(&line), "{line}\n{}", run.stderr);
}

#[test]
fn issue7_a_failed_keystone_fails_every_region_of_its_cloud() {
    let stack = FakeStack::start(Spec::demo());
    // fake-a lists no regions: its catalog would name RegionOne and RegionTwo.
    let yaml = stack
        .clouds_yaml()
        .replacen("password: fake-demo", "password: wrong-password", 1);
    let env = Env::with_clouds(&yaml);
    let run = env.run(&["--os-cloud", "fake-a,fake-b", "sites", "-f", "json"]);
    run.assert_code(2);
    // Not fake-a/RegionOne alone, as if RegionTwo were not there: the whole
    // cloud stands failed.
    assert_eq!(
        run.sites(),
        pairs(&[("fake-a", "*"), ("fake-b", "RegionThree")])
    );
    let failed = run.row("fake-a", "*");
    let auth = failed["auth"].as_str().unwrap();
    assert!(
        auth.starts_with("regions unknown: Keystone failed: authenticating to"),
        "{failed}"
    );
    assert!(
        run.stderr
            .contains("error: fake-a/*: regions unknown: Keystone failed: authenticating to"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("\nhint: check username"),
        "{}",
        run.stderr
    );

    // A region the user named is a site even when no catalog confirms it:
    // the one asked for fails, not the home region.
    let run = env.run(&[
        "--os-cloud",
        "fake-a",
        "--os-region-name",
        "RegionTwo",
        "sites",
        "-f",
        "json",
    ]);
    run.assert_code(2);
    assert_eq!(run.sites(), pairs(&[("fake-a", "RegionTwo")]));
    assert!(
        run.stderr
            .contains("error: fake-a/RegionTwo: regions unknown: Keystone failed: "),
        "{}",
        run.stderr
    );
    // Nor is it an error that no other cloud has it: fake-a may.
    let run = env.run(&[
        "--os-cloud",
        "fake-a,fake-b",
        "--os-region-name",
        "RegionTwo",
        "sites",
        "-f",
        "json",
    ]);
    run.assert_code(2);
    assert_eq!(run.sites(), pairs(&[("fake-a", "RegionTwo")]));
    let run = env.run(&["--sites", "fake-a/RegionTwo,fake-b", "sites", "-f", "json"]);
    run.assert_code(2);
    assert_eq!(
        run.sites(),
        pairs(&[("fake-a", "RegionTwo"), ("fake-b", "RegionThree")])
    );
}

#[test]
fn issue7_a_service_500_has_a_hint() {
    let (stack, env) = demo();
    stack.inject(Fault::status("RegionTwo", 500).path_prefix("/image"));
    let run = env.run(&[
        "--os-cloud",
        "fake-a",
        "--os-region-name",
        "RegionTwo",
        "sites",
        "--check",
        "-f",
        "json",
    ]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("error: fake-a/RegionTwo: image: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("returned 500"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("\nhint: the service failed on its side: its logs"),
        "{}",
        run.stderr
    );
}

#[test]
fn issue7_a_service_401_after_a_new_login_has_a_hint() {
    let (stack, env) = demo();
    // Cinder refuses every token, fresh ones included.
    stack.inject(
        Fault::new(
            Target::Region("RegionThree".into()),
            FaultKind::Unauthorized,
        )
        .path_prefix("/volume/v3"),
    );
    let run = env.run(&["--os-cloud", "fake-b", "sites", "--check", "-f", "json"]);
    run.assert_code(2);
    assert_eq!(run.row("fake-b", "RegionThree")["check"], "volume failed");
    assert_eq!(stack.count("keystone:fake-b", "POST", "/v3/auth/tokens"), 2);
    assert!(run.stderr.contains("returned 401"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "\nhint: the service refused a token that Keystone had just issued: check its \
             keystonemiddleware settings"
        ),
        "{}",
        run.stderr
    );
}
