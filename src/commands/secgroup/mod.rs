//! `osprey secgroup list|diff|sync`: security groups compared by their
//! normalised rule sets across sites, and cloned with their rules, remote
//! groups mapped by name.

pub(crate) mod read;
pub(crate) mod rules;
pub(crate) mod sync;

use crate::api::SiteId;
use crate::context::Estate;
use crate::error::hinted;
use crate::plan;
use crate::render::Rows;
use crate::report::Report;
use crate::sync::drift::{Matrix, ViewArgs};
use crate::sync::{CloneArgs, EndsArgs, ends};
use read::{Extras, Group, SiteGroups};
use rules::RuleKey;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// `osprey secgroup`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Matrix of group name × site with a digest of each group's rule set
    /// and its status (same, differs, missing).
    #[command(long_about = help!("secgroup-list"))]
    List(ViewArgs),
    /// The rules of one group only in the source and only in each target.
    #[command(long_about = help!("secgroup-diff"))]
    Diff(DiffArgs),
    /// Clone groups with their rules from the source to the targets.
    #[command(long_about = help!("secgroup-sync", "sync"))]
    Sync(SyncArgs),
}

impl crate::commands::Family for Command {
    fn columns(&self) -> crate::render::Known {
        use crate::render::{Known, columns::of};
        match self {
            Command::List(_) => Known::with_sites(of::<GroupRow>(), &["name", "status"]),
            Command::Diff(_) => Known::rows(of::<DiffRow>()),
            Command::Sync(_) => Known::rows(of::<crate::plan::PlanRow>()),
        }
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List(a) => list(estate, a).await,
            Command::Diff(a) => diff(estate, a).await,
            Command::Sync(a) => sync::sync(estate, a).await,
        }
    }
}

/// `secgroup diff` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct DiffArgs {
    /// The group's name (exact).
    #[arg(value_name = "NAME")]
    pub(crate) name: String,

    #[command(flatten)]
    pub(crate) ends: EndsArgs,

    /// Exit 1 when any target's group differs from the source's.
    #[arg(long)]
    pub(crate) exit_code: bool,
}

/// `secgroup sync` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct SyncArgs {
    #[command(flatten)]
    pub(crate) what: CloneArgs,

    /// Also delete the rules of the named groups at the targets that the
    /// source's groups lack. Default: they are kept (shown as `skip`).
    #[arg(long)]
    pub(crate) prune: bool,

    #[command(flatten)]
    pub(crate) plan: plan::PlanArgs,
}

/// One group at one site: the row of `secgroup list`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct GroupRow {
    cloud: String,
    region: String,
    name: String,
    id: String,
    stateful: Option<bool>,
    rules: Option<usize>,
    digest: String,
    /// `cloud/region/id` of the group it was cloned from, if osprey made it.
    source: String,
    status: String,
}

