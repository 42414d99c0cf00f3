//! `osprey server list|show`: the servers of every selected site as one
//! table, and one server looked up by name or id wherever it is.

use super::{Report, each_with, show_rows};
use crate::api::lookup::looks_like_id;
use crate::api::server::{Server, ServerFilter};
use crate::api::{Service, SiteClient, SiteId};
use crate::context::{Estate, glob};
use crate::error::hinted;
use crate::render::{Known, columns::of};
use serde::Serialize;
use std::collections::BTreeMap;

/// `osprey server`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Every server of the selected sites, every page read.
    #[command(long_about = help!("server-list"))]
    List(ListArgs),
    /// One server, by name or id, wherever it is; a name held by several
    /// servers lists them and exits 2, nothing found exits 1.
    #[command(long_about = help!("server-show"))]
    Show(ShowArgs),
}

/// `server list` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct ListArgs {
    /// Only servers in this status (ACTIVE, ERROR, BUILD, SHUTOFF, …).
    ///
    /// Default: every status.
    #[arg(long, value_name = "STATUS")]
    pub(crate) status: Option<String>,
    /// Only servers whose name matches this glob (`*` any run, `?` one
    /// character).
    ///
    /// Default: every name.
    #[arg(long, value_name = "GLOB")]
    pub(crate) name: Option<String>,
    /// Every project's servers, not only the token's (admin; checked at
    /// every site before any list is read).
    #[arg(long)]
    pub(crate) all_projects: bool,
}

/// `server show` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct ShowArgs {
    /// The server's name or id.
    #[arg(value_name = "NAME|ID")]
    pub(crate) server: String,
}

impl crate::commands::Family for Command {
    fn columns(&self) -> Known {
        match self {
            Command::List(_) => Known::rows(of::<ServerRow>()),
            Command::Show(_) => Known::rows(of::<ServerDetail>()),
        }
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List(a) => list(estate, a).await,
            Command::Show(a) => show(estate, a).await,
        }
    }
}

/// One server at one site: the row of `server list`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct ServerRow {
    cloud: String,
    region: String,
    id: String,
    name: String,
    status: String,
    created: String,
    flavor: String,
    image: String,
    addresses: String,
    /// Shown to the admin only.
    #[serde(skip_serializing_if = "Option::is_none")]
    host: Option<String>,
}

/// One server at one site with its fault: the row of `server show`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct ServerDetail {
    cloud: String,
    region: String,
    id: String,
    name: String,
    status: String,
    created: String,
    flavor: String,
    image: String,
    addresses: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    host: Option<String>,
    fault: String,
}

impl ServerRow {
    fn of(site: &SiteId, s: Server, images: &BTreeMap<String, String>) -> ServerRow {
        let image = s
            .image_id()
            .map(|id| images.get(id).cloned().unwrap_or_else(|| id.to_string()))
            .unwrap_or_default();
        ServerRow {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            addresses: addresses(&s),
            flavor: s.flavor.shown(),
            image,
            id: s.id,
            name: s.name,
            status: s.status,
            created: s.created,
            host: s.host,
        }
    }
}

