//! `osprey events`: one time-ordered feed across sites of what went wrong
//! or changed: servers in ERROR with their fault, recent server actions
//! (failed steps with their messages), Cinder's user messages and volumes
//! in an error state, images killed or whose import failed.

mod time;

use super::Report;
use crate::api::logs;
use crate::api::{SiteClient, SiteId};
use crate::auth::catalog::Service;
use crate::context::Estate;
use crate::fanout::Partial;
use crate::render::Rows;
use futures::StreamExt;
use serde::Serialize;
use std::sync::Arc;

/// How many servers' actions one site reads at once.
const ACTIONS_AT_ONCE: usize = 8;

/// `osprey events` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct EventsArgs {
    /// How far back to look: a duration (`30m`, `1h`, `2d`, `1w`) or an
    /// RFC 3339 time (`2026-01-02T03:04:05Z`). Default: 24h.
    #[arg(long, value_name = "DURATION|TIME", default_value = "24h")]
    pub(crate) since: String,
    /// Only events of these kinds (repeatable, comma lists). Default: all.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    pub(crate) kind: Vec<EventKind>,
    /// Every project's servers and volumes, not only the token's (admin).
    #[arg(long)]
    pub(crate) all_projects: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum EventKind {
    Server,
    Volume,
    Image,
}

impl EventKind {
    fn service(self) -> Service {
        match self {
            EventKind::Server => Service::Compute,
            EventKind::Volume => Service::Volume,
            EventKind::Image => Service::Image,
        }
    }

    fn name(self) -> &'static str {
        match self {
            EventKind::Server => "server",
            EventKind::Volume => "volume",
            EventKind::Image => "image",
        }
    }
}

impl super::Family for EventsArgs {
    fn columns(&self) -> crate::render::Known {
        crate::render::Known::rows(crate::render::columns::of::<EventRow>())
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        events(estate, self).await
    }
}

/// One event: the row of `osprey events`, oldest first.
#[derive(Debug, Default, Serialize)]
pub(crate) struct EventRow {
    cloud: String,
    region: String,
    /// When it happened, RFC 3339 in UTC.
    time: String,
    kind: String,
    id: String,
    name: String,
    /// `error` (a server's fault), an action (`reboot`), a volume's or
    /// image's status, `import_failed`, or a Cinder message's event id.
    event: String,
    message: String,
    #[serde(skip)]
    at: i64,
}

impl EventRow {
    fn new(site: &SiteId, kind: EventKind, at: i64, id: &str, name: &str, event: &str) -> Self {
        EventRow {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            time: time::format(at),
            kind: kind.name().into(),
            id: id.into(),
            name: name.into(),
            event: event.into(),
            message: String::new(),
            at,
        }
    }

    fn message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }
}

async fn events(estate: &Estate<'_>, args: &EventsArgs) -> anyhow::Result<Report> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    let since = time::since(&args.since, now)?;
    let kinds: Vec<EventKind> = if args.kind.is_empty() {
        vec![EventKind::Server, EventKind::Volume, EventKind::Image]
    } else {
        args.kind.clone()
    };
    let sites = estate.sites().await?;
    let mut report = Report::default();
    let clients = report.absorb_sites(sites);
    let kinds = &kinds;
    let all = args.all_projects;
    let batch = estate
        .runner
        .each_partial(
            &clients,
            |c| async move { Ok(read(c, since, kinds, all).await) },
        )
        .await;
    let mut rows = Vec::new();
    let mut answered = Vec::new();
    for (site, (found, absent)) in report.absorb(batch) {
        rows.extend(found);
        answered.push(site.clone());
        for kind in absent {
            report.notes.push(format!(
                "note: {site} has no {} service; its {}s are not shown",
                kind.service().name(),
                kind.name()
            ));
        }
    }
    rows.sort_by(|a, b| {
        (a.at, &a.cloud, &a.region, &a.kind, &a.id)
            .cmp(&(b.at, &b.cloud, &b.region, &b.kind, &b.id))
    });
    report.lists(format!("events since {}", time::format(since)), &answered);
    report.rows = Rows::typed(rows);
    Ok(report)
}

/// One site's events of the wanted kinds, and the kinds whose service the
/// site lacks. A service that fails is an error of the site; the others'
/// events are still given.
async fn read(
    client: Arc<SiteClient>,
    since: i64,
    kinds: &[EventKind],
    all: bool,
) -> Partial<(Vec<EventRow>, Vec<EventKind>)> {
    let mut out = Partial::new((Vec::new(), Vec::new()));
    let reads = futures::future::join_all(kinds.iter().map(|k| {
        let client = client.clone();
        async move {
            let present = match client.needed_url(k.service()).await {
                Ok(url) => url.is_some(),
                Err(e) => return (*k, Err(e)),
            };
            if !present {
                return (*k, Ok(None));
            }
            let rows = match k {
                EventKind::Server => servers(&client, since, all).await,
                EventKind::Volume => volumes(&client, since, all).await,
                EventKind::Image => images(&client, since).await,
            };
            (*k, rows.map(Some))
        }
    }))
    .await;
    for (kind, result) in reads {
        match result {
            Ok(Some(rows)) => out.value.0.extend(rows),
            Ok(None) => out.value.1.push(kind),
            Err(e) => out
                .errors
                .push(e.context(format!("reading {} events", kind.name()))),
        }
    }
    out
}

