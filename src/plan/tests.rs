//! The plan path against an in-memory cloud: rollback, Ctrl-C, dry-run.

use super::*;
use crate::fanout::Cancel;
use std::sync::Mutex;

fn site(r: &str) -> SiteId {
    SiteId::new("c", r)
}

/// The sites of the tests' plans; an in-memory cloud needs only their ids.
fn sites() -> Clients<SiteId> {
    Clients(
        ["r1", "r2", "r3"]
            .into_iter()
            .map(|r| (site(r), std::sync::Arc::new(site(r))))
            .collect(),
    )
}

thread_local! {
    /// How many times each site was released on this test's thread (the
    /// tests' runtimes run everything on it).
    static RELEASED: std::cell::RefCell<BTreeMap<SiteId, usize>> = Default::default();
}

/// An in-memory site holds no connections: its releases are counted.
impl Releasable for SiteId {
    fn release(&self) {
        RELEASED.with(|r| *r.borrow_mut().entry(self.clone()).or_default() += 1);
    }
}

/// A cloud of named things per site; creating at `fail_at` fails.
struct Things {
    state: Mutex<BTreeMap<SiteId, BTreeSet<String>>>,
    fail_at: Option<SiteId>,
    /// With `fail_at`: only steps of this name fail there.
    fail_name: Option<String>,
    /// Ctrl-C arrives while the first site is creating.
    cancel: Option<Cancel>,
    /// The number of groups of each `apply_together` call.
    together: Mutex<Vec<usize>>,
}

fn things(fail_at: Option<&str>, cancel: Option<Cancel>) -> Things {
    Things {
        state: Mutex::new(BTreeMap::new()),
        fail_at: fail_at.map(site),
        fail_name: None,
        cancel,
        together: Mutex::new(Vec::new()),
    }
}

impl Executor<SiteId> for Things {
    type Op = ();
    type Undo = String;

    async fn apply(&self, site: &SiteId, steps: &[&Step<()>]) -> Effects<String> {
        // Later sites answer later, so the earlier ones have created
        // theirs when the last one fails.
        let named = |n: &String| steps.iter().any(|s| &s.name == n);
        if Some(site) == self.fail_at.as_ref() && self.fail_name.as_ref().is_none_or(named) {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            anyhow::bail!("quota exceeded");
        }
        if let Some(c) = &self.cancel {
            c.cancel();
        }
        let mut state = self.state.lock().unwrap();
        let set = state.entry(site.clone()).or_default();
        Ok(steps
            .iter()
            .map(|s| {
                set.insert(s.name.clone());
                Effect::created(s.name.clone())
            })
            .collect())
    }

    async fn apply_together(&self, groups: &[(&SiteId, Vec<&Step<()>>)]) -> Vec<Effects<String>> {
        self.together.lock().unwrap().push(groups.len());
        futures::future::join_all(groups.iter().map(|(site, steps)| self.apply(site, steps))).await
    }

    async fn undo(&self, site: &SiteId, name: &String) -> anyhow::Result<()> {
        let mut state = self.state.lock().unwrap();
        state.entry(site.clone()).or_default().remove(name);
        Ok(())
    }

    async fn verify(&self, site: &SiteId, steps: &[&Step<()>]) -> Verdicts {
        let state = self.state.lock().unwrap();
        Ok(steps
            .iter()
            .map(
                |s| match state.get(site).is_some_and(|t| t.contains(&s.name)) {
                    true => Ok(()),
                    false => Err(format!("{} is missing", s.name)),
                },
            )
            .collect())
    }
}

struct No;
impl Confirm for No {
    fn show(&self, _: &Rows) -> anyhow::Result<()> {
        Ok(())
    }
    fn confirm(&self, _: &str) -> anyhow::Result<bool> {
        Ok(false)
    }
}

