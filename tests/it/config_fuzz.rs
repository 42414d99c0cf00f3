//! Fuzzing the loaders (issue 7): clouds.yaml, secure.yaml and
//! clouds-public.yaml through `config::load` (and every cloud through its
//! resolution and `config show`), and the global limits file through
//! `limits::parse`, with generated documents: JSON-like values written as
//! YAML, YAML-ish lines at random depths, and raw bytes. Errors are fine; a
//! panic is not.
//!
//! A second property checks the per-cloud reading of clouds.yaml against
//! reading the whole document: the same file with `clouds:` spelled
//! `"clouds":` (which the cut does not recognise) must load the same.
//!
//! Each property runs 2,000 cases; `PROPTEST_CASES=40000 cargo test --test
//! config_fuzz` runs a longer campaign.

use osprey::commands::quota::limits;
use osprey::config::{self, Config, ConfigEnv};
use proptest::prelude::*;
use proptest::test_runner::{Config as RunConfig, TestRunner};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

const CASES: u32 = 2_000;

/// Keys a cloud, a region or an auth section has, and some it should not.
const CLOUD_KEYS: &[&str] = &[
    "auth",
    "auth_url",
    "auth-url",
    "username",
    "password",
    "token",
    "auth_token",
    "application_credential_id",
    "application_credential_secret",
    "user_domain_name",
    "project_name",
    "tenant-name",
    "domain_id",
    "region_name",
    "regions",
    "name",
    "values",
    "profile",
    "cloud",
    "auth_type",
    "auth_plugin",
    "auth_methods",
    "api_timeout",
    "compute_timeout",
    "interface",
    "endpoint_type",
    "compute_interface",
    "compute_endpoint_override",
    "verify",
    "insecure",
    "cacert",
    "cert",
    "key",
    "networks",
    "external_network",
    "routes_externally",
    "nat_destination",
    "<<",
    "clouds",
    "public-clouds",
    "x",
];

const STRINGS: &[&str] = &[
    "",
    "R1",
    "R1,R2",
    "public",
    "publicURL",
    "bogus",
    "v3password",
    "v3applicationcredential",
    "v3multifactor",
    "token",
    "password",
    "https://k:5000/v3",
    "https://{region_name}.k",
    "{auth[username]}",
    "{",
    "}",
    "{0}",
    "{x:>4}",
    "yes",
    "no",
    "nan",
    "inf",
    "1e30",
    "-5",
    "ca.pem",
    "/",
    "~",
    "~/x",
    "envvars",
    "ö\u{0}\u{7f}",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(CLOUD_KEYS).prop_map(str::to_string),
        1 => "[a-z_-]{0,8}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => (-1e40f64..1e40).prop_map(Value::from),
        3 => prop::sample::select(STRINGS).prop_map(|s| Value::String(s.to_string())),
        1 => "[ -~]{0,12}".prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Settings with values that make sense for them, right or wrong.
fn setting() -> impl Strategy<Value = (String, Value)> {
    const PAIRS: &[(&str, &str)] = &[
        ("interface", "'internal'"),
        ("interface", "'publicURL'"),
        ("interface", "7"),
        ("interface", "['admin', null]"),
        ("compute_interface", "'adminURL'"),
        ("verify", "false"),
        ("verify", "'no'"),
        ("verify", "'maybe'"),
        ("verify", "null"),
        ("insecure", "'yes'"),
        ("insecure", "1"),
        ("cacert", "'~/ca.pem'"),
        ("api_timeout", "5"),
        ("api_timeout", "'5'"),
        ("api_timeout", "'abc'"),
        ("api_timeout", "-5"),
        ("api_timeout", "1e30"),
        ("image_timeout", "2.5"),
        ("region_name", "'R1'"),
        ("region_name", "'R1,R2'"),
        ("region_name", "['R1', 'R2']"),
        ("regions", "42"),
        ("regions", "{'R1': null}"),
        ("profile", "'p'"),
        ("profile", "'ovh'"),
        ("cloud", "'p'"),
        ("auth_type", "'v3applicationcredential'"),
        ("auth_type", "'token'"),
        ("auth_type", "'v3multifactor'"),
        ("auth_methods", "'v3password,v3totp'"),
        ("project_name", "'demo'"),
        ("project_domain_name", "'D'"),
        ("tenant_id", "'t'"),
        ("domain_id", "'d'"),
        ("external_network", "'ext'"),
        ("networks", "[{'name': 'n', 'default_interface': true}]"),
        ("password", "['a', 'b']"),
        ("token", "{'a': 1}"),
        ("auth_url", "'https://{region_name}.k'"),
        ("x", "'{auth[auth_url]}'"),
    ];
    prop_oneof![
        3 => prop::sample::select(PAIRS).prop_map(|(k, v)| {
            (k.to_string(), serde_yaml::from_str(v).unwrap_or(Value::Null))
        }),
        1 => (key(), value()),
    ]
}

/// A cloud that would resolve, with settings added over it.
fn plausible_cloud() -> impl Strategy<Value = Value> {
    let region = prop_oneof![
        Just(Value::from("R1")),
        Just(Value::from("R2")),
        prop::collection::vec(setting(), 0..3).prop_map(|values| {
            let values: Map<String, Value> = values.into_iter().collect();
            serde_json::json!({"name": "R3", "values": values})
        }),
    ];
    (
        prop::collection::vec(setting(), 0..5),
        prop::collection::vec(setting(), 0..2),
        prop::option::of(prop::collection::vec(region, 0..3)),
    )
        .prop_map(|(top, in_auth, regions)| {
            let mut auth: Map<String, Value> = [
                ("auth_url", "https://k/v3"),
                ("username", "u"),
                ("password", "p"),
                ("user_domain_name", "D"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), Value::from(v)))
            .collect();
            auth.extend(in_auth);
            let mut cloud = Map::new();
            cloud.insert("auth".into(), Value::Object(auth));
            if let Some(regions) = regions {
                cloud.insert("regions".into(), Value::Array(regions));
            }
            cloud.extend(top);
            Value::Object(cloud)
        })
}

