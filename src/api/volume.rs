//! Cinder volumes as the resource views read them: the detailed list
//! (every page) and one volume by id.

use super::{Endpoint, Service, SiteClient};
use serde::Deserialize;
use serde_json::Value;

const VOLUMES: Endpoint = Endpoint::list(Service::Volume, "volumes/detail", "volumes");

/// A volume as the detailed list shows it.
#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Volume {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) created_at: String,
    #[serde(default)]
    pub(crate) size: u64,
    #[serde(default)]
    pub(crate) volume_type: Option<String>,
    #[serde(default)]
    pub(crate) attachments: Vec<Attachment>,
    /// `"true"` or `"false"`: Cinder gives it as text.
    #[serde(default)]
    pub(crate) bootable: Value,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Attachment {
    #[serde(default)]
    pub(crate) server_id: String,
}

impl Volume {
    pub(crate) fn bootable(&self) -> bool {
        match &self.bootable {
            Value::Bool(b) => *b,
            Value::String(s) => s.eq_ignore_ascii_case("true"),
            _ => false,
        }
    }
}

impl SiteClient {
    /// The project's volumes, or with `all_projects` every project's
    /// (admin), every page read.
    pub(crate) async fn volumes(&self, all_projects: bool) -> anyhow::Result<Vec<Volume>> {
        let query: &[(&str, &str)] = if all_projects {
            &[("all_tenants", "1")]
        } else {
            &[]
        };
        self.list(&VOLUMES, &[], query).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bootable_is_read_from_text_or_a_boolean() {
        let v: Volume = serde_json::from_value(json!({"id": "v", "bootable": "true"})).unwrap();
        assert!(v.bootable());
        let v: Volume = serde_json::from_value(json!({"id": "v", "bootable": false})).unwrap();
        assert!(!v.bootable());
    }
}
