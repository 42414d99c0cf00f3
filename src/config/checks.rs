//! Settings openstacksdk passes on without a look, checked where a cloud is
//! resolved: a timeout is a number of seconds in range, an interface is one
//! Keystone knows, `verify` is a boolean or a CA bundle that exists, and a
//! secret is a string. openstacksdk would crash later, find no endpoint,
//! hand requests a path that is not there, or send `str()` of a list.

use super::file::kind;
use super::python::{Dict, get_boolean, py_repr, yaml_bool};
use super::secret::SECRET_KEYS;
use crate::error::{add_hint, hinted};
use serde_json::Value;
use std::path::Path;

/// Where a setting is, for messages: `FILE: clouds.NAME.KEY (region R)`.
pub(crate) struct At<'a> {
    /// `FILE: clouds.NAME`.
    pub(crate) cloud: &'a str,
    /// The region being resolved, `""` for none.
    pub(crate) region: &'a str,
}

impl At<'_> {
    fn key(&self, key: &str) -> String {
        match self.region {
            "" => format!("{}.{key}", self.cloud),
            region => format!("{}.{key} (region {region})", self.cloud),
        }
    }
}

/// The longest timeout a file may set: a day.
pub(crate) const MAX_TIMEOUT_SECS: f64 = 86_400.0;

/// The interfaces of a Keystone catalog.
pub(crate) const INTERFACES: [&str; 3] = ["public", "internal", "admin"];

/// A secret (password, token, ...) in the cloud or its `auth` that is not
/// a string or a number: openstacksdk sends `str()` of it. Checked before
/// the backwards-compatibility fixes, which `str()` tokens themselves.
pub(crate) fn secrets(config: &Dict, at: &At) -> anyhow::Result<()> {
    let auth = match config.get("auth") {
        Some(Value::Object(a)) => Some(a),
        _ => None,
    };
    let places = config.iter().map(|(k, v)| (k.clone(), v)).chain(
        auth.into_iter()
            .flatten()
            .map(|(k, v)| (format!("auth.{k}"), v)),
    );
    for (key, value) in places {
        let name = key.rsplit('.').next().unwrap_or(&key).replace('-', "_");
        if !SECRET_KEYS.contains(&name.as_str()) {
            continue;
        }
        if matches!(value, Value::String(_) | Value::Number(_) | Value::Null) {
            continue;
        }
        return Err(hinted(
            format!("{}: expected a string, found {}", at.key(&key), kind(value)),
            format!(
                "quote a {name} that YAML would read as something else, e.g. {name}: '[s3cret' or {name}: 'yes'"
            ),
        ));
    }
    Ok(())
}

/// The key that sets the timeout, as written: a service's `*_timeout`
/// becomes `api_timeout` (`_fix_backwards_api_timeout`), and an error
/// should name what the user wrote.
pub(crate) fn timeout_key(config: &Dict) -> String {
    config
        .iter()
        .rfind(|(k, _)| k.ends_with("timeout") && *k != "timeout" && *k != "api_timeout")
        .filter(|(_, v)| !v.is_null())
        .map_or_else(|| "api_timeout".to_string(), |(k, _)| k.clone())
}

/// The checks on the resolved settings: timeout, interfaces, verify.
/// `key` is [`timeout_key`]; `cwd` resolves a relative CA bundle path.
pub(crate) fn resolved(config: &Dict, at: &At, key: &str, cwd: &Path) -> anyhow::Result<()> {
    if let Some(v) = config.get("api_timeout") {
        timeout(v, &at.key(key))?;
    }
    for (k, v) in config {
        if k == "interface" || k.ends_with("_interface") {
            interface(v, &at.key(k))?;
        }
    }
    let insecure = config.get("insecure").is_some_and(insecure);
    if let Some(v) = config.get("verify").filter(|_| !insecure) {
        verify_path(v, &at.key("verify"), cwd)?;
    }
    Ok(())
}

/// Seconds in (0, a day]. openstacksdk takes `float(value)`, so a string of
/// digits counts; NaN, infinities, zero and negatives do not.
fn timeout(v: &Value, at: &str) -> anyhow::Result<()> {
    let seconds = match v {
        Value::Null => return Ok(()),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    match seconds {
        Some(s) if s > 0.0 && s <= MAX_TIMEOUT_SECS => Ok(()),
        _ => Err(hinted(
            format!(
                "{at}: expected a number of seconds, more than 0 and at most {MAX_TIMEOUT_SECS} (a day), found {}",
                py_repr(v)
            ),
            "e.g. `api_timeout: 60`; leave it out for osprey's default, or set --timeout",
        )),
    }
}

/// The interface a catalog lookup uses for a configured name: keystoneauth
/// accepts Keystone v2's `publicURL`, `internalURL` and `adminURL` too.
pub(crate) fn interface_name(name: &str) -> &str {
    name.strip_suffix("URL")
        .filter(|n| INTERFACES.contains(n))
        .unwrap_or(name)
}

/// An interface name, or a list of them (openstacksdk's `get_interface`
/// takes either; `None` entries are skipped).
fn interface(v: &Value, at: &str) -> anyhow::Result<()> {
    let bad = match v {
        Value::Null => return Ok(()),
        Value::String(s) if INTERFACES.contains(&interface_name(s)) => return Ok(()),
        Value::Array(items) => match items.iter().find(|i| {
            !(i.is_null()
                || i.as_str()
                    .is_some_and(|s| INTERFACES.contains(&interface_name(s))))
        }) {
            None => return Ok(()),
            Some(item) => item,
        },
        other => other,
    };
    let err = hinted(
        format!(
            "{at}: expected public, internal or admin, found {}",
            py_repr(bad)
        ),
        "Keystone v2's spellings publicURL, internalURL and adminURL are accepted too",
    );
    match bad
        .as_str()
        .and_then(|s| crate::error::closest(&s.to_lowercase(), &INTERFACES))
    {
        Some(best) => Err(add_hint(err, format!("did you mean '{best}'?"))),
        None => Err(err),
    }
}

/// `insecure` as `_handle_value_types` reads it.
pub(crate) fn insecure(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        other => yaml_bool(other).unwrap_or_else(|| get_boolean(Some(other))),
    }
}

