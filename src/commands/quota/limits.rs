//! The global limits file (`--limits FILE`): per project, the limit each
//! resource may reach summed over every site, plus defaults and site weights.
//!
//! ```yaml
//! projects:
//!   demo:                        # a project name (matched in every Keystone) or an id
//!     compute: {cores: 40, ram: 81920}
//!     network: {port: 200}
//! defaults:                      # for projects not listed, same shape
//!   network: {port: 500}
//! weights:                       # for `--strategy hard`; first matching glob wins
//!   "prod/RegionOne": 2
//! ```
//!
//! A global limit of `-1` means unlimited: the resource is not managed, so it
//! is neither balanced nor checked (see [`managed`]). `null` anywhere (a key
//! whose entries are all commented out) reads as empty.
//!
//! Keys are checked while the YAML is read, in hand-written visitors, because
//! serde_yaml attaches the line, column and key path only to errors raised
//! during deserialization; the values are then gone.

use crate::error::{add_hint, hinted};
use crate::fanout::select::pattern_matches;
use anyhow::Context;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// The services whose quotas the file may limit, in display order.
pub const SERVICES: [&str; 4] = ["compute", "network", "volume", "image"];

/// A service's fixed resource names (Cinder's per-volume-type keys come on
/// top); none for an unknown service.
pub fn resources(service: &str) -> &'static [&'static str] {
    match service {
        "compute" => &[
            "cores",
            "ram",
            "instances",
            "key_pairs",
            "metadata_items",
            "server_groups",
            "server_group_members",
            "injected_files",
            "injected_file_content_bytes",
            "injected_file_path_bytes",
        ],
        "network" => &[
            "network",
            "subnet",
            "subnetpool",
            "port",
            "router",
            "floatingip",
            "security_group",
            "security_group_rule",
            "rbac_policy",
            "router_route",
            "trunk",
        ],
        "volume" => &[
            "volumes",
            "snapshots",
            "gigabytes",
            "backups",
            "backup_gigabytes",
            "groups",
            "per_volume_gigabytes",
        ],
        // Glance's quotas, which exist only as Keystone unified limits.
        "image" => &[
            "image_size_total",
            "image_count_total",
            "image_stage_total",
            "image_count_uploading",
        ],
        _ => &[],
    }
}

/// Cinder's per-volume-type quota keys: `volumes_<type>` and so on.
const VOLUME_TYPE_PREFIXES: [&str; 3] = ["volumes_", "gigabytes_", "snapshots_"];

/// Resources whose limit is per user, per item or not a sum over sites, so
/// splitting a global limit between sites means nothing.
const NOT_BALANCED: [&str; 7] = [
    "key_pairs",
    "server_group_members",
    "injected_files",
    "injected_file_content_bytes",
    "injected_file_path_bytes",
    "metadata_items",
    "per_volume_gigabytes",
];

/// Whether `resource` is a quota of `service` that osprey knows.
pub fn is_known(service: &str, resource: &str) -> bool {
    resources(service).contains(&resource)
        || (service == "volume"
            && VOLUME_TYPE_PREFIXES
                .iter()
                .any(|p| resource.len() > p.len() && resource.starts_with(p)))
}

/// Whether a global limit on `resource` can be split between sites.
pub fn is_balanced(service: &str, resource: &str) -> bool {
    is_known(service, resource) && !NOT_BALANCED.contains(&resource)
}

/// Global limits by service name (`compute`, …) and resource; `-1` is
/// unlimited (not managed).
pub type ServiceLimits = BTreeMap<String, BTreeMap<String, i64>>;

/// The global limits file, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GlobalLimits {
    /// Keyed by project name or id.
    pub projects: BTreeMap<String, ServiceLimits>,
    /// For projects not listed; not merged into listed ones.
    pub defaults: Option<ServiceLimits>,
    /// `cloud/region` globs and their weights, in file order.
    pub weights: Vec<(String, u32)>,
}

impl GlobalLimits {
    /// The limits for a project: the entry keyed by its id, else by its name,
    /// else the defaults. An id wins because a name may mean different
    /// projects in different Keystones while an id means one.
    pub fn for_project(&self, name: &str, id: &str) -> Option<&ServiceLimits> {
        self.projects
            .get(id)
            .or_else(|| self.projects.get(name))
            .or(self.defaults.as_ref())
    }

