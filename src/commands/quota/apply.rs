//! Carrying out a balance plan: each site's new limits written (a quota set
//! in one request, each Keystone limit in its own) and read back.

use super::read::{self, Entry, ProjectRef, Source};
use super::show;
use crate::api::identity::Project;
use crate::api::{Service, SiteClient, SiteId};
use crate::plan::{Action, Effect, Effects, Executor, Status, Step, Verdicts};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One limit to change.
#[derive(Debug, Clone)]
pub(super) struct Change {
    pub(super) site: SiteId,
    pub(super) project_id: String,
    pub(super) project_name: String,
    pub(super) entry: Entry,
    pub(super) new_limit: i64,
}

impl Change {
    fn lowers(&self) -> bool {
        self.new_limit < self.entry.limit && self.entry.limit >= 0
    }

    pub(super) fn step(self) -> Step<Change> {
        Step {
            // Limits that go down are written first, so that the sum stays
            // within the global limit throughout.
            phase: if self.lowers() { 0 } else { 1 },
            site: self.site.clone(),
            kind: "quota".to_string(),
            name: format!("{} {}", self.entry.service, self.entry.resource),
            action: Action::Update,
            detail: format!("{} → {}", self.entry.limit, self.new_limit),
            // A quota set is written in one request; each Keystone limit
            // in one of its own, so one that fails fails alone.
            group: match &self.entry.source {
                read::Source::QuotaSet => format!("{}/{}", self.project_id, self.entry.service),
                read::Source::Keystone { .. } => format!(
                    "{}/{}/{}",
                    self.project_id, self.entry.service, self.entry.resource
                ),
            },
            op: self,
        }
    }
}

/// A planned limit change: the row of `quota balance`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct BalanceRow {
    #[serde(flatten)]
    key: show::QuotaKey,
    in_use: Option<i64>,
    current_limit: i64,
    new_limit: i64,
    status: String,
}

/// Writes limits, and reads them back.
pub(super) struct Limits;

impl Executor for Limits {
    type Op = Change;
    type Undo = ();

    fn rows(&self, steps: &[(&Step<Change>, Status)]) -> crate::render::Rows {
        crate::render::Rows::typed(steps.iter().map(|(step, status)| {
            let c = &step.op;
            BalanceRow {
                key: show::QuotaKey::new(&c.site, &c.project_id, &c.project_name, &c.entry),
                in_use: c.entry.in_use,
                current_limit: c.entry.limit,
                new_limit: c.new_limit,
                status: match status {
                    Status::NotApplied => "skipped",
                    other => other.name(),
                }
                .to_string(),
            }
        }))
    }

    /// Changing quotas needs the admin role at every site of the plan.
    async fn preflight(&self, client: &SiteClient) -> anyhow::Result<()> {
        client
            .require_role(
                "admin",
                "changing quotas",
                "use an admin cloud entry (e.g. --os-cloud prod-admin); nothing was changed anywhere",
            )
            .await
    }

    async fn apply(&self, client: &SiteClient, steps: &[&Step<Change>]) -> Effects<()> {
        let first = &steps[0].op;
        let changes: Vec<(&Entry, i64)> = steps
            .iter()
            .map(|s| (&s.op.entry, s.op.new_limit))
            .collect();
        let note = write_limits(client, &first.project_id, first.entry.service, &changes)
            .await
            .map_err(|e| e.context(format!("setting {} limits", first.entry.service)))?;
        Ok(steps
            .iter()
            .map(|_| Effect::changed().noted(note))
            .collect())
    }

    async fn undo(&self, _: &SiteClient, _: &()) -> anyhow::Result<()> {
        // A limit change is never a creation, so there is nothing to undo.
        Ok(())
    }

    /// Reads the changed limits back, one read per project.
    async fn verify(&self, client: &SiteClient, steps: &[&Step<Change>]) -> Verdicts {
        let mut by_project: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, s) in steps.iter().enumerate() {
            by_project.entry(&s.op.project_id).or_default().push(i);
        }
        let projects = read::Projects::default();
        let mut checks = vec![Ok(()); steps.len()];
        for (project_id, idx) in by_project {
            let services: BTreeSet<Service> =
                idx.iter().map(|i| steps[*i].op.entry.service).collect();
            let services: Vec<Service> = services.into_iter().collect();
            let project = ProjectRef::Known(Project {
                id: project_id.to_string(),
                name: steps[idx[0]].op.project_name.clone(),
                domain_id: None,
            });
            let now = read::read_site(client, &projects, &project, &services, true)
                .await
                .map_err(|e| e.context("verifying the new limits"))?;
            for i in idx {
                let c = &steps[i].op;
                let found = now
                    .entries
                    .iter()
                    .find(|e| e.service == c.entry.service && e.resource == c.entry.resource)
                    .map(|e| e.limit);
                if found != Some(c.new_limit) {
                    checks[i] = Err(format!(
                        "{} {} is {} after the change, not {}",
                        c.entry.service,
                        c.entry.resource,
                        found.map_or("missing".to_string(), |f| f.to_string()),
                        c.new_limit
                    ));
                }
            }
        }
        Ok(checks)
    }
}

/// Writes new limits of one service at one site, in one request where the
/// API allows it; says so when a Keystone limit whose creation's answer
/// was lost was found made.
async fn write_limits(
    client: &SiteClient,
    project_id: &str,
    service: Service,
    changes: &[(&Entry, i64)],
) -> anyhow::Result<Option<&'static str>> {
    let mut note = None;
    let quota_set: BTreeMap<String, i64> = changes
        .iter()
        .filter(|(e, _)| e.source == Source::QuotaSet)
        .map(|(e, v)| (e.resource.clone(), *v))
        .collect();
    if !quota_set.is_empty() {
        client.set_quota(service, project_id, &quota_set).await?;
    }
    for (entry, value) in changes {
        if let Source::Keystone {
            service_id,
            limit_id,
        } = &entry.source
        {
            match limit_id {
                Some(id) => client.update_limit(id, *value).await?,
                None => {
                    let made = crate::plan::create_or_find(
                        client.create_limit(service_id, project_id, &entry.resource, *value),
                        async || {
                            let now = client.project_limits(project_id).await?;
                            Ok(now
                                .iter()
                                .any(|l| {
                                    &l.service_id == service_id
                                        && l.resource_name == entry.resource
                                        && l.limit == *value
                                })
                                .then_some(()))
                        },
                    )
                    .await?;
                    note = note.or(made.note());
                }
            }
        }
    }
    Ok(note)
}
