//! keystoneauth's auth plugins as openstacksdk loads them: which options each
//! `auth_type` takes, how `_validate_auth` moves them into `auth`, and the
//! checks keystoneauth's loaders run.
//!
//! openstacksdk's `get_all` silently drops a region whose auth plugin
//! complains (`AuthPluginException`) and crashes on one its plugin class
//! rejects (`TypeError`); osprey reports both as an error for that cloud and
//! region and keeps the others.

use super::python::{Dict, py_str, truthy, with_auth};
use crate::error::hinted;
use serde_json::Value;

/// The `auth_type`s osprey can authenticate with.
pub(crate) const SUPPORTED_AUTH_TYPES: &[&str] = &[
    "password",
    "v3password",
    "v3applicationcredential",
    "token",
    "v3token",
    "v3totp",
    "v3multifactor",
];

/// One keystoneauth loader option. Its `dest` is the name with `-` → `_`.
#[derive(Clone, Copy)]
struct Opt {
    name: &'static str,
    deprecated: &'static [&'static str],
    required: bool,
}

const fn opt(name: &'static str) -> Opt {
    Opt {
        name,
        deprecated: &[],
        required: false,
    }
}

const AUTH_URL: Opt = Opt {
    name: "auth-url",
    deprecated: &[],
    required: true,
};
const USERNAME: Opt = Opt {
    name: "username",
    deprecated: &["user-name"],
    required: false,
};

/// `BaseV3Loader.get_options`.
const V3_BASE: &[Opt] = &[
    AUTH_URL,
    opt("system-scope"),
    opt("domain-id"),
    opt("domain-name"),
    opt("project-id"),
    opt("project-name"),
    opt("project-domain-id"),
    opt("project-domain-name"),
    opt("trust-id"),
];

/// `BaseGenericLoader.get_options`.
const GENERIC_BASE: &[Opt] = &[
    AUTH_URL,
    opt("system-scope"),
    opt("domain-id"),
    opt("domain-name"),
    Opt {
        name: "project-id",
        deprecated: &["tenant-id"],
        required: false,
    },
    Opt {
        name: "project-name",
        deprecated: &["tenant-name"],
        required: false,
    },
    opt("project-domain-id"),
    opt("project-domain-name"),
    opt("trust-id"),
    opt("default-domain-id"),
    opt("default-domain-name"),
];

/// `_add_common_identity_options`.
const USER: &[Opt] = &[
    opt("user-id"),
    USERNAME,
    opt("user-domain-id"),
    opt("user-domain-name"),
];

/// Keyword arguments the plugin classes accept besides their options
/// (`v3.Auth` and `generic.BaseGenericPlugin` signatures).
const V3_KWARGS: &[&str] = &[
    "auth_url",
    "unscoped",
    "trust_id",
    "system_scope",
    "domain_id",
    "domain_name",
    "project_id",
    "project_name",
    "project_domain_id",
    "project_domain_name",
    "reauthenticate",
    "include_catalog",
];
const GENERIC_KWARGS: &[&str] = &[
    "auth_url",
    "tenant_id",
    "tenant_name",
    "project_id",
    "project_name",
    "project_domain_id",
    "project_domain_name",
    "domain_id",
    "domain_name",
    "system_scope",
    "trust_id",
    "default_domain_id",
    "default_domain_name",
    "reauthenticate",
];
const USER_KWARGS: &[&str] = &["user_id", "username", "user_domain_id", "user_domain_name"];

/// The keystoneauth plugins osprey can resolve.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Plugin {
    Password,
    V3Password,
    V3ApplicationCredential,
    Token,
    V3Token,
    V3Totp,
    V3MultiFactor,
    AdminToken,
    NoAuth,
    V2Password,
    V2Token,
}

/// keystoneauth's plugin names (keystoneauth1 5.x), to tell "not supported
/// by osprey" from "does not exist".
const KEYSTONEAUTH_PLUGINS: &[&str] = &[
    "admin_token",
    "http_basic",
    "noauth",
    "none",
    "password",
    "token",
    "v2password",
    "v2token",
    "v3adfspassword",
    "v3applicationcredential",
    "v3multifactor",
    "v3oauth1",
    "v3oauth2clientcredential",
    "v3oauth2mtlsclientcredential",
    "v3oidcaccesstoken",
    "v3oidcauthcode",
    "v3oidcclientcredentials",
    "v3oidcdeviceauthz",
    "v3oidcpassword",
    "v3password",
    "v3samlpassword",
    "v3token",
    "v3tokenlessauth",
    "v3totp",
    "v3websso",
];

