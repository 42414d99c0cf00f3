//! The one place that asks the user anything: only on a terminal, and off
//! a terminal an error that names the flag to pass instead.

use crate::error::hinted;
use std::io::IsTerminal;

/// Whether a terminal is there to answer a prompt.
pub(crate) fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Asks the user to confirm `summary` (on a terminal), or fails with an
/// error naming `--yes` when there is no terminal to ask.
pub(crate) fn confirm(summary: &str) -> anyhow::Result<bool> {
    if !interactive() {
        return Err(hinted(
            format!("{summary}: not applied, because there is no terminal to confirm on"),
            "pass --yes to apply without asking, or --dry-run to only show the plan",
        ));
    }
    let answer = off_runtime(|| {
        dialoguer::Confirm::new()
            .with_prompt(format!("{summary}?"))
            .default(false)
            .interact()
    })?;
    Ok(answer)
}

/// Lets the user pick any of `items` (on a terminal; callers check
/// [`interactive`] first and fall back to an error naming their flag).
pub(crate) fn pick_many(prompt: &str, items: &[&str]) -> anyhow::Result<Vec<usize>> {
    Ok(off_runtime(|| {
        dialoguer::MultiSelect::new()
            .with_prompt(prompt)
            .items(items)
            .interact()
    })?)
}

/// Runs a prompt off the runtime's worker threads. A prompt blocks until
/// the user answers, and a worker that blocks stalls the tasks queued on
/// it (the Ctrl-C listener among them); on the multi-threaded runtime the
/// worker hands its tasks to another thread first.
fn off_runtime<T>(ask: impl FnOnce() -> T) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current() {
        Ok(h) if h.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(ask)
        }
        _ => ask(),
    }
}

/// Reads a secret (a passcode) without echo; `Ok(None)` off a terminal, so
/// the caller can name the flag that gives it instead.
pub(crate) fn secret(prompt: String) -> anyhow::Result<Option<String>> {
    if !interactive() {
        return Ok(None);
    }
    Ok(Some(
        dialoguer::Password::new().with_prompt(prompt).interact()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// With one worker, a prompt that waited on that worker's thread would
    /// keep the other tasks from running until it was answered.
    #[test]
    fn a_prompt_leaves_the_workers_to_the_other_tasks() {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .build()
            .unwrap();
        let answered = runtime.block_on(async {
            let (tx, rx) = mpsc::channel();
            let (started, asking) = tokio::sync::oneshot::channel();
            let prompt = tokio::spawn(async move {
                started.send(()).unwrap();
                // The "user" answers once the other task has run.
                off_runtime(|| rx.recv_timeout(Duration::from_secs(5)).is_ok())
            });
            asking.await.unwrap();
            tokio::spawn(async move { tx.send(()).unwrap() });
            prompt.await.unwrap()
        });
        assert!(answered);
    }
}
