//! Mutations follow one path: read → plan → confirm → apply → verify (→ roll
//! back). A command builds a [`Plan`] of per-site steps in phases and hands
//! it to [`execute`], which owns dry-run, `--exit-code`, confirm/`--yes`,
//! the journal of what this run did, rollback of this run's creations on a
//! failure or Ctrl-C, and the read-back.

mod args;
mod change;
mod journal;

pub(crate) use args::PlanArgs;
pub(crate) use change::{Left, Made, create_or_find, replace};
use journal::Undos;
pub(crate) use journal::{Effect, Entry, Journal, PlanRow, Status};

use crate::api::SiteClient;
use crate::api::SiteId;
use crate::fanout::{Batch, Clients, OnCancel, Partial, Runner};
use crate::render::Rows;
use crate::report::Report;
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How the user wants a plan handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `--dry-run`: print the plan, change nothing.
    DryRun,
    /// `--yes`: apply without asking.
    Yes,
    /// Ask on a terminal; refuse elsewhere.
    Ask,
}

impl Mode {
    pub(crate) fn from_flags(dry_run: bool, yes: bool) -> Self {
        match (dry_run, yes) {
            (true, _) => Mode::DryRun,
            (false, true) => Mode::Yes,
            (false, false) => Mode::Ask,
        }
    }
}

/// The plan flags of a mutating command.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub(crate) mode: Mode,
    /// With `--dry-run`: exit 1 when anything but `skip` is planned.
    pub(crate) exit_code: bool,
}

/// What a step does at its site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    Create,
    Replace,
    Update,
    Delete,
    /// Nothing to do (an identical resource is already there, say).
    Skip {
        reason: String,
    },
    /// Cannot be done without a flag that resolves it; nothing changes at the site.
    Conflict {
        reason: String,
    },
}

impl Action {
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Replace => "replace",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Skip { .. } => "skip",
            Action::Conflict { .. } => "conflict",
        }
    }

    /// Whether applying the step changes the site.
    pub(crate) fn changes(&self) -> bool {
        !matches!(self, Action::Skip { .. } | Action::Conflict { .. })
    }
}

/// One action at one site, with the command's own payload.
#[derive(Debug, Clone)]
pub(crate) struct Step<Op> {
    pub(crate) site: SiteId,
    pub(crate) kind: String,
    pub(crate) name: String,
    pub(crate) action: Action,
    pub(crate) detail: String,
    /// Steps of one site with the same group are applied in one call (the
    /// limits of one quota set, say).
    pub(crate) group: String,
    /// The index of the step's phase in [`Plan::phases`].
    pub(crate) phase: usize,
    pub(crate) op: Op,
}

/// A phase starts only when every earlier phase succeeded (limits that go
/// down before limits that go up).
#[derive(Debug, Clone, Default)]
pub(crate) struct Phase {
    /// Said when the phase is held back because an earlier one failed.
    pub(crate) held_back: String,
    /// Its groups are applied in one call to [`Executor::apply_together`]:
    /// work shared across its sites (one read of an image's data feeding
    /// every target of a wave).
    pub(crate) together: bool,
    /// Asked on a terminal before the phase starts (`--pause` before each
    /// wave); a no stops the run there and keeps what is done.
    pub(crate) ask: Option<String>,
}

impl Phase {
    /// A phase that says `why` when an earlier failure holds it back.
    pub(crate) fn held_back(why: impl Into<String>) -> Self {
        Phase {
            held_back: why.into(),
            ..Phase::default()
        }
    }
}

/// What a failure undoes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Atomic {
    /// The run is one change: a failure anywhere holds back the later
    /// phases everywhere and rolls back every creation of the run (limits
    /// that together keep a global limit).
    #[default]
    Run,
    /// Each site is one change: a failure holds back that site's later
    /// phases and rolls back that site's creations; the other sites go on
    /// and keep theirs (a key cloned to five regions, one of them down).
    Site,
    /// A failure anywhere holds back the later phases everywhere, and what
    /// was applied stays, after a failure and after Ctrl-C (an image sync
    /// with `--no-rollback`: its copies were verified as they were made).
    Stop,
}

/// Steps in the order they are shown, and the phases they are applied in.
#[derive(Debug, Clone)]
pub(crate) struct Plan<Op> {
    pub(crate) steps: Vec<Step<Op>>,
    pub(crate) phases: Vec<Phase>,
    pub(crate) atomic: Atomic,
    /// The question put to the user, e.g. "change 4 limits at 2 sites".
    pub(crate) summary: String,
    /// What the steps are, for the closing count ("limit changes").
    pub(crate) noun: String,
}