/// A mapping of clouds (or profiles) under `top`, each mostly a mapping.
fn named(top: &'static str) -> impl Strategy<Value = Value> {
    let name = prop_oneof![
        4 => prop::sample::select(&["a", "b", "p", "envvars", "1", "x y"][..]).prop_map(str::to_string),
        1 => "[a-z0-9]{1,6}",
    ];
    let entry = prop_oneof![
        4 => plausible_cloud(),
        2 => prop::collection::vec((key(), value()), 0..10)
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        1 => value(),
    ];
    let document = prop::collection::vec((name, entry), 0..5).prop_map(move |clouds| {
        let mut top_map = Map::new();
        top_map.insert(top.to_string(), Value::Object(clouds.into_iter().collect()));
        Value::Object(top_map)
    });
    prop_oneof![6 => document, 1 => value()]
}

/// Lines of YAML-ish text at random depths under `clouds:`: valid,
/// half-valid and broken, with the YAML features the reader must handle.
fn yamlish() -> impl Strategy<Value = String> {
    const HEADS: &[&str] = &[
        "a:",
        "b:",
        "c:",
        "auth:",
        "auth_url:",
        "password:",
        "regions:",
        "- ",
        "- name:",
        "values:",
        "region_name:",
        "api_timeout:",
        "interface:",
        "verify:",
        "insecure:",
        "profile:",
        "<<:",
        "name:",
        "auth_type:",
        "networks:",
        "'q':",
        "\"a\":",
        "? ",
        ": ",
        "&x d:",
        "*x :",
        "\t",
        "# c",
        "",
        "clouds:",
        "x:",
        "1:",
        "true:",
        "---",
        "...",
    ];
    const TAILS: &[&str] = &[
        "",
        " 1",
        " -5",
        " 1e30",
        " .nan",
        " -.inf",
        " 99999999999999999999999",
        " -99999999999999999999999",
        " abc",
        " publicURL",
        " [R1, R2]",
        " {name: R1, values: {verify: false}}",
        " &x {k: v}",
        " *x",
        " !foo x",
        " !!str 5",
        " |",
        " >-",
        " \"open",
        " 'open",
        " [",
        " {",
        " '{region_name}'",
        " {auth_url: 'https://{region_name}'}",
        " yes",
        " no",
        " ~",
        " [a, b]",
        " v3password",
        " ca.pem",
        " 0",
        " true",
        " {<<: *x}",
        " # c",
        " \"a\n  b\"",
        " {a: 1, a: 2}",
    ];
    let line = (
        0usize..4,
        prop::sample::select(HEADS),
        prop::sample::select(TAILS),
    )
        .prop_map(|(depth, head, tail)| format!("{}{head}{tail}\n", "  ".repeat(depth)));
    prop::collection::vec(line, 0..24).prop_map(|lines| format!("clouds:\n{}", lines.concat()))
}

/// Bytes for a file: generated values as YAML, YAML-ish lines, raw bytes.
fn document(top: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => named(top).prop_map(|v| serde_yaml::to_string(&v).unwrap_or_default().into_bytes()),
        4 => yamlish().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ]
}

/// A hermetic home, working directory and site directory.
struct Sandbox {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        for d in ["cwd", "home"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        Sandbox { _dir: dir, root }
    }

