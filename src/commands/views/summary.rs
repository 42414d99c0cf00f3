//! The counts by status a list prints after its table on a terminal: one
//! line per site and one for the total, e.g.
//! `fake-a/RegionOne: 3 ACTIVE, 1 ERROR` … `total: 5 ACTIVE, 1 ERROR`.

use crate::api::SiteId;
use std::collections::BTreeMap;

/// The summary lines of these (site, status) pairs; none when there are
/// none. Sites and statuses in order; an empty status counts as `-`.
pub(crate) fn lines<'a>(statuses: impl IntoIterator<Item = (&'a SiteId, &'a str)>) -> Vec<String> {
    let mut by_site: BTreeMap<&SiteId, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut total: BTreeMap<&str, usize> = BTreeMap::new();
    for (site, status) in statuses {
        let status = if status.is_empty() { "-" } else { status };
        *by_site.entry(site).or_default().entry(status).or_default() += 1;
        *total.entry(status).or_default() += 1;
    }
    if total.is_empty() {
        return Vec::new();
    }
    let counts = |m: &BTreeMap<&str, usize>| {
        m.iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out: Vec<String> = by_site
        .iter()
        .map(|(site, m)| format!("{site}: {}", counts(m)))
        .collect();
    out.push(format!("total: {}", counts(&total)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_site_then_in_total() {
        let one = SiteId::new("fake-a", "RegionOne");
        let three = SiteId::new("fake-b", "RegionThree");
        let rows = [
            (&three, "ACTIVE"),
            (&one, "ACTIVE"),
            (&one, "ERROR"),
            (&one, "ACTIVE"),
            (&three, "ACTIVE"),
            (&one, "ACTIVE"),
        ];
        assert_eq!(
            lines(rows),
            [
                "fake-a/RegionOne: 3 ACTIVE, 1 ERROR",
                "fake-b/RegionThree: 2 ACTIVE",
                "total: 5 ACTIVE, 1 ERROR",
            ]
        );
        assert!(lines([]).is_empty());
        assert_eq!(lines([(&one, "")]), ["fake-a/RegionOne: 1 -", "total: 1 -"]);
    }
}
