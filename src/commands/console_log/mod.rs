//! `osprey console-log SERVER`: finds a server at any selected site, by id
//! and else by name, and prints its console log as text.

use super::Report;
use crate::api::logs;
use crate::context::Estate;
use crate::error::hinted;
use crate::render::Rows;
use serde::Serialize;

/// `osprey console-log` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct ConsoleLogArgs {
    /// The server's id, or its name.
    #[arg(value_name = "SERVER")]
    pub(crate) server: String,
    /// Only the last N lines. Default: the whole log.
    #[arg(long, value_name = "N")]
    pub(crate) lines: Option<u32>,
    /// Look for the name in every project, not only the token's (admin).
    #[arg(long)]
    pub(crate) all_projects: bool,
}

impl super::Family for ConsoleLogArgs {
    fn columns(&self) -> crate::render::Known {
        crate::render::Known::rows(crate::render::columns::of::<Candidate>())
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        console_log(estate, self).await
    }
}

/// A server the name matched, printed when it matched more than one.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Candidate {
    cloud: String,
    region: String,
    id: String,
    name: String,
    status: String,
}

async fn console_log(estate: &Estate<'_>, args: &ConsoleLogArgs) -> anyhow::Result<Report> {
    let sites = estate.sites().await?;
    let mut report = Report::default();
    let wanted = args.server.as_str();
    // By id everywhere first: an id is unique, and a name may look like one.
    let (clients, by_id) = report
        .each(&estate.runner, sites, |c| async move {
            logs::server(&c, wanted).await
        })
        .await;
    let mut found: Vec<_> = by_id
        .into_iter()
        .filter_map(|(site, s)| s.map(|s| (site, s)))
        .collect();
    if found.is_empty() {
        let all = args.all_projects;
        let batch = estate
            .runner
            .each(&clients, |c| async move {
                logs::servers_named(&c, wanted, all).await
            })
            .await;
        found = report
            .absorb(batch)
            .into_iter()
            .flat_map(|(site, list)| list.into_iter().map(move |s| (site.clone(), s)))
            .collect();
    }
    report.lists(
        format!("server with id or name {wanted}"),
        clients.iter().map(|c| &c.id),
    );
    match found.len() {
        0 => report.findings = report.failures.is_empty(),
        1 => {
            let (site, server) = &found[0];
            let client = clients
                .iter()
                .find(|c| &c.id == site)
                .expect("the server was found through this site's client");
            let text = logs::console_output(client, &server.id, args.lines)
                .await
                .map_err(|e| {
                    e.context(format!(
                        "reading the console log of {} in {site}",
                        server.id
                    ))
                })?;
            report.text = Some(text);
        }
        n => {
            report.rows = Rows::typed(found.iter().map(|(site, s)| Candidate {
                cloud: site.cloud.clone(),
                region: site.region.clone(),
                id: s.id.clone(),
                name: s.name.clone(),
                status: s.status.clone(),
            }));
            report.error = Some(hinted(
                format!("{wanted} names {n} servers"),
                "give one of their ids, or narrow the sites with --sites",
            ));
        }
    }
    Ok(report)
}
