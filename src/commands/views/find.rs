//! `osprey find NAME|ID`: where a name or an id lives, across servers,
//! volumes, images, networks, subnets, ports, routers, floating IPs (by
//! address too), security groups and keypairs of every selected site.

use super::Report;
use crate::api::lookup::{KINDS, looks_like_id};
use crate::api::{Service, SiteId};
use crate::context::Estate;
use crate::error::hinted;
use crate::render::{Known, Rows, columns::of};
use serde::Serialize;

/// `osprey find` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct FindArgs {
    /// A name, an id, or a floating IP address.
    ///
    /// An id (a UUID) is read directly at each site, one request per kind;
    /// a name goes through each list's name filter.
    #[arg(value_name = "NAME|ID")]
    pub(crate) query: String,
}

impl crate::commands::Family for FindArgs {
    fn columns(&self) -> Known {
        Known::rows(of::<FoundRow>())
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        find(estate, self).await
    }
}

/// One resource found: the row of `find`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct FoundRow {
    cloud: String,
    region: String,
    kind: String,
    id: String,
    name: String,
    status: String,
}

/// A site's resources of that name or id, and the services it lacks.
async fn at_site(
    client: &crate::api::SiteClient,
    key: &str,
) -> anyhow::Result<(Vec<FoundRow>, Vec<Service>)> {
    let mut missing = Vec::new();
    for service in [
        Service::Compute,
        Service::Volume,
        Service::Image,
        Service::Network,
    ] {
        if client.catalog_url(service).await?.is_none() {
            missing.push(service);
        }
    }
    let kinds: Vec<_> = KINDS
        .iter()
        .filter(|k| !missing.contains(&k.service))
        .collect();
    let found = futures::future::try_join_all(kinds.iter().map(|k| async move {
        client
            .look_up(k, key)
            .await
            .map_err(|e| e.context(format!("looking for {key} among {}s", k.name)))
    }))
    .await?;
    let rows = kinds
        .iter()
        .zip(found)
        .flat_map(|(k, found)| {
            found.into_iter().map(|f| FoundRow {
                cloud: client.id.cloud.clone(),
                region: client.id.region.clone(),
                kind: k.name.to_string(),
                name: f.shown_name(),
                id: f.id,
                status: f.status.unwrap_or_default(),
            })
        })
        .collect();
    Ok((rows, missing))
}

/// Where the name or id lives; several places is an error (exit 2) that
/// lists them, none a finding (exit 1).
pub(crate) async fn find(estate: &Estate<'_>, args: &FindArgs) -> anyhow::Result<Report> {
    let key = args.query.trim();
    if key.is_empty() {
        return Err(hinted(
            "find: an empty name",
            "give a name, an id or an address",
        ));
    }
    let mut report = Report::default();
    let sites = estate.sites().await?;
    let (_, mut done) = report
        .each(
            &estate.runner,
            sites,
            |c| async move { at_site(&c, key).await },
        )
        .await;
    done.sort_by(|a, b| a.0.cmp(&b.0));
    let what = if looks_like_id(key) { "id" } else { "name" };
    report.lists(
        format!("resource with {what} {key}"),
        done.iter().map(|(site, _)| site),
    );
    let mut rows = Vec::new();
    for (site, (found, missing)) in done {
        for service in missing {
            report
                .notes
                .push(format!("{site}: no {service} service; not searched there"));
        }
        rows.extend(found);
    }
    match rows.len() {
        0 if report.failures.is_empty() => report.findings = true,
        0 | 1 => {}
        n => {
            let places: std::collections::BTreeSet<SiteId> = rows
                .iter()
                .map(|r| SiteId::new(&r.cloud, &r.region))
                .collect();
            report.error = Some(hinted(
                format!(
                    "{key} is ambiguous: {n} resources at {} site{} (listed above)",
                    places.len(),
                    crate::render::plural(places.len())
                ),
                "look one up by its id",
            ));
        }
    }
    report.rows = Rows::typed(rows);
    Ok(report)
}
