//! Glance: images with streamed data, `glance-download` imports between regions and their tasks, `/v2/info/import` and `/v2/info/usage`.

mod copy;
pub(crate) mod data;
pub(crate) mod images;
mod import;
pub(crate) mod usage;

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use serde_json::{Value, json};

use crate::server::Ctx;
use crate::state::lock;
use crate::tls::Pki;

pub(crate) use copy::Fetcher;

/// The import methods a Glance can enable, in the order Glance 33 lists
/// them; each region enables all of them unless the spec says otherwise.
pub(crate) const IMPORT_METHODS: [&str; 4] = [
    "glance-direct",
    "web-download",
    "copy-image",
    "glance-download",
];

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .merge(usage::routes())
        .merge(import::routes())
        .merge(images::routes())
        .merge(crate::collection::routes(&images::COLLECTION))
        .merge(data::routes())
}

/// What Glance keeps beside the store: each region's enabled import
/// methods (which tests change at run time) and the HTTP client its
/// imports fetch data with.
#[derive(Debug)]
pub(crate) struct Glance {
    methods: Mutex<HashMap<String, Vec<String>>>,
    pub fetcher: Fetcher,
    /// Imports whose copy has not ended, so tests can wait for them.
    pub running: AtomicUsize,
    /// Each image's import tasks, by (region, image id), oldest first.
    tasks: Mutex<HashMap<(String, String), Vec<Value>>>,
}

impl Glance {
    /// `methods` per region: the spec's, else all of [`IMPORT_METHODS`].
    pub(crate) fn new(
        regions: &[String],
        chosen: &std::collections::BTreeMap<String, Vec<String>>,
        pki: Option<&Pki>,
    ) -> Self {
        let methods = regions
            .iter()
            .map(|r| {
                let all = || IMPORT_METHODS.iter().map(|m| (*m).to_owned()).collect();
                (r.clone(), chosen.get(r).cloned().unwrap_or_else(all))
            })
            .collect();
        Self {
            methods: Mutex::new(methods),
            fetcher: Fetcher::new(pki),
            running: AtomicUsize::new(0),
            tasks: Mutex::new(HashMap::new()),
        }
    }

    /// Records an import's task on an image, `pending` as Glance makes it
    /// when it accepts the import; returns the task's id.
    pub(crate) fn start_task(&self, region: &str, image: &str, owner: &str) -> String {
        let id = uuid::Uuid::new_v4().to_string();
        let task = json!({
            "id": id, "type": "api_image_import", "status": "pending",
            "owner": owner, "image_id": image, "result": null, "message": "",
        });
        lock(&self.tasks)
            .entry((region.to_owned(), image.to_owned()))
            .or_default()
            .push(task);
        id
    }

    /// Ends a task: `success`, or `failure` with the message Glance gives
    /// every failed import task.
    pub(crate) fn end_task(&self, region: &str, image: &str, task: &str, ok: bool) {
        let mut all = lock(&self.tasks);
        let key = (region.to_owned(), image.to_owned());
        if let Some(t) = all
            .get_mut(&key)
            .and_then(|ts| ts.iter_mut().find(|t| t["id"] == task))
        {
            match ok {
                true => {
                    t["status"] = json!("success");
                    t["result"] = json!({"image_id": image});
                }
                false => {
                    t["status"] = json!("failure");
                    t["message"] = json!("Task failed due to Internal Error");
                }
            }
        }
    }

    /// An image's tasks, newest first, as `GET /v2/images/{id}/tasks` lists them.
    pub(crate) fn tasks(&self, region: &str, image: &str) -> Vec<Value> {
        let all = lock(&self.tasks);
        let mut out = all
            .get(&(region.to_owned(), image.to_owned()))
            .cloned()
            .unwrap_or_default();
        out.reverse();
        out
    }

    /// How many imports are still copying, in every region.
    pub(crate) fn running(&self) -> usize {
        self.running.load(Ordering::SeqCst)
    }

    /// The import methods `region` enables, in Glance's order.
    pub(crate) fn methods(&self, region: &str) -> Vec<String> {
        lock(&self.methods).get(region).cloned().unwrap_or_default()
    }

    /// Replaces `region`'s import methods; an unknown region or method is
    /// an error.
    pub(crate) fn set_methods(&self, region: &str, methods: &[String]) -> Result<(), String> {
        check_methods(methods)?;
        let mut all = lock(&self.methods);
        let slot = all
            .get_mut(region)
            .ok_or_else(|| format!("no region {region}"))?;
        *slot = methods.to_vec();
        Ok(())
    }
}

/// Every name must be one of [`IMPORT_METHODS`], as Glance's
/// `enabled_import_methods` option allows no other.
pub(crate) fn check_methods(methods: &[String]) -> Result<(), String> {
    match methods
        .iter()
        .find(|m| !IMPORT_METHODS.contains(&m.as_str()))
    {
        Some(m) => Err(format!(
            "no import method {m} (one of {})",
            IMPORT_METHODS.join(", ")
        )),
        None => Ok(()),
    }
}

pub(crate) use crate::store::Reply;
