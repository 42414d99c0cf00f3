//! Python's value rules, which the port of openstacksdk's resolution follows
//! on ordered JSON maps.
//!
//! The port works on ordered JSON maps with Python's semantics on purpose:
//! which spelling of a key wins, what `str()` makes of a number, which values
//! count as "not set" (falsy) and where a key lands in the dict all decide
//! what openstacksdk resolves, and `tests/it/config_diff.rs` compares the result
//! with openstacksdk itself. Nothing here knows about clouds: these are the
//! `dict`, `str()`, `repr()` and `str.format` rules the loader builds on.

use serde_json::{Map, Value};

pub(crate) type Dict = Map<String, Value>;

/// Python truthiness.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Truthiness of a boolean setting as openstacksdk sees it: PyYAML reads
/// the YAML 1.1 words (`no`, `off`, `yes`, `on`, ...) as booleans, where
/// serde_yaml (YAML 1.2) leaves them strings. (A quoted "no" is read as
/// false too: for a boolean setting that is what its author meant.)
pub(crate) fn yaml_truthy(v: &Value) -> bool {
    yaml_bool(v).unwrap_or_else(|| truthy(v))
}

/// The boolean a YAML 1.1 word stands for, if the value is one.
pub(crate) fn yaml_bool(v: &Value) -> Option<bool> {
    match v.as_str()? {
        "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE" => Some(true),
        "no" | "No" | "NO" | "off" | "Off" | "OFF" | "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Python `str(value)`.
pub(crate) fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python `repr(value)` for the types a YAML or JSON file can hold.
pub(crate) fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => {
            if n.is_f64() {
                py_float_repr(n.as_f64().unwrap_or(f64::NAN))
            } else {
                n.to_string()
            }
        }
        Value::String(s) => {
            let quote = if s.contains('\'') && !s.contains('"') {
                '"'
            } else {
                '\''
            };
            let mut out = String::from(quote);
            for c in s.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c == quote => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                        out.push_str(&format!("\\x{:02x}", c as u32))
                    }
                    c => out.push(c),
                }
            }
            out.push(quote);
            out
        }
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", py_repr(&Value::String(k.clone())), py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Python `repr(float)`: the shortest round-trip digits, positional between
/// 1e-4 and 1e16, scientific (`1e+16`, `1.5e-05`) outside.
pub(crate) fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        let s = format!("{f}");
        if s.contains('.') { s } else { format!("{s}.0") }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    }
}

/// `loader.get_boolean`.
pub(crate) fn get_boolean(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.to_lowercase() == "true",
        // Python raises on `.lower()` of a number; not-true is the kinder reading.
        Some(_) => false,
    }
}

/// `_util.normalize_keys`: `-` → `_` in keys (recursively through mappings,
/// not lists), integers other than `api_timeout`/`verbose_level` and all
/// floats to strings.
pub(crate) fn normalize_keys(d: &Dict) -> Dict {
    let mut out = Dict::new();
    for (k, v) in d {
        let key = k.replace('-', "_");
        let value = normalize_value(&key, v);
        out.insert(key, value);
    }
    out
}

/// `normalize_keys(d).get(key)`, without copying the rest of `d`: the last
/// spelling of the key wins, as it does in the copy.
pub(crate) fn normalized_get(d: &Dict, key: &str) -> Option<Value> {
    spelled_get(d, key).map(|v| normalize_value(key, v))
}

/// The value [`normalized_get`] normalizes: as written, for messages that
/// should say what the user wrote.
pub(crate) fn spelled_get<'a>(d: &'a Dict, key: &str) -> Option<&'a Value> {
    d.iter()
        .rev()
        .find(|(k, _)| *k == key || (k.contains('-') && k.replace('-', "_") == key))
        .map(|(_, v)| v)
}

