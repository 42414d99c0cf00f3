//! clouds.yaml configuration, resolved exactly as openstacksdk 4.x
//! (`openstack.config.loader.OpenStackConfig`) resolves it.
//!
//! Three stages: [`file`] finds and parses `clouds.yaml`, `secure.yaml` and
//! `clouds-public.yaml` into a mirror that keeps every key; [`loader`] ports
//! openstacksdk's (and keystoneauth's) resolution of one cloud in one
//! region; this module holds the resolved types the rest of osprey uses.
//!
//! Merge order, lowest first: openstacksdk's defaults, the cloud's vendor
//! profile (`profile:` in `clouds-public.yaml`), the cloud in `clouds.yaml`
//! with `secure.yaml` deep-merged over it, the region's `values`. The
//! `envvars` cloud (named by `OS_CLOUD_NAME`) is built from `OS_*`
//! variables when any besides the selectors (`OS_CLOUD`, `OS_REGION_NAME`,
//! `OS_CLIENT_CONFIG_FILE`, `OS_CLIENT_SECURE_FILE`, `OS_CLOUD_NAME`) is set.

mod defaults;
mod file;
mod fixes;
mod loader;
mod plugins;
mod python;
mod secret;
pub mod select;

pub use plugins::SUPPORTED_AUTH_TYPES;
pub use secret::Secret;

