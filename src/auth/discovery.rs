//! Version discovery: the versioned base URL of a service from its version
//! document, and the maximum microversion it offers.

use super::catalog::Service;
use crate::error::{hinted, redact_url};
use crate::http::{Http, Request, TlsIdentity, Via};
use reqwest::Method;
use serde_json::Value;
use std::time::Duration;

/// A service endpoint after discovery.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Discovered {
    /// The versioned URL that API paths are joined to, without a trailing slash.
    pub(crate) base: String,
    /// The API version id (`v2.1`, `v2.0`, `v3.0`).
    pub(crate) version: Option<String>,
    /// The highest microversion (`2.96`), where the service has them.
    pub(crate) max_microversion: Option<String>,
    /// The version's status as the document gives it (`CURRENT`,
    /// `SUPPORTED`, `DEPRECATED`), upper-case.
    #[serde(default)]
    pub(crate) status: Option<String>,
}

/// The major API version osprey speaks for each service.
fn wanted_major(service: Service) -> u32 {
    match service {
        Service::Identity => 3,
        Service::Compute => 2,
        Service::Network => 2,
        Service::Image => 2,
        Service::Volume => 3,
        Service::Placement => 1,
    }
}

/// The versioned base a catalog URL implies without asking the service: a
/// versioned URL (`…/v2.1`, `…/v3/<project>`) as it is, an unversioned one
/// with the only major version osprey speaks (Neutron `v2.0`, Glance `v2`).
/// A call that gets 404 there falls back to [`discover`].
pub(crate) fn implied_base(service: Service, catalog_url: &str) -> String {
    let url = catalog_url.trim_end_matches('/');
    if version_segment(url).is_some() {
        return url.to_string();
    }
    let segment = match service {
        Service::Identity => "v3",
        Service::Compute => "v2.1",
        Service::Network => "v2.0",
        Service::Image => "v2",
        Service::Volume => "v3",
        Service::Placement => return url.to_string(),
    };
    format!("{url}/{segment}")
}

/// The index of the path segment that names a version (`v2.1`, `v3`), if any.
fn version_segment(url: &str) -> Option<(String, String)> {
    let (scheme_host, path) = match url.find("://") {
        Some(i) => match url[i + 3..].find('/') {
            Some(j) => url.split_at(i + 3 + j),
            None => (url, ""),
        },
        None => ("", url),
    };
    let mut prefix = scheme_host.to_string();
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        prefix.push('/');
        prefix.push_str(seg);
        if is_version(seg) {
            return Some((prefix, seg.to_string()));
        }
    }
    None
}

