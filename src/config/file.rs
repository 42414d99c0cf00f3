//! clouds.yaml, secure.yaml and clouds-public.yaml as written: where they are
//! searched, how they are read, and a mirror of their top level (each cloud
//! kept as where it is written, see [`Body`]).
//!
//! Search order (openstacksdk's `CONFIG_SEARCH_PATH`), first file found wins:
//! `OS_CLIENT_CONFIG_FILE` / `OS_CLIENT_SECURE_FILE` (clouds and secure files
//! only), then in each of the current directory, the user config directory
//! (`$XDG_CONFIG_HOME/openstack`, else `~/.config/openstack`),
//! `~/.config/openstack`, the XDG site directories (`$XDG_CONFIG_DIRS`, else
//! `/etc/xdg`, each + `/openstack`) and `/etc/openstack`: the stem with
//! `.yaml`, `.yml`, `.json`.
//!
//! Unlike openstacksdk, which logs and skips a file it cannot parse or open, a
//! syntax error here is an error naming the file, line and column, and a file
//! that exists but cannot be read (or a named one that does not exist) is an
//! error naming the cause: a typo or a bad mode must not silently select
//! another file (or no cloud at all). Only missing files are passed over.

use super::python::{Dict, truthy};
use super::secret::SECRET_KEYS;
use super::yaml;
use crate::error::{add_hint, hinted};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The suffixes openstacksdk tries, in its order.
const SUFFIXES: &[&str] = &[".yaml", ".yml", ".json"];

/// `clouds.yaml` or `secure.yaml` as written.
///
/// Each cloud stays an ordered JSON map rather than a struct: openstacksdk's
/// resolution depends on every spelling of a key (`project-name`,
/// `tenant_name`, `os_…`), on unknown keys (they end up in the resolved dict
/// and in string templating) and, where two spellings collide, on key order.
/// A cloud's map is not kept, though, only where it is written ([`Body`]):
/// see [`yaml::split_clouds`] for why.
#[derive(Debug, Clone)]
pub(crate) struct CloudsFile {
    pub(crate) path: PathBuf,
    /// `clouds:`, checked to be a mapping of mappings.
    pub(crate) clouds: CloudsKey,
    /// The rest of the top level (`cache:`, `client:`, `metrics:` and
    /// anything else): kept and merged, not used. `None` for an empty file.
    pub(crate) other: Option<Dict>,
    /// Whether it holds a credential anywhere.
    pub(crate) holds_secret: bool,
}

/// The `clouds` key of a file.
#[derive(Debug, Clone)]
pub(crate) enum CloudsKey {
    Absent,
    /// `clouds:` with no value: no clouds, and in secure.yaml it wipes out
    /// clouds.yaml's (openstacksdk's merge replaces a value that is not a
    /// mapping).
    Null,
    /// Cloud names and where their settings are, in file order.
    Mapping(Vec<(String, Body)>),
}

/// A cloud's settings as written.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// Its lines in a file's text (`  name:` and what is indented under
    /// it), read again each time they are needed.
    Text { text: Arc<str>, span: Range<usize> },
    /// Already read: a file that could not be cut per cloud, or the cloud
    /// made of `OS_*` variables.
    Parsed(Dict),
}

impl Body {
    /// The cloud's settings.
    pub(crate) fn dict(&self) -> Dict {
        match self {
            Body::Parsed(d) => d.clone(),
            // The same text was read when the file was loaded, so it reads
            // again as one mapping of one key.
            Body::Text { text, span } => match yaml::from_str(&text[span.clone()]) {
                Ok(Value::Object(m)) => match m.into_iter().next() {
                    Some((_, Value::Object(d))) => d,
                    _ => Dict::new(),
                },
                _ => Dict::new(),
            },
        }
    }
}

/// The top level of `clouds-public.yaml`: vendor profiles by name.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct VendorFile {
    /// Anything else in the file is not read (openstacksdk reads only this).
    #[serde(rename = "public-clouds", default)]
    pub(crate) public_clouds: Option<Map<String, Value>>,
}

