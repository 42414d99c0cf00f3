//! `osprey volume list`: the volumes of every selected site as one table.

use super::{AllProjects, Report, each_with, show_rows};
use crate::api::volume::Volume;
use crate::api::{Service, SiteId};
use crate::context::Estate;
use crate::render::{Known, columns::of};
use serde::Serialize;

/// `osprey volume`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Every volume of the selected sites, every page read; a site without
    /// Cinder is noted, not failed.
    #[command(long_about = help!("volume-list"))]
    List(AllProjects),
}

impl crate::commands::Family for Command {
    fn columns(&self) -> Known {
        Known::rows(of::<VolumeRow>())
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List(a) => list(estate, a).await,
        }
    }
}

/// One volume at one site: the row of `volume list`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct VolumeRow {
    cloud: String,
    region: String,
    id: String,
    name: String,
    status: String,
    created: String,
    size: u64,
    #[serde(rename = "type")]
    volume_type: String,
    /// The ids of the servers it is attached to.
    attached_to: Vec<String>,
    bootable: bool,
}

impl VolumeRow {
    fn of(site: &SiteId, v: Volume) -> VolumeRow {
        VolumeRow {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            bootable: v.bootable(),
            attached_to: v.attachments.into_iter().map(|a| a.server_id).collect(),
            id: v.id,
            name: v.name.unwrap_or_default(),
            status: v.status,
            created: v.created_at,
            size: v.size,
            volume_type: v.volume_type.unwrap_or_default(),
        }
    }
}

/// Every volume of the selected sites.
pub(crate) async fn list(estate: &Estate<'_>, args: &AllProjects) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let all = args.all_projects;
    let read = each_with(estate, &mut report, Service::Volume, all, |c| async move {
        c.volumes(all).await
    })
    .await?;
    let read = read
        .into_iter()
        .map(|(site, vols)| {
            let rows = vols.into_iter().map(|v| VolumeRow::of(&site, v)).collect();
            (site, rows)
        })
        .collect();
    show_rows(estate, &mut report, "volumes", read, |r: &VolumeRow| {
        &r.status
    });
    Ok(report)
}
