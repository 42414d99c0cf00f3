//! Nova keypairs: list, show, import, delete, always with the caller's own
//! credentials (a key belongs to the user whose token imports it).

use super::{Endpoint, Paging, Service, SiteClient};
use crate::http::has_status;
use reqwest::Method;
use serde::Deserialize;
use serde_json::json;

/// 2.35 pages the list by name; 2.2 is the first with `type`.
const LIST: Endpoint =
    Endpoint::list(Service::Compute, "os-keypairs", "keypairs", Paging::Links).microversion(2, 35);
const SHOW: Endpoint =
    Endpoint::get(Service::Compute, "os-keypairs/{}", "keypair").microversion(2, 2);
const IMPORT: Endpoint = Endpoint::write(Service::Compute, Method::POST, "os-keypairs")
    .answers("keypair")
    .microversion(2, 2);
const DELETE: Endpoint =
    Endpoint::write(Service::Compute, Method::DELETE, "os-keypairs/{}").microversion(2, 2);

/// A keypair as Nova shows it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Keypair {
    pub name: String,
    #[serde(default)]
    pub public_key: String,
    pub fingerprint: String,
    /// `ssh` or `x509`; absent before 2.2, where every key is `ssh`.
    #[serde(default = "ssh", rename = "type")]
    pub key_type: String,
}

fn ssh() -> String {
    "ssh".to_string()
}

/// Each item of the list is wrapped in its own `keypair` key.
#[derive(Deserialize)]
struct Listed {
    keypair: Keypair,
}

impl SiteClient {
    /// The caller's keypairs.
    pub async fn keypairs(&self) -> anyhow::Result<Vec<Keypair>> {
        let listed: Vec<Listed> = self.list(&LIST, &[], &[]).await?;
        Ok(listed.into_iter().map(|l| l.keypair).collect())
    }

    /// The caller's keypair `name`, or `None` when there is none.
    pub async fn keypair(&self, name: &str) -> anyhow::Result<Option<Keypair>> {
        match self.call(&SHOW, &[name], &[], None).await {
            Ok(v) => Ok(Some(serde_json::from_value(v)?)),
            Err(e) if has_status(&e, 404) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Imports a public key as the caller's keypair `name`.
    pub async fn import_keypair(
        &self,
        name: &str,
        key_type: &str,
        public_key: &str,
    ) -> anyhow::Result<Keypair> {
        let body = json!({"keypair": {"name": name, "type": key_type, "public_key": public_key}});
        let created = self.call(&IMPORT, &[], &[], Some(body)).await?;
        Ok(serde_json::from_value(created)?)
    }

    pub async fn delete_keypair(&self, name: &str) -> anyhow::Result<()> {
        self.delete(&DELETE, &[name]).await
    }
}
