//! Nova keypairs: list, show, import, delete, always with the caller's own
//! credentials (a key belongs to the user whose token imports it).

use super::{Endpoint, Service, SiteClient};
use crate::error::hinted;
use crate::http::has_status;
use reqwest::Method;
use serde::Deserialize;
use serde_json::json;

// Every keypair call goes at the highest microversion the site's Nova
// offers up to 2.92, the first that takes `@` and `.` in a name (what
// openstackclient makes today). On the way: 2.2 adds `type`, 2.10
// `user_id` (never sent: a key is always the caller's own), 2.35 pages
// the list by name, and 2.92 requires `public_key` on import (never
// missing here: osprey only imports keys, it never has Nova make one).
const LIST: Endpoint =
    Endpoint::list(Service::Compute, "os-keypairs", "keypairs").microversion(2, 92);
const SHOW: Endpoint =
    Endpoint::get(Service::Compute, "os-keypairs/{}", "keypair").microversion(2, 92);
const IMPORT: Endpoint = Endpoint::write(Service::Compute, Method::POST, "os-keypairs")
    .answers("keypair")
    .microversion(2, 92);
const DELETE: Endpoint =
    Endpoint::write(Service::Compute, Method::DELETE, "os-keypairs/{}").microversion(2, 92);

/// The first microversion whose import takes a key's `type`.
const TYPED: (u32, u32) = (2, 2);
/// What Nova speaks without a microversion header.
const BASE: (u32, u32) = (2, 1);

/// A keypair as Nova shows it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub(crate) struct Keypair {
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) public_key: String,
    pub(crate) fingerprint: String,
    /// `ssh` or `x509`; absent before 2.2, where every key is `ssh`.
    #[serde(default = "ssh", rename = "type")]
    pub(crate) key_type: String,
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
    pub(crate) async fn keypairs(&self) -> anyhow::Result<Vec<Keypair>> {
        let listed: Vec<Listed> = self.list(&LIST, &[], &[]).await?;
        Ok(listed.into_iter().map(|l| l.keypair).collect())
    }

    /// The caller's keypair `name`, or `None` when there is none.
    pub(crate) async fn keypair(&self, name: &str) -> anyhow::Result<Option<Keypair>> {
        match self.call(&SHOW, &[name], &[], None).await {
            Ok(v) => Ok(Some(serde_json::from_value(v)?)),
            Err(e) if has_status(&e, 404) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The microversion this site's Nova imports keypairs at: the rules
    /// a new key's name must meet here.
    pub(crate) async fn keypair_microversion(&self) -> anyhow::Result<(u32, u32)> {
        Ok(self.microversion(&IMPORT).await?.unwrap_or(BASE))
    }

    /// Imports a public key as the caller's keypair `name`.
    pub(crate) async fn import_keypair(
        &self,
        name: &str,
        key_type: &str,
        public_key: &str,
    ) -> anyhow::Result<Keypair> {
        let mut keypair = json!({"name": name, "public_key": public_key});
        // Before 2.2 the schema refuses `type`: every key is `ssh` there.
        if self.keypair_microversion().await? >= TYPED {
            keypair["type"] = json!(key_type);
        } else if key_type != "ssh" {
            return Err(hinted(
                format!(
                    "keypair {name}: nova here takes no {key_type} key (it needs microversion 2.2)"
                ),
                "import an ssh key, or use a site whose nova is newer",
            ));
        }
        let body = json!({ "keypair": keypair });
        let created = self.call(&IMPORT, &[], &[], Some(body)).await?;
        Ok(serde_json::from_value(created)?)
    }

    pub(crate) async fn delete_keypair(&self, name: &str) -> anyhow::Result<()> {
        self.delete(&DELETE, &[name]).await
    }
}
