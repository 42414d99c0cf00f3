//! Drift across sites: which named resources (keypairs, flavors, security
//! groups, images) are the same everywhere, differ, or are missing somewhere. Each
//! family reads its resources per site and reduces each to a digest; this
//! module judges every name and lays the names out as a matrix.

use crate::api::SiteId;
use crate::context::glob;
use crate::render::{Row, Rows};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// The flags of a drift view: `keypair list`, `flavor list`, `secgroup list`,
/// `image list`.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct ViewArgs {
    /// Only names matching this glob (`*` any run, `?` one character).
    /// Default: every name.
    #[arg(long, value_name = "GLOB")]
    pub(crate) name: Option<String>,

    /// Exit 1 when a name differs or is missing at a site (a drift check
    /// for cron and CI).
    #[arg(long)]
    pub(crate) exit_code: bool,
}

impl ViewArgs {
    /// Whether `--name` keeps `name`.
    pub(crate) fn wants(&self, name: &str) -> bool {
        self.name.as_deref().is_none_or(|g| glob(g, name))
    }

    /// What a list of `what` (`keypairs`) holds under `--name`, for the
    /// line that says it is empty.
    pub(crate) fn what(&self, what: &str) -> String {
        match &self.name {
            Some(g) => format!("{what} matching --name {g}"),
            None => what.to_string(),
        }
    }
}

/// What a name looks like across the sites that could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Drift {
    /// At every site, with one digest.
    #[default]
    Same,
    /// Absent at some site; the sites that have it agree.
    Missing,
    /// Two sites hold it with different digests (absent elsewhere or not).
    Differs,
}

impl Drift {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Drift::Same => "same",
            Drift::Missing => "missing",
            Drift::Differs => "differs",
        }
    }
}

/// Per name, per site: the digest of what the site holds.
#[derive(Debug, Default)]
pub(crate) struct Matrix {
    /// The sites that were read, in order: a site that failed is not one
    /// of them, so it makes nothing look missing.
    sites: Vec<SiteId>,
    names: BTreeMap<String, Name>,
}

/// One name across the sites.
#[derive(Debug, Default)]
struct Name {
    /// The digests each site holds the name with: one, or several where
    /// the service allows several resources of one name (Glance).
    held: BTreeMap<SiteId, BTreeSet<String>>,
    /// What the table shows at a site that has the name only in a form
    /// that does not count as holding it (a copy left unfinished).
    marks: BTreeMap<SiteId, String>,
}

impl Matrix {
    pub(crate) fn new(sites: Vec<SiteId>) -> Self {
        Matrix {
            sites,
            names: BTreeMap::new(),
        }
    }

    /// Records that `site` holds `name` with `digest`. Several resources
    /// of one name at a site make the site's digest the set of theirs,
    /// sorted and joined, so two sites agree when they hold the same
    /// contents in any order.
    pub(crate) fn insert(&mut self, site: &SiteId, name: &str, digest: &str) {
        self.names
            .entry(name.to_string())
            .or_default()
            .held
            .entry(site.clone())
            .or_default()
            .insert(digest.to_string());
    }