    /// The global limit of one resource for a project, if the file sets one.
    pub fn global(&self, name: &str, id: &str, service: &str, resource: &str) -> Option<i64> {
        self.for_project(name, id)
            .and_then(|l| l.get(service))
            .and_then(|r| r.get(resource))
            .copied()
    }

    /// A site's weight for `--strategy hard`: the first glob that matches,
    /// in file order, else 1.
    pub fn weight(&self, cloud: &str, region: &str) -> u32 {
        self.weights
            .iter()
            .find(|(glob, _)| pattern_matches(glob, cloud, region))
            .map_or(1, |(_, w)| *w)
    }
}

/// Reads and validates the global limits file.
pub fn load(path: &Path) -> anyhow::Result<GlobalLimits> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read global limits file {}", path.display()))
        .map_err(|e| add_hint(e, "check the path given to --limits".into()))?;
    parse(&text, path)
}

/// Validates the text of a global limits file; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> anyhow::Result<GlobalLimits> {
    let file = path.display();
    let de = serde_yaml::Deserializer::from_str(text);
    FileSeed
        .deserialize(de)
        .map_err(|e| yaml_error(&e, &file.to_string()))
}

const FORMAT_HINT: &str = "see examples/global-limits.yaml for the format";

/// Hints travel inside serde's one-string error after this marker.
const HINT_MARK: &str = "\nhint: ";

/// `file:line:column: key.path: message` and its hint lines, from a serde_yaml
/// error whose text is `key.path: message[\nhint: …] at line L column C`.
fn yaml_error(err: &serde_yaml::Error, file: &str) -> anyhow::Error {
    let mut text = err.to_string();
    let place = match err.location() {
        Some(loc) => {
            let suffix = format!(" at line {} column {}", loc.line(), loc.column());
            if let Some(at) = text.find(&suffix) {
                text.replace_range(at..at + suffix.len(), "");
            }
            format!("{file}:{}:{}", loc.line(), loc.column())
        }
        None => file.to_string(),
    };
    let mut parts = text.split(HINT_MARK);
    let message = format!("{place}: {}", parts.next().unwrap_or_default());
    let hints: Vec<&str> = parts.collect();
    // Shape and syntax errors come from serde_yaml, without hints.
    let Some((last, rest)) = hints.split_last() else {
        return hinted(message, FORMAT_HINT);
    };
    // `describe` lists the outermost layer's hint first.
    rest.iter()
        .rev()
        .fold(hinted(message, *last), |e, h| add_hint(e, h.to_string()))
}

/// A deserialization error carrying hint lines.
fn fail<E: de::Error>(message: impl fmt::Display, hints: &[String]) -> E {
    let mut text = message.to_string();
    for h in hints {
        text.push_str(HINT_MARK);
        text.push_str(h);
    }
    E::custom(text)
}

/// Nova's nova-network quotas, still listed by Nova but enforced by Neutron.
const NOVA_NETWORK_ALIASES: [(&str, &str); 4] = [
    ("floating_ips", "floatingip"),
    ("security_groups", "security_group"),
    ("security_group_rules", "security_group_rule"),
    ("fixed_ips", "port"),
];

