//! `osprey config show`: every configured cloud and region, as openstacksdk resolves it.

use super::Report;
use crate::config::Config;
use crate::render::Rows;

pub fn show(config: &Config, unmask: bool) -> anyhow::Result<Report> {
    crate::config::ensure_clouds(config)?;
    let shown = config.show(unmask);
    let mut rows = Rows::new(crate::config::SHOW_COLUMNS);
    rows.rows = shown.rows;
    Ok(Report {
        rows,
        notes: shown.warnings,
        ..Report::default()
    })
}
