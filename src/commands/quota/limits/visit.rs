//! The file's validating reader: hand-written serde visitors that check
//! each key where it is read, so an error can name its line and key path.

use super::*;
use crate::api::Service;
use serde::de::{Deserializer, MapAccess, Visitor};

/// Nova's nova-network quotas, still listed by Nova but enforced by Neutron.
const NOVA_NETWORK_ALIASES: [(&str, &str); 4] = [
    ("floating_ips", "floatingip"),
    ("security_groups", "security_group"),
    ("security_group_rules", "security_group_rule"),
    ("fixed_ips", "port"),
];

/// Each seed hands itself to the deserializer as its own visitor.
macro_rules! seed {
    ($ty:ty, $value:ty, $how:ident) => {
        impl<'de> DeserializeSeed<'de> for $ty {
            type Value = $value;

            fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<$value, D::Error> {
                de.$how(self)
            }
        }
    };
}

/// Which map a key belongs to, for validation and messages.
#[derive(Clone, Copy)]
enum Keys {
    Top,
    Projects,
    Services,
    Resources(Service),
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
            Keys::Services if Service::from_quota_name(key).is_some() => Ok(()),
            Keys::Services => {
                let names = Service::QUOTA.map(Service::name);
                let mut hints = with_guess(key, &names, format!("services: {}", names.join(", ")));
                // A resource one level too high: the service key is missing.
                if let Some(s) = Service::QUOTA.into_iter().find(|s| s.has_quota(key)) {
                    hints.insert(0, format!("'{key}' is a {s} resource: put it under '{s}:'"));
                }
                Err((format!("unknown service '{key}'"), hints))
            }
            Keys::Resources(s) if s.has_quota(key) => Ok(()),
            Keys::Resources(s) => {
                let mut list = s.quota_resources().join(", ");
                if s == Service::Volume {
                    list.push_str(", volumes_<type>, gigabytes_<type>, snapshots_<type>");
                }
                let mut hints =
                    with_guess(key, s.quota_resources(), format!("{s} resources: {list}"));
                if let Some(other) = Service::QUOTA
                    .into_iter()
                    .find(|o| *o != s && o.has_quota(key))
                {
                    hints.insert(0, format!("'{key}' is a {other} resource"));
                } else if let Some((_, neutron)) = NOVA_NETWORK_ALIASES
                    .iter()
                    .find(|(nova, _)| s == Service::Compute && *nova == key)
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

seed!(KeySeed<'_>, String, deserialize_str);

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
pub(super) struct FileSeed;

// `any`, not `map`: serde_yaml would read an empty document as `{}`.
seed!(FileSeed, GlobalLimits, deserialize_any);

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

seed!(Optional, Option<ServiceLimits>, deserialize_option);

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
    Resources(Service),
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

seed!(MapSeed, Read, deserialize_any);

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
                    let service = Service::from_quota_name(key).unwrap_or(Service::Compute);
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

seed!(Number, i64, deserialize_any);

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
