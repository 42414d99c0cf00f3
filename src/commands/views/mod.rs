//! The resource views: `server list|show`, `volume list`, `network list`,
//! `floating list` and `find`, one table across every selected site.
//!
//! Each view reads its sites at once through the report's fan-out; a site
//! without the view's service is a note, not a failure.

pub(crate) mod find;
pub(crate) mod floating;
pub(crate) mod network;
pub(crate) mod server;
pub(crate) mod summary;
pub(crate) mod volume;

use super::Report;
use crate::api::{Service, SiteClient, SiteId};
use crate::context::Estate;
use std::future::Future;
use std::sync::Arc;

/// `--all-projects`, for the views that can read every project's.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct AllProjects {
    /// Every project's, not only the token's (admin; checked at every
    /// site before any list is read).
    #[arg(long)]
    pub(crate) all_projects: bool,
}

/// Runs `read` at every selected site that has `service`, and returns the
/// finished sites' values in site order. A site without the service gets
/// a note; one that fails is in the report. With `admin` (`--all-projects`)
/// the admin role is checked at every site before any list is read.
pub(crate) async fn each_with<T, F, Fut>(
    estate: &Estate<'_>,
    report: &mut Report,
    service: Service,
    admin: bool,
    read: F,
) -> anyhow::Result<Vec<(SiteId, T)>>
where
    F: Fn(Arc<SiteClient>) -> Fut,
    Fut: Future<Output = anyhow::Result<T>>,
{
    let sites = estate.sites().await?;
    let mut clients = report.absorb_sites(sites);
    if admin {
        clients = require_admin(estate, report, clients).await?;
    }
    let read = &read;
    let batch = estate
        .runner
        .each(&clients, |c| async move {
            if c.needed_url(service).await?.is_none() {
                return Ok(None);
            }
            read(c).await.map(Some)
        })
        .await;
    let mut out = Vec::new();
    for (site, value) in report.absorb(batch) {
        match value {
            Some(v) => out.push((site, v)),
            None => report.notes.push(format!(
                "{site}: no {service} service; nothing to show there"
            )),
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// `--all-projects` needs the admin role at every selected site: checked
/// at all of them before any list is read, so that a refused run reads
/// nothing and fails with one error. A site that cannot be reached for
/// the check is a failed site, left out of the read.
async fn require_admin(
    estate: &Estate<'_>,
    report: &mut Report,
    clients: Vec<Arc<SiteClient>>,
) -> anyhow::Result<Vec<Arc<SiteClient>>> {
    let batch = estate
        .runner
        .each(&clients, |c| async move {
            // The role's absence is the answer, not a failure of the site.
            match c.session().token().await {
                Err(e) => Err(e),
                Ok(_) => Ok(c
                    .require_role(
                        "admin",
                        "--all-projects",
                        "use an admin cloud entry (e.g. --os-cloud prod-admin), or leave \
                         out --all-projects for the token's project",
                    )
                    .await
                    .err()),
            }
        })
        .await;
    let checked = report.absorb(batch);
    if let Some((site, refused)) = checked
        .into_iter()
        .find_map(|(site, refused)| Some((site, refused?)))
    {
        return Err(refused.context(site.to_string()));
    }
    let failed: Vec<&SiteId> = report.failures.iter().map(|(s, _)| s).collect();
    Ok(clients
        .into_iter()
        .filter(|c| !failed.contains(&&c.id))
        .collect())
}

/// Puts a list's rows of `what` (`servers`), site by site, into the
/// report, and after a table on a terminal (never in `-q` or `-v` runs:
/// the progress line's rule) the counts by status per site and in total.
pub(crate) fn show_rows<R: serde::Serialize + Default>(
    estate: &Estate<'_>,
    report: &mut Report,
    what: impl Into<String>,
    read: Vec<(SiteId, Vec<R>)>,
    status: impl Fn(&R) -> &str + Copy,
) {
    report.lists(what, read.iter().map(|(site, _)| site));
    if estate.tables && estate.runner.shows_progress() {
        let statuses = read
            .iter()
            .flat_map(|(site, rows)| rows.iter().map(move |r| (site, status(r))));
        report.notes.extend(summary::lines(statuses));
    }
    report.rows = crate::render::Rows::typed(read.into_iter().flat_map(|(_, rows)| rows));
}
