//! Typed, thin clients for each site: the only place that knows URLs,
//! envelopes, microversion headers and pagination.

pub(crate) mod endpoint;
mod fields;
pub(crate) mod flavor;
#[cfg(test)]
mod fuzz;
pub(crate) mod identity;
pub(crate) mod image;
pub(crate) mod keypair;
pub(crate) mod logs;
pub(crate) mod lookup;
pub(crate) mod network;
pub(crate) mod quota;
pub(crate) mod resources;
pub(crate) mod secgroup;
pub(crate) mod server;
pub(crate) mod usage;
pub(crate) mod volume;

use crate::auth::Session;
pub use crate::auth::catalog::Service;
use crate::auth::catalog::fill_template;
use crate::auth::discovery::{Discovered, discover, implied_base};
use crate::auth::keystone::Token;
use crate::config::RegionConfig;
use crate::error::hinted;
use crate::http::{
    BodyStream, Request, Response, SitePool, StreamingResponse, Via, answer_lost, has_status,
    is_unreachable,
};
use anyhow::Context;
pub use endpoint::Endpoint;
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// A (cloud, region) pair: what every command runs on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SiteId {
    pub(crate) cloud: String,
    pub region: String,
}

impl SiteId {
    pub(crate) fn new(cloud: impl Into<String>, region: impl Into<String>) -> Self {
        SiteId {
            cloud: cloud.into(),
            region: region.into(),
        }
    }
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
    pub(crate) config: RegionConfig,
    session: Arc<Session>,
    interface: String,
    discovered: tokio::sync::Mutex<HashMap<Service, Known>>,
    /// The connections to the site's services (Keystone's are the
    /// session's): the site's own, so they close when its work is done.
    pool: SitePool,
}

/// See [`SiteClient::release_on_drop`].
pub(crate) struct ReleaseOnDrop(Arc<SiteClient>);

impl Drop for ReleaseOnDrop {
    fn drop(&mut self) {
        self.0.release();
    }
}

/// What is known of a service's versions: found in this run, or read from
/// the discovery cache (and so to be checked again when a call disagrees).
#[derive(Clone)]
struct Known {
    found: Discovered,
    fresh: bool,
}

impl SiteClient {
    pub(crate) fn new(
        config: RegionConfig,
        session: Arc<Session>,
        interface_flag: Option<&str>,
    ) -> Self {
        let interface = interface_flag.unwrap_or(&config.interface).to_string();
        let pool = SitePool::new(session.tls().clone());
        SiteClient {
            id: SiteId::new(&config.cloud, &config.region),
            config,
            session,
            interface,
            discovered: tokio::sync::Mutex::new(HashMap::new()),
            pool,
        }
    }

    /// Closes the site's idle connections, its work being done for now
    /// (what it found is kept). A request in flight keeps its connection
    /// until it ends; the next request opens new ones.
    pub(crate) fn release(&self) {
        self.pool.release();
    }

    /// A guard that releases the site when dropped: when its task ends,
    /// finished, failed, timed out or dropped on Ctrl-C.
    pub(crate) fn release_on_drop(self: &Arc<Self>) -> ReleaseOnDrop {
        ReleaseOnDrop(self.clone())
    }

