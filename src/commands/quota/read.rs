//! Reading quotas: per site and concurrently, each service's limits and
//! usage for one project, from quota sets and Keystone unified limits.

use crate::api::SiteClient;
use crate::api::identity::Project;
use crate::api::identity::ProjectNotFound;
use crate::api::quota::QuotaUsage;
use crate::auth::catalog::Service;
use crate::error::{HintExt, add_hint, describe, hinted};
use crate::http::has_status;
use anyhow::Context;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;

/// Where a limit lives, and so how it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    QuotaSet,
    /// A Keystone unified limit: the project's own limit (`limit_id`) or,
    /// when it has none, the registered default of `service_id`.
    Keystone {
        service_id: String,
        limit_id: Option<String>,
    },
}

impl Source {
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Source::QuotaSet => "quota_set",
            Source::Keystone { .. } => "keystone",
        }
    }
}

/// One resource of one service at one site.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) service: Service,
    pub(crate) resource: String,
    pub(crate) limit: i64,
    /// `None` where the service reports no usage (a unified limit of a
    /// service osprey cannot ask for usage).
    pub(crate) in_use: Option<i64>,
    pub(crate) reserved: i64,
    pub(crate) source: Source,
}

impl Entry {
    /// What counts against the limit: in use plus reserved.
    pub(crate) fn used(&self) -> i64 {
        self.in_use.unwrap_or(0).saturating_add(self.reserved)
    }
}

/// Everything read at one site for one project; failed services are errors
/// next to the services that answered.
#[derive(Debug)]
pub(crate) struct SiteQuotas {
    pub(crate) project: Project,
    pub(crate) entries: Vec<Entry>,
    pub(crate) errors: Vec<anyhow::Error>,
    /// The services whose reading failed (their errors are in `errors`).
    pub(crate) failed: Vec<Service>,
}

/// Which project to read.
#[derive(Debug, Clone)]
pub(crate) enum ProjectRef {
    /// The project the credentials are scoped to.
    Token,
    /// A name (matched in every Keystone) or an id.
    Named(String),
    /// Already looked up in this site's Keystone.
    Known(Project),
}

/// A lookup's failure, kept so every site sharing the Keystone gets it.
#[derive(Debug, Clone)]
struct Failure {
    message: String,
    hints: Vec<String>,
    not_found: bool,
}

impl Failure {
    fn of(err: &anyhow::Error) -> Self {
        let (message, hints) = describe(err);
        Failure {
            message,
            hints,
            not_found: is_missing_project(err),
        }
    }

    fn to_error(&self) -> anyhow::Error {
        let mut err = anyhow::anyhow!("{}", self.message);
        for h in &self.hints {
            err = add_hint(err, h.clone());
        }
        if self.not_found {
            err.context(ProjectNotFound)
        } else {
            err
        }
    }
}

/// Whether the error says the project does not exist in that Keystone.
pub(crate) fn is_missing_project(err: &anyhow::Error) -> bool {
    err.downcast_ref::<ProjectNotFound>().is_some()
}

/// One project lookup, shared by the sites of a Keystone.
type Lookup = Arc<OnceCell<Result<Project, Failure>>>;

/// Resolves project names once per Keystone and identity, however many
/// sites share it.
#[derive(Default)]
pub(crate) struct Projects {
    cache: Mutex<HashMap<(String, String), Lookup>>,
}

impl Projects {
    pub(crate) async fn resolve(
        &self,
        client: &SiteClient,
        project: &ProjectRef,
    ) -> anyhow::Result<Project> {
        let name = match project {
            ProjectRef::Token => return client.token_project().await,
            ProjectRef::Known(p) => return Ok(p.clone()),
            ProjectRef::Named(n) => n.clone(),
        };
        let key = (
            format!("{}#{}", client.session().auth_url(), client.id.cloud),
            name.clone(),
        );
        let cell = {
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            cache.entry(key).or_default().clone()
        };
        let found = cell
            .get_or_init(|| async {
                client
                    .find_project(&name)
                    .await
                    .map_err(|e| Failure::of(&e))
            })
            .await;
        found.clone().map_err(|f| f.to_error())
    }
}

/// Reads the project's quotas of `services` at one site. A service the site
/// does not offer is skipped unless `required`.
pub(crate) async fn read_site(
    client: &SiteClient,
    projects: &Projects,
    project: &ProjectRef,
    services: &[Service],
    required: bool,
) -> anyhow::Result<SiteQuotas> {
    let project = projects.resolve(client, project).await?;
    let reads = futures::future::join_all(
        services
            .iter()
            .map(|s| read_service(client, &project, *s, required)),
    );
    let (results, unified) = tokio::join!(reads, unified_limits(client, &project, services));
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut failed = Vec::new();
    for (r, service) in results.into_iter().zip(services) {
        match r {
            Ok(mut e) => entries.append(&mut e),
            Err(e) => {
                errors.push(e);
                failed.push(*service);
            }
        }
    }
    match unified {
        Ok(unified) => {
            for u in unified {
                // Where a service keeps both, the unified limit is the one enforced.
                entries.retain(|e| !(e.service == u.service && e.resource == u.resource));
                entries.push(u);
            }
        }
        Err(e) => {
            errors.push(
                forbidden_hint(e, &project)
                    .context(format!("unified limits of project {}", project.name)),
            );
            // Glance's quotas exist only as unified limits.
            if services.contains(&Service::Image) && !failed.contains(&Service::Image) {
                failed.push(Service::Image);
            }
        }
    }
    entries.sort_by(|a, b| (a.service, &a.resource).cmp(&(b.service, &b.resource)));
    Ok(SiteQuotas {
        project,
        entries,
        errors,
        failed,
    })
}