    fn write(&self, name: &str, bytes: Option<&[u8]>) {
        let path = self.root.join("cwd").join(name);
        match bytes {
            Some(b) => std::fs::write(&path, b).unwrap(),
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }

    fn env(&self) -> ConfigEnv {
        let vars = [
            ("HOME", self.root.join("home")),
            ("XDG_CONFIG_DIRS", self.root.join("xdg")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.display().to_string()))
        .collect();
        let mut env = ConfigEnv::from_vars(vars, self.root.join("cwd"));
        env.site_config_dir = self.root.join("etc");
        env
    }
}

/// Everything a command could ask of a loaded configuration.
fn use_all(config: &Config) {
    let _ = config.show(false);
    let _ = config.show(true);
    for cloud in &config.clouds {
        let _ = cloud.configured();
        for region in ["", "R1", "elsewhere"] {
            let _ = cloud.region(region);
        }
    }
    let _ = config.cloud("a");
    let _ = config::ensure_clouds(config);
}

/// [`CASES`] cases, or as many as `PROPTEST_CASES` says for a longer run.
fn runner() -> TestRunner {
    let defaults = RunConfig::default();
    let cases = match std::env::var_os("PROPTEST_CASES") {
        Some(_) => defaults.cases,
        None => CASES,
    };
    TestRunner::new(RunConfig {
        cases,
        failure_persistence: None,
        ..defaults
    })
}

#[test]
fn issue_7_clouds_yaml_never_panics() {
    let sb = Sandbox::new();
    let env = sb.env();
    let files = (
        document("clouds"),
        prop::option::of(document("clouds")),
        prop::option::of(document("public-clouds")),
    );
    runner()
        .run(&files, |(clouds, secure, public)| {
            sb.write("clouds.yaml", Some(&clouds));
            sb.write("secure.yaml", secure.as_deref());
            sb.write("clouds-public.yaml", public.as_deref());
            if let Ok(config) = config::load(&env) {
                use_all(&config);
            }
            Ok(())
        })
        .unwrap();
}

/// What two loads must agree on.
fn summary(config: &anyhow::Result<Config>) -> Result<String, String> {
    let config = config
        .as_ref()
        .map_err(|e| format!("{:?}", osprey::error::describe(e).1))?;
    let clouds: Vec<String> = config
        .clouds
        .iter()
        .map(|c| format!("{} {:?} {:?}", c.name, c.home_region, c.regions))
        .collect();
    let shown = config.show(true);
    Ok(format!(
        "{clouds:?}\n{:?}\n{:?}\n{:?}",
        config.warnings, shown.rows, shown.warnings
    ))
}

#[test]
fn issue_7_clouds_read_per_cloud_as_a_whole() {
    let sb = Sandbox::new();
    let env = sb.env();
    let docs = prop_oneof![
        yamlish(),
        named("clouds").prop_map(|v| serde_yaml::to_string(&v).unwrap_or_default()),
    ];
    runner()
        .run(&docs, |text| {
            sb.write("clouds.yaml", Some(text.as_bytes()));
            let cut = config::load(&env);
            let whole = text.replacen("clouds:", "\"clouds\":", 1);
            sb.write("clouds.yaml", Some(whole.as_bytes()));
            let read = config::load(&env);
            // Error messages may differ by the column the quotes shift;
            // their hints and everything a load gives must not.
            prop_assert_eq!(summary(&cut), summary(&read), "{}", text);
            Ok(())
        })
        .unwrap();
}

#[test]
fn issue_7_limits_file_never_panics() {
    const KEYS: &[&str] = &[
        "projects",
        "defaults",
        "weights",
        "demo",
        "compute",
        "network",
        "volume",
        "cores",
        "ram",
        "instances",
        "port",
        "floating_ips",
        "gigabytes_ssd",
        "volumes_",
        "prod/*",
        "all",
        "<<",
        "",
    ];
    let limits_key = prop_oneof![
        4 => prop::sample::select(KEYS).prop_map(str::to_string),
        1 => "[a-z_/*]{0,8}",
    ];
    let number = prop_oneof![
        any::<i64>().prop_map(Value::from),
        Just(Value::from(-1)),
        (-1e20f64..1e20).prop_map(Value::from),
    ];
    let leaf = prop_oneof![number, leaf()];
    let tree = leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec((limits_key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    });
    let text = prop_oneof![
        4 => tree.prop_map(|v| serde_yaml::to_string(&v).unwrap_or_default()),
        2 => yamlish().prop_map(|t| t.replacen("clouds:", "projects:", 1)),
        2 => "(projects|defaults|weights|compute|  |cores|: |-1|99999999999999999999999|\n| |\\{|\\}|\\[|\\]|,|&a|\\*a|<<|'|\")*",
        1 => prop::collection::vec(any::<u8>(), 0..200)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ];
    runner()
        .run(&text, |text| {
            let _ = limits::parse(&text, Path::new("limits.yaml"));
            Ok(())
        })
        .unwrap();
}
