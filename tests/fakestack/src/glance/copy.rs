//! A `glance-download` import's copy: the target region's Glance fetches the source image over HTTP, as the real one does.
//!
//! The fetch goes to the source region's image endpoint in the catalog of
//! the target's Keystone, with the caller's own token, through the source
//! region's listener: the request log counts it, and faults and latency
//! armed on the source region apply to it exactly as to a client's
//! download. Like Glance, it first reads the source image (it must be
//! `active`; its formats and size are taken), then its data, hashed as an
//! upload is while it arrives.
//!
//! As in Glance, a failure to fetch (the source's metadata or data) ends
//! the task `failure` and puts the image back `queued` with
//! `os_glance_importing_to_stores` still set and no failed store: only the
//! task tells. A failure to store the data (over the size cap) lists the
//! store in `os_glance_failed_import` too.

use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};

use reqwest::{Certificate, Client, Identity, StatusCode};
use serde_json::{Value, json};

use crate::state::{World, lock};
use crate::store::{Kind, RegionStore};
use crate::tls::Pki;

use super::data::{Blob, Intake, activate};
use super::images::set_properties;

/// The stores an import is going to, while it runs (Glance's bookkeeping).
pub(super) const IMPORTING: &str = "os_glance_importing_to_stores";
/// The stores an import failed to reach.
pub(super) const FAILED: &str = "os_glance_failed_import";
/// The import task that holds the image, while it runs.
pub(super) const LOCK: &str = "os_glance_import_task";
/// The only store of every fake Glance.
pub(super) const STORE: &str = "local";

/// The HTTP client imports fetch with: it trusts the stack's CA and shows
/// its client certificate under `Spec::tls`.
pub(crate) struct Fetcher {
    /// (CA, client certificate and key) as PEM.
    trust: Option<(String, String)>,
    client: OnceLock<Result<Client, String>>,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("tls", &self.trust.is_some())
            .finish()
    }
}

impl Fetcher {
    pub(crate) fn new(pki: Option<&Pki>) -> Self {
        let trust = pki.map(|p| {
            let identity = format!("{}\n{}", p.client_cert_pem, p.client_key_pem);
            (p.ca_pem.clone(), identity)
        });
        Self {
            trust,
            client: OnceLock::new(),
        }
    }

    /// Built on first use: most stacks never import.
    fn client(&self) -> Result<Client, String> {
        self.client.get_or_init(|| self.build()).clone()
    }

    fn build(&self) -> Result<Client, String> {
        let mut builder = Client::builder().user_agent("fakestack-glance-download");
        if let Some((ca, identity)) = &self.trust {
            let ca = Certificate::from_pem(ca.as_bytes()).map_err(|e| e.to_string())?;
            let identity = Identity::from_pem(identity.as_bytes()).map_err(|e| e.to_string())?;
            builder = builder.add_root_certificate(ca).identity(identity);
        }
        builder.build().map_err(|e| e.to_string())
    }
}

/// A `glance-download` import as the API accepted it.
#[derive(Debug, Clone)]
pub(crate) struct Order {
    /// The target's region and image id.
    pub region: String,
    pub image: String,
    pub source_region: String,
    pub source_image: String,
    /// `public`, `internal` or `admin`: which catalog URL to fetch from.
    pub interface: String,
    /// The caller's token, which Glance passes on to the source.
    pub token: String,
    /// The task that runs it.
    pub task: String,
}

/// Where an import failed.
enum Failed {
    /// Fetching from the source, before any store was written.
    Fetch,
    /// Writing the data to the store.
    Store,
}

impl From<String> for Failed {
    fn from(_: String) -> Self {
        Failed::Fetch
    }
}

/// What the source gave.
struct Fetched {
    data: Blob,
    /// (MD5, SHA-512) hex digests.
    hashes: (String, String),
    disk_format: Value,
    container_format: Value,
}

/// Starts the copy on a task of its own, counted as running from now on
/// (so a test that waits for no running import never misses one).
pub(crate) fn spawn(world: Arc<World>, order: Order) {
    let running = Running::new(world.clone());
    tokio::spawn(async move {
        let _running = running;
        run(&world, order).await;
    });
}

/// One import in [`Glance::running`](super::Glance) until it drops: its
/// task ended, or the runtime stopped.
struct Running(Arc<World>);

