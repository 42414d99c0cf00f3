//! `osprey secgroup sync`: clones groups and their rules from the source
//! site to the targets through the one plan path. Groups are created first
//! (phase 0), then rules are added (phase 1), then, with `--prune`, rules
//! the source lacks are deleted (phase 2). A rule's remote group is mapped
//! to the same-named group at the target, which is cloned too when missing.

use super::read::{self, Extras, Group, MARKER, SiteGroups};
use super::rules::{Names, Remote, RuleKey};
use super::{SyncArgs, read_source, source_group};
use crate::api::{SiteClient, SiteId};
use crate::commands::sync::ends;
use crate::fanout::select::Estate;
use crate::http::has_status;
use crate::plan::{self, Action, Effect, Executor, Phase, Plan, PlanRow, Status, Step};
use crate::report::Report;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::{Arc, Mutex};

const GROUP: &str = "security_group";
const RULE: &str = "security_group_rule";
/// The group Neutron makes for every project: merged, never created or deleted.
const DEFAULT: &str = "default";

/// What a step does at its target.
#[derive(Debug, Clone)]
pub enum Op {
    /// Creates the group, tags it with `tag` where the site can, and
    /// removes the template rules Neutron adds that are not in `keep`.
    CreateGroup {
        description: String,
        stateful: bool,
        tag: Option<String>,
        keep: BTreeSet<RuleKey>,
    },
    SetStateful(bool),
    AddRule {
        key: RuleKey,
        description: String,
    },
    DeleteRule {
        id: String,
    },
    /// A skip or a conflict.
    Nothing,
}

/// What undoes a creation of this run.
#[derive(Debug, Clone)]
pub enum Undo {
    Group(String),
    Rule(String),
}

