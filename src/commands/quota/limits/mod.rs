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

mod visit;

use crate::config::{ReadFailure, read_text};
use crate::context::pattern_matches;
use crate::error::{add_hint, hinted};
use serde::de::{self, DeserializeSeed};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use visit::FileSeed;

/// Global limits by service name (`compute`, …) and resource; `-1` is
/// unlimited (not managed).
pub(crate) type ServiceLimits = BTreeMap<String, BTreeMap<String, i64>>;

/// The global limits file, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GlobalLimits {
    /// Keyed by project name or id.
    pub(crate) projects: BTreeMap<String, ServiceLimits>,
    /// For projects not listed; not merged into listed ones.
    pub(crate) defaults: Option<ServiceLimits>,
    /// `cloud/region` globs and their weights, in file order.
    pub(crate) weights: Vec<(String, u32)>,
}

impl GlobalLimits {
    /// The limits for a project: the entry keyed by its id, else by its name,
    /// else the defaults. An id wins because a name may mean different
    /// projects in different Keystones while an id means one.
    pub(crate) fn for_project(&self, name: &str, id: &str) -> Option<&ServiceLimits> {
        self.projects
            .get(id)
            .or_else(|| self.projects.get(name))
            .or(self.defaults.as_ref())
    }

    /// The global limit of one resource for a project, if the file sets one.
    pub(crate) fn global(
        &self,
        name: &str,
        id: &str,
        service: &str,
        resource: &str,
    ) -> Option<i64> {
        self.for_project(name, id)
            .and_then(|l| l.get(service))
            .and_then(|r| r.get(resource))
            .copied()
    }

    /// A site's weight for `--strategy hard`: the first glob that matches,
    /// in file order, else 1.
    pub(crate) fn weight(&self, cloud: &str, region: &str) -> u32 {
        self.weights
            .iter()
            .find(|(glob, _)| pattern_matches(glob, cloud, region))
            .map_or(1, |(_, w)| *w)
    }
}

/// Reads and validates the global limits file.
pub(crate) fn load(path: &Path) -> anyhow::Result<GlobalLimits> {
    let text = read_text(path).map_err(|failure| {
        let hint = match failure {
            ReadFailure::Missing => "check the path given to --limits".to_string(),
            ReadFailure::Directory => {
                "--limits takes the limits file itself, not a directory".into()
            }
            ref other => other.hint(path),
        };
        hinted(
            format!(
                "cannot read global limits file {}: {}",
                path.display(),
                failure.cause()
            ),
            hint,
        )
    })?;
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

#[cfg(test)]
mod tests;
