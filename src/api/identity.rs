//! Keystone calls made with a site's token: projects, services and unified limits.

use super::{Endpoint, Service, SiteClient};
use crate::error::hinted;
use crate::http::has_status;
use reqwest::Method;
use serde::Deserialize;
use serde_json::json;

const PROJECT: Endpoint = Endpoint::get(Service::Identity, "projects/{}", "project");
const PROJECTS: Endpoint = Endpoint::list(Service::Identity, "projects", "projects");
const MY_PROJECTS: Endpoint = Endpoint::list(Service::Identity, "auth/projects", "projects");
const REGISTERED_LIMITS: Endpoint =
    Endpoint::list(Service::Identity, "registered_limits", "registered_limits");
const LIMITS: Endpoint = Endpoint::list(Service::Identity, "limits", "limits");
/// It sets a value, so sending it again after a lost answer is safe.
const UPDATE_LIMIT: Endpoint =
    Endpoint::write(Service::Identity, Method::PATCH, "limits/{}").repeatable();
const CREATE_LIMITS: Endpoint = Endpoint::write(Service::Identity, Method::POST, "limits");

/// Marks the error of a project that this Keystone does not have (as
/// opposed to one that could not be looked up).
///
/// It displays as nothing: the message is in the error it wraps.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("")]
pub(crate) struct ProjectNotFound;

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub(crate) struct Project {
    pub(crate) id: String,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) domain_id: Option<String>,
}

/// A registered (default) or project limit in Keystone.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Limit {
    pub(crate) id: String,
    pub(crate) service_id: String,
    pub(crate) resource_name: String,
    /// `default_limit` for registered limits, `resource_limit` for project limits.
    #[serde(alias = "default_limit", alias = "resource_limit")]
    pub(crate) limit: i64,
}

impl SiteClient {
    /// The project of the site's token (the credentials' project).
    pub(crate) async fn token_project(&self) -> anyhow::Result<Project> {
        let token = self.session().token().await?;
        match (&token.project_id, &token.project_name) {
            (Some(id), Some(name)) => Ok(Project {
                id: id.clone(),
                name: name.clone(),
                domain_id: None,
            }),
            _ => Err(hinted(
                "the credentials are not scoped to a project",
                "pass --project NAME (or scope the cloud to a project in clouds.yaml)",
            )),
        }
    }

    /// A project by id or name in this site's Keystone. Without the right
    /// to list projects, only the user's own projects can be found.
    pub(crate) async fn find_project(&self, name_or_id: &str) -> anyhow::Result<Project> {
        match self.call(&PROJECT, &[name_or_id], &[], None).await {
            Ok(v) => return Ok(serde_json::from_value(v)?),
            Err(e) if has_status(&e, 404) || has_status(&e, 403) => {}
            Err(e) => return Err(e),
        }
        let found: Vec<Project> = match self.list(&PROJECTS, &[], &[("name", name_or_id)]).await {
            Ok(v) => v,
            Err(e) if has_status(&e, 403) => {
                let mine: Vec<Project> = self.list(&MY_PROJECTS, &[], &[]).await?;
                mine.into_iter()
                    .filter(|p| p.name == name_or_id || p.id == name_or_id)
                    .collect()
            }
            Err(e) => return Err(e),
        };
        match found.len() {
            1 => Ok(found.into_iter().next().expect("one")),
            0 => Err(hinted(
                format!("no project '{name_or_id}' in {}", self.session().auth_url()),
                "check the name with `openstack project list`; without the admin role only your own projects are visible",
            )
            .context(ProjectNotFound)),
            _ => {
                let domains: Vec<String> =
                    found.iter().filter_map(|p| p.domain_id.clone()).collect();
                Err(hinted(
                    format!(
                        "project name '{name_or_id}' is ambiguous (domains: {})",
                        domains.join(", ")
                    ),
                    "pass the project id instead of its name",
                ))
            }
        }
    }

    /// Every project this Keystone lists (needs the admin role).
    pub(crate) async fn list_projects(&self) -> anyhow::Result<Vec<Project>> {
        self.list(&PROJECTS, &[], &[]).await
    }

    /// The service type of a Keystone service id, from the token's catalog
    /// (listing `/v3/services` needs the admin role; the catalog does not).
    pub(crate) async fn service_type_of(&self, service_id: &str) -> anyhow::Result<Option<String>> {
        let token = self.session().token().await?;
        Ok(token
            .catalog
            .0
            .iter()
            .find(|s| s.id == service_id)
            .map(|s| s.service_type.clone()))
    }

    /// Registered (default) limits of this site's region.
    pub(crate) async fn registered_limits(&self) -> anyhow::Result<Vec<Limit>> {
        self.list(&REGISTERED_LIMITS, &[], &[("region_id", &self.id.region)])
            .await
    }

    /// A project's own limits in this site's region.
    pub(crate) async fn project_limits(&self, project_id: &str) -> anyhow::Result<Vec<Limit>> {
        let query = [("project_id", project_id), ("region_id", &self.id.region)];
        self.list(&LIMITS, &[], &query).await
    }

    pub(crate) async fn update_limit(&self, limit_id: &str, value: i64) -> anyhow::Result<()> {
        let body = json!({ "limit": { "resource_limit": value } });
        self.call(&UPDATE_LIMIT, &[limit_id], &[], Some(body))
            .await?;
        Ok(())
    }

    pub(crate) async fn create_limit(
        &self,
        service_id: &str,
        project_id: &str,
        resource: &str,
        value: i64,
    ) -> anyhow::Result<()> {
        let body = json!({ "limits": [{
            "service_id": service_id,
            "project_id": project_id,
            "region_id": self.id.region,
            "resource_name": resource,
            "resource_limit": value,
        }]});
        self.call(&CREATE_LIMITS, &[], &[], Some(body)).await?;
        Ok(())
    }
}

impl SiteClient {
    /// Succeeds when the token has `role`; a cached token without it is
    /// renewed once first (roles change, and the cache may predate the
    /// change). The error says what needs the role and which roles the
    /// credentials have.
    pub(crate) async fn require_role(
        &self,
        role: &str,
        needs: &str,
        hint: &str,
    ) -> anyhow::Result<()> {
        let mut token = self.session().token().await?;
        let has = |t: &crate::auth::keystone::Token| t.roles.iter().any(|r| r == role);
        if !has(&token) && self.renew_catalog(&token).await {
            token = self.session().token().await?;
        }
        if has(&token) {
            return Ok(());
        }
        let roles = if token.roles.is_empty() {
            "none".to_string()
        } else {
            token.roles.join(", ")
        };
        Err(hinted(
            format!("{needs} needs the {role} role; this cloud's credentials have: {roles}"),
            hint,
        ))
    }
}