impl<Op> Plan<Op> {
    /// A plan of one phase whose sites stand alone (`Atomic::Site`), as a
    /// sync's: it asks "{verb} N {thing}s at M sites".
    pub(crate) fn per_site(steps: Vec<Step<Op>>, verb: &str, thing: &str) -> Self {
        let changing: Vec<&Step<Op>> = steps.iter().filter(|s| s.action.changes()).collect();
        let sites: BTreeSet<&SiteId> = changing.iter().map(|s| &s.site).collect();
        let summary = format!(
            "{verb} {} {thing}{} at {} site{}",
            changing.len(),
            crate::render::plural(changing.len()),
            sites.len(),
            crate::render::plural(sites.len())
        );
        Plan {
            steps,
            phases: vec![Phase::default()],
            atomic: Atomic::Site,
            summary,
            noun: format!("{thing} changes"),
        }
    }

    /// Whether applying the plan would change anything.
    pub(crate) fn changes(&self) -> bool {
        self.steps.iter().any(|s| s.action.changes())
    }
}

/// How a command carries out its steps: it applies, undoes and reads
/// back; the plan path does the rest (the order, the journal, rollback).
pub(crate) trait Executor<Site = SiteClient> {
    type Op;
    /// What undoes a creation.
    type Undo: Clone;

    /// The rows the plan is shown in: a [`PlanRow`] per step, unless the
    /// command has rows of its own.
    fn rows(&self, steps: &[(&Step<Self::Op>, Status)]) -> Rows {
        Rows::typed(steps.iter().map(|(s, status)| PlanRow::of(s, *status)))
    }

    /// Checked at every site of the plan before anything changes anywhere
    /// (the admin role, say); nothing by default.
    fn preflight(&self, _site: &Site) -> impl Future<Output = anyhow::Result<()>> {
        async { Ok(()) }
    }

    /// Applies the groups of a phase marked [`Phase::together`] in one
    /// call, for work shared across their sites; one result per group, in
    /// order, each as [`Executor::apply`] gives it. By default each group
    /// is applied on its own, all at once.
    fn apply_together(
        &self,
        groups: &[(&Site, Vec<&Step<Self::Op>>)],
    ) -> impl Future<Output = Vec<Effects<Self::Undo>>> {
        futures::future::join_all(groups.iter().map(|(site, steps)| self.apply(site, steps)))
    }

    /// Applies one group of a site's steps, returning one effect per step.
    /// A group is one change that succeeds or fails whole (one request, or
    /// a replace and its restore): on an error every step of the group
    /// fails, with the status [`Status::of_failure`] reads from the error,
    /// and nothing of the group may be left half-made.
    fn apply(
        &self,
        site: &Site,
        steps: &[&Step<Self::Op>],
    ) -> impl Future<Output = Effects<Self::Undo>>;

    /// Undoes one creation of this run.
    fn undo(&self, site: &Site, undo: &Self::Undo) -> impl Future<Output = anyhow::Result<()>>;

    /// Reads a site's applied steps back: per step, `Err(what is wrong)`
    /// when it is not as planned.
    fn verify(&self, site: &Site, steps: &[&Step<Self::Op>]) -> impl Future<Output = Verdicts>;
}

/// A site the plan path works on: its connections are released when its
/// share of a fan-out is done (the checks, a phase, the rollback, the
/// read-back), so that a plan over many sites holds few at once.
pub(crate) trait Releasable {
    fn release(&self);
}

impl Releasable for SiteClient {
    fn release(&self) {
        SiteClient::release(self);
    }
}

/// Releases a site when dropped, or, with `left`, when the last of its
/// items in a fan-out is dropped: when they end, finished or not.
struct Releasing<'a, S: Releasable> {
    site: &'a S,
    left: Option<&'a AtomicUsize>,
}

impl<'a, S: Releasable> Releasing<'a, S> {
    fn new(site: &'a S) -> Self {
        Releasing { site, left: None }
    }
}

impl<S: Releasable> Drop for Releasing<'_, S> {
    fn drop(&mut self) {
        if self
            .left
            .is_none_or(|n| n.fetch_sub(1, Ordering::SeqCst) == 1)
        {
            self.site.release();
        }
    }
}

/// Per step applied, its effect.
pub(crate) type Effects<U> = anyhow::Result<Vec<Effect<U>>>;