/// A file that was found and read.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
}

/// A file that was found and parsed.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub(crate) path: PathBuf,
    pub(crate) value: Value,
}

/// The candidate paths for one kind of file (`stem` is `clouds`, `secure` or
/// `clouds-public`), the override (if any) first.
pub(crate) fn candidates(dirs: &[PathBuf], stem: &str, first: Option<PathBuf>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = first.into_iter().collect();
    for dir in dirs {
        for suffix in SUFFIXES {
            out.push(dir.join(format!("{stem}{suffix}")));
        }
    }
    out
}

/// Reads the first candidate that exists. `named_by` is the variable that
/// named the first candidate (`OS_CLIENT_CONFIG_FILE`), when one did: that
/// file must be read, whatever its state.
///
/// Only a file that does not exist is passed over. openstacksdk also skips
/// one it may not open; osprey stops, since the user most likely meant that
/// file and another one would be used in silence.
pub(crate) fn load_first(
    candidates: &[PathBuf],
    named_by: Option<&str>,
) -> anyhow::Result<Option<Found>> {
    for (i, path) in candidates.iter().enumerate() {
        let named_by = named_by.filter(|_| i == 0);
        let text = match read_text(path) {
            Ok(t) => t,
            Err(ReadFailure::Missing) if named_by.is_none() => continue,
            Err(failure) => return Err(unreadable(path, &failure, named_by)),
        };
        return Ok(Some(Found {
            path: path.clone(),
            text,
        }));
    }
    Ok(None)
}

/// Why a file could not be read as text.
#[derive(Debug)]
pub(crate) enum ReadFailure {
    Missing,
    Directory,
    Denied,
    /// Where the first byte that is not UTF-8 is (1-based).
    NotUtf8 {
        line: usize,
        column: usize,
    },
    Other(String),
}

impl ReadFailure {
    /// The cause, for `cannot read FILE: CAUSE`.
    pub(crate) fn cause(&self) -> String {
        match self {
            ReadFailure::Missing => "no such file".into(),
            ReadFailure::Directory => "is a directory".into(),
            ReadFailure::Denied => "permission denied".into(),
            ReadFailure::NotUtf8 { line, column } => {
                format!("not UTF-8 text (line {line}, column {column})")
            }
            ReadFailure::Other(e) => e.clone(),
        }
    }

    /// What to do about it.
    pub(crate) fn hint(&self, path: &Path) -> String {
        match self {
            ReadFailure::Missing => "check the path".into(),
            ReadFailure::Directory => format!(
                "name the file itself, e.g. {}",
                path.join("clouds.yaml").display()
            ),
            ReadFailure::Denied => format!(
                "make it readable by this user (chmod u+r {}), or run osprey as its owner",
                path.display()
            ),
            ReadFailure::NotUtf8 { .. } => {
                "save it as UTF-8 text (e.g. iconv -f LATIN1 -t UTF-8)".into()
            }
            ReadFailure::Other(_) => "check the file and the filesystem it is on".into(),
        }
    }
}

/// Reads a whole file as UTF-8 text.
pub(crate) fn read_text(path: &Path) -> Result<String, ReadFailure> {
    use std::io::ErrorKind;
    if path.is_dir() {
        return Err(ReadFailure::Directory);
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => ReadFailure::Missing,
        ErrorKind::IsADirectory => ReadFailure::Directory,
        ErrorKind::PermissionDenied => ReadFailure::Denied,
        _ => ReadFailure::Other(lower_first(&e.to_string())),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        ReadFailure::NotUtf8 {
            line: good.iter().filter(|b| **b == b'\n').count() + 1,
            column: good.len() - line_start + 1,
        }
    })
}

