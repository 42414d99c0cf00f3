//! Issue 19, the JSON contract: every command's JSON keys are listed in
//! `tests/it/json-keys.txt`, and a key that is renamed or removed fails
//! this test (scripts depend on them); a row about a site starts with
//! `cloud` and `region`. The keys are read as a user can read them: the
//! hint of `-c` with a column no command has, which osprey prints before
//! it reads any configuration. Regenerate the list after adding a key with
//! `OSPREY_BLESS=1 cargo test --test it json_contract`.

use crate::common::Env;
use std::path::PathBuf;

/// Every command that prints rows (its name, then the arguments it cannot
/// run without), and the variants whose rows have another shape.
const COMMANDS: &[(&str, &[&str])] = &[
    ("config show", &[]),
    ("sites", &[]),
    ("auth status", &[]),
    ("quota show", &[]),
    ("quota show --total", &[]),
    ("quota balance", &["--limits", "limits.yaml"]),
    ("quota check", &["--limits", "limits.yaml"]),
    ("keypair list", &[]),
    ("keypair sync", &["NAME"]),
    (
        "keypair import",
        &["--name", "NAME", "--public-key", "key.pub"],
    ),
    ("keypair delete", &["NAME"]),
    ("flavor list", &[]),
    ("flavor sync", &["NAME"]),
    ("image list", &[]),
    ("image sync", &["NAME"]),
    ("image mirror", &[]),
    ("image ensure", &["NAME", "--at", "cloud/region"]),
    ("image unsync", &["--run", "RUN"]),
    ("secgroup list", &[]),
    ("secgroup diff", &["NAME"]),
    ("secgroup sync", &["NAME"]),
    ("ip list", &[]),
    ("ip scan", &[]),
    ("ip find", &["10.0.0.1"]),
    ("ip free", &["--prefix-length", "24"]),
    ("health", &[]),
    ("events", &[]),
    ("usage", &[]),
    ("capacity", &[]),
    ("server list", &[]),
    ("server show", &["NAME"]),
    ("volume list", &[]),
    ("network list", &[]),
    ("floating list", &[]),
    ("find", &["NAME"]),
    ("console-log", &["NAME"]),
    ("auth logout", &[]),
];

/// Commands that print no rows.
const NO_ROWS: &[&str] = &["completions", "man"];

/// Rows about no one site: totals over sites, and suggestions.
const NOT_ABOUT_A_SITE: &[&str] = &["quota show --total", "quota check", "ip free"];

/// Rows about a cloud's Keystone, whatever its regions.
const ABOUT_A_CLOUD: &[&str] = &["auth logout"];

/// Every command osprey has, as `quota show`.
fn every_command() -> Vec<String> {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        let subs: Vec<&clap::Command> = cmd
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .collect();
        if subs.is_empty() {
            out.push(path.to_string());
        }
        for sub in subs {
            let name = sub.get_name();
            walk(sub, format!("{path} {name}").trim(), out);
        }
    }
    let mut out = Vec::new();
    walk(&osprey::Cli::command(), "", &mut out);
    out
}

fn committed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/json-keys.txt")
}

/// The JSON keys of one command, from the hint `-c` prints.
fn keys(env: &Env, name: &str, args: &[&str]) -> Vec<String> {
    let mut argv: Vec<&str> = name.split(' ').collect();
    argv.extend(args);
    argv.extend(["-f", "json", "-c", "no-such-column"]);
    let out = env.command(&argv).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
    assert!(out.stdout.is_empty(), "{name}");
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("hint: columns are: "))
        .unwrap_or_else(|| panic!("{name}: no list of columns in {stderr}"));
    line.split(", ").map(str::to_string).collect()
}

#[test]
fn json_keys_are_stable_and_rows_about_a_site_start_with_cloud_and_region() {
    for command in every_command() {
        assert!(
            NO_ROWS.contains(&command.as_str()) || COMMANDS.iter().any(|(n, _)| *n == command),
            "osprey {command}: add it to COMMANDS (or NO_ROWS)"
        );
    }
    let env = Env::new();
    let mut fresh = String::from(
        "# The JSON keys of every command, in order: scripts depend on them.\n\
         # Written by `OSPREY_BLESS=1 cargo test --test it json_contract`.\n",
    );
    for (name, args) in COMMANDS {
        let keys = keys(&env, name, args);
        if NOT_ABOUT_A_SITE.contains(name) {
            assert!(!keys.contains(&"cloud".to_string()), "{name}: {keys:?}");
        } else if ABOUT_A_CLOUD.contains(name) {
            assert_eq!(keys[0], "cloud", "{name}: {keys:?}");
        } else {
            assert_eq!(keys[..2], ["cloud", "region"], "{name}: {keys:?}");
        }
        fresh.push_str(&format!("osprey {name}: {}\n", keys.join(", ")));
    }
    if std::env::var_os("OSPREY_BLESS").is_some() {
        std::fs::write(committed(), &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(committed()).unwrap_or_default();
    // A key the committed list has and the command no longer prints is a
    // broken promise; a new key only needs the list written again.
    for old in committed.lines().filter(|l| l.starts_with("osprey ")) {
        let (name, old_keys) = old.split_once(": ").unwrap();
        let now = fresh
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("{name} no longer prints rows"));
        let now: Vec<&str> = now.split(", ").collect();
        for key in old_keys.split(", ") {
            assert!(now.contains(&key), "{name}: the key {key} is gone");
        }
    }
    assert_eq!(
        committed, fresh,
        "tests/it/json-keys.txt is stale: regenerate it with \
         `OSPREY_BLESS=1 cargo test --test it json_contract`"
    );
}
