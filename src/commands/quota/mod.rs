//! `osprey quota show|balance|check`: quotas across regions, and global
//! limits kept by rebalancing per-site limits from live usage.

mod apply;
pub(crate) mod balance;
pub mod limits;
pub(crate) mod read;
pub(crate) mod show;

use crate::api::Service;
use crate::api::{SiteClient, SiteId};
use crate::context::Estate;
use crate::error::hinted;
use crate::fanout::Runner;
use crate::plan::{self, Phase, Plan};
use crate::report::Report;
use apply::{BalanceRow, Change, Limits};
use balance::Strategy;
use limits::GlobalLimits;
use read::{Entry, ProjectRef};
use serde::Serialize;
use show::{SiteEntries, collect};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

/// `osprey quota`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Show limits and usage per site (resources as rows, sites as columns).
    #[command(long_about = help!("quota-show"))]
    Show(ShowArgs),
    /// Set per-site limits from global limits and live usage.
    #[command(long_about = help!("quota-balance"))]
    Balance(BalanceArgs),
    /// Exit 1 if a project's usage (or, for --strategy hard, its summed
    /// limits) exceeds a global limit; for cron and CI.
    #[command(long_about = help!("quota-check"))]
    Check(LimitsArgs),
}

impl crate::commands::Family for Command {
    fn columns(&self) -> crate::render::Known {
        use crate::render::{Known, columns::of};
        match self {
            Command::Show(a) if a.total => Known::rows(of::<show::TotalRow>()),
            Command::Show(_) => Known::with_sites(
                of::<show::QuotaRow>(),
                &["service", "resource", "total", "global", "status"],
            ),
            Command::Balance(_) => Known::rows(of::<BalanceRow>()),
            Command::Check(_) => Known::rows(of::<ViolationRow>()),
        }
    }

    fn metrics(&self) -> bool {
        matches!(self, Command::Show(_))
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::Show(a) => show::show(estate, a).await,
            Command::Balance(a) => balance(estate, a).await,
            Command::Check(a) => check(estate, a).await,
        }
    }
}

/// `quota show` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct ShowArgs {
    /// Project name (matched in every Keystone) or id.
    ///
    /// Default: the project of the credentials.
    #[arg(long, value_name = "NAME|ID")]
    pub(crate) project: Option<String>,

    /// Services to read (comma lists). Default: all (image only where Keystone
    /// unified limits are defined).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SERVICE")]
    pub(crate) service: Vec<ServiceArg>,

    /// Global limits file (YAML) to show next to the totals. Default: none.
    #[arg(long, value_name = "FILE")]
    pub(crate) limits: Option<PathBuf>,

    /// One row per resource with the totals over all sites.
    #[arg(long)]
    pub(crate) total: bool,
}

impl ShowArgs {
    /// The services `--service` names; empty for all (then a site without
    /// one is not an error).
    pub(crate) fn services(&self) -> Vec<Service> {
        self.service.iter().map(|s| s.service()).collect()
    }
}

/// A service whose quotas `--service` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ServiceArg {
    Compute,
    Network,
    Volume,
    Image,
}

impl ServiceArg {
    fn service(self) -> Service {
        match self {
            ServiceArg::Compute => Service::Compute,
            ServiceArg::Network => Service::Network,
            ServiceArg::Volume => Service::Volume,
            ServiceArg::Image => Service::Image,
        }
    }
}

/// The global limits `quota check` and `quota balance` keep, and how.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct LimitsArgs {
    /// Global limits file (YAML), e.g. examples/global-limits.yaml.
    #[arg(long, value_name = "FILE")]
    pub(crate) limits: PathBuf,

    /// How a global limit becomes per-site limits; with hard, summed
    /// limits over the global limit are violations too.
    #[arg(long, value_enum, default_value_t = Strategy::Hard)]
    pub(crate) strategy: Strategy,

    /// Only this project of the file (name or id). Default: every project in it.
    #[arg(long, value_name = "NAME|ID")]
    pub(crate) project: Option<String>,

    /// A project of the limits file that exists at no selected site is a
    /// warning instead of an error (the file also governs other clouds).
    #[arg(long)]
    pub(crate) allow_missing_projects: bool,
}

/// `quota balance` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct BalanceArgs {
    #[command(flatten)]
    pub(crate) global: LimitsArgs,

    #[command(flatten)]
    pub(crate) plan: plan::PlanArgs,
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
    runner: &Runner,
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
        let out = runner
            .each(clients, |c| async move {
                c.list_projects()
                    .await
                    .map_err(|e| e.context("listing projects for the file's defaults"))
            })
            .await;
        let others: BTreeSet<String> = report
            .absorb(out)
            .into_iter()
            .flat_map(|(_, list)| list)
            .filter(|p| {
                !limits.projects.contains_key(&p.name) && !limits.projects.contains_key(&p.id)
            })
            .map(|p| p.name)
            .collect();
        names.extend(others);
    }
    Ok(names)
}

