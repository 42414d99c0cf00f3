//! Shared helpers for the end-to-end tests: run the real `osprey` binary in
//! an isolated environment (no inherited `OS_*`, a private HOME and cwd),
//! and the fake cloud most tests start from.

use fakestack::{FakeStack, Kind, Spec};
use std::path::{Path, PathBuf};
use std::process::Output;

/// The fixture public keys (`tests/fixtures/keys/`).
pub const ED25519: &str = include_str!("../fixtures/keys/ed25519.pub");
pub const RSA: &str = include_str!("../fixtures/keys/rsa.pub");

/// Both fake clouds of the demo, as their demo user.
pub const BOTH: [&str; 2] = ["--os-cloud", "fake-a,fake-b"];
/// Both fake clouds of the demo, as their admin.
pub const ADMINS: [&str; 2] = ["--os-cloud", "fake-a-admin,fake-b-admin"];

/// A fake cloud started from `spec`, and a sandbox whose clouds.yaml is its.
pub fn start(spec: Spec) -> (FakeStack, Env) {
    let stack = FakeStack::start(spec);
    let env = Env::with_clouds(&stack.clouds_yaml());
    (stack, env)
}

/// fakestack's demo (`fake-a` with RegionOne and RegionTwo, `fake-b` with
/// RegionThree) and a sandbox whose clouds.yaml is its.
pub fn demo() -> (FakeStack, Env) {
    start(Spec::demo())
}

/// Runs osprey as the demo user of both fake clouds.
pub fn both(env: &Env, args: &[&str]) -> Run {
    env.run(&[&BOTH[..], args].concat())
}

/// Runs osprey as the admin of both fake clouds.
pub fn admins(env: &Env, args: &[&str]) -> Run {
    env.run(&[&ADMINS[..], args].concat())
}

/// A keypair of the demo user, put straight into a region's Nova.
pub fn seed_keypair(stack: &FakeStack, region: &str, name: &str, key: &str) {
    stack.seed(
        region,
        Kind::Keypair,
        "demo",
        serde_json::json!({"name": name, "public_key": key.trim(), "user_id": "demo"}),
    );
}

pub struct Env {
    pub dir: tempfile::TempDir,
    pub vars: Vec<(String, String)>,
}