async fn read_service(
    client: &SiteClient,
    project: &Project,
    service: Service,
    required: bool,
) -> anyhow::Result<Vec<Entry>> {
    if service == Service::Image {
        // Glance keeps its quotas only as Keystone unified limits.
        return Ok(Vec::new());
    }
    // A service asked for by name must be there; one asked for by default
    // may be missing from a region (an edge site without Cinder).
    let url = match required {
        true => client.needed_url(service).await?,
        false => client.catalog_url(service).await?,
    };
    if url.is_none() {
        if required {
            return Err(hinted(
                format!(
                    "{service}: no endpoint in the catalog for region {}",
                    client.id.region
                ),
                "leave this service out of --service for this site",
            ));
        }
        return Ok(Vec::new());
    }
    let pid = project.id.as_str();
    let quota_set = client.quota_usage(service, pid).await.transpose();
    let mut entries: Vec<Entry> = match quota_set {
        Some(r) => r
            .map_err(|e| forbidden_hint(e, project))
            .with_context(|| format!("{service} quotas of project {}", project.name))?
            .into_iter()
            .map(|u: QuotaUsage| Entry {
                service,
                resource: u.resource,
                limit: u.limit,
                in_use: Some(u.in_use),
                reserved: u.reserved,
                source: Source::QuotaSet,
            })
            .collect(),
        None => Vec::new(),
    };
    entries.sort_by(|a, b| a.resource.cmp(&b.resource));
    Ok(entries)
}

fn forbidden_hint(err: anyhow::Error, project: &Project) -> anyhow::Error {
    if has_status(&err, 403) {
        Err::<(), _>(err)
            .with_hint(|| {
                format!(
                    "reading or changing the quotas of project {} needs the admin role: use an admin cloud entry",
                    project.name
                )
            })
            .unwrap_err()
    } else {
        err
    }
}

/// Keystone unified limits of the services in the site's region: the
/// project's own limit, else the registered default. Usage comes from Glance
/// for image limits; other services report theirs in their quota sets.
async fn unified_limits(
    client: &SiteClient,
    project: &Project,
    services: &[Service],
) -> anyhow::Result<Vec<Entry>> {
    let registered = match client.registered_limits().await {
        Ok(r) => r,
        // A policy that hides registered limits hides them from the services' view too.
        Err(e) if has_status(&e, 403) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    if registered.is_empty() {
        return Ok(Vec::new());
    }
    let mut typed = Vec::new();
    for r in registered {
        let ty = client.service_type_of(&r.service_id).await?;
        let service = ty.and_then(|ty| {
            Service::QUOTA
                .into_iter()
                .find(|q| services.contains(q) && q.catalog_types().contains(&ty.as_str()))
        });
        if let Some(s) = service {
            typed.push((s, r));
        }
    }
    let registered = typed;
    if registered.is_empty() {
        return Ok(Vec::new());
    }
    let own = client.project_limits(&project.id).await?;
    // Glance reports the usage of the token's project only: another
    // project's image usage is unknown here.
    let own_project = client
        .token_project()
        .await
        .is_ok_and(|p| p.id == project.id);
    let wants_image = own_project && registered.iter().any(|(s, _)| *s == Service::Image);
    let usage: BTreeMap<String, i64> =
        if wants_image && client.catalog_url(Service::Image).await?.is_some() {
            client.image_usage().await?.into_iter().collect()
        } else {
            BTreeMap::new()
        };
    Ok(registered
        .into_iter()
        .map(|(service, r)| {
            let mine = own
                .iter()
                .find(|l| l.service_id == r.service_id && l.resource_name == r.resource_name);
            Entry {
                service,
                resource: r.resource_name.clone(),
                limit: mine.map_or(r.limit, |l| l.limit),
                in_use: if service == Service::Image {
                    usage.get(&r.resource_name).copied()
                } else {
                    None
                },
                reserved: 0,
                source: Source::Keystone {
                    service_id: r.service_id.clone(),
                    limit_id: mine.map(|l| l.id.clone()),
                },
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn used_counts_reserved() {
        let e = Entry {
            service: Service::Compute,
            resource: "cores".into(),
            limit: 10,
            in_use: Some(3),
            reserved: 2,
            source: Source::QuotaSet,
        };
        assert_eq!(e.used(), 5);
        let none = Entry { in_use: None, ..e };
        assert_eq!(none.used(), 2);
    }
}