impl Plugin {
    fn from_name(name: &str) -> Option<Plugin> {
        Some(match name {
            "password" => Plugin::Password,
            "v3password" => Plugin::V3Password,
            "v3applicationcredential" => Plugin::V3ApplicationCredential,
            "token" => Plugin::Token,
            "v3token" => Plugin::V3Token,
            "v3totp" => Plugin::V3Totp,
            "v3multifactor" => Plugin::V3MultiFactor,
            "admin_token" => Plugin::AdminToken,
            "none" | "noauth" => Plugin::NoAuth,
            "v2password" => Plugin::V2Password,
            "v2token" => Plugin::V2Token,
            _ => return None,
        })
    }

    /// `loader.get_options()`.
    fn options(self) -> Vec<Opt> {
        let cat = |parts: &[&[Opt]]| {
            parts
                .iter()
                .flat_map(|p| p.iter().copied())
                .collect::<Vec<_>>()
        };
        match self {
            Plugin::Password => cat(&[GENERIC_BASE, USER, &[opt("password")]]),
            Plugin::V3Password => cat(&[V3_BASE, USER, &[opt("password")]]),
            Plugin::V3ApplicationCredential => cat(&[
                V3_BASE,
                USER,
                &[
                    Opt {
                        name: "application_credential_secret",
                        deprecated: &[],
                        required: true,
                    },
                    opt("application_credential_id"),
                    opt("application_credential_name"),
                ],
            ]),
            Plugin::Token => cat(&[GENERIC_BASE, &[opt("token")]]),
            Plugin::V3Token => cat(&[V3_BASE, &[opt("token")]]),
            Plugin::V3Totp => cat(&[V3_BASE, USER, &[opt("passcode")]]),
            Plugin::V3MultiFactor => cat(&[
                V3_BASE,
                &[Opt {
                    name: "auth_methods",
                    deprecated: &[],
                    required: true,
                }],
            ]),
            Plugin::AdminToken => vec![
                Opt {
                    name: "endpoint",
                    deprecated: &["url"],
                    required: false,
                },
                opt("token"),
            ],
            Plugin::NoAuth => vec![opt("endpoint")],
            Plugin::V2Password => vec![
                AUTH_URL,
                opt("tenant-id"),
                opt("tenant-name"),
                opt("trust-id"),
                USERNAME,
                opt("user-id"),
                opt("password"),
            ],
            Plugin::V2Token => vec![
                AUTH_URL,
                opt("tenant-id"),
                opt("tenant-name"),
                opt("trust-id"),
                opt("token"),
            ],
        }
    }

    /// The plugin class's keyword arguments: (accepted, required positional).
    fn signature(self) -> (Vec<&'static str>, &'static [&'static str]) {
        let cat = |parts: &[&[&'static str]]| {
            parts
                .iter()
                .flat_map(|p| p.iter().copied())
                .collect::<Vec<_>>()
        };
        match self {
            Plugin::Password => (
                cat(&[GENERIC_KWARGS, USER_KWARGS, &["password"]]),
                &["auth_url"],
            ),
            Plugin::V3Password => (
                cat(&[V3_KWARGS, USER_KWARGS, &["password"]]),
                &["auth_url", "password"],
            ),
            Plugin::V3ApplicationCredential => (
                cat(&[
                    V3_KWARGS,
                    USER_KWARGS,
                    &[
                        "application_credential_secret",
                        "application_credential_id",
                        "application_credential_name",
                    ],
                ]),
                &["auth_url", "application_credential_secret"],
            ),
            Plugin::Token => (cat(&[GENERIC_KWARGS, &["token"]]), &["auth_url", "token"]),
            Plugin::V3Token => (cat(&[V3_KWARGS, &["token"]]), &["auth_url", "token"]),
            Plugin::V3Totp => (
                cat(&[V3_KWARGS, USER_KWARGS, &["passcode"]]),
                &["auth_url", "passcode"],
            ),
            Plugin::V3MultiFactor => (
                cat(&[V3_KWARGS, &["auth_methods"]]),
                &["auth_url", "auth_methods"],
            ),
            Plugin::AdminToken => (vec!["endpoint", "token"], &["endpoint", "token"]),
            Plugin::NoAuth => (vec!["endpoint"], &[]),
            Plugin::V2Password => (
                vec![
                    "auth_url",
                    "username",
                    "password",
                    "user_id",
                    "trust_id",
                    "tenant_id",
                    "tenant_name",
                    "reauthenticate",
                ],
                &["auth_url"],
            ),
            Plugin::V2Token => (
                vec![
                    "auth_url",
                    "token",
                    "trust_id",
                    "tenant_id",
                    "tenant_name",
                    "reauthenticate",
                ],
                &["auth_url", "token"],
            ),
        }
    }

    /// Parameters a v3 plugin contributes as a `v3multifactor` method
    /// (its `_auth_method_class` annotations); `None` for plugins that
    /// cannot be a method.
    fn method_parameters(self) -> Option<&'static [&'static str]> {
        Some(match self {
            Plugin::V3Password => &[
                "password",
                "user_id",
                "username",
                "user_domain_id",
                "user_domain_name",
            ],
            Plugin::V3Token => &["token"],
            Plugin::V3Totp => &[
                "passcode",
                "user_id",
                "username",
                "user_domain_id",
                "user_domain_name",
            ],
            Plugin::V3ApplicationCredential => &[
                "application_credential_secret",
                "application_credential_id",
                "application_credential_name",
                "user_id",
                "username",
                "user_domain_id",
                "user_domain_name",
            ],
            _ => return None,
        })
    }

    fn is_v3(self) -> bool {
        matches!(
            self,
            Plugin::V3Password
                | Plugin::V3ApplicationCredential
                | Plugin::V3Token
                | Plugin::V3Totp
                | Plugin::V3MultiFactor
        )
    }
}

/// `MultiFactor.get_options` once `_methods` is set: each method's options
/// merged in by name.
fn multifactor_options(methods: Option<&Value>) -> Result<Vec<Opt>, String> {
    let mut options = Plugin::V3MultiFactor.options();
    let Some(methods) = methods.filter(|m| truthy(m)) else {
        return Ok(options);
    };
    for method in method_names(methods) {
        let plugin = Plugin::from_name(&method)
            .ok_or_else(|| format!("auth method '{method}' is not known"))?;
        for o in plugin.options() {
            match options.iter_mut().find(|x| x.name == o.name) {
                Some(slot) => *slot = o,
                None => options.push(o),
            }
        }
    }
    Ok(options)
}

/// The names in an `auth_methods` value (a string iterates by character in
/// Python, which never names a plugin).
fn method_names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().map(py_str).collect(),
        Value::String(s) => s.chars().map(String::from).collect(),
        other => vec![py_str(other)],
    }
}

