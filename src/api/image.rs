//! Glance calls made with a site's token: images, their data, imports,
//! and the usage of Glance's unified limits.

use super::{Endpoint, Service, SiteClient, Upload};
use crate::http::{BodyStream, has_status};
use reqwest::Method;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

const USAGE: Endpoint = Endpoint::get(Service::Image, "info/usage", "usage");
const IMPORT_METHODS: Endpoint = Endpoint::get(Service::Image, "info/import", "import-methods");
/// Glance lists without an envelope key of its own per item; `images` holds them.
const LIST: Endpoint = Endpoint::list(Service::Image, "images", "images");
const SHOW: Endpoint = Endpoint::get_bare(Service::Image, "images/{}");
const CREATE: Endpoint = Endpoint::write(Service::Image, Method::POST, "images");
const UPDATE: Endpoint = Endpoint::write(Service::Image, Method::PATCH, "images/{}")
    .sends("application/openstack-images-v2.1-json-patch");
const DELETE: Endpoint = Endpoint::write(Service::Image, Method::DELETE, "images/{}");
const IMPORT: Endpoint = Endpoint::write(Service::Image, Method::POST, "images/{}/import");
/// The tasks Glance ran on an image, such as its imports (Images API 2.12).
const TASKS: Endpoint = Endpoint::get(Service::Image, "images/{}/tasks", "tasks");
const DOWNLOAD: Endpoint = Endpoint::get_bare(Service::Image, "images/{}/file");
const UPLOAD: Endpoint = Endpoint::write(Service::Image, Method::PUT, "images/{}/file")
    .sends("application/octet-stream");

/// The import method that has a target Glance fetch an image from another
/// region of its own Keystone.
pub(crate) const GLANCE_DOWNLOAD: &str = "glance-download";

/// Attributes Glance sets itself or keeps for itself: never copied.
const NOT_COPIED: [&str; 17] = [
    "id",
    "status",
    "checksum",
    "size",
    "virtual_size",
    "owner",
    "created_at",
    "updated_at",
    "file",
    "self",
    "schema",
    "direct_url",
    "locations",
    "stores",
    "visibility",
    "os_hidden",
    "os_hash_algo",
];

/// An image as Glance shows it: the attributes osprey reads by name, and
/// every other one (custom properties and the rest) as it came.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Image {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: Option<String>,
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) size: Option<u64>,
    #[serde(default)]
    pub(crate) visibility: Option<String>,
    #[serde(default)]
    pub(crate) owner: Option<String>,
    #[serde(default)]
    pub(crate) checksum: Option<String>,
    #[serde(default)]
    pub(crate) os_hash_algo: Option<String>,
    #[serde(default)]
    pub(crate) os_hash_value: Option<String>,
    #[serde(default)]
    pub(crate) protected: bool,
    #[serde(default)]
    pub(crate) created_at: Option<String>,
    #[serde(flatten)]
    pub(crate) rest: BTreeMap<String, Value>,
}

/// A task Glance ran on an image (an import), as `/v2/images/{id}/tasks`
/// shows it.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ImageTask {
    /// `pending`, `processing`, `success` or `failure`.
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) message: Option<String>,
}

/// An image's content hash: `sha512:…` from `os_hash_*`, or `md5:…` from
/// the `checksum` of a Glance older than multihash.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ContentHash {
    pub(crate) algo: String,
    pub(crate) value: String,
}

impl std::fmt::Display for ContentHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.algo, self.value)
    }
}

impl Image {
    /// The name, or `""` for an image without one.
    pub(crate) fn name(&self) -> &str {
        self.name.as_deref().unwrap_or_default()
    }

    /// A custom property's text, if it has one.
    pub(crate) fn property(&self, key: &str) -> Option<&str> {
        self.rest.get(key).and_then(Value::as_str)
    }

    /// The content hash in the strongest algorithm Glance reports.
    pub(crate) fn hash(&self) -> Option<ContentHash> {
        match (&self.os_hash_algo, &self.os_hash_value) {
            (Some(algo), Some(value)) if !algo.is_empty() && !value.is_empty() => {
                Some(ContentHash {
                    algo: algo.clone(),
                    value: value.clone(),
                })
            }
            _ => self.md5(),
        }
    }

