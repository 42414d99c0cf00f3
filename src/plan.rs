//! Mutations follow one path: read → plan → confirm → apply → verify. This
//! module holds the confirmation rule shared by every mutating command.

use crate::error::hinted;
use std::io::IsTerminal;

/// How the user wants a plan handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `--dry-run`: print the plan, change nothing.
    DryRun,
    /// `--yes`: apply without asking.
    Yes,
    /// Ask on a terminal; refuse elsewhere.
    Ask,
}

impl Mode {
    pub fn from_flags(dry_run: bool, yes: bool) -> Self {
        match (dry_run, yes) {
            (true, _) => Mode::DryRun,
            (false, true) => Mode::Yes,
            (false, false) => Mode::Ask,
        }
    }
}

/// Whether a terminal is there to answer a prompt.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Asks the user to confirm `summary` (on a terminal), or fails with an
/// error naming `--yes` when there is no terminal to ask.
pub fn confirm(summary: &str) -> anyhow::Result<bool> {
    if !interactive() {
        return Err(hinted(
            format!("{summary}: not applied, because there is no terminal to confirm on"),
            "pass --yes to apply without asking, or --dry-run to only show the plan",
        ));
    }
    let answer = dialoguer::Confirm::new()
        .with_prompt(format!("{summary}?"))
        .default(false)
        .interact()?;
    Ok(answer)
}
