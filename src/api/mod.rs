//! Typed, thin clients for each site: the only place that knows URLs,
//! envelopes, microversion headers and pagination.

pub mod identity;
pub mod quota;

use crate::auth::Session;
use crate::auth::catalog::{Service, fill_template};
use crate::auth::discovery::{Discovered, discover};
use crate::config::RegionConfig;
use crate::error::hinted;
use crate::http::{Request, Response, has_status};
use anyhow::Context;
use reqwest::Method;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// A (cloud, region) pair: what every command runs on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SiteId {
    pub cloud: String,
    pub region: String,
}

impl fmt::Display for SiteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.region.is_empty() {
            f.write_str(&self.cloud)
        } else {
            write!(f, "{}/{}", self.cloud, self.region)
        }
    }
}

/// Everything needed to call one site's services.
pub struct SiteClient {
    pub id: SiteId,
    pub config: RegionConfig,
    session: Arc<Session>,
    interface: String,
    discovered: tokio::sync::Mutex<HashMap<Service, Discovered>>,
}

impl SiteClient {
    pub fn new(config: RegionConfig, session: Arc<Session>, interface_flag: Option<&str>) -> Self {
        let interface = interface_flag.unwrap_or(&config.interface).to_string();
        SiteClient {
            id: SiteId {
                cloud: config.cloud.clone(),
                region: config.region.clone(),
            },
            config,
            session,
            interface,
            discovered: tokio::sync::Mutex::new(HashMap::new()),
        }
    }

    pub fn session(&self) -> &Arc<Session> {
        &self.session
    }

    /// The interface for a service: its `*_interface`, else --os-interface,
    /// else the cloud's `interface`.
    fn interface_for(&self, service: Service) -> &str {
        service
            .config_keys()
            .iter()
            .find_map(|k| self.config.interfaces.get(*k))
            .map(String::as_str)
            .unwrap_or(&self.interface)
    }

    /// The service's URL from `*_endpoint_override` or the catalog, or `None`
    /// when the site has no such service.
    pub async fn catalog_url(&self, service: Service) -> anyhow::Result<Option<String>> {
        let token = self.session.token().await?;
        let project = token.project_id.as_deref();
        if let Some(url) = service
            .config_keys()
            .iter()
            .find_map(|k| self.config.endpoint_overrides.get(*k))
        {
            return Ok(Some(fill_template(url, project)));
        }
        Ok(token
            .catalog
            .url(service, &self.id.region, self.interface_for(service))
            .map(|u| fill_template(&u, project)))
    }

    /// The versioned endpoint of a service, discovered once per run.
    pub async fn endpoint(&self, service: Service) -> anyhow::Result<Discovered> {
        let mut cache = self.discovered.lock().await;
        if let Some(d) = cache.get(&service) {
            return Ok(d.clone());
        }
        let url = self.catalog_url(service).await?.ok_or_else(|| {
            hinted(
                format!(
                    "no {service} endpoint ({} interface) in the catalog for region {}",
                    self.interface_for(service),
                    self.id.region
                ),
                format!(
                    "check `openstack catalog list`, or set {}_endpoint_override in clouds.yaml",
                    service.config_keys()[0]
                ),
            )
        })?;
        // Some version documents (Cinder's /v3/) need a token: a rejected
        // one is renewed once, as for any other call.
        let mut retried = false;
        let found = loop {
            let token = self.session.token().await?;
            let result = discover(
                self.session.http(),
                self.session.tls(),
                service,
                &url,
                Some(token.id.expose()),
                self.session.timeout(),
            )
            .await;
            match result {
                Err(e) if !retried && has_status(&e, 401) => {
                    retried = true;
                    self.session.invalidate(&token).await;
                }
                other => {
                    break other
                        .with_context(|| format!("discovering the {service} API version"))?;
                }
            }
        };
        cache.insert(service, found.clone());
        Ok(found)
    }

    /// Sends a request to `path` under the service's versioned endpoint with
    /// the current token; a 401 re-authenticates once and retries.
    pub async fn send(
        &self,
        service: Service,
        method: Method,
        path: &str,
        body: Option<Value>,
        microversion: Option<&str>,
    ) -> anyhow::Result<Response> {
        let base = self.endpoint(service).await?.base;
        let url = join(&base, path);
        let mut retried = false;
        loop {
            let token = self.session.token().await?;
            let mut req = Request::new(method.clone(), &url, self.session.timeout())
                .header("x-auth-token", token.id.expose())
                .header("accept", "application/json");
            if let Some(mv) = microversion {
                req = req.header("openstack-api-version", &format!("{} {mv}", service.name()));
                if service == Service::Compute {
                    req = req.header("x-openstack-nova-api-version", mv);
                }
            }
            if let Some(b) = &body {
                req = req.json(b.clone());
            }
            let resp = self.session.http().send(self.session.tls(), &req).await?;
            if resp.status.as_u16() == 401 && !retried {
                retried = true;
                self.session.invalidate(&token).await;
                continue;
            }
            return Ok(resp.ok()?);
        }
    }

    pub async fn get_json(&self, service: Service, path: &str) -> anyhow::Result<Value> {
        self.send(service, Method::GET, path, None, None)
            .await?
            .json()
    }
}

fn join(base: &str, path: &str) -> String {
    if path.is_empty() {
        return base.to_string();
    }
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}