impl Env {
    /// An empty sandbox: HOME, XDG dirs and cwd inside a temp dir.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("home/.config")).unwrap();
        std::fs::create_dir_all(dir.path().join("work")).unwrap();
        Env {
            dir,
            vars: Vec::new(),
        }
    }

    /// A sandbox whose clouds.yaml (via OS_CLIENT_CONFIG_FILE) has `yaml`.
    pub fn with_clouds(yaml: &str) -> Self {
        let mut env = Env::new();
        let path = env.write("clouds.yaml", yaml);
        env.set("OS_CLIENT_CONFIG_FILE", path.to_str().unwrap());
        env
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        path
    }

    pub fn set(&mut self, key: &str, value: &str) -> &mut Self {
        self.vars.retain(|(k, _)| k != key);
        self.vars.push((key.to_string(), value.to_string()));
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn command(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_osprey"));
        for (k, _) in std::env::vars() {
            if k.starts_with("OS_") {
                cmd.env_remove(k);
            }
        }
        cmd.env("HOME", self.dir.path().join("home"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("home/.config"))
            .env("XDG_CACHE_HOME", self.dir.path().join("home/.cache"))
            .env_remove("OSPREY_NO_TOKEN_CACHE")
            .env("RUST_BACKTRACE", "0")
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path().join("work"))
            .args(args);
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd
    }

    /// Runs osprey with its soft and hard limits on open files at
    /// `files`, so that it cannot raise them.
    #[cfg(unix)]
    pub fn run_within(&self, files: u64, args: &[&str]) -> Run {
        use std::os::unix::process::CommandExt;
        let mut cmd = self.command(args);
        // SAFETY: between fork and exec only setrlimit is called, which is
        // async-signal-safe, and nothing is allocated.
        unsafe {
            cmd.pre_exec(move || {
                let limit = libc::rlimit {
                    rlim_cur: files as libc::rlim_t,
                    rlim_max: files as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        Run::from(cmd.output().expect("run osprey"))
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let output = self.command(args).output().expect("run osprey");
        Run::from(output)
    }
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Rows of `-f json` output as (cloud, region) pairs.
    pub fn sites(&self) -> Vec<(String, String)> {
        self.json()
            .as_array()
            .expect("array")
            .iter()
            .map(|r| {
                (
                    r["cloud"].as_str().unwrap().to_string(),
                    r["region"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    pub fn row(&self, cloud: &str, region: &str) -> serde_json::Value {
        self.json()
            .as_array()
            .expect("array")
            .iter()
            .find(|r| r["cloud"] == cloud && r["region"] == region)
            .cloned()
            .unwrap_or_else(|| panic!("no row {cloud}/{region} in {}", self.stdout))
    }

    /// A plan (`--dry-run --exit-code -f json`) of nothing but skips.
    #[track_caller]
    pub fn assert_only_skips(&self) {
        self.assert_code(0);
        let rows = self.json();
        assert!(
            rows.as_array()
                .expect("array")
                .iter()
                .all(|r| r["action"] == "skip"),
            "{}",
            self.stdout
        );
    }

    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// The secrets audits' check, for the fake and the real tier: fails,
/// naming what leaked and where, when stdout or stderr of `osprey {args}`
/// holds any of `secrets` (what it is, its value).
#[track_caller]
pub fn assert_no_secret(args: &[&str], run: &Run, secrets: &[(&str, &str)]) {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        for (what, secret) in secrets {
            // An empty value is in every text: the audit would mean nothing.
            assert!(!secret.is_empty(), "{what} is empty");
            assert!(
                !text.contains(secret),
                "{what} leaked on {stream} of `osprey {}`:\n{text}",
                args.join(" ")
            );
        }
    }
}

/// Whether the tests run in CI (`CI=true`), where a test must fail, not
/// skip, when what it needs is missing.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// A token from Keystone, got without osprey: for setting up a test.
pub struct Login {
    pub token: String,
    pub user_id: String,
    pub project_id: String,
}

/// Password login to Keystone (`v3` is its `…/v3` URL), scoped to `project`,
/// users and projects in the Default domain.
pub fn login(v3: &str, user: &str, password: &str, project: &str) -> Login {
    let auth = serde_json::json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": user, "domain": {"name": "Default"}, "password": password}}},
        "scope": {"project": {"name": project, "domain": {"name": "Default"}}}}});
    let resp = reqwest::blocking::Client::new()
        .post(format!("{v3}/auth/tokens"))
        .json(&auth)
        .send()
        .expect("keystone answers");
    assert_eq!(resp.status().as_u16(), 201, "login as {user}");
    let token = resp.headers()["x-subject-token"]
        .to_str()
        .unwrap()
        .to_string();
    let body: serde_json::Value = resp.json().unwrap();
    Login {
        token,
        user_id: body["token"]["user"]["id"].as_str().unwrap().to_string(),
        project_id: body["token"]["project"]["id"].as_str().unwrap().to_string(),
    }
}

/// Creates an application credential for the logged-in user; returns (id, secret).
pub fn create_app_credential(v3: &str, login: &Login, name: &str) -> (String, String) {
    let resp = reqwest::blocking::Client::new()
        .post(format!(
            "{v3}/users/{}/application_credentials",
            login.user_id
        ))
        .header("x-auth-token", &login.token)
        .json(&serde_json::json!({"application_credential": {"name": name}}))
        .send()
        .expect("keystone answers");
    assert_eq!(
        resp.status().as_u16(),
        201,
        "creating application credential {name}"
    );
    let body: serde_json::Value = resp.json().unwrap();
    let ac = &body["application_credential"];
    (
        ac["id"].as_str().unwrap().to_string(),
        ac["secret"].as_str().unwrap().to_string(),
    )
}

/// osprey's own site clients for `clouds` of the sandbox's clouds.yaml,
/// logged in through the library: for tests of the machinery below the
/// commands (pagination, endpoints).
pub fn site_clients(
    env: &Env,
    clouds: &[&str],
) -> (
    tokio::runtime::Runtime,
    Vec<std::sync::Arc<osprey::api::SiteClient>>,
) {
    use osprey::context::{Estate, Selection, Site};
    let mut vars: std::collections::BTreeMap<String, String> = env.vars.iter().cloned().collect();
    vars.insert(
        "HOME".into(),
        env.dir.path().join("home").display().to_string(),
    );
    let config = osprey::config::load(&osprey::config::ConfigEnv::from_vars(
        vars,
        env.dir.path().join("work"),
    ))
    .expect("clouds.yaml loads");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sites = runtime.block_on(async {
        let estate = Estate::new(
            &config,
            Selection {
                clouds: clouds.iter().map(|c| c.to_string()).collect(),
                ..Selection::default()
            },
            osprey::auth::Auth::new(std::sync::Arc::new(osprey::http::Http::new(0)), None, None),
            osprey::fanout::Runner::new(8, osprey::fanout::Cancel::new(), false),
        );
        estate.sites().await.expect("sites")
    });
    let clients = sites
        .into_iter()
        .map(|s| match s {
            Site::Ready(c) => c,
            Site::Failed(id, e) => panic!("{id}: {e:#}"),
        })
        .collect();
    (runtime, clients)
}

/// The fake cloud whose Keystone serves `region` in fakestack's demo.
pub fn keystone_of(region: &str) -> &'static str {
    if region == "RegionThree" {
        "fake-b"
    } else {
        "fake-a"
    }
}

/// A call to a region's Nova as its cloud's admin, with the real API (not
/// through osprey): for setting up what the seeds cannot.
pub fn nova(
    stack: &fakestack::FakeStack,
    region: &str,
    method: &str,
    path: &str,
    body: serde_json::Value,
) -> serde_json::Value {
    let ks = stack.keystone_url(keystone_of(region));
    let login = login(&ks, "admin", fakestack::ADMIN_PASSWORD, "admin");
    let url = format!("{}/compute/v2.1/{path}", stack.region_url(region));
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = reqwest::blocking::Client::new()
        .request(method, &url)
        .header("x-auth-token", &login.token);
    if !body.is_null() {
        req = req.json(&body);
    }
    let resp = req.send().unwrap();
    assert!(resp.status().is_success(), "{url}: {}", resp.status());
    resp.json().unwrap_or(serde_json::Value::Null)
}

/// Waits until `done` holds, checking every few milliseconds, and fails
/// the test naming `what` if it does not within `within`: a test waits
/// for a condition, never for a fixed time.
#[track_caller]
pub fn wait_until(what: &str, within: std::time::Duration, done: impl FnMut() -> bool) {
    assert!(holds_within(within, done), "{what}");
}

/// Whether `done` comes to hold within `within`, checked every few
/// milliseconds (for a caller that has more to do when it does not).
pub fn holds_within(within: std::time::Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + within;
    while !done() {
        if std::time::Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    true
}

/// Sends a running osprey the Ctrl-C a user would (SIGINT).
pub fn interrupt(child: &std::process::Child) {
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}
