//! `config show`, `sites` and the logins (password, wrong password,
//! application credential) against the real Keystones.

use super::{clouds_yaml, clouds_yaml_without_regions};
use crate::common::{self, Env, pairs};

#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn config_show_lists_every_cloud_and_region_masked() {
    let env = Env::with_clouds(&clouds_yaml());
    let run = env.run(&["config", "show", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.sites(),
        pairs(&[
            ("mc-a-admin", "RegionOne"),
            ("mc-a-admin", "RegionTwo"),
            ("mc-a-demo", "RegionOne"),
            ("mc-a-demo", "RegionTwo"),
            ("mc-b-admin", "RegionThree"),
            ("mc-b-demo", "RegionThree"),
        ])
    );
    let row = run.row("mc-a-demo", "RegionTwo");
    assert_eq!(row["password"], "<masked>");
    assert_eq!(row["auth_url"], "http://127.0.0.1:5000/v3");
    assert!(!run.stdout.contains("minicloud-demo"));
}

#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn sites_check_discovers_all_three_regions() {
    let env = Env::with_clouds(&clouds_yaml_without_regions());
    let run = env.run(&[
        "--os-cloud",
        "mc-a-demo,mc-b-demo",
        "sites",
        "--check",
        "-f",
        "json",
    ]);
    run.assert_code(0);
    assert_eq!(
        run.sites(),
        pairs(&[
            ("mc-a-demo", "RegionOne"),
            ("mc-a-demo", "RegionTwo"),
            ("mc-b-demo", "RegionThree")
        ])
    );
    for row in run.json().as_array().unwrap() {
        assert_eq!(row["auth"], "ok", "{row}");
        assert_eq!(row["check"], "ok", "{row}");
        for svc in ["compute", "network", "image", "volume"] {
            assert!(
                row[svc].as_str().unwrap().starts_with("http://127.0.0.1:"),
                "{row}"
            );
        }
    }
    let r3 = run.row("mc-b-demo", "RegionThree");
    assert_eq!(r3["image"], "http://127.0.0.1:9312");
}

#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn wrong_password_fails_its_site_and_keeps_the_others() {
    let yaml = clouds_yaml().replacen("password: minicloud-demo", "password: not-the-password", 1);
    let env = Env::with_clouds(&yaml);
    let run = env.run(&["--os-cloud", "mc-a-demo,mc-b-demo", "sites", "-f", "json"]);
    run.assert_code(2);
    assert_eq!(run.row("mc-b-demo", "RegionThree")["auth"], "ok");
    let bad = run.row("mc-a-demo", "RegionOne");
    assert!(bad["auth"].as_str().unwrap().contains("401"), "{bad}");
    assert!(
        run.stderr.contains("error: mc-a-demo/RegionOne:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    assert!(!run.stderr.contains("not-the-password"));
}

/// An application credential of the demo user, made with the real
/// Keystone API and deleted when dropped.
struct AppCredential {
    keystone: String,
    login: common::Login,
    id: String,
    secret: String,
}

impl AppCredential {
    fn create(keystone: &str, name: &str) -> Self {
        let v3 = format!("{keystone}/v3");
        let login = common::login(&v3, "demo", "minicloud-demo", "demo");
        let (id, secret) = common::create_app_credential(&v3, &login, name);
        AppCredential {
            keystone: v3,
            login,
            id,
            secret,
        }
    }
}

impl Drop for AppCredential {
    fn drop(&mut self) {
        let _ = reqwest::blocking::Client::new()
            .delete(format!(
                "{}/users/{}/application_credentials/{}",
                self.keystone, self.login.user_id, self.id
            ))
            .header("x-auth-token", &self.login.token)
            .send();
    }
}

#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn application_credential_authenticates() {
    let name = format!("osprey-test-{}", std::process::id());
    let ac = AppCredential::create("http://127.0.0.1:5000", &name);
    let yaml = format!(
        "clouds:\n  mc-a-appcred:\n    auth_type: v3applicationcredential\n    auth:\n      \
         auth_url: http://127.0.0.1:5000/v3\n      application_credential_id: {}\n      \
         application_credential_secret: {}\n    region_name: RegionOne\n",
        ac.id, ac.secret
    );
    let env = Env::with_clouds(&yaml);
    let run = env.run(&["sites", "--check", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.sites(),
        pairs(&[("mc-a-appcred", "RegionOne"), ("mc-a-appcred", "RegionTwo")])
    );
    assert!(!run.stdout.contains(&ac.secret));
    // By name, with the user it belongs to.
    let yaml = format!(
        "clouds:\n  mc-a-appcred:\n    auth_type: v3applicationcredential\n    auth:\n      \
         auth_url: http://127.0.0.1:5000/v3\n      application_credential_name: {name}\n      \
         username: demo\n      user_domain_name: Default\n      \
         application_credential_secret: {}\n    regions: [RegionTwo]\n",
        ac.secret
    );
    let env = Env::with_clouds(&yaml);
    let run = env.run(&["sites", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.row("mc-a-appcred", "RegionTwo")["auth"], "ok");
}
