//! `osprey sites [--check]`: the selected sites, their authentication
//! result, endpoints and latency.

use super::Report;
use crate::api::{SiteClient, SiteId};
use crate::auth::catalog::Service;
use crate::auth::discovery::Discovered;
use crate::context::{Estate, Site};
use crate::error::{describe, redact_url};
use crate::fanout::{OnCancel, Partial};
use crate::render::Rows;
use serde::Serialize;
use std::sync::Arc;
use std::time::Instant;

/// `osprey sites` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct SitesArgs {
    /// Also call each service's version document; exit 2 if any does not answer.
    #[arg(long)]
    pub(crate) check: bool,
}

impl super::Family for SitesArgs {
    fn columns(&self) -> crate::render::Known {
        crate::render::Known::rows(crate::render::columns::of::<SiteRow>())
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        sites(estate, self).await
    }
}

/// One site: the row of `osprey sites`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct SiteRow {
    cloud: String,
    region: String,
    auth: String,
    auth_url: String,
    compute: String,
    network: String,
    image: String,
    volume: String,
    latency_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    check: Option<String>,
}

impl SiteRow {
    fn new(id: &SiteId, auth: String, auth_url: &str) -> Self {
        SiteRow {
            cloud: id.cloud.clone(),
            region: id.region.clone(),
            auth,
            auth_url: redact_url(auth_url).into_owned(),
            ..SiteRow::default()
        }
    }

    fn set_url(&mut self, service: Service, url: &str) {
        let url = redact_url(url).into_owned();
        match service {
            Service::Compute => self.compute = url,
            Service::Network => self.network = url,
            Service::Image => self.image = url,
            Service::Volume => self.volume = url,
            _ => {}
        }
    }
}

const SHOWN: [Service; 4] = [
    Service::Compute,
    Service::Network,
    Service::Image,
    Service::Volume,
];

pub(crate) async fn sites(estate: &Estate<'_>, args: &SitesArgs) -> anyhow::Result<Report> {
    let sites = estate.sites().await?;
    let check = args.check;
    let mut report = Report::default();
    let out = estate
        .runner
        .run(sites, Site::id, OnCancel::Abandon, |site| async move {
            Ok(match site {
                Site::Failed(id, err) => Partial {
                    value: SiteRow::new(&id, describe(&err).0, ""),
                    errors: vec![err],
                },
                Site::Ready(client) => probe(client, check).await,
            })
        })
        .await;
    let rows = report.absorb(out).into_iter().map(|(_, row)| row);
    report.rows = Rows::typed(rows);
    if !check {
        report.rows = std::mem::take(&mut report.rows).without("check");
    }
    Ok(report)
}

async fn probe(client: Arc<SiteClient>, check: bool) -> Partial<SiteRow> {
    // The site's connections close when its probe ends, however.
    let _release = client.release_on_drop();
    let id = &client.id;
    let session = client.session();
    let auth_ms = match login_ms(&client).await {
        Ok(ms) => ms,
        Err(e) => {
            return Partial {
                value: SiteRow::new(id, describe(&e).0, session.auth_url()),
                errors: vec![e],
            };
        }
    };
    let mut row = SiteRow::new(id, "ok".into(), session.auth_url());
    for s in SHOWN {
        let url = client
            .catalog_url(s)
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        row.set_url(s, &url);
    }
    let mut errors = Vec::new();
    // The login's time; none when the token came from the cache and
    // nothing was asked of the site.
    let mut latency = auth_ms;
    if check {
        let started = Instant::now();
        let checks = check_services(&client, &Service::ALL).await;
        latency = Some(started.elapsed().as_millis() as u64);
        let failed: Vec<(Service, anyhow::Error)> = checks
            .into_iter()
            .filter_map(|c| c.found.err().map(|e| (c.service, e)))
            .collect();
        row.check = Some(if failed.is_empty() {
            "ok".to_string()
        } else {
            failed
                .iter()
                .map(|(s, _)| s.name())
                .collect::<Vec<_>>()
                .join(", ")
                + " failed"
        });
        if !failed.is_empty() {
            let lines: Vec<String> = failed
                .iter()
                .map(|(s, e)| format!("{s}: {}", describe(e).0))
                .collect();
            let hints: Vec<String> = failed.iter().flat_map(|(_, e)| describe(e).1).collect();
            let mut err = anyhow::anyhow!("{}", lines.join("; "));
            for h in hints {
                err = crate::error::add_hint(err, h);
            }
            errors.push(err);
        }
    }
    row.latency_ms = latency;
    Partial { value: row, errors }
}

/// The site's login time in milliseconds, or `None` when the token came
/// from the cache and nothing was asked of Keystone.
pub(crate) async fn login_ms(client: &SiteClient) -> anyhow::Result<Option<u64>> {
    let session = client.session();
    let started = Instant::now();
    let token = session.token().await?;
    let ms = started.elapsed().as_millis() as u64;
    Ok((!token.cached).then(|| ms.max(session.last_auth_ms())))
}

/// One service's version document at a site: what it said, how long it
/// took to answer, or why it did not.
pub(crate) struct ServiceCheck {
    pub(crate) service: Service,
    /// `None`: the site lists no such service, so nothing was asked.
    pub(crate) ms: Option<u64>,
    pub(crate) found: anyhow::Result<Option<Discovered>>,
}

/// Reads the version document of each of `services` at once. A region may
/// lack a service (an identity-only region, no Cinder here): there is
/// nothing to check then. A service that is listed must answer.
pub(crate) async fn check_services(
    client: &Arc<SiteClient>,
    services: &[Service],
) -> Vec<ServiceCheck> {
    futures::future::join_all(services.iter().map(|s| async move {
        let present = client.catalog_url(*s).await.ok().flatten().is_some();
        if !present {
            return ServiceCheck {
                service: *s,
                ms: None,
                found: Ok(None),
            };
        }
        let started = Instant::now();
        let found = client.endpoint(*s).await.map(Some);
        ServiceCheck {
            service: *s,
            ms: Some(started.elapsed().as_millis() as u64),
            found,
        }
    }))
    .await
}