/// Which map a key belongs to, for validation and messages.
#[derive(Clone, Copy)]
enum Keys {
    Top,
    Projects,
    Services,
    Resources(&'static str),
    Weights,
}

const TOP_KEYS: [&str; 3] = ["projects", "defaults", "weights"];

impl Keys {
    /// `Err(message, hints)` when `key` does not belong here.
    fn check(self, key: &str) -> Result<(), (String, Vec<String>)> {
        match self {
            Keys::Projects | Keys::Weights => {
                if key.is_empty() {
                    let what = if matches!(self, Keys::Weights) {
                        "site glob"
                    } else {
                        "project name or id"
                    };
                    return Err((format!("empty {what}"), Vec::new()));
                }
                Ok(())
            }
            Keys::Top if TOP_KEYS.contains(&key) => Ok(()),
            Keys::Top => Err((
                format!("unknown key '{key}'"),
                with_guess(
                    key,
                    &TOP_KEYS,
                    "top-level keys: projects, defaults, weights",
                ),
            )),
            Keys::Services if SERVICES.contains(&key) => Ok(()),
            Keys::Services => {
                let mut hints = with_guess(
                    key,
                    &SERVICES,
                    "services: compute, network, volume, image".to_string(),
                );
                // A resource one level too high: the service key is missing.
                if let Some(s) = SERVICES.into_iter().find(|s| is_known(s, key)) {
                    hints.insert(0, format!("'{key}' is a {s} resource: put it under '{s}:'"));
                }
                Err((format!("unknown service '{key}'"), hints))
            }
            Keys::Resources(s) if is_known(s, key) => Ok(()),
            Keys::Resources(s) => {
                let mut list = resources(s).join(", ");
                if s == "volume" {
                    list.push_str(", volumes_<type>, gigabytes_<type>, snapshots_<type>");
                }
                let mut hints = with_guess(key, resources(s), format!("{s} resources: {list}"));
                if let Some(other) = SERVICES.into_iter().find(|o| *o != s && is_known(o, key)) {
                    hints.insert(0, format!("'{key}' is a {other} resource"));
                } else if let Some((_, neutron)) = NOVA_NETWORK_ALIASES
                    .iter()
                    .find(|(nova, _)| s == "compute" && *nova == key)
                {
                    hints.insert(
                        0,
                        format!("Neutron enforces this quota: use network: {{{neutron}: …}}"),
                    );
                }
                Err((format!("unknown {s} resource '{key}'"), hints))
            }
        }
    }
}

/// `did you mean '…'?` when a candidate is close, then the list.
fn with_guess(key: &str, candidates: &[&str], list: impl Into<String>) -> Vec<String> {
    let mut hints = Vec::new();
    if let Some(best) = crate::error::closest(key, candidates) {
        hints.push(format!("did you mean '{best}'?"));
    }
    hints.push(list.into());
    hints
}

/// A map key: a string, valid for its map and not seen before in it.
struct KeySeed<'a> {
    keys: Keys,
    seen: &'a [String],
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<String, D::Error> {
        de.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<String, E> {
        if key == "<<" {
            return Err(fail(
                "YAML merge keys (<<) are not supported",
                &["reuse a whole mapping with an alias (*name) instead".to_string()],
            ));
        }
        if let Err((message, hints)) = self.keys.check(key) {
            return Err(fail(message, &hints));
        }
        if self.seen.iter().any(|k| k == key) {
            return Err(fail(format!("duplicate key '{key}'"), &[]));
        }
        Ok(key.to_string())
    }
}

/// Reads a mapping whose keys are checked by `keys`, each value by `value`;
/// `null` reads as an empty mapping.
fn read_map<'de, A, T>(
    mut map: A,
    keys: Keys,
    mut value: impl FnMut(&mut A, &str) -> Result<T, A::Error>,
) -> Result<Vec<(String, T)>, A::Error>
where
    A: MapAccess<'de>,
{
    let mut out: Vec<(String, T)> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    while let Some(key) = map.next_key_seed(KeySeed { keys, seen: &seen })? {
        let v = value(&mut map, &key)?;
        seen.push(key.clone());
        out.push((key, v));
    }
    Ok(out)
}

/// The whole file.
struct FileSeed;

