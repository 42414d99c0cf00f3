//! End-to-end: `osprey sites` against fakestack — region discovery, one
//! authentication per Keystone, partial failure, retries, re-authentication,
//! timeouts, auth methods and output options.

use crate::common::{self, Env, demo, pairs};
use fakestack::{FakeStack, Fault, FaultKind, Spec, Target};
use std::time::Duration;

const ALL3: [(&str, &str); 3] = [
    ("fake-a", "RegionOne"),
    ("fake-a", "RegionTwo"),
    ("fake-b", "RegionThree"),
];

#[test]
fn regions_are_discovered_from_the_catalog() {
    let (stack, env) = demo();
    let run = env.run(&["--os-cloud", "fake-a,fake-b", "sites", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.sites(), pairs(&ALL3));
    let r2 = run.row("fake-a", "RegionTwo");
    assert_eq!(r2["auth"], "ok");
    assert_eq!(r2["auth_url"], stack.keystone_url("fake-a"));
    let base = stack.region_url("RegionTwo");
    assert_eq!(r2["compute"], format!("{base}/compute/v2.1"));
    assert_eq!(r2["network"], format!("{base}/network"));
    assert_eq!(r2["image"], format!("{base}/image"));
    assert_eq!(r2["volume"], format!("{base}/volume/v3"));
    assert!(r2["latency_ms"].is_u64());
}

#[test]
fn one_authentication_per_keystone_even_with_check() {
    let (stack, env) = demo();
    let run = env.run(&[
        "--sites",
        "fake-a/*,fake-b/*",
        "sites",
        "--check",
        "-f",
        "json",
    ]);
    run.assert_code(0);
    assert_eq!(run.sites(), pairs(&ALL3));
    for row in run.json().as_array().unwrap() {
        assert_eq!(row["check"], "ok", "{row}");
    }
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 1);
    assert_eq!(stack.count("keystone:fake-b", "POST", "/v3/auth/tokens"), 1);
    // --check read each service's version document.
    assert_eq!(stack.count("RegionTwo", "GET", "/image/"), 1);
    assert_eq!(stack.count("RegionTwo", "GET", "/network/"), 1);
    // Every request says who is calling.
    let ua = format!("osprey/{}", env!("CARGO_PKG_VERSION"));
    assert!(
        stack
            .requests()
            .iter()
            .all(|r| r.header("user-agent") == Some(ua.as_str()))
    );
}

#[test]
fn clouds_sharing_an_identity_share_one_token() {
    let stack = FakeStack::start(Spec::demo());
    let yaml = stack.clouds_yaml();
    // A second cloud with the same Keystone and credentials as fake-a.
    let twin = yaml
        .split("\n  fake-a:\n")
        .nth(1)
        .unwrap()
        .split("\n  fake-a-admin:")
        .next()
        .unwrap();
    let env = Env::with_clouds(&format!("{yaml}\n  fake-a-twin:\n{twin}\n"));
    let run = env.run(&["--os-cloud", "fake-a,fake-a-twin", "sites", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.sites().len(), 4);
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 1);
}

#[test]
fn wrong_password_fails_only_its_cloud() {
    let stack = FakeStack::start(Spec::demo());
    let yaml = stack
        .clouds_yaml()
        .replacen("password: fake-demo", "password: wrong-password", 1);
    let env = Env::with_clouds(&yaml);
    let run = env.run(&["--os-cloud", "fake-a,fake-b", "sites", "-f", "json"]);
    run.assert_code(2);
    let sites = run.sites();
    let failed = &sites[0];
    let bad = run.row(&failed.0, &failed.1);
    assert!(
        bad["auth"]
            .as_str()
            .unwrap()
            .contains("rejected the credentials (401)"),
        "{bad}"
    );
    let good: Vec<_> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["auth"] == "ok")
        .cloned()
        .collect();
    assert!(
        !good.is_empty(),
        "the other cloud's sites are listed: {}",
        run.stdout
    );
    let line = format!(
        "error: {}/{}: regions unknown: Keystone failed: authenticating to",
        failed.0, failed.1
    );
    assert!(run.stderr.contains(&line), "{}", run.stderr);
    assert!(run.stderr.contains("\nhint: "), "{}", run.stderr);
    assert!(!run.stderr.contains("wrong-password") && !run.stdout.contains("wrong-password"));
}