    /// The MD5 `checksum`, which every Glance reports.
    pub(crate) fn md5(&self) -> Option<ContentHash> {
        let value = self.checksum.as_ref().filter(|c| !c.is_empty())?;
        Some(ContentHash {
            algo: "md5".to_string(),
            value: value.clone(),
        })
    }

    /// Whether this image holds `hash`'s content, in its algorithm (or by
    /// MD5 where Glance reports only that).
    pub(crate) fn holds(&self, hash: &ContentHash) -> bool {
        if self.os_hash_algo.as_deref() == Some(hash.algo.as_str()) {
            return self.os_hash_value.as_deref() == Some(hash.value.as_str());
        }
        hash.algo == "md5" && self.checksum.as_deref() == Some(hash.value.as_str())
    }

    /// What a copy of this image is created with: every attribute a user
    /// may set (name, formats, sizes, tags, protected, custom properties),
    /// without what Glance sets or keeps for itself.
    pub(crate) fn copyable(&self) -> Map<String, Value> {
        let mut out = Map::new();
        out.insert("name".into(), json!(self.name));
        out.insert("protected".into(), json!(self.protected));
        for (key, value) in &self.rest {
            let reserved = NOT_COPIED.contains(&key.as_str())
                || key.starts_with("os_hash")
                || key.starts_with("os_glance")
                || key.starts_with("osprey_");
            if !reserved && !value.is_null() {
                out.insert(key.clone(), value.clone());
            }
        }
        out
    }
}

