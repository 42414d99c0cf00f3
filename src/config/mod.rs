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
//! Loading is linear in the files' size: a cloud is kept as where it is
//! written and resolved only when it is used ([`yaml`] says how a large
//! file is read cloud by cloud), so a problem with one cloud is reported
//! where that cloud is used, once.
//!
//! Merge order, lowest first: openstacksdk's defaults, the cloud's vendor
//! profile (`profile:` in `clouds-public.yaml`), the cloud in `clouds.yaml`
//! with `secure.yaml` deep-merged over it, the region's `values`. The
//! `envvars` cloud (named by `OS_CLOUD_NAME`) is built from `OS_*`
//! variables when any besides the selectors (`OS_CLOUD`, `OS_REGION_NAME`,
//! `OS_CLIENT_CONFIG_FILE`, `OS_CLIENT_SECURE_FILE`, `OS_CLOUD_NAME`) is set.

mod checks;
mod defaults;
mod env;
mod file;
mod fixes;
mod loader;
mod plugins;
mod python;
mod region;
mod secret;
pub(crate) mod yaml;

pub use env::ConfigEnv;
pub(crate) use file::{ReadFailure, read_text};
pub(crate) use plugins::SUPPORTED_AUTH_TYPES;
pub(crate) use region::{AuthConfig, RegionConfig, SHOW_COLUMNS};
pub(crate) use secret::{SECRET_KEYS, Secret};

use crate::error::hinted;
use env::home_dir;
use file::{Body, CloudsFile, CloudsKey};
use loader::{Clouds, Lint, Loader, Written};
use python::{Dict, merge_clouds};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Every cloud, as openstacksdk resolves the files and variables.
#[derive(Debug, Clone)]
pub struct Config {
    /// Sorted by name.
    pub clouds: Vec<CloudConfig>,
    /// `OS_CLOUD`; else the `envvars` cloud when one was built (as in
    /// openstacksdk). "The only cloud" is left to the caller.
    pub default_cloud: Option<String>,
    /// `OS_REGION_NAME` (a comma list): the regions to act on when no flag
    /// selects any.
    pub default_regions: Vec<String>,
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

/// Finds and reads the configuration.
///
/// Fails on what makes the files unusable (syntax, a top level or `clouds`
/// that is not a mapping, a file cloud named like the `envvars` cloud).
/// Clouds are resolved when they are used, not here: a cloud or region
/// whose settings openstacksdk would reject does not fail the load;
/// [`CloudConfig::region`] returns the error, and [`Config::show`] leaves it
/// out with a warning. The warnings here are about the files and about
/// settings that work but should change.
pub fn load(env: &ConfigEnv) -> anyhow::Result<Config> {
    let dirs = env.search_dirs();
    let first = |key: &str| env.var(key).map(|p| env.cwd.join(p));
    let find = |stem: &str, var: &'static str| {
        let named = first(var);
        let named_by = named.is_some().then_some(var);
        file::load_first(&file::candidates(&dirs, stem, named), named_by)
    };
    let clouds_found = find("clouds", "OS_CLIENT_CONFIG_FILE")?;
    let secure_found = find("secure", "OS_CLIENT_SECURE_FILE")?;
    // clouds-public.yaml matters only when a cloud names a profile, as in
    // openstacksdk (a broken one does not matter otherwise), which is known
    // once every cloud was read. It is read first, so that each cloud can be
    // looked at while it is in memory; its errors wait till then.
    let vendor = file::load_first(&file::candidates(&dirs, "clouds-public", None), None)
        .and_then(|found| found.map(read_vendor).transpose());
    let envvar_key = env
        .vars
        .get("OS_CLOUD_NAME")
        .cloned()
        .unwrap_or_else(|| "envvars".to_string());
    let mut loader = Loader {
        clouds: Clouds::default(),
        envvar_key: envvar_key.clone(),
        vendor: vendor.as_ref().ok().cloned().flatten(),
        home: home_dir(&env.vars),
        cwd: env.cwd.clone(),
    };

