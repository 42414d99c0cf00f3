//! The run context: the configuration, the selection flags and the sites
//! they resolve to, one login per Keystone, and the run's site runner.
//! What a command works on starts here; the fan-out only runs its tasks.

mod patterns;
mod select;

pub use crate::fanout::Site;
pub(crate) use patterns::{cloud_pattern_matches, glob, pattern_matches};
pub use select::Selection;
pub(crate) use select::{clouds, select, wanted};

use select::timeout_for;

use crate::api::SiteClient;
use crate::auth::{Auth, Session};
use crate::config::Config;
use crate::fanout::Runner;
use crate::plan::{self, Confirm, Executor, Plan};
use crate::render::{Format, Terminal};
use crate::report::Report;
use std::sync::Arc;

/// What a command that works on sites starts from: the configuration, the
/// selection flags, one login per Keystone, and the run's site runner.
pub struct Estate<'a> {
    pub config: &'a Config,
    pub selection: Selection,
    pub auth: Auth,
    pub runner: Runner,
    /// Shows a plan and asks before it is applied.
    pub(crate) ui: &'a dyn Confirm,
    /// Whether the output is a table: only then is a command's table
    /// layout (sites as columns) worth making.
    pub(crate) tables: bool,
}

/// A cloud's name and its logins (or why they cannot be made).
pub(crate) type CloudLogins = (String, anyhow::Result<Vec<Arc<Session>>>);

impl<'a> Estate<'a> {
    /// A run context that shows a plan as a plain table and asks on the
    /// terminal (an error off one).
    pub fn new(config: &'a Config, selection: Selection, auth: Auth, runner: Runner) -> Self {
        Estate {
            config,
            selection,
            auth,
            runner,
            ui: &Terminal::PLAIN,
            tables: true,
        }
    }

    /// The same, showing and asking through `ui`, printing `format`.
    pub(crate) fn with_output(self, ui: &'a dyn Confirm, format: Format) -> Self {
        Estate {
            ui,
            tables: format == Format::Table,
            ..self
        }
    }

    /// Hands a plan to the one plan path (see [`plan::execute`]), with this
    /// run's runner and confirmation.
    pub(crate) async fn execute<E: Executor>(
        &self,
        plan: Plan<E::Op>,
        exec: &E,
        targets: Vec<Arc<SiteClient>>,
        opts: impl Into<plan::Options>,
        report: &mut Report,
    ) -> anyhow::Result<plan::Executed<E::Undo>> {
        let clients = targets.into();
        plan::execute(plan, exec, &clients, &self.runner, opts, self.ui, report).await
    }

    /// Logs in where needed and resolves the selection into sites.
    pub async fn sites(&self) -> anyhow::Result<Vec<Site>> {
        select(self.config, &self.selection, &self.auth, &self.runner).await
    }

    /// The logins of the selected clouds, without logging in: those of the
    /// regions a cloud lists, else of its home region (the one that reads
    /// the catalog). A cloud whose configuration is unusable has its error.
    pub(crate) fn logins(&self) -> anyhow::Result<Vec<CloudLogins>> {
        let clouds = clouds(self.config, &self.selection)?;
        Ok(clouds
            .into_iter()
            .map(|cloud| {
                let home = cloud.home_region.clone().unwrap_or_default();
                let regions = if cloud.regions.is_empty() {
                    vec![home]
                } else {
                    cloud.regions.clone()
                };
                let sessions = regions
                    .iter()
                    .map(|r| {
                        let cfg = cloud.region(r)?;
                        self.auth
                            .session(&cfg, timeout_for(&self.selection, cfg.api_timeout))
                    })
                    .collect();
                (cloud.name.clone(), sessions)
            })
            .collect())
    }
}