fn create_everywhere(name: &str) -> Plan<()> {
    let steps = ["r1", "r2", "r3"]
        .iter()
        .map(|r| Step {
            site: site(r),
            kind: "keypair".into(),
            name: name.into(),
            action: Action::Create,
            detail: String::new(),
            group: String::new(),
            phase: 0,
            op: (),
        })
        .collect();
    Plan {
        steps,
        phases: vec![Phase::default()],
        atomic: Atomic::Run,
        summary: "create 3 keypairs".into(),
        noun: "creations".into(),
    }
}

fn runner() -> Runner {
    Runner::new(8, Cancel::new(), false)
}

fn yes() -> Options {
    Options {
        mode: Mode::Yes,
        exit_code: false,
    }
}

#[tokio::test(start_paused = true)]
async fn a_failure_at_the_third_site_rolls_back_the_other_two() {
    let mut before = BTreeMap::new();
    // Something the run did not create, at a site it creates at.
    before.insert(site("r1"), BTreeSet::from(["old".to_string()]));
    let things = things(Some("r3"), None);
    *things.state.lock().unwrap() = before.clone();
    let mut report = Report::default();
    let done = execute(
        create_everywhere("k"),
        &things,
        &sites(),
        &runner(),
        yes(),
        &No,
        &mut report,
    )
    .await
    .unwrap();
    let after = things.state.into_inner().unwrap();
    let left: BTreeMap<_, _> = after.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    assert_eq!(
        left, before,
        "nothing of this run is left, and nothing else is gone"
    );
    assert_eq!(
        done.0,
        [Status::RolledBack, Status::RolledBack, Status::Failed]
    );
    assert_eq!(done.1.entries.len(), 2);
    assert_eq!(report.failures.len(), 1);
    assert_eq!(report.failures[0].0, site("r3"));
    let status = report.rows.get(0, "status").cloned().unwrap_or_default();
    assert_eq!(status, "rolled back");
    assert!(
        report
            .notes
            .iter()
            .any(|n| n == "rolled back 2 creations of this run")
    );
}

#[tokio::test]
async fn a_clean_run_is_applied_read_back_and_journaled() {
    let things = things(None, None);
    let mut report = Report::default();
    let done = execute(
        create_everywhere("k"),
        &things,
        &sites(),
        &runner(),
        yes(),
        &No,
        &mut report,
    )
    .await
    .unwrap();
    assert_eq!(done.0, [Status::Applied; 3]);
    assert_eq!(done.1.entries.len(), 3);
    assert!(report.failures.is_empty());
    assert_eq!(report.notes, ["applied 3 of 3 creations"]);
}

#[tokio::test]
async fn a_site_is_released_after_its_checks_each_phase_and_its_read_back() {
    let mut plan = create_everywhere("k");
    // A second group at r1 in the phase: r1 is released once, after both.
    plan.steps.push(Step {
        name: "k2".into(),
        group: "second".into(),
        ..plan.steps[0].clone()
    });
    let mut report = Report::default();
    let things = things(None, None);
    let done = execute(plan, &things, &sites(), &runner(), yes(), &No, &mut report)
        .await
        .unwrap();
    assert_eq!(done.0, [Status::Applied; 4]);
    let released = RELEASED.with(|r| r.take());
    let each_thrice: BTreeMap<SiteId, usize> = ["r1", "r2", "r3"]
        .into_iter()
        .map(|r| (site(r), 3))
        .collect();
    assert_eq!(released, each_thrice);
}

#[tokio::test]
async fn dry_run_and_refusal_change_nothing() {
    let things = things(None, None);
    let mut report = Report::default();
    let opts = Options {
        mode: Mode::DryRun,
        exit_code: true,
    };
    execute(
        create_everywhere("k"),
        &things,
        &sites(),
        &runner(),
        opts,
        &No,
        &mut report,
    )
    .await
    .unwrap();
    assert!(report.findings);
    assert_eq!(report.rows.len(), 3);
    assert_eq!(
        report.rows.get(0, "action").cloned().unwrap_or_default(),
        "create"
    );
    let opts = Options {
        mode: Mode::Ask,
        exit_code: false,
    };
    let mut report = Report::default();
    execute(
        create_everywhere("k"),
        &things,
        &sites(),
        &runner(),
        opts,
        &No,
        &mut report,
    )
    .await
    .unwrap();
    assert_eq!(report.notes, ["nothing was changed"]);
    assert!(things.state.lock().unwrap().is_empty());
}