impl Running {
    fn new(world: Arc<World>) -> Self {
        world.glance.running.fetch_add(1, Ordering::SeqCst);
        Self(world)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.glance.running.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Copies the data, then leaves the target `active`, or `queued` on any
/// failure (see the module's notes), and ends the task; a target deleted
/// meanwhile just ends it.
async fn run(world: &World, order: Order) {
    let fetched = fetch(world, &order).await;
    let ok = world.store.at(&order.region, |s| match fetched {
        Ok(fetched) => finish(s, &order.image, fetched),
        Err(failed) => {
            fail(s, &order.image, failed);
            false
        }
    });
    world
        .glance
        .end_task(&order.region, &order.image, &order.task, ok);
}

async fn fetch(world: &World, order: &Order) -> Result<Fetched, Failed> {
    let endpoint = source_endpoint(world, order)?;
    let client = world.glance.fetcher.client()?;
    let url = format!("{endpoint}/v2/images/{}", order.source_image);
    let meta = get(&client, &url, &order.token).await?;
    let meta: Value = serde_json::from_slice(&meta.bytes().await.map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    if meta["status"] != "active" {
        return Err(Failed::Fetch);
    }
    let size = meta["size"].as_u64().ok_or(Failed::Fetch)?;
    let mut resp = get(&client, &format!("{url}/file"), &order.token).await?;
    let mut intake = Intake::new(world.image_size_cap, world.keep_image_data);
    while let Some(chunk) = resp.chunk().await.map_err(|e| e.to_string())? {
        intake.take(&chunk).map_err(|_| Failed::Store)?;
    }
    if intake.len() as u64 != size {
        return Err(Failed::Fetch);
    }
    let (data, hashes) = intake.finish();
    Ok(Fetched {
        data,
        hashes,
        disk_format: meta["disk_format"].clone(),
        container_format: meta["container_format"].clone(),
    })
}

/// The source region's image endpoint on the asked interface, from the
/// catalog of the target's Keystone (Glance reads the token's catalog,
/// matching the region case-insensitively): a region behind another
/// Keystone is not there.
fn source_endpoint(world: &World, order: &Order) -> Result<String, String> {
    let target = world.region(&order.region).ok_or("no target region")?;
    let catalog = &world.realm_of_region(target).catalog;
    catalog
        .iter()
        .filter(|s| s.kind == "image")
        .find_map(|s| {
            lock(&s.endpoints)
                .iter()
                .find(|e| {
                    e.interface == order.interface
                        && e.region.eq_ignore_ascii_case(&order.source_region)
                })
                .map(|e| e.url.clone())
        })
        .ok_or_else(|| {
            format!(
                "no image endpoint for region {} on the {} interface",
                order.source_region, order.interface
            )
        })
}

async fn get(client: &Client, url: &str, token: &str) -> Result<reqwest::Response, String> {
    let resp = client
        .get(url)
        .header("X-Auth-Token", token)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    match resp.status() {
        StatusCode::OK => Ok(resp),
        other => Err(format!("{url}: {other}")),
    }
}

/// The source's formats on the target, then the data as an upload leaves
/// it; the import's bookkeeping cleared. Whether the image is active.
fn finish(s: &mut RegionStore, id: &str, fetched: Fetched) -> bool {
    let Some(r) = s.get_mut(Kind::Image, id) else {
        return false;
    };
    r.body["disk_format"] = fetched.disk_format;
    r.body["container_format"] = fetched.container_format;
    if activate(s, id, fetched.data, fetched.hashes).is_ok()
        && let Some(r) = s.get_mut(Kind::Image, id)
    {
        set_properties(r, &[(IMPORTING, "")]);
        unlock(r);
        return true;
    }
    false
}

/// `queued`, the task's lock released; a store that was written to and
/// failed is listed where Glance reports it, while a fetch that failed
/// leaves the stores the import was going to as they were.
fn fail(s: &mut RegionStore, id: &str, failed: Failed) {
    if let Some(r) = s.get_mut(Kind::Image, id) {
        r.body["status"] = json!("queued");
        if let Failed::Store = failed {
            set_properties(r, &[(IMPORTING, ""), (FAILED, STORE)]);
        }
        unlock(r);
        r.touch();
    }
}

/// Drops the import task's lock, as Glance does when the task ends.
fn unlock(r: &mut crate::store::Resource) {
    if let Some(body) = r.body.as_object_mut() {
        body.remove(LOCK);
    }
}