/// The servers changed since `since`: a fault for those in ERROR, and
/// their actions since then, with the failed steps of failed ones.
async fn servers(client: &SiteClient, since: i64, all: bool) -> anyhow::Result<Vec<EventRow>> {
    let since_text = time::format(since);
    let changed = logs::servers_changed(client, &since_text, all).await?;
    let site = &client.id;
    let mut rows = Vec::new();
    for s in changed.iter().filter(|s| s.status == "ERROR") {
        let fault = s.fault.clone().unwrap_or_default();
        let at = time::stamp(&fault.created)
            .or_else(|| time::stamp(&s.updated))
            .unwrap_or(since);
        if at < since {
            continue;
        }
        rows.push(
            EventRow::new(site, EventKind::Server, at, &s.id, &s.name, "error")
                .message(fault.message),
        );
    }
    let actions: Vec<anyhow::Result<Vec<EventRow>>> = futures::stream::iter(&changed)
        .map(|s| server_actions(client, s, since, &since_text))
        .buffer_unordered(ACTIONS_AT_ONCE)
        .collect()
        .await;
    for found in actions {
        rows.extend(found?);
    }
    Ok(rows)
}

async fn server_actions(
    client: &SiteClient,
    server: &logs::Server,
    since: i64,
    since_text: &str,
) -> anyhow::Result<Vec<EventRow>> {
    let mut rows = Vec::new();
    // `changes-since` lists deleted servers too; one gone since (404) has
    // nothing more to say.
    let actions = match logs::actions(client, &server.id, since_text).await {
        Err(e) if crate::http::has_status(&e, 404) => Vec::new(),
        other => other?,
    };
    for a in actions {
        let Some(at) = time::stamp(&a.start_time).filter(|t| *t >= since) else {
            continue;
        };
        let mut row = EventRow::new(
            &client.id,
            EventKind::Server,
            at,
            &server.id,
            &server.name,
            &a.action,
        );
        if let Some(message) = a.message.filter(|m| !m.is_empty()) {
            let detail = logs::action(client, &server.id, &a.request_id).await?;
            let failed: Vec<String> = detail
                .events
                .iter()
                .filter(|e| e.result.as_deref().is_some_and(|r| r != "Success"))
                .map(|e| {
                    let why = e
                        .details
                        .clone()
                        .filter(|d| !d.is_empty())
                        .or_else(|| {
                            e.traceback
                                .as_deref()
                                .and_then(|t| t.trim_end().lines().last())
                                .map(|l| l.trim().to_string())
                        })
                        .unwrap_or_else(|| e.result.clone().unwrap_or_default());
                    format!("{}: {why}", e.event)
                })
                .collect();
            row = row.message(if failed.is_empty() {
                message
            } else {
                format!("{message}: {}", failed.join("; "))
            });
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Volumes in an `error*` state changed since `since`, and Cinder's user
/// messages since then.
async fn volumes(client: &SiteClient, since: i64, all: bool) -> anyhow::Result<Vec<EventRow>> {
    let (volumes, messages) =
        futures::future::join(logs::volumes(client, all), logs::messages(client)).await;
    let volumes = volumes?;
    let site = &client.id;
    let name_of = |id: &str| {
        volumes
            .iter()
            .find(|v| v.id == id)
            .and_then(|v| v.name.clone())
            .unwrap_or_default()
    };
    let mut rows = Vec::new();
    for v in volumes.iter().filter(|v| v.status.starts_with("error")) {
        let changed = v.updated_at.as_deref().unwrap_or(&v.created_at);
        let Some(at) = time::stamp(changed).filter(|t| *t >= since) else {
            continue;
        };
        let name = v.name.clone().unwrap_or_default();
        rows.push(EventRow::new(
            site,
            EventKind::Volume,
            at,
            &v.id,
            &name,
            &v.status,
        ));
    }
    for m in messages? {
        let Some(at) = time::stamp(&m.created_at).filter(|t| *t >= since) else {
            continue;
        };
        let id = m.resource_uuid.clone().unwrap_or(m.id.clone());
        let mut row = EventRow::new(site, EventKind::Volume, at, &id, &name_of(&id), &m.event_id)
            .message(m.user_message);
        if !m.resource_type.is_empty() && !m.resource_type.eq_ignore_ascii_case("volume") {
            row.kind = m.resource_type.to_ascii_lowercase();
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Images `killed`, or whose import failed at some store, changed since `since`.
async fn images(client: &SiteClient, since: i64) -> anyhow::Result<Vec<EventRow>> {
    let site = &client.id;
    let mut rows = Vec::new();
    for i in logs::images(client).await? {
        let Some(at) = time::stamp(&i.updated_at).filter(|t| *t >= since) else {
            continue;
        };
        let name = i.name.clone().unwrap_or_default();
        if i.status == "killed" {
            rows.push(EventRow::new(
                site,
                EventKind::Image,
                at,
                &i.id,
                &name,
                "killed",
            ));
        }
        if let Some(stores) = i.os_glance_failed_import.filter(|s| !s.trim().is_empty()) {
            rows.push(
                EventRow::new(site, EventKind::Image, at, &i.id, &name, "import_failed")
                    .message(format!("import failed for stores: {stores}")),
            );
        }
    }
    Ok(rows)
}
