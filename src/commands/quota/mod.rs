//! `osprey quota show|balance|check`: quotas across regions, and global
//! limits kept by rebalancing per-site limits from live usage.

pub mod balance;
pub mod limits;
pub mod read;
pub mod show;

use crate::api::identity::Project;
use crate::api::{SiteClient, SiteId};
use crate::cli::{QuotaShowArgs, StrategyArg};
use crate::commands::Report;
use crate::config::select::Site;
use crate::error::hinted;
use crate::fanout::fan_out;
use crate::render::progress::{Progress, Silent};
use crate::render::{Row, Rows};
use balance::Strategy;
use limits::GlobalLimits;
use read::{Entry, ProjectRef, QuotaService};
use serde_json::json;
use show::{ShowOptions, SiteEntries, collect, ready};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

pub fn strategy(arg: StrategyArg) -> Strategy {
    match arg {
        StrategyArg::Soft => Strategy::Soft,
        StrategyArg::Hard => Strategy::Hard,
    }
}

pub fn show_options<'a>(args: &QuotaShowArgs, limits: Option<&'a GlobalLimits>) -> ShowOptions<'a> {
    let required = !args.service.is_empty();
    let services = if required {
        args.service.clone()
    } else {
        QuotaService::ALL.to_vec()
    };
    ShowOptions {
        project: args
            .project
            .clone()
            .map_or(ProjectRef::Token, ProjectRef::Named),
        services,
        required,
        limits,
        total: args.total,
    }
}

/// One project of the limits file, read at every site where it exists.
struct ProjectRead {
    name: String,
    sites: Vec<SiteEntries>,
    /// No site failed: totals are trustworthy.
    complete: bool,
}

