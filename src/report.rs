//! What a command produced, for the renderer: rows, per-site failures,
//! notes, findings and interruption. Fan-outs and plans write into it.

use crate::api::{SiteClient, SiteId};
use crate::fanout::{Batch, Runner, Site};
use crate::render::openmetrics::Metrics;
use crate::render::{Rows, plural};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What a command produced: rows for stdout, per-site failures for stderr,
/// and whether it found something that makes the exit code 1.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) rows: Rows,
    /// A different layout for `-f table` (e.g. sites as columns); the
    /// other formats always get `rows`.
    pub(crate) table: Option<Rows>,
    /// Text for stdout as it is (a console log), after any rows.
    pub(crate) text: Option<String>,
    /// Messages for stderr (not data), shown unless `-q`.
    pub(crate) notes: Vec<String>,
    pub(crate) failures: Vec<(SiteId, anyhow::Error)>,
    /// A failure of the whole command that still has notes to show first
    /// (the warnings that explain it).
    pub(crate) error: Option<anyhow::Error>,
    pub(crate) findings: bool,
    pub(crate) interrupted: bool,
    /// Sites a Ctrl-C left unfinished.
    pub(crate) unfinished: Vec<SiteId>,
    /// What `-f openmetrics` prints, for a command that measures (see
    /// [`crate::render::openmetrics`]).
    pub(crate) metrics: Option<Metrics>,
    /// What the rows list and where they were read, for the line that
    /// says so when there are none (see [`Report::lists`]).
    pub(crate) listing: Option<Listing>,
}

/// What a command's rows are of, and the sites read for them.
#[derive(Debug)]
pub(crate) struct Listing {
    what: String,
    sites: BTreeSet<SiteId>,
}

impl Report {
    /// Takes a fan-out's failures, unfinished sites and interruption, and
    /// returns the finished sites' values.
    pub(crate) fn absorb<T>(&mut self, batch: Batch<T>) -> Vec<(SiteId, T)> {
        self.failures.extend(batch.failures);
        self.unfinished.extend(batch.unfinished);
        self.interrupted |= batch.interrupted;
        batch.done
    }

    /// Runs `task` at every usable site at once (as [`Runner::each`]);
    /// the sites that failed, before or during, land in the report.
    /// Returns the usable sites and the finished ones' values.
    pub(crate) async fn each<T, F, Fut>(
        &mut self,
        runner: &Runner,
        sites: Vec<Site>,
        task: F,
    ) -> (Vec<Arc<SiteClient>>, Vec<(SiteId, T)>)
    where
        F: Fn(Arc<SiteClient>) -> Fut,
        Fut: std::future::Future<Output = anyhow::Result<T>>,
    {
        let clients = self.absorb_sites(sites);
        let batch = runner.each(&clients, task).await;
        let done = self.absorb(batch);
        (clients, done)
    }

    /// Takes the sites that failed before they could be used (their
    /// Keystone did not answer) and returns the usable ones.
    pub(crate) fn absorb_sites(&mut self, sites: Vec<Site>) -> Vec<Arc<SiteClient>> {
        let mut ready = Vec::new();
        for site in sites {
            match site {
                Site::Ready(c) => ready.push(c),
                Site::Failed(id, e) => self.failures.push((id, e)),
            }
        }
        ready
    }

    /// Says what the rows list (`servers`, `events since …`) and which
    /// sites were read for them, so that a result without rows is one
    /// line on stderr, `no servers at 3 sites`, rather than silence.
    pub(crate) fn lists<'a>(
        &mut self,
        what: impl Into<String>,
        sites: impl IntoIterator<Item = &'a SiteId>,
    ) {
        self.listing = Some(Listing {
            what: what.into(),
            sites: sites.into_iter().cloned().collect(),
        });
    }

    /// The line for a result without rows: `no servers at 3 sites`. Only
    /// the sites read without failing count; when none was, their error
    /// lines say all there is, and so does a command that printed text or
    /// named no listing.
    pub(crate) fn empty_line(&self) -> Option<String> {
        let listing = self.listing.as_ref()?;
        if !self.rows.is_empty() || self.text.is_some() {
            return None;
        }
        let read = listing
            .sites
            .iter()
            .filter(|s| !self.failures.iter().any(|(f, _)| f == *s))
            .count();
        (read > 0).then(|| format!("no {} at {read} site{}", listing.what, plural(read)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Debug, Default, Serialize)]
    struct Row {
        name: String,
    }

    fn sites(names: &[&str]) -> Vec<SiteId> {
        names.iter().map(|r| SiteId::new("c", *r)).collect()
    }

    #[test]
    fn no_rows_say_what_is_missing_and_at_how_many_sites() {
        let mut report = Report {
            rows: Rows::typed(Vec::<Row>::new()),
            ..Report::default()
        };
        assert_eq!(report.empty_line(), None, "no listing named");
        let read = sites(&["One", "Two", "Three"]);
        report.lists("servers", &read);
        assert_eq!(
            report.empty_line().as_deref(),
            Some("no servers at 3 sites")
        );
        report.lists("volumes", &read[..1]);
        assert_eq!(report.empty_line().as_deref(), Some("no volumes at 1 site"));
    }

    #[test]
    fn failed_sites_do_not_count_and_all_failed_says_nothing() {
        let mut report = Report::default();
        let read = sites(&["One", "Two"]);
        report.lists("keypairs", &read);
        report
            .failures
            .push((read[1].clone(), anyhow::anyhow!("refused")));
        assert_eq!(
            report.empty_line().as_deref(),
            Some("no keypairs at 1 site")
        );
        report
            .failures
            .push((read[0].clone(), anyhow::anyhow!("refused")));
        assert_eq!(report.empty_line(), None);
    }

    #[test]
    fn rows_or_text_are_not_empty() {
        let mut report = Report::default();
        report.lists("servers", &sites(&["One"]));
        report.rows = Rows::typed([Row::default()]);
        assert_eq!(report.empty_line(), None);
        report.rows = Rows::typed(Vec::<Row>::new());
        report.text = Some(String::new());
        assert_eq!(report.empty_line(), None);
    }
}