    let secure = match secure_found {
        Some(found) => Some(file::read_clouds(found, |_, _| ())?.0),
        None => None,
    };
    let secure_clouds: HashMap<&str, &Body> = match secure.as_ref().map(|f| &f.clouds) {
        Some(CloudsKey::Mapping(m)) => m.iter().map(|(n, b)| (n.as_str(), b)).collect(),
        _ => HashMap::new(),
    };
    let secure_path = secure.as_ref().map(|f| f.path.as_path());
    let clouds = match clouds_found {
        Some(found) => {
            let path = found.path.clone();
            let read = file::read_clouds(found, |name, cloud| -> anyhow::Result<Lint> {
                let our = match (secure_clouds.get(name), secure_path) {
                    (Some(body), Some(secure_path)) => {
                        merge_clouds(&cloud, &body.dict(), &format!("clouds.{name}"))
                            .map_err(|key| cannot_merge(secure_path, &path, &key))?
                    }
                    _ => cloud,
                };
                let source = Some(path.as_path());
                Ok(loader.lint(&Written { name, source, our }))
            })?;
            Some(read)
        }
        None => None,
    };

    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let read: Vec<&CloudsFile> = [clouds.as_ref().map(|c| &c.0), secure.as_ref()]
        .into_iter()
        .flatten()
        .collect();
    for f in &read {
        files.push(f.path.clone());
        if let Some(w) = file::exposure_warning(f) {
            warnings.push(w);
        }
        if matches!(f.clouds, CloudsKey::Absent) && f.other.as_ref().is_some_and(|o| !o.is_empty())
        {
            warnings.push(format!(
                "warning: {}: no 'clouds' key, so it defines no cloud\nhint: put each cloud under `clouds:`",
                f.path.display()
            ));
        }
    }
    if let [old, new] = read[..]
        && let (Some(o), Some(n)) = (&old.other, &new.other)
    {
        merge_clouds(o, n, "").map_err(|key| cannot_merge(&new.path, &old.path, &key))?;
    }

    // Each cloud in the files' order: clouds.yaml's, then those only in
    // secure.yaml; secure.yaml's settings are merged over clouds.yaml's when
    // the cloud is read.
    let mut lints: Vec<(String, Lint)> = Vec::new();
    let secure_key = secure.as_ref().map(|f| &f.clouds);
    if let Some((file, results)) = clouds
        && !matches!(secure_key, Some(CloudsKey::Null))
    {
        let source: Arc<Path> = Arc::from(file.path.as_path());
        match file.clouds {
            CloudsKey::Mapping(entries) => {
                loader.clouds.reserve(entries.len());
                lints.reserve(entries.len());
                for ((name, body), lint) in entries.into_iter().zip(results) {
                    loader.clouds.insert(&name, Some(&source), body);
                    lints.push((name, lint?));
                }
            }
            CloudsKey::Null if matches!(secure_key, Some(CloudsKey::Mapping(_))) => {
                let secure_path = secure_path.unwrap_or(&file.path);
                return Err(cannot_merge(secure_path, &file.path, "clouds"));
            }
            CloudsKey::Null | CloudsKey::Absent => {}
        }
    }
    if let Some(file) = &secure
        && let CloudsKey::Mapping(entries) = &file.clouds
    {
        let source: Arc<Path> = Arc::from(file.path.as_path());
        for (name, body) in entries {
            let new = !loader.clouds.contains(name);
            loader.clouds.insert(name, Some(&source), body.clone());
            if new {
                let source = Some(file.path.as_path());
                let our = body.dict();
                lints.push((name.clone(), loader.lint(&Written { name, source, our })));
            }
        }
    }

