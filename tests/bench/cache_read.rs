//! Benchmark: what reading a cached token costs a site. Each of 100 clouds
//! (distinct identities, the catalog of a real Keystone token) has a cached
//! token; a run's sessions find theirs through the same calls a command
//! makes (`Auth::session`, `Session::token`). The target is < 1 ms a site.
//!
//! Run with `cargo bench --bench cache_read`.

use osprey::auth::Auth;
use osprey::auth::cache::Cache;
use osprey::auth::cache::token::{Identity, Secrets};
use osprey::config::ConfigEnv;
use std::sync::Arc;
use std::time::{Duration, Instant};

const CLOUDS: usize = 100;
const RUNS: usize = 7;
const TARGET: Duration = Duration::from_millis(1);

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut yaml = String::from("clouds:\n");
    for i in 0..CLOUDS {
        yaml.push_str(&format!(
            "  c{i}:\n    auth:\n      auth_url: http://keystone.invalid:5000/v3\n      \
             username: demo\n      password: secret-{i}\n      project_name: p{i}\n      \
             user_domain_name: Default\n      project_domain_name: Default\n    \
             region_name: RegionOne\n"
        ));
    }
    let clouds = dir.path().join("clouds.yaml");
    std::fs::write(&clouds, yaml).unwrap();
    let vars = [
        (
            "OS_CLIENT_CONFIG_FILE".to_string(),
            clouds.display().to_string(),
        ),
        ("HOME".to_string(), dir.path().display().to_string()),
    ];
    let config = osprey::config::load(&ConfigEnv::from_vars(
        vars.into_iter().collect(),
        dir.path().to_path_buf(),
    ))
    .unwrap();
    let regions: Vec<_> = config
        .clouds
        .iter()
        .map(|c| c.region("RegionOne").unwrap())
        .collect();

    // One cached token per cloud, with a real catalog.
    let cache = Cache::at(dir.path().join("cache"));
    let body: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/keystone_token.json")).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    for cfg in &regions {
        let mut token = osprey::auth::keystone::parse_token(Some("gAAAAABbench"), &body).unwrap();
        token.expires_at = Some(now + 3600);
        let url = cfg.auth.auth_url.clone().unwrap();
        cache.store_token(&Identity::of(cfg, &url), &Secrets::of(&cfg.auth), &token);
    }

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut per_site: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let auth = Auth::new(
                Arc::new(osprey::http::Http::new(0)),
                None,
                Some(cache.clone()),
            )
            .cache_only();
            let started = Instant::now();
            runtime.block_on(async {
                for cfg in &regions {
                    let session = auth.session(cfg, Duration::from_secs(30)).unwrap();
                    let token = session.token().await.expect("a cached token");
                    assert!(token.cached);
                }
            });
            started.elapsed() / CLOUDS as u32
        })
        .collect();
    per_site.sort();
    let median = per_site[RUNS / 2];
    println!(
        "cache read: {CLOUDS} sites, median {:.1} µs a site over {RUNS} runs (target < {} µs): {}",
        median.as_secs_f64() * 1e6,
        TARGET.as_micros(),
        if median < TARGET { "PASS" } else { "FAIL" }
    );
    if median >= TARGET {
        std::process::exit(1);
    }
}
