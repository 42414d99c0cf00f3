//! `osprey floating list`: the floating IPs of every selected site as one
//! table, with what each is bound to.

use super::{AllProjects, Report, each_with, show_rows};
use crate::api::network::{FloatingDetail, Scope};
use crate::api::{Service, SiteId};
use crate::context::Estate;
use crate::error::hinted;
use crate::render::{Known, columns::of};
use serde::Serialize;

/// `osprey floating`: its commands.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// The token's project's floating IPs at the selected sites, with the
    /// fixed address, port and router each is bound to.
    #[command(long_about = help!("floating-list"))]
    List(AllProjects),
}

impl crate::commands::Family for Command {
    fn columns(&self) -> Known {
        Known::rows(of::<FloatingRow>())
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List(a) => list(estate, a).await,
        }
    }
}

/// One floating IP at one site: the row of `floating list`. A floating IP
/// has no name: `name` is its address, as `find` shows it.
#[derive(Debug, Default, Serialize)]
pub(crate) struct FloatingRow {
    cloud: String,
    region: String,
    id: String,
    name: String,
    status: String,
    created: String,
    address: String,
    fixed_address: String,
    port: String,
    router: String,
}

impl FloatingRow {
    fn of(site: &SiteId, f: FloatingDetail) -> FloatingRow {
        FloatingRow {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            id: f.id,
            name: f.floating_ip_address.clone(),
            status: f.status,
            created: f.created_at,
            address: f.floating_ip_address,
            fixed_address: f.fixed_ip_address.unwrap_or_default(),
            port: f.port_id.unwrap_or_default(),
            router: f.router_id.unwrap_or_default(),
        }
    }
}

/// Every floating IP of the token's project (or, with `--all-projects`,
/// of every project) at the selected sites.
pub(crate) async fn list(estate: &Estate<'_>, args: &AllProjects) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let all = args.all_projects;
    let read = each_with(estate, &mut report, Service::Network, all, |c| async move {
        let found = if all {
            c.floating_details(Scope::All).await?
        } else {
            let token = c.session().token().await?;
            let project = token.project_id.clone().ok_or_else(|| {
                hinted(
                    "the credentials are not scoped to a project",
                    "scope the cloud to a project in clouds.yaml",
                )
            })?;
            c.floating_details(Scope::Project(&project)).await?
        };
        Ok(found
            .into_iter()
            .map(|f| FloatingRow::of(&c.id, f))
            .collect::<Vec<_>>())
    })
    .await?;
    show_rows(
        estate,
        &mut report,
        "floating IPs",
        read,
        |r: &FloatingRow| &r.status,
    );
    Ok(report)
}
