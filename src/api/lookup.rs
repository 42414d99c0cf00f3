//! Where a name or an id lives at a site: for each kind `find` looks in,
//! the call that reads one by id and the list filter that takes a name,
//! described as data.

use super::{Endpoint, Service, SiteClient};
use crate::http::has_status;
use serde::Deserialize;
use serde_json::Value;

/// A kind of resource `find` looks in.
pub(crate) struct Kind {
    pub(crate) name: &'static str,
    pub(crate) service: Service,
    /// Reads one by id (by name for keypairs).
    show: Endpoint,
    /// Lists by a filter; `None` where the show call takes the name.
    list: Option<Endpoint>,
    /// The list filter that takes a name.
    by_name: &'static str,
    /// Looked up by id; false for keypairs, whose key is their name.
    has_id: bool,
}

const fn kind(name: &'static str, show: Endpoint, list: Endpoint, by_name: &'static str) -> Kind {
    Kind {
        name,
        service: show.service,
        show,
        list: Some(list),
        by_name,
        has_id: true,
    }
}

/// Every kind `find` looks in, in the order its rows are shown.
pub(crate) static KINDS: [Kind; 10] = [
    kind(
        "server",
        Endpoint::get(Service::Compute, "servers/{}", "server"),
        Endpoint::list(Service::Compute, "servers/detail", "servers"),
        "name",
    ),
    kind(
        "volume",
        Endpoint::get(Service::Volume, "volumes/{}", "volume"),
        Endpoint::list(Service::Volume, "volumes/detail", "volumes"),
        "name",
    ),
    kind(
        "image",
        Endpoint::get_bare(Service::Image, "images/{}"),
        Endpoint::list(Service::Image, "images", "images"),
        "name",
    ),
    kind(
        "network",
        Endpoint::get(Service::Network, "networks/{}", "network"),
        Endpoint::list(Service::Network, "networks", "networks"),
        "name",
    ),
    kind(
        "subnet",
        Endpoint::get(Service::Network, "subnets/{}", "subnet"),
        Endpoint::list(Service::Network, "subnets", "subnets"),
        "name",
    ),
    kind(
        "port",
        Endpoint::get(Service::Network, "ports/{}", "port"),
        Endpoint::list(Service::Network, "ports", "ports"),
        "name",
    ),
    kind(
        "router",
        Endpoint::get(Service::Network, "routers/{}", "router"),
        Endpoint::list(Service::Network, "routers", "routers"),
        "name",
    ),
    kind(
        "floating_ip",
        Endpoint::get(Service::Network, "floatingips/{}", "floatingip"),
        Endpoint::list(Service::Network, "floatingips", "floatingips"),
        "floating_ip_address",
    ),
    kind(
        "security_group",
        Endpoint::get(Service::Network, "security-groups/{}", "security_group"),
        Endpoint::list(Service::Network, "security-groups", "security_groups"),
        "name",
    ),
    Kind {
        name: "keypair",
        service: Service::Compute,
        show: Endpoint::get(Service::Compute, "os-keypairs/{}", "keypair"),
        list: None,
        by_name: "",
        has_id: false,
    },
];

/// One resource found: what `find` shows of any kind.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct Found {
    /// Nova's keypairs have integer ids.
    #[serde(default, deserialize_with = "text")]
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) status: Option<String>,
    #[serde(default)]
    pub(crate) floating_ip_address: Option<String>,
}

/// A string, or a number as text.
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    })
}

impl Found {
    /// The name, or for a floating IP (which has none) its address.
    pub(crate) fn shown_name(&self) -> String {
        self.name
            .clone()
            .filter(|n| !n.is_empty())
            .or_else(|| self.floating_ip_address.clone())
            .unwrap_or_default()
    }
}

/// Whether `text` looks like a UUID (with or without dashes), the form of
/// every id `find` looks up directly.
pub(crate) fn looks_like_id(text: &str) -> bool {
    let hex: String = text.chars().filter(|c| *c != '-').collect();
    hex.len() == 32
        && hex.chars().all(|c| c.is_ascii_hexdigit())
        && (text.len() == 32 || text.len() == 36)
}

impl SiteClient {
    /// The resources of `kind` whose id (for an id-looking `key`) or name
    /// (or floating IP address) is `key`: one request.
    pub(crate) async fn look_up(&self, kind: &Kind, key: &str) -> anyhow::Result<Vec<Found>> {
        let by_show = if kind.has_id {
            looks_like_id(key)
        } else {
            true
        };
        if !kind.has_id && looks_like_id(key) {
            // An id is not a keypair's name (keypairs are known by name).
            return Ok(Vec::new());
        }
        if !by_show
            && kind.by_name == "floating_ip_address"
            && key.parse::<std::net::IpAddr>().is_err()
        {
            // A floating IP has no name: only an address can match.
            return Ok(Vec::new());
        }
        let found = match (&kind.list, by_show) {
            (_, true) | (None, _) => match self.call(&kind.show, &[key], &[], None).await {
                Ok(v) => vec![serde_json::from_value(v)?],
                Err(e) if has_status(&e, 404) => Vec::new(),
                Err(e) => return Err(e),
            },
            (Some(list), false) => {
                // Nova takes a name as a regular expression; the exact
                // match is kept below.
                let pattern;
                let value = if kind.service == Service::Compute {
                    pattern = format!("^{}$", super::server::regex_escape(key));
                    pattern.as_str()
                } else {
                    key
                };
                let query = [(kind.by_name, value)];
                let items: Vec<Value> = self.list(list, &[], &query).await?;
                items
                    .into_iter()
                    .map(serde_json::from_value::<Found>)
                    .collect::<Result<Vec<_>, _>>()?
            }
        };
        Ok(found
            .into_iter()
            .filter(|f| {
                f.id == key
                    || f.name.as_deref() == Some(key)
                    || f.floating_ip_address.as_deref() == Some(key)
                    || !kind.has_id
            })
            .map(|mut f| {
                if !kind.has_id {
                    f.id = f.name.clone().unwrap_or_default();
                }
                f
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_a_uuid_with_or_without_dashes() {
        assert!(looks_like_id("6f1c2d3e-0a1b-4c5d-8e9f-0123456789ab"));
        assert!(looks_like_id("6f1c2d3e0a1b4c5d8e9f0123456789ab"));
        assert!(!looks_like_id("web-1"));
        assert!(!looks_like_id("6f1c2d3e-0a1b-4c5d-8e9f-0123456789"));
    }

    #[test]
    fn a_floating_ip_is_named_by_its_address() {
        let f = Found {
            id: "f".into(),
            name: None,
            status: None,
            floating_ip_address: Some("172.24.4.10".into()),
        };
        assert_eq!(f.shown_name(), "172.24.4.10");
    }
}
