//! The loader: openstacksdk's resolution of one cloud and region
//! (`loader.py` `OpenStackConfig.get_one`, as `get_all` calls it), ported
//! step by step.
//!
//! The port works on ordered JSON maps with Python's value rules
//! ([`super::python`] says why). Each step names the Python function it
//! mirrors.
//!
//! keystoneauth's part, `_validate_auth` and the plugins' checks, is in
//! [`super::plugins`].

use super::checks;
use super::defaults::{BUILTIN_VENDORS, defaults};
use super::file::Body;
use super::file::kind;
use super::fixes::{legacy_networks, magic_fixes};
use super::plugins::validate_auth;
use super::python::merge_clouds;
use super::python::{
    Dict, auth_update, normalize_keys, normalized_get, py_format, py_repr, py_str, spelled_get,
    truthy,
};
use crate::error::hinted;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A region entry of a cloud (`loader._expand_regions`).
#[derive(Debug, Clone)]
pub(crate) struct RegionEntry {
    pub(crate) name: String,
    pub(crate) values: Dict,
}

/// Where a cloud's known regions came from (`_get_known_regions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RegionSource {
    /// A `regions:` list (the cloud's or its profile's).
    List,
    /// `region_name` (one name, or a deprecated comma list).
    RegionName,
    None,
}

/// Everything a cloud's resolution reads: openstacksdk's `OpenStackConfig`
/// state after `__init__`.
#[derive(Debug, Clone)]
pub(crate) struct Loader {
    /// `cloud_config['clouds']`, the envvars cloud included.
    pub(crate) clouds: Clouds,
    pub(crate) envvar_key: String,
    /// `clouds-public.yaml`'s `public-clouds`, when it was read.
    pub(crate) vendor: Option<(PathBuf, Dict)>,
    /// `$HOME`, for `~` in certificate paths.
    pub(crate) home: Option<PathBuf>,
    /// The working directory, for a relative CA bundle path in `verify`.
    pub(crate) cwd: PathBuf,
}

/// Every cloud as written, by name: where its settings are in clouds.yaml
/// and secure.yaml (deep-merged when it is read) and which file defines it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Clouds {
    entries: Vec<Entry>,
    by_name: HashMap<String, usize>,
}

#[derive(Debug, Clone)]
struct Entry {
    /// The first file that defines it; `None` for `OS_*` variables.
    source: Option<Arc<Path>>,
    /// clouds.yaml's settings, then secure.yaml's.
    bodies: Vec<Body>,
}

impl Clouds {
    /// Adds a cloud, or more settings for one already added.
    pub(crate) fn insert(&mut self, name: &str, source: Option<&Arc<Path>>, body: Body) {
        if let Some(&i) = self.by_name.get(name) {
            self.entries[i].bodies.push(body);
            return;
        }
        self.by_name.insert(name.to_string(), self.entries.len());
        self.entries.push(Entry {
            source: source.cloned(),
            bodies: vec![body],
        });
    }

    /// Room for `n` more clouds.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.entries.reserve(n);
        self.by_name.reserve(n);
    }

    pub(crate) fn contains(&self, name: &str) -> bool {
        self.by_name.contains_key(name)
    }

    /// The cloud's settings, read from where they are written.
    fn written<'a>(&'a self, name: &'a str) -> Written<'a> {
        let Some(entry) = self.by_name.get(name).map(|&i| &self.entries[i]) else {
            return Written {
                name,
                source: None,
                our: Dict::new(),
            };
        };
        let mut bodies = entry.bodies.iter().map(Body::dict);
        let first = bodies.next().unwrap_or_default();
        // Loading merged each cloud once already, so this cannot fail.
        let our = bodies.fold(first, |old, new| {
            merge_clouds(&old, &new, "").unwrap_or(old)
        });
        Written {
            name,
            source: entry.source.as_deref(),
            our,
        }
    }

    /// Where every cloud's settings are, for tests.
    #[cfg(test)]
    pub(crate) fn bodies(&self) -> impl Iterator<Item = &Body> {
        self.entries.iter().flat_map(|e| &e.bodies)
    }

    /// Tests build clouds from one mapping.
    #[cfg(test)]
    pub(crate) fn from_dict(clouds: Dict) -> Clouds {
        let mut out = Clouds::default();
        for (name, cloud) in clouds {
            let Value::Object(cloud) = cloud else {
                continue;
            };
            out.insert(&name, None, Body::Parsed(cloud));
        }
        out
    }
}

