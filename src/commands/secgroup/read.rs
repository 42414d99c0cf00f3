//! A site's security groups as osprey compares them: the token project's
//! groups with their rules normalised, their provenance, and a digest.

use super::rules::{Names, RuleKey};
use crate::api::secgroup::{AddressGroup, Rule, SecurityGroup, TAG_EXTENSION};
use crate::api::{SiteClient, SiteId};
use crate::http::has_status;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// How a clone names its source: `osprey-source=cloud/region/id`, as a tag
/// or at the end of the description.
pub(crate) const MARKER: &str = "osprey-source=";

/// Neutron's longest description.
const DESCRIPTION_MAX: usize = 255;

/// One group, normalised.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(crate) id: String,
    pub(crate) name: String,
    /// Without the provenance marker.
    pub(crate) description: String,
    pub(crate) stateful: bool,
    /// `cloud/region/id` of the group this one was cloned from.
    pub(crate) source: Option<String>,
    /// Each rule identity with the site's rules that have it, as the site
    /// holds them (Neutron may hold two that osprey counts as one,
    /// `10.0.0.1/8` and `10.0.0.0/8`); a clone is made with their values.
    pub(crate) rules: BTreeMap<RuleKey, Vec<Rule>>,
}

impl Group {
    /// What the group does: its rule set and whether it is stateful. The
    /// name, the description and the provenance are left out, so a clone
    /// has its source's digest.
    pub(crate) fn digest(&self) -> String {
        let mut h = Sha256::new();
        h.update(format!("stateful={}\n", self.stateful));
        for key in self.rules.keys() {
            h.update(key.canonical());
            h.update("\n");
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    pub(crate) fn keys(&self) -> BTreeSet<&RuleKey> {
        self.rules.keys().collect()
    }

    /// `cloud/region/id`: what a clone of this group at `site` says.
    pub(crate) fn marker_at(&self, site: &SiteId) -> String {
        format!("{}/{}/{}", site.cloud, site.region, self.id)
    }
}

/// The groups of the token's project at one site.
#[derive(Debug, Clone)]
pub(crate) struct SiteGroups {
    pub(crate) site: SiteId,
    pub(crate) groups: Vec<Group>,
    /// Address group ids by name (read only when a rule refers to one).
    pub(crate) address_groups: BTreeMap<String, Vec<String>>,
    /// Whether groups can be tagged here (read for sync targets only).
    pub(crate) tags: bool,
}

impl SiteGroups {
    pub(crate) fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Group> + 'a {
        self.groups.iter().filter(move |g| g.name == name)
    }

    /// The one group of that name, `Ok(None)` when there is none, or the
    /// count when the name is ambiguous.
    pub(crate) fn one(&self, name: &str) -> Result<Option<&Group>, usize> {
        let found: Vec<&Group> = self.groups.iter().filter(|g| g.name == name).collect();
        match found.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            many => Err(many.len()),
        }
    }
}

/// What else to read at a site besides its groups.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Extras {
    /// Whether the site can tag groups (for sync targets).
    pub(crate) tags: bool,
    /// The address groups, even when no rule here refers to one (a sync
    /// target, when the source's rules do).
    pub(crate) address_groups: bool,
}

/// Reads the token project's groups at a site, and what `extras` asks.
pub(crate) async fn read(client: &SiteClient, extras: Extras) -> anyhow::Result<SiteGroups> {
    let project = client.token_project().await?;
    let raw = client.security_groups(&project.id).await?;
    let used = raw
        .iter()
        .flat_map(|g| &g.security_group_rules)
        .any(|r| r.remote_address_group_id.is_some());
    let address_groups = if used || extras.address_groups {
        address_groups_of(client, &project.id).await?
    } else {
        Vec::new()
    };
    let tags = extras.tags && client.network_extension(TAG_EXTENSION).await?;
    site_groups(client.id.clone(), &raw, &address_groups, tags)
}

/// A site's groups as the API shows them, normalised.
pub(crate) fn site_groups(
    site: SiteId,
    raw: &[SecurityGroup],
    address_groups: &[AddressGroup],
    tags: bool,
) -> anyhow::Result<SiteGroups> {
    let mut names = Names::default();
    for g in raw {
        names.groups.insert(g.id.clone(), g.name.clone());
    }
    let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ag in address_groups {
        names.address_groups.insert(ag.id.clone(), ag.name.clone());
        by_name
            .entry(ag.name.clone())
            .or_default()
            .push(ag.id.clone());
    }
    let groups = raw
        .iter()
        .map(|g| normalise(g, &names))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(SiteGroups {
        site,
        groups,
        address_groups: by_name,
        tags,
    })
}