/// `osprey secgroup list`: every group name × site, with the digest of its
/// rule set and whether it is the same everywhere.
pub(crate) async fn list(estate: &Estate<'_>, args: &ViewArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let sites = estate.sites().await?;
    let (_, read) = report
        .each(&estate.runner, sites, |c| async move {
            read::read(&c, Extras::default()).await
        })
        .await;
    let mut matrix = Matrix::new(read.iter().map(|(s, _)| s.clone()).collect());
    for (site, groups) in &read {
        let names: BTreeSet<&str> = groups
            .groups
            .iter()
            .map(|g| g.name.as_str())
            .filter(|n| args.wants(n))
            .collect();
        for name in names {
            matrix.insert(site, name, &site_digest(groups, name));
        }
    }
    let mut rows = Vec::new();
    for name in matrix.names() {
        let status = matrix.drift(name).name().to_string();
        for (site, groups) in &read {
            let here: Vec<&Group> = groups.named(name).collect();
            if here.is_empty() {
                rows.push(GroupRow {
                    cloud: site.cloud.clone(),
                    region: site.region.clone(),
                    name: name.clone(),
                    status: status.clone(),
                    ..GroupRow::default()
                });
            }
            for g in here {
                rows.push(GroupRow {
                    cloud: site.cloud.clone(),
                    region: site.region.clone(),
                    name: name.clone(),
                    id: g.id.clone(),
                    stateful: Some(g.stateful),
                    rules: Some(g.rules.len()),
                    digest: g.digest(),
                    source: g.source.clone().unwrap_or_default(),
                    status: status.clone(),
                });
            }
        }
    }
    report.table = estate.tables.then(|| {
        matrix.table(|name, site| {
            let Some((_, groups)) = read.iter().find(|(s, _)| s == site) else {
                return String::new();
            };
            let here: Vec<&Group> = groups.named(name).collect();
            match here.as_slice() {
                [g] => format!("{} ({} rules)", read::short(&g.digest()), g.rules.len()),
                many => format!("{} groups", many.len()),
            }
        })
    });
    report.lists(
        args.what("security groups"),
        read.iter().map(|(site, _)| site),
    );
    report.rows = Rows::typed(rows);
    report.findings = args.exit_code && matrix.drifts();
    Ok(report)
}

/// The digest of a name at a site: its group's, or for several groups of
/// that name one that matches no single group elsewhere.
fn site_digest(groups: &SiteGroups, name: &str) -> String {
    let digests: Vec<String> = groups.named(name).map(Group::digest).collect();
    if let [one] = digests.as_slice() {
        return one.clone();
    }
    let mut h = Sha256::new();
    for d in &digests {
        h.update(d);
    }
    format!(
        "{} groups:{}",
        digests.len(),
        h.finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    )
}

/// The group named `name` at the source: there must be exactly one.
fn source_group<'a>(source: &'a SiteGroups, name: &str) -> anyhow::Result<&'a Group> {
    match source.one(name) {
        Ok(Some(g)) => Ok(g),
        Ok(None) => Err(hinted(
            format!(
                "security group {name} does not exist at the source {}",
                source.site
            ),
            "`osprey secgroup list` shows the groups of every site; pass --from to read another",
        )),
        Err(n) => Err(hinted(
            format!(
                "{n} security groups are named {name} at the source {}",
                source.site
            ),
            "osprey matches groups by name: rename all but one of them",
        )),
    }
}

/// Reads the source of a diff or sync: its failure fails the command.
async fn read_source(
    client: &crate::api::SiteClient,
    extras: Extras,
) -> anyhow::Result<SiteGroups> {
    read::read(client, extras)
        .await
        .map_err(|e| e.context(format!("reading the source {}", client.id)))
}

/// A rule only in the source or only in a target: the row of `secgroup diff`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct DiffRow {
    /// The target site.
    cloud: String,
    region: String,
    name: String,
    /// `source` or `target`.
    only_in: String,
    direction: String,
    ethertype: String,
    protocol: String,
    ports: String,
    remote: String,
}

impl DiffRow {
    fn new(site: &SiteId, name: &str, only_in: &str, key: &RuleKey) -> Self {
        DiffRow {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            name: name.to_string(),
            only_in: only_in.to_string(),
            direction: key.direction.name().to_string(),
            ethertype: key.ethertype.name().to_string(),
            protocol: key.protocol.to_string(),
            ports: key.ports(),
            remote: key.remote.to_string(),
        }
    }
}