/// The error for a configuration file that exists (or was named) but
/// cannot be read.
fn unreadable(path: &Path, failure: &ReadFailure, named_by: Option<&str>) -> anyhow::Error {
    let named = match named_by {
        Some(var) => format!(" (named by {var})"),
        None => String::new(),
    };
    let next = match named_by {
        Some(var) => format!(
            "or unset {var} to search the current directory, ~/.config/openstack and /etc/openstack"
        ),
        None => {
            "osprey does not pass over a configuration file it cannot read: fix it or remove it"
                .into()
        }
    };
    // `describe` lists the outer layer's hint first: the cause's.
    add_hint(
        hinted(
            format!("cannot read {}{named}: {}", path.display(), failure.cause()),
            next,
        ),
        failure.hint(path),
    )
}

/// Parses YAML, or JSON when the name ends in `json` (openstacksdk's test).
pub(crate) fn parse(path: &Path, text: &str) -> anyhow::Result<Value> {
    if is_json(path) {
        return serde_json::from_str(text).map_err(|e| {
            let msg = strip_location(&e.to_string(), e.line(), e.column());
            hinted(
                format!("{}:{}:{}: invalid json: {msg}", path.display(), e.line(), e.column()),
                "openstacksdk would skip this file silently; osprey stops so the mistake is not hidden",
            )
        });
    }
    yaml::from_str(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        let msg = strip_location(&e.to_string(), line, column);
        let place = format!("{}:{line}:{column}", path.display());
        match msg.split_once(yaml::SHAPE_MARK) {
            // serde_yaml puts the key path (`clouds.a: `) before the mark.
            Some((key_path, shape)) => hinted(
                format!("{place}: {key_path}{shape}"),
                "clouds.yaml takes plain mappings, lists and scalars (anchors and `<<` merges are fine)",
            ),
            None => hinted(
                format!("{place}: invalid yaml: {msg}"),
                "openstacksdk would skip this file silently; osprey stops so the mistake is not hidden",
            ),
        }
    })
}