/// The addresses as openstackclient shows them: `net=10.0.0.5, 2001:db8::5`,
/// networks in order, separated by `; `.
fn addresses(s: &Server) -> String {
    s.addresses
        .iter()
        .map(|(net, list)| {
            let addrs: Vec<&str> = list.iter().map(|a| a.addr.as_str()).collect();
            format!("{net}={}", addrs.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The names of the images these servers were booted from (their ids
/// where Glance has no such image, or the site no Glance): one read per
/// image, not a list of every image.
async fn image_names(
    client: &SiteClient,
    servers: &[Server],
) -> anyhow::Result<BTreeMap<String, String>> {
    let mut ids: Vec<&str> = servers.iter().filter_map(Server::image_id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() || client.catalog_url(Service::Image).await?.is_none() {
        return Ok(BTreeMap::new());
    }
    let found = futures::future::try_join_all(ids.iter().map(|id| client.image(id))).await?;
    Ok(ids
        .iter()
        .zip(found)
        .filter_map(|(id, image)| Some((id.to_string(), image?.name.filter(|n| !n.is_empty())?)))
        .collect())
}

/// A site's servers, with their images' names.
async fn read(client: &SiteClient, filter: &ServerFilter<'_>) -> anyhow::Result<Vec<ServerRow>> {
    let servers = client.servers(filter).await?;
    let images = image_names(client, &servers).await?;
    Ok(servers
        .into_iter()
        .map(|s| ServerRow::of(&client.id, s, &images))
        .collect())
}

/// Every server of the selected sites.
pub(crate) async fn list(estate: &Estate<'_>, args: &ListArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let filter = ServerFilter {
        all_projects: args.all_projects,
        status: args.status.as_deref(),
        name: None,
    };
    let filter = &filter;
    let read = each_with(
        estate,
        &mut report,
        Service::Compute,
        args.all_projects,
        |c| async move { read(&c, filter).await },
    )
    .await?;
    let read: Vec<(SiteId, Vec<ServerRow>)> = read
        .into_iter()
        .map(|(site, mut rows)| {
            if let Some(g) = args.name.as_deref() {
                rows.retain(|r| glob(g, &r.name));
            }
            (site, rows)
        })
        .collect();
    let mut what = "servers".to_string();
    if let Some(s) = &args.status {
        what.push_str(&format!(" with status {s}"));
    }
    if let Some(g) = &args.name {
        what.push_str(&format!(" matching --name {g}"));
    }
    show_rows(estate, &mut report, what, read, |r| &r.status);
    Ok(report)
}

/// A site's servers of this name or id.
async fn find(client: &SiteClient, key: &str) -> anyhow::Result<Vec<ServerDetail>> {
    let servers = if looks_like_id(key) {
        client.server(key).await?.into_iter().collect()
    } else {
        let filter = ServerFilter {
            name: Some(key),
            ..ServerFilter::default()
        };
        client.servers(&filter).await?
    };
    let images = image_names(client, &servers).await?;
    Ok(servers
        .into_iter()
        .map(|s| {
            let fault = s
                .fault
                .as_ref()
                .map(|f| match f.code {
                    Some(code) => format!("{code}: {}", f.message.trim()),
                    None => f.message.trim().to_string(),
                })
                .unwrap_or_default();
            let r = ServerRow::of(&client.id, s, &images);
            ServerDetail {
                cloud: r.cloud,
                region: r.region,
                id: r.id,
                name: r.name,
                status: r.status,
                created: r.created,
                flavor: r.flavor,
                image: r.image,
                addresses: r.addresses,
                host: r.host,
                fault,
            }
        })
        .collect())
}

/// One server by name or id; never a pick among several.
pub(crate) async fn show(estate: &Estate<'_>, args: &ShowArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let key = args.server.as_str();
    let read = each_with(
        estate,
        &mut report,
        Service::Compute,
        false,
        |c| async move { find(&c, key).await },
    )
    .await?;
    report.lists(format!("server {key}"), read.iter().map(|(site, _)| site));
    let rows: Vec<ServerDetail> = read.into_iter().flat_map(|(_, rows)| rows).collect();
    match rows.len() {
        0 if report.failures.is_empty() => report.findings = true,
        0 | 1 => {}
        n => {
            report.error = Some(hinted(
                format!("server show {key}: {n} servers match; the candidates are listed above"),
                "name one by its id: osprey server show ID",
            ));
        }
    }
    report.rows = crate::render::Rows::typed(rows);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn addresses_read_as_openstackclient_shows_them() {
        let s: Server = serde_json::from_value(json!({"id": "s", "addresses": {
            "private": [{"addr": "10.0.0.5"}, {"addr": "2001:db8::5"}],
            "ext": [{"addr": "172.24.4.9"}],
        }}))
        .unwrap();
        assert_eq!(
            addresses(&s),
            "ext=172.24.4.9; private=10.0.0.5, 2001:db8::5"
        );
    }
}