fn normalize_value(key: &str, v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(normalize_keys(o)),
        Value::Number(n) if n.is_f64() => {
            Value::String(py_float_repr(n.as_f64().unwrap_or(f64::NAN)))
        }
        Value::Number(n) if key != "verbose_level" && key != "api_timeout" => {
            Value::String(n.to_string())
        }
        other => other.clone(),
    }
}

/// `_util.merge_clouds`: a deep `dict.update`.
pub(crate) fn merge_clouds(old: &Dict, new: &Dict, at: &str) -> Result<Dict, String> {
    let mut ret = old.clone();
    for (k, v) in new {
        let here = if at.is_empty() {
            k.clone()
        } else {
            format!("{at}.{k}")
        };
        match v {
            Value::Object(nv) => {
                let merged = match ret.get(k) {
                    Some(Value::Object(ov)) => merge_clouds(ov, nv, &here)?,
                    Some(_) => return Err(here),
                    None => nv.clone(),
                };
                ret.insert(k.clone(), Value::Object(merged));
            }
            other => {
                ret.insert(k.clone(), other.clone());
            }
        }
    }
    Ok(ret)
}

/// `loader._auth_update`: `dict.update`, except that `auth` is updated key
/// by key.
pub(crate) fn auth_update(old: &mut Dict, new: &Dict) -> Result<(), String> {
    for (k, v) in new {
        if k == "auth" {
            let Value::Object(nv) = v else {
                return Err("auth".into());
            };
            match old.get_mut("auth") {
                Some(Value::Object(ov)) => {
                    for (ak, av) in nv {
                        ov.insert(ak.clone(), av.clone());
                    }
                }
                Some(_) => return Err("auth".into()),
                None => {
                    old.insert(k.clone(), v.clone());
                }
            }
        } else {
            old.insert(k.clone(), v.clone());
        }
    }
    Ok(())
}

/// Python `template.format(**kwargs)` for the fields clouds.yaml can use:
/// `{key}`, `{key[sub]}`, `{{`/`}}`, `!s`/`!r` conversions; a format spec
/// is refused rather than guessed.
pub(crate) fn py_format(template: &str, kwargs: &Dict) -> Result<String, String> {
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '{' if chars.get(i + 1) == Some(&'{') => {
                out.push('{');
                i += 2;
            }
            '{' => {
                let mut depth = 1;
                let mut j = i + 1;
                while j < chars.len() {
                    match chars[j] {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                if j >= chars.len() {
                    return Err("expected '}' before end of string".into());
                }
                let field: String = chars[i + 1..j].iter().collect();
                out.push_str(&format_field(&field, kwargs)?);
                i = j + 1;
            }
            '}' if chars.get(i + 1) == Some(&'}') => {
                out.push('}');
                i += 2;
            }
            '}' => return Err("single '}' encountered in format string".into()),
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn format_field(field: &str, kwargs: &Dict) -> Result<String, String> {
    // Split off `:spec` and `!conversion`, outside brackets.
    let mut in_bracket = false;
    let mut name_end = field.len();
    for (idx, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => {
                name_end = idx;
                break;
            }
            _ => {}
        }
    }
    let (name, rest) = field.split_at(name_end);
    let (conversion, spec) = match rest.strip_prefix('!') {
        Some(r) => match r.split_once(':') {
            Some((c, s)) => (Some(c), s),
            None => (Some(r), ""),
        },
        None => (None, rest.strip_prefix(':').unwrap_or("")),
    };
    if !spec.is_empty() {
        return Err(format!(
            "format spec ':{spec}' in '{{{field}}}' is not supported"
        ));
    }
    let arg_end = name.find(['.', '[']).unwrap_or(name.len());
    let arg = &name[..arg_end];
    if arg.is_empty() || arg.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "positional field '{{{field}}}': only named fields can be filled"
        ));
    }
    let mut value = kwargs
        .get(arg)
        .ok_or_else(|| format!("no key '{arg}' to fill '{{{field}}}'"))?;
    let mut rest = &name[arg_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            let close = r
                .find(']')
                .ok_or_else(|| format!("missing ']' in '{{{field}}}'"))?;
            let key = &r[..close];
            value = match value {
                Value::Object(o) => o.get(key),
                Value::Array(a) => key.parse::<usize>().ok().and_then(|i| a.get(i)),
                _ => None,
            }
            .ok_or_else(|| format!("no '{key}' to fill '{{{field}}}'"))?;
            rest = &r[close + 1..];
        } else {
            return Err(format!(
                "attribute access in '{{{field}}}' is not supported"
            ));
        }
    }
    match conversion {
        None | Some("s") => Ok(py_str(value)),
        Some("r") | Some("a") => Ok(py_repr(value)),
        Some(c) => Err(format!("unknown conversion '!{c}' in '{{{field}}}'")),
    }
}