/// Per step read back: `Err(what is wrong)` when it is not as planned.
pub(crate) type Verdicts = anyhow::Result<Vec<Result<(), String>>>;

/// Shows the plan and asks for confirmation (on a terminal).
pub(crate) trait Confirm {
    fn show(&self, rows: &Rows) -> anyhow::Result<()>;
    fn confirm(&self, summary: &str) -> anyhow::Result<bool>;
}

impl Confirm for crate::render::Terminal<'_> {
    fn show(&self, rows: &Rows) -> anyhow::Result<()> {
        crate::render::print(rows, self.0)
    }

    fn confirm(&self, summary: &str) -> anyhow::Result<bool> {
        crate::render::prompt::confirm(summary)
    }
}

/// What `execute` did: each step's status, and the journal of the run.
pub(crate) type Executed<U> = (Vec<Status>, Journal<U>);

/// Handles a plan as the user asked: prints it (`--dry-run`), or confirms,
/// checks every site, applies phase by phase, rolls back this run's
/// creations on a failure or Ctrl-C, and reads back what stayed. Rows,
/// failures and notes land in `report`.
pub(crate) async fn execute<S: Releasable, E: Executor<S>>(
    plan: Plan<E::Op>,
    exec: &E,
    sites: &Clients<S>,
    runner: &Runner,
    opts: impl Into<Options>,
    ui: &dyn Confirm,
    report: &mut Report,
) -> anyhow::Result<Executed<E::Undo>> {
    let opts: Options = opts.into();
    let steps: Vec<&Step<E::Op>> = plan.steps.iter().collect();
    // A skip or a conflict is `not applied` in every run, dry or not.
    let mut statuses: Vec<Status> = steps
        .iter()
        .map(|s| match s.action.changes() {
            true => Status::Planned,
            false => Status::NotApplied,
        })
        .collect();
    let rows_with = |statuses: &[Status]| {
        let shown: Vec<(&Step<E::Op>, Status)> = steps
            .iter()
            .copied()
            .zip(statuses.iter().copied())
            .collect();
        exec.rows(&shown)
    };
    let mut journal = Journal::default();
    let conflicts: BTreeSet<&SiteId> = steps
        .iter()
        .filter(|s| matches!(s.action, Action::Conflict { .. }))
        .map(|s| &s.site)
        .collect();
    for s in steps
        .iter()
        .filter(|s| matches!(s.action, Action::Conflict { .. }))
    {
        if let Action::Conflict { reason } = &s.action {
            report.failures.push((
                s.site.clone(),
                anyhow::anyhow!("{} {}: conflict: {reason}", s.kind, s.name),
            ));
        }
    }
    if !plan.changes() || opts.mode == Mode::DryRun || report.interrupted {
        report.rows = rows_with(&statuses);
        report.findings = opts.exit_code
            && steps
                .iter()
                .any(|s| !matches!(s.action, Action::Skip { .. }));
        return Ok((statuses, journal));
    }
    if opts.mode == Mode::Ask {
        // Show the plan, then ask; the rows are not printed again after.
        ui.show(&rows_with(&statuses))?;
        if !ui.confirm(&plan.summary)? {
            report.notes.push("nothing was changed".to_string());
            return Ok((statuses, journal));
        }
    }
    let to_apply = |s: &Step<E::Op>| s.action.changes() && !conflicts.contains(&s.site);

    // Every site must pass its checks before anything changes anywhere.
    let changing: Vec<SiteId> = steps
        .iter()
        .filter(|s| to_apply(s))
        .map(|s| s.site.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let checked = runner
        .run(
            changing,
            SiteId::clone,
            OnCancel::Drain,
            |site| async move {
                let here = sites.get(&site)?;
                let _release = Releasing::new(here);
                exec.preflight(here).await.map(Partial::new)
            },
        )
        .await;
    if !checked.failures.is_empty() || checked.interrupted {
        report.interrupted |= checked.interrupted;
        report.failures.extend(checked.failures);
        return Ok((statuses, journal));
    }

    // Sites where something failed: with `Atomic::Run`, one is enough to
    // stop everything.
    let mut failed: BTreeSet<SiteId> = BTreeSet::new();
    // The user declined a phase: no later one starts.
    let mut stopped = false;
    let held = |failed: &BTreeSet<SiteId>, site: &SiteId| match plan.atomic {
        Atomic::Run | Atomic::Stop => !failed.is_empty(),
        Atomic::Site => failed.contains(site),
    };
    for (p, phase) in plan.phases.iter().enumerate() {
        let here: Vec<usize> = (0..steps.len()).filter(|i| steps[*i].phase == p).collect();
        if report.interrupted {
            for i in here {
                statuses[i] = Status::NotApplied;
            }
            continue;
        }
        let held_back = here
            .iter()
            .any(|i| to_apply(steps[*i]) && held(&failed, &steps[*i].site));
        if held_back && !phase.held_back.is_empty() {
            report.notes.push(phase.held_back.clone());
        }
        let starts = here
            .iter()
            .any(|i| to_apply(steps[*i]) && !held(&failed, &steps[*i].site));
        if let Some(question) = phase.ask.as_deref().filter(|_| starts)
            && !ui.confirm(question)?
        {
            report
                .notes
                .push(format!("stopped before {question:?}, as asked"));
            stopped = true;
        }
        if stopped {
            for i in here {
                statuses[i] = Status::NotApplied;
            }
            continue;
        }
        let mut groups: BTreeMap<(SiteId, &str), Vec<usize>> = BTreeMap::new();
        for &i in &here {
            if to_apply(steps[i]) && !held(&failed, &steps[i].site) {
                groups
                    .entry((steps[i].site.clone(), steps[i].group.as_str()))
                    .or_default()
                    .push(i);
            } else {
                statuses[i] = Status::NotApplied;
            }
        }
        // A site's groups of the phase may run at once: the last to end
        // releases it.
        let mut left: BTreeMap<SiteId, AtomicUsize> = BTreeMap::new();
        for (site, _) in groups.keys() {
            *left.entry(site.clone()).or_default().get_mut() += 1;
        }
        let (steps, left) = (&steps, &left);
        let groups: Vec<(SiteId, Vec<usize>)> = groups
            .into_iter()
            .map(|((site, _), idx)| (site, idx))
            .collect();
        let out = if phase.together {
            together(exec, sites, runner, steps, groups).await
        } else {
            runner
                .run(
                    groups,
                    |(site, _)| site.clone(),
                    OnCancel::Drain,
                    |(site, idx)| async move {
                        let group: Vec<&Step<E::Op>> = idx.iter().map(|i| steps[*i]).collect();
                        let result = match sites.get(&site) {
                            Ok(here) => {
                                let _release = Releasing {
                                    site: here,
                                    left: left.get(&site),
                                };
                                exec.apply(here, &group).await
                            }
                            Err(e) => Err(e),
                        };
                        Ok(Partial::new((idx, result)))
                    },
                )
                .await
        };
        report.interrupted |= out.interrupted;
        for (site, (idx, result)) in out.done {
            match result {
                Ok(effects) => {
                    for (&i, effect) in idx.iter().zip(effects) {
                        statuses[i] = Status::Applied;
                        if let Some(note) = &effect.note {
                            let s = steps[i];
                            report
                                .notes
                                .push(format!("{site}: {} {}: {note}", s.kind, s.name));
                        }
                        journal.entries.push(Entry {
                            step: i,
                            site: site.clone(),
                            effect,
                        });
                    }
                }
                Err(e) => {
                    failed.insert(site.clone());
                    let status = Status::of_failure(&e);
                    for i in &idx {
                        statuses[*i] = status;
                    }
                    report.failures.push((site, e));
                }
            }
        }
        for i in here {
            if statuses[i] == Status::Planned {
                statuses[i] = Status::NotApplied;
            }
        }
    }

    // After Ctrl-C the whole run is undone, as the user asked to stop it,
    // unless what it made is to stay whatever happens.
    let undone: Option<BTreeSet<SiteId>> = match plan.atomic {
        Atomic::Stop => Some(BTreeSet::new()),
        _ if report.interrupted => None,
        Atomic::Run if !failed.is_empty() => None,
        Atomic::Site if !failed.is_empty() => Some(failed),
        _ => Some(BTreeSet::new()),
    };
    if undone.as_ref().is_none_or(|sites| !sites.is_empty()) {
        let undos = journal.undos(undone.as_ref());
        rollback(exec, sites, runner, &steps, &mut statuses, undos, report).await;
    }
    verify(exec, sites, runner, &steps, &mut statuses, report).await;
    if opts.mode == Mode::Yes {
        report.rows = rows_with(&statuses);
    }
    let applied = statuses.iter().filter(|s| **s == Status::Applied).count();
    let planned = steps.iter().filter(|s| s.action.changes()).count();
    report
        .notes
        .push(format!("applied {applied} of {planned} {}", plan.noun));
    Ok((statuses, journal))
}

/// Applies a phase's groups in one call to [`Executor::apply_together`],
/// releasing each site when it is done; a group whose site is not one of
/// the run's fails alone.
async fn together<S: Releasable, E: Executor<S>>(
    exec: &E,
    sites: &Clients<S>,
    runner: &Runner,
    steps: &[&Step<E::Op>],
    groups: Vec<(SiteId, Vec<usize>)>,
) -> Batch<(Vec<usize>, Effects<E::Undo>)> {
    let mut batch = Batch::default();
    let mut ready = Vec::new();
    for (site, idx) in groups {
        match sites.get(&site) {
            Ok(here) => ready.push((site, here, idx)),
            Err(e) => batch.done.push((site, (idx, Err(e)))),
        }
    }
    let calls: Vec<(&S, Vec<&Step<E::Op>>)> = ready
        .iter()
        .map(|(_, here, idx)| (*here, idx.iter().map(|i| steps[*i]).collect()))
        .collect();
    let results = exec.apply_together(&calls).await;
    for ((site, here, idx), result) in ready.into_iter().zip(results) {
        here.release();
        batch.done.push((site, (idx, result)));
    }
    batch.interrupted = runner.is_cancelled();
    batch
}

/// Undoes creations of this run (the journal's [`Journal::undos`]);
/// never touches anything this run did not create.
async fn rollback<S: Releasable, E: Executor<S>>(
    exec: &E,
    sites: &Clients<S>,
    runner: &Runner,
    steps: &[&Step<E::Op>],
    statuses: &mut [Status],
    by_site: Undos<E::Undo>,
    report: &mut Report,
) {
    if by_site.is_empty() {
        return;
    }
    // Undoing must finish even after Ctrl-C (a second one still exits).
    let out = runner
        .by_site(by_site, OnCancel::Complete, |site, undos| async move {
            let mut undone = Vec::new();
            let mut errors = Vec::new();
            let here = sites.get(&site)?;
            let _release = Releasing::new(here);
            for (i, u) in undos {
                let s = steps[i];
                match exec.undo(here, &u).await {
                    Ok(()) => undone.push(i),
                    Err(e) => errors.push(e.context(format!(
                        "rolling back {} {}, which this run created; remove it by hand",
                        s.kind, s.name
                    ))),
                }
            }
            Ok(Partial {
                value: undone,
                errors,
            })
        })
        .await;
    for (_, undone) in &out.done {
        for &i in undone {
            statuses[i] = Status::RolledBack;
        }
    }
    let rolled = out.done.iter().map(|(_, u)| u.len()).sum::<usize>();
    report.notes.push(format!(
        "rolled back {rolled} creation{} of this run",
        if rolled == 1 { "" } else { "s" }
    ));
    report.failures.extend(out.failures);
}

/// Reads back every applied step; one not as planned is a failure.
async fn verify<S: Releasable, E: Executor<S>>(
    exec: &E,
    sites: &Clients<S>,
    runner: &Runner,
    steps: &[&Step<E::Op>],
    statuses: &mut [Status],
    report: &mut Report,
) {
    let mut by_site: BTreeMap<SiteId, Vec<usize>> = BTreeMap::new();
    for (i, s) in steps.iter().enumerate() {
        if statuses[i] == Status::Applied {
            by_site.entry(s.site.clone()).or_default().push(i);
        }
    }
    // What was written is read back even after Ctrl-C.
    let out = runner
        .by_site(by_site, OnCancel::Complete, |site, idx| async move {
            let group: Vec<&Step<E::Op>> = idx.iter().map(|i| steps[*i]).collect();
            let result = match sites.get(&site) {
                Ok(here) => {
                    let _release = Releasing::new(here);
                    exec.verify(here, &group).await
                }
                Err(e) => Err(e),
            };
            Ok(Partial::new((idx, result)))
        })
        .await;
    for (site, (idx, result)) in out.done {
        match result {
            Ok(checks) => {
                for (i, check) in idx.iter().zip(checks) {
                    if let Err(wrong) = check {
                        statuses[*i] = Status::Unverified;
                        report
                            .failures
                            .push((site.clone(), anyhow::anyhow!("verifying: {wrong}")));
                    }
                }
            }
            Err(e) => {
                for i in &idx {
                    statuses[*i] = Status::Unverified;
                }
                report.failures.push((site, e));
            }
        }
    }
}

#[cfg(test)]
mod tests;
