//! One module per command family; each returns a [`Report`], never prints.

pub(crate) mod auth;
pub(crate) mod capacity;
pub(crate) mod config;
pub(crate) mod console_log;
pub(crate) mod events;
pub(crate) mod flavor;
pub(crate) mod health;
pub(crate) mod image;
pub(crate) mod ip;
pub(crate) mod keypair;
pub mod quota;
pub(crate) mod secgroup;
pub(crate) mod sites;
pub(crate) mod usage;
pub(crate) mod views;

pub(crate) use crate::report::Report;

use crate::context::Estate;
use crate::render::Known;

/// What a command family gives the dispatcher: the columns of what its
/// command prints (checked before any request), and the command's run.
pub(crate) trait Family {
    fn columns(&self) -> Known;
    /// Whether the command has metrics for `-f openmetrics` (it then fills
    /// `Report::metrics`); checked before any request.
    fn metrics(&self) -> bool {
        false
    }
    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report>;
}
