//! One module per command family; each returns a [`Report`], never prints.

pub mod config;
pub mod quota;
pub mod sites;

use crate::api::SiteId;
use crate::render::Rows;

/// What a command produced: rows for stdout, per-site failures for stderr,
/// and whether it found something that makes the exit code 1.
#[derive(Debug, Default)]
pub struct Report {
    pub rows: Rows,
    /// A different layout for `-f table` (e.g. sites as columns); the
    /// other formats always get `rows`.
    pub table: Option<Rows>,
    /// Messages for stderr (not data), shown unless `-q`.
    pub notes: Vec<String>,
    pub failures: Vec<(SiteId, anyhow::Error)>,
    pub findings: bool,
    pub interrupted: bool,
}