fn strip_location(msg: &str, line: usize, column: usize) -> String {
    msg.replacen(&format!(" at line {line} column {column}"), "", 1)
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Reads clouds.yaml or secure.yaml. `each` sees every cloud's settings,
/// once, while they are in memory; its results come back in file order.
///
/// The file is read cloud by cloud when [`yaml::split_clouds`] can cut it
/// and every piece reads cleanly; otherwise (and for every error, so that
/// its line and column are right) as one document.
pub(crate) fn read_clouds<T>(
    found: Found,
    mut each: impl FnMut(&str, Dict) -> T,
) -> anyhow::Result<(CloudsFile, Vec<T>)> {
    let Found { path, text } = found;
    if !is_json(&path)
        && let Some(split) = yaml::split_clouds(&text)
        && let Some(read) = read_split(&path, &text, split, &mut each)
    {
        return Ok(read);
    }
    let value = parse(&path, &text)?;
    let Some(mut top) = top_level(&path, value)? else {
        let file = CloudsFile {
            path,
            clouds: CloudsKey::Absent,
            other: None,
            holds_secret: false,
        };
        return Ok((file, Vec::new()));
    };
    // A cloud's name is not a setting: one named `password` holds nothing.
    let mut holds = false;
    let origin = path.display().to_string();
    let (clouds, out) = match top.shift_remove("clouds") {
        None => (CloudsKey::Absent, Vec::new()),
        Some(Value::Null) => (CloudsKey::Null, Vec::new()),
        Some(Value::Object(clouds)) => {
            let mut entries = Vec::with_capacity(clouds.len());
            let mut out = Vec::with_capacity(clouds.len());
            for (name, cloud) in clouds {
                let Value::Object(cloud) = cloud else {
                    return Err(not_a_cloud(&origin, &name, &cloud));
                };
                holds = holds || holds_secret_in(&cloud);
                out.push(each(&name, cloud.clone()));
                entries.push((name, Body::Parsed(cloud)));
            }
            (CloudsKey::Mapping(entries), out)
        }
        Some(other) => {
            return Err(hinted(
                format!(
                    "{origin}: key 'clouds' must be a mapping of cloud names to settings, found {}",
                    kind(&other)
                ),
                "write `clouds:` then each cloud name indented under it, e.g. `  mycloud:`",
            ));
        }
    };
    let file = CloudsFile {
        path,
        clouds,
        holds_secret: holds || holds_secret_in(&top),
        other: Some(top),
    };
    Ok((file, out))
}

/// The file read piece by piece, or `None` when a piece or the rest does
/// not read as [`yaml::split_clouds`] requires.
fn read_split<T>(
    path: &Path,
    text: &str,
    split: yaml::Split,
    each: &mut impl FnMut(&str, Dict) -> T,
) -> Option<(CloudsFile, Vec<T>)> {
    let Ok(Value::Object(mut top)) = yaml::from_str(&split.rest) else {
        return None;
    };
    if top.shift_remove("clouds") != Some(Value::Null) {
        return None;
    }
    let mut holds = holds_secret_in(&top);
    let shared: Arc<str> = Arc::from(text);
    let mut names = std::collections::HashSet::with_capacity(split.clouds.len());
    let mut entries = Vec::with_capacity(split.clouds.len());
    let mut out = Vec::with_capacity(split.clouds.len());
    for span in split.clouds {
        let Ok(Value::Object(piece)) = yaml::from_str(&text[span.clone()]) else {
            return None;
        };
        let mut piece = piece.into_iter();
        let (Some((name, Value::Object(cloud))), None) = (piece.next(), piece.next()) else {
            return None;
        };
        if !names.insert(name.clone()) {
            return None;
        }
        holds = holds || holds_secret_in(&cloud);
        out.push(each(&name, cloud));
        let body = Body::Text {
            text: Arc::clone(&shared),
            span,
        };
        entries.push((name, body));
    }
    let clouds = if entries.is_empty() {
        CloudsKey::Null
    } else {
        CloudsKey::Mapping(entries)
    };
    let file = CloudsFile {
        path: path.to_path_buf(),
        clouds,
        other: Some(top),
        holds_secret: holds,
    };
    Some((file, out))
}

fn is_json(path: &Path) -> bool {
    path.to_string_lossy().ends_with("json")
}

fn not_a_cloud(origin: &str, name: &str, cloud: &Value) -> anyhow::Error {
    hinted(
        format!(
            "{origin}: key 'clouds.{name}' must be a mapping of settings, found {}",
            kind(cloud)
        ),
        "indent the cloud's settings (auth:, region_name:, ...) under its name",
    )
}

/// The top level as a mapping, or an error naming the file. An empty file
/// (`null`) is no configuration at all, as in openstacksdk.
fn top_level(path: &Path, value: Value) -> anyhow::Result<Option<Dict>> {
    match value {
        Value::Null => Ok(None),
        Value::Object(m) => Ok(Some(m)),
        other => Err(hinted(
            format!(
                "{}: the top level must be a mapping with a `clouds` key, found {}",
                path.display(),
                kind(&other)
            ),
            "start the file with `clouds:` and indent each cloud under it",
        )),
    }
}

/// clouds-public.yaml, parsed.
pub(crate) fn vendor_file(found: Found) -> anyhow::Result<Loaded> {
    let value = parse(&found.path, &found.text)?;
    Ok(Loaded {
        path: found.path,
        value,
    })
}

/// The profiles of clouds-public.yaml.
pub(crate) fn vendor_profiles(loaded: Loaded) -> anyhow::Result<VendorFile> {
    let Some(top) = top_level(&loaded.path, loaded.value)? else {
        return Ok(VendorFile::default());
    };
    if let Some(other) = top.get("public-clouds").filter(|v| !v.is_object()) {
        return Err(hinted(
            format!(
                "{}: key 'public-clouds' must be a mapping of profile names to settings, found {}",
                loaded.path.display(),
                kind(other)
            ),
            "write `public-clouds:` then each profile name indented under it",
        ));
    }
    serde_json::from_value(Value::Object(top))
        .map_err(|e| anyhow::anyhow!("{}: {e}", loaded.path.display()))
}

/// How a value reads in an error message.
pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// Whether a parsed file holds a credential anywhere.
pub(crate) fn holds_secret(v: &Value) -> bool {
    match v {
        Value::Object(m) => holds_secret_in(m),
        Value::Array(a) => a.iter().any(holds_secret),
        _ => false,
    }
}

fn holds_secret_in(m: &Dict) -> bool {
    m.iter().any(|(k, v)| {
        let key = k.replace('-', "_");
        (SECRET_KEYS.contains(&key.as_str()) && truthy(v)) || holds_secret(v)
    })
}

/// A warning when `loaded` holds a secret and its mode lets the group or
/// others read it.
#[cfg(unix)]
pub(crate) fn exposure_warning(file: &CloudsFile) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    if !file.holds_secret {
        return None;
    }
    let mode = std::fs::metadata(&file.path).ok()?.permissions().mode() & 0o777;
    if mode & 0o044 == 0 {
        return None;
    }
    let who = if mode & 0o004 != 0 {
        "others"
    } else {
        "its group"
    };
    Some(format!(
        "warning: {} holds secrets and is readable by {who} (mode {mode:04o})\nhint: chmod 600 {}",
        file.path.display(),
        file.path.display()
    ))
}