/// The address groups of a project, or none where Neutron has no such
/// API (it answers 404, and then no rule can refer to one).
async fn address_groups_of(
    client: &SiteClient,
    project_id: &str,
) -> anyhow::Result<Vec<AddressGroup>> {
    match client.address_groups(project_id).await {
        Ok(list) => Ok(list),
        Err(e) if has_status(&e, 404) => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

fn normalise(g: &SecurityGroup, names: &Names) -> anyhow::Result<Group> {
    let (description, source) = provenance(g.description.as_deref().unwrap_or(""), &g.tags);
    let mut rules: BTreeMap<RuleKey, Vec<Rule>> = BTreeMap::new();
    for r in &g.security_group_rules {
        let key = RuleKey::of(r, names)
            .map_err(|e| e.context(format!("security group {} ({})", g.name, g.id)))?;
        rules.entry(key).or_default().push(r.clone());
    }
    Ok(Group {
        id: g.id.clone(),
        name: g.name.clone(),
        description,
        stateful: g.stateful.unwrap_or(true),
        source,
        rules,
    })
}

/// The description without a trailing marker, and the marker's value
/// (from a tag, else from the description).
pub(crate) fn provenance(description: &str, tags: &[String]) -> (String, Option<String>) {
    let tagged = tags
        .iter()
        .find_map(|t| t.strip_prefix(MARKER))
        .map(str::to_string);
    let (text, described) = match description.rfind(MARKER) {
        Some(i)
            if (i == 0 || description[..i].ends_with(' '))
                && !description[i + MARKER.len()..].contains(char::is_whitespace)
                && description.len() > i + MARKER.len() =>
        {
            (
                description[..i].trim_end().to_string(),
                Some(description[i + MARKER.len()..].to_string()),
            )
        }
        _ => (description.to_string(), None),
    };
    (text, tagged.or(described))
}

/// A clone's description where it cannot be tagged: the source's, then
/// the marker, the source's text shortened when both do not fit.
pub(crate) fn marked_description(description: &str, source: &str) -> String {
    let marker = format!("{MARKER}{source}");
    if description.is_empty() {
        return marker;
    }
    let room = DESCRIPTION_MAX.saturating_sub(marker.chars().count() + 1);
    let text: String = description.chars().take(room).collect();
    format!("{} {marker}", text.trim_end())
}

/// The short digest a table shows.
pub(crate) fn short(digest: &str) -> &str {
    digest.get(..8).unwrap_or(digest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::secgroup::SecurityGroup;
    use serde_json::{Value, json};

    fn group(v: Value) -> Group {
        let g: SecurityGroup = serde_json::from_value(v).unwrap();
        let mut names = Names::default();
        names.groups.insert(g.id.clone(), g.name.clone());
        normalise(&g, &names).unwrap()
    }

    #[test]
    fn the_marker_is_read_from_a_tag_or_the_description() {
        assert_eq!(
            provenance("web servers osprey-source=c/r/1", &[]),
            ("web servers".to_string(), Some("c/r/1".to_string()))
        );
        assert_eq!(
            provenance("osprey-source=c/r/1", &[]),
            (String::new(), Some("c/r/1".to_string()))
        );
        assert_eq!(
            provenance("web", &["x".into(), "osprey-source=c/r/2".into()]),
            ("web".to_string(), Some("c/r/2".to_string()))
        );
        for plain in [
            "see osprey-source=",
            "xosprey-source=c/r/1",
            "osprey-source=a b",
        ] {
            assert_eq!(provenance(plain, &[]), (plain.to_string(), None), "{plain}");
        }
    }

    #[test]
    fn a_marked_description_fits_neutrons_limit() {
        assert_eq!(marked_description("", "c/r/1"), "osprey-source=c/r/1");
        assert_eq!(
            marked_description("web", "c/r/1"),
            "web osprey-source=c/r/1"
        );
        let long = "x".repeat(255);
        let marked = marked_description(&long, "c/r/1");
        assert_eq!(marked.chars().count(), 255);
        assert_eq!(provenance(&marked, &[]).1.as_deref(), Some("c/r/1"));
    }

    #[test]
    fn a_clone_has_its_sources_digest() {
        let rules = json!([
            {"id": "r1", "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
             "port_range_min": 22, "port_range_max": 22},
            {"id": "r2", "direction": "ingress", "ethertype": "IPv6", "remote_group_id": "s-1"},
        ]);
        let source = group(
            json!({"id": "s-1", "name": "web", "description": "web servers",
                                  "stateful": true, "security_group_rules": rules}),
        );
        let clone_rules = json!([
            {"id": "x2", "direction": "ingress", "ethertype": "IPv6", "remote_group_id": "t-1"},
            {"id": "x1", "direction": "ingress", "ethertype": "IPv4", "protocol": "6",
             "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": "0.0.0.0/0"},
        ]);
        let clone = group(json!({"id": "t-1", "name": "web",
                                 "description": "web servers osprey-source=c/r/s-1",
                                 "security_group_rules": clone_rules}));
        assert_eq!(source.digest(), clone.digest());
        assert_eq!(clone.source.as_deref(), Some("c/r/s-1"));
        assert_eq!(clone.description, "web servers");
        let stateless = group(json!({"id": "t-1", "name": "web", "stateful": false,
                                     "security_group_rules": clone_rules}));
        assert_ne!(source.digest(), stateless.digest());
        assert_eq!(short(&source.digest()).len(), 8);
    }
}