fn is_version(seg: &str) -> bool {
    let Some(rest) = seg.strip_prefix('v') else {
        return false;
    };
    !rest.is_empty()
        && rest
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn major(id: &str) -> Option<u32> {
    id.trim_start_matches('v').split('.').next()?.parse().ok()
}

/// GETs the version document of `catalog_url` and works out the versioned base.
///
/// A versioned URL (`…/v2.1`, `…/v3/<project>`) is used as it is, and its
/// version document read for the microversion; an unversioned one
/// (`http://host:9292`) is resolved through the versions it lists.
pub(crate) async fn discover(
    http: &Http,
    via: Via<'_>,
    service: Service,
    catalog_url: &str,
    token: Option<&str>,
    timeout: Duration,
) -> anyhow::Result<Discovered> {
    let catalog_url = catalog_url.trim_end_matches('/');
    let (doc_url, versioned) = match version_segment(catalog_url) {
        Some((prefix, _)) => (format!("{prefix}/"), true),
        None => (format!("{catalog_url}/"), false),
    };
    let mut req = Request::new(Method::GET, &doc_url, timeout).header("accept", "application/json");
    if let Some(t) = token {
        req = req.header("x-auth-token", t);
    }
    let resp = http.send_via(via, &req).await?.ok()?;
    let doc: Value = resp.json()?;
    let entries = version_entries(&doc);
    let want = wanted_major(service);
    let chosen = pick(&entries, want);
    if versioned {
        let seg = version_segment(catalog_url).map(|(_, s)| s);
        let entry: Option<&Value> = seg
            .as_deref()
            .and_then(|s| {
                entries
                    .iter()
                    .copied()
                    .find(|e| id_of(e).is_some_and(|id| same_version(id, s)))
            })
            .or(chosen);
        return Ok(Discovered {
            base: catalog_url.to_string(),
            version: entry.and_then(id_of).map(str::to_string).or(seg),
            max_microversion: entry.and_then(max_microversion),
            status: entry.and_then(status_of),
        });
    }
    let Some(entry) = chosen else {
        let offered: Vec<&str> = entries.iter().filter_map(|e| id_of(e)).collect();
        return Err(hinted(
            format!(
                "{service} at {} offers no v{want} API (it offers: {})",
                redact_url(catalog_url),
                if offered.is_empty() {
                    "nothing osprey can read".to_string()
                } else {
                    offered.join(", ")
                }
            ),
            format!(
                "set {}_endpoint_override in clouds.yaml to the v{want} URL",
                service.config_keys()[0]
            ),
        ));
    };
    let href = entry
        .get("links")
        .and_then(Value::as_array)
        .and_then(|links| {
            links
                .iter()
                .find(|l| l.get("rel").and_then(Value::as_str) == Some("self"))
        })
        .and_then(|l| l.get("href"))
        .and_then(Value::as_str)
        .unwrap_or("");
    Ok(Discovered {
        base: rebase(catalog_url, href),
        version: id_of(entry).map(str::to_string),
        max_microversion: max_microversion(entry),
        status: status_of(entry),
    })
}

fn status_of(entry: &Value) -> Option<String> {
    entry
        .get("status")
        .and_then(Value::as_str)
        .map(str::to_ascii_uppercase)
}

/// The self link joined onto the catalog URL: services behind a proxy often
/// advertise their internal host, so only the link's path is trusted.
fn rebase(catalog_url: &str, href: &str) -> String {
    if href.is_empty() {
        // Placement's version has an empty self link: the root is the API.
        return catalog_url.to_string();
    }
    let link_path = match href.find("://") {
        Some(i) => href[i + 3..]
            .find('/')
            .map(|j| &href[i + 3 + j..])
            .unwrap_or("/"),
        None => href,
    };
    let link_path = link_path.trim_end_matches('/');
    // The catalog may already carry a path prefix (`http://host/image`) the
    // service does not know about; keep it when the link lacks it.
    let (origin, cat_path) = match catalog_url.find("://") {
        Some(i) => match catalog_url[i + 3..].find('/') {
            Some(j) => catalog_url.split_at(i + 3 + j),
            None => (catalog_url, ""),
        },
        None => (catalog_url, ""),
    };
    if link_path.starts_with(cat_path) && !cat_path.is_empty() || cat_path.is_empty() {
        format!("{origin}{link_path}")
    } else {
        let last = link_path.rsplit('/').next().unwrap_or("");
        format!("{catalog_url}/{last}")
    }
}

fn version_entries(doc: &Value) -> Vec<&Value> {
    if let Some(v) = doc.get("version") {
        return vec![v];
    }
    match doc.get("versions") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(Value::Object(o)) => o
            .get("values")
            .and_then(Value::as_array)
            .map(|l| l.iter().collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn id_of(entry: &Value) -> Option<&str> {
    entry.get("id").and_then(Value::as_str)
}

fn same_version(id: &str, segment: &str) -> bool {
    let norm = |s: &str| s.trim_start_matches('v').trim_end_matches(".0").to_string();
    norm(id) == norm(segment) || major(id) == major(segment) && !segment.contains('.')
}

fn max_microversion(entry: &Value) -> Option<String> {
    ["version", "max_version"]
        .iter()
        .filter_map(|k| entry.get(*k).and_then(Value::as_str))
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// The entry of the wanted major version: CURRENT first, then the highest.
fn pick<'a>(entries: &[&'a Value], want: u32) -> Option<&'a Value> {
    let status = |e: &Value| {
        e.get("status")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_ascii_uppercase()
    };
    let matching: Vec<&'a Value> = entries
        .iter()
        .copied()
        .filter(|e| id_of(e).and_then(major) == Some(want))
        .filter(|e| status(e) != "DEPRECATED" || entries.len() == 1)
        .collect();
    matching
        .iter()
        .copied()
        .find(|e| matches!(status(e).as_str(), "CURRENT" | "STABLE"))
        .or_else(|| matching.last().copied())
}

/// The v3 URL of an unversioned Keystone `auth_url`.
pub(crate) async fn keystone_v3(
    http: &Http,
    tls: &TlsIdentity,
    auth_url: &str,
    timeout: Duration,
) -> anyhow::Result<Discovered> {
    let found = discover(
        http,
        Via::Shared(tls),
        Service::Identity,
        auth_url,
        None,
        timeout,
    )
    .await;
    match found {
        Ok(d) => Ok(d),
        Err(e) => Err(e.context(format!(
            "finding the Keystone v3 API at {}",
            redact_url(auth_url)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn version_segments() {
        assert_eq!(
            version_segment("http://h:8776/v3/abc"),
            Some(("http://h:8776/v3".into(), "v3".into()))
        );
        assert_eq!(
            version_segment("http://h/compute/v2.1"),
            Some(("http://h/compute/v2.1".into(), "v2.1".into()))
        );
        assert_eq!(version_segment("http://h:9292"), None);
        assert_eq!(version_segment("http://h/volume"), None);
    }

    #[test]
    fn picks_current_over_deprecated() {
        let doc = json!({"versions": [
            {"id": "v2.0", "status": "DEPRECATED", "version": "", "links": [{"rel": "self", "href": "http://h/v2/"}]},
            {"id": "v2.1", "status": "CURRENT", "version": "2.104", "links": [{"rel": "self", "href": "http://h/v2.1/"}]}
        ]});
        let entries = version_entries(&doc);
        let e = pick(&entries, 2).unwrap();
        assert_eq!(id_of(e), Some("v2.1"));
        assert_eq!(max_microversion(e).as_deref(), Some("2.104"));
        // `health` shows the status as the document gives it, upper-case.
        assert_eq!(status_of(e).as_deref(), Some("CURRENT"));
        assert_eq!(
            status_of(&json!({"status": "stable"})).as_deref(),
            Some("STABLE")
        );
        assert_eq!(status_of(&json!({})), None);
    }

    #[test]
    fn glance_300_document_resolves_to_v2() {
        let doc: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/glance_versions.json"))
                .unwrap();
        let entries = version_entries(&doc);
        let e = pick(&entries, 2).unwrap();
        assert_eq!(id_of(e), Some("v2.17"));
    }

    #[test]
    fn rebase_keeps_the_catalog_host_and_prefix() {
        assert_eq!(
            rebase("http://pub:9292", "http://internal:9292/v2/"),
            "http://pub:9292/v2"
        );
        assert_eq!(
            rebase("http://pub/image", "http://pub/image/v2/"),
            "http://pub/image/v2"
        );
        assert_eq!(
            rebase("http://pub/image", "http://internal:9292/v2/"),
            "http://pub/image/v2"
        );
        assert_eq!(rebase("http://pub:8778", ""), "http://pub:8778");
    }
}
