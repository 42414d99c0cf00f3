//! Nova servers as the resource views read them: the detailed list (every
//! page), one server by id, and servers by exact name.

use super::{Endpoint, Service, SiteClient};
use crate::http::has_status;
use serde::Deserialize;
use std::collections::BTreeMap;

// 2.47 shows a server's flavor as it was booted (`original_name`, sizes,
// extra specs) instead of a link to a flavor id that may be gone since; an
// older Nova answers at its maximum, and the flavor is then its id.
const SERVERS: Endpoint =
    Endpoint::list(Service::Compute, "servers/detail", "servers").microversion(2, 47);
const SERVER: Endpoint =
    Endpoint::get(Service::Compute, "servers/{}", "server").microversion(2, 47);

/// A server as the detailed list shows it.
#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Server {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) created: String,
    #[serde(default)]
    pub(crate) flavor: ServerFlavor,
    /// The image's id; `""` for a server booted from a volume (Nova's
    /// `image` is then `""`, else `{"id": …, "links": …}`).
    #[serde(default, rename = "image", deserialize_with = "image_id")]
    pub(crate) image: String,
    #[serde(default)]
    pub(crate) addresses: BTreeMap<String, Vec<Address>>,
    /// Shown to the admin only.
    #[serde(default, rename = "OS-EXT-SRV-ATTR:host")]
    pub(crate) host: Option<String>,
    #[serde(default)]
    pub(crate) fault: Option<Fault>,
}

/// A server's flavor: from 2.47 its `original_name`, before its `id`.
#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct ServerFlavor {
    #[serde(default)]
    pub(crate) original_name: Option<String>,
    #[serde(default)]
    pub(crate) id: Option<String>,
}

impl ServerFlavor {
    /// The flavor's name where Nova gives it, else its id.
    pub(crate) fn shown(&self) -> String {
        self.original_name
            .clone()
            .or_else(|| self.id.clone())
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Address {
    #[serde(default)]
    pub(crate) addr: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Fault {
    #[serde(default)]
    pub(crate) code: Option<i64>,
    #[serde(default)]
    pub(crate) message: String,
}

impl Server {
    /// The image's id; `None` for a server booted from a volume.
    pub(crate) fn image_id(&self) -> Option<&str> {
        Some(self.image.as_str()).filter(|id| !id.is_empty())
    }
}

/// The id of Nova's `image` (`""` or `{"id": …}`), without keeping its links.
fn image_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Image {
        Linked {
            #[serde(default)]
            id: String,
        },
        Other(serde::de::IgnoredAny),
    }
    Ok(match Image::deserialize(d)? {
        Image::Linked { id } => id,
        Image::Other(_) => String::new(),
    })
}

/// Which servers a list returns.
#[derive(Debug, Clone, Default)]
pub(crate) struct ServerFilter<'a> {
    /// Every project's (admin), not only the token's.
    pub(crate) all_projects: bool,
    pub(crate) status: Option<&'a str>,
    /// Exactly this name.
    pub(crate) name: Option<&'a str>,
}

impl SiteClient {
    /// The servers the filter asks for, every page read.
    pub(crate) async fn servers(&self, filter: &ServerFilter<'_>) -> anyhow::Result<Vec<Server>> {
        let status = filter.status.map(str::to_ascii_uppercase);
        // Nova takes `name` as a regular expression: an exact name is the
        // name escaped and anchored.
        let name = filter.name.map(|n| format!("^{}$", regex_escape(n)));
        let mut query = Vec::new();
        if filter.all_projects {
            query.push(("all_tenants", "1"));
        }
        if let Some(s) = &status {
            query.push(("status", s.as_str()));
        }
        if let Some(n) = &name {
            query.push(("name", n.as_str()));
        }
        let mut servers: Vec<Server> = self.list(&SERVERS, &[], &query).await?;
        if let Some(n) = filter.name {
            servers.retain(|s| s.name == n);
        }
        Ok(servers)
    }

    /// One server by id; `None` when there is none (or it is not the
    /// project's).
    pub(crate) async fn server(&self, id: &str) -> anyhow::Result<Option<Server>> {
        match self.call(&SERVER, &[id], &[], None).await {
            Ok(v) => Ok(Some(serde_json::from_value(v)?)),
            Err(e) if has_status(&e, 404) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// `text` with every character a regular expression gives a meaning to
/// escaped.
pub(crate) fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_exact_name_is_escaped_for_novas_regex() {
        assert_eq!(regex_escape("web.1 (a)"), r"web\.1 \(a\)");
        assert_eq!(regex_escape("plain"), "plain");
    }

    #[test]
    fn the_flavor_is_its_name_from_2_47_else_its_id() {
        let new: Server = serde_json::from_value(
            json!({"id": "s", "flavor": {"original_name": "m1.small", "vcpus": 1}, "image": ""}),
        )
        .unwrap();
        assert_eq!(new.flavor.shown(), "m1.small");
        assert_eq!(new.image_id(), None);
        let old: Server = serde_json::from_value(
            json!({"id": "s", "flavor": {"id": "42", "links": []}, "image": {"id": "i1"}}),
        )
        .unwrap();
        assert_eq!(old.flavor.shown(), "42");
        assert_eq!(old.image_id(), Some("i1"));
    }
}