    /// Records that `site` has `name` only in a form that does not count
    /// (a copy a killed run left unfinished): the name is judged missing
    /// there, and the table shows `label` in its cell.
    pub(crate) fn mark(&mut self, site: &SiteId, name: &str, label: &str) {
        self.names
            .entry(name.to_string())
            .or_default()
            .marks
            .insert(site.clone(), label.to_string());
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &String> {
        self.names.keys()
    }

    pub(crate) fn sites(&self) -> &[SiteId] {
        &self.sites
    }

    /// The digest `site` holds for `name`, if any: for several resources
    /// of that name, their digests sorted and joined with `,`.
    pub(crate) fn digest(&self, name: &str, site: &SiteId) -> Option<String> {
        self.names.get(name)?.held.get(site).map(joined)
    }

    pub(crate) fn drift(&self, name: &str) -> Drift {
        let Some(entry) = self.names.get(name) else {
            return Drift::Missing;
        };
        let digests: BTreeSet<String> = entry.held.values().map(joined).collect();
        if digests.len() > 1 {
            Drift::Differs
        } else if self.sites.iter().any(|s| !entry.held.contains_key(s)) {
            Drift::Missing
        } else {
            Drift::Same
        }
    }

    /// Whether any name is not the same everywhere (`--exit-code`).
    pub(crate) fn drifts(&self) -> bool {
        self.names().any(|n| self.drift(n) != Drift::Same)
    }

    /// The table people read: a row per name, a column per site with what
    /// `cell` shows of the digest there (the mark, or empty, where it is
    /// missing), and the status.
    pub(crate) fn table(&self, cell: impl Fn(&str, &SiteId) -> String) -> Rows {
        let site_names: Vec<String> = self.sites.iter().map(SiteId::to_string).collect();
        let mut columns = vec!["name"];
        columns.extend(site_names.iter().map(String::as_str));
        columns.push("status");
        let mut rows = Rows::new(&columns);
        for (name, entry) in &self.names {
            let mut row = Row::new();
            row.insert("name".into(), json!(name));
            for (site, column) in self.sites.iter().zip(&site_names) {
                let value = match (entry.held.contains_key(site), entry.marks.get(site)) {
                    (true, _) => json!(cell(name, site)),
                    (false, Some(mark)) => json!(mark),
                    (false, None) => Value::Null,
                };
                row.insert(column.clone(), value);
            }
            row.insert("status".into(), json!(self.drift(name).name()));
            rows.push(row);
        }
        rows
    }
}

/// A site's digests as one: sorted (a set's order) and joined.
fn joined(digests: &BTreeSet<String>) -> String {
    digests
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(r: &str) -> SiteId {
        SiteId::new("c", r)
    }

    #[test]
    fn each_name_is_judged_over_the_sites_that_were_read() {
        let mut m = Matrix::new(vec![site("r1"), site("r2"), site("r3")]);
        for r in ["r1", "r2", "r3"] {
            m.insert(&site(r), "same", "aa");
        }
        m.insert(&site("r1"), "missing", "aa");
        m.insert(&site("r3"), "missing", "aa");
        m.insert(&site("r1"), "differs", "aa");
        m.insert(&site("r2"), "differs", "bb");
        assert_eq!(m.drift("same"), Drift::Same);
        assert_eq!(m.drift("missing"), Drift::Missing);
        assert_eq!(
            m.drift("differs"),
            Drift::Differs,
            "differs outranks missing"
        );
        assert!(m.drifts());
        let mut clean = Matrix::new(vec![site("r1")]);
        clean.insert(&site("r1"), "k", "aa");
        assert!(!clean.drifts());
    }

    #[test]
    fn the_table_has_a_column_per_site() {
        let mut m = Matrix::new(vec![site("r1"), site("r2")]);
        m.insert(&site("r1"), "k", "aa:bb");
        let t = m.table(|name, s| format!("{name}@{}", s.region));
        assert_eq!(t.columns, ["name", "c/r1", "c/r2", "status"]);
        assert_eq!(t.get(0, "c/r1").cloned().unwrap_or_default(), "k@r1");
        assert_eq!(t.get(0, "c/r2").cloned().unwrap_or_default(), Value::Null);
        assert_eq!(t.get(0, "status").cloned().unwrap_or_default(), "missing");
    }

    #[test]
    fn several_of_one_name_at_a_site_are_judged_as_their_set() {
        let mut m = Matrix::new(vec![site("r1"), site("r2"), site("r3")]);
        // The same two contents in another order, and one of them twice.
        for (r, d) in [("r1", "md5:b"), ("r1", "md5:a"), ("r2", "md5:a")] {
            m.insert(&site(r), "ubuntu", d);
        }
        for d in ["md5:b", "md5:a", "md5:b"] {
            m.insert(&site("r2"), "ubuntu", d);
        }
        m.insert(&site("r3"), "ubuntu", "md5:a");
        m.insert(&site("r3"), "ubuntu", "md5:b");
        assert_eq!(m.digest("ubuntu", &site("r1")).unwrap(), "md5:a,md5:b");
        assert_eq!(m.drift("ubuntu"), Drift::Same);
        // One of the two alone is another content.
        m.insert(&site("r1"), "cirros", "md5:a");
        m.insert(&site("r2"), "cirros", "md5:a");
        m.insert(&site("r3"), "cirros", "md5:a");
        m.insert(&site("r3"), "cirros", "md5:b");
        assert_eq!(m.drift("cirros"), Drift::Differs);
    }

    #[test]
    fn a_marked_site_misses_the_name_and_shows_the_mark() {
        let mut m = Matrix::new(vec![site("r1"), site("r2")]);
        m.insert(&site("r1"), "k", "aa");
        m.mark(&site("r2"), "k", "unfinished");
        // Only marked anywhere: the name is still listed, and missing.
        m.mark(&site("r1"), "half", "unfinished");
        assert_eq!(m.drift("k"), Drift::Missing);
        assert_eq!(m.drift("half"), Drift::Missing);
        assert_eq!(m.digest("k", &site("r2")), None);
        assert!(m.drifts());
        let t = m.table(|_, _| "cell".to_string());
        assert_eq!(t.get(0, "name").cloned().unwrap_or_default(), "half");
        assert_eq!(t.get(0, "c/r1").cloned().unwrap_or_default(), "unfinished");
        assert_eq!(t.get(0, "c/r2").cloned().unwrap_or_default(), Value::Null);
        assert_eq!(t.get(1, "c/r1").cloned().unwrap_or_default(), "cell");
        assert_eq!(t.get(1, "c/r2").cloned().unwrap_or_default(), "unfinished");
        assert_eq!(t.get(1, "status").cloned().unwrap_or_default(), "missing");
        // A mark beside what a site holds changes nothing.
        m.mark(&site("r1"), "k", "unfinished");
        m.insert(&site("r2"), "k", "aa");
        assert_eq!(m.drift("k"), Drift::Same);
        let t = m.table(|_, _| "cell".to_string());
        assert_eq!(t.get(1, "c/r1").cloned().unwrap_or_default(), "cell");
    }
}
