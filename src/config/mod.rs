//! clouds.yaml configuration, resolved exactly as openstacksdk 4.x
//! (`openstack.config.loader.OpenStackConfig`) resolves it.
//!
//! Three stages: [`file`] finds (in the directories [`env`] lists) and parses
//! `clouds.yaml`, `secure.yaml` and `clouds-public.yaml` into a mirror that
//! keeps every key; [`loader`] ports openstacksdk's resolution of one cloud
//! in one region, on [`python`]'s value rules, from [`defaults`] through
//! [`fixes`] (the backwards-compatibility renames) to [`plugins`]
//! (keystoneauth's part); [`region`] holds the resolved types the rest of
//! osprey uses. This module ties them together: [`load`] and the clouds it
//! returns.
//!
//! Merge order, lowest first: openstacksdk's defaults, the cloud's vendor
//! profile (`profile:` in `clouds-public.yaml`), the cloud in `clouds.yaml`
//! with `secure.yaml` deep-merged over it, the region's `values`. The
//! `envvars` cloud (named by `OS_CLOUD_NAME`) is built from `OS_*`
//! variables when any besides the selectors (`OS_CLOUD`, `OS_REGION_NAME`,
//! `OS_CLIENT_CONFIG_FILE`, `OS_CLIENT_SECURE_FILE`, `OS_CLOUD_NAME`) is set.

mod defaults;
mod env;
mod file;
mod fixes;
mod loader;
mod plugins;
mod python;
mod region;
mod secret;
mod yaml;

pub use env::ConfigEnv;
pub(crate) use file::{ReadFailure, read_text};
pub use plugins::SUPPORTED_AUTH_TYPES;
pub use region::{AuthConfig, RegionConfig, SHOW_COLUMNS};
pub use secret::{SECRET_KEYS, Secret};

use crate::error::hinted;
use env::home_dir;
use loader::{Loader, RegionSource};
use python::{Dict, py_str, truthy};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// Every cloud, as openstacksdk resolves the files and variables.
#[derive(Debug, Clone)]
pub struct Config {
    /// Sorted by name.
    pub clouds: Vec<CloudConfig>,
    /// `OS_CLOUD`; else the `envvars` cloud when one was built (as in
    /// openstacksdk). "The only cloud" is left to the caller.
    pub default_cloud: Option<String>,
    /// The files read: clouds, secure, vendor profiles.
    pub files: Vec<PathBuf>,
    /// Lines for stderr, each `warning: ...` followed by `hint: ...` lines.
    pub warnings: Vec<String>,
}

/// One cloud: resolve it for a region with [`CloudConfig::region`].
#[non_exhaustive]
#[derive(Clone)]
pub struct CloudConfig {
    pub name: String,
    /// The file that defines it; `None` for the `envvars` cloud.
    pub source: Option<PathBuf>,
    /// `region_name` (the first, for a comma list).
    pub home_region: Option<String>,
    /// The names under `regions:` (or a multi-valued `region_name`); empty
    /// when the regions are to be found in the Keystone catalog.
    pub regions: Vec<String>,
    loader: Arc<Loader>,
}

impl fmt::Debug for CloudConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CloudConfig")
            .field("name", &self.name)
            .field("source", &self.source)
            .field("home_region", &self.home_region)
            .field("regions", &self.regions)
            .finish_non_exhaustive()
    }
}