/// Reads the limits file, then every project it governs at every selected
/// site where the project exists.
async fn read_projects(
    estate: &Estate<'_>,
    args: &LimitsArgs,
    report: &mut Report,
) -> anyhow::Result<(GlobalLimits, Vec<Arc<SiteClient>>, Vec<ProjectRead>)> {
    let file = limits::load(&args.limits)?;
    let limits = &file;
    let (only, allow_missing) = (args.project.as_deref(), args.allow_missing_projects);
    let sites = estate.sites().await?;
    let clients = report.absorb_sites(sites);
    let failed_sites = report.failures.len();
    let runner = &estate.runner;
    let names = projects_of(&clients, limits, only, runner, report).await?;
    let mut out = Vec::new();
    let mut missing = Vec::new();
    for name in names {
        let services: Vec<Service> = Service::QUOTA
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
        let project = ProjectRef::Named(name.clone());
        let what = show::Reading {
            project: &project,
            services: &services,
            required: false,
            skip_missing: true,
        };
        let sites = collect(&clients, &what, runner, report).await;
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
                missing.push(name.clone());
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
    if !missing.is_empty() {
        let msg = format!(
            "the limits file names {} that exist{} in none of the selected clouds: {}",
            if missing.len() == 1 {
                "a project"
            } else {
                "projects"
            },
            if missing.len() == 1 { "s" } else { "" },
            missing.join(", ")
        );
        if !allow_missing {
            return Err(missing_projects(&clients, runner, &missing, msg).await);
        }
        report.notes.push(format!("warning: {msg}"));
    }
    Ok((file, clients, out))
}

/// The error for file projects that no selected Keystone has, with the
/// closest names the Keystones do have (when the credentials may list them).
async fn missing_projects(
    clients: &[Arc<SiteClient>],
    runner: &Runner,
    missing: &[String],
    msg: String,
) -> anyhow::Error {
    let listed = runner
        .each(clients, |c| async move { c.list_projects().await })
        .await;
    let known: BTreeSet<String> = listed
        .done
        .into_iter()
        .flat_map(|(_, projects)| projects.into_iter().map(|p| p.name))
        .collect();
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    let mut err = hinted(
        msg,
        "pass --allow-missing-projects if the file also governs clouds not selected here",
    );
    for name in missing {
        if let Some(guess) = crate::error::closest(name, &known) {
            err = crate::error::add_hint(err, format!("{name}: did you mean {guess}?"));
        }
    }
    err
}

/// `osprey quota balance`: reads usage everywhere, works out the new
/// per-site limits, and changes them through the one plan path.
pub(crate) async fn balance(estate: &Estate<'_>, args: &BalanceArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let (limits, clients, projects) = read_projects(estate, &args.global, &mut report).await?;
    let limits = &limits;
    let mut changes = Vec::new();
    for p in &projects {
        if !p.complete {
            report.notes.push(format!(
                "warning: project {}: not balanced, because not every site could be read",
                p.name
            ));
            continue;
        }
        changes.extend(plan_project(
            p,
            limits,
            args.global.strategy,
            &mut report.notes,
        ));
    }
    if changes.is_empty() && report.failures.is_empty() {
        report
            .notes
            .push("nothing to change: every limit already matches the plan".to_string());
    }
    let sites: BTreeSet<&SiteId> = changes.iter().map(|c| &c.site).collect();
    let summary = format!("change {} limits at {} sites", changes.len(), sites.len());
    let plan = Plan {
        steps: changes.into_iter().map(Change::step).collect(),
        phases: vec![
            Phase::default(),
            // A limit that could not be lowered still holds its share:
            // raising the others could take the sum past the global limit.
            Phase::held_back(
                "warning: raised limits were not applied, because lowering a limit \
                            failed; fix the error and run again",
            ),
        ],
        atomic: plan::Atomic::Run,
        summary,
        noun: "limit changes".to_string(),
    };
    estate
        .execute(plan, &Limits, clients, &args.plan, &mut report)
        .await?;
    Ok(report)
}

fn plan_project(
    p: &ProjectRead,
    limits: &GlobalLimits,
    strategy: Strategy,
    notes: &mut Vec<String>,
) -> Vec<Change> {
    let mut keys: BTreeSet<(Service, String)> = BTreeSet::new();
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
        if !service.balances(&resource) {
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
                actions.push(Change {
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

/// `quota check`: one row per violated global limit; exit 1 when any.
pub(crate) async fn check(estate: &Estate<'_>, args: &LimitsArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let (limits, _, projects) = read_projects(estate, args, &mut report).await?;
    let limits = &limits;
    let mut rows = Vec::new();
    for p in &projects {
        let opts = show::ShowOptions {
            project: ProjectRef::Named(p.name.clone()),
            services: Service::QUOTA.to_vec(),
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
            let strategy = if t.service.balances(&t.resource) {
                args.strategy
            } else {
                Strategy::Soft
            };
            let Some(violation) = balance::check(strategy, g, t.used_total, t.limit_total) else {
                continue;
            };
            rows.push(ViolationRow {
                project: p.name.clone(),
                service: t.service.name().to_string(),
                resource: t.resource.clone(),
                global_limit: g,
                in_use_total: t.in_use_total,
                limit_total: t.limit_total,
                violation: violation.to_string(),
            });
        }
    }
    report.findings = !rows.is_empty();
    if rows.is_empty() && report.failures.is_empty() {
        report
            .notes
            .push("every project is within its global limits".to_string());
    }
    report.rows = crate::render::Rows::typed(rows);
    Ok(report)
}

/// A global limit that is exceeded: the row of `quota check`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct ViolationRow {
    project: String,
    service: String,
    resource: String,
    global_limit: i64,
    in_use_total: Option<i64>,
    limit_total: i64,
    violation: String,
}