impl<'de> DeserializeSeed<'de> for FileSeed {
    type Value = GlobalLimits;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<GlobalLimits, D::Error> {
        // `any`, not `map`: serde_yaml would read an empty document as `{}`.
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FileSeed {
    type Value = GlobalLimits;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping with projects, defaults and weights")
    }

    // Only comments, or a lone `~`: most likely the wrong file.
    fn visit_unit<E: de::Error>(self) -> Result<GlobalLimits, E> {
        Err(fail(
            "the global limits file is empty",
            &[FORMAT_HINT.into()],
        ))
    }

    fn visit_none<E: de::Error>(self) -> Result<GlobalLimits, E> {
        self.visit_unit()
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<GlobalLimits, A::Error> {
        let mut limits = GlobalLimits::default();
        read_map(map, Keys::Top, |map, key| {
            match key {
                "projects" => limits.projects = map.next_value_seed(MapSeed::Projects)?.projects(),
                "defaults" => limits.defaults = map.next_value_seed(Optional)?,
                _ => limits.weights = map.next_value_seed(MapSeed::Weights)?.weights(),
            }
            Ok(())
        })?;
        Ok(limits)
    }
}

/// `defaults:`: a services mapping, or `null` for none.
struct Optional;

impl<'de> DeserializeSeed<'de> for Optional {
    type Value = Option<ServiceLimits>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Optional {
    type Value = Option<ServiceLimits>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping of services (compute, network, volume, image)")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        MapSeed::Services
            .deserialize(de)
            .map(|m| Some(m.services()))
    }
}

/// The nested mappings below the top level.
#[derive(Clone, Copy)]
enum MapSeed {
    Projects,
    Services,
    Resources(&'static str),
    Weights,
}

enum Read {
    Projects(BTreeMap<String, ServiceLimits>),
    Services(ServiceLimits),
    Resources(BTreeMap<String, i64>),
    Weights(Vec<(String, u32)>),
}

impl Read {
    fn projects(self) -> BTreeMap<String, ServiceLimits> {
        match self {
            Read::Projects(p) => p,
            _ => BTreeMap::new(),
        }
    }
    fn services(self) -> ServiceLimits {
        match self {
            Read::Services(s) => s,
            _ => ServiceLimits::new(),
        }
    }
    fn resources(self) -> BTreeMap<String, i64> {
        match self {
            Read::Resources(r) => r,
            _ => BTreeMap::new(),
        }
    }
    fn weights(self) -> Vec<(String, u32)> {
        match self {
            Read::Weights(w) => w,
            _ => Vec::new(),
        }
    }
}

impl MapSeed {
    fn empty(self) -> Read {
        match self {
            MapSeed::Projects => Read::Projects(BTreeMap::new()),
            MapSeed::Services => Read::Services(ServiceLimits::new()),
            MapSeed::Resources(_) => Read::Resources(BTreeMap::new()),
            MapSeed::Weights => Read::Weights(Vec::new()),
        }
    }
}

impl<'de> DeserializeSeed<'de> for MapSeed {
    type Value = Read;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Read, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MapSeed {
    type Value = Read;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            MapSeed::Projects => f.write_str("a mapping of project names or ids to services"),
            MapSeed::Services => {
                f.write_str("a mapping of services (compute, network, volume, image)")
            }
            MapSeed::Resources(s) => write!(f, "a mapping of {s} resources to limits"),
            MapSeed::Weights => f.write_str("a mapping of cloud/region globs to weights"),
        }
    }

    // A key whose entries are all commented out is `null`: nothing there.
    fn visit_unit<E: de::Error>(self) -> Result<Read, E> {
        Ok(self.empty())
    }

    fn visit_none<E: de::Error>(self) -> Result<Read, E> {
        Ok(self.empty())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Read, A::Error> {
        Ok(match self {
            MapSeed::Projects => Read::Projects(
                read_map(map, Keys::Projects, |map, _| {
                    Ok(map.next_value_seed(MapSeed::Services)?.services())
                })?
                .into_iter()
                .collect(),
            ),
            MapSeed::Services => Read::Services(
                read_map(map, Keys::Services, |map, key| {
                    // The key seed let only known services through.
                    let service = SERVICES.into_iter().find(|s| *s == key).unwrap_or_default();
                    Ok(map
                        .next_value_seed(MapSeed::Resources(service))?
                        .resources())
                })?
                .into_iter()
                .collect(),
            ),
            MapSeed::Resources(_) => Read::Resources(
                read_map(map, self.keys(), |map, _| {
                    map.next_value_seed(Number::Limit)
                })?
                .into_iter()
                .collect(),
            ),
            MapSeed::Weights => Read::Weights(
                read_map(map, Keys::Weights, |map, _| {
                    map.next_value_seed(Number::Weight)
                })?
                .into_iter()
                // `Number::Weight` only yields 1..=u32::MAX.
                .map(|(k, v)| (k, u32::try_from(v).unwrap_or(u32::MAX)))
                .collect(),
            ),
        })
    }
}

impl MapSeed {
    fn keys(self) -> Keys {
        match self {
            MapSeed::Projects => Keys::Projects,
            MapSeed::Services => Keys::Services,
            MapSeed::Resources(s) => Keys::Resources(s),
            MapSeed::Weights => Keys::Weights,
        }
    }
}

/// A limit (an integer ≥ 0, or -1) or a weight (an integer ≥ 1).
#[derive(Clone, Copy)]
enum Number {
    Limit,
    Weight,
}

impl Number {
    fn hint(self) -> String {
        match self {
            Number::Limit => "a global limit is an integer >= 0, or -1 for unlimited (not managed)",
            Number::Weight => "a weight is a whole number from 1 to 4294967295",
        }
        .to_string()
    }
}

impl<'de> DeserializeSeed<'de> for Number {
    type Value = i64;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<i64, D::Error> {
        de.deserialize_any(self)
    }
}

impl Visitor<'_> for Number {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Number::Limit => f.write_str("an integer limit (-1 = unlimited)"),
            Number::Weight => f.write_str("a positive integer weight"),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        let ok = match self {
            Number::Limit => v >= -1,
            Number::Weight => v >= 1 && v <= i64::from(u32::MAX),
        };
        if ok {
            Ok(v)
        } else {
            let what = match self {
                Number::Limit => "limit",
                Number::Weight => "weight",
            };
            Err(fail(format!("invalid {what} {v}"), &[self.hint()]))
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => Err(fail(format!("{v} is too large"), &[self.hint()])),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        Err(fail(
            format!("expected a whole number, found {v}"),
            &[self.hint()],
        ))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        Err(fail(
            format!("expected a number, found the string '{v}'"),
            &[self.hint()],
        ))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<i64, E> {
        Err(fail(
            format!("expected a number, found {v}"),
            &[self.hint()],
        ))
    }

    fn visit_unit<E: de::Error>(self) -> Result<i64, E> {
        Err(fail("missing value", &[self.hint()]))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<i64, E> {
        Err(fail(format!("{v} is too large"), &[self.hint()]))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<i64, E> {
        Err(fail(format!("{v} is out of range"), &[self.hint()]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::describe;

    fn parse_ok(text: &str) -> GlobalLimits {
        match parse(text, Path::new("limits.yaml")) {
            Ok(l) => l,
            Err(e) => panic!("{:?}", describe(&e)),
        }
    }

    /// The error's one line and its hints.
    fn parse_err(text: &str) -> (String, Vec<String>) {
        let err = parse(text, Path::new("limits.yaml")).expect_err("should fail");
        describe(&err)
    }

    const EXAMPLE: &str = include_str!("../../../examples/global-limits.yaml");

    #[test]
    fn the_shipped_example_parses() {
        let l = parse_ok(EXAMPLE);
        let demo = l.for_project("demo", "x").unwrap();
        assert_eq!(demo["compute"]["cores"], 40);
        assert_eq!(demo["network"]["floatingip"], 10);
        assert_eq!(demo["volume"]["gigabytes"], 2000);
        assert_eq!(demo["image"]["image_size_total"], 10000);
        assert_eq!(l.weight("prod", "RegionOne"), 2);
        assert_eq!(l.weight("prod", "RegionTwo"), 1);
        let other = l.for_project("other", "y").unwrap();
        assert_eq!(other["network"]["port"], 500);
    }

    #[test]
    fn projects_by_id_then_name_then_defaults() {
        let l = parse_ok(
            "projects:\n  demo: {compute: {cores: 1}}\n  '0123abc': {compute: {cores: 2}}\n\
             defaults:\n  compute: {cores: 3}\n",
        );
        let cores = |name, id| l.for_project(name, id).unwrap()["compute"]["cores"];
        assert_eq!(cores("demo", "zzz"), 1);
        assert_eq!(cores("other", "0123abc"), 2);
        // The id is the more precise of the two.
        assert_eq!(cores("demo", "0123abc"), 2);
        assert_eq!(cores("other", "zzz"), 3);
    }

    #[test]
    fn no_defaults_means_unlisted_projects_are_unmanaged() {
        let l = parse_ok("projects:\n  demo: {}\n");
        assert!(l.for_project("other", "id").is_none());
        assert_eq!(l.for_project("demo", "id"), Some(&ServiceLimits::new()));
    }

    #[test]
    fn weights_first_match_in_file_order() {
        let l =
            parse_ok("weights:\n  'prod/RegionOne': 5\n  prod: 3\n  '*/Region?': 2\n  all: 7\n");
        assert_eq!(
            l.weights,
            vec![
                ("prod/RegionOne".to_string(), 5),
                ("prod".to_string(), 3),
                ("*/Region?".to_string(), 2),
                ("all".to_string(), 7),
            ]
        );
        assert_eq!(l.weight("prod", "RegionOne"), 5);
        assert_eq!(l.weight("prod", "RegionTwo"), 3);
        assert_eq!(l.weight("dev", "RegionX"), 2);
        assert_eq!(l.weight("dev", "Other"), 7);
        assert_eq!(GlobalLimits::default().weight("dev", "Other"), 1);
    }

    #[test]
    fn minus_one_is_kept_but_not_managed() {
        let l = parse_ok("projects:\n  demo:\n    compute: {cores: -1, ram: 0}\n");
        let demo = l.for_project("demo", "").unwrap();
        assert_eq!(demo["compute"]["cores"], -1);
        assert_eq!(l.global("demo", "", "compute", "ram"), Some(0));
        assert_eq!(l.global("demo", "", "compute", "cores"), Some(-1));
    }

    #[test]
    fn null_reads_as_empty() {
        let l = parse_ok("projects:\n  demo:\n    compute:\ndefaults:\nweights:\n");
        assert_eq!(l.defaults, None);
        assert!(l.weights.is_empty());
        assert_eq!(l.projects["demo"]["compute"], BTreeMap::new());
    }

    #[test]
    fn per_volume_type_keys() {
        let l = parse_ok(
            "projects:\n  demo:\n    volume: {volumes_ssd: 5, gigabytes___DEFAULT__: 10, snapshots_mc-vt-1: 2}\n",
        );
        assert_eq!(l.projects["demo"]["volume"].len(), 3);
        let (msg, _) = parse_err("projects:\n  demo:\n    volume: {volumes_: 5}\n");
        assert!(msg.contains("unknown volume resource 'volumes_'"), "{msg}");
    }

    #[test]
    fn anchors_and_aliases_work() {
        let l = parse_ok("projects:\n  a: &std {compute: {cores: 4}}\n  b: *std\n");
        assert_eq!(l.projects["a"], l.projects["b"]);
    }

    #[test]
    fn unknown_resource_names_place_path_and_guess() {
        let (msg, hints) =
            parse_err("projects:\n  demo:\n    compute:\n      cores: 40\n      corez: 4\n");
        assert_eq!(
            msg,
            "limits.yaml:5:7: projects.demo.compute: unknown compute resource 'corez'"
        );
        assert_eq!(hints[0], "did you mean 'cores'?");
        assert!(
            hints[1].starts_with("compute resources: cores, ram, instances"),
            "{hints:?}"
        );
    }

    #[test]
    fn a_resource_of_another_service_says_which() {
        let (msg, hints) = parse_err("projects:\n  demo:\n    compute: {port: 4}\n");
        assert_eq!(
            msg,
            "limits.yaml:3:15: projects.demo.compute: unknown compute resource 'port'"
        );
        assert_eq!(hints[0], "'port' is a network resource");
    }

    #[test]
    fn nova_network_quotas_point_at_neutron() {
        let (_, hints) = parse_err("projects:\n  demo:\n    compute: {floating_ips: 4}\n");
        assert!(hints[0].contains("network: {floatingip"), "{hints:?}");
    }

    #[test]
    fn unknown_service() {
        let (msg, hints) = parse_err("projects:\n  demo:\n    computer: {cores: 4}\n");
        assert_eq!(
            msg,
            "limits.yaml:3:5: projects.demo: unknown service 'computer'"
        );
        assert_eq!(hints[0], "did you mean 'compute'?");
        assert_eq!(hints[1], "services: compute, network, volume, image");
    }

    #[test]
    fn a_resource_without_its_service() {
        let (msg, hints) = parse_err("defaults:\n  cores: 4\n");
        assert_eq!(msg, "limits.yaml:2:3: defaults: unknown service 'cores'");
        assert_eq!(
            hints[0],
            "'cores' is a compute resource: put it under 'compute:'"
        );
    }

    #[test]
    fn unknown_top_level_key() {
        let (msg, hints) = parse_err("projects: {}\nweight:\n  all: 2\n");
        assert_eq!(msg, "limits.yaml:2:1: unknown key 'weight'");
        assert_eq!(
            hints,
            [
                "did you mean 'weights'?",
                "top-level keys: projects, defaults, weights"
            ]
        );
    }

    #[test]
    fn negative_limits_other_than_minus_one() {
        let (msg, hints) = parse_err("projects:\n  demo:\n    network:\n      port: -5\n");
        assert_eq!(
            msg,
            "limits.yaml:4:13: projects.demo.network.port: invalid limit -5"
        );
        assert!(hints[0].contains("-1 for unlimited"), "{hints:?}");
    }

    #[test]
    fn non_integer_limits() {
        for (value, expected) in [
            ("2.5", "expected a whole number, found 2.5"),
            ("lots", "expected a number, found the string 'lots'"),
            ("'40'", "expected a number, found the string '40'"),
            ("true", "expected a number, found true"),
            ("", "missing value"),
            ("[1]", "invalid type: sequence"),
            ("99999999999999999999", "is too large"),
        ] {
            let (msg, _) = parse_err(&format!(
                "projects:\n  demo:\n    compute:\n      cores: {value}\n"
            ));
            assert!(
                msg.starts_with("limits.yaml:4:")
                    && msg.contains("projects.demo.compute.cores: ")
                    && msg.contains(expected),
                "{value}: {msg}"
            );
        }
    }

    #[test]
    fn weights_must_be_positive_integers() {
        for value in ["0", "-1", "1.5", "x", "4294967296"] {
            let (msg, hints) = parse_err(&format!("weights:\n  'prod/*': {value}\n"));
            assert!(
                msg.starts_with("limits.yaml:2:13: weights.prod/*: "),
                "{value}: {msg}"
            );
            assert!(
                hints
                    .iter()
                    .any(|h| h.starts_with("a weight is a whole number")),
                "{hints:?}"
            );
        }
    }

    #[test]
    fn duplicate_keys() {
        let (msg, _) = parse_err("projects:\n  demo: {}\n  demo: {}\n");
        assert_eq!(msg, "limits.yaml:3:3: projects: duplicate key 'demo'");
        let (msg, _) = parse_err("weights:\n  all: 1\n  all: 2\n");
        assert!(msg.contains("duplicate key 'all'"), "{msg}");
    }

    #[test]
    fn wrong_shapes() {
        let (msg, hints) = parse_err("- projects\n");
        assert!(
            msg.starts_with("limits.yaml:1:1: invalid type: sequence"),
            "{msg}"
        );
        assert_eq!(hints, [FORMAT_HINT]);
        let (msg, _) = parse_err("projects:\n  demo: [compute]\n");
        assert!(
            msg.starts_with("limits.yaml:2:9: projects.demo: invalid type: sequence, expected a mapping of services"),
            "{msg}"
        );
    }

    #[test]
    fn merge_keys_are_refused_with_a_way_out() {
        let (msg, hints) = parse_err("projects:\n  demo:\n    <<: {compute: {}}\n");
        assert_eq!(
            msg,
            "limits.yaml:3:5: projects.demo: YAML merge keys (<<) are not supported"
        );
        assert!(hints[0].contains("alias"), "{hints:?}");
    }

    #[test]
    fn yaml_syntax_errors_name_the_file_and_place() {
        let (msg, _) = parse_err("projects:\n  demo: {compute: {cores: 4}\n");
        assert!(msg.starts_with("limits.yaml:3:"), "{msg}");
        assert!(!msg.contains(" at line 3"), "{msg}");
    }

    #[test]
    fn an_empty_file_is_an_error() {
        for text in ["", "# nothing\n", "~\n"] {
            let (msg, hints) = parse_err(text);
            assert!(msg.starts_with("limits.yaml"), "{msg}");
            assert!(msg.ends_with(": the global limits file is empty"), "{msg}");
            assert_eq!(hints, [FORMAT_HINT]);
        }
        assert_eq!(parse_ok("{}\n"), GlobalLimits::default());
    }

    #[test]
    fn a_missing_file_names_it() {
        let err = load(Path::new("/nonexistent/limits.yaml")).unwrap_err();
        let (msg, hints) = describe(&err);
        assert!(
            msg.starts_with("cannot read global limits file /nonexistent/limits.yaml: "),
            "{msg}"
        );
        assert_eq!(hints, ["check the path given to --limits"]);
    }

    #[test]
    fn known_and_balanced() {
        assert!(is_known("compute", "cores"));
        assert!(!is_known("compute", "port"));
        assert!(is_known("volume", "gigabytes_ssd"));
        assert!(is_known("image", "image_count_uploading"));
        assert!(is_balanced("network", "port"));
        assert!(is_balanced("volume", "volumes_ssd"));
        for r in NOT_BALANCED {
            let s = SERVICES.into_iter().find(|s| is_known(s, r)).unwrap();
            assert!(!is_balanced(s, r), "{r}");
        }
        assert!(!is_balanced("compute", "nonsense"));
    }
}
