//! Issue 19, the secrets audit: every family of commands, traced with
//! `-vv` (headers and bodies) and logging in anew each run, against clouds
//! that log in with a password, an application credential, a one-time
//! passcode and a URL with a password in it. No password, secret,
//! passcode, token or URL userinfo may reach stdout or stderr.

use crate::common::{Env, Run, assert_no_secret, create_app_credential, demo, login};
use fakestack::{ADMIN_PASSWORD, DEMO_PASSWORD, FakeStack, Kind};
use serde_json::json;

/// The password written into fake-b's `auth_url`.
const URL_SECRET: &str = "url-s3cret";
/// fakestack's one-time passcode.
const PASSCODE: &str = "123456";
/// How every fakestack token begins (Fernet's version and timestamp).
const TOKEN_PREFIX: &str = "gAAAAAB";

/// The demo estate's clouds, fake-b behind a URL with userinfo, and two
/// more clouds of fake-a: one with an application credential (whose
/// secret is returned), one with TOTP.
fn audited(stack: &FakeStack) -> (Env, String) {
    let v3 = stack.keystone_url("fake-a");
    let me = login(&v3, "demo", DEMO_PASSWORD, "demo");
    let (id, secret) = create_app_credential(&v3, &me, "audit");
    let b = stack.keystone_url("fake-b");
    let b_secret = b.replacen("http://", &format!("http://admin:{URL_SECRET}@"), 1);
    let yaml = format!(
        "{}  fake-a-appcred:\n    auth_type: v3applicationcredential\n    auth:\n      \
         auth_url: {v3}\n      application_credential_id: {id}\n      \
         application_credential_secret: {secret}\n    region_name: RegionOne\n  \
         fake-a-otp:\n    auth_type: v3multifactor\n    auth_methods: [v3password, v3totp]\n    \
         auth:\n      auth_url: {v3}\n      username: demo\n      password: {DEMO_PASSWORD}\n      \
         user_domain_name: Default\n      project_name: demo\n      \
         project_domain_name: Default\n    region_name: RegionOne\n",
        stack.clouds_yaml().replace(&b, &b_secret)
    );
    (Env::with_clouds(&yaml), secret)
}

#[track_caller]
fn assert_nothing_secret(args: &[&str], run: &Run, app_secret: &str) {
    let secrets = [
        ("the demo password", DEMO_PASSWORD),
        ("the admin password", ADMIN_PASSWORD),
        ("the application credential secret", app_secret),
        ("the passcode", PASSCODE),
        ("a token", TOKEN_PREFIX),
        ("the URL's password", URL_SECRET),
        ("URL userinfo", "admin:url"),
    ];
    assert_no_secret(args, run, &secrets);
}

#[test]
fn issue19_no_command_prints_a_secret_even_traced() {
    let (stack, _) = demo();
    let (env, app_secret) = audited(&stack);
    // Something to list in each family.
    crate::common::seed_keypair(&stack, "RegionOne", "deploy", crate::common::ED25519);
    let img = json!({"name": "cirros", "disk_format": "raw", "container_format": "bare"});
    let img = stack.seed("RegionOne", Kind::Image, "demo", img).id;
    stack.set_image_data("RegionOne", &img, vec![7; 100]);
    let net = stack.seed("RegionOne", Kind::Network, "demo", json!({"name": "app"}));
    stack.seed(
        "RegionOne",
        Kind::Subnet,
        "demo",
        json!({"network_id": net.id, "cidr": "10.9.0.0/24", "ip_version": 4}),
    );
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web-1", "status": "ACTIVE"}),
    );
    let key = env.write("audit.pub", crate::common::ED25519);

    let members = "fake-a,fake-b,fake-a-appcred,fake-a-otp";
    let admins = "fake-a-admin,fake-b-admin";
    let commands: Vec<(&str, Vec<&str>)> = vec![
        (members, vec!["config", "show"]),
        (members, vec!["config", "show", "-f", "json"]),
        (members, vec!["sites", "--check"]),
        (members, vec!["auth", "status"]),
        (members, vec!["quota", "show"]),
        (members, vec!["keypair", "list"]),
        (admins, vec!["flavor", "list"]),
        (members, vec!["secgroup", "list"]),
        (members, vec!["image", "list"]),
        (members, vec!["ip", "list"]),
        (members, vec!["server", "list"]),
        (members, vec!["volume", "list"]),
        (members, vec!["network", "list"]),
        (members, vec!["usage"]),
        (members, vec!["health"]),
        (admins, vec!["health"]),
        (members, vec!["events", "--since", "2h"]),
        // Three of the clouds log in to RegionOne: a name found there is ambiguous.
        ("fake-a,fake-b", vec!["find", "web-1"]),
        (
            members,
            vec![
                "keypair",
                "import",
                "--name",
                "audit",
                "--public-key",
                key.to_str().unwrap(),
                "--to",
                "fake-a/RegionOne",
                "--dry-run",
            ],
        ),
    ];
    for (clouds, command) in &commands {
        // auth status reads the token cache, so it needs one; the rest
        // log in anew, so that every login is traced.
        let mut args = vec!["-vv", "--os-passcode", PASSCODE, "--os-cloud", clouds];
        if command[0] != "auth" {
            args.push("--no-token-cache");
        }
        args.extend(command);
        let run = env.run(&args);
        assert_eq!(run.code, 0, "`osprey {}`:\n{}", args.join(" "), run.stderr);
        assert_nothing_secret(&args, &run, &app_secret);
    }
    // The traces did show the logins, masked: the audit read real traffic.
    let run = env.run(&[
        "-vv",
        "--no-token-cache",
        "--os-passcode",
        PASSCODE,
        "--os-cloud",
        members,
        "sites",
    ]);
    assert!(run.stderr.contains("/v3/auth/tokens"), "{}", run.stderr);
    assert!(
        run.stderr.to_lowercase().contains("x-subject-token"),
        "{}",
        run.stderr
    );
}