/// Runs `f` on the cloud and its `auth` mapping, leaving `auth` where it was
/// in the key order (Python mutates it in place).
pub(crate) fn with_auth<R>(config: &mut Dict, f: impl FnOnce(&mut Dict, &mut Dict) -> R) -> R {
    let mut auth = match config.get_mut("auth").map(std::mem::take) {
        Some(Value::Object(a)) => a,
        Some(_) | None => Dict::new(),
    };
    let result = f(config, &mut auth);
    config.insert("auth".into(), Value::Object(auth));
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::dict;
    use serde_json::json;

    #[test]
    fn python_str_of_values() {
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(py_str(&json!(12)), "12");
        assert_eq!(py_str(&json!(1.5)), "1.5");
        assert_eq!(py_str(&json!(3.0)), "3.0");
        assert_eq!(py_str(&json!(["a", 1])), "['a', 1]");
        assert_eq!(py_str(&json!({"k": "it's"})), "{'k': \"it's\"}");
        assert_eq!(py_float_repr(1e16), "1e+16");
        assert_eq!(py_float_repr(1.5e-5), "1.5e-05");
        assert_eq!(py_float_repr(0.0001), "0.0001");
        assert_eq!(py_float_repr(123456789.125), "123456789.125");
    }

    #[test]
    fn normalize_keys_dashes_and_numbers() {
        let n = normalize_keys(&dict(
            json!({"a-b": {"c-d": 1}, "api_timeout": 5, "api-timeout": 6, "x": 2.5, "l": [{"a-b": 1}]}),
        ));
        assert_eq!(
            Value::Object(n),
            json!({"a_b": {"c_d": "1"}, "api_timeout": 6, "x": "2.5", "l": [{"a-b": 1}]})
        );
        let d = dict(json!({"region_name": 1, "region-name": 2, "other": 3}));
        assert_eq!(normalized_get(&d, "region_name"), Some(json!("2")));
        assert_eq!(normalized_get(&d, "regions"), None);
    }

    #[test]
    fn format_fills_named_fields() {
        let kw = dict(json!({"region_name": "R1", "auth": {"u": "x"}, "n": 3}));
        assert_eq!(
            py_format("https://{region_name}.x/{auth[u]}/{n}{{}}", &kw).unwrap(),
            "https://R1.x/x/3{}"
        );
        assert!(py_format("{missing}", &kw).is_err());
        assert!(py_format("a}b", &kw).is_err());
        assert!(py_format("{}", &kw).is_err());
        assert!(py_format("{region_name:>5}", &kw).is_err());
    }

    #[test]
    fn merge_clouds_is_deep() {
        let m = merge_clouds(
            &dict(json!({"clouds": {"a": {"auth": {"username": "u"}, "region_name": "R"}}})),
            &dict(json!({"clouds": {"a": {"auth": {"password": "p"}}, "b": {}}})),
            "",
        )
        .unwrap();
        assert_eq!(
            Value::Object(m),
            json!({"clouds": {"a": {"auth": {"username": "u", "password": "p"}, "region_name": "R"}, "b": {}}})
        );
    }
}