    pub(crate) fn session(&self) -> &Arc<Session> {
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
    pub(crate) async fn catalog_url(&self, service: Service) -> anyhow::Result<Option<String>> {
        let token = self.session.token().await?;
        Ok(self.url_in(&token, service))
    }

    /// The URL of a service the command needs, or `None` when the site has
    /// no such service. A cached catalog that lacks it is renewed first:
    /// the service may have been added since.
    pub(crate) async fn needed_url(&self, service: Service) -> anyhow::Result<Option<String>> {
        let token = self.session.token().await?;
        if let Some(url) = self.url_in(&token, service) {
            return Ok(Some(url));
        }
        if self.renew_catalog(&token).await {
            let token = self.session.token().await?;
            return Ok(self.url_in(&token, service));
        }
        Ok(None)
    }

    /// The URL of a service the command needs, or an error naming it.
    async fn service_url(&self, service: Service) -> anyhow::Result<String> {
        self.needed_url(service)
            .await?
            .ok_or_else(|| self.missing(service))
    }

    fn url_in(&self, token: &Token, service: Service) -> Option<String> {
        let project = token.project_id.as_deref();
        if let Some(url) = service
            .config_keys()
            .iter()
            .find_map(|k| self.config.endpoint_overrides.get(*k))
        {
            return Some(fill_template(url, project));
        }
        token
            .catalog
            .url(service, &self.id.region, self.interface_for(service))
            .map(|u| fill_template(&u, project))
    }

    /// Logs in again when `used` came from the token cache, and forgets
    /// what was found under its catalog; true when asking again is worth it.
    async fn renew_catalog(&self, used: &Arc<Token>) -> bool {
        if !self.session.renew_cached(used).await {
            return false;
        }
        self.discovered.lock().await.clear();
        true
    }

    /// The versioned endpoint of a service, discovered once per run (a
    /// cached discovery is checked again) and kept in the discovery cache.
    pub(crate) async fn endpoint(&self, service: Service) -> anyhow::Result<Discovered> {
        // Before the lock: renewing a cached catalog clears what it guards.
        let url = self.service_url(service).await?;
        let mut known = self.discovered.lock().await;
        if let Some(k) = known.get(&service)
            && k.fresh
        {
            return Ok(k.found.clone());
        }
        if let Some(cache) = self.session.cache() {
            cache.drop_discovered(service, &url);
        }
        // Some version documents (Cinder's /v3/) need a token: a rejected
        // one is renewed once, as for any other call.
        let mut retried = false;
        let found = loop {
            let token = self.session.token().await?;
            let result = discover(
                self.session.http(),
                Via::Site(&self.pool),
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
        if let Some(cache) = self.session.cache() {
            cache.store_discovered(service, &url, &found);
        }
        known.insert(
            service,
            Known {
                found: found.clone(),
                fresh: true,
            },
        );
        Ok(found)
    }

    fn missing(&self, service: Service) -> anyhow::Error {
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
    }

    /// The versioned base URL of a service: the one discovery found (in
    /// this run, or in the discovery cache), else the one its catalog URL
    /// implies (no request needed); and whether this run found it.
    async fn base(&self, service: Service) -> anyhow::Result<(String, bool)> {
        if let Some(k) = self.discovered.lock().await.get(&service) {
            return Ok((k.found.base.clone(), k.fresh));
        }
        let url = self.service_url(service).await?;
        let cached = self
            .session
            .cache()
            .and_then(|c| c.discovered(service, &url));
        if let Some(found) = cached {
            let base = found.base.clone();
            let known = Known {
                found,
                fresh: false,
            };
            self.discovered.lock().await.insert(service, known);
            return Ok((base, false));
        }
        Ok((implied_base(service, &url), false))
    }

    /// Runs one described call and returns its payload (the envelope's content).
    pub async fn call(
        &self,
        ep: &Endpoint,
        args: &[&str],
        query: &[(&str, &str)],
        body: Option<Value>,
    ) -> anyhow::Result<Value> {
        let path = ep.path_with(args, query)?;
        // A write that sets a state can be sent again after its answer was
        // lost (a timeout, which the transport does not retry), and that
        // tells what happened; only such a write keeps a copy of its body.
        let again = if ep.repeatable { body.clone() } else { None };
        let resp = match self.send_to(ep, Target::Path(&path), body).await {
            Err(e) if ep.repeatable && answer_lost(&e) => {
                self.send_to(ep, Target::Path(&path), again).await?
            }
            other => other?,
        };
        if ep.envelope.is_none() && resp.body.is_empty() {
            return Ok(Value::Null);
        }
        match resp.json() {
            Ok(v) => ep.unwrap(v),
            // A write that succeeded but whose answer cannot be read: what
            // it made is unknown, as if the answer had been lost.
            Err(e) if ep.method != Method::GET => Err(e.context(crate::http::Unanswered)),
            Err(e) => Err(e),
        }
    }

    /// Runs a delete described by `ep`. A resource already gone (404)
    /// counts as deleted; after an answer that was lost, a read of the same
    /// path tells whether it went, so a delete that took effect is never
    /// reported as failed.
    pub(crate) async fn delete(&self, ep: &Endpoint, args: &[&str]) -> anyhow::Result<()> {
        match self.call(ep, args, &[], None).await {
            Ok(_) => Ok(()),
            Err(e) if has_status(&e, 404) => Ok(()),
            Err(e) if answer_lost(&e) => {
                let probe = Endpoint {
                    method: Method::GET,
                    envelope: None,
                    ..ep.clone()
                };
                match self.call(&probe, args, &[], None).await {
                    Err(p) if has_status(&p, 404) => Ok(()),
                    _ => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// Runs a list call, following its pages, and returns every item.
    pub async fn list<T: DeserializeOwned>(
        &self,
        ep: &Endpoint,
        args: &[&str],
        query: &[(&str, &str)],
    ) -> anyhow::Result<Vec<T>> {
        let path = ep.path_with(args, query)?;
        let mut items = Vec::new();
        let mut target = path;
        let mut first = true;
        let mut seen = std::collections::HashSet::new();
        loop {
            let resp = self
                .send_to(
                    ep,
                    if first {
                        Target::Path(&target)
                    } else {
                        Target::Url(&target)
                    },
                    None,
                )
                .await?;
            first = false;
            let (base, _) = self.base(ep.service).await?;
            let (page, next) = match ep.page::<T>(&resp.body) {
                Some((page, rest)) => (page, ep.next_page(&rest, &base)),
                // Not a page of `T`s: read it as any answer, to say why.
                None => {
                    let body: Value = resp.json()?;
                    let next = ep.next_page(&body, &base);
                    let page: Vec<T> = serde_json::from_value(ep.unwrap(body)?)
                        .with_context(|| format!("{} {}: unexpected items", ep.service, ep.path))?;
                    (page, next)
                }
            };
            items.extend(page);
            match next {
                // A service that hands out the same page again would loop.
                Some(url) if seen.insert(url.clone()) => target = url,
                _ => return Ok(items),
            }
        }
    }

    /// Sends a described call with the current token: a 401 logs in again
    /// once; a 404 on an implied or cached base URL discovers the real one
    /// once; a 406 for the microversion retries with the service's
    /// maximum; a refused connection with a cached catalog logs in again
    /// once (the endpoint may have moved).
    async fn send_to(
        &self,
        ep: &Endpoint,
        target: Target<'_>,
        body: Option<Value>,
    ) -> anyhow::Result<Response> {
        let mut microversion = None;
        let mut first = true;
        let mut rediscovered = false;
        let mut negotiated = false;
        let mut renewed = false;
        loop {
            let (base, discovered) = self.base(ep.service).await?;
            if first {
                // After `base`, which reads the discovery cache.
                microversion = self.known_microversion(ep).await;
                first = false;
            }
            let url = match target {
                Target::Path(p) => join(&base, p),
                Target::Url(u) => u.to_string(),
            };
            let sent = self
                .send_url(ep, &url, body.clone(), microversion.as_deref())
                .await;
            let resp = match sent {
                Err(e) if !renewed && is_unreachable(&e) && matches!(target, Target::Path(_)) => {
                    renewed = true;
                    let token = self.session.token().await?;
                    if self.renew_catalog(&token).await {
                        continue;
                    }
                    return Err(e);
                }
                other => other?,
            };
            match resp.status.as_u16() {
                404 if !discovered && !rediscovered && matches!(target, Target::Path(_)) => {
                    rediscovered = true;
                    if self.endpoint(ep.service).await?.base != base {
                        continue;
                    }
                }
                406 if ep.microversion.is_some() && !negotiated => {
                    negotiated = true;
                    let max = self.endpoint(ep.service).await?.max_microversion;
                    let retry = negotiate(ep.microversion, max.as_deref());
                    if retry != microversion {
                        microversion = retry;
                        continue;
                    }
                }
                _ => {}
            }
            return resp.ok();
        }
    }

    /// The microversion a call goes out at: the highest the service offers
    /// up to the one the call is written for. The service's versions are
    /// discovered first when this run has not yet (once per run), so a
    /// caller can shape a body or check a value by that version before the
    /// call. `None` for a call without one, or a service that names no
    /// maximum: no header is sent and the service's base version applies.
    pub(crate) async fn microversion(&self, ep: &Endpoint) -> anyhow::Result<Option<(u32, u32)>> {
        let Some(want) = ep.microversion else {
            return Ok(None);
        };
        let max = self.endpoint(ep.service).await?.max_microversion;
        Ok(highest_offered(want, max.as_deref()))
    }

    /// The microversion to send: the call's, or the service's maximum when
    /// discovery already found it lower. Without discovery the call's own is
    /// sent, and a 406 negotiates.
    async fn known_microversion(&self, ep: &Endpoint) -> Option<String> {
        let known = self.discovered.lock().await.get(&ep.service).cloned();
        match known {
            Some(k) => negotiate(ep.microversion, k.found.max_microversion.as_deref()),
            None => ep.microversion.map(|(a, b)| format!("{a}.{b}")),
        }
    }

    /// Sends a request to a URL with the current token; a 401
    /// re-authenticates once and retries. Any status is returned.
    async fn send_url(
        &self,
        ep: &Endpoint,
        url: &str,
        body: Option<Value>,
        microversion: Option<&str>,
    ) -> anyhow::Result<Response> {
        let service = ep.service;
        let mut retried = false;
        loop {
            let token = self.session.token().await?;
            let mut req = Request::new(ep.method.clone(), url, self.session.timeout())
                .header("x-auth-token", token.id.expose())
                .header("accept", "application/json");
            if let Some(kind) = ep.content_type {
                req = req.header("content-type", kind);
            }
            if token.cached {
                // A fresh catalog is the better remedy: see `send_to`.
                req = req.refusal_at_once();
            }
            if let Some(mv) = microversion {
                req = req.header("openstack-api-version", &format!("{} {mv}", service.name()));
                if service == Service::Compute {
                    req = req.header("x-openstack-nova-api-version", mv);
                }
            }
            if let Some(b) = &body {
                req = req.json(b.clone());
            }
            let resp = self
                .session
                .http()
                .send_via(Via::Site(&self.pool), &req)
                .await?;
            if resp.status.as_u16() == 401 && !retried {
                retried = true;
                self.session.invalidate(&token).await;
                continue;
            }
            return Ok(resp);
        }
    }
}

impl SiteClient {
    /// Runs one described call whose body goes up as a stream (`upload`)
    /// or whose answer comes down as one: image data. Nothing is retried
    /// once a byte of an upload may have been taken; a download that meets
    /// an expired token logs in again once.
    pub(crate) async fn stream(
        &self,
        ep: &Endpoint,
        args: &[&str],
        mut upload: Option<Upload>,
    ) -> anyhow::Result<StreamingResponse> {
        let (base, _) = self.base(ep.service).await?;
        let url = join(&base, &ep.path_with(args, &[])?);
        let mut retried = false;
        loop {
            let token = self.session.token().await?;
            let mut req = Request::new(ep.method.clone(), &url, self.session.timeout())
                .header("x-auth-token", token.id.expose());
            if let Some(kind) = ep.content_type {
                req = req.header("content-type", kind);
            }
            let sends = upload.is_some();
            if let Some(up) = upload.take() {
                req = req.stream_body(up.body, up.len);
            }
            let resp = self
                .session
                .http()
                .send_streaming_via(Via::Site(&self.pool), &req)
                .await?;
            if resp.status.as_u16() == 401 && !retried && !sends {
                retried = true;
                self.session.invalidate(&token).await;
                continue;
            }
            return resp.ok();
        }
    }
}

/// A body streamed up: its chunks as they come, and its length when known.
pub(crate) struct Upload {
    pub(crate) body: BodyStream,
    pub(crate) len: Option<u64>,
}

/// Where a request goes: a path under the base, or a next page's full URL.
#[derive(Clone, Copy)]
enum Target<'a> {
    Path(&'a str),
    Url(&'a str),
}

/// The microversion to send for a call written for `want` to a service
/// whose maximum is `max`.
fn negotiate(want: Option<(u32, u32)>, max: Option<&str>) -> Option<String> {
    let (a, b) = highest_offered(want?, max)?;
    Some(format!("{a}.{b}"))
}

/// The highest microversion up to `want` that a service whose maximum is
/// `max` offers; `None` when it names no (readable) maximum.
fn highest_offered(want: (u32, u32), max: Option<&str>) -> Option<(u32, u32)> {
    let max = max.and_then(parse_version)?;
    Some(want.min(max))
}

fn parse_version(v: &str) -> Option<(u32, u32)> {
    let (a, b) = v.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn microversions_compare_numerically() {
        assert!(parse_version("2.104").unwrap() > parse_version("2.57").unwrap());
        assert_eq!(parse_version("2.1"), Some((2, 1)));
        assert_eq!(parse_version("x"), None);
    }

    #[test]
    fn an_older_service_gets_its_maximum() {
        assert_eq!(
            negotiate(Some((2, 57)), Some("2.96")).as_deref(),
            Some("2.57")
        );
        assert_eq!(
            negotiate(Some((2, 57)), Some("2.10")).as_deref(),
            Some("2.10")
        );
        assert_eq!(negotiate(Some((2, 57)), None), None);
        assert_eq!(negotiate(None, Some("2.96")), None);
    }

    #[test]
    fn the_highest_offered_is_capped_by_the_call_and_by_the_service() {
        // Nova 34 offers 2.104: a call written for 2.92 goes at 2.92.
        assert_eq!(highest_offered((2, 92), Some("2.104")), Some((2, 92)));
        // An older Nova gets its own maximum, compared as numbers.
        assert_eq!(highest_offered((2, 92), Some("2.87")), Some((2, 87)));
        assert_eq!(highest_offered((2, 92), Some("2.9")), Some((2, 9)));
        assert_eq!(highest_offered((2, 92), Some("2.92")), Some((2, 92)));
        assert_eq!(highest_offered((3, 0), Some("2.104")), Some((2, 104)));
        assert_eq!(highest_offered((2, 92), Some("")), None);
        assert_eq!(highest_offered((2, 92), None), None);
    }
}
