//! Keystone v3: the authentication request for each supported method, and
//! the token it returns.

use super::catalog::Catalog;
use crate::config::{AuthConfig, RegionConfig, Secret};
use crate::error::hinted;
use serde::Deserialize;
use serde_json::{Map, Value, json};

/// The identity methods a cloud's `auth_type` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Password,
    ApplicationCredential,
    Token,
    Totp,
}

/// The methods for an `auth_type`, or an error naming the supported ones.
pub(crate) fn methods(cfg: &RegionConfig) -> anyhow::Result<Vec<Method>> {
    let one = |m| Ok(vec![m]);
    match cfg.auth_type.as_str() {
        "password" | "v3password" => one(Method::Password),
        "v3applicationcredential" | "applicationcredential" => one(Method::ApplicationCredential),
        "token" | "v3token" => one(Method::Token),
        "v3totp" | "totp" => one(Method::Totp),
        "v3multifactor" => {
            let names: Vec<String> = cfg
                .raw
                .get("auth")
                .and_then(|a| a.get("auth_methods"))
                .and_then(Value::as_array)
                .map(|l| {
                    l.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            if names.is_empty() {
                return Err(hinted(
                    format!(
                        "{}: auth_type v3multifactor needs auth.auth_methods",
                        where_(cfg)
                    ),
                    "e.g. `auth_methods: [v3password, v3totp]`",
                ));
            }
            names
                .iter()
                .map(|n| match n.as_str() {
                    "v3password" | "password" => Ok(Method::Password),
                    "v3totp" | "totp" => Ok(Method::Totp),
                    "v3token" | "token" => Ok(Method::Token),
                    "v3applicationcredential" => Ok(Method::ApplicationCredential),
                    other => Err(hinted(
                        format!(
                            "{}: auth.auth_methods: unsupported method '{other}'",
                            where_(cfg)
                        ),
                        "supported: v3password, v3totp, v3token, v3applicationcredential",
                    )),
                })
                .collect()
        }
        other => Err(hinted(
            format!(
                "{}.auth_type: '{other}' is not supported by osprey",
                where_(cfg)
            ),
            format!(
                "supported auth types: {}",
                crate::config::SUPPORTED_AUTH_TYPES.join(", ")
            ),
        )),
    }
}

fn where_(cfg: &RegionConfig) -> String {
    match &cfg.source {
        Some(p) => format!("{}: clouds.{}", p.display(), cfg.cloud),
        None => format!("cloud {}", cfg.cloud),
    }
}

/// The body of `POST /v3/auth/tokens`.
pub(crate) fn request_body(
    cfg: &RegionConfig,
    methods: &[Method],
    passcode: Option<&Secret>,
) -> anyhow::Result<Value> {
    let auth = &cfg.auth;
    let mut identity = Map::new();
    let mut names = Vec::new();
    for method in methods {
        match method {
            Method::Password => {
                let mut user = user_ref(cfg, auth)?;
                user.insert(
                    "password".into(),
                    json!(require(cfg, "password", auth.password.as_ref())?.expose()),
                );
                identity.insert("password".into(), json!({ "user": user }));
                names.push("password");
            }
            Method::Totp => {
                let mut user = user_ref(cfg, auth)?;
                let code = passcode.or(auth.passcode.as_ref()).ok_or_else(|| {
                    hinted(
                        format!("{}: totp authentication needs a passcode", where_(cfg)),
                        "pass --os-passcode or set OS_PASSCODE (or run on a terminal to be asked)",
                    )
                })?;
                user.insert("passcode".into(), json!(code.expose()));
                identity.insert("totp".into(), json!({ "user": user }));
                names.push("totp");
            }
            Method::Token => {
                let token = require(cfg, "token", auth.token.as_ref())?;
                identity.insert("token".into(), json!({ "id": token.expose() }));
                names.push("token");
            }
            Method::ApplicationCredential => {
                let secret = require(
                    cfg,
                    "application_credential_secret",
                    auth.application_credential_secret.as_ref(),
                )?;
                let mut ac = Map::new();
                if let Some(id) = &auth.application_credential_id {
                    ac.insert("id".into(), json!(id));
                } else if let Some(name) = &auth.application_credential_name {
                    ac.insert("name".into(), json!(name));
                    ac.insert("user".into(), Value::Object(user_ref(cfg, auth)?));
                } else {
                    return Err(hinted(
                        format!(
                            "{}: auth needs application_credential_id or application_credential_name",
                            where_(cfg)
                        ),
                        "copy the id (or the name and your username) from `openstack application credential show`",
                    ));
                }
                ac.insert("secret".into(), json!(secret.expose()));
                identity.insert("application_credential".into(), Value::Object(ac));
                names.push("application_credential");
            }
        }
    }
    identity.insert("methods".into(), json!(names));
    let mut body = Map::new();
    body.insert("identity".into(), Value::Object(identity));
    // An application credential carries its own scope; Keystone rejects another.
    if !methods.contains(&Method::ApplicationCredential)
        && let Some(scope) = scope(auth)
    {
        body.insert("scope".into(), scope);
    }
    Ok(json!({ "auth": body }))
}

fn require<'a>(
    cfg: &RegionConfig,
    key: &str,
    value: Option<&'a Secret>,
) -> anyhow::Result<&'a Secret> {
    value.ok_or_else(|| {
        hinted(
            format!(
                "{}: auth.{key} is not set (auth_type {})",
                where_(cfg),
                cfg.auth_type
            ),
            format!("add `{key}` under `auth:` in clouds.yaml or secure.yaml"),
        )
    })
}