/// Finds, parses and resolves the configuration.
///
/// Fails on what makes the files unusable (syntax, a top level or `clouds`
/// that is not a mapping, a file cloud named like the `envvars` cloud). A
/// cloud or region whose settings openstacksdk would reject does not fail
/// the load: it gets a warning, is left out of [`Config::show_rows`], and
/// [`CloudConfig::region`] returns the error.
pub fn load(env: &ConfigEnv) -> anyhow::Result<Config> {
    let dirs = env.search_dirs();
    let mut warnings = Vec::new();
    let first = |key: &str| env.var(key).map(|p| env.cwd.join(p));
    let load = |stem: &str, var: &'static str| {
        let named = first(var);
        let named_by = named.is_some().then_some(var);
        file::load_first(&file::candidates(&dirs, stem, named), named_by)
    };
    let clouds_file = load("clouds", "OS_CLIENT_CONFIG_FILE")?;
    let secure_file = load("secure", "OS_CLIENT_SECURE_FILE")?;

    let mut files = Vec::new();
    let mut tops: Vec<(&file::Loaded, Dict)> = Vec::new();
    for loaded in [&clouds_file, &secure_file].into_iter().flatten() {
        files.push(loaded.path.clone());
        if let Some(w) = file::exposure_warning(loaded) {
            warnings.push(w);
        }
        let Some(top) = file::top_level(loaded)? else {
            continue;
        };
        if top.is_empty() {
            continue;
        }
        if !top.contains_key("clouds") {
            warnings.push(format!(
                "warning: {}: no 'clouds' key, so it defines no cloud\nhint: put each cloud under `clouds:`",
                loaded.path.display()
            ));
        }
        file::clouds_file(&top, &loaded.path.display().to_string())?;
        tops.push((loaded, top));
    }
    let mut sources: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut merged = Dict::new();
    for (i, (loaded, top)) in tops.iter().enumerate() {
        if let Some(Value::Object(clouds)) = top.get("clouds") {
            for name in clouds.keys() {
                sources
                    .entry(name.clone())
                    .or_insert_with(|| loaded.path.clone());
            }
        }
        merged = if i == 0 {
            top.clone()
        } else {
            python::merge_clouds(&merged, top, "").map_err(|key| {
                hinted(
                    format!(
                        "{}: key '{key}' is a mapping, but in {} it is not, so they cannot be merged",
                        loaded.path.display(),
                        tops[0].0.path.display()
                    ),
                    "secure.yaml is merged over clouds.yaml key by key: give the key the same shape in both",
                )
            })?
        };
    }
    let origin = files
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" + ");
    let mut clouds = file::clouds_file(&merged, &origin)?
        .clouds
        .unwrap_or_default();

    let envvar_key = env
        .vars
        .get("OS_CLOUD_NAME")
        .cloned()
        .unwrap_or_else(|| "envvars".to_string());
    if clouds.contains_key(&envvar_key) {
        let loc = loader::location(sources.get(&envvar_key).map(PathBuf::as_path), &envvar_key);
        return Err(hinted(
            format!(
                "{loc}: the name '{envvar_key}' is reserved for the cloud built from OS_* variables"
            ),
            "rename the cloud, or set OS_CLOUD_NAME to another name for the OS_* cloud",
        ));
    }
    let mut default_cloud = env.var("OS_CLOUD").map(str::to_string);
    if let Some(envvars) = defaults::os_environ_cloud(&env.vars) {
        clouds.insert(envvar_key.clone(), Value::Object(envvars));
        default_cloud.get_or_insert_with(|| envvar_key.clone());
    }

    // clouds-public.yaml is read only when a cloud names a profile, as in
    // openstacksdk (a broken one does not matter otherwise).
    let wants_profile = clouds.values().any(|c| {
        c.get("profile")
            .or_else(|| c.get("cloud"))
            .is_some_and(truthy)
    });
    let mut vendor = None;
    if wants_profile {
        let candidates = file::candidates(&dirs, "clouds-public", None);
        if let Some(loaded) = file::load_first(&candidates, None)? {
            files.push(loaded.path.clone());
            let profiles = file::vendor_file(&loaded)?
                .public_clouds
                .unwrap_or_default();
            vendor = Some((loaded.path, profiles));
        }
    }

    let loader = Arc::new(Loader {
        clouds,
        sources,
        envvar_key,
        vendor,
        home: home_dir(&env.vars),
    });
    let mut resolved = Vec::new();
    for name in loader.clouds.keys() {
        resolved.push(CloudConfig::new(name, &loader, &mut warnings));
    }
    resolved.sort_by(|a, b| a.name.cmp(&b.name));
    let mut seen = std::collections::HashSet::new();
    warnings.retain(|w| seen.insert(w.clone()));
    Ok(Config {
        clouds: resolved,
        default_cloud,
        files,
        warnings,
    })
}

impl Config {
    /// The cloud named `name`, or an error listing the known ones.
    pub fn cloud(&self, name: &str) -> anyhow::Result<&CloudConfig> {
        if let Some(c) = self.clouds.iter().find(|c| c.name == name) {
            return Ok(c);
        }
        let names: Vec<&str> = self.clouds.iter().map(|c| c.name.as_str()).collect();
        if names.is_empty() {
            let message = match self.files.first() {
                Some(f) => format!("unknown cloud '{name}': {} defines no clouds", f.display()),
                None => format!(
                    "unknown cloud '{name}': no clouds.yaml found and no OS_* variables set"
                ),
            };
            return Err(hinted(
                message,
                "put clouds.yaml in the current directory, ~/.config/openstack or /etc/openstack, or set OS_CLIENT_CONFIG_FILE",
            ));
        }
        let place = match self.files.first() {
            Some(f) => format!(" in {}", f.display()),
            None => String::new(),
        };
        let message = format!(
            "unknown cloud '{name}'{place}; known clouds: {}",
            names.join(", ")
        );
        match crate::error::closest(name, &names) {
            Some(best) => Err(hinted(message, format!("did you mean '{best}'?"))),
            None => Err(anyhow::anyhow!(message)),
        }
    }