/// `verify` as requests sees it once openstacksdk has passed it on: a YAML
/// 1.1 boolean word is that boolean (PyYAML read it so), any other string
/// is a path, `None` is false.
pub(crate) fn verify_on(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        // openstacksdk has made a number a string by now: never empty.
        Value::Number(_) => true,
        Value::String(s) => yaml_bool(v).unwrap_or(!s.is_empty()),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// The CA bundle a `verify` value names, if it names one.
pub(crate) fn verify_bundle(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) if yaml_bool(v).is_none() && !s.is_empty() => Some(s),
        _ => None,
    }
}

/// A `verify` that is a path must name a file.
fn verify_path(v: &Value, at: &str, cwd: &Path) -> anyhow::Result<()> {
    let hint = "openstacksdk passes a string `verify` on as the path of a CA bundle: write \
                `verify: true` or `verify: false`, or name the bundle with `cacert:`";
    if let Value::Array(_) | Value::Object(_) = v {
        return Err(hinted(
            format!(
                "{at}: expected true, false or the path of a CA bundle, found {}",
                kind(v)
            ),
            hint,
        ));
    }
    let Some(path) = verify_bundle(v) else {
        return Ok(());
    };
    if cwd.join(path).is_file() {
        return Ok(());
    }
    Err(hinted(
        format!(
            "{at}: {} is not a boolean, and no CA bundle file has that path",
            py_repr(v)
        ),
        hint,
    ))
}

/// Which setting turns certificate checks off, given the merged `insecure`
/// and `verify` (`CloudRegion.get_requests_verify_args`: insecure wins).
pub(crate) fn tls_off(insecure_v: Option<&Value>, verify: Option<&Value>) -> Option<&'static str> {
    if insecure_v.is_some_and(insecure) {
        return Some("insecure is true");
    }
    match verify {
        Some(v) if !verify_on(v) => Some("verify is false"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn issue_7_timeouts_are_seconds_in_range() {
        for ok in [json!(5), json!("5"), json!(" 2.5 "), json!(86400)] {
            assert!(timeout(&ok, "t").is_ok(), "{ok}");
        }
        for bad in [
            json!("abc"),
            json!(-5),
            json!(0),
            json!("nan"),
            json!("inf"),
            json!("1e+30"),
            json!(86401),
            json!(true),
            json!([1]),
        ] {
            let err = timeout(&bad, "f: clouds.c.api_timeout").unwrap_err();
            assert!(
                err.to_string()
                    .starts_with("f: clouds.c.api_timeout: expected a number of seconds"),
                "{err}"
            );
        }
    }

    #[test]
    fn issue_7_interfaces_are_keystones() {
        assert_eq!(interface_name("publicURL"), "public");
        assert_eq!(interface_name("internal"), "internal");
        assert_eq!(interface_name("bogusURL"), "bogusURL");
        assert!(interface(&json!(["internal", null, "adminURL"]), "i").is_ok());
        let (msg, hints) = crate::error::describe(&interface(&json!("Public"), "i").unwrap_err());
        assert_eq!(msg, "i: expected public, internal or admin, found 'Public'");
        assert_eq!(hints[0], "did you mean 'public'?");
        assert!(interface(&json!(["public", "7"]), "i").is_err());
    }

    #[test]
    fn verify_words_paths_and_insecure() {
        assert!(!verify_on(&json!("no")) && !verify_on(&json!(null)) && !verify_on(&json!("")));
        assert!(verify_on(&json!("/etc/ca.pem")) && verify_on(&json!("yes")));
        assert_eq!(verify_bundle(&json!("/etc/ca.pem")), Some("/etc/ca.pem"));
        assert_eq!(verify_bundle(&json!("True")), None);
        assert!(insecure(&json!("yes")) && insecure(&json!("TRUE")) && !insecure(&json!("1")));
        assert_eq!(tls_off(Some(&json!(true)), None), Some("insecure is true"));
        assert_eq!(tls_off(None, Some(&json!(false))), Some("verify is false"));
        assert_eq!(tls_off(Some(&json!(false)), Some(&json!("x"))), None);
    }
}
