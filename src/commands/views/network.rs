//! `osprey network list`: the networks of every selected site as one
//! table, their subnets by CIDR.

use super::{Report, each_with, show_rows};
use crate::api::network::NetworkDetail;
use crate::api::{Service, SiteId};
use crate::context::Estate;
use crate::render::{Known, columns::of};
use serde::Serialize;
use std::collections::HashMap;

/// `osprey network`: its commands.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Every network the credentials see at the selected sites (the
    /// project's, shared and external ones), with their subnets' CIDRs.
    #[command(long_about = help!("network-list"))]
    List,
}

impl crate::commands::Family for Command {
    fn columns(&self) -> Known {
        Known::rows(of::<NetworkRow>())
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List => list(estate).await,
        }
    }
}

/// One network at one site: the row of `network list`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct NetworkRow {
    cloud: String,
    region: String,
    id: String,
    name: String,
    status: String,
    created: String,
    shared: bool,
    external: bool,
    /// The CIDRs of its subnets (a subnet the credentials cannot see by
    /// its id).
    subnets: Vec<String>,
    mtu: Option<u32>,
}

impl NetworkRow {
    fn of(site: &SiteId, n: NetworkDetail, cidrs: &HashMap<String, String>) -> NetworkRow {
        NetworkRow {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            subnets: n
                .subnets
                .iter()
                .map(|id| cidrs.get(id).cloned().unwrap_or_else(|| id.clone()))
                .collect(),
            id: n.id,
            name: n.name,
            status: n.status,
            created: n.created_at,
            shared: n.shared,
            external: n.external,
            mtu: n.mtu,
        }
    }
}

/// Every network of the selected sites.
pub(crate) async fn list(estate: &Estate<'_>) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let read = each_with(
        estate,
        &mut report,
        Service::Network,
        false,
        |c| async move {
            let (networks, subnets) = futures::try_join!(c.network_details(), c.subnet_cidrs())?;
            let cidrs: HashMap<String, String> =
                subnets.into_iter().map(|s| (s.id, s.cidr)).collect();
            Ok(networks
                .into_iter()
                .map(|n| NetworkRow::of(&c.id, n, &cidrs))
                .collect::<Vec<_>>())
        },
    )
    .await?;
    show_rows(estate, &mut report, "networks", read, |r: &NetworkRow| {
        &r.status
    });
    Ok(report)
}
