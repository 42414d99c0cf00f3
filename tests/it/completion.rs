//! Dynamic completion (issue 19): the shell calls `osprey` with `COMPLETE`
//! set and the words typed; the candidates come from the local clouds.yaml
//! and the token cache, never from a request.

use crate::common::Env;
use fakestack::{FakeStack, Spec};

const CLOUDS: &str = "\
clouds:
  prod:
    auth: {auth_url: 'http://127.0.0.1:9/v3', username: u, password: p}
    regions: [east, west]
  staging:
    auth: {auth_url: 'http://127.0.0.1:9/v3', username: u, password: p}
    region_name: lab
";

/// The candidates bash is given for the last of `words` (after `osprey`),
/// as bash's registration script asks for them.
fn bash(env: &Env, words: &[&str]) -> Vec<String> {
    let mut cmd = env.command(&["--", "osprey"]);
    cmd.args(words)
        .env("COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "false");
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn os_cloud_completes_the_configured_clouds() {
    let env = Env::with_clouds(CLOUDS);
    assert_eq!(bash(&env, &["--os-cloud", ""]), ["prod", "staging"]);
    assert_eq!(bash(&env, &["--os-cloud", "st"]), ["staging"]);
    assert_eq!(bash(&env, &["--os-cloud=p"]), ["--os-cloud=prod"]);
}

#[test]
fn site_flags_complete_cloud_and_region() {
    let env = Env::with_clouds(CLOUDS);
    let sites = ["prod/east", "prod/west", "staging/lab"];
    assert_eq!(
        bash(&env, &["--sites", ""]),
        [
            "prod/*",
            "prod/east",
            "prod/west",
            "staging/*",
            "staging/lab"
        ]
    );
    assert_eq!(bash(&env, &["--sites", "prod/e"]), ["prod/east"]);
    assert_eq!(
        bash(&env, &["--sites", "prod/east,st"]),
        ["prod/east,staging/*", "prod/east,staging/lab"]
    );
    assert_eq!(
        bash(&env, &["image", "mirror", "--from", ""]),
        sites,
        "--from"
    );
    assert_eq!(
        bash(&env, &["keypair", "import", "--to", "staging"]),
        ["staging/*", "staging/lab"]
    );
    assert_eq!(bash(&env, &["image", "ensure", "x", "--at", ""]), sites);
    assert_eq!(
        bash(&env, &["image", "sync", "x", "--canary", "prod/"]),
        ["prod/east", "prod/west"]
    );
}

#[test]
fn os_region_name_completes_the_regions_of_the_chosen_clouds() {
    let env = Env::with_clouds(CLOUDS);
    // No --os-cloud yet: every cloud's regions.
    assert_eq!(
        bash(&env, &["--os-region-name", ""]),
        ["east", "lab", "west"]
    );
    assert_eq!(
        bash(&env, &["--os-cloud", "prod", "--os-region-name", ""]),
        ["east", "west"]
    );
    assert_eq!(
        bash(
            &env,
            &[
                "--os-cloud=staging",
                "quota",
                "show",
                "--os-region-name",
                ""
            ]
        ),
        ["lab"]
    );
    assert_eq!(
        bash(
            &env,
            &[
                "--os-cloud",
                "prod",
                "--os-cloud",
                "staging",
                "--os-region-name",
                "east,l"
            ]
        ),
        ["east,lab"]
    );
    assert!(bash(&env, &["--os-cloud", "nowhere", "--os-region-name", ""]).is_empty());
    // $OS_CLOUD chooses when no --os-cloud does, as it does for the run.
    let mut env = env;
    env.set("OS_CLOUD", "staging");
    assert_eq!(bash(&env, &["--os-region-name", ""]), ["lab"]);
    assert_eq!(
        bash(&env, &["--os-cloud", "prod", "--os-region-name", ""]),
        ["east", "west"]
    );
}

#[test]
fn regions_come_from_the_cached_catalogs_without_a_request() {
    let stack = FakeStack::start(Spec::demo());
    let env = Env::with_clouds(&stack.clouds_yaml());
    // Before any login only the configured region is known.
    assert_eq!(
        bash(&env, &["--sites", "fake-a/"]),
        ["fake-a/*", "fake-a/RegionOne"]
    );
    assert_eq!(
        bash(&env, &["--os-cloud", "fake-a", "--os-region-name", ""]),
        ["RegionOne"]
    );
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    stack.reset_counters();
    assert_eq!(
        bash(&env, &["image", "mirror", "--from", "fake-a/"]),
        ["fake-a/RegionOne", "fake-a/RegionTwo"]
    );
    assert_eq!(
        bash(&env, &["--os-cloud", "fake-a", "--os-region-name", "Reg"]),
        ["RegionOne", "RegionTwo"]
    );
    assert!(stack.requests().is_empty(), "{:?}", stack.requests());
    // The cache can be turned off for completion as for everything else.
    let mut env = env;
    env.set("OSPREY_NO_TOKEN_CACHE", "1");
    assert_eq!(
        bash(&env, &["--sites", "fake-a/"]),
        ["fake-a/*", "fake-a/RegionOne"]
    );
}

/// What zsh and fish are given: zsh's index counts from the command, fish
/// sends the words typed so far.
#[test]
fn zsh_and_fish_get_the_same_candidates() {
    let env = Env::with_clouds(CLOUDS);
    let ask = |shell: &str, index: Option<usize>, words: &[&str]| {
        let mut cmd = env.command(&["--", "osprey"]);
        cmd.args(words)
            .env("COMPLETE", shell)
            .env("_CLAP_IFS", "\n");
        if let Some(i) = index {
            cmd.env("_CLAP_COMPLETE_INDEX", i.to_string());
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(ask("zsh", Some(2), &["--os-cloud", "p"]).trim_end(), "prod");
    assert_eq!(
        ask("fish", None, &["--sites", "staging/"]),
        "staging/*\nstaging/lab\n"
    );
    // The registration each shell sources names osprey.
    for shell in ["bash", "zsh", "fish"] {
        let out = env.command(&[]).env("COMPLETE", shell).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains("osprey"), "{shell}: {script}");
    }
}