/// Why keystoneauth refused the auth settings.
enum AuthFailure {
    /// An `AuthPluginException`: openstacksdk's `get_all` drops the region.
    Plugin(String),
    /// A `TypeError` (or assertion) from the plugin class: openstacksdk's
    /// `get_all` raises.
    Class(String),
}

/// The user's and the project's domain, required by v3 plugins with names.
fn assert_identity_options(auth: &Dict) -> Result<(), AuthFailure> {
    let has = |k: &str| auth.get(k).is_some_and(truthy);
    if has("username") && !(has("user_domain_name") || has("user_domain_id")) {
        return Err(AuthFailure::Plugin(
            "auth.username is set but neither auth.user_domain_name nor auth.user_domain_id: \
             a v3 username is only unique within a domain"
                .into(),
        ));
    }
    Ok(())
}

/// `loader.load_from_options(**auth)`: keystoneauth's checks, then the
/// plugin class's signature.
fn load_from_options(plugin: Plugin, auth: &Dict, options: &[Opt]) -> Result<(), AuthFailure> {
    let has = |k: &str| auth.get(k).is_some_and(truthy);
    match plugin {
        Plugin::V3Password | Plugin::V3Totp => assert_identity_options(auth)?,
        Plugin::V3ApplicationCredential => {
            assert_identity_options(auth)?;
            if !has("application_credential_id") && !has("application_credential_name") {
                return Err(AuthFailure::Plugin(
                    "neither auth.application_credential_id nor auth.application_credential_name is set".into(),
                ));
            }
            if !has("application_credential_secret") {
                return Err(AuthFailure::Plugin(
                    "auth.application_credential_secret is not set".into(),
                ));
            }
        }
        Plugin::V3MultiFactor => {
            assert_identity_options(auth)?;
            if !auth.contains_key("auth_methods") {
                return Err(AuthFailure::Plugin("auth.auth_methods is not set".into()));
            }
        }
        _ => {}
    }
    if plugin.is_v3()
        && has("project_name")
        && !(has("project_domain_name") || has("project_domain_id"))
    {
        return Err(AuthFailure::Plugin(
            "auth.project_name is set but neither auth.project_domain_name nor auth.project_domain_id: \
             a v3 project name is only unique within a domain"
                .into(),
        ));
    }
    // Multifactor re-reads its options from the auth methods it was given.
    let options = match plugin {
        Plugin::V3MultiFactor => {
            multifactor_options(auth.get("auth_methods")).map_err(AuthFailure::Plugin)?
        }
        _ => options.to_vec(),
    };
    let missing: Vec<String> = options
        .iter()
        .filter(|o| {
            o.required
                && auth
                    .get(&o.name.replace('-', "_"))
                    .is_none_or(Value::is_null)
        })
        .map(|o| format!("auth.{}", o.name.replace('-', "_")))
        .collect();
    if !missing.is_empty() {
        return Err(AuthFailure::Plugin(format!(
            "required {} not set",
            missing.join(", ")
        )));
    }
    let (mut accepted, positional) = plugin.signature();
    if plugin == Plugin::V3MultiFactor {
        for method in auth
            .get("auth_methods")
            .map(method_names)
            .unwrap_or_default()
        {
            let Some(p) = Plugin::from_name(&method) else {
                return Err(AuthFailure::Plugin(format!(
                    "auth method '{method}' is not known"
                )));
            };
            let Some(params) = p.method_parameters() else {
                return Err(AuthFailure::Class(format!(
                    "'{method}' cannot be a v3multifactor method"
                )));
            };
            accepted.extend_from_slice(params);
        }
    }
    if let Some(k) = auth.keys().find(|k| !accepted.contains(&k.as_str())) {
        return Err(AuthFailure::Class(format!(
            "auth.{k} is not an option of this auth type"
        )));
    }
    // A one-time passcode comes from --os-passcode, OS_PASSCODE or a prompt
    // at authentication time, so clouds.yaml need not (and should not) hold it.
    if let Some(k) = positional
        .iter()
        .find(|k| **k != "passcode" && !auth.contains_key(**k))
    {
        return Err(AuthFailure::Class(format!("auth.{k} is not set")));
    }
    Ok(())
}