    /// `osprey config show`: one row per configured cloud and region, as
    /// openstackclient's `configuration show` would print each; regions
    /// that do not resolve are left out (they are in `warnings`).
    pub fn show_rows(&self, unmask: bool) -> Vec<Map<String, Value>> {
        let mut rows = Vec::new();
        for cloud in &self.clouds {
            let Ok((regions, _)) = cloud.loader.known_regions(&cloud.name, &mut Vec::new()) else {
                continue;
            };
            for region in region_names(&regions) {
                if let Ok(r) = cloud.region(&region) {
                    rows.push(r.show_row(unmask));
                }
            }
        }
        rows
    }
}

/// The region names `get_all` visits: the known ones, else `""`.
fn region_names(known: &[loader::RegionEntry]) -> Vec<String> {
    if known.is_empty() {
        vec![String::new()]
    } else {
        known.iter().map(|r| r.name.clone()).collect()
    }
}

impl CloudConfig {
    fn new(name: &str, loader: &Arc<Loader>, warnings: &mut Vec<String>) -> CloudConfig {
        let mut cloud = CloudConfig {
            name: name.to_string(),
            source: loader.source(name),
            home_region: None,
            regions: Vec::new(),
            loader: Arc::clone(loader),
        };
        let warn = |warnings: &mut Vec<String>, e: &anyhow::Error| {
            let (message, hints) = crate::error::describe(e);
            let mut w = format!("warning: {message}; skipped");
            for h in hints {
                w.push_str(&format!("\nhint: {h}"));
            }
            warnings.push(w);
        };
        if let Ok(base) = loader.base_cloud_config(name, warnings) {
            cloud.home_region = match python::normalize_keys(&base).get("region_name") {
                Some(Value::String(s)) => s.split(',').next().map(str::to_string),
                Some(Value::Array(a)) => a.first().map(py_str),
                _ => None,
            }
            .filter(|r| !r.is_empty());
        }
        match loader.known_regions(name, warnings) {
            Ok((known, source)) => {
                if source == RegionSource::List || known.len() > 1 {
                    cloud.regions = known.iter().map(|r| r.name.clone()).collect();
                }
                for region in region_names(&known) {
                    if let Err(e) = loader.get_one(name, &region, warnings) {
                        warn(warnings, &e);
                    }
                }
            }
            Err(e) => warn(warnings, &e),
        }
        cloud
    }

    /// The cloud resolved for `region` (its `regions:` values overlaid
    /// when listed there). Works for any region name, so that regions found
    /// in the Keystone catalog resolve too.
    pub fn region(&self, region: &str) -> anyhow::Result<RegionConfig> {
        let dict = self.loader.get_one(&self.name, region, &mut Vec::new())?;
        Ok(RegionConfig::from_dict(
            &self.name,
            self.source.clone(),
            dict,
            self.loader.home.as_deref(),
        ))
    }

    /// As openstacksdk's `get_all()`: one per `regions:` entry, else one for
    /// `region_name`, else one with region `""`.
    pub fn configured(&self) -> anyhow::Result<Vec<RegionConfig>> {
        let (known, _) = self.loader.known_regions(&self.name, &mut Vec::new())?;
        region_names(&known)
            .iter()
            .map(|r| self.region(r))
            .collect()
    }
}

/// An error, with a hint, when no file and no environment configured a cloud.
pub fn ensure_clouds(config: &Config) -> anyhow::Result<()> {
    if !config.clouds.is_empty() {
        return Ok(());
    }
    let files = if config.files.is_empty() {
        "no clouds.yaml was found".to_string()
    } else {
        let list: Vec<String> = config
            .files
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        format!("no clouds in {}", list.join(", "))
    };
    Err(hinted(
        format!("no clouds configured: {files}"),
        "create ~/.config/openstack/clouds.yaml, or set OS_CLIENT_CONFIG_FILE (or OS_AUTH_URL and friends)",
    ))
}