#[cfg(not(unix))]
pub(crate) fn exposure_warning(_file: &CloudsFile) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::dict;
    use serde_json::json;

    fn yaml(text: &str) -> Value {
        parse(Path::new("/x/clouds.yaml"), text).unwrap()
    }

    #[test]
    fn merge_keys_follow_pyyaml() {
        let v = yaml(
            "base: &b {a: 1, b: 2}\nother: &o {b: 3, c: 4}\nc:\n  <<: [*b, *o]\n  c: 5\n  d: 6\n",
        );
        // Merged keys come first (the list reversed), the earlier merged
        // mapping wins, own keys override: PyYAML gives {b: 2, c: 5, a: 1, d: 6}.
        assert_eq!(v["c"], json!({"a": 1, "b": 2, "c": 5, "d": 6}));
        let keys: Vec<&String> = v["c"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["b", "c", "a", "d"]);
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let err = parse(Path::new("/x/clouds.yaml"), "clouds:\n  a: b: c\n").unwrap_err();
        let (msg, hints) = crate::error::describe(&err);
        assert!(
            msg.starts_with("/x/clouds.yaml:2:7: invalid yaml: mapping values"),
            "{msg}"
        );
        assert!(!msg.contains("at line"), "{msg}");
        assert_eq!(hints.len(), 1);
        let err = parse(Path::new("/x/clouds.json"), "{\"clouds\": {,}}").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/x/clouds.json:1:13: invalid json"),
            "{err}"
        );
    }

    #[test]
    fn scalar_keys_are_stringified_like_python() {
        let v = yaml("clouds:\n  1: {}\n  true: {}\n");
        let keys: Vec<&String> = v["clouds"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["1", "True"]);
    }

    #[test]
    fn secrets_are_found_anywhere() {
        assert!(holds_secret(
            &json!({"clouds": {"a": {"auth": {"password": "x"}}}})
        ));
        assert!(holds_secret(
            &json!({"clouds": {"a": {"regions": [{"values": {"auth": {"auth-token": "t"}}}]}}})
        ));
        assert!(!holds_secret(
            &json!({"clouds": {"a": {"auth": {"password": ""}}}})
        ));
        assert!(!holds_secret(
            &json!({"clouds": {"a": {"auth": {"username": "password"}}}})
        ));
    }

    fn read(text: &str) -> anyhow::Result<Vec<(String, Dict)>> {
        let found = Found {
            path: PathBuf::from("/x/clouds.yaml"),
            text: text.to_string(),
        };
        let (file, seen) = read_clouds(found, |name, cloud| (name.to_string(), cloud))?;
        let CloudsKey::Mapping(entries) = file.clouds else {
            return Ok(Vec::new());
        };
        // What `each` saw is what the bodies read back as.
        for ((name, body), (seen_name, seen_cloud)) in entries.iter().zip(&seen) {
            assert_eq!((name, &body.dict()), (seen_name, seen_cloud));
        }
        Ok(seen)
    }

    #[test]
    fn a_cloud_named_like_a_secret_holds_none() {
        for text in [
            "clouds:\n  password: {a: 1}\n",
            "clouds: {password: {a: 1}}\n",
        ] {
            let found = Found {
                path: PathBuf::from("/x/clouds.yaml"),
                text: text.to_string(),
            };
            let (file, _) = read_clouds(found, |_, _| ()).unwrap();
            assert!(!file.holds_secret, "{text}");
        }
        let found = Found {
            path: PathBuf::from("/x/clouds.yaml"),
            text: "clouds: {a: {auth: {password: p}}}\n".to_string(),
        };
        assert!(read_clouds(found, |_, _| ()).unwrap().0.holds_secret);
    }

    #[test]
    fn clouds_read_piecewise_or_whole_alike() {
        // Cut per cloud.
        let clouds = read("x: 1\nclouds:\n  a:\n    k: 1\n  b: {k: 2}\n").unwrap();
        assert_eq!(clouds[1], ("b".to_string(), dict(json!({"k": 2}))));
        // An alias across clouds, a repeated name, a cloud that is not a
        // mapping: the whole document is read, and says what is wrong.
        let clouds = read("clouds:\n  a: &x {k: 1}\n  b: *x\n").unwrap();
        assert_eq!(clouds[1], ("b".to_string(), dict(json!({"k": 1}))));
        let err = read("clouds:\n  a: {}\n  a: {}\n").unwrap_err();
        assert!(
            format!("{err:#}").contains("duplicate entry with key \"a\""),
            "{err:#}"
        );
        let err = read("clouds:\n  a: 3\n").unwrap_err();
        assert!(
            err.to_string().contains("'clouds.a' must be a mapping"),
            "{err}"
        );
        // A cut through a quoted scalar leaves pieces that do not parse.
        let clouds = read("clouds:\n  a: {k: \"x\n  y\"}\n").unwrap();
        assert_eq!(clouds[0].1, dict(json!({"k": "x y"})));
    }

    #[test]
    fn issue_7_each_cause_has_its_hint() {
        // Running as root, a test cannot make a file unreadable: the
        // permission case is checked here, the others end to end.
        let path = Path::new("/x/clouds.yaml");
        let err = unreadable(path, &ReadFailure::Denied, Some("OS_CLIENT_CONFIG_FILE"));
        let (msg, hints) = crate::error::describe(&err);
        assert_eq!(
            msg,
            "cannot read /x/clouds.yaml (named by OS_CLIENT_CONFIG_FILE): permission denied"
        );
        assert!(hints[0].contains("chmod u+r /x/clouds.yaml"), "{hints:?}");
        assert!(
            hints[1].starts_with("or unset OS_CLIENT_CONFIG_FILE"),
            "{hints:?}"
        );
        let (_, hints) = crate::error::describe(&unreadable(path, &ReadFailure::Denied, None));
        assert!(hints[1].contains("does not pass over"), "{hints:?}");
    }

    #[test]
    fn candidates_put_the_override_first() {
        let c = candidates(
            &[PathBuf::from("/a")],
            "clouds",
            Some(PathBuf::from("/o.yaml")),
        );
        let c: Vec<String> = c.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(
            c,
            [
                "/o.yaml",
                "/a/clouds.yaml",
                "/a/clouds.yml",
                "/a/clouds.json"
            ]
        );
    }
}