/// One cloud as written (clouds.yaml with secure.yaml merged over it) and
/// where, for messages.
pub(crate) struct Written<'a> {
    pub(crate) name: &'a str,
    pub(crate) source: Option<&'a Path>,
    pub(crate) our: Dict,
}

impl Written<'_> {
    fn loc(&self) -> String {
        location(self.source, self.name)
    }

    fn loc_region(&self, region: &str) -> String {
        if region.is_empty() {
            self.loc()
        } else {
            format!("{} (region {region})", self.loc())
        }
    }
}

/// What loading learns about a cloud without resolving it: enough to list
/// it and its regions, and the warnings about settings that work but
/// should change. Errors wait until the cloud is used.
#[derive(Debug, Default)]
pub(crate) struct Lint {
    pub(crate) home_region: Option<String>,
    /// The names under `regions:` (or a multi-valued `region_name`).
    pub(crate) regions: Vec<String>,
    /// Whether it names a vendor profile.
    pub(crate) wants_profile: bool,
    pub(crate) warnings: Vec<String>,
}

/// A warning when certificate checks are off in the cloud, or in some of
/// its regions: once per cloud.
fn tls_warning(c: &Written, base: &Dict, known: &[RegionEntry]) -> Option<String> {
    // A region's values override the cloud's, where set (`None` never
    // overrides).
    let off = |values: &Dict| {
        let pick = |key: &str| {
            values
                .get(key)
                .filter(|v| !v.is_null())
                .or_else(|| base.get(key))
        };
        checks::tls_off(pick("insecure"), pick("verify"))
    };
    let none = Dict::new();
    let regions: Vec<(&str, &Dict)> = if known.is_empty() {
        vec![("", &none)]
    } else {
        known.iter().map(|r| (r.name.as_str(), &r.values)).collect()
    };
    let offs: Vec<(&str, &str)> = regions
        .iter()
        .filter_map(|(name, values)| off(values).map(|what| (*name, what)))
        .collect();
    let (region, what) = *offs.first()?;
    let loc = if offs.len() == regions.len() {
        c.loc()
    } else {
        c.loc_region(region)
    };
    let key = what.split(' ').next().unwrap_or(what);
    Some(format!(
        "warning: {loc}: {what}: TLS certificates are not checked\nhint: set `cacert` to the CA bundle that signed the cloud's certificates and remove `{key}`"
    ))
}

/// Where a cloud comes from, for messages: `/path/clouds.yaml: clouds.NAME`.
pub(crate) fn location(source: Option<&Path>, cloud: &str) -> String {
    match source {
        Some(p) => format!("{}: clouds.{cloud}", p.display()),
        None => format!("cloud '{cloud}' (from OS_* variables)"),
    }
}

impl Loader {
    pub(crate) fn source(&self, cloud: &str) -> Option<PathBuf> {
        let i = self.clouds.by_name.get(cloud)?;
        self.clouds.entries[*i]
            .source
            .as_deref()
            .map(Path::to_path_buf)
    }

    /// See [`Lint`].
    pub(crate) fn lint(&self, c: &Written) -> Lint {
        let mut lint = Lint {
            wants_profile: c
                .our
                .get("profile")
                .or_else(|| c.our.get("cloud"))
                .is_some_and(truthy),
            ..Lint::default()
        };
        let warns = &mut lint.warnings;
        // The base config, less openstacksdk's defaults: they set neither
        // `region_name` nor anything that turns certificate checks off.
        let mut profile = Dict::new();
        let base = match self.expand_vendor_profile(c, &mut profile, warns) {
            Ok(()) if profile.is_empty() => {
                let auth_ok = c.our.get("auth").is_none_or(Value::is_object);
                auth_ok.then_some(Cow::Borrowed(&c.our))
            }
            Ok(()) => {
                profile
                    .entry("auth")
                    .or_insert_with(|| Value::Object(Dict::new()));
                auth_update(&mut profile, &c.our)
                    .ok()
                    .map(|()| Cow::Owned(profile))
            }
            Err(_) => None,
        };
        lint.home_region = match base
            .as_deref()
            .and_then(|b| normalized_get(b, "region_name"))
        {
            Some(Value::String(s)) => s.split(',').next().map(str::to_string),
            Some(Value::Array(a)) => a.first().map(py_str),
            _ => None,
        }
        .filter(|r| !r.is_empty());
        if let Ok((known, source)) = self.known_regions_of(c, warns) {
            if let Some(base) = &base {
                // Where the cloud sets it, once; else where a region does.
                warns.extend(legacy_networks(base, || c.loc()));
                for region in &known {
                    warns.extend(legacy_networks(&region.values, || {
                        c.loc_region(&region.name)
                    }));
                }
                warns.extend(tls_warning(c, base, &known));
            }
            if source == RegionSource::List || known.len() > 1 {
                lint.regions = known.into_iter().map(|r| r.name).collect();
            }
        }
        lint
    }

