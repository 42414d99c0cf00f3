//! One cloud in one region, resolved: the typed view of openstacksdk's
//! resolved dict that the rest of osprey reads, with its secrets wrapped and
//! masked, and the row `osprey config show` prints for it.

use super::checks;
use super::python::{Dict, py_str, yaml_truthy};
use super::secret::{self, SECRET_KEYS, Secret};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The keys of an `osprey config show` row, in order (openstackclient's
/// `configuration show`, plus the cloud and region).
pub(crate) const SHOW_COLUMNS: &[&str] = &[
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

/// One cloud in one region, fully resolved.
#[non_exhaustive]
#[derive(Clone, Debug)]
pub struct RegionConfig {
    pub(crate) cloud: String,
    pub region: String,
    pub(crate) source: Option<PathBuf>,
    pub(crate) auth_type: String,
    pub auth: AuthConfig,
    /// Default `public`.
    pub interface: String,
    /// False with `insecure: true` or `verify: false`.
    pub verify: bool,
    /// `~` expanded, as openstacksdk does when it uses them.
    pub cacert: Option<PathBuf>,
    pub(crate) cert: Option<PathBuf>,
    pub(crate) key: Option<PathBuf>,
    pub api_timeout: Option<f64>,
    /// Service key as written, `_` for `-` (`compute`, `block_storage`,
    /// `volumev3`, ...) → URL, from `*_endpoint_override` (or `*_endpoint`).
    pub endpoint_overrides: BTreeMap<String, String>,
    /// Service key → `*_interface`.
    pub interfaces: BTreeMap<String, String>,
    /// The whole resolved dict, unknown keys kept; secret values replaced
    /// by `<masked>` (they are in `auth`).
    pub raw: Map<String, Value>,
}

/// The `auth` section after resolution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct AuthConfig {
    pub auth_url: Option<String>,
    pub(crate) username: Option<String>,
    pub(crate) user_id: Option<String>,
    pub(crate) user_domain_name: Option<String>,
    pub(crate) user_domain_id: Option<String>,
    pub(crate) project_name: Option<String>,
    pub project_id: Option<String>,
    pub(crate) project_domain_name: Option<String>,
    pub(crate) project_domain_id: Option<String>,
    pub(crate) domain_name: Option<String>,
    pub(crate) domain_id: Option<String>,
    pub(crate) application_credential_id: Option<String>,
    pub(crate) application_credential_name: Option<String>,
    pub(crate) system_scope: Option<String>,
    pub(crate) trust_id: Option<String>,
    pub password: Option<Secret>,
    pub(crate) token: Option<Secret>,
    pub(crate) application_credential_secret: Option<Secret>,
    pub(crate) passcode: Option<Secret>,
}

impl RegionConfig {
    pub(crate) fn from_dict(
        cloud: &str,
        source: Option<PathBuf>,
        mut raw: Dict,
        home: Option<&Path>,
        cwd: &Path,
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
        // verify means true, a present-but-null one means false, and a
        // path is the CA bundle unless `cacert` names one.
        let insecure = raw.get("insecure").is_some_and(yaml_truthy);
        let verify = !insecure && raw.get("verify").is_none_or(checks::verify_on);
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
        .map_or_else(
            || "public".to_string(),
            |i| checks::interface_name(&i).to_string(),
        );
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
        // A list of interfaces (openstacksdk takes one) is tried in order
        // there; its first is the one osprey uses, as for `interface`.
        let interfaces = raw
            .iter()
            .filter_map(|(k, v)| {
                let service = k.strip_suffix("_interface").filter(|s| !s.is_empty())?;
                let name = match v {
                    Value::Array(a) => a.iter().find_map(text),
                    other => text(other),
                }
                .filter(|t| !t.is_empty())?;
                Some((
                    service.to_string(),
                    checks::interface_name(&name).to_string(),
                ))
            })
            .collect();
        let region = get("region_name").unwrap_or_default();
        let auth_type = get("auth_type").unwrap_or_default();
        let bundle = raw
            .get("verify")
            .filter(|_| verify)
            .and_then(checks::verify_bundle)
            .map(|p| cwd.join(p));
        let cacert = path("cacert").or(bundle);
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
            raw,
        }
    }

    /// The `config show` row: the [`SHOW_COLUMNS`] that are set.
    pub(crate) fn show_row(&self, unmask: bool) -> Map<String, Value> {
        let auth = self.raw.get("auth").and_then(Value::as_object);
        let mut row = Map::new();
        for key in SHOW_COLUMNS {
            let value = match *key {
                "cloud" => Some(Value::String(self.cloud.clone())),
                "region" => Some(Value::String(self.region.clone())),
                "verify" => Some(Value::Bool(self.verify)),
                "auth_type" | "interface" | "cacert" | "cert" => self.raw.get(*key).cloned(),
                "auth_url" if !unmask => auth
                    .and_then(|a| a.get("auth_url")?.as_str())
                    .map(|url| Value::String(crate::error::redact_url(url).into())),
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
        let r =
            RegionConfig::from_dict("c", None, dict, Some(Path::new("/home/u")), Path::new("/"));
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
        assert_eq!(r.interface, "public");
        let row = r.show_row(false);
        assert_eq!(row["password"], "<masked>");
        assert_eq!(row["cacert"], "~/ca.pem");
        assert_eq!(r.show_row(true)["password"], "hunter2");
    }
}
