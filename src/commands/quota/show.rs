//! `osprey quota show`: per-site limits and usage, totals, and the global limit.

use super::ShowArgs;
use super::balance::total_limit;
use super::limits::GlobalLimits;
use super::read::{Entry, ProjectRef, Projects, is_missing_project, read_site};
use crate::api::Service;
use crate::api::SiteClient;
use crate::api::SiteId;
use crate::context::Estate;
use crate::fanout::{Partial, Runner};
use crate::render::openmetrics::Metrics;
use crate::render::{Row, Rows};
use crate::report::Report;
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::Arc;

/// How close to the global limit a total must be to be marked `near`.
const NEAR: f64 = 0.9;

pub(crate) struct ShowOptions<'a> {
    pub(crate) project: ProjectRef,
    pub(crate) services: Vec<Service>,
    /// The services were named on the command line: a site without one is an error.
    pub(crate) required: bool,
    /// Global limits to show next to the totals.
    pub(crate) limits: Option<&'a GlobalLimits>,
    pub(crate) total: bool,
}

/// One site's entries, after reading.
pub(crate) struct SiteEntries {
    pub(crate) site: SiteId,
    pub(crate) project_id: String,
    pub(crate) project_name: String,
    pub(crate) entries: Vec<Entry>,
    /// Services that could not be read here: totals of theirs are partial.
    pub(crate) failed: Vec<Service>,
}

/// What to read at every site.
pub(crate) struct Reading<'a> {
    pub(crate) project: &'a ProjectRef,
    pub(crate) services: &'a [Service],
    /// A site without one of the services is an error (they were named).
    pub(crate) required: bool,
    /// A project that does not exist in a site's Keystone is skipped (a
    /// file's projects need not live in every cloud) instead of an error.
    pub(crate) skip_missing: bool,
}

/// Reads the project's quotas at every site; failures become report failures.
pub(crate) async fn collect(
    clients: &[Arc<SiteClient>],
    what: &Reading<'_>,
    runner: &Runner,
    report: &mut Report,
) -> Vec<SiteEntries> {
    let (project, services, required) = (what.project, what.services, what.required);
    let projects = Projects::default();
    let projects = &projects;
    let out = runner
        .each_partial(clients, |client| async move {
            match read_site(&client, projects, project, services, required).await {
                Ok(q) => Ok(Partial {
                    value: Some((q.project, q.entries, q.failed)),
                    errors: q.errors,
                }),
                Err(e) if what.skip_missing && is_missing_project(&e) => Ok(Partial::new(None)),
                Err(e) => Err(e),
            }
        })
        .await;
    report
        .absorb(out)
        .into_iter()
        .filter_map(|(site, read)| {
            let (project, entries, failed) = read?;
            Some(SiteEntries {
                site,
                project_id: project.id,
                project_name: project.name,
                entries,
                failed,
            })
        })
        .collect()
}

/// `osprey quota show`.
pub(crate) async fn show(estate: &Estate<'_>, args: &ShowArgs) -> anyhow::Result<Report> {
    let limits = args
        .limits
        .as_deref()
        .map(super::limits::load)
        .transpose()?;
    let named = args.services();
    let required = !named.is_empty();
    let sites = estate.sites().await?;
    let opts = ShowOptions {
        project: args
            .project
            .clone()
            .map_or(ProjectRef::Token, ProjectRef::Named),
        services: if required {
            named
        } else {
            Service::QUOTA.to_vec()
        },
        required,
        limits: limits.as_ref(),
        total: args.total,
    };
    let mut report = Report::default();
    let selected = sites.len();
    let clients = report.absorb_sites(sites);
    let what = Reading {
        project: &opts.project,
        services: &opts.services,
        required: opts.required,
        skip_missing: false,
    };
    let read = collect(&clients, &what, &estate.runner, &mut report).await;
    let mut totals = totals(&read, &opts);
    // Sites that failed as a whole, and sites where one service failed,
    // are missing from that service's totals.
    let lost = selected - read.len();
    for t in &mut totals {
        t.sites_failed = lost
            + read
                .iter()
                .filter(|s| s.failed.contains(&t.service))
                .count();
    }
    report.metrics = Some(metrics(&read));
    report.lists("quotas", read.iter().map(|s| &s.site));
    if opts.total {
        report.rows = Rows::typed(totals.iter().map(TotalRow::of));
    } else {
        report.rows = Rows::typed(read.iter().flat_map(|s| {
            s.entries.iter().map(move |e| QuotaRow {
                key: QuotaKey::new(&s.site, &s.project_id, &s.project_name, e),
                limit: e.limit,
                in_use: e.in_use,
                reserved: e.reserved,
                source: e.source.name().to_string(),
            })
        }));
        if estate.tables {
            report.table = Some(pivot(&read, &totals));
        }
    }
    Ok(report)
}

