//! `osprey config show`: every configured cloud and region, as openstacksdk resolves it.

use super::Report;
use crate::config::Config;
use crate::render::Rows;

impl super::Family for Command {
    fn columns(&self) -> crate::render::Known {
        crate::render::Known::rows(
            crate::config::SHOW_COLUMNS
                .iter()
                .map(|c| c.to_string())
                .collect(),
        )
    }

    async fn run(&self, estate: &crate::context::Estate<'_>) -> anyhow::Result<super::Report> {
        match self {
            Command::Show { unmask } => show(estate.config, *unmask),
        }
    }
}

/// `osprey config`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Show every configured cloud and region as openstacksdk resolves it.
    #[command(long_about = help!("config-show"))]
    Show {
        /// Show passwords, tokens and secrets instead of `<masked>`.
        #[arg(long)]
        unmask: bool,
    },
}

pub(crate) fn show(config: &Config, unmask: bool) -> anyhow::Result<Report> {
    crate::config::ensure_clouds(config)?;
    let shown = config.show(unmask);
    let mut rows = Rows::new(crate::config::SHOW_COLUMNS);
    for row in shown.rows {
        rows.push(row);
    }
    // Every cloud skipped: the warnings say why, then the command fails.
    let error = rows.is_empty().then(|| {
        crate::error::hinted(
            format!(
                "none of the {} configured clouds could be resolved",
                config.clouds.len()
            ),
            "the warnings above say what is wrong with each",
        )
    });
    Ok(Report {
        rows,
        notes: shown.warnings,
        error,
        ..Report::default()
    })
}
