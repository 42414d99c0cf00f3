//! Connection pools: one per site, closed when the site's work is done, and
//! one per TLS identity for Keystone.
//!
//! A `reqwest::Client` owns its pool (its clones share it), and a pool
//! keeps finished requests' connections open for the next. Shared by every
//! site, it kept each finished site's connections while new sites opened
//! more, until a run of a thousand sites ran out of file descriptors. So
//! each site sends through a client of its own, dropped when its work is
//! done; building one is cheap, as the TLS configuration is shared.

use super::{CONNECTIONS_PER_SITE, TlsIdentity};
use anyhow::Context;
use std::sync::Mutex;
use std::time::Duration;

/// How long an idle connection stays open. Within a site's work requests
/// follow one another within milliseconds; a site idle longer is between
/// fan-outs (or waiting on a confirmation) and should not hold descriptors.
/// Apache's default keep-alive is this long too, so a longer wait would
/// mostly find connections the server has closed.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(5);

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Whose connections a request goes over.
#[derive(Clone, Copy)]
pub(crate) enum Via<'a> {
    /// The client that every site of a TLS identity shares. Keystone's
    /// traffic (logins, catalogs, its version document) goes this way:
    /// there is one Keystone per cloud (or region) and a login at a time,
    /// so its connections are few, and they close after the idle timeout.
    Shared(&'a TlsIdentity),
    /// A site's own pool.
    Site(&'a SitePool),
}

impl Via<'_> {
    pub(super) fn tls(&self) -> &TlsIdentity {
        match self {
            Via::Shared(tls) => tls,
            Via::Site(pool) => &pool.tls,
        }
    }
}

/// One site's connections: a client of its own, built on first use and
/// dropped by [`SitePool::release`].
pub(crate) struct SitePool {
    pub(super) tls: TlsIdentity,
    client: Mutex<Option<reqwest::Client>>,
}

impl SitePool {
    pub(crate) fn new(tls: TlsIdentity) -> Self {
        SitePool {
            tls,
            client: Mutex::new(None),
        }
    }

    /// The site's client, built by `build` if there is none.
    pub(super) fn client(
        &self,
        build: impl FnOnce() -> anyhow::Result<reqwest::Client>,
    ) -> anyhow::Result<reqwest::Client> {
        let mut client = self.client.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = &*client {
            return Ok(c.clone());
        }
        let built = build()?;
        *client = Some(built.clone());
        Ok(built)
    }

    /// Drops the site's client: its idle connections close now. A request
    /// in flight holds a clone, so its connection lasts until it ends; the
    /// next request builds a new client.
    pub(crate) fn release(&self) {
        let client = self.client.lock().unwrap_or_else(|e| e.into_inner()).take();
        drop(client);
    }
}

/// A client that uses `tls` (see `tls.rs`). No whole-request timeout: a
/// streamed image may take far longer than any one read; `send` times each
/// wait instead.
pub(super) fn build_client(tls: &rustls::ClientConfig) -> anyhow::Result<reqwest::Client> {
    reqwest::Client::builder()
        .user_agent(super::USER_AGENT)
        .connect_timeout(CONNECT_TIMEOUT)
        .pool_max_idle_per_host(CONNECTIONS_PER_SITE)
        .pool_idle_timeout(POOL_IDLE_TIMEOUT)
        .tls_backend_preconfigured(tls.clone())
        .build()
        .context("building the HTTP client")
}