    if loader.clouds.contains(&envvar_key) {
        let loc = loader::location(loader.source(&envvar_key).as_deref(), &envvar_key);
        return Err(hinted(
            format!(
                "{loc}: the name '{envvar_key}' is reserved for the cloud built from OS_* variables"
            ),
            "rename the cloud, or set OS_CLOUD_NAME to another name for the OS_* cloud",
        ));
    }
    let mut default_cloud = env.var("OS_CLOUD").map(str::to_string);
    if let Some(envvars) = defaults::os_environ_cloud(&env.vars) {
        let name = envvar_key.as_str();
        let our = envvars.clone();
        lints.push((
            envvar_key.clone(),
            loader.lint(&Written {
                name,
                source: None,
                our,
            }),
        ));
        loader.clouds.insert(name, None, Body::Parsed(envvars));
        default_cloud.get_or_insert_with(|| envvar_key.clone());
    }

    if lints.iter().any(|(_, l)| l.wants_profile)
        && let Some((path, _)) = vendor?
    {
        files.push(path);
    }
    let loader = Arc::new(loader);
    let mut resolved = Vec::with_capacity(lints.len());
    for (name, lint) in lints {
        warnings.extend(lint.warnings);
        resolved.push(CloudConfig {
            source: loader.source(&name),
            name,
            home_region: lint.home_region,
            regions: lint.regions,
            loader: Arc::clone(&loader),
        });
    }
    resolved.sort_by(|a, b| a.name.cmp(&b.name));
    let mut seen = HashSet::new();
    warnings.retain(|w| seen.insert(w.clone()));
    let default_regions = env
        .var("OS_REGION_NAME")
        .unwrap_or_default()
        .split(',')
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    Ok(Config {
        clouds: resolved,
        default_cloud,
        default_regions,
        files,
        warnings,
    })
}

/// clouds-public.yaml's path and profiles.
fn read_vendor(found: file::Found) -> anyhow::Result<(PathBuf, Dict)> {
    let loaded = file::vendor_file(found)?;
    let path = loaded.path.clone();
    let profiles = file::vendor_profiles(loaded)?
        .public_clouds
        .unwrap_or_default();
    Ok((path, profiles))
}

fn cannot_merge(new: &Path, old: &Path, key: &str) -> anyhow::Error {
    hinted(
        format!(
            "{}: key '{key}' is a mapping, but in {} it is not, so they cannot be merged",
            new.display(),
            old.display()
        ),
        "secure.yaml is merged over clouds.yaml key by key: give the key the same shape in both",
    )
}

impl Config {
    /// The cloud named `name`, or an error listing the known ones.
    pub fn cloud(&self, name: &str) -> anyhow::Result<&CloudConfig> {
        // Sorted by name: a lookup stays cheap with many clouds.
        if let Ok(i) = self.clouds.binary_search_by(|c| c.name.as_str().cmp(name)) {
            return Ok(&self.clouds[i]);
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
        // A file of thousands of clouds must not make a line of megabytes.
        const LISTED: usize = 20;
        let mut known = names[..names.len().min(LISTED)].join(", ");
        if names.len() > LISTED {
            known.push_str(&format!(" and {} more", names.len() - LISTED));
        }
        let message = format!("unknown cloud '{name}'{place}; known clouds: {known}");
        match crate::error::closest(name, &names) {
            Some(best) => Err(hinted(message, format!("did you mean '{best}'?"))),
            None => Err(anyhow::anyhow!(message)),
        }
    }

    /// `osprey config show`: one row per configured cloud and region, as
    /// openstackclient's `configuration show` would print each.
    pub fn show_rows(&self, unmask: bool) -> Vec<Map<String, Value>> {
        self.show(unmask).rows
    }

    /// [`Config::show_rows`], and a warning for each cloud or region left
    /// out because it does not resolve: one per cloud when every region of
    /// the cloud fails alike.
    pub fn show(&self, unmask: bool) -> Shown {
        let mut shown = Shown::default();
        for cloud in &self.clouds {
            let regions = match cloud.loader.known_regions(&cloud.name, &mut Vec::new()) {
                Ok((known, _)) => region_names(&known),
                Err(e) => {
                    shown.warnings.push(skipped(&crate::error::describe(&e)));
                    continue;
                }
            };
            let mut failed: Vec<(String, (String, Vec<String>))> = Vec::new();
            for region in &regions {
                match cloud.region(region) {
                    Ok(r) => shown.rows.push(r.show_row(unmask)),
                    Err(e) => failed.push((region.clone(), crate::error::describe(&e))),
                }
            }
            // A cloud-wide mistake fails each region with the same words
            // but for the region's name: say it once, for the cloud.
            let strip = |region: &str, message: &str| {
                message.replacen(&format!(" (region {region})"), "", 1)
            };
            let alike = regions.len() > 1
                && failed.len() == regions.len()
                && failed
                    .iter()
                    .all(|(r, (m, _))| strip(r, m) == strip(&failed[0].0, &failed[0].1.0));
            if alike {
                let (region, (message, hints)) = &failed[0];
                shown
                    .warnings
                    .push(skipped(&(strip(region, message), hints.clone())));
            } else {
                shown
                    .warnings
                    .extend(failed.iter().map(|(_, described)| skipped(described)));
            }
        }
        shown
    }
}

/// What `osprey config show` prints: rows for stdout, warnings for stderr.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct Shown {
    pub rows: Vec<Map<String, Value>>,
    /// `warning: …; skipped` and its `hint:` lines, one string each.
    pub warnings: Vec<String>,
}