/// The projects the file governs: `only`, else every listed project, plus
/// (when the file has `defaults`) every other project the Keystones know.
async fn projects_of(
    clients: &[Arc<SiteClient>],
    limits: &GlobalLimits,
    only: Option<&str>,
    concurrency: usize,
    report: &mut Report,
) -> anyhow::Result<Vec<String>> {
    if let Some(p) = only {
        if !limits.projects.contains_key(p) && limits.defaults.is_none() {
            return Err(hinted(
                format!("--project {p}: the limits file has no entry for it and no defaults"),
                format!(
                    "projects in the file: {}",
                    limits
                        .projects
                        .keys()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        return Ok(vec![p.to_string()]);
    }
    let mut names: Vec<String> = limits.projects.keys().cloned().collect();
    if limits.defaults.is_some() {
        let out = fan_out(
            clients.to_vec(),
            |c| c.id.clone(),
            concurrency,
            &Silent,
            |c| async move { c.list_projects().await },
        )
        .await;
        let mut others = BTreeSet::new();
        for o in out.outcomes {
            match o.result {
                Ok(list) => others.extend(
                    list.into_iter()
                        .filter(|p| {
                            !limits.projects.contains_key(&p.name)
                                && !limits.projects.contains_key(&p.id)
                        })
                        .map(|p| p.name),
                ),
                Err(e) => report.failures.push((
                    o.site,
                    e.context("listing projects for the file's defaults"),
                )),
            }
        }
        names.extend(others);
    }
    Ok(names)
}

async fn read_projects(
    sites: Vec<Site>,
    limits: &GlobalLimits,
    only: Option<&str>,
    concurrency: usize,
    progress: &dyn Progress,
    report: &mut Report,
) -> anyhow::Result<(Vec<Arc<SiteClient>>, Vec<ProjectRead>)> {
    let clients = ready(sites, report);
    let failed_sites = report.failures.len();
    let names = projects_of(&clients, limits, only, concurrency, report).await?;
    let mut out = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let services: Vec<QuotaService> = QuotaService::ALL
            .into_iter()
            .filter(|s| {
                limits
                    .for_project(&name, &name)
                    .is_some_and(|l| l.get(s.name()).is_some_and(|r| !r.is_empty()))
            })
            .collect();
        if services.is_empty() {
            continue;
        }
        let before = report.failures.len();
        let progress: &dyn Progress = if i == 0 { progress } else { &Silent };
        let project = ProjectRef::Named(name.clone());
        let what = show::Reading {
            project: &project,
            services: &services,
            required: false,
            skip_missing: true,
        };
        let sites = collect(&clients, &what, concurrency, progress, report).await;
        let complete = report.failures.len() == before && failed_sites == 0;
        if sites.is_empty() && complete {
            let msg = format!("project {name} exists in none of the selected clouds");
            if only.is_some() {
                return Err(hinted(
                    msg,
                    "check the name, or the clouds selected with --os-cloud/--sites",
                ));
            }
            if limits.projects.contains_key(&name) {
                report
                    .notes
                    .push(format!("warning: {msg} (it is in the limits file)"));
            }
        }
        out.push(ProjectRead {
            name,
            sites,
            complete,
        });
        if report.interrupted {
            break;
        }
    }
    Ok((clients, out))
}

/// One limit to change.
#[derive(Debug, Clone)]
struct Action {
    site: SiteId,
    project_id: String,
    project_name: String,
    entry: Entry,
    new_limit: i64,
}

/// What `quota balance` would change, and how to change it.
pub struct BalancePlan {
    pub report: Report,
    actions: Vec<Action>,
    clients: Vec<Arc<SiteClient>>,
}

impl BalancePlan {
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }

    pub fn summary(&self) -> String {
        let sites: BTreeSet<&SiteId> = self.actions.iter().map(|a| &a.site).collect();
        format!(
            "change {} limits at {} sites",
            self.actions.len(),
            sites.len()
        )
    }
}

const PLAN_COLUMNS: &[&str] = &[
    "cloud",
    "region",
    "project_id",
    "project_name",
    "service",
    "resource",
    "in_use",
    "current_limit",
    "new_limit",
    "status",
];

fn plan_rows(actions: &[Action], status: &dyn Fn(&Action) -> String) -> Rows {
    let mut rows = Rows::new(PLAN_COLUMNS);
    for a in actions {
        let mut row = Row::new();
        row.insert("cloud".into(), json!(a.site.cloud));
        row.insert("region".into(), json!(a.site.region));
        row.insert("project_id".into(), json!(a.project_id));
        row.insert("project_name".into(), json!(a.project_name));
        row.insert("service".into(), json!(a.entry.service.name()));
        row.insert("resource".into(), json!(a.entry.resource));
        row.insert("in_use".into(), json!(a.entry.in_use));
        row.insert("current_limit".into(), json!(a.entry.limit));
        row.insert("new_limit".into(), json!(a.new_limit));
        row.insert("status".into(), json!(status(a)));
        rows.push(row);
    }
    rows
}

/// Reads usage everywhere and works out the new per-site limits.
pub async fn plan_balance(
    sites: Vec<Site>,
    limits: &GlobalLimits,
    strategy: Strategy,
    only: Option<&str>,
    concurrency: usize,
    progress: &dyn Progress,
) -> anyhow::Result<BalancePlan> {
    let mut report = Report::default();
    let (clients, projects) =
        read_projects(sites, limits, only, concurrency, progress, &mut report).await?;
    let mut actions = Vec::new();
    for p in &projects {
        if !p.complete {
            report.notes.push(format!(
                "warning: project {}: not balanced, because not every site could be read",
                p.name
            ));
            continue;
        }
        actions.extend(plan_project(p, limits, strategy, &mut report.notes));
    }
    report.rows = plan_rows(&actions, &|_| "planned".to_string());
    if actions.is_empty() && report.failures.is_empty() {
        report
            .notes
            .push("nothing to change: every limit already matches the plan".to_string());
    }
    Ok(BalancePlan {
        report,
        actions,
        clients,
    })
}

fn plan_project(
    p: &ProjectRead,
    limits: &GlobalLimits,
    strategy: Strategy,
    notes: &mut Vec<String>,
) -> Vec<Action> {
    let mut keys: BTreeSet<(QuotaService, String)> = BTreeSet::new();
    for s in &p.sites {
        for e in &s.entries {
            keys.insert((e.service, e.resource.clone()));
        }
    }
    let mut actions = Vec::new();
    for (service, resource) in keys {
        let here: Vec<(&SiteEntries, &Entry)> = p
            .sites
            .iter()
            .filter_map(|s| {
                s.entries
                    .iter()
                    .find(|e| e.service == service && e.resource == resource)
                    .map(|e| (s, e))
            })
            .collect();
        let Some((first, _)) = here.first() else {
            continue;
        };
        let Some(global) = limits.global(&p.name, &first.project_id, service.name(), &resource)
        else {
            continue;
        };
        if global < 0 {
            continue;
        }
        if !limits::is_balanced(service.name(), &resource) {
            notes.push(format!(
                "note: project {} {service} {resource}: per-user or not additive, shown but not balanced",
                p.name
            ));
            continue;
        }
        if here.iter().any(|(_, e)| e.in_use.is_none()) {
            notes.push(format!(
                "note: project {} {service} {resource}: usage is not known at every site \
                 (Glance reports only the credentials' own project), so it is not balanced",
                p.name
            ));
            continue;
        }
        let inputs: Vec<balance::Input> = here
            .iter()
            .map(|(s, e)| balance::Input {
                used: e.used(),
                weight: limits.weight(&s.site.cloud, &s.site.region),
            })
            .collect();
        let outcome = balance::balance(strategy, global, &inputs);
        if outcome.violated {
            let used: i64 = inputs.iter().map(|i| i.used).sum();
            notes.push(format!(
                "warning: project {} {service} {resource}: usage {used} is over the global limit {global}; every site is held at its usage",
                p.name
            ));
        }
        for ((s, e), new_limit) in here.iter().zip(outcome.new_limits) {
            if new_limit != e.limit {
                actions.push(Action {
                    site: s.site.clone(),
                    project_id: s.project_id.clone(),
                    project_name: s.project_name.clone(),
                    entry: (*e).clone(),
                    new_limit,
                });
            }
        }
    }
    actions
}

/// Applies the plan: every site must grant the admin role first; then
/// lowered limits go first and raised ones second, so the sum stays within
/// the global limit throughout; then every change is read back.
pub async fn apply_balance(plan: BalancePlan, concurrency: usize, report_rows: bool) -> Report {
    let BalancePlan {
        mut report,
        actions,
        clients,
    } = plan;
    report.rows = Rows::default();
    let client_of = |site: &SiteId| clients.iter().find(|c| &c.id == site).cloned();
    let sites: BTreeSet<SiteId> = actions.iter().map(|a| a.site.clone()).collect();
    let mut refused = false;
    for site in &sites {
        let Some(client) = client_of(site) else {
            continue;
        };
        match client.session().token().await {
            Ok(t) if t.roles.iter().any(|r| r == "admin") => {}
            Ok(t) => {
                refused = true;
                report.failures.push((
                    site.clone(),
                    hinted(
                        format!(
                            "changing quotas needs the admin role; this cloud's credentials have: {}",
                            t.roles.join(", ")
                        ),
                        "use an admin cloud entry (e.g. --os-cloud prod-admin); nothing was changed anywhere",
                    ),
                ));
            }
            Err(e) => {
                refused = true;
                report.failures.push((site.clone(), e));
            }
        }
    }
    if refused {
        return report;
    }
    let mut failed: BTreeSet<(SiteId, String, QuotaService)> = BTreeSet::new();
    let mut written: BTreeSet<(SiteId, String, QuotaService)> = BTreeSet::new();
    for lowering in [true, false] {
        if !lowering && !failed.is_empty() {
            // A limit that could not be lowered still holds its share: raising
            // the others now could take the sum past the global limit.
            report.notes.push(
                "warning: raised limits were not applied, because lowering a limit failed; \
                 fix the error and run again"
                    .to_string(),
            );
            break;
        }
        let mut groups: BTreeMap<(SiteId, String, QuotaService), Vec<&Action>> = BTreeMap::new();
        for a in actions
            .iter()
            .filter(|a| (a.new_limit < a.entry.limit && a.entry.limit >= 0) == lowering)
        {
            groups
                .entry((a.site.clone(), a.project_id.clone(), a.entry.service))
                .or_default()
                .push(a);
        }
        let work: Vec<_> = groups.into_iter().collect();
        let out = fan_out(
            work,
            |(k, _)| k.0.clone(),
            concurrency,
            &Silent,
            |((site, project_id, service), group)| {
                let client = client_of(&site);
                async move {
                    let client = client.ok_or_else(|| anyhow::anyhow!("no client"))?;
                    let changes: Vec<(&Entry, i64)> =
                        group.iter().map(|a| (&a.entry, a.new_limit)).collect();
                    let result = read::write_limits(&client, &project_id, service, &changes).await;
                    Ok(((site, project_id, service), result))
                }
            },
        )
        .await;
        for o in out.outcomes {
            match o.result {
                Ok((key, Ok(()))) => {
                    written.insert(key);
                }
                Ok((key, Err(e))) => {
                    failed.insert(key.clone());
                    report.failures.push((
                        key.0.clone(),
                        e.context(format!("setting {} limits", key.2)),
                    ));
                }
                Err(e) => report.failures.push((o.site, e)),
            }
        }
        if out.interrupted {
            // Stop writing; what was written is still read back below.
            report.interrupted = true;
            break;
        }
    }
    let verified = verify(&clients, &actions, &written, concurrency, &mut report).await;
    let status = |a: &Action| {
        let key = (a.site.clone(), a.project_id.clone(), a.entry.service);
        if failed.contains(&key) {
            "failed".to_string()
        } else if verified.contains(&(key.clone(), a.entry.resource.clone())) {
            "applied".to_string()
        } else if written.contains(&key) {
            "unverified".to_string()
        } else {
            "skipped".to_string()
        }
    };
    if report_rows {
        report.rows = plan_rows(&actions, &status);
    }
    let applied = actions.iter().filter(|a| status(a) == "applied").count();
    report.notes.push(format!(
        "applied {applied} of {} limit changes",
        actions.len()
    ));
    report
}

type Key = ((SiteId, String, QuotaService), String);

/// Reads the changed limits back; a limit that is not what was set is a failure.
async fn verify(
    clients: &[Arc<SiteClient>],
    actions: &[Action],
    written: &BTreeSet<(SiteId, String, QuotaService)>,
    concurrency: usize,
    report: &mut Report,
) -> BTreeSet<Key> {
    let mut groups: BTreeMap<(SiteId, String), Vec<&Action>> = BTreeMap::new();
    for a in actions {
        if written.contains(&(a.site.clone(), a.project_id.clone(), a.entry.service)) {
            groups
                .entry((a.site.clone(), a.project_id.clone()))
                .or_default()
                .push(a);
        }
    }
    let work: Vec<_> = groups.into_iter().collect();
    let projects = read::Projects::default();
    let projects = &projects;
    let out = fan_out(
        work,
        |(k, _)| k.0.clone(),
        concurrency,
        &Silent,
        |((site, project_id), group)| {
            let client = clients.iter().find(|c| c.id == site).cloned();
            async move {
                let client = client.ok_or_else(|| anyhow::anyhow!("no client"))?;
                let services: BTreeSet<QuotaService> =
                    group.iter().map(|a| a.entry.service).collect();
                let services: Vec<QuotaService> = services.into_iter().collect();
                let now = read::read_site(
                    &client,
                    projects,
                    &ProjectRef::Known(Project {
                        id: project_id.clone(),
                        name: group[0].project_name.clone(),
                        domain_id: None,
                    }),
                    &services,
                    true,
                )
                .await?;
                let mut ok = BTreeSet::new();
                let mut wrong = Vec::new();
                for a in group {
                    let found = now
                        .entries
                        .iter()
                        .find(|e| e.service == a.entry.service && e.resource == a.entry.resource)
                        .map(|e| e.limit);
                    if found == Some(a.new_limit) {
                        ok.insert((
                            (site.clone(), project_id.clone(), a.entry.service),
                            a.entry.resource.clone(),
                        ));
                    } else {
                        wrong.push(format!(
                            "{} {} is {} after the change, not {}",
                            a.entry.service,
                            a.entry.resource,
                            found.map_or("missing".to_string(), |f| f.to_string()),
                            a.new_limit
                        ));
                    }
                }
                Ok((ok, wrong))
            }
        },
    )
    .await;
    let mut verified = BTreeSet::new();
    for o in out.outcomes {
        match o.result {
            Ok((ok, wrong)) => {
                verified.extend(ok);
                for w in wrong {
                    report
                        .failures
                        .push((o.site.clone(), anyhow::anyhow!("verifying: {w}")));
                }
            }
            Err(e) => report
                .failures
                .push((o.site, e.context("verifying the new limits"))),
        }
    }
    verified
}

/// `quota check`: one row per violated global limit; exit 1 when any.
pub async fn check(
    sites: Vec<Site>,
    limits: &GlobalLimits,
    strategy: Strategy,
    only: Option<&str>,
    concurrency: usize,
    progress: &dyn Progress,
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let (_, projects) =
        read_projects(sites, limits, only, concurrency, progress, &mut report).await?;
    let mut rows = Rows::new(&[
        "project",
        "service",
        "resource",
        "global_limit",
        "in_use_total",
        "limit_total",
        "violation",
    ]);
    for p in &projects {
        let opts = ShowOptions {
            project: ProjectRef::Named(p.name.clone()),
            services: QuotaService::ALL.to_vec(),
            required: false,
            limits: Some(limits),
            total: true,
        };
        for t in show::totals(&p.sites, &opts) {
            let Some(g) = t.global_limit.filter(|g| *g >= 0) else {
                continue;
            };
            // Non-additive resources are never balanced, so only their
            // usage can violate the global limit.
            let strategy = if limits::is_balanced(t.service.name(), &t.resource) {
                strategy
            } else {
                Strategy::Soft
            };
            let Some(violation) = balance::check(strategy, g, t.used_total, t.limit_total) else {
                continue;
            };
            let mut row = Row::new();
            row.insert("project".into(), json!(p.name));
            row.insert("service".into(), json!(t.service.name()));
            row.insert("resource".into(), json!(t.resource));
            row.insert("global_limit".into(), json!(g));
            row.insert("in_use_total".into(), json!(t.in_use_total));
            row.insert("limit_total".into(), json!(t.limit_total));
            row.insert("violation".into(), json!(violation.to_string()));
            rows.push(row);
        }
    }
    report.findings = !rows.rows.is_empty();
    if rows.rows.is_empty() && report.failures.is_empty() {
        report
            .notes
            .push("every project is within its global limits".to_string());
    }
    report.rows = rows;
    Ok(report)
}
