//! The one place that asks the user anything: only on a terminal, and off
//! a terminal an error that names the flag to pass instead.

use crate::error::hinted;
use std::io::IsTerminal;

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

/// Lets the user pick any of `items` (on a terminal; callers check
/// [`interactive`] first and fall back to an error naming their flag).
pub fn pick_many(prompt: &str, items: &[&str]) -> anyhow::Result<Vec<usize>> {
    Ok(dialoguer::MultiSelect::new()
        .with_prompt(prompt)
        .items(items)
        .interact()?)
}

/// Reads a secret (a passcode) without echo; `Ok(None)` off a terminal, so
/// the caller can name the flag that gives it instead.
pub fn secret(prompt: String) -> anyhow::Result<Option<String>> {
    if !interactive() {
        return Ok(None);
    }
    Ok(Some(
        dialoguer::Password::new().with_prompt(prompt).interact()?,
    ))
}
