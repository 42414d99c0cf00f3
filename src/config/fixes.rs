//! openstacksdk's `magic_fixes`: the backwards-compatibility renames that
//! turn old spellings (`tenant_*`, `*_endpoint_type`, `auth_plugin`,
//! `external_network`, a service's `*_timeout`, ...) into the settings the
//! rest of the resolution reads, in openstacksdk's order.

use super::file::kind;
use super::python::{Dict, get_boolean, py_format, py_repr, py_str, truthy, with_auth, yaml_bool};
use crate::error::hinted;
use serde_json::Value;

/// `magic_fixes`: the backwards-compatibility renames, in openstacksdk's
/// order.
pub(crate) fn magic_fixes(
    config: Dict,
    loc: &str,
    warns: &mut Vec<String>,
) -> anyhow::Result<Dict> {
    let config = fix_backwards_api_timeout(config);
    let mut config = fix_backwards_auth_plugin(config);
    with_auth(&mut config, fix_backwards_auth);
    let mut config = fix_backwards_interface(config);
    fix_backwards_networks(&mut config, loc, warns)?;
    with_auth(&mut config, handle_domain_id);
    handle_value_types(&mut config);
    if let Some(Value::Object(auth)) = config.get("auth")
        && let Some(url) = auth.get("auth_url")
    {
        let Value::String(template) = url else {
            return Err(hinted(
                format!("{loc}.auth.auth_url must be a string, found {}", kind(url)),
                "e.g. `auth_url: https://keystone.example.com:5000/v3`",
            ));
        };
        let filled = py_format(template, &config).map_err(|e| {
            hinted(
                format!("{loc}.auth.auth_url: cannot fill in '{template}': {e}"),
                "openstacksdk fills `{name}` from the cloud's settings, e.g. `https://{region_name}.example.com:5000`",
            )
        })?;
        if let Some(Value::Object(auth)) = config.get_mut("auth") {
            auth.insert("auth_url".into(), Value::String(filled));
        }
    }
    Ok(config)
}

/// `_fix_backwards_api_timeout`: a service's `*_timeout` becomes
/// `api_timeout` (requests has one timeout per session).
fn fix_backwards_api_timeout(cloud: Dict) -> Dict {
    let mut new = Dict::new();
    let mut service_timeout: Option<Value> = None;
    for (k, v) in cloud {
        if k.ends_with("timeout") && k != "timeout" && k != "api_timeout" {
            service_timeout = Some(v);
        } else {
            new.insert(k, v);
        }
    }
    if let Some(v) = service_timeout.filter(|v| !v.is_null()) {
        new.insert("api_timeout".into(), v);
    }
    new
}

/// `_fix_backwards_auth_plugin`: `auth_plugin` → `auth_type` (which wins),
/// moved to the end.
fn fix_backwards_auth_plugin(mut cloud: Dict) -> Dict {
    let mut target = Value::Null;
    for key in ["auth_plugin", "auth_type"] {
        if let Some(v) = cloud.shift_remove(key) {
            target = v;
        }
    }
    cloud.insert("auth_type".into(), target);
    cloud
}

/// `_fix_backwards_auth`: auth keys (in any spelling, top level or in
/// `auth`) into `auth`, `tenant_*` → `project_*` (the reverse for
/// v2password); a top-level value wins; values become strings.
fn fix_backwards_auth(cloud: &mut Dict, auth: &mut Dict) {
    let mut mappings: Vec<(&str, &[&str])> = vec![
        ("domain_id", &["domain_id", "domain-id"]),
        ("domain_name", &["domain_name", "domain-name"]),
        ("user_domain_id", &["user_domain_id", "user-domain-id"]),
        (
            "user_domain_name",
            &["user_domain_name", "user-domain-name"],
        ),
        (
            "project_domain_id",
            &["project_domain_id", "project-domain-id"],
        ),
        (
            "project_domain_name",
            &["project_domain_name", "project-domain-name"],
        ),
        ("token", &["auth-token", "auth_token", "token"]),
        ("passcode", &["passcode"]),
    ];
    // v2password keeps the tenant spellings, as keystoneauth's v2 plugin
    // wants them; everything else moves them to project_*.
    let (targets, sources): (_, [&[&str]; 2]) =
        if cloud.get("auth_type").and_then(Value::as_str) == Some("v2password") {
            (
                ["tenant_id", "tenant_name"],
                [
                    &["project_id", "project-id", "tenant_id", "tenant-id"],
                    &["project_name", "project-name", "tenant_name", "tenant-name"],
                ],
            )
        } else {
            (
                ["project_id", "project_name"],
                [
                    &["tenant_id", "tenant-id", "project_id", "project-id"],
                    &["tenant_name", "tenant-name", "project_name", "project-name"],
                ],
            )
        };
    mappings.extend(targets.into_iter().zip(sources));
    for (target_key, keys) in mappings {
        let mut target: Option<String> = None;
        for key in keys {
            if let Some(v) = auth.shift_remove(*key) {
                target = Some(py_str(&v));
            }
            if let Some(v) = cloud.shift_remove(*key) {
                target = Some(py_str(&v));
            }
        }
        if let Some(t) = target.filter(|t| !t.is_empty()) {
            auth.insert(target_key.into(), Value::String(t));
        }
    }
}

/// `_fix_backwards_interface`: `*endpoint_type` → `*interface`.
fn fix_backwards_interface(cloud: Dict) -> Dict {
    cloud
        .into_iter()
        .map(|(k, v)| {
            if k.ends_with("endpoint_type") {
                (k.replace("endpoint_type", "interface"), v)
            } else {
                (k, v)
            }
        })
        .fold(Dict::new(), |mut m, (k, v)| {
            m.insert(k, v);
            m
        })
}