#[tokio::test]
async fn ctrl_c_stops_the_plan_and_rolls_back_what_was_created() {
    let runner = runner();
    let things = things(None, Some(runner.cancel().clone()));
    let mut report = Report::default();
    let done = execute(
        two_phases(),
        &things,
        &sites(),
        &runner,
        yes(),
        &No,
        &mut report,
    )
    .await
    .unwrap();
    assert!(report.interrupted);
    // r1 created `a` as Ctrl-C came: drained, then undone; nothing else started.
    assert_eq!(done.0[0], Status::RolledBack);
    assert!(done.0[1..].iter().all(|s| *s == Status::NotApplied));
    assert!(things.state.lock().unwrap().values().all(|v| v.is_empty()));
}

/// At each site a group (phase 0), then a rule in it (phase 1).
fn group_then_rule() -> Plan<()> {
    let step = |r: &str, name: &str, phase| Step {
        site: site(r),
        kind: "thing".into(),
        name: name.into(),
        action: Action::Create,
        detail: String::new(),
        group: String::new(),
        phase,
        op: (),
    };
    let mut steps = Vec::new();
    for (name, phase) in [("group", 0), ("rule", 1)] {
        for r in ["r1", "r2", "r3"] {
            steps.push(step(r, name, phase));
        }
    }
    Plan {
        steps,
        phases: vec![Phase::default(), Phase::held_back("rules held back")],
        atomic: Atomic::Site,
        summary: "create 6 things".into(),
        noun: "creations".into(),
    }
}

#[tokio::test(start_paused = true)]
async fn per_site_plans_undo_only_the_failed_site() {
    let mut things = things(Some("r2"), None);
    things.fail_name = Some("rule".into());
    let mut report = Report::default();
    let done = execute(
        group_then_rule(),
        &things,
        &sites(),
        &runner(),
        yes(),
        &No,
        &mut report,
    )
    .await
    .unwrap();
    let after = things.state.into_inner().unwrap();
    let both = BTreeSet::from(["group".to_string(), "rule".to_string()]);
    assert_eq!(after[&site("r1")], both, "the other sites keep their work");
    assert_eq!(after[&site("r3")], both);
    assert!(
        after[&site("r2")].is_empty(),
        "the failed site's group is undone"
    );
    assert_eq!(
        done.0,
        [
            Status::Applied,
            Status::RolledBack,
            Status::Applied,
            Status::Applied,
            Status::Failed,
            Status::Applied,
        ]
    );
    assert_eq!(report.failures.len(), 1);
    assert_eq!(report.failures[0].0, site("r2"));
    assert!(
        report
            .notes
            .iter()
            .any(|n| n == "rolled back 1 creation of this run")
    );
}

#[tokio::test(start_paused = true)]
async fn per_site_plans_hold_back_only_the_failed_sites_later_phases() {
    let things = things(Some("r2"), None);
    let mut report = Report::default();
    let done = execute(
        group_then_rule(),
        &things,
        &sites(),
        &runner(),
        yes(),
        &No,
        &mut report,
    )
    .await
    .unwrap();
    assert_eq!(
        done.0,
        [
            Status::Applied,
            Status::Failed,
            Status::Applied,
            Status::Applied,
            Status::NotApplied,
            Status::Applied,
        ]
    );
    assert!(report.notes.iter().any(|n| n == "rules held back"));
    let after = things.state.into_inner().unwrap();
    assert!(after.get(&site("r2")).is_none_or(BTreeSet::is_empty));
}