    /// `_expand_vendor_profile`: lays the cloud's profile under `cloud`.
    fn expand_vendor_profile(
        &self,
        c: &Written,
        cloud: &mut Dict,
        warns: &mut Vec<String>,
    ) -> anyhow::Result<()> {
        let our = &c.our;
        let profile = match our.get("profile") {
            Some(p) => p.clone(),
            None => our.get("cloud").cloned().unwrap_or(Value::Null),
        };
        if !truthy(&profile) {
            return Ok(());
        }
        let profile = py_str(&profile);
        if profile == self.envvar_key {
            return Ok(());
        }
        let loc = c.loc();
        if our.contains_key("cloud") {
            warns.push(format!(
                "warning: {loc}: key 'cloud' naming a vendor profile is deprecated\nhint: rename it to 'profile'"
            ));
        }
        if let Some((path, profiles)) = &self.vendor
            && let Some(data) = profiles.get(&profile)
        {
            let Value::Object(data) = data else {
                return Err(hinted(
                    format!(
                        "{}: key 'public-clouds.{profile}' must be a mapping",
                        path.display()
                    ),
                    "a profile holds the same settings as a cloud in clouds.yaml",
                ));
            };
            return auth_update(cloud, data).map_err(|key| {
                hinted(
                    format!(
                        "{}: key 'public-clouds.{profile}.{key}' must be a mapping",
                        path.display()
                    ),
                    "write the profile's auth settings indented under `auth:`",
                )
            });
        }
        let public = match &self.vendor {
            Some((p, _)) => format!("{} has no profile '{profile}'", p.display()),
            None => "no clouds-public.yaml was found".to_string(),
        };
        let warning = if BUILTIN_VENDORS.contains(&profile.as_str()) {
            format!(
                "warning: {loc}: profile '{profile}' is one of openstacksdk's built-in vendor profiles, \
                 which osprey does not ship, and {public}\nhint: copy the profile into clouds-public.yaml \
                 under `public-clouds:`, or write its settings into the cloud"
            )
        } else if profile.contains("://") {
            format!(
                "warning: {loc}: profile '{profile}' is a URL; osprey does not fetch remote profiles\n\
                 hint: copy the profile into clouds-public.yaml under `public-clouds:`"
            )
        } else {
            format!(
                "warning: {loc}: couldn't find the vendor profile '{profile}' ({public})\nhint: add it to \
                 clouds-public.yaml under `public-clouds:`, or remove the `profile` key"
            )
        };
        warns.push(warning);
        Ok(())
    }

    /// `_get_known_regions`.
    pub(crate) fn known_regions(
        &self,
        name: &str,
        warns: &mut Vec<String>,
    ) -> anyhow::Result<(Vec<RegionEntry>, RegionSource)> {
        self.known_regions_of(&self.clouds.written(name), warns)
    }

    fn known_regions_of(
        &self,
        c: &Written,
        warns: &mut Vec<String>,
    ) -> anyhow::Result<(Vec<RegionEntry>, RegionSource)> {
        if let Some(regions) = spelled_get(&c.our, "regions") {
            // Normalizing makes a number a string: judge the shape first.
            let regions = match regions {
                Value::Array(_) | Value::Object(_) => normalized_get(&c.our, "regions"),
                other => return Err(self.not_a_region_list(c, other)),
            };
            let regions = regions.unwrap_or_default();
            return Ok((self.expand_regions(c, &regions)?, RegionSource::List));
        }
        if let Some(region_name) = normalized_get(&c.our, "region_name") {
            let names: Vec<Value> = match region_name {
                Value::Array(a) => a,
                Value::String(s) => s.split(',').map(|r| Value::String(r.to_string())).collect(),
                other => {
                    return Err(hinted(
                        format!(
                            "{}.region_name must be a string, found {}",
                            c.loc(),
                            kind(&other)
                        ),
                        "e.g. `region_name: RegionOne`; list several under `regions:`",
                    ));
                }
            };
            if names.len() > 1 {
                warns.push(format!(
                    "warning: {}: a comma-separated region_name is deprecated\nhint: list the regions under `regions:`",
                    c.loc()
                ));
            }
            return Ok((
                self.expand_regions(c, &Value::Array(names))?,
                RegionSource::RegionName,
            ));
        }
        let mut new_cloud = Dict::new();
        self.expand_vendor_profile(c, &mut new_cloud, warns)?;
        if let Some(regions) = new_cloud.get("regions").filter(|r| truthy(r)) {
            return Ok((self.expand_regions(c, regions)?, RegionSource::List));
        }
        if let Some(region) = new_cloud.get("region_name").filter(|r| truthy(r)) {
            return Ok((
                vec![RegionEntry {
                    name: py_str(region),
                    values: Dict::new(),
                }],
                RegionSource::RegionName,
            ));
        }
        Ok((Vec::new(), RegionSource::None))
    }

