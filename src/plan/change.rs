//! The two shapes of a change that keep their word under faults, for every
//! executor: a replace that puts its original back when its creation
//! fails, and a creation whose lost answer is answered by looking.

use crate::error::add_hint;
use crate::http::answer_lost;
use std::future::Future;

/// What a failed step left behind, carried in its error as a silent layer
/// (it adds no text; the error's own words say it to the user).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Left {
    /// A replace put its original back.
    Restored,
    /// What the step made was removed again.
    RolledBack,
    /// A replace deleted its original and could not put it back.
    OriginalDeleted,
}

impl std::fmt::Display for Left {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Ok(())
    }
}

/// Replaces `what` (`keypair deploy`) as one change: `remove` the
/// original, then `create` the new one. When the creation fails,
/// `restore` puts the original back and the error says so (the step's
/// status is `failed, original restored`); when even that fails, the error
/// says plainly that the original was deleted and what it was
/// (`original`), with the status `failed, original deleted`. A failed
/// `remove` changed nothing (a delete whose answer was lost is checked by
/// the site client).
pub(crate) async fn replace<T>(
    what: &str,
    original: &str,
    remove: impl Future<Output = anyhow::Result<()>>,
    create: impl Future<Output = anyhow::Result<T>>,
    restore: impl AsyncFnOnce() -> anyhow::Result<()>,
) -> anyhow::Result<T> {
    remove
        .await
        .map_err(|e| e.context(format!("deleting {what} to replace it")))?;
    let err = match create.await {
        Ok(made) => return Ok(made),
        Err(e) => e,
    };
    match restore().await {
        Ok(()) => Err(err
            .context(format!("replacing {what}: the original was put back"))
            .context(Left::Restored)),
        Err(r) => Err(add_hint(
            err.context(format!(
                "replacing {what}: the original was deleted and putting it back failed \
                 ({r:#}); it was {original}"
            )),
            format!("recreate {what} from the values above"),
        )
        .context(Left::OriginalDeleted)),
    }
}

/// What a creation made: what its answer said, or, when the answer was
/// lost, what looking for it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Made<T> {
    New(T),
    /// The answer was lost; this was found afterwards and is the caller's
    /// to complete and verify, as its own.
    Found(T),
}

impl<T> Made<T> {
    pub(crate) fn into_inner(self) -> T {
        match self {
            Made::New(t) | Made::Found(t) => t,
        }
    }

    /// What to tell the user about it: nothing for an answered creation.
    pub(crate) fn note(&self) -> Option<&'static str> {
        match self {
            Made::New(_) => None,
            Made::Found(_) => {
                Some("the answer to its creation was lost; osprey found it and completed it")
            }
        }
    }
}

/// Runs a creation whose answer may be lost. When `create` fails after its
/// request may have taken effect (the connection dropped after it was
/// sent, the wait for the answer timed out), `find` looks for what it
/// made: a resource that is exactly what was asked for (by the id asked
/// for, or by name and values), else `None`. Found, it comes back as
/// [`Made::Found`]; not found, the creation failed and left nothing.
pub(crate) async fn create_or_find<T>(
    create: impl Future<Output = anyhow::Result<T>>,
    find: impl AsyncFnOnce() -> anyhow::Result<Option<T>>,
) -> anyhow::Result<Made<T>> {
    let err = match create.await {
        Ok(made) => return Ok(Made::New(made)),
        Err(e) => e,
    };
    if !answer_lost(&err) {
        return Err(err);
    }
    match find().await {
        Ok(Some(found)) => Ok(Made::Found(found)),
        Ok(None) => Err(err.context("its answer was lost and nothing was made")),
        Err(f) => Err(add_hint(
            err,
            format!(
                "its answer was lost and looking for what it may have made failed too \
                 ({f:#}): check the site before running again"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Status;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn lost() -> anyhow::Error {
        anyhow::anyhow!("POST http://nova/os-keypairs: connection closed")
            .context(crate::http::Unanswered)
    }

    #[tokio::test]
    async fn a_failed_creation_puts_the_original_back() {
        let restored = AtomicU32::new(0);
        let err = replace(
            "keypair k",
            "ssh-ed25519 AAAA",
            async { Ok(()) },
            async { Err::<(), _>(anyhow::anyhow!("400 invalid key")) },
            async || {
                restored.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
        )
        .await
        .unwrap_err();
        assert_eq!(restored.load(Ordering::SeqCst), 1);
        assert_eq!(Status::of_failure(&err), Status::FailedRestored);
        let (line, _) = crate::error::describe(&err);
        assert_eq!(
            line,
            "replacing keypair k: the original was put back: 400 invalid key"
        );
    }

    #[tokio::test]
    async fn an_original_that_cannot_come_back_is_named() {
        let err = replace(
            "keypair k",
            "ssh-ed25519 AAAA",
            async { Ok(()) },
            async { Err::<(), _>(anyhow::anyhow!("400 invalid key")) },
            async || anyhow::bail!("503 unavailable"),
        )
        .await
        .unwrap_err();
        assert_eq!(Status::of_failure(&err), Status::FailedOriginalDeleted);
        let (line, hints) = crate::error::describe(&err);
        assert!(
            line.contains("(503 unavailable); it was ssh-ed25519 AAAA"),
            "{line}"
        );
        assert_eq!(hints, ["recreate keypair k from the values above"]);
    }

    #[tokio::test]
    async fn a_failed_removal_changes_nothing() {
        let err = replace::<()>(
            "keypair k",
            "ssh-ed25519 AAAA",
            async { anyhow::bail!("500") },
            async { panic!("must not create after a failed removal") },
            async || panic!("nothing to restore"),
        )
        .await
        .unwrap_err();
        assert_eq!(Status::of_failure(&err), Status::Failed);
    }

    #[tokio::test]
    async fn a_lost_answer_is_looked_up() {
        let found = create_or_find(async { Err(lost()) }, async || Ok(Some(7)))
            .await
            .unwrap();
        assert_eq!(found, Made::Found(7));
        assert!(found.note().is_some());
        let none = create_or_find(async { Err::<u32, _>(lost()) }, async || Ok(None))
            .await
            .unwrap_err();
        assert!(none.to_string().contains("nothing was made"), "{none}");
    }

    #[tokio::test]
    async fn an_answered_failure_is_not_looked_up() {
        let looked = AtomicU32::new(0);
        let err = create_or_find(
            async { Err::<u32, _>(anyhow::anyhow!("409 conflict")) },
            async || {
                looked.fetch_add(1, Ordering::SeqCst);
                Ok(Some(1))
            },
        )
        .await
        .unwrap_err();
        assert_eq!(looked.load(Ordering::SeqCst), 0);
        assert_eq!(err.to_string(), "409 conflict");
    }
}