#[tokio::test(start_paused = true)]
async fn a_whole_run_plan_undoes_every_site() {
    let mut plan = group_then_rule();
    plan.atomic = Atomic::Run;
    let mut things = things(Some("r2"), None);
    things.fail_name = Some("rule".into());
    let mut report = Report::default();
    execute(plan, &things, &sites(), &runner(), yes(), &No, &mut report)
        .await
        .unwrap();
    let after = things.state.into_inner().unwrap();
    assert!(after.values().all(BTreeSet::is_empty), "{after:?}");
}

#[test]
fn a_per_site_plan_counts_what_changes() {
    let mut steps = create_everywhere("k").steps;
    steps[1].action = Action::Skip {
        reason: "already the same".into(),
    };
    let plan = Plan::per_site(steps, "import", "keypair");
    assert_eq!(plan.summary, "import 2 keypairs at 2 sites");
    assert_eq!(plan.noun, "keypair changes");
    assert_eq!(plan.atomic, Atomic::Site);
    assert_eq!(plan.phases.len(), 1);
    let one = Plan::per_site(
        create_everywhere("k").steps[..1].to_vec(),
        "delete",
        "keypair",
    );
    assert_eq!(one.summary, "delete 1 keypair at 1 site");
}

/// Steps that share a kind and a name at one site (the rules of one
/// security group): deletes that change, a creation, and one delete that
/// fails. Issue 14: each row keeps its own true status.
struct Rules {
    made: Mutex<BTreeSet<String>>,
    deleted: Mutex<BTreeSet<String>>,
}

impl Executor<SiteId> for Rules {
    type Op = &'static str;
    type Undo = String;

