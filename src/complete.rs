//! Dynamic shell completion (`source <(COMPLETE=bash osprey)`): cloud names,
//! region names and `cloud/region` sites from the clouds.yaml osprey would
//! load and from the catalogs in the token cache. Completion never logs in
//! nor sends a request: it must answer at once, offline too. Resource names
//! are not completed, since only a request could know them.

use crate::auth::cache::Cache;
use crate::auth::cache::token::Identity;
use crate::config::{self, CloudConfig, ConfigEnv};
use crate::error::redact_url;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::collections::BTreeSet;
use std::ffi::OsStr;

/// For `--os-cloud`: the clouds configured.
pub(crate) fn clouds() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let names = configured().iter().map(|c| c.name.clone()).collect();
        matching(names, current)
    })
}

/// For `--os-region-name`: the regions of the clouds named by the
/// `--os-cloud` flags already on the command line, else by `$OS_CLOUD`
/// (as the run would choose them), else of every cloud.
pub(crate) fn regions() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let mut clouds = configured();
        // A completer is given only the word being completed: the clouds
        // chosen so far are read from the words the shell passed.
        let words = std::env::args_os().map(|a| a.to_string_lossy().into_owned());
        let mut chosen = os_clouds(words.skip_while(|a| a != "--"));
        if chosen.is_empty()
            && let Ok(env) = std::env::var("OS_CLOUD")
        {
            chosen = os_clouds(["--os-cloud".to_string(), env].into_iter());
        }
        if !chosen.is_empty() {
            clouds.retain(|c| chosen.contains(&c.name));
        }
        let cache = token_cache();
        let all = clouds
            .iter()
            .flat_map(|c| known_regions(c, cache.as_ref()))
            .collect();
        matching(all, current)
    })
}

/// The cloud names given with `--os-cloud NAME` or `--os-cloud=NAME`
/// (repeated, comma lists) among `words`.
fn os_clouds(words: impl Iterator<Item = String>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut next_is_cloud = false;
    for word in words {
        let value = if next_is_cloud && !word.starts_with('-') {
            Some(word.as_str())
        } else {
            word.strip_prefix("--os-cloud=")
        };
        next_is_cloud = word == "--os-cloud";
        if let Some(value) = value {
            names.extend(value.split(',').filter(|n| !n.is_empty()).map(String::from));
        }
    }
    names
}

/// For a flag that takes one site (`--from`, `--at`, `--canary`): every
/// known `cloud/region`.
pub(crate) fn site() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| matching(known_sites(&configured()), current))
}

/// For a flag that takes site patterns (`--sites`, `--to`): every known
/// `cloud/region`, and `cloud/*` for each cloud.
pub(crate) fn sites() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let clouds = configured();
        let mut all = known_sites(&clouds);
        all.extend(clouds.iter().map(|c| format!("{}/*", c.name)));
        matching(all, current)
    })
}

/// The candidates that extend what was typed, sorted.
fn matching(mut all: Vec<String>, current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    all.sort();
    all.dedup();
    all.into_iter()
        .filter(|v| v.starts_with(current))
        .map(CompletionCandidate::new)
        .collect()
}

/// The clouds of the configuration osprey would load; none when it cannot
/// be loaded (a completion has nowhere to report why).
fn configured() -> Vec<CloudConfig> {
    config::load(&ConfigEnv::from_process())
        .map(|c| c.clouds)
        .unwrap_or_default()
}

/// `cloud/region` for the known regions of each cloud.
fn known_sites(clouds: &[CloudConfig]) -> Vec<String> {
    let cache = token_cache();
    clouds
        .iter()
        .flat_map(|cloud| {
            known_regions(cloud, cache.as_ref())
                .into_iter()
                .map(|r| format!("{}/{r}", cloud.name))
        })
        .collect()
}

/// The regions a cloud lists (`regions:`, `region_name`) and those its
/// cached catalog names.
fn known_regions(cloud: &CloudConfig, cache: Option<&Cache>) -> BTreeSet<String> {
    let mut regions: BTreeSet<String> = cloud.regions.iter().cloned().collect();
    regions.extend(cloud.home_region.iter().cloned());
    if let Some(cache) = cache {
        regions.extend(cached_regions(cloud, cache));
    }
    regions.retain(|r| !r.is_empty());
    regions
}

/// The user's token cache, unless `$OSPREY_NO_TOKEN_CACHE` turns it off
/// (read as `--no-token-cache` reads it).
fn token_cache() -> Option<Cache> {
    let off = std::env::var("OSPREY_NO_TOKEN_CACHE").is_ok_and(|v| {
        !matches!(
            v.to_ascii_lowercase().as_str(),
            "" | "0" | "false" | "no" | "off" | "n" | "f"
        )
    });
    if off { None } else { Cache::user() }
}

/// The regions in the catalog cached for the cloud's identity, whether or
/// not its token is still good: an old catalog still names the regions.
fn cached_regions(cloud: &CloudConfig, cache: &Cache) -> BTreeSet<String> {
    let region = cloud
        .home_region
        .clone()
        .or_else(|| cloud.regions.first().cloned())
        .unwrap_or_default();
    let Ok(cfg) = cloud.region(&region) else {
        return BTreeSet::new();
    };
    let Some(auth_url) = cfg.auth.auth_url.as_deref() else {
        return BTreeSet::new();
    };
    cache.cached_regions(&Identity::of(&cfg, &redact_url(auth_url)))
}