/// `_get_auth_loader` and `_validate_auth`: picks the plugin, moves its
/// options into `auth` under their canonical names (an `auth` value beats a
/// top-level one, a current name beats a deprecated one, unset and empty
/// values are dropped), then runs keystoneauth's checks.
pub(crate) fn validate_auth(config: &mut Dict, loc: &str) -> anyhow::Result<()> {
    let auth_type = match config.get("auth_type") {
        None | Some(Value::Null) => "none".to_string(),
        Some(v) => match py_str(v).as_str() {
            "None" | "" => "none".to_string(),
            "token_endpoint" => "admin_token".to_string(),
            other => other.to_string(),
        },
    };
    config.insert("auth_type".into(), Value::String(auth_type.clone()));
    let Some(plugin) = Plugin::from_name(&auth_type) else {
        let (what, hint) = if KEYSTONEAUTH_PLUGINS.contains(&auth_type.as_str()) {
            (
                "is not supported by osprey",
                format!("supported auth types: {}", SUPPORTED_AUTH_TYPES.join(", ")),
            )
        } else {
            (
                "is not a known auth plugin",
                format!("use one of: {}", SUPPORTED_AUTH_TYPES.join(", ")),
            )
        };
        return Err(hinted(
            format!("{loc}.auth_type: '{auth_type}' {what}"),
            hint,
        ));
    };
    let options = match plugin {
        Plugin::V3MultiFactor => multifactor_options(config.get("auth_methods")).map_err(|e| {
            hinted(
                format!("{loc}.auth_methods: {e}"),
                "e.g. `auth_methods: [v3password, v3totp]`",
            )
        })?,
        _ => plugin.options(),
    };
    let failure = with_auth(config, |cloud, auth| {
        for o in &options {
            let dest = o.name.replace('-', "_");
            let names: Vec<String> = std::iter::once(dest.clone())
                .chain(o.deprecated.iter().map(|d| d.replace('-', "_")))
                .collect();
            let find = |m: &Dict| -> Option<Value> {
                if let Some(v) = m.get(&dest) {
                    return Some(v.clone());
                }
                names[1..].iter().find_map(|n| m.get(n).cloned())
            };
            let mut winning = find(auth);
            if !winning.as_ref().is_some_and(truthy) {
                winning = find(cloud);
            }
            for n in &names {
                cloud.shift_remove(n);
                auth.shift_remove(n);
            }
            if let Some(v) = winning.filter(truthy) {
                auth.insert(dest, v);
            }
        }
        load_from_options(plugin, auth, &options).err()
    });
    match failure {
        None => Ok(()),
        Some(AuthFailure::Plugin(msg)) => Err(hinted(
            format!("{loc}: auth_type '{auth_type}': {msg}"),
            "openstacksdk skips this cloud region; fix its auth settings to use it",
        )),
        Some(AuthFailure::Class(msg)) => {
            let takes: Vec<String> = options.iter().map(|o| o.name.replace('-', "_")).collect();
            Err(hinted(
                format!("{loc}: auth_type '{auth_type}': {msg}"),
                format!("auth_type '{auth_type}' takes: {}", takes.join(", ")),
            ))
        }
    }
}
