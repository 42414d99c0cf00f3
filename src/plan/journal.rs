//! What a plan's run did: each step's status, the row it is shown in,
//! each applied step's effect, and the journal of them that rollback reads.

use super::{Action, Left, Step};
use crate::api::SiteId;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// To be applied (a change shown before it is made, or in a dry run).
    Planned,
    /// Applied and read back as planned.
    Applied,
    /// Applied, but the read-back could not confirm it.
    Unverified,
    /// Failed, and nothing of it is left at the site (or what is left is
    /// named in its error line).
    Failed,
    /// A replace whose creation failed: the original was put back.
    FailedRestored,
    /// A creation that failed after it made something (its answer was
    /// lost, or a later part of it failed): what it made was removed.
    FailedRolledBack,
    /// A replace whose creation failed and whose original could not be put
    /// back: the error line says what the original was.
    FailedOriginalDeleted,
    /// Not applied: refused, held back, interrupted, or a skip or a
    /// conflict (which never change anything, in any run).
    NotApplied,
    /// Applied, then undone because the run failed or was interrupted.
    RolledBack,
}

impl Status {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Applied => "applied",
            Status::Unverified => "unverified",
            Status::Failed => "failed",
            Status::FailedRestored => "failed, original restored",
            Status::FailedRolledBack => "failed, rolled back",
            Status::FailedOriginalDeleted => "failed, original deleted",
            Status::NotApplied => "not applied",
            Status::RolledBack => "rolled back",
        }
    }

    /// The status of a step whose apply failed with `err`: what the
    /// failure left behind, as the executor marked it with [`Left`].
    pub(crate) fn of_failure(err: &anyhow::Error) -> Status {
        match crate::error::marker::<Left>(err) {
            Some(Left::Restored) => Status::FailedRestored,
            Some(Left::RolledBack) => Status::FailedRolledBack,
            Some(Left::OriginalDeleted) => Status::FailedOriginalDeleted,
            None => Status::Failed,
        }
    }
}

/// The row every plan shows unless its command has its own.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct PlanRow {
    pub(crate) cloud: String,
    pub(crate) region: String,
    pub(crate) kind: String,
    pub(crate) name: String,
    pub(crate) action: String,
    pub(crate) detail: String,
    pub(crate) status: String,
}

impl PlanRow {
    pub(crate) fn of<Op>(step: &Step<Op>, status: Status) -> Self {
        let detail = match &step.action {
            Action::Skip { reason } | Action::Conflict { reason } if step.detail.is_empty() => {
                reason.clone()
            }
            _ => step.detail.clone(),
        };
        PlanRow {
            cloud: step.site.cloud.clone(),
            region: step.site.region.clone(),
            kind: step.kind.clone(),
            name: step.name.clone(),
            action: step.action.name().to_string(),
            detail,
            status: status.name().to_string(),
        }
    }
}

/// What one applied step left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Effect<U> {
    /// What undoes a creation (an id to delete); `None` for a change to
    /// something that existed before the run, which is never undone.
    pub(crate) undo: Option<U>,
    /// Said to the user about the step (a creation whose answer was lost,
    /// found and completed).
    pub(crate) note: Option<String>,
}

impl<U> Effect<U> {
    /// It created something that `undo` removes.
    pub(crate) fn created(undo: U) -> Self {
        Effect {
            undo: Some(undo),
            note: None,
        }
    }

    /// It changed something that existed before the run.
    pub(crate) fn changed() -> Self {
        Effect {
            undo: None,
            note: None,
        }
    }

    /// With something to tell the user about the step, if there is.
    pub(crate) fn noted(mut self, note: Option<&str>) -> Self {
        self.note = note.map(str::to_string);
        self
    }
}

/// One applied step: its index in [`Plan::steps`], its site and effect.
#[derive(Debug, Clone)]
pub(crate) struct Entry<U> {
    pub(crate) step: usize,
    pub(crate) site: SiteId,
    pub(crate) effect: Effect<U>,
}

/// What this run did, in order. Entries point at their step, so a status
/// is only ever written for the step it describes.
#[derive(Debug, Clone)]
pub(crate) struct Journal<U> {
    pub(crate) entries: Vec<Entry<U>>,
}

/// Per site, the creations to undo: each with its step, newest first.
pub(super) type Undos<U> = BTreeMap<SiteId, Vec<(usize, U)>>;

impl<U: Clone> Journal<U> {
    /// This run's creations at `only` (every site when `None`), newest
    /// first at each site.
    pub(super) fn undos(&self, only: Option<&BTreeSet<SiteId>>) -> Undos<U> {
        let mut by_site: Undos<U> = BTreeMap::new();
        for entry in self.entries.iter().rev() {
            if only.is_some_and(|s| !s.contains(&entry.site)) {
                continue;
            }
            if let Some(u) = &entry.effect.undo {
                by_site
                    .entry(entry.site.clone())
                    .or_default()
                    .push((entry.step, u.clone()));
            }
        }
        by_site
    }
}

impl<U> Default for Journal<U> {
    fn default() -> Self {
        Journal {
            entries: Vec::new(),
        }
    }
}