/// `quota show -f openmetrics`: limit, in use and reserved per resource
/// of every site read (never summed; `-1` is unlimited, as the API says).
pub(crate) fn metrics(read: &[SiteEntries]) -> Metrics {
    let mut m = Metrics::default();
    for s in read {
        m.site(&s.site);
        for e in &s.entries {
            let labels = [
                ("project", s.project_name.clone()),
                ("service", e.service.name().to_string()),
                ("resource", e.resource.clone()),
            ];
            m.gauge(
                "osprey_quota_limit",
                "quota limit of the resource (-1: unlimited)",
            )
            .sample(&s.site, &labels, e.limit as f64);
            if let Some(u) = e.in_use {
                m.gauge(
                    "osprey_quota_in_use",
                    "what the project uses of the resource",
                )
                .sample(&s.site, &labels, u as f64);
            }
            m.gauge("osprey_quota_reserved", "what is reserved of the resource")
                .sample(&s.site, &labels, e.reserved as f64);
        }
    }
    m
}

/// Which resource of which project at which site: the first columns of
/// every per-site quota row.
#[derive(Debug, Default, Serialize)]
pub(crate) struct QuotaKey {
    cloud: String,
    region: String,
    project_id: String,
    project_name: String,
    service: String,
    resource: String,
}

impl QuotaKey {
    pub(crate) fn new(site: &SiteId, project_id: &str, project_name: &str, e: &Entry) -> Self {
        QuotaKey {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            project_id: project_id.to_string(),
            project_name: project_name.to_string(),
            service: e.service.name().to_string(),
            resource: e.resource.clone(),
        }
    }
}

/// One resource at one site: the row of `quota show -f json`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct QuotaRow {
    #[serde(flatten)]
    key: QuotaKey,
    limit: i64,
    in_use: Option<i64>,
    reserved: i64,
    source: String,
}

/// One resource over every site: the row of `quota show --total`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct TotalRow {
    service: String,
    resource: String,
    limit_total: i64,
    in_use_total: Option<i64>,
    global_limit: Option<i64>,
    headroom: Option<i64>,
    /// The sites counted (as `sites_counted`, kept for scripts).
    sites: usize,
    sites_counted: usize,
    /// Selected sites that could not be read: the totals leave them out.
    sites_failed: usize,
}

impl TotalRow {
    fn of(t: &Total) -> Self {
        TotalRow {
            service: t.service.name().to_string(),
            resource: t.resource.clone(),
            limit_total: t.limit_total,
            in_use_total: t.in_use_total,
            global_limit: t.global_limit,
            headroom: t.headroom(),
            sites: t.sites,
            sites_counted: t.sites,
            sites_failed: t.sites_failed,
        }
    }
}

/// The sum over sites of one (service, resource).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Total {
    pub(crate) service: Service,
    pub(crate) resource: String,
    /// `-1` when any site is unlimited.
    pub(crate) limit_total: i64,
    /// `None` when no site reports usage.
    pub(crate) in_use_total: Option<i64>,
    pub(crate) used_total: i64,
    pub(crate) global_limit: Option<i64>,
    pub(crate) sites: usize,
    /// Selected sites whose numbers are missing: the total is partial.
    pub(crate) sites_failed: usize,
}

impl Total {
    /// What is left: under the global limit if there is one, else under the
    /// summed limits; `None` when unlimited.
    pub(crate) fn headroom(&self) -> Option<i64> {
        match self.global_limit {
            Some(g) if g >= 0 => Some(g - self.used_total),
            Some(_) => None,
            None if self.limit_total < 0 => None,
            None => Some(self.limit_total - self.used_total),
        }
    }

    /// `over`, `near` or empty, against the global limit.
    pub(crate) fn mark(&self) -> &'static str {
        match self.global_limit {
            Some(g) if g >= 0 && self.used_total > g => "over",
            Some(g) if g >= 0 && (self.used_total as f64) >= NEAR * g as f64 => "near",
            _ => "",
        }
    }
}