fn skipped((message, hints): &(String, Vec<String>)) -> String {
    let mut w = format!("warning: {message}; skipped");
    for h in hints {
        w.push_str(&format!("\nhint: {h}"));
    }
    w
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
            &self.loader.cwd,
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

/// A test's JSON object as the mapping the loaders work on.
#[cfg(test)]
fn dict(v: Value) -> Dict {
    match v {
        Value::Object(m) => m,
        _ => panic!("not an object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads() -> usize {
        yaml::READS.with(|n| n.get())
    }

    /// Issue 7: loading a 10 MB clouds.yaml took 8.4 s and 563 MB, because
    /// every cloud was resolved and several copies of every cloud's tree
    /// were kept. Without timing anything: loading reads each cloud once
    /// and keeps none of them parsed, and using one cloud reads only it.
    #[test]
    fn issue_7_loading_reads_each_cloud_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::from("clouds:\n");
        for i in 0..2_000 {
            text.push_str(&format!(
                "  c{i}:\n    auth: {{auth_url: 'https://k{i}', username: u, password: p, user_domain_name: D}}\n    regions: [R1, R2]\n"
            ));
        }
        std::fs::write(dir.path().join("clouds.yaml"), &text).unwrap();
        let env = ConfigEnv {
            cwd: dir.path().to_path_buf(),
            user_config_dir: dir.path().join("none"),
            site_config_dir: dir.path().join("none"),
            ..ConfigEnv::default()
        };
        let before = reads();
        let config = load(&env).unwrap();
        // Each cloud's piece, and the rest of the file.
        assert_eq!(reads() - before, 2_000 + 1);
        assert_eq!(config.clouds.len(), 2_000);
        assert_eq!(config.clouds[0].regions, ["R1", "R2"]);
        let kept_as_text = config.clouds[0]
            .loader
            .clouds
            .bodies()
            .all(|b| matches!(b, Body::Text { .. }));
        assert!(kept_as_text);

        let before = reads();
        let cloud = config.cloud("c1999").unwrap();
        let region = cloud.region("R2").unwrap();
        assert_eq!(region.auth.auth_url.as_deref(), Some("https://k1999"));
        assert_eq!(reads() - before, 1);

        let (msg, hints) = crate::error::describe(&config.cloud("c1999x").unwrap_err());
        assert!(msg.ends_with(", c1014 and 1980 more"), "{msg}");
        assert_eq!(hints, ["did you mean 'c1999'?"]);
    }
}