/// `osprey secgroup sync NAME...`.
pub async fn sync(
    estate: &Estate<'_>,
    args: &SyncArgs,
    ui: &dyn plan::Confirm,
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let ends = ends(estate, &args.ends).await?;
    let source = read_source(&ends.source, Extras::default()).await?;
    for name in &args.names {
        source_group(&source, name)?;
    }
    let address_groups = source
        .groups
        .iter()
        .flat_map(|g| g.rules.keys())
        .any(|k| matches!(k.remote, Remote::AddressGroup(_)));
    let extras = Extras {
        tags: true,
        address_groups,
    };
    let targets = report.absorb_sites(ends.targets);
    let out = estate
        .runner
        .each(&targets, |c| async move { read::read(&c, extras).await })
        .await;
    let read = report.absorb(out);
    let mut steps = Vec::new();
    for (_, target) in &read {
        steps.extend(plan_site(&source, target, &args.names, args.prune));
    }
    let changing: BTreeSet<&SiteId> = steps
        .iter()
        .filter(|s| s.action.changes())
        .map(|s| &s.site)
        .collect();
    let count = steps.iter().filter(|s| s.action.changes()).count();
    let summary = format!(
        "make {count} security group change{} at {} site{}",
        plural(count),
        changing.len(),
        plural(changing.len())
    );
    if count == 0 && report.failures.is_empty() && !steps.is_empty() {
        report
            .notes
            .push("nothing to change: every target already has the source's rules".into());
    }
    let plan = Plan {
        steps,
        phases: vec![
            Phase::default(),
            Phase {
                held_back: "warning: rules were not added at a site where a group could not be \
                            created or changed; fix the error and run again"
                    .into(),
            },
            Phase {
                held_back: "warning: rules were not pruned at a site where adding rules failed"
                    .into(),
            },
        ],
        atomic: plan::Atomic::Site,
        summary,
        noun: "security group changes".into(),
    };
    let exec = Groups::new(targets, &read);
    plan::execute(plan, &exec, &estate.runner, args.plan, ui, &mut report).await?;
    Ok(report)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Why a group is synced at a target.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Need {
    Asked,
    /// Rules of that group refer to it.
    By(String),
}

/// The steps at one target: the asked groups, and the groups their rules
/// need that the target lacks.
fn plan_site(
    source: &SiteGroups,
    target: &SiteGroups,
    names: &[String],
    prune: bool,
) -> Vec<Step<Op>> {
    let site = &target.site;
    let mut queue: VecDeque<(String, Need)> =
        names.iter().map(|n| (n.clone(), Need::Asked)).collect();
    let mut seen = BTreeSet::new();
    let mut created = BTreeSet::new();
    // (group, target group when it exists, why)
    let mut synced: Vec<(&Group, Option<&Group>)> = Vec::new();
    let mut groups = Vec::new();
    while let Some((name, need)) = queue.pop_front() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let step = |action: Action, detail: String, op: Op| Step {
            site: site.clone(),
            kind: GROUP.into(),
            name: name.clone(),
            action,
            detail,
            group: format!("group:{name}"),
            phase: 0,
            op,
        };
        let src = match source.one(&name) {
            Ok(Some(g)) => g,
            Ok(None) | Err(_) => {
                let n = source.named(&name).count();
                let reason = format!(
                    "{n} groups are named {name} at the source and rules of {} refer to one; \
                     rename all but one",
                    needed_by(&need)
                );
                groups.push(step(conflict(&reason), String::new(), Op::Nothing));
                continue;
            }
        };
        let there = match target.one(&name) {
            Ok(g) => g,
            Err(n) => {
                let reason = format!(
                    "{n} groups are named {name} here; osprey matches groups by name: \
                     rename all but one"
                );
                groups.push(step(conflict(&reason), String::new(), Op::Nothing));
                continue;
            }
        };
        let copied = match (there, &need) {
            (Some(t), Need::By(by)) => {
                let reason = format!(
                    "exists ({}); rules of {by} refer to it",
                    kin(src, t, source)
                );
                groups.push(step(skip(&reason), String::new(), Op::Nothing));
                false
            }
            (Some(t), Need::Asked) => {
                groups.push(merge_step(src, t, source, prune, step));
                synced.push((src, Some(t)));
                true
            }
            (None, _) if name == DEFAULT => {
                let reason = "the default group is missing here and is never created; \
                              Neutron makes it when the project first lists its groups";
                groups.push(step(conflict(reason), String::new(), Op::Nothing));
                false
            }
            (None, _) => {
                let marker = src.marker_at(&source.site);
                let (description, tag, said) = if target.tags {
                    (
                        src.description.clone(),
                        Some(format!("{MARKER}{marker}")),
                        "tagged",
                    )
                } else {
                    (
                        read::marked_description(&src.description, &marker),
                        None,
                        "in its description",
                    )
                };
                let mut detail = format!(
                    "{}, {} rules; {MARKER}{marker} {said}",
                    super::stateful_word(src.stateful),
                    src.rules.len()
                );
                if let Need::By(by) = &need {
                    detail.push_str(&format!("; rules of {by} refer to it"));
                }
                let op = Op::CreateGroup {
                    description,
                    stateful: src.stateful,
                    tag,
                    keep: src.rules.keys().cloned().collect(),
                };
                groups.push(step(Action::Create, detail, op));
                created.insert(name.clone());
                synced.push((src, None));
                true
            }
        };
        if copied {
            for key in src.rules.keys() {
                if let Some(n) = key.remote_group()
                    && n != name
                {
                    queue.push_back((n.to_string(), Need::By(name.clone())));
                }
            }
        }
    }
    let mut steps = groups;
    for (src, there) in synced {
        steps.extend(rule_steps(src, there, target, &created, prune));
    }
    steps
}

fn needed_by(need: &Need) -> &str {
    match need {
        Need::Asked => "the command line",
        Need::By(by) => by,
    }
}

fn conflict(reason: &str) -> Action {
    Action::Conflict {
        reason: reason.into(),
    }
}

fn skip(reason: &str) -> Action {
    Action::Skip {
        reason: reason.into(),
    }
}

/// What a same-named group at the target is to the source's group.
fn kin(src: &Group, there: &Group, source: &SiteGroups) -> String {
    let ours = src.marker_at(&source.site);
    match &there.source {
        Some(s) if *s == ours => format!("our copy of {s}"),
        Some(s) => format!("a copy of {s}, not of {ours}"),
        None if there.name == DEFAULT => "the project's default group".into(),
        None => "a look-alike, not made by osprey".into(),
    }
}