    fn not_a_region_list(&self, c: &Written, found: &Value) -> anyhow::Error {
        hinted(
            format!(
                "{}.regions: expected a list of region names, found {}",
                c.loc(),
                kind(found)
            ),
            "e.g. `regions: [RegionOne, RegionTwo]`, or entries `- name: RegionOne` with `values:`",
        )
    }

    /// `_expand_regions`.
    fn expand_regions(&self, c: &Written, regions: &Value) -> anyhow::Result<Vec<RegionEntry>> {
        let items: Vec<Value> = match regions {
            Value::Array(a) => a.clone(),
            // Python iterates a dict's keys.
            Value::Object(o) => o.keys().map(|k| Value::String(k.clone())).collect(),
            other => {
                return Err(hinted(
                    format!("{}.regions must be a list, found {}", c.loc(), kind(other)),
                    "e.g. `regions: [RegionOne, RegionTwo]`, or entries `- name: RegionOne` with `values:`",
                ));
            }
        };
        let mut out = Vec::new();
        for item in items {
            match item {
                Value::Object(o) => {
                    let valid =
                        o.contains_key("name") && o.keys().all(|k| k == "name" || k == "values");
                    if !valid {
                        return Err(hinted(
                            format!(
                                "{}.regions: invalid region entry {}",
                                c.loc(),
                                py_repr(&Value::Object(o))
                            ),
                            "a region entry is a name, or a mapping with `name:` and optional `values:` only",
                        ));
                    }
                    let values = match o.get("values") {
                        None => Dict::new(),
                        Some(Value::Object(v)) => v.clone(),
                        Some(other) => {
                            return Err(hinted(
                                format!(
                                    "{}.regions: `values` of region '{}' must be a mapping, found {}",
                                    c.loc(),
                                    py_str(&o["name"]),
                                    kind(other)
                                ),
                                "indent the region's settings under `values:`",
                            ));
                        }
                    };
                    out.push(RegionEntry {
                        name: py_str(&o["name"]),
                        values,
                    });
                }
                other => out.push(RegionEntry {
                    name: py_str(&other),
                    values: Dict::new(),
                }),
            }
        }
        Ok(out)
    }

    /// `_get_base_cloud_config`: defaults, then the profile, then the cloud.
    fn base_of(&self, c: &Written, warns: &mut Vec<String>) -> anyhow::Result<Dict> {
        let mut cloud = defaults();
        self.expand_vendor_profile(c, &mut cloud, warns)?;
        if !cloud.contains_key("auth") {
            cloud.insert("auth".into(), Value::Object(Dict::new()));
        }
        auth_update(&mut cloud, &c.our).map_err(|_| {
            hinted(
                format!("{}.auth must be a mapping", c.loc()),
                "indent the auth settings (auth_url:, username:, ...) under `auth:`",
            )
        })?;
        cloud.shift_remove("cloud");
        Ok(cloud)
    }

