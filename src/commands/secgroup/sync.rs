//! `osprey secgroup sync`: clones groups and their rules from the source
//! site to the targets through the one plan path. Groups are created first
//! (phase 0), then rules are added (phase 1), then, with `--prune`, rules
//! the source lacks are deleted (phase 2). A rule's remote group is mapped
//! to the same-named group at the target, which is cloned too when missing.

use super::read::{self, Extras, Group, MARKER, SiteGroups};
use super::rules::{Remote, RuleKey};
use super::{SyncArgs, read_source, source_group};
use crate::api::SiteId;
use crate::api::secgroup::Rule;
use crate::context::Estate;
use crate::plan::{self, Action, Phase, Plan, Step};
use crate::render::plural;
use crate::report::Report;
use crate::sync::ends;
use apply::Groups;
use serde_json::Value;
use std::collections::{BTreeSet, VecDeque};

const GROUP: &str = "security_group";
const RULE: &str = "security_group_rule";
/// The group Neutron makes for every project: merged, never created or deleted.
const DEFAULT: &str = "default";

/// What a step does at its target.
#[derive(Debug, Clone)]
pub(crate) enum Op {
    /// Creates the group, tags it with `tag` where the site can, and
    /// removes the template rules Neutron adds that are not in `keep`
    /// (the source's rules that say exactly what a template rule says).
    CreateGroup {
        description: String,
        stateful: bool,
        tag: Option<String>,
        keep: BTreeSet<RuleKey>,
    },
    SetStateful(bool),
    /// Adds the rule `key`, made with the values of the source's `rule`.
    AddRule {
        key: RuleKey,
        rule: Box<Rule>,
    },
    DeleteRule {
        id: String,
    },
    /// A skip or a conflict.
    Nothing,
}

/// What undoes a creation of this run.
#[derive(Debug, Clone)]
pub(crate) enum Undo {
    Group(String),
    Rule(String),
}

/// `osprey secgroup sync NAME...`.
pub(crate) async fn sync(estate: &Estate<'_>, args: &SyncArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let ends = ends(estate, &args.what.ends).await?;
    let source = read_source(&ends.source, Extras::default()).await?;
    for name in &args.what.names {
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
    let (targets, read) = report
        .each(&estate.runner, ends.targets, |c| async move {
            read::read(&c, extras).await
        })
        .await;
    let mut steps = Vec::new();
    for (_, target) in &read {
        steps.extend(plan_site(&source, target, &args.what.names, args.prune));
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
    let conflicts = steps
        .iter()
        .any(|s| matches!(s.action, Action::Conflict { .. }));
    if count == 0 && !conflicts && report.failures.is_empty() && !steps.is_empty() {
        report
            .notes
            .push("nothing to change: every target already has the source's rules".into());
    }
    let plan = Plan {
        steps,
        phases: vec![
            Phase::default(),
            Phase::held_back(
                "warning: rules were not added at a site where a group could not be \
                            created or changed; fix the error and run again",
            ),
            Phase::held_back("warning: rules were not pruned at a site where adding rules failed"),
        ],
        atomic: plan::Atomic::Site,
        summary,
        noun: "security group changes".into(),
    };
    let exec = Groups::new(&read);
    estate
        .execute(plan, &exec, targets, &args.plan, &mut report)
        .await?;
    Ok(report)
}

fn rules(n: usize) -> String {
    format!("{n} rule{}", plural(n))
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
    // Each synced group with its namesake at the target, if there is one.
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
                    "{}, {}; {MARKER}{marker} {said}",
                    super::stateful_word(src.stateful),
                    rules(src.rules.len())
                );
                if let Need::By(by) = &need {
                    detail.push_str(&format!("; rules of {by} refer to it"));
                }
                let op = Op::CreateGroup {
                    description,
                    stateful: src.stateful,
                    tag,
                    keep: src
                        .rules
                        .iter()
                        .filter(|(_, rules)| rules.first().is_some_and(bare))
                        .map(|(key, _)| key.clone())
                        .collect(),
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

/// Whether a rule says no more than Neutron's template rules of a new
/// group (a direction and an ethertype): a template with its key then has
/// its values too, and is kept; any other source rule is created as the
/// source has it (an explicit `0.0.0.0/0`, a description), in place of
/// the template it matches.
fn bare(rule: &Rule) -> bool {
    rule.protocol.as_ref().is_none_or(Value::is_null)
        && rule.port_range_min.is_none()
        && rule.port_range_max.is_none()
        && rule.remote_ip_prefix.is_none()
        && rule.remote_group_id.is_none()
        && rule.remote_address_group_id.is_none()
        && rule.description.as_deref().unwrap_or("").is_empty()
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
    let reason = format!("exists ({kin}); {} to add{extra}", rules(missing));
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
        // Every identity has at least one rule; the first is the one cloned.
        let Some(rule) = refs.first() else {
            continue;
        };
        let (action, detail) = match remote_problem(key, target, created) {
            Some(why) => (conflict(&format!("{key}: {why}")), String::new()),
            None => (Action::Create, key.to_string()),
        };
        let op = Op::AddRule {
            key: key.clone(),
            rule: Box::new(rule.clone()),
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

mod apply;
#[cfg(test)]
mod tests;