/// The group's own row when it exists at the target.
fn merge_step(
    src: &Group,
    there: &Group,
    source: &SiteGroups,
    prune: bool,
    step: impl Fn(Action, String, Op) -> Step<Op>,
) -> Step<Op> {
    let kin = kin(src, there, source);
    let (want, have) = (src.keys(), there.keys());
    if there.stateful != src.stateful {
        let detail = format!(
            "{} → {} ({kin})",
            super::stateful_word(there.stateful),
            super::stateful_word(src.stateful)
        );
        return step(Action::Update, detail, Op::SetStateful(src.stateful));
    }
    if want == have {
        return step(
            skip("already the same"),
            format!("already the same ({kin})"),
            Op::Nothing,
        );
    }
    let missing = want.difference(&have).count();
    let extra = have.difference(&want).count();
    let extra = match (extra, prune) {
        (0, _) => String::new(),
        (n, true) => format!(", {n} to delete"),
        (n, false) => format!(", {n} only here"),
    };
    let reason = format!("exists ({kin}); {missing} rules to add{extra}");
    step(skip(&reason), String::new(), Op::Nothing)
}

/// The rule steps of one synced group: its missing rules, and the rules
/// only at the target (deleted with `--prune`).
fn rule_steps(
    src: &Group,
    there: Option<&Group>,
    target: &SiteGroups,
    created: &BTreeSet<String>,
    prune: bool,
) -> Vec<Step<Op>> {
    let name = &src.name;
    let step = |action: Action, detail: String, op: Op, phase: usize, group: String| Step {
        site: target.site.clone(),
        kind: RULE.into(),
        name: name.clone(),
        action,
        detail,
        group,
        phase,
        op,
    };
    let have = there.map(Group::keys).unwrap_or_default();
    let mut steps = Vec::new();
    for (key, refs) in &src.rules {
        if have.contains(key) {
            continue;
        }
        let (action, detail) = match remote_problem(key, target, created) {
            Some(why) => (conflict(&format!("{key}: {why}")), String::new()),
            None => (Action::Create, key.to_string()),
        };
        let op = Op::AddRule {
            key: key.clone(),
            description: refs
                .first()
                .map(|r| r.description.clone())
                .unwrap_or_default(),
        };
        steps.push(step(action, detail, op, 1, format!("rules:{name}")));
    }
    let Some(there) = there else {
        return steps;
    };
    for (key, refs) in &there.rules {
        if src.rules.contains_key(key) {
            continue;
        }
        for r in refs {
            let (action, op) = if prune {
                (Action::Delete, Op::DeleteRule { id: r.id.clone() })
            } else {
                (skip("only here; --prune deletes it"), Op::Nothing)
            };
            let detail = match &action {
                Action::Skip { reason } => format!("{key} ({reason})"),
                _ => key.to_string(),
            };
            steps.push(step(action, detail, op, 2, format!("prune:{}", r.id)));
        }
    }
    steps
}

/// Why a rule's remote cannot be mapped at the target, if it cannot.
fn remote_problem(
    key: &RuleKey,
    target: &SiteGroups,
    created: &BTreeSet<String>,
) -> Option<String> {
    match &key.remote {
        Remote::Prefix(_) => None,
        Remote::Group(n) if created.contains(n) => None,
        Remote::Group(n) => match target.one(n) {
            Ok(Some(_)) => None,
            Ok(None) => Some(format!("its remote group {n} is missing here")),
            Err(count) => Some(format!("{count} groups are named {n} here")),
        },
        Remote::UnknownGroup(id) => Some(format!(
            "its remote group {id} is not a group of the project at the source"
        )),
        Remote::AddressGroup(n) => match target.address_groups.get(n).map(Vec::len) {
            Some(1) => None,
            None | Some(0) => Some(format!(
                "address group {n} does not exist here; osprey does not clone address \
                 groups: create it, then run again"
            )),
            Some(count) => Some(format!("{count} address groups are named {n} here")),
        },
        Remote::UnknownAddressGroup(id) => Some(format!(
            "its remote address group {id} is not one of the project's at the source"
        )),
    }
}

/// Carries out the steps at the targets.
struct Groups {
    clients: Vec<Arc<SiteClient>>,
    /// Group ids by name at each target: those read, and those created.
    ids: Mutex<BTreeMap<SiteId, BTreeMap<String, String>>>,
    /// Address group ids by name at each target.
    address_groups: BTreeMap<SiteId, BTreeMap<String, Vec<String>>>,
    /// The template rules that groups created by this run kept, by site
    /// and group name: their rules to add are there already.
    kept: Mutex<BTreeMap<(SiteId, String), BTreeSet<RuleKey>>>,
}