impl SiteClient {
    /// Glance's usage of its unified-limit resources (`/v2/info/usage`), for
    /// the token's own project.
    pub(crate) async fn image_usage(&self) -> anyhow::Result<Vec<(String, i64)>> {
        let usage = self.call(&USAGE, &[], &[], None).await?;
        let mut out: Vec<(String, i64)> = usage
            .as_object()
            .map(|m| {
                m.iter()
                    .filter_map(|(k, u)| Some((k.clone(), u.get("usage")?.as_i64()?)))
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        Ok(out)
    }

    /// Every image the token's project may use: its own, public, shared
    /// with it and community ones (`visibility=all`).
    pub(crate) async fn images(&self) -> anyhow::Result<Vec<Image>> {
        self.list(&LIST, &[], &[("visibility", "all")]).await
    }

    /// One image, or `None` when there is no such image (or it is not
    /// visible to the project).
    pub(crate) async fn image(&self, id: &str) -> anyhow::Result<Option<Image>> {
        match self.call(&SHOW, &[id], &[], None).await {
            Ok(v) => Ok(Some(serde_json::from_value(v)?)),
            Err(e) if has_status(&e, 404) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The import methods this Glance offers (`/v2/info/import`); none
    /// from a Glance older than the import API (2.6), which has no such
    /// document.
    pub(crate) async fn import_methods(&self) -> anyhow::Result<Vec<String>> {
        let methods = match self.call(&IMPORT_METHODS, &[], &[], None).await {
            Err(e) if has_status(&e, 404) => return Ok(Vec::new()),
            other => other?,
        };
        Ok(methods
            .get("value")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|m| m.as_str().map(str::to_string))
            .collect())
    }

    /// Creates an image record (`queued`, no data yet).
    pub(crate) async fn create_image(&self, body: Map<String, Value>) -> anyhow::Result<Image> {
        let made = self
            .call(&CREATE, &[], &[], Some(Value::Object(body)))
            .await?;
        Ok(serde_json::from_value(made)?)
    }

    /// Changes an image's attributes with a JSON patch: each key set to
    /// its value (`add` sets an existing one too), or removed for `null`.
    pub(crate) async fn set_image(
        &self,
        id: &str,
        values: &[(&str, Value)],
    ) -> anyhow::Result<Image> {
        let patch: Vec<Value> = values
            .iter()
            .map(|(k, v)| match v {
                Value::Null => json!({"op": "remove", "path": format!("/{k}")}),
                v => json!({"op": "add", "path": format!("/{k}"), "value": v}),
            })
            .collect();
        let changed = self.call(&UPDATE, &[id], &[], Some(json!(patch))).await?;
        Ok(serde_json::from_value(changed)?)
    }

    /// Deletes an image; one already gone counts as deleted.
    pub(crate) async fn delete_image(&self, id: &str) -> anyhow::Result<()> {
        self.delete(&DELETE, &[id]).await
    }

    /// Asks this Glance to fetch an image's data from another region of
    /// its own Keystone (`glance-download`); it answers at once and
    /// imports in the background.
    pub(crate) async fn import_from_region(
        &self,
        id: &str,
        source_id: &str,
        source_region: &str,
        interface: &str,
    ) -> anyhow::Result<()> {
        let body = json!({"method": {
            "name": GLANCE_DOWNLOAD,
            "glance_image_id": source_id,
            "glance_region": source_region,
            "glance_service_interface": interface,
        }});
        self.call(&IMPORT, &[id], &[], Some(body)).await?;
        Ok(())
    }

    /// The tasks Glance ran on an image; none from a Glance older than
    /// Images API 2.12, or whose policy does not show them.
    pub(crate) async fn image_tasks(&self, id: &str) -> anyhow::Result<Vec<ImageTask>> {
        match self.call(&TASKS, &[id], &[], None).await {
            Ok(v) => Ok(serde_json::from_value(v)?),
            Err(e) if has_status(&e, 404) || has_status(&e, 403) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }

    /// An image's data, as it arrives.
    pub(crate) async fn download_image(&self, id: &str) -> anyhow::Result<BodyStream> {
        let resp = self.stream(&DOWNLOAD, &[id], None).await?;
        if resp.status.as_u16() == 204 {
            anyhow::bail!("image {id} has no data");
        }
        Ok(resp.body)
    }

    /// Uploads an image's data from a stream.
    pub(crate) async fn upload_image(&self, id: &str, data: Upload) -> anyhow::Result<()> {
        self.stream(&UPLOAD, &[id], Some(data)).await?;
        Ok(())
    }

    /// The interface this site reaches Glance by (what a `glance-download`
    /// import tells the target to use at the source).
    pub(crate) fn image_interface(&self) -> &str {
        let interface = self.interface_for(Service::Image);
        interface.strip_suffix("URL").unwrap_or(interface)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(v: Value) -> Image {
        serde_json::from_value(v).unwrap()
    }

    fn hash(text: &str) -> ContentHash {
        let (algo, value) = text.split_once(':').unwrap();
        ContentHash {
            algo: algo.into(),
            value: value.into(),
        }
    }

    #[test]
    fn the_hash_is_the_multihash_else_the_md5_checksum() {
        let new = image(json!({"id": "a", "status": "active", "checksum": "c",
            "os_hash_algo": "sha512", "os_hash_value": "v"}));
        assert_eq!(new.hash().unwrap().to_string(), "sha512:v");
        assert!(new.holds(&hash("sha512:v")));
        assert!(!new.holds(&hash("sha512:w")));
        assert!(!new.holds(&hash("sha256:v")));
        let old = image(json!({"id": "b", "status": "active", "checksum": "c",
            "os_hash_algo": null, "os_hash_value": null}));
        assert_eq!(old.hash().unwrap().to_string(), "md5:c");
        assert!(old.holds(&hash("md5:c")));
        let empty = image(json!({"id": "c", "status": "queued"}));
        assert_eq!(empty.hash(), None);
    }

    #[test]
    fn a_copy_carries_what_a_user_may_set_and_nothing_glance_keeps() {
        let src = image(json!({
            "id": "a", "name": "ubuntu", "status": "active", "size": 3,
            "virtual_size": 3, "checksum": "c", "os_hash_algo": "sha512",
            "os_hash_value": "v", "owner": "p", "visibility": "public",
            "disk_format": "qcow2", "container_format": "bare", "min_disk": 1,
            "min_ram": 2, "protected": true, "tags": ["t"], "os_hidden": false,
            "created_at": "x", "updated_at": "y", "self": "/v2/images/a",
            "file": "/v2/images/a/file", "schema": "/v2/schemas/image",
            "stores": "local", "direct_url": "file:///a", "locations": [],
            "os_glance_failed_import": "", "os_glance_importing_to_stores": "",
            "osprey_run": "r", "osprey_source": "c/r/a", "hw_disk_bus": "scsi",
            "kernel_id": null
        }));
        let copy = src.copyable();
        let mut keys: Vec<&str> = copy.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "container_format",
                "disk_format",
                "hw_disk_bus",
                "min_disk",
                "min_ram",
                "name",
                "protected",
                "tags"
            ]
        );
    }
}
