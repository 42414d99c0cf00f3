//! What a command produced, for the renderer: rows, per-site failures,
//! notes, findings and interruption. Fan-outs and plans write into it.

use crate::api::{SiteClient, SiteId};
use crate::fanout::{Batch, Runner, Site};
use crate::render::Rows;
use crate::render::openmetrics::Metrics;
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
}