pub(crate) fn totals(read: &[SiteEntries], opts: &ShowOptions) -> Vec<Total> {
    let mut groups: BTreeMap<(Service, String), Vec<(&SiteEntries, &Entry)>> = BTreeMap::new();
    for s in read {
        for e in &s.entries {
            groups
                .entry((e.service, e.resource.clone()))
                .or_default()
                .push((s, e));
        }
    }
    groups
        .into_iter()
        .map(|((service, resource), here)| {
            let (first, _) = here[0];
            let reported: Vec<i64> = here.iter().filter_map(|(_, e)| e.in_use).collect();
            Total {
                limit_total: total_limit(here.iter().map(|(_, e)| e.limit)),
                in_use_total: (!reported.is_empty())
                    .then(|| reported.iter().fold(0i64, |a, u| a.saturating_add(*u))),
                used_total: here
                    .iter()
                    .fold(0i64, |a, (_, e)| a.saturating_add(e.used())),
                global_limit: opts.limits.and_then(|l| {
                    l.global(
                        &first.project_name,
                        &first.project_id,
                        service.name(),
                        &resource,
                    )
                }),
                sites: here.len(),
                sites_failed: 0,
                service,
                resource,
            }
        })
        .collect()
}

fn used_of(used: Option<i64>, limit: i64) -> String {
    let used = used.map_or("-".to_string(), |u| u.to_string());
    if limit < 0 {
        format!("{used}/∞")
    } else {
        format!("{used}/{limit}")
    }
}

/// Resources as rows, sites as columns (`used/limit`), then the total,
/// the global limit and a mark when the total is near or over it.
fn pivot(read: &[SiteEntries], totals: &[Total]) -> Rows {
    let site_names: Vec<String> = read.iter().map(|s| s.site.to_string()).collect();
    let mut columns: Vec<&str> = vec!["service", "resource"];
    columns.extend(site_names.iter().map(String::as_str));
    columns.extend(["total", "global", "status"]);
    let mut rows = Rows::new(&columns);
    for t in totals {
        let mut row = Row::new();
        row.insert("service".into(), json!(t.service.name()));
        row.insert("resource".into(), json!(t.resource));
        for (s, name) in read.iter().zip(&site_names) {
            let cell = s
                .entries
                .iter()
                .find(|e| e.service == t.service && e.resource == t.resource)
                .map_or(Value::Null, |e| json!(used_of(e.in_use, e.limit)));
            row.insert(name.clone(), cell);
        }
        let mut total = used_of(t.in_use_total, t.limit_total);
        if t.sites_failed > 0 {
            total.push_str(&format!(
                " ({} of {} sites)",
                t.sites,
                t.sites + t.sites_failed
            ));
        }
        row.insert("total".into(), json!(total));
        row.insert("global".into(), json!(t.global_limit));
        row.insert("status".into(), json!(t.mark()));
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::quota::read::Source;

    fn entry(resource: &str, limit: i64, in_use: i64) -> Entry {
        Entry {
            service: Service::Compute,
            resource: resource.into(),
            limit,
            in_use: Some(in_use),
            reserved: 0,
            source: Source::QuotaSet,
        }
    }

    fn site(region: &str, entries: Vec<Entry>) -> SiteEntries {
        SiteEntries {
            failed: Vec::new(),
            site: SiteId {
                cloud: "c".into(),
                region: region.into(),
            },
            project_id: "p".into(),
            project_name: "demo".into(),
            entries,
        }
    }

    fn opts(global: Option<i64>) -> ShowOptions<'static> {
        ShowOptions {
            project: ProjectRef::Token,
            services: vec![Service::Compute],
            required: false,
            limits: global.map(|g| &*Box::leak(Box::new(cores_limit(g)))),
            total: false,
        }
    }

    fn cores_limit(g: i64) -> GlobalLimits {
        let text = format!("projects:\n  demo:\n    compute: {{cores: {g}}}\n");
        crate::commands::quota::limits::parse(&text, std::path::Path::new("t.yaml")).unwrap()
    }

    #[test]
    fn unlimited_is_never_summed() {
        let read = vec![
            site("r1", vec![entry("cores", 10, 4), entry("ram", -1, 100)]),
            site("r2", vec![entry("cores", 20, 5), entry("ram", 512, 10)]),
        ];
        let t = totals(&read, &opts(Some(10)));
        assert_eq!(t[0].resource, "cores");
        assert_eq!(
            (t[0].limit_total, t[0].in_use_total, t[0].headroom()),
            (30, Some(9), Some(1))
        );
        assert_eq!(t[0].mark(), "near");
        assert_eq!((t[1].limit_total, t[1].headroom()), (-1, None));
    }

    #[test]
    fn over_the_global_limit_is_marked() {
        let read = vec![
            site("r1", vec![entry("cores", 10, 8)]),
            site("r2", vec![entry("cores", 10, 8)]),
        ];
        let t = totals(&read, &opts(Some(12)));
        assert_eq!(t[0].mark(), "over");
        assert_eq!(t[0].headroom(), Some(-4));
        let p = pivot(&read, &t);
        assert_eq!(p.get(0, "c/r1").cloned().unwrap_or_default(), "8/10");
        assert_eq!(p.get(0, "total").cloned().unwrap_or_default(), "16/20");
    }
}