/// `_fix_backwards_networks`: `networks` entries with every flag spelled
/// out, legacy `external_network`/`internal_network` folded in.
fn fix_backwards_networks(
    cloud: &mut Dict,
    loc: &str,
    warns: &mut Vec<String>,
) -> anyhow::Result<()> {
    let bad = |what: String| {
        hinted(
            format!("{loc}.networks: {what}"),
            "each entry needs `name:`; see openstacksdk's network settings",
        )
    };
    let mut networks: Vec<Dict> = Vec::new();
    match cloud.get("networks") {
        None => {}
        Some(Value::Array(list)) => {
            for net in list {
                let Value::Object(net) = net else {
                    return Err(bad(format!("entry {} is not a mapping", py_repr(net))));
                };
                let name = net
                    .get("name")
                    .filter(|n| truthy(n))
                    .ok_or_else(|| bad("entry is missing required field \"name\"".into()))?;
                let routes_externally = get_boolean(net.get("routes_externally"));
                let mut n = Dict::new();
                n.insert("name".into(), name.clone());
                n.insert("routes_externally".into(), Value::Bool(routes_externally));
                for k in ["nat_source", "nat_destination", "default_interface"] {
                    n.insert(k.into(), Value::Bool(get_boolean(net.get(k))));
                }
                for k in ["routes_ipv4_externally", "routes_ipv6_externally"] {
                    let v = match net.get(k) {
                        Some(v) => get_boolean(Some(v)),
                        None => routes_externally,
                    };
                    n.insert(k.into(), Value::Bool(v));
                }
                networks.push(n);
            }
        }
        Some(other) => {
            return Err(bad(format!("must be a list, found {}", kind(other))));
        }
    }
    for key in ["external_network", "internal_network"] {
        let external = key.starts_with("external");
        if cloud.contains_key(key) && cloud.contains_key("networks") {
            return Err(hinted(
                format!("{loc}: both {key} and networks are set"),
                format!("remove {key} and describe the network in the `networks` list"),
            ));
        }
        if let Some(name) = cloud.get(key) {
            warns.push(legacy_network_warning(loc, key, name));
            let mut n = Dict::new();
            n.insert("name".into(), name.clone());
            n.insert("routes_externally".into(), Value::Bool(external));
            n.insert("nat_destination".into(), Value::Bool(!external));
            n.insert("default_interface".into(), Value::Bool(external));
            networks.push(n);
        }
    }
    for flag in ["nat_destination", "default_interface"] {
        let mut first: Option<&Dict> = None;
        for net in &networks {
            let set = net.get(flag).is_some_and(truthy);
            match first {
                Some(f) if set => {
                    return Err(hinted(
                        format!(
                            "{loc}.networks: {flag} is set on both {} and {}",
                            py_str(&f["name"]),
                            py_str(&net["name"])
                        ),
                        format!("only one network can be flagged with {flag}"),
                    ));
                }
                None if set => first = Some(net),
                _ => {}
            }
        }
    }
    cloud.insert(
        "networks".into(),
        Value::Array(networks.into_iter().map(Value::Object).collect()),
    );
    Ok(())
}

/// The warning for `external_network` or `internal_network` (`key`).
pub(crate) fn legacy_network_warning(loc: &str, key: &str, name: &Value) -> String {
    format!(
        "warning: {loc}: {key} is deprecated\nhint: use a `networks` entry with name: {} and routes_externally: {}",
        py_str(name),
        key.starts_with("external")
    )
}

/// The warnings [`fix_backwards_networks`] gives for `cloud`; `loc` is
/// only worked out when there is one.
pub(crate) fn legacy_networks(cloud: &Dict, loc: impl Fn() -> String) -> Vec<String> {
    ["external_network", "internal_network"]
        .into_iter()
        .filter_map(|key| {
            let name = cloud.get(key)?;
            Some(legacy_network_warning(&loc(), key, name))
        })
        .collect()
}

/// `_handle_domain_id`: with a project scope, `domain_id`/`domain_name`
/// mean the user's and the project's domain; without one, the domain scope.
fn handle_domain_id(cloud: &mut Dict, auth: &mut Dict) {
    let scoped = ["project_id", "project_name"]
        .iter()
        .any(|k| cloud.contains_key(*k) || auth.contains_key(*k));
    for (target, pair) in [
        ("domain_id", ["user_domain_id", "project_domain_id"]),
        ("domain_name", ["user_domain_name", "project_domain_name"]),
    ] {
        if !scoped {
            if cloud.contains_key(target)
                && !auth.contains_key(target)
                && let Some(v) = cloud.shift_remove(target)
            {
                auth.insert(target.into(), v);
            }
            continue;
        }
        for key in pair {
            if let Some(v) = auth.get(target).cloned()
                && !auth.contains_key(key)
            {
                auth.insert(key.into(), v);
            }
        }
        cloud.shift_remove(target);
        auth.shift_remove(target);
    }
}

/// `_handle_value_types`.
fn handle_value_types(cloud: &mut Dict) {
    for key in ["insecure", "cache"] {
        if let Some(v) = cloud.get(key)
            && !v.is_boolean()
        {
            // PyYAML has already made YAML 1.1 words (`yes`, `off`) booleans
            // by now; serde_yaml leaves them strings.
            let b = yaml_bool(v).unwrap_or_else(|| get_boolean(Some(v)));
            cloud.insert(key.into(), Value::Bool(b));
        }
    }
    if let Some(Value::String(s)) = cloud.get("auth_methods") {
        let list = s.split(',').map(|m| Value::String(m.to_string())).collect();
        cloud.insert("auth_methods".into(), Value::Array(list));
    }
}