impl Groups {
    fn new(clients: Vec<Arc<SiteClient>>, read: &[(SiteId, SiteGroups)]) -> Self {
        let mut ids = BTreeMap::new();
        let mut address_groups = BTreeMap::new();
        for (site, groups) in read {
            let mut here = BTreeMap::new();
            for g in &groups.groups {
                if groups.named(&g.name).count() == 1 {
                    here.insert(g.name.clone(), g.id.clone());
                }
            }
            ids.insert(site.clone(), here);
            address_groups.insert(site.clone(), groups.address_groups.clone());
        }
        Groups {
            clients,
            ids: Mutex::new(ids),
            address_groups,
            kept: Mutex::new(BTreeMap::new()),
        }
    }

    fn client(&self, site: &SiteId) -> anyhow::Result<&Arc<SiteClient>> {
        self.clients
            .iter()
            .find(|c| &c.id == site)
            .ok_or_else(|| anyhow::anyhow!("no client for {site}"))
    }

    fn id_of(&self, site: &SiteId, name: &str) -> anyhow::Result<String> {
        self.ids
            .lock()
            .map_err(|_| anyhow::anyhow!("the group ids of {site} are unreadable"))?
            .get(site)
            .and_then(|m| m.get(name))
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("security group {name} is not here"))
    }

    /// Creates a group, tags it, and drops the template rules it should
    /// not have; on a failure after the creation the group is deleted.
    async fn create_group(
        &self,
        client: &SiteClient,
        name: &str,
        op: &Op,
    ) -> anyhow::Result<String> {
        let Op::CreateGroup {
            description,
            stateful,
            tag,
            keep,
        } = op
        else {
            anyhow::bail!("security group {name}: not a creation");
        };
        let made = client
            .create_security_group(name, description, *stateful)
            .await
            .map_err(|e| e.context(format!("creating security group {name}")))?;
        let finish = async {
            if let Some(tag) = tag {
                client
                    .set_security_group_tags(&made.id, std::slice::from_ref(tag))
                    .await
                    .map_err(|e| e.context(format!("tagging security group {name}")))?;
            }
            let mut names = Names::default();
            names.groups.insert(made.id.clone(), name.to_string());
            let mut kept = BTreeSet::new();
            for rule in &made.security_group_rules {
                let key = RuleKey::of(rule, &names)?;
                if keep.contains(&key) {
                    kept.insert(key);
                } else {
                    client
                        .delete_security_group_rule(&rule.id)
                        .await
                        .map_err(|e| {
                            e.context(format!("removing a template rule of security group {name}"))
                        })?;
                }
            }
            anyhow::Ok(kept)
        };
        let kept = match finish.await {
            Ok(kept) => kept,
            Err(e) => {
                let _ = client.delete_security_group(&made.id).await;
                return Err(e);
            }
        };
        self.kept
            .lock()
            .map_err(|_| anyhow::anyhow!("the kept rules of {} are unreadable", client.id))?
            .insert((client.id.clone(), name.to_string()), kept);
        self.ids
            .lock()
            .map_err(|_| anyhow::anyhow!("the group ids of {} are unreadable", client.id))?
            .entry(client.id.clone())
            .or_default()
            .insert(name.to_string(), made.id.clone());
        Ok(made.id)
    }

    /// Adds one group's missing rules in one request. A rule that the
    /// group's creation already made (Neutron's template) is left as it is.
    async fn add_rules(
        &self,
        client: &SiteClient,
        steps: &[&Step<Op>],
    ) -> anyhow::Result<Vec<Effect<Undo>>> {
        let site = &client.id;
        let name = &steps[0].name;
        let group_id = self.id_of(site, name)?;
        let present: BTreeSet<RuleKey> = self
            .kept
            .lock()
            .map_err(|_| anyhow::anyhow!("the kept rules of {site} are unreadable"))?
            .get(&(site.clone(), name.clone()))
            .cloned()
            .unwrap_or_default();
        let mut new = Vec::new();
        let mut effects: Vec<Option<Effect<Undo>>> = Vec::new();
        for s in steps {
            let Op::AddRule { key, description } = &s.op else {
                anyhow::bail!("security group {name}: not a rule to add");
            };
            if present.contains(key) {
                effects.push(Some(Effect::Changed));
                continue;
            }
            let remote = match &key.remote {
                Remote::Group(n) => Some(self.id_of(site, n)?),
                Remote::AddressGroup(n) => self
                    .address_groups
                    .get(site)
                    .and_then(|m| m.get(n))
                    .and_then(|ids| ids.first())
                    .cloned(),
                _ => None,
            };
            new.push(key.new_rule(&group_id, remote.as_deref(), description));
            effects.push(None);
        }
        let made = if new.is_empty() {
            Vec::new()
        } else {
            client
                .create_security_group_rules(&new)
                .await
                .map_err(|e| e.context(format!("adding rules to security group {name}")))?
        };
        let mut made = made.into_iter();
        Ok(effects
            .into_iter()
            .map(|e| {
                e.unwrap_or_else(|| match made.next() {
                    Some(r) => Effect::Created(Undo::Rule(r.id)),
                    None => Effect::Changed,
                })
            })
            .collect())
    }
}