fn user_ref(cfg: &RegionConfig, auth: &AuthConfig) -> anyhow::Result<Map<String, Value>> {
    let mut user = Map::new();
    if let Some(id) = &auth.user_id {
        user.insert("id".into(), json!(id));
    } else if let Some(name) = &auth.username {
        user.insert("name".into(), json!(name));
        user.insert(
            "domain".into(),
            domain_ref(auth.user_domain_id.as_ref(), auth.user_domain_name.as_ref()),
        );
    } else {
        return Err(hinted(
            format!("{}: auth needs username or user_id", where_(cfg)),
            "add `username` (and `user_domain_name`) under `auth:`",
        ));
    }
    Ok(user)
}

fn domain_ref(id: Option<&String>, name: Option<&String>) -> Value {
    match (id, name) {
        (Some(id), _) => json!({ "id": id }),
        (None, Some(name)) => json!({ "name": name }),
        // keystoneauth leaves it out too; Keystone then answers 401.
        (None, None) => json!({ "id": "default" }),
    }
}

/// Project, else domain, else system scope, as keystoneauth picks it.
fn scope(auth: &AuthConfig) -> Option<Value> {
    if let Some(id) = &auth.project_id {
        return Some(json!({ "project": { "id": id } }));
    }
    if let Some(name) = &auth.project_name {
        let domain = domain_ref(
            auth.project_domain_id.as_ref(),
            auth.project_domain_name.as_ref(),
        );
        return Some(json!({ "project": { "name": name, "domain": domain } }));
    }
    if auth.domain_id.is_some() || auth.domain_name.is_some() {
        return Some(
            json!({ "domain": domain_ref(auth.domain_id.as_ref(), auth.domain_name.as_ref()) }),
        );
    }
    if let Some(system) = &auth.system_scope {
        return Some(json!({ "system": { system.as_str(): true } }));
    }
    None
}

/// What osprey keeps of a token response.
#[derive(Debug)]
pub struct Token {
    pub(crate) id: Secret,
    /// Seconds since the epoch.
    pub expires_at: Option<i64>,
    pub(crate) catalog: Catalog,
    pub(crate) project_id: Option<String>,
    pub(crate) project_name: Option<String>,
    pub(crate) domain_id: Option<String>,
    pub(crate) domain_name: Option<String>,
    pub(crate) user_id: Option<String>,
    pub(crate) user_name: Option<String>,
    pub(crate) roles: Vec<String>,
    pub(crate) system: bool,
    /// Read from the token cache rather than issued in this run: its
    /// catalog may be older than Keystone's.
    pub cached: bool,
}

impl Token {
    /// `project demo`, `domain Default` or `system all`.
    pub(crate) fn scope(&self) -> String {
        let name_or_id = |n: &Option<String>, i: &Option<String>| {
            n.clone().or_else(|| i.clone()).unwrap_or_default()
        };
        if self.project_id.is_some() || self.project_name.is_some() {
            format!(
                "project {}",
                name_or_id(&self.project_name, &self.project_id)
            )
        } else if self.domain_id.is_some() || self.domain_name.is_some() {
            format!("domain {}", name_or_id(&self.domain_name, &self.domain_id))
        } else if self.system {
            "system all".to_string()
        } else {
            String::new()
        }
    }
}

#[derive(Deserialize)]
struct TokenBody {
    token: TokenInner,
}

#[derive(Deserialize)]
struct TokenInner {
    expires_at: Option<String>,
    #[serde(default)]
    catalog: Option<Catalog>,
    #[serde(default)]
    project: Option<Named>,
    #[serde(default)]
    user: Option<Named>,
    #[serde(default)]
    roles: Vec<Named>,
    #[serde(default)]
    system: Option<Value>,
    #[serde(default)]
    domain: Option<Named>,
}

#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