    /// `get_one(name, region_name=region)`: the resolved dict of one cloud
    /// in one region. A region missing from the cloud's known regions
    /// resolves with no region values (openstacksdk would refuse it; osprey
    /// also finds regions in the Keystone catalog).
    pub(crate) fn get_one(
        &self,
        name: &str,
        region: &str,
        warns: &mut Vec<String>,
    ) -> anyhow::Result<Dict> {
        let c = self.clouds.written(name);
        let mut config = self.base_of(&c, warns)?;
        let (known, _) = self.known_regions_of(&c, warns)?;
        let entry = if region.is_empty() {
            known.first().cloned()
        } else {
            known.iter().find(|r| r.name == region).cloned()
        }
        .unwrap_or_else(|| RegionEntry {
            name: region.to_string(),
            values: Dict::new(),
        });
        let loc = c.loc_region(&entry.name);

        config.shift_remove("regions");
        // Region values, then the region name, over the cloud; None never
        // overrides and `auth` is merged key by key.
        let mut args = entry.values.clone();
        args.insert("region_name".into(), Value::String(entry.name.clone()));
        for (k, v) in &args {
            if v.is_null() {
                continue;
            }
            if k == "auth" && config.get("auth").is_some_and(|a| !a.is_null()) {
                let (Some(Value::Object(auth)), Value::Object(new)) = (config.get_mut("auth"), v)
                else {
                    return Err(hinted(
                        format!("{loc}: regions.values.auth must be a mapping"),
                        "indent the region's auth settings under `auth:`",
                    ));
                };
                for (ak, av) in new {
                    auth.insert(ak.clone(), av.clone());
                }
            } else {
                config.insert(k.clone(), v.clone());
            }
        }

        let cloud_loc = c.loc();
        let at = checks::At {
            cloud: &cloud_loc,
            region: &entry.name,
        };
        checks::secrets(&config, &at)?;
        let timeout_key = checks::timeout_key(&config);
        let config = magic_fixes(config, &loc, warns)?;
        let mut config = normalize_keys(&config);
        validate_auth(&mut config, &loc)?;

        // Any string may reference other values: `{region_name}` and friends.
        let keys: Vec<String> = config.keys().cloned().collect();
        for key in keys {
            if key == "password" {
                continue;
            }
            if let Some(Value::String(s)) = config.get(&key) {
                let s = s.clone();
                let formatted = py_format(&s, &config).map_err(|e| {
                    hinted(
                        format!("{loc}.{key}: cannot fill in '{s}': {e}"),
                        "openstacksdk fills `{name}` from the cloud's other settings; write `{{`/`}}` for literal braces",
                    )
                })?;
                config.insert(key, Value::String(formatted));
            }
        }
        config.shift_remove("force_ipv4");
        config.shift_remove("prefer_ipv6");
        let mut config = normalize_keys(&config);
        config.insert("region_name".into(), Value::String(entry.name.clone()));
        checks::resolved(&config, &at, &timeout_key, &self.cwd)?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::dict;
    use serde_json::json;

    fn loader(clouds: Value) -> Loader {
        Loader {
            clouds: Clouds::from_dict(dict(clouds)),
            envvar_key: "envvars".into(),
            vendor: None,
            home: None,
            cwd: PathBuf::from("/"),
        }
    }

    fn one(clouds: Value, name: &str, region: &str) -> Dict {
        loader(clouds)
            .get_one(name, region, &mut Vec::new())
            .unwrap()
    }

    #[test]
    fn tenant_and_dash_keys_become_project_keys_in_auth() {
        let c = one(
            json!({"c": {"auth": {"auth-url": "http://k", "username": "u", "password": "p", "tenant-name": "t"},
                          "project-domain-name": "D", "user_domain_name": "D"}}),
            "c",
            "",
        );
        let auth = c["auth"].as_object().unwrap();
        assert_eq!(auth["project_name"], "t");
        assert_eq!(auth["project_domain_name"], "D");
        assert!(!auth.contains_key("tenant_name") && !auth.contains_key("tenant-name"));
    }

    #[test]
    fn domain_id_is_copied_when_project_scoped_and_kept_otherwise() {
        let scoped = one(
            json!({"c": {"auth": {"auth_url": "http://k", "username": "u", "password": "p", "project_name": "p"}, "domain_id": "d"}}),
            "c",
            "",
        );
        let auth = scoped["auth"].as_object().unwrap();
        assert_eq!(auth["user_domain_id"], "d");
        assert_eq!(auth["project_domain_id"], "d");
        assert!(!auth.contains_key("domain_id"));
        let domain = one(
            json!({"c": {"auth": {"auth_url": "http://k", "username": "u", "password": "p", "domain_id": "d"}}}),
            "c",
            "",
        );
        let auth = domain["auth"].as_object().unwrap();
        assert_eq!(auth["domain_id"], "d");
        assert!(!auth.contains_key("user_domain_id"));
    }

    #[test]
    fn endpoint_type_becomes_interface_and_wins() {
        let c = one(
            json!({"c": {"auth": {"auth_url": "http://k"}, "interface": "admin", "endpoint_type": "internal",
                         "compute_endpoint_type": "admin", "image-endpoint-type": "admin"}}),
            "c",
            "",
        );
        assert_eq!(c["interface"], "internal");
        assert_eq!(c["compute_interface"], "admin");
        // The rename runs before `-` → `_`, so a dashed spelling is not renamed.
        assert_eq!(c["image_endpoint_type"], "admin");
        assert!(!c.contains_key("image_interface"));
    }

    #[test]
    fn auth_plugin_loses_to_the_default_auth_type_and_top_level_auth_keys_move() {
        // openstacksdk lets `auth_type` win over `auth_plugin`, and its
        // defaults always hold `auth_type: password`.
        let c = one(
            json!({"c": {"auth_plugin": "v3token", "auth_url": "http://k", "username": "u", "password": "p", "project_id": "x"}}),
            "c",
            "",
        );
        assert_eq!(c["auth_type"], "password");
        assert_eq!(
            c["auth"],
            json!({"project_id": "x", "auth_url": "http://k", "username": "u", "password": "p"})
        );
        assert!(
            !c.contains_key("auth_plugin")
                && !c.contains_key("auth_url")
                && !c.contains_key("username")
        );
    }

    #[test]
    fn service_timeouts_become_api_timeout() {
        let c = one(
            json!({"c": {"auth": {"auth_url": "http://k"}, "compute_timeout": 7}}),
            "c",
            "",
        );
        assert_eq!(c["api_timeout"], 7);
        assert!(!c.contains_key("compute_timeout"));
    }

    #[test]
    fn templating_fills_auth_url_and_other_strings() {
        let c = one(
            json!({"c": {"auth": {"auth_url": "https://{region_name}.k"}, "regions": ["R1"], "x": "{interface}-{auth_type}"}}),
            "c",
            "R1",
        );
        assert_eq!(c["auth"]["auth_url"], "https://R1.k");
        assert_eq!(c["x"], "public-password");
    }

    #[test]
    fn region_values_overlay_and_merge_auth() {
        let clouds = json!({"c": {"auth": {"auth_url": "http://k", "username": "u", "password": "p"},
            "regions": ["R0", {"name": "R1", "values": {"interface": "internal", "auth": {"password": "p1"}}}]}});
        let r1 = one(clouds.clone(), "c", "R1");
        assert_eq!(r1["interface"], "internal");
        assert_eq!(r1["auth"]["password"], "p1");
        assert_eq!(r1["auth"]["username"], "u");
        assert_eq!(r1["region_name"], "R1");
        // A region not in `regions:` (found in a catalog) still resolves.
        let other = one(clouds, "c", "R9");
        assert_eq!(other["region_name"], "R9");
        assert_eq!(other["interface"], "public");
    }

    #[test]
    fn plugin_options_filter_and_check() {
        let l = loader(json!({
            "ac": {"auth_type": "v3applicationcredential", "auth": {"auth_url": "http://k", "application_credential_id": "i",
                   "application_credential_secret": "s"}, "username": "u", "user_domain_name": "D"},
            "extra": {"auth": {"auth_url": "http://k", "foo": "bar"}},
            "nodomain": {"auth_type": "v3password", "auth": {"auth_url": "http://k", "username": "u", "password": "p"}},
            "nourl": {"auth": {"username": "u"}},
            "oidc": {"auth_type": "v3oidcpassword", "auth": {"auth_url": "http://k"}},
        }));
        let ac = l.get_one("ac", "", &mut Vec::new()).unwrap();
        // Top-level options of the plugin move into auth.
        assert_eq!(ac["auth"]["username"], "u");
        assert!(!ac.contains_key("username"));
        let err = |name: &str| format!("{:#}", l.get_one(name, "", &mut Vec::new()).unwrap_err());
        assert!(
            err("extra").contains("auth.foo is not an option"),
            "{}",
            err("extra")
        );
        assert!(
            err("nodomain").contains("user_domain_name"),
            "{}",
            err("nodomain")
        );
        assert!(
            err("nourl").contains("required auth.auth_url not set"),
            "{}",
            err("nourl")
        );
        assert!(
            err("oidc").contains("not supported by osprey"),
            "{}",
            err("oidc")
        );
    }
}
