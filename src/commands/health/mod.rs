//! `osprey health`: per site and service, the version document's status
//! and time, the login's time, whether an authenticated list answers, and
//! for admins the services and agents that are down or disabled. Built on
//! `sites --check`'s probes; one terse row per check, for cron.

use super::Report;
use super::sites::{check_services, login_ms};
use crate::api::logs::{self, ServiceState};
use crate::api::{SiteClient, SiteId};
use crate::auth::catalog::Service;
use crate::context::{Estate, Site};
use crate::error::describe;
use crate::fanout::{OnCancel, Partial};
use crate::http::has_status;
use crate::render::Rows;
use crate::render::openmetrics::Metrics;
use serde::Serialize;
use std::sync::Arc;
use std::time::Instant;

/// `osprey health` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct HealthArgs {
    /// Leave out the admin's checks of services and agents (fewer calls;
    /// they are skipped anyway where the caller may not list them).
    #[arg(long)]
    pub(crate) no_services: bool,
}

impl super::Family for HealthArgs {
    fn columns(&self) -> crate::render::Known {
        crate::render::Known::rows(crate::render::columns::of::<HealthRow>())
    }

    fn metrics(&self) -> bool {
        true
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        health(estate, self).await
    }
}

/// One check at one site: the row of `osprey health`.
///
/// `check` is `token` (the login), `version` (the version document),
/// `list` (one authenticated list call), `services` (Nova's or Cinder's
/// services, Neutron's agents) or `catalog` (the site lists no such
/// service: not a failure).
#[derive(Debug, Default, Serialize)]
pub(crate) struct HealthRow {
    cloud: String,
    region: String,
    service: String,
    check: String,
    ok: bool,
    /// Milliseconds the check took; none for a token from the cache and
    /// for checks that ask nothing.
    ms: Option<u64>,
    /// The version's status (`CURRENT`), `absent`, or `cached` for a token.
    status: String,
    /// Services or agents down or disabled (`services` only).
    down: Option<u64>,
    /// Why it failed, what it found (version, names of what is down).
    detail: String,
}

impl HealthRow {
    fn new(id: &SiteId, service: Service, check: &str) -> Self {
        HealthRow {
            cloud: id.cloud.clone(),
            region: id.region.clone(),
            service: service.name().to_string(),
            check: check.to_string(),
            ..HealthRow::default()
        }
    }

    /// A failed check: the row says why, the site's error line too.
    fn failed(
        mut self,
        err: &anyhow::Error,
        errors: &mut Vec<anyhow::Error>,
        what: String,
    ) -> Self {
        self.ok = false;
        self.detail = describe(err).0;
        errors.push(anyhow::anyhow!("{what}: {}", self.detail));
        self
    }
}

/// The services whose state an admin may list, with the check's name.
const STATES: [(Service, &str); 3] = [
    (Service::Compute, "services"),
    (Service::Network, "agents"),
    (Service::Volume, "services"),
];

async fn health(estate: &Estate<'_>, args: &HealthArgs) -> anyhow::Result<Report> {
    let sites = estate.sites().await?;
    let states = !args.no_services;
    let mut report = Report::default();
    let out = estate
        .runner
        .run(sites, Site::id, OnCancel::Abandon, |site| async move {
            Ok(match site {
                Site::Failed(id, err) => {
                    let mut errors = Vec::new();
                    let row = HealthRow::new(&id, Service::Identity, "token").failed(
                        &err,
                        &mut errors,
                        "identity token".into(),
                    );
                    Partial {
                        value: vec![row],
                        errors: vec![err],
                    }
                }
                Site::Ready(client) => probe(client, states).await,
            })
        })
        .await;
    let rows: Vec<HealthRow> = report
        .absorb(out)
        .into_iter()
        .flat_map(|(_, rows)| rows)
        .collect();
    report.metrics = Some(metrics(&rows));
    report.rows = Rows::typed(rows);
    Ok(report)
}

/// `osprey health -f openmetrics`: per check whether it passed, how long
/// it took, and how many services or agents are down or disabled.
fn metrics(rows: &[HealthRow]) -> Metrics {
    let mut m = Metrics::default();
    for r in rows {
        let site = SiteId::new(&r.cloud, &r.region);
        m.site(&site);
        let labels = [("service", r.service.clone()), ("check", r.check.clone())];
        m.gauge(
            "osprey_health_ok",
            "1 when the check passed, 0 when it failed",
        )
        .sample(&site, &labels, if r.ok { 1.0 } else { 0.0 });
        if let Some(ms) = r.ms {
            m.gauge("osprey_health_seconds", "how long the check took")
                .sample(&site, &labels, ms as f64 / 1000.0);
        }
        if let Some(down) = r.down {
            m.gauge(
                "osprey_health_down",
                "services or agents down or disabled (admin)",
            )
            .sample(&site, &labels, down as f64);
        }
    }
    m
}