/// The token from a 201 answer: `X-Subject-Token` and the body.
pub fn parse_token(subject: Option<&str>, body: &Value) -> anyhow::Result<Token> {
    let id = subject.ok_or_else(|| {
        hinted(
            "keystone answered without an X-Subject-Token header",
            "is auth_url a Keystone v3 endpoint?",
        )
    })?;
    if body.get("access").is_some() {
        return Err(hinted(
            "keystone answered in the v2.0 format",
            "osprey needs Keystone v3: point auth_url at /v3",
        ));
    }
    let parsed: TokenBody = serde_json::from_value(body.clone()).map_err(|e| {
        hinted(
            format!("keystone sent a token body osprey cannot read: {e}"),
            "is auth_url a Keystone v3 endpoint?",
        )
    })?;
    let t = parsed.token;
    if t.project.is_none() && t.domain.is_none() && t.system.is_none() {
        return Err(hinted(
            "keystone issued an unscoped token (no project, domain or system scope), which has no service catalog",
            "set project_name and project_domain_name (or project_id) under `auth:` in clouds.yaml",
        ));
    }
    let expires_at = t.expires_at.as_deref().and_then(parse_rfc3339);
    Ok(Token {
        id: Secret::new(id.to_string()),
        expires_at,
        catalog: t.catalog.unwrap_or_default(),
        project_id: t.project.as_ref().and_then(|p| p.id.clone()),
        project_name: t.project.as_ref().and_then(|p| p.name.clone()),
        domain_id: t.domain.as_ref().and_then(|d| d.id.clone()),
        domain_name: t.domain.as_ref().and_then(|d| d.name.clone()),
        user_id: t.user.as_ref().and_then(|u| u.id.clone()),
        user_name: t.user.as_ref().and_then(|u| u.name.clone()),
        roles: t.roles.into_iter().filter_map(|r| r.name).collect(),
        system: t.system.is_some(),
        cached: false,
    })
}

/// `2026-11-24T19:07:06.000000Z` (or with a `+hh:mm` offset) as Unix seconds.
pub(crate) fn parse_rfc3339(s: &str) -> Option<i64> {
    let (date, rest) = s.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, mo, da) = (d.next()??, d.next()??, d.next()??);
    let (time, offset) = match rest.find(['Z', 'z', '+', '-']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "Z"),
    };
    let mut t = time.split(':');
    let h: i64 = t.next()?.parse().ok()?;
    let mi: i64 = t.next()?.parse().ok()?;
    let sec: i64 = t
        .next()
        .map(|s| s.split('.').next().unwrap_or("0"))
        .unwrap_or("0")
        .parse()
        .ok()?;
    let off = match offset.chars().next() {
        Some('+') | Some('-') => {
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (oh, om) = offset[1..].split_once(':').unwrap_or((&offset[1..], "0"));
            sign * (oh.parse::<i64>().ok()? * 3600 + om.parse::<i64>().ok()? * 60)
        }
        _ => 0,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + da - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    Some(days * 86400 + h * 3600 + mi * 60 + sec - off)
}

/// Unix seconds as `2026-11-24T19:07:06Z`, the inverse of [`parse_rfc3339`].
pub(crate) fn format_rfc3339(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    // The civil date of a day count (Howard Hinnant's algorithm).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_to_unix() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_rfc3339("2026-11-24T19:07:06.000000Z"),
            Some(1795547226)
        );
        assert_eq!(parse_rfc3339("2026-11-24T20:07:06+01:00"), Some(1795547226));
        assert_eq!(parse_rfc3339("garbage"), None);
    }

    #[test]
    fn unix_to_rfc3339_and_back() {
        assert_eq!(format_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_rfc3339(1795547226), "2026-11-24T19:07:06Z");
        assert_eq!(format_rfc3339(951782400), "2000-02-29T00:00:00Z");
        for t in [0, 951782400, 1795547226, 4102444799, 1_000_000_007] {
            assert_eq!(parse_rfc3339(&format_rfc3339(t)), Some(t));
        }
    }

    #[test]
    fn token_body_from_the_real_sample() {
        let body: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/keystone_token.json")).unwrap();
        let t = parse_token(Some("gAAAA"), &body).unwrap();
        assert_eq!(t.project_name.as_deref(), Some("demo"));
        assert!(t.catalog.regions().contains("RegionTwo"));
        assert!(t.roles.contains(&"member".to_string()));
    }

    #[test]
    fn unscoped_token_is_an_error() {
        let body = serde_json::json!({"token": {"expires_at": "2030-01-01T00:00:00Z", "user": {"id": "u"}, "methods": ["password"]}});
        let err = parse_token(Some("x"), &body).unwrap_err();
        assert!(err.to_string().contains("unscoped"), "{err}");
    }
}