use crate::error::hinted;
use loader::{Loader, RegionSource};
use python::{Dict, py_str, truthy, yaml_truthy};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The keys of an `osprey config show` row, in order (openstackclient's
/// `configuration show`, plus the cloud and region).
pub const SHOW_COLUMNS: &[&str] = &[
    "cloud",
    "region",
    "auth_type",
    "auth_url",
    "username",
    "user_id",
    "user_domain_name",
    "user_domain_id",
    "project_name",
    "project_id",
    "project_domain_name",
    "project_domain_id",
    "domain_name",
    "domain_id",
    "application_credential_id",
    "application_credential_name",
    "system_scope",
    "interface",
    "verify",
    "cacert",
    "cert",
    "password",
    "application_credential_secret",
    "token",
];

/// Keys whose values never appear in `RegionConfig::raw` or in traces.
const SECRET_KEYS: &[&str] = &[
    "password",
    "token",
    "auth_token",
    "application_credential_secret",
    "passcode",
];

/// What configuration loading reads from the outside world. Tests build one
/// by hand (or with [`ConfigEnv::from_vars`]) to stay hermetic.
#[derive(Debug, Clone, Default)]
pub struct ConfigEnv {
    /// Environment variables (`OS_*`, `HOME`, `XDG_CONFIG_HOME`, ...).
    pub vars: BTreeMap<String, String>,
    /// The directory searched first.
    pub cwd: PathBuf,
    /// `$XDG_CONFIG_HOME/openstack`, else `~/.config/openstack`.
    pub user_config_dir: PathBuf,
    /// `/etc/openstack`, searched last.
    pub site_config_dir: PathBuf,
}

impl ConfigEnv {
    /// The running process's environment and working directory.
    pub fn from_process() -> Self {
        let vars = std::env::vars().collect();
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Self::from_vars(vars, cwd)
    }

    /// The directories openstacksdk would use for these variables (its
    /// `platformdirs` user config directory: an absolute `XDG_CONFIG_HOME`,
    /// else `$HOME/.config`).
    pub fn from_vars(vars: BTreeMap<String, String>, cwd: PathBuf) -> Self {
        let user_base = match vars
            .get("XDG_CONFIG_HOME")
            .filter(|p| Path::new(p).is_absolute())
        {
            Some(x) => PathBuf::from(x),
            None => home_dir(&vars)
                .unwrap_or_else(|| PathBuf::from("~"))
                .join(".config"),
        };
        ConfigEnv {
            vars,
            cwd,
            user_config_dir: user_base.join("openstack"),
            site_config_dir: PathBuf::from("/etc/openstack"),
        }
    }

    /// openstacksdk's `CONFIG_SEARCH_PATH`: the working directory, the user
    /// config directory, `~/.config/openstack` (`$SNAP_REAL_HOME` first),
    /// the XDG site directories and the site config directory.
    pub fn search_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.cwd.clone(), self.user_config_dir.clone()];
        let unix_home = self
            .var("SNAP_REAL_HOME")
            .or_else(|| self.vars.get("HOME").map(String::as_str));
        if let Some(home) = unix_home {
            dirs.push(Path::new(home).join(".config").join("openstack"));
        }
        // platformdirs joins several XDG site directories with ':' into one
        // string, which openstacksdk then uses as one directory; kept as is.
        let xdg: Vec<String> = self
            .vars
            .get("XDG_CONFIG_DIRS")
            .map(|v| {
                v.split(':')
                    .filter(|p| Path::new(p).is_absolute())
                    .map(|p| format!("{p}/openstack"))
                    .collect()
            })
            .unwrap_or_default();
        dirs.push(if xdg.is_empty() {
            PathBuf::from("/etc/xdg/openstack")
        } else {
            PathBuf::from(xdg.join(":"))
        });
        dirs.push(self.site_config_dir.clone());
        dirs
    }

    /// A variable that is set and not empty.
    fn var(&self, key: &str) -> Option<&str> {
        self.vars
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

fn home_dir(vars: &BTreeMap<String, String>) -> Option<PathBuf> {
    match vars.get("HOME").filter(|h| Path::new(h).is_absolute()) {
        Some(h) => Some(PathBuf::from(h)),
        None => directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
    }
}

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

/// One cloud in one region, fully resolved.
#[non_exhaustive]
#[derive(Clone, Debug)]
pub struct RegionConfig {
    pub cloud: String,
    pub region: String,
    pub source: Option<PathBuf>,
    pub auth_type: String,
    pub auth: AuthConfig,
    /// Default `public`.
    pub interface: String,
    /// False with `insecure: true` or `verify: false`.
    pub verify: bool,
    /// `~` expanded, as openstacksdk does when it uses them.
    pub cacert: Option<PathBuf>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    pub api_timeout: Option<f64>,
    /// Service key as written, `_` for `-` (`compute`, `block_storage`,
    /// `volumev3`, ...) → URL, from `*_endpoint_override` (or `*_endpoint`).
    pub endpoint_overrides: BTreeMap<String, String>,
    /// Service key → `*_interface`.
    pub interfaces: BTreeMap<String, String>,
    /// Service key → `*_api_version`.
    pub api_versions: BTreeMap<String, String>,
    /// The whole resolved dict, unknown keys kept; secret values replaced
    /// by `<masked>` (they are in `auth`).
    pub raw: Map<String, Value>,
}

/// The `auth` section after resolution.
#[derive(Clone, Debug, Default)]
pub struct AuthConfig {
    pub auth_url: Option<String>,
    pub username: Option<String>,
    pub user_id: Option<String>,
    pub user_domain_name: Option<String>,
    pub user_domain_id: Option<String>,
    pub project_name: Option<String>,
    pub project_id: Option<String>,
    pub project_domain_name: Option<String>,
    pub project_domain_id: Option<String>,
    pub domain_name: Option<String>,
    pub domain_id: Option<String>,
    pub application_credential_id: Option<String>,
    pub application_credential_name: Option<String>,
    pub system_scope: Option<String>,
    pub trust_id: Option<String>,
    pub password: Option<Secret>,
    pub token: Option<Secret>,
    pub application_credential_secret: Option<Secret>,
    pub passcode: Option<Secret>,
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
    let clouds_file = file::load_first(
        &file::candidates(&dirs, "clouds", first("OS_CLIENT_CONFIG_FILE")),
        &mut warnings,
    )?;
    let secure_file = file::load_first(
        &file::candidates(&dirs, "secure", first("OS_CLIENT_SECURE_FILE")),
        &mut warnings,
    )?;

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
        if let Some(loaded) = file::load_first(&candidates, &mut warnings)? {
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

impl RegionConfig {
    fn from_dict(
        cloud: &str,
        source: Option<PathBuf>,
        mut raw: Dict,
        home: Option<&Path>,
    ) -> RegionConfig {
        let text = |v: &Value| match v {
            Value::Null => None,
            other => Some(py_str(other)),
        };
        let get = |k: &str| raw.get(k).and_then(text);
        let auth_map = match raw.get("auth") {
            Some(Value::Object(a)) => a.clone(),
            _ => Dict::new(),
        };
        let a = |k: &str| auth_map.get(k).and_then(text);
        let s = |k: &str| a(k).map(Secret::new);
        let auth = AuthConfig {
            auth_url: a("auth_url"),
            username: a("username"),
            user_id: a("user_id"),
            user_domain_name: a("user_domain_name"),
            user_domain_id: a("user_domain_id"),
            project_name: a("project_name"),
            project_id: a("project_id"),
            project_domain_name: a("project_domain_name"),
            project_domain_id: a("project_domain_id"),
            domain_name: a("domain_name"),
            domain_id: a("domain_id"),
            application_credential_id: a("application_credential_id"),
            application_credential_name: a("application_credential_name"),
            system_scope: a("system_scope"),
            trust_id: a("trust_id"),
            password: s("password"),
            token: s("token"),
            application_credential_secret: s("application_credential_secret"),
            passcode: s("passcode"),
        };
        // CloudRegion.get_requests_verify_args: insecure wins, a missing
        // verify means true, a present-but-null one means false.
        let insecure = raw.get("insecure").is_some_and(yaml_truthy);
        let verify = !insecure && raw.get("verify").is_none_or(yaml_truthy);
        let path = |k: &str| {
            get(k)
                .filter(|p| !p.is_empty())
                .map(|p| expand_user(&p, home))
        };
        let interface = match raw.get("interface") {
            Some(Value::Array(a)) => a.iter().find_map(text),
            Some(v) => text(v),
            None => None,
        }
        .unwrap_or_else(|| "public".to_string());
        let api_timeout = match raw.get("api_timeout") {
            Some(Value::Number(n)) => n.as_f64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        };
        let suffixed = |suffix: &str| -> BTreeMap<String, String> {
            raw.iter()
                .filter_map(|(k, v)| {
                    let service = k.strip_suffix(suffix).filter(|s| !s.is_empty())?;
                    Some((service.to_string(), text(v).filter(|t| !t.is_empty())?))
                })
                .collect()
        };
        let mut endpoint_overrides = suffixed("_endpoint");
        endpoint_overrides.extend(suffixed("_endpoint_override"));
        let interfaces = suffixed("_interface");
        let api_versions = suffixed("_api_version");
        let region = get("region_name").unwrap_or_default();
        let auth_type = get("auth_type").unwrap_or_default();
        let cacert = path("cacert");
        let cert = path("cert");
        let key = path("key");
        mask(&mut raw);
        RegionConfig {
            cloud: cloud.to_string(),
            region,
            source,
            auth_type,
            auth,
            interface,
            verify,
            cacert,
            cert,
            key,
            api_timeout,
            endpoint_overrides,
            interfaces,
            api_versions,
            raw,
        }
    }

    /// The `config show` row: the [`SHOW_COLUMNS`] that are set.
    fn show_row(&self, unmask: bool) -> Map<String, Value> {
        let auth = self.raw.get("auth").and_then(Value::as_object);
        let mut row = Map::new();
        for key in SHOW_COLUMNS {
            let value = match *key {
                "cloud" => Some(Value::String(self.cloud.clone())),
                "region" => Some(Value::String(self.region.clone())),
                "verify" => Some(Value::Bool(self.verify)),
                "auth_type" | "interface" | "cacert" | "cert" => self.raw.get(*key).cloned(),
                "password" | "application_credential_secret" | "token" => {
                    let secret = match *key {
                        "password" => &self.auth.password,
                        "token" => &self.auth.token,
                        _ => &self.auth.application_credential_secret,
                    };
                    secret.as_ref().map(|s| {
                        let shown = if unmask { s.expose() } else { secret::MASK };
                        Value::String(shown.to_string())
                    })
                }
                _ => auth.and_then(|a| a.get(*key)).cloned(),
            };
            if let Some(v) = value.filter(|v| !v.is_null()) {
                row.insert(key.to_string(), v);
            }
        }
        row
    }
}

/// `os.path.expanduser` for `~` and `~/...`.
fn expand_user(p: &str, home: Option<&Path>) -> PathBuf {
    match (p.strip_prefix('~'), home) {
        (Some(""), Some(h)) => h.to_path_buf(),
        (Some(rest), Some(h)) if rest.starts_with('/') => h.join(rest.trim_start_matches('/')),
        _ => PathBuf::from(p),
    }
}

/// Replaces secret values (anywhere) with the mask.
fn mask(m: &mut Dict) {
    for (k, v) in m.iter_mut() {
        match v {
            Value::Object(inner) => mask(inner),
            Value::Array(items) => {
                for item in items.iter_mut() {
                    if let Value::Object(inner) = item {
                        mask(inner);
                    }
                }
            }
            Value::Null => {}
            other => {
                if SECRET_KEYS.contains(&k.as_str()) {
                    *other = Value::String(secret::MASK.to_string());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_dirs_follow_openstacksdk() {
        let vars: BTreeMap<String, String> = [
            ("HOME".to_string(), "/h".to_string()),
            ("XDG_CONFIG_HOME".to_string(), "/x".to_string()),
            ("XDG_CONFIG_DIRS".to_string(), "/a:/b".to_string()),
        ]
        .into();
        let env = ConfigEnv::from_vars(vars, PathBuf::from("/cwd"));
        let dirs: Vec<String> = env
            .search_dirs()
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        assert_eq!(
            dirs,
            [
                "/cwd",
                "/x/openstack",
                "/h/.config/openstack",
                "/a/openstack:/b/openstack",
                "/etc/openstack"
            ]
        );
        let env = ConfigEnv::from_vars(
            [("HOME".to_string(), "/h".to_string())].into(),
            PathBuf::from("/cwd"),
        );
        let dirs: Vec<String> = env
            .search_dirs()
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        assert_eq!(
            dirs,
            [
                "/cwd",
                "/h/.config/openstack",
                "/h/.config/openstack",
                "/etc/xdg/openstack",
                "/etc/openstack"
            ]
        );
    }

    #[test]
    fn secrets_are_masked_in_raw_and_debug() {
        let dict: Dict = serde_json::from_value(serde_json::json!({
            "auth_type": "password",
            "auth": {"auth_url": "http://k", "username": "u", "password": "hunter2"},
            "region_name": "R",
            "insecure": true,
            "cacert": "~/ca.pem",
            "compute_endpoint_override": "http://nova",
            "volumev3_interface": "internal",
            "identity_api_version": "3"
        }))
        .unwrap();
        let r = RegionConfig::from_dict("c", None, dict, Some(Path::new("/home/u")));
        assert_eq!(
            r.auth.password.as_ref().map(Secret::expose),
            Some("hunter2")
        );
        assert_eq!(r.raw["auth"]["password"], "<masked>");
        assert!(!format!("{r:?}").contains("hunter2"));
        assert!(!r.verify);
        assert_eq!(r.cacert, Some(PathBuf::from("/home/u/ca.pem")));
        assert_eq!(r.endpoint_overrides["compute"], "http://nova");
        assert_eq!(r.interfaces["volumev3"], "internal");
        assert_eq!(r.api_versions["identity"], "3");
        assert_eq!(r.interface, "public");
        let row = r.show_row(false);
        assert_eq!(row["password"], "<masked>");
        assert_eq!(row["cacert"], "~/ca.pem");
        assert_eq!(r.show_row(true)["password"], "hunter2");
    }
}