/// Every check of one site; each failure is also an error of the site.
async fn probe(client: Arc<SiteClient>, states: bool) -> Partial<Vec<HealthRow>> {
    let _release = client.release_on_drop();
    let id = client.id.clone();
    let mut errors = Vec::new();
    let mut token = HealthRow::new(&id, Service::Identity, "token");
    match login_ms(&client).await {
        Ok(ms) => {
            token.ok = true;
            token.ms = ms;
            token.status = if ms.is_some() { "issued" } else { "cached" }.into();
        }
        Err(e) => {
            let row = token.failed(&e, &mut errors, "identity token".into());
            return Partial {
                value: vec![row],
                errors,
            };
        }
    }
    let mut rows = vec![token];
    let checks = check_services(&client, &Service::ALL).await;
    // The list calls and the admin's checks of every present service at once.
    let present: Vec<Service> = checks
        .iter()
        .filter(|c| matches!(c.found, Ok(Some(_))))
        .map(|c| c.service)
        .collect();
    for c in checks {
        let mut row = HealthRow::new(&id, c.service, "version");
        row.ms = c.ms;
        match c.found {
            Ok(None) => {
                row.check = "catalog".into();
                row.ok = true;
                row.status = "absent".into();
                row.detail = "not in the catalog".into();
            }
            Ok(Some(found)) => {
                row.ok = true;
                row.status = found.status.unwrap_or_default();
                row.detail = match (found.version, found.max_microversion) {
                    (Some(v), Some(m)) => format!("{v} max {m}"),
                    (Some(v), None) => v,
                    (None, _) => String::new(),
                };
            }
            Err(e) => {
                let what = format!("{} version", c.service.name());
                row = row.failed(&e, &mut errors, what);
            }
        }
        rows.push(row);
    }
    let lists = futures::future::join_all(
        present
            .iter()
            .filter(|s| logs::probed(**s))
            .map(|s| list_row(&client, *s)),
    );
    let admin = futures::future::join_all(
        STATES
            .iter()
            .filter(|(s, _)| states && present.contains(s))
            .map(|(s, check)| states_row(&client, *s, check)),
    );
    let (lists, admin) = futures::future::join(lists, admin).await;
    for (row, err) in lists.into_iter().chain(admin.into_iter().flatten()) {
        if let Some(e) = err {
            errors.push(e);
        }
        rows.push(row);
    }
    Partial {
        value: rows,
        errors,
    }
}

async fn list_row(client: &SiteClient, service: Service) -> (HealthRow, Option<anyhow::Error>) {
    let mut row = HealthRow::new(&client.id, service, "list");
    let started = Instant::now();
    let result = logs::probe(client, service).await;
    row.ms = Some(started.elapsed().as_millis() as u64);
    match result {
        Ok(()) => {
            row.ok = true;
            (row, None)
        }
        Err(e) => {
            let mut errors = Vec::new();
            let row = row.failed(&e, &mut errors, format!("{} list", service.name()));
            (row, errors.pop())
        }
    }
}

/// The admin's view of a service's own services or agents; `None` when
/// the caller may not list them (403).
async fn states_row(
    client: &SiteClient,
    service: Service,
    check: &str,
) -> Option<(HealthRow, Option<anyhow::Error>)> {
    let mut row = HealthRow::new(&client.id, service, check);
    let started = Instant::now();
    let result = logs::service_states(client, service).await;
    row.ms = Some(started.elapsed().as_millis() as u64);
    match result {
        Err(e) if has_status(&e, 403) => None,
        Err(e) => {
            let mut errors = Vec::new();
            let what = format!("{} {check}", service.name());
            let row = row.failed(&e, &mut errors, what);
            Some((row, errors.pop()))
        }
        Ok(found) => {
            let (down, detail) = summarize(&found);
            row.ok = found.iter().all(|s| s.up);
            row.down = Some(down);
            row.detail = detail;
            let err = (!row.ok)
                .then(|| anyhow::anyhow!("{} {check} down: {}", service.name(), row.detail));
            Some((row, err))
        }
    }
}

/// How many are down or disabled, and their names: `binary@host down`,
/// `binary@host disabled (reason)`. A disabled service is an operator's
/// choice and does not fail the check; one that is down does.
fn summarize(found: &[ServiceState]) -> (u64, String) {
    let bad: Vec<String> = found
        .iter()
        .filter(|s| !s.up || !s.enabled)
        .map(|s| {
            let mut what = Vec::new();
            if !s.up {
                what.push("down".to_string());
            }
            if !s.enabled {
                what.push(match &s.reason {
                    Some(r) => format!("disabled ({r})"),
                    None => "disabled".to_string(),
                });
            }
            format!("{}@{} {}", s.binary, s.host, what.join(", "))
        })
        .collect();
    let detail = if bad.is_empty() {
        format!("{} up", found.len())
    } else {
        bad.join("; ")
    };
    (bad.len() as u64, detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(host: &str, up: bool, enabled: bool, reason: Option<&str>) -> ServiceState {
        ServiceState {
            binary: "nova-compute".into(),
            host: host.into(),
            up,
            enabled,
            reason: reason.map(str::to_string),
        }
    }

    #[test]
    fn down_and_disabled_are_counted_and_named() {
        assert_eq!(summarize(&[]), (0, "0 up".to_string()));
        let found = [
            state("c1", true, true, None),
            state("c2", false, true, None),
            state("c3", true, false, Some("maintenance")),
            state("c4", false, false, None),
        ];
        assert_eq!(
            summarize(&found),
            (
                3,
                "nova-compute@c2 down; nova-compute@c3 disabled (maintenance); \
                 nova-compute@c4 down, disabled"
                    .to_string()
            )
        );
    }
}