#[test]
fn unreachable_keystone_is_a_row_and_exit_2() {
    let (stack, _) = demo();
    // A port nothing listens on: bind one, note it, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let yaml = stack.clouds_yaml()
        + &format!(
            "  dead:\n    auth:\n      auth_url: http://127.0.0.1:{port}/v3\n      username: u\n      \
             password: p\n      project_name: p\n      user_domain_name: Default\n      \
             project_domain_name: Default\n    region_name: Nowhere\n"
        );
    let env = Env::with_clouds(&yaml);
    let run = env.run(&[
        "--os-cloud",
        "dead,fake-b",
        "--timeout",
        "5",
        "sites",
        "-f",
        "json",
    ]);
    run.assert_code(2);
    assert_eq!(run.row("fake-b", "RegionThree")["auth"], "ok");
    let dead = run.row("dead", "*");
    assert!(
        dead["auth"].as_str().unwrap().contains("could not connect"),
        "{dead}"
    );
    assert!(run.stderr.contains("error: dead/*: "), "{}", run.stderr);
}

#[test]
fn check_fails_when_a_service_does_not_answer() {
    let (stack, env) = demo();
    stack.inject(Fault::status("RegionTwo", 500).path_prefix("/image"));
    let run = env.run(&["--os-cloud", "fake-a", "sites", "--check", "-f", "json"]);
    run.assert_code(2);
    assert_eq!(run.row("fake-a", "RegionOne")["check"], "ok");
    assert_eq!(run.row("fake-a", "RegionTwo")["check"], "image failed");
    assert!(
        run.stderr.contains("error: fake-a/RegionTwo: image: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("500"), "{}", run.stderr);
}

#[test]
fn retry_after_503_is_honoured_then_succeeds() {
    let (stack, env) = demo();
    stack.inject(
        Fault::new(
            Target::Region("RegionOne".into()),
            FaultKind::Status {
                code: 503,
                retry_after: Some(1),
            },
        )
        .path_prefix("/compute")
        .times(1),
    );
    let run = env.run(&[
        "--os-cloud",
        "fake-a",
        "--os-region-name",
        "RegionOne",
        "sites",
        "--check",
        "-f",
        "json",
    ]);
    run.assert_code(0);
    assert_eq!(run.row("fake-a", "RegionOne")["check"], "ok");
    assert_eq!(stack.count("RegionOne", "GET", "/compute/v2.1/"), 2);
}

#[test]
fn bad_gateway_is_retried_for_gets() {
    let (stack, env) = demo();
    stack.inject(
        Fault::status("RegionThree", 502)
            .path_prefix("/network")
            .times(2),
    );
    let run = env.run(&["--os-cloud", "fake-b", "sites", "--check", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(stack.count("RegionThree", "GET", "/network/"), 3);
}

#[test]
fn a_401_mid_run_reauthenticates_once() {
    let (stack, env) = demo();
    // The Cinder version document needs a token: revoke it on that request.
    stack.inject(
        Fault::new(
            Target::Region("RegionThree".into()),
            FaultKind::Unauthorized,
        )
        .path_prefix("/volume/v3")
        .times(1),
    );
    let run = env.run(&["--os-cloud", "fake-b", "sites", "--check", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.row("fake-b", "RegionThree")["check"], "ok");
    assert_eq!(stack.count("keystone:fake-b", "POST", "/v3/auth/tokens"), 2);
}

#[test]
fn an_expired_token_is_renewed_before_use() {
    let stack = FakeStack::start(Spec::demo().token_ttl(Duration::from_secs(5)));
    let env = Env::with_clouds(&stack.clouds_yaml());
    let run = env.run(&["--os-cloud", "fake-b", "sites", "--check", "-f", "json"]);
    run.assert_code(0);
    // Discovery, the site's own use and the checks each found the token
    // expired: never one rejected request.
    assert!(stack.count("keystone:fake-b", "POST", "/v3/auth/tokens") >= 2);
    assert!(
        stack.requests().iter().all(|r| r.status != 401),
        "{:?}",
        stack.requests()
    );
}

#[test]
fn a_hanging_region_times_out_and_the_others_finish() {
    let (stack, env) = demo();
    stack.inject(
        Fault::new(Target::Region("RegionTwo".into()), FaultKind::Hang).path_prefix("/image"),
    );
    let run = env.run(&[
        "--os-cloud",
        "fake-a",
        "--timeout",
        "1",
        "sites",
        "--check",
        "-f",
        "json",
    ]);
    run.assert_code(2);
    assert_eq!(run.row("fake-a", "RegionOne")["check"], "ok");
    assert!(run.stderr.contains("timed out after 1s"), "{}", run.stderr);
    assert!(
        run.stderr.contains("hint: raise --timeout"),
        "{}",
        run.stderr
    );
}

#[test]
fn truncated_and_html_bodies_are_clear_errors() {
    let (stack, env) = demo();
    stack.inject(
        Fault::new(Target::Region("RegionOne".into()), FaultKind::Truncated)
            .path_prefix("/network"),
    );
    stack.inject(
        Fault::new(Target::Region("RegionTwo".into()), FaultKind::Html).path_prefix("/network"),
    );
    let run = env.run(&["--os-cloud", "fake-a", "sites", "--check", "-f", "json"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("error: fake-a/RegionOne: network: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("invalid JSON"), "{}", run.stderr);
    assert!(
        run.stderr.contains("error: fake-a/RegionTwo: network: "),
        "{}",
        run.stderr
    );
}

#[test]
fn per_region_keystones_authenticate_separately() {
    let stack = FakeStack::start(Spec::new().cloud_per_region_keystone("split", &["r1", "r2"]));
    let env = Env::with_clouds(&stack.clouds_yaml());
    let run = env.run(&["--os-cloud", "split", "sites", "--check", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.sites(), pairs(&[("split", "r1"), ("split", "r2")]));
    assert_eq!(
        stack.count("keystone:split/r1", "POST", "/v3/auth/tokens"),
        1
    );
    assert_eq!(
        stack.count("keystone:split/r2", "POST", "/v3/auth/tokens"),
        1
    );
}

#[test]
fn region_flag_and_site_globs_filter() {
    let (_stack, env) = demo();
    let run = env.run(&[
        "--os-cloud",
        "fake-a,fake-b",
        "--os-region-name",
        "RegionTwo",
        "sites",
        "-f",
        "json",
    ]);
    run.assert_code(0);
    assert_eq!(run.sites(), pairs(&[("fake-a", "RegionTwo")]));
    let run = env.run(&["--sites", "*/Region*e", "sites", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.sites(),
        pairs(&[
            ("fake-a", "RegionOne"),
            ("fake-a-admin", "RegionOne"),
            ("fake-b", "RegionThree"),
            ("fake-b-admin", "RegionThree")
        ])
    );
    let run = env.run(&[
        "--os-cloud",
        "fake-a",
        "--os-region-name",
        "Atlantis",
        "sites",
    ]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("--os-region-name Atlantis: no selected cloud has that region"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("hint: regions found: RegionOne, RegionTwo"),
        "{}",
        run.stderr
    );
}

#[test]
fn os_cloud_env_selects_and_several_clouds_need_a_choice() {
    let (_stack, mut env) = demo();
    let run = env.run(&["sites"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "no cloud selected and 4 are configured: fake-a, fake-a-admin, fake-b, fake-b-admin"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: pass --os-cloud"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
    env.set("OS_CLOUD", "fake-b");
    let run = env.run(&["sites", "-f", "value", "-c", "region"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "RegionThree\n");
    // OS_REGION_NAME narrows the default selection, --sites overrides it.
    env.set("OS_CLOUD", "fake-a")
        .set("OS_REGION_NAME", "RegionTwo");
    assert_eq!(
        env.run(&["sites", "-f", "value", "-c", "region"]).stdout,
        "RegionTwo\n"
    );
    let run = env.run(&["--sites", "fake-a", "sites", "-f", "value", "-c", "region"]);
    assert_eq!(run.stdout, "RegionOne\nRegionTwo\n");
    // --os-region-name overrides it too.
    let run = env.run(&[
        "--os-region-name",
        "RegionOne",
        "sites",
        "-f",
        "value",
        "-c",
        "region",
    ]);
    assert_eq!(run.stdout, "RegionOne\n");
}

#[test]
fn unknown_cloud_names_the_closest() {
    let (_stack, env) = demo();
    let run = env.run(&["--os-cloud", "fake-c", "sites"]);
    run.assert_code(2);
    assert!(
        run.stderr.starts_with("error: unknown cloud 'fake-c'"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("fake-a"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: did you mean"), "{}", run.stderr);
}

#[test]
fn output_formats_columns_and_sorting() {
    let (_stack, env) = demo();
    let args = [
        "--os-cloud",
        "fake-a,fake-b",
        "sites",
        "-c",
        "region",
        "-c",
        "auth",
    ];
    let run = env.run(&[&args[..], &["-f", "csv", "--sort-column", "region"]].concat());
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "\"region\",\"auth\"\n\"RegionOne\",\"ok\"\n\"RegionThree\",\"ok\"\n\"RegionTwo\",\"ok\"\n"
    );
    let run = env.run(&[&args[..], &["-f", "yaml"]].concat());
    assert!(
        run.stdout.starts_with("- region: RegionOne\n  auth: ok\n"),
        "{}",
        run.stdout
    );
    let run = env.run(&[&args[..], &["-f", "table"]].concat());
    assert!(
        run.stdout.contains("| Region      | Auth |"),
        "{}",
        run.stdout
    );
    let run = env.run(&["--os-cloud", "fake-a", "sites", "-c", "nope"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("error: -c nope: no such column"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn verbose_traces_mask_every_secret() {
    let (_stack, env) = demo();
    let run = env.run(&["--os-cloud", "fake-b", "sites", "--check", "-vv"]);
    run.assert_code(0);
    assert!(run.stderr.contains("POST "), "{}", run.stderr);
    assert!(
        run.stderr.contains("/v3/auth/tokens 201 "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("x-subject-token: <masked>"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("x-auth-token: <masked>"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("\"password\":\"<masked>\""),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("fake-demo"), "password leaked");
    assert!(!run.stderr.contains("gAAAA"), "a token leaked");
}

fn extra_cloud(stack: &FakeStack, name: &str, body: &str) -> Env {
    let yaml = format!(
        "{}  {name}:\n    auth:\n      auth_url: {}\n{body}    region_name: RegionOne\n",
        stack.clouds_yaml(),
        stack.keystone_url("fake-a")
    );
    Env::with_clouds(&yaml)
}

#[test]
fn totp_and_multifactor_take_the_passcode() {
    let (stack, _) = demo();
    let env = extra_cloud(
        &stack,
        "otp",
        "      username: demo\n      user_domain_name: Default\n      project_name: demo\n      \
         project_domain_name: Default\n    auth_type: v3totp\n",
    );
    let run = env.run(&["--os-cloud", "otp", "sites", "-f", "json"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("needs a one-time passcode"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("hint: pass --os-passcode or set OS_PASSCODE"),
        "{}",
        run.stderr
    );
    let run = env.run(&[
        "--os-cloud",
        "otp",
        "--os-passcode",
        "123456",
        "sites",
        "-f",
        "json",
    ]);
    run.assert_code(0);
    let run = env.run(&[
        "--no-token-cache",
        "--os-cloud",
        "otp",
        "--os-passcode",
        "000000",
        "sites",
        "-f",
        "json",
    ]);
    run.assert_code(2);
    // The token of the passcode login is cached: the next run needs no
    // passcode until it expires.
    let logins = stack.count("keystone:fake-a", "POST", "/v3/auth/tokens");
    let run = env.run(&["--os-cloud", "otp", "sites", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"),
        logins
    );

    let env = extra_cloud(
        &stack,
        "mfa",
        "      username: demo\n      password: fake-demo\n      user_domain_name: Default\n      \
         project_name: demo\n      project_domain_name: Default\n      \
         auth_methods: [v3password, v3totp]\n    auth_type: v3multifactor\n",
    );
    let mut env = env;
    env.set("OS_PASSCODE", "123456");
    let run = env.run(&["--os-cloud", "mfa", "sites", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.sites(),
        pairs(&[("mfa", "RegionOne"), ("mfa", "RegionTwo")])
    );
}

#[test]
fn application_credentials_by_id_and_by_name() {
    let (stack, _) = demo();
    let keystone = stack.keystone_url("fake-a");
    let demo_login = common::login(&keystone, "demo", "fake-demo", "demo");
    let (id, secret) = common::create_app_credential(&keystone, &demo_login, "ci");
    stack.reset_counters();

    let env = extra_cloud(
        &stack,
        "ac",
        &format!(
            "      application_credential_id: {id}\n      application_credential_secret: {secret}\n    auth_type: v3applicationcredential\n"
        ),
    );
    let run = env.run(&["--os-cloud", "ac", "sites", "--check", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.sites(),
        pairs(&[("ac", "RegionOne"), ("ac", "RegionTwo")])
    );
    let env = extra_cloud(
        &stack,
        "ac",
        &format!(
            "      application_credential_name: ci\n      username: demo\n      user_domain_name: Default\n      \
             application_credential_secret: {secret}\n    auth_type: v3applicationcredential\n"
        ),
    );
    env.run(&["--os-cloud", "ac", "sites", "-f", "json"])
        .assert_code(0);
    let env = extra_cloud(
        &stack,
        "ac",
        &format!(
            "      application_credential_id: {id}\n      application_credential_secret: nope\n    auth_type: v3applicationcredential\n"
        ),
    );
    env.run(&["--os-cloud", "ac", "sites", "-f", "json"])
        .assert_code(2);
}

#[test]
fn token_auth_and_system_scope() {
    let (stack, _) = demo();
    let keystone = stack.keystone_url("fake-a");
    let token = common::login(&keystone, "admin", "fake-admin", "admin").token;
    let env = extra_cloud(
        &stack,
        "tok",
        &format!(
            "      token: {token}\n      project_name: admin\n      project_domain_name: Default\n    auth_type: v3token\n"
        ),
    );
    let run = env.run(&["--os-cloud", "tok", "sites", "-f", "json"]);
    run.assert_code(0);
    assert!(!run.stdout.contains(&token));

    let env = extra_cloud(
        &stack,
        "sys",
        "      username: admin\n      password: fake-admin\n      user_domain_name: Default\n      system_scope: all\n",
    );
    env.run(&["--os-cloud", "sys", "sites", "-f", "json"])
        .assert_code(0);
}

#[test]
fn unsupported_auth_type_names_the_supported_ones() {
    let (stack, _) = demo();
    let env = extra_cloud(
        &stack,
        "v2",
        "      username: u\n      password: p\n    auth_type: v2password\n",
    );
    let run = env.run(&["--os-cloud", "v2,fake-b", "sites", "-f", "json"]);
    run.assert_code(2);
    assert_eq!(run.row("fake-b", "RegionThree")["auth"], "ok");
    assert!(
        run.stderr
            .contains("clouds.v2.auth_type: 'v2password' is not supported by osprey"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("hint: supported auth types: password, v3password"),
        "{}",
        run.stderr
    );
}

#[test]
fn endpoint_overrides_and_project_templates() {
    let (stack, _) = demo();
    let base = stack.region_url("RegionOne");
    let env = extra_cloud(
        &stack,
        "ovr",
        &format!(
            "      username: demo\n      password: fake-demo\n      user_domain_name: Default\n      \
             project_name: demo\n      project_domain_name: Default\n    \
             block_storage_endpoint_override: {base}/volume/v3/%(project_id)s\n    regions: [RegionOne]\n"
        ),
    );
    let run = env.run(&["--os-cloud", "ovr", "sites", "--check", "-f", "json"]);
    run.assert_code(0);
    let project = stack.project_id("fake-a", "demo");
    assert_eq!(
        run.row("ovr", "RegionOne")["volume"],
        format!("{base}/volume/v3/{project}")
    );
}

#[test]
fn ctrl_c_prints_finished_sites_and_exits_130() {
    let (stack, env) = demo();
    stack.inject(
        Fault::new(Target::Region("RegionTwo".into()), FaultKind::Hang).path_prefix("/image"),
    );
    let child = env
        .command(&[
            "--os-cloud",
            "fake-a,fake-b",
            "sites",
            "--check",
            "-f",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the hanging request has arrived and the checks of
    // fake-a/RegionOne and fake-b/RegionThree are over (the version
    // document of every service in their catalogs answered), then
    // interrupt.
    let answered = |prefix: &str| {
        ["RegionOne", "RegionThree"].iter().all(|region| {
            stack.requests().iter().any(|r| {
                r.target == *region
                    && r.method == "GET"
                    && r.path.starts_with(prefix)
                    && r.status != 0
            })
        })
    };
    let services = [
        "/compute/",
        "/network/",
        "/image/",
        "/volume/",
        "/placement/",
    ];
    common::wait_until(
        "the check never reached RegionTwo",
        Duration::from_secs(30),
        || stack.count("RegionTwo", "GET", "/image/") > 0 && services.iter().all(|s| answered(s)),
    );
    common::interrupt(&child);
    let run = common::Run::from(child.wait_with_output().unwrap());
    run.assert_code(130);
    let sites = run.sites();
    assert!(
        sites.contains(&("fake-b".to_string(), "RegionThree".to_string())),
        "{}",
        run.stdout
    );
    assert!(
        !sites.contains(&("fake-a".to_string(), "RegionTwo".to_string())),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("interrupted"), "{}", run.stderr);
    // Issue 7: the sites that did not finish are named.
    assert!(
        run.stderr
            .contains("interrupted; these sites did not finish: fake-a/RegionTwo"),
        "{}",
        run.stderr
    );
}

#[test]
fn concurrent_401s_share_one_reauthentication() {
    let (stack, env) = demo();
    // RegionOne's first Cinder call revokes the shared token, so RegionTwo's
    // call with it fails too: both sites retry, Keystone sees one new login.
    stack.inject(
        Fault::new(Target::Region("RegionOne".into()), FaultKind::Unauthorized)
            .path_prefix("/volume/v3")
            .times(1),
    );
    let run = env.run(&["--os-cloud", "fake-a", "sites", "--check", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.row("fake-a", "RegionOne")["check"], "ok");
    assert_eq!(run.row("fake-a", "RegionTwo")["check"], "ok");
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 2);
}

#[test]
fn unversioned_auth_url_is_discovered() {
    let (stack, _) = demo();
    let root = stack
        .keystone_url("fake-b")
        .trim_end_matches("/v3")
        .to_string();
    let yaml = stack
        .clouds_yaml()
        .replace(&stack.keystone_url("fake-b"), &root);
    let env = Env::with_clouds(&yaml);
    let run = env.run(&["--os-cloud", "fake-b", "sites", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.row("fake-b", "RegionThree")["auth"], "ok");
    assert_eq!(stack.count("keystone:fake-b", "GET", "/"), 1);
}

#[test]
fn keystone_v2_and_unscoped_tokens_are_clear_errors() {
    let (stack, _) = demo();
    let v2 = stack.keystone_url("fake-a").replace("/v3", "/v2.0");
    let yaml = format!(
        "{}  old:\n    auth:\n      auth_url: {v2}\n      username: demo\n      password: fake-demo\n      \
         project_name: demo\n      user_domain_name: Default\n      project_domain_name: Default\n    \
         region_name: RegionOne\n  unscoped:\n    auth:\n      auth_url: {}\n      username: demo\n      \
         password: fake-demo\n      user_domain_name: Default\n    region_name: RegionOne\n",
        stack.clouds_yaml(),
        stack.keystone_url("fake-a")
    );
    let env = Env::with_clouds(&yaml);
    let run = env.run(&["--os-cloud", "old,unscoped,fake-b", "sites", "-f", "json"]);
    run.assert_code(2);
    assert_eq!(run.row("fake-b", "RegionThree")["auth"], "ok");
    let old = run.row("old", "*");
    assert!(
        old["auth"]
            .as_str()
            .unwrap()
            .contains("is Keystone v2.0, which osprey does not support"),
        "{old}"
    );
    let unscoped = run.row("unscoped", "*");
    assert!(
        unscoped["auth"]
            .as_str()
            .unwrap()
            .contains("unscoped token"),
        "{unscoped}"
    );
    assert!(
        run.stderr
            .contains("hint: set project_name and project_domain_name"),
        "{}",
        run.stderr
    );
}

#[test]
fn interface_flag_and_per_service_interfaces_pick_endpoints() {
    let (stack, _) = demo();
    // A made-up interface is an error naming the cloud and the key (issue
    // 7), not a service with no endpoint. (fakestack lists public, internal
    // and admin for every service, so a service missing from a region's
    // catalog cannot be staged with a valid clouds.yaml any more.)
    let env = extra_cloud(
        &stack,
        "iface",
        "      username: demo\n      password: fake-demo\n      user_domain_name: Default\n      \
         project_name: demo\n      project_domain_name: Default\n    compute_interface: nowhere\n    \
         regions: [RegionOne]\n",
    );
    let run = env.run(&["--os-cloud", "iface", "sites", "-f", "json"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "clouds.iface.compute_interface (region RegionOne): expected public, internal or admin, found 'nowhere'"
        ),
        "{}",
        run.stderr
    );
    // Keystone v2's spelling of an interface finds the v3 catalog's.
    let env = extra_cloud(
        &stack,
        "iface",
        "      username: demo\n      password: fake-demo\n      user_domain_name: Default\n      \
         project_name: demo\n      project_domain_name: Default\n    compute_interface: internalURL\n    \
         regions: [RegionOne]\n",
    );
    let run = env.run(&["--os-cloud", "iface", "sites", "-f", "json"]);
    run.assert_code(0);
    let row = run.row("iface", "RegionOne");
    assert!(
        row["compute"].as_str().unwrap().ends_with("/compute/v2.1"),
        "{row}"
    );
    let run = env.run(&[
        "--os-cloud",
        "fake-b",
        "--os-interface",
        "admin",
        "sites",
        "--check",
        "-f",
        "json",
    ]);
    run.assert_code(0);
}
