//! Differential test: `osprey config show -f json` against openstacksdk.
//!
//! Each directory under `tests/config_diff/cases/` is one case:
//!
//! - `cwd/`: the working directory of both processes,
//! - `home/`: `$HOME` (so `home/.config/openstack/` is the user config dir),
//! - `xdg/`, `other/`, ...: anything else a case points at,
//! - `env`: optional `KEY=VALUE` lines; `$ROOT` is the case's copy.
//!
//! The case is copied to a temporary directory and run through
//! `tests/config_diff/resolve.py` (openstacksdk's `get_all()`) and through
//! osprey, with the same clean environment; the JSON rows must be identical,
//! key order included. `/etc/openstack` cannot be faked for Python, so the
//! site directory is whatever the machine has, for both sides alike.
//!
//! Python: the test's own environment, `target/pyenv-config-diff/<key>`,
//! built once by `tests/config_diff/prepare-env.sh` with python3's venv and
//! exactly the packages pinned in `tests/config_diff/requirements.txt`
//! (openstacksdk 4.22.0, PyYAML 6.0.3 and their dependencies), then reused;
//! no other Python is borrowed. The pins matter: PyYAML 6.0.4 resolves a
//! merge-key list (`<<: [*a, *b]`) the other way round. `.ci/run` runs the
//! script before the tests. When the environment cannot be built the test
//! fails under `CI=true`, and elsewhere prints
//! `SKIPPED config differential test: ...` and passes.

use crate::common::in_ci;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn python() -> Result<&'static Path, &'static str> {
    static PYTHON: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    PYTHON
        .get_or_init(prepare_python)
        .as_deref()
        .map_err(String::as_str)
}

/// Runs the one script that knows where the environment lives and what goes
/// in it, so the test and `.ci/run` cannot disagree.
fn prepare_python() -> Result<PathBuf, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/config_diff/prepare-env.sh");
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap_or(Path::new("target"));
    let out = Command::new("bash")
        .arg(&script)
        .arg("--target-dir")
        .arg(target)
        .output()
        .map_err(|e| format!("cannot run {} with bash: {e}", script.display()))?;
    // The script's last line on stderr is the reason; pip's output before it
    // is the detail.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stderr = stderr.trim();
    let (detail, last) = stderr.rsplit_once('\n').unwrap_or(("", stderr));
    if !out.status.success() {
        let detail = if detail.is_empty() {
            String::new()
        } else {
            format!("\n{detail}")
        };
        return Err(format!("{last} ({}){detail}", out.status));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    match stdout.lines().last() {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        _ => Err(format!(
            "{} printed no interpreter path\n{stderr}",
            script.display()
        )),
    }
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/config_diff/cases")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            // Fixtures hold (fake) secrets: keep the permission warning out.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
            }
        }
    }
}

/// A case laid out in a temporary directory, with its environment.
struct Case {
    _dir: tempfile::TempDir,
    cwd: PathBuf,
    vars: BTreeMap<String, String>,
}

fn prepare(name: &str) -> Case {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    copy_dir(&cases_dir().join(name), &root);
    let cwd = root.join("cwd");
    std::fs::create_dir_all(&cwd).unwrap();
    std::fs::create_dir_all(root.join("home")).unwrap();
    let mut vars = BTreeMap::new();
    vars.insert("HOME".to_string(), root.join("home").display().to_string());
    // Keep /etc/xdg out of both sides unless a case points elsewhere.
    vars.insert(
        "XDG_CONFIG_DIRS".to_string(),
        root.join("xdg-site").display().to_string(),
    );
    vars.insert(
        "PATH".to_string(),
        std::env::var("PATH").unwrap_or_default(),
    );
    if let Ok(text) = std::fs::read_to_string(root.join("env")) {
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (k, v) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("{name}/env: not KEY=VALUE: {line}"));
            vars.insert(
                k.to_string(),
                v.replace("$ROOT", &root.display().to_string()),
            );
        }
    }
    Case {
        _dir: dir,
        cwd,
        vars,
    }
}

fn run(mut cmd: Command, case: &Case, what: &str) -> (String, String) {
    cmd.env_clear().envs(&case.vars).current_dir(&case.cwd);
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{stderr}",
        out.status
    );
    (stdout, stderr)
}

/// Re-serialises JSON so that only content and key order are compared.
fn canonical(text: &str, what: &str) -> String {
    let v: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: {e}:\n{text}"));
    serde_json::to_string_pretty(&v).unwrap()
}

fn check(name: &str, unmask: bool) {
    // The first case builds the venv (`python()` is once for all); the
    // cases then run side by side like every other test of the binary: a
    // lock here would hold a test thread idle while another case runs.
    let python = match python() {
        Ok(p) => p,
        Err(reason) if in_ci() => panic!(
            "config differential test cannot run with CI=true: {reason}\n\
             hint: run tests/config_diff/prepare-env.sh to build its Python environment"
        ),
        Err(reason) => {
            println!("SKIPPED config differential test: {reason}");
            return;
        }
    };
    let case = prepare(name);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/config_diff/resolve.py");
    let mut py = Command::new(python);
    py.arg(&script);
    let mut osprey = Command::new(env!("CARGO_BIN_EXE_osprey"));
    osprey.args(["config", "show", "-f", "json"]);
    if unmask {
        py.arg("--unmask");
        osprey.arg("--unmask");
    }
    let (expected, _) = run(py, &case, &format!("{name}: resolve.py"));
    let (actual, stderr) = run(osprey, &case, &format!("{name}: osprey config show"));
    let expected = canonical(&expected, "resolve.py");
    assert_eq!(
        canonical(&actual, "osprey"),
        expected,
        "{name}: osprey differs from openstacksdk\nosprey stderr:\n{stderr}"
    );

    // The library API gives the same rows in-process.
    let env = osprey::config::ConfigEnv::from_vars(case.vars.clone(), case.cwd.clone());
    let config = osprey::config::load(&env).unwrap_or_else(|e| panic!("{name}: load: {e:#}"));
    let rows = serde_json::to_string(&config.show_rows(unmask)).unwrap();
    assert_eq!(
        canonical(&rows, "show_rows"),
        expected,
        "{name}: show_rows differs from openstacksdk"
    );
}

macro_rules! cases {
    ($($name:ident $(($unmask:expr))?),* $(,)?) => {$(
        #[test]
        fn $name() {
            check(stringify!($name), false $(|| $unmask)?);
        }
    )*};
}

cases! {
    search_cwd_wins_over_user_dir,
    search_user_dir_and_xdg_config_home,
    search_os_client_config_file_json,
    secure_merge,
    secure_file_override,
    profiles,
    regions_with_values,
    region_name_list_and_templating,
    envvars_cloud,
    envvars_with_clouds_file,
    normalisation_keys,
    domain_scoping,
    tls_keys,
    token_clouds (true),
    application_credentials (true),
    skipped_clouds,
    other_auth_types,
    yaml_anchors_and_numbers,
}

/// The test above runs every case directory; a new fixture without a test
/// would silently not run.
#[test]
fn every_case_has_a_test() {
    let src = std::fs::read_to_string(file!()).unwrap();
    for entry in std::fs::read_dir(cases_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            src.contains(&format!("    {name},")) || src.contains(&format!("    {name} (")),
            "case {name} has no test"
        );
    }
}
