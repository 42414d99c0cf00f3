//! One module per command family; each returns a [`Report`], never prints.

pub mod config;
pub mod sites;

use crate::api::SiteId;
use crate::render::Rows;

/// What a command produced: rows for stdout, per-site failures for stderr,
/// and whether it found something that makes the exit code 1.
#[derive(Debug, Default)]
pub struct Report {
    pub rows: Rows,
    pub failures: Vec<(SiteId, anyhow::Error)>,
    pub findings: bool,
    pub interrupted: bool,
}
