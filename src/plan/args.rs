//! The plan flags every mutating command flattens into its own `Args`:
//! `--dry-run`, `--exit-code` and `--yes`, declared once.

use super::{Mode, Options};

/// How a mutating command handles its plan.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct PlanArgs {
    /// Print the plan and change nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,

    /// With --dry-run: exit 1 when there are changes to make.
    #[arg(long, requires = "dry_run")]
    pub(crate) exit_code: bool,

    /// Apply without asking (required off a terminal).
    #[arg(long, short = 'y')]
    pub(crate) yes: bool,
}

impl PlanArgs {
    /// The options [`super::execute`] takes.
    pub(crate) fn options(&self) -> Options {
        Options {
            mode: Mode::from_flags(self.dry_run, self.yes),
            exit_code: self.exit_code,
        }
    }
}

impl From<&PlanArgs> for Options {
    fn from(args: &PlanArgs) -> Self {
        args.options()
    }
}