impl Executor for Groups {
    type Op = Op;
    type Undo = Undo;
    type Row = PlanRow;

    fn row(&self, step: &Step<Op>, status: Status) -> PlanRow {
        PlanRow::of(step, status)
    }

    async fn preflight(&self, site: &SiteId) -> anyhow::Result<()> {
        self.client(site).map(|_| ())
    }

    async fn apply(&self, site: &SiteId, steps: &[&Step<Op>]) -> anyhow::Result<Vec<Effect<Undo>>> {
        let client = self.client(site)?;
        let first = steps[0];
        let name = &first.name;
        match &first.op {
            Op::CreateGroup { .. } => {
                let id = self.create_group(client, name, &first.op).await?;
                Ok(vec![Effect::Created(Undo::Group(id))])
            }
            Op::SetStateful(stateful) => {
                let id = self.id_of(site, name)?;
                client
                    .set_security_group_stateful(&id, *stateful)
                    .await
                    .map_err(|e| e.context(format!("changing security group {name}")))?;
                Ok(vec![Effect::Changed])
            }
            Op::AddRule { .. } => self.add_rules(client, steps).await,
            Op::DeleteRule { id } => {
                client
                    .delete_security_group_rule(id)
                    .await
                    .map_err(|e| e.context(format!("deleting a rule of security group {name}")))?;
                Ok(vec![Effect::Changed])
            }
            Op::Nothing => Ok(steps.iter().map(|_| Effect::Changed).collect()),
        }
    }

    async fn undo(&self, site: &SiteId, undo: &Undo) -> anyhow::Result<()> {
        let client = self.client(site)?;
        let done = match undo {
            Undo::Group(id) => client.delete_security_group(id).await,
            Undo::Rule(id) => client.delete_security_group_rule(id).await,
        };
        match done {
            Err(e) if !has_status(&e, 404) => Err(e),
            _ => Ok(()),
        }
    }

    /// Reads the site's groups again and checks each step against them.
    async fn verify(
        &self,
        site: &SiteId,
        steps: &[&Step<Op>],
    ) -> anyhow::Result<Vec<Result<(), String>>> {
        let client = self.client(site)?;
        let extras = Extras {
            tags: false,
            address_groups: steps.iter().any(|s| {
                matches!(&s.op, Op::AddRule { key, .. } if matches!(key.remote, Remote::AddressGroup(_)))
            }),
        };
        let now = read::read(client, extras)
            .await
            .map_err(|e| e.context("reading the security groups back"))?;
        Ok(steps.iter().map(|s| check(&now, s)).collect())
    }
}

/// Whether the site now holds what a step made.
fn check(now: &SiteGroups, step: &Step<Op>) -> Result<(), String> {
    let name = &step.name;
    let group = match now.one(name) {
        Ok(Some(g)) => g,
        Ok(None) => return Err(format!("security group {name} is not there")),
        Err(n) => return Err(format!("{n} security groups are named {name}")),
    };
    match &step.op {
        Op::CreateGroup { stateful, .. } | Op::SetStateful(stateful)
            if group.stateful != *stateful =>
        {
            Err(format!(
                "security group {name} is {}",
                super::stateful_word(group.stateful)
            ))
        }
        Op::AddRule { key, .. } if !group.rules.contains_key(key) => {
            Err(format!("security group {name} lacks {key}"))
        }
        Op::DeleteRule { id } if group.rules.values().flatten().any(|r| &r.id == id) => {
            Err(format!("security group {name} still has rule {id}"))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
