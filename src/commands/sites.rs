//! `osprey sites [--check]`: the selected sites, their authentication
//! result, endpoints and latency.

use super::Report;
use crate::api::SiteClient;
use crate::auth::catalog::Service;
use crate::config::select::Site;
use crate::error::describe;
use crate::fanout::fan_out;
use crate::render::progress::Progress;
use crate::render::{Row, Rows};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Instant;

const COLUMNS: &[&str] = &[
    "cloud",
    "region",
    "auth",
    "auth_url",
    "compute",
    "network",
    "image",
    "volume",
    "latency_ms",
];
const SHOWN: [Service; 4] = [
    Service::Compute,
    Service::Network,
    Service::Image,
    Service::Volume,
];

pub async fn sites(
    sites: Vec<Site>,
    check: bool,
    concurrency: usize,
    progress: &dyn Progress,
) -> Report {
    let mut columns = COLUMNS.to_vec();
    if check {
        columns.push("check");
    }
    let mut report = Report {
        rows: Rows::new(&columns),
        ..Report::default()
    };
    let out = fan_out(sites, Site::id, concurrency, progress, |site| async move {
        Ok(match site {
            Site::Failed(id, err) => (failed_row(&id.cloud, &id.region, None, &err), Some(err)),
            Site::Ready(client) => probe(client, check).await,
        })
    })
    .await;
    report.interrupted = out.interrupted;
    for outcome in out.outcomes {
        if let Ok((row, err)) = outcome.result {
            report.rows.push(row);
            if let Some(e) = err {
                report.failures.push((outcome.site, e));
            }
        }
    }
    report
}

fn failed_row(cloud: &str, region: &str, auth_url: Option<&str>, err: &anyhow::Error) -> Row {
    let mut row = base_row(cloud, region);
    row.insert("auth".into(), json!(describe(err).0));
    row.insert("auth_url".into(), json!(auth_url.unwrap_or("")));
    for s in SHOWN {
        row.insert(s.name().into(), json!(""));
    }
    row.insert("latency_ms".into(), Value::Null);
    row
}

fn base_row(cloud: &str, region: &str) -> Row {
    let mut row = Row::new();
    row.insert("cloud".into(), json!(cloud));
    row.insert("region".into(), json!(region));
    row
}

async fn probe(client: Arc<SiteClient>, check: bool) -> (Row, Option<anyhow::Error>) {
    let id = &client.id;
    let session = client.session();
    let started = Instant::now();
    if let Err(e) = session.token().await {
        return (
            failed_row(&id.cloud, &id.region, Some(session.auth_url()), &e),
            Some(e),
        );
    }
    let auth_ms = started.elapsed().as_millis() as u64;
    let mut row = base_row(&id.cloud, &id.region);
    row.insert("auth".into(), json!("ok"));
    row.insert("auth_url".into(), json!(session.auth_url()));
    for s in SHOWN {
        let url = client
            .catalog_url(s)
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        row.insert(s.name().into(), json!(url));
    }
    let mut error = None;
    let mut latency = auth_ms.max(session.last_auth_ms());
    if check {
        let started = Instant::now();
        let checks = futures::future::join_all(Service::ALL.iter().map(|s| {
            let client = client.clone();
            async move {
                let present = client.catalog_url(*s).await.ok().flatten().is_some();
                // A region may lack a service (an identity-only region, no
                // Cinder here): its column is empty, and there is nothing
                // to check. A service that is listed must answer.
                if !present {
                    return (*s, Ok(()));
                }
                (*s, client.endpoint(*s).await.map(|_| ()))
            }
        }))
        .await;
        latency = started.elapsed().as_millis() as u64;
        let failed: Vec<(Service, anyhow::Error)> = checks
            .into_iter()
            .filter_map(|(s, r)| r.err().map(|e| (s, e)))
            .collect();
        let summary = if failed.is_empty() {
            "ok".to_string()
        } else {
            failed
                .iter()
                .map(|(s, _)| s.name())
                .collect::<Vec<_>>()
                .join(", ")
                + " failed"
        };
        row.insert("check".into(), json!(summary));
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
            error = Some(err);
        }
    }
    row.insert("latency_ms".into(), json!(latency));
    (row, error)
}
