//! `--routed FILE`: the groups of networks that are interconnected (a VPN,
//! an interconnect), as `cloud/region/network-name` globs. Networks in one
//! group must not overlap; an overlap between networks that share no group
//! is only information.
//!
//! ```yaml
//! groups:
//!   backbone: ["prod/*/app-*", "dr/East/app-*"]
//!   lab: ["lab/*/*"]
//! ```

use crate::api::SiteId;
use crate::context::glob;
use crate::error::hinted;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Default)]
pub(crate) struct Routed {
    groups: Vec<(String, Vec<[String; 3]>)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    groups: BTreeMap<String, Vec<String>>,
}

impl Routed {
    pub(crate) fn read(path: &Path) -> anyhow::Result<Routed> {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| {
            hinted(
                format!("--routed {shown}: {e}"),
                "pass a YAML file with `groups: {NAME: [cloud/region/network, …]}`",
            )
        })?;
        Routed::parse(&text).map_err(|why| {
            hinted(
                format!("--routed {shown}{why}"),
                "e.g. `groups: {backbone: [\"prod/*/app-*\", \"dr/East/app-*\"]}`",
            )
        })
    }

    /// The groups in `text`. An error is told to follow the file's name:
    /// `:LINE:COLUMN: …` where the YAML places it, else `: …`.
    pub(crate) fn parse(text: &str) -> Result<Routed, String> {
        // serde_yaml keeps the last of two same-named groups, so a group
        // would vanish: the reader of clouds.yaml refuses a repeated key.
        crate::config::yaml::from_str(text).map_err(|e| placed(&e))?;
        let file: File = serde_yaml::from_str(text).map_err(|e| placed(&e))?;
        let mut groups = Vec::new();
        for (name, members) in file.groups {
            let mut globs = Vec::new();
            for m in members {
                let mut parts = m.splitn(3, '/');
                match (parts.next(), parts.next(), parts.next()) {
                    (Some(c), Some(r), Some(n))
                        if !c.is_empty() && !r.is_empty() && !n.is_empty() =>
                    {
                        globs.push([c.to_string(), r.to_string(), n.to_string()]);
                    }
                    _ => {
                        return Err(format!(
                            ": groups.{name}: '{m}' is not cloud/region/network (globs allowed)"
                        ));
                    }
                }
            }
            groups.push((name, globs));
        }
        Ok(Routed { groups })
    }

    /// Whether the two networks share a routed group.
    pub(crate) fn together(&self, a: &SiteId, net_a: &str, b: &SiteId, net_b: &str) -> bool {
        let holds = |g: &[[String; 3]], site: &SiteId, net: &str| {
            g.iter()
                .any(|[c, r, n]| glob(c, &site.cloud) && glob(r, &site.region) && glob(n, net))
        };
        self.groups
            .iter()
            .any(|(_, g)| holds(g, a, net_a) && holds(g, b, net_b))
    }
}

/// A serde_yaml error as `:LINE:COLUMN: message`, or `: message`.
fn placed(err: &serde_yaml::Error) -> String {
    let text = err.to_string();
    let Some(at) = err.location() else {
        return format!(": {text}");
    };
    let (line, column) = (at.line(), at.column());
    let text = text.replacen(&format!(" at line {line} column {column}"), "", 1);
    // The clouds.yaml reader marks errors of shape (tags, merges).
    let text = text.replacen(crate::config::yaml::SHAPE_MARK, "", 1);
    format!(":{line}:{column}: {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(c: &str, r: &str) -> SiteId {
        SiteId::new(c, r)
    }

    #[test]
    fn networks_in_one_group_are_together() {
        let r = Routed::parse(
            "groups:\n  backbone: ['prod/*/app-*', 'dr/East/app-*']\n  lab: ['lab/*/*']\n",
        )
        .unwrap();
        assert!(r.together(
            &site("prod", "R1"),
            "app-net",
            &site("dr", "East"),
            "app-db"
        ));
        assert!(!r.together(
            &site("prod", "R1"),
            "app-net",
            &site("dr", "West"),
            "app-db"
        ));
        assert!(!r.together(&site("prod", "R1"), "app-net", &site("lab", "L"), "x"));
        assert!(r.together(&site("lab", "L1"), "x", &site("lab", "L2"), "y"));
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        assert!(
            Routed::parse("groups:\n  g: ['prod/R1']\n")
                .unwrap_err()
                .contains("'prod/R1' is not cloud/region/network")
        );
        assert!(
            Routed::parse("grops: {}\n")
                .unwrap_err()
                .contains("unknown field")
        );
        assert!(Routed::parse("- a\n").is_err());
    }

    #[test]
    fn issue_14_a_group_written_twice_is_refused_where_it_repeats() {
        let text = "groups:\n  lab: ['lab/*/*']\n  backbone: ['prod/*/*']\n  lab: ['dr/*/*']\n";
        assert_eq!(
            Routed::parse(text).unwrap_err(),
            ":4:3: groups: duplicate entry with key \"lab\""
        );
        let text = "groups: {a: ['x/y/z']}\ngroups: {b: ['x/y/z']}\n";
        assert_eq!(
            Routed::parse(text).unwrap_err(),
            ":2:1: duplicate entry with key \"groups\""
        );
    }
}