/// `osprey secgroup diff NAME`: the rules only in the source's group and
/// only in each target's.
pub(crate) async fn diff(estate: &Estate<'_>, args: &DiffArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let ends = ends(estate, &args.ends).await?;
    let source = read_source(&ends.source, Extras::default()).await?;
    let name = args.name.as_str();
    let wanted = source_group(&source, name)?;
    let (_, read) = report
        .each(&estate.runner, ends.targets, |c| async move {
            read::read(&c, Extras::default()).await
        })
        .await;
    let mut rows = Vec::new();
    let mut differs = false;
    for (site, target) in read {
        let group = match target.one(name) {
            Ok(g) => g,
            Err(n) => {
                report.failures.push((
                    site,
                    hinted(
                        format!("{n} security groups are named {name}"),
                        "osprey matches groups by name: rename all but one of them",
                    ),
                ));
                continue;
            }
        };
        let have = group.map(Group::keys).unwrap_or_default();
        let want = wanted.keys();
        match group {
            None => {
                differs = true;
                report
                    .notes
                    .push(format!("{site}: security group {name} does not exist"));
            }
            Some(g) if g.stateful != wanted.stateful => {
                differs = true;
                report.notes.push(format!(
                    "{site}: security group {name} is {} there and {} at the source",
                    stateful_word(g.stateful),
                    stateful_word(wanted.stateful)
                ));
            }
            Some(_) => {}
        }
        for key in want.difference(&have) {
            rows.push(DiffRow::new(&site, name, "source", key));
        }
        for key in have.difference(&want) {
            rows.push(DiffRow::new(&site, name, "target", key));
        }
    }
    differs |= !rows.is_empty();
    if !differs && report.failures.is_empty() {
        report.notes.push(format!(
            "security group {name} has the same rules at every target as at {}",
            source.site
        ));
    }
    report.rows = Rows::typed(rows);
    report.findings = args.exit_code && differs;
    Ok(report)
}

fn stateful_word(stateful: bool) -> &'static str {
    if stateful { "stateful" } else { "stateless" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::secgroup::SecurityGroup;
    use crate::sync::drift::Drift;
    use serde_json::json;

    fn site(r: &str) -> SiteId {
        SiteId::new("c", r)
    }

    fn groups(r: &str, list: serde_json::Value) -> SiteGroups {
        let raw: Vec<SecurityGroup> = serde_json::from_value(list).unwrap();
        read::site_groups(site(r), &raw, &[], false).unwrap()
    }

    #[test]
    fn two_groups_of_one_name_differ_from_one() {
        let ssh = json!([{"id": "r", "direction": "ingress", "protocol": "tcp",
                          "port_range_min": 22, "port_range_max": 22}]);
        let one = groups(
            "r1",
            json!([{"id": "a", "name": "web", "security_group_rules": ssh}]),
        );
        let two = groups(
            "r2",
            json!([{"id": "b", "name": "web", "security_group_rules": ssh},
                   {"id": "c", "name": "web", "security_group_rules": ssh}]),
        );
        let mut m = Matrix::new(vec![site("r1"), site("r2")]);
        m.insert(&site("r1"), "web", &site_digest(&one, "web"));
        m.insert(&site("r2"), "web", &site_digest(&two, "web"));
        assert_eq!(m.drift("web"), Drift::Differs);
        assert!(site_digest(&two, "web").starts_with("2 groups:"));
        assert_eq!(source_group(&one, "web").unwrap().id, "a");
        let err = source_group(&two, "web").unwrap_err().to_string();
        assert_eq!(err, "2 security groups are named web at the source c/r2");
        let err = source_group(&one, "db").unwrap_err().to_string();
        assert_eq!(err, "security group db does not exist at the source c/r1");
    }

    #[test]
    fn a_diff_row_splits_the_rule() {
        let g = groups(
            "r1",
            json!([{"id": "a", "name": "web", "security_group_rules": [
                {"id": "r", "direction": "ingress", "ethertype": "IPv6", "protocol": "tcp",
                 "port_range_min": 443, "port_range_max": 443, "remote_group_id": "a"}]}]),
        );
        let key = g.groups[0].rules.keys().next().unwrap();
        let row = DiffRow::new(&site("r2"), "web", "source", key);
        assert_eq!(
            (
                row.direction.as_str(),
                row.ethertype.as_str(),
                row.protocol.as_str(),
                row.ports.as_str(),
                row.remote.as_str()
            ),
            ("ingress", "IPv6", "tcp", "443", "group web")
        );
    }
}