    async fn apply(&self, _: &SiteId, steps: &[&Step<&'static str>]) -> Effects<String> {
        let s = steps[0];
        match (&s.action, s.op) {
            (Action::Delete, "refused") => anyhow::bail!("409 rule in use"),
            (Action::Delete, id) => {
                self.deleted.lock().unwrap().insert(id.to_string());
                Ok(vec![Effect::changed()])
            }
            (_, id) => {
                self.made.lock().unwrap().insert(id.to_string());
                Ok(vec![Effect::created(id.to_string())])
            }
        }
    }

    async fn undo(&self, _: &SiteId, id: &String) -> anyhow::Result<()> {
        self.made.lock().unwrap().remove(id);
        Ok(())
    }

    async fn verify(&self, _: &SiteId, steps: &[&Step<&'static str>]) -> Verdicts {
        Ok(steps.iter().map(|_| Ok(())).collect())
    }
}

#[tokio::test]
async fn issue_14_each_step_of_a_shared_name_keeps_its_own_status() {
    let step = |action: Action, op: &'static str| Step {
        site: site("r1"),
        kind: "rule".into(),
        name: "web".into(),
        action,
        detail: String::new(),
        group: op.into(),
        phase: 0,
        op,
    };
    let steps = vec![
        step(Action::Create, "new"),
        step(Action::Delete, "old-1"),
        step(Action::Delete, "refused"),
        step(Action::Delete, "old-2"),
        step(
            Action::Skip {
                reason: "same".into(),
            },
            "kept",
        ),
    ];
    let rules = Rules {
        made: Mutex::new(BTreeSet::new()),
        deleted: Mutex::new(BTreeSet::new()),
    };
    let mut report = Report::default();
    let done = execute(
        Plan::per_site(steps, "change", "rule"),
        &rules,
        &sites(),
        &runner(),
        yes(),
        &No,
        &mut report,
    )
    .await
    .unwrap();
    assert_eq!(
        done.0,
        [
            Status::RolledBack,
            Status::Applied,
            Status::Failed,
            Status::Applied,
            Status::NotApplied,
        ]
    );
    assert!(rules.made.lock().unwrap().is_empty());
    assert_eq!(
        *rules.deleted.lock().unwrap(),
        BTreeSet::from(["old-1".to_string(), "old-2".to_string()])
    );
    assert_eq!(done.1.entries[0].step, 0);
}

#[tokio::test]
async fn a_failure_reads_what_it_left_from_its_error() {
    struct Restoring;
    impl Executor<SiteId> for Restoring {
        type Op = ();
        type Undo = ();
        async fn apply(&self, _: &SiteId, _: &[&Step<()>]) -> Effects<()> {
            replace(
                "keypair k",
                "the ssh key AAAA",
                async { Ok(()) },
                async { anyhow::bail!("400 bad key") },
                async || Ok(()),
            )
            .await
        }
        async fn undo(&self, _: &SiteId, _: &()) -> anyhow::Result<()> {
            Ok(())
        }
        async fn verify(&self, _: &SiteId, steps: &[&Step<()>]) -> Verdicts {
            Ok(steps.iter().map(|_| Ok(())).collect())
        }
    }
    let mut plan = create_everywhere("k");
    plan.steps.truncate(1);
    plan.steps[0].action = Action::Replace;
    let mut report = Report::default();
    let done = execute(
        plan,
        &Restoring,
        &sites(),
        &runner(),
        yes(),
        &No,
        &mut report,
    )
    .await
    .unwrap();
    assert_eq!(done.0, [Status::FailedRestored]);
    assert_eq!(
        report.rows.get(0, "status").cloned().unwrap_or_default(),
        "failed, original restored"
    );
}

/// `create_everywhere(a)` in phase 0, then `b` in phase 1.
fn two_phases() -> Plan<()> {
    let mut plan = create_everywhere("a");
    plan.phases.push(Phase::default());
    plan.steps.extend(
        create_everywhere("b")
            .steps
            .into_iter()
            .map(|s| Step { phase: 1, ..s }),
    );
    plan
}

#[tokio::test]
async fn a_together_phase_is_applied_in_one_call_for_all_its_sites() {
    let mut plan = two_phases();
    plan.phases[1].together = true;
    let things = things(None, None);
    let mut report = Report::default();
    let done = execute(plan, &things, &sites(), &runner(), yes(), &No, &mut report)
        .await
        .unwrap();
    assert_eq!(done.0, [Status::Applied; 6]);
    assert_eq!(*things.together.lock().unwrap(), [3]);
    // Each site is still released after its checks, each phase and its read-back.
    let released = RELEASED.with(|r| r.take());
    assert!(released.values().all(|n| *n == 4), "{released:?}");
}

#[tokio::test]
async fn a_declined_phase_stops_the_run_and_keeps_what_is_done() {
    let mut plan = two_phases();
    plan.phases[1].ask = Some("start wave 2 of 2 (3 sites)".into());
    let things = things(None, None);
    let mut report = Report::default();
    let done = execute(plan, &things, &sites(), &runner(), yes(), &No, &mut report)
        .await
        .unwrap();
    assert_eq!(&done.0[..3], [Status::Applied; 3]);
    assert_eq!(&done.0[3..], [Status::NotApplied; 3]);
    assert!(report.failures.is_empty());
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("stopped before \"start wave 2 of 2 (3 sites)\"")),
        "{:?}",
        report.notes
    );
}

#[tokio::test(start_paused = true)]
async fn a_stop_plan_holds_later_phases_and_keeps_what_was_applied() {
    let mut plan = two_phases();
    plan.atomic = Atomic::Stop;
    let things = things(Some("r3"), None);
    let mut report = Report::default();
    let done = execute(plan, &things, &sites(), &runner(), yes(), &No, &mut report)
        .await
        .unwrap();
    assert_eq!(
        done.0,
        [
            Status::Applied,
            Status::Applied,
            Status::Failed,
            Status::NotApplied,
            Status::NotApplied,
            Status::NotApplied
        ]
    );
    let state = things.state.into_inner().unwrap();
    assert_eq!(state.values().filter(|v| v.contains("a")).count(), 2);
}
