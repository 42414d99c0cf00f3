//! An API call described as data (service, method, path, envelope,
//! microversion, pagination), and the one place that builds its URL and
//! follows its pages in each API's style.

use super::Service;
use reqwest::Method;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::marker::PhantomData;

/// How a list endpoint pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Paging {
    /// One response holds everything.
    None,
    /// Keystone: `{"links": {"next": URL|null}}`.
    Keystone,
    /// Nova, Neutron and Cinder: `{"<key>_links": [{"rel": "next", "href": URL}]}`.
    Links,
    /// Glance: `{"next": "/v2/images?marker=…"}`, relative to the service root.
    Glance,
}

/// One API call.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub(crate) service: Service,
    pub(crate) method: Method,
    /// Relative to the versioned base; each `{}` takes one argument, escaped.
    pub path: &'static str,
    /// The key the response wraps its payload in (`quota_set`, `projects`).
    pub(crate) envelope: Option<&'static str>,
    /// The microversion the call is written for; older services get their
    /// maximum instead.
    pub(crate) microversion: Option<(u32, u32)>,
    pub(crate) paging: Paging,
    /// A write that sets a state (a PUT, or a PATCH of values), so sending
    /// it again after its answer was lost is safe.
    pub(crate) repeatable: bool,
    /// The body's media type when it is not plain JSON (Glance's JSON
    /// patch, image data).
    pub(crate) content_type: Option<&'static str>,
}

impl Endpoint {
    pub const fn get(service: Service, path: &'static str, envelope: &'static str) -> Self {
        Self::read(service, path, envelope, Paging::None)
    }

    /// A read whose answer is the payload itself (Glance's image).
    pub(crate) const fn get_bare(service: Service, path: &'static str) -> Self {
        Self::write(service, Method::GET, path)
    }

    /// A list, paged as its service pages every list.
    pub const fn list(service: Service, path: &'static str, envelope: &'static str) -> Self {
        let paging = match service {
            Service::Identity => Paging::Keystone,
            Service::Image => Paging::Glance,
            _ => Paging::Links,
        };
        Self::read(service, path, envelope, paging)
    }

    pub(super) const fn read(
        service: Service,
        path: &'static str,
        envelope: &'static str,
        paging: Paging,
    ) -> Self {
        Endpoint {
            service,
            method: Method::GET,
            path,
            envelope: Some(envelope),
            microversion: None,
            paging,
            repeatable: false,
            content_type: None,
        }
    }

    /// A call that sends a body (or none) and reads no envelope.
    pub(crate) const fn write(service: Service, method: Method, path: &'static str) -> Self {
        let repeatable = matches!(method, Method::PUT);
        Endpoint {
            service,
            method,
            path,
            envelope: None,
            microversion: None,
            paging: Paging::None,
            repeatable,
            content_type: None,
        }
    }

    /// A write that sets a state, safe to send again after a lost answer.
    pub(crate) const fn repeatable(mut self) -> Self {
        self.repeatable = true;
        self
    }

    /// A write whose body is of this media type.
    pub(crate) const fn sends(mut self, content_type: &'static str) -> Self {
        self.content_type = Some(content_type);
        self
    }

    /// A write whose answer wraps what it made in `envelope`.
    pub(crate) const fn answers(mut self, envelope: &'static str) -> Self {
        self.envelope = Some(envelope);
        self
    }

    pub const fn microversion(mut self, major: u32, minor: u32) -> Self {
        self.microversion = Some((major, minor));
        self
    }

    /// The path with its arguments filled in (each escaped as one segment)
    /// and the query appended.
    pub(crate) fn path_with(
        &self,
        args: &[&str],
        query: &[(&str, &str)],
    ) -> anyhow::Result<String> {
        let mut out = String::new();
        let mut args = args.iter();
        let mut rest = self.path;
        while let Some(i) = rest.find("{}") {
            out.push_str(&rest[..i]);
            let arg = args.next().ok_or_else(|| {
                anyhow::anyhow!("{} {}: too few arguments", self.method, self.path)
            })?;
            out.push_str(&escape(arg, false));
            rest = &rest[i + 2..];
        }
        out.push_str(rest);
        if args.next().is_some() {
            anyhow::bail!("{} {}: too many arguments", self.method, self.path);
        }
        for (i, (k, v)) in query.iter().enumerate() {
            out.push(if i == 0 && !out.contains('?') {
                '?'
            } else {
                '&'
            });
            out.push_str(&escape(k, true));
            out.push('=');
            out.push_str(&escape(v, true));
        }
        Ok(out)
    }

    /// The payload of a response: the envelope's content, or an error that
    /// names the service and the key.
    pub(crate) fn unwrap(&self, mut body: Value) -> anyhow::Result<Value> {
        let Some(key) = self.envelope else {
            return Ok(body);
        };
        match body.get_mut(key).map(Value::take) {
            Some(v) if !v.is_null() => Ok(v),
            _ => anyhow::bail!(
                "{} {} {}: the response has no `{key}`",
                self.service,
                self.method,
                self.path
            ),
        }
    }

    /// The URL of the next page, if the response names one. `base` is the
    /// versioned URL the call went to.
    pub(crate) fn next_page(&self, body: &Value, base: &str) -> Option<String> {
        let next = match self.paging {
            Paging::None => None,
            Paging::Keystone => body
                .get("links")
                .and_then(|l| l.get("next"))
                .and_then(Value::as_str)
                .map(str::to_string),
            Paging::Links => {
                let key = format!("{}_links", self.envelope?);
                body.get(&key)
                    .and_then(Value::as_array)?
                    .iter()
                    .find(|l| l.get("rel").and_then(Value::as_str) == Some("next"))
                    .and_then(|l| l.get("href"))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            }
            Paging::Glance => body
                .get("next")
                .and_then(Value::as_str)
                .map(|n| glance_next(base, n)),
        }?;
        (!next.is_empty()).then_some(next)
    }
}

impl Endpoint {
    /// A list page's items read straight from its body as `T`s, beside
    /// the rest of the body (the links that name the next page), with no
    /// JSON tree of the items in between: a page of a thousand servers is
    /// several times its size as a tree, and sites read theirs at once.
    /// `None` when the body is not a page of `T`s under the envelope; the
    /// caller then reports why as for any answer.
    pub(crate) fn page<T: DeserializeOwned>(&self, body: &[u8]) -> Option<(Vec<T>, Value)> {
        let key = self.envelope?;
        let mut de = serde_json::Deserializer::from_slice(body);
        let (items, rest) = PageSeed::<T>(key, PhantomData).deserialize(&mut de).ok()?;
        de.end().ok()?;
        Some((items?, Value::Object(rest)))
    }
}

/// Reads a page: the envelope's items as `T`s, every other key as JSON.
struct PageSeed<'k, T>(&'k str, PhantomData<T>);

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for PageSeed<'_, T> {
    type Value = (Option<Vec<T>>, Map<String, Value>);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for PageSeed<'_, T> {
    type Value = (Option<Vec<T>>, Map<String, Value>);

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "an object with `{}`", self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut items, mut rest) = (None, Map::new());
        while let Some(key) = map.next_key::<String>()? {
            if key == self.0 {
                items = Some(map.next_value::<Vec<T>>()?);
            } else {
                rest.insert(key, map.next_value::<Value>()?);
            }
        }
        Ok((items, rest))
    }
}

/// Glance's `next` is a path from its root that starts with the version
/// (`/v2/images?marker=…`), while the base may sit under a prefix
/// (`http://host/image/v2`).
fn glance_next(base: &str, next: &str) -> String {
    if next.starts_with("http://") || next.starts_with("https://") {
        return next.to_string();
    }
    let base = base.trim_end_matches('/');
    let version = next
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    let root = base.strip_suffix(&format!("/{version}")).unwrap_or(base);
    format!("{root}/{}", next.trim_start_matches('/'))
}

/// Percent-encodes one path segment or query part (RFC 3986 unreserved
/// characters stay as they are).
pub(crate) fn escape(s: &str, query: bool) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b':' | b'@' if !query => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PROJECTS: Endpoint = Endpoint::list(Service::Identity, "projects", "projects");
    const KEYPAIRS: Endpoint = Endpoint::list(Service::Compute, "os-keypairs", "keypairs");
    const PORTS: Endpoint = Endpoint::list(Service::Network, "ports", "ports");
    const IMAGES: Endpoint = Endpoint::list(Service::Image, "images", "images");
    const VOLUMES: Endpoint = Endpoint::list(Service::Volume, "volumes/detail", "volumes");

    /// Three pages in an API's style: the next links a client must follow.
    fn walk(ep: &Endpoint, base: &str, pages: &[Value]) -> Vec<String> {
        pages.iter().filter_map(|p| ep.next_page(p, base)).collect()
    }

    #[test]
    fn keystone_pages_by_links_next() {
        let pages = [
            json!({"projects": [{"id": "a"}], "links": {"next": "http://k/v3/projects?marker=a", "self": "x"}}),
            json!({"projects": [{"id": "b"}], "links": {"next": "http://k/v3/projects?marker=b"}}),
            json!({"projects": [{"id": "c"}], "links": {"next": null}}),
        ];
        assert_eq!(
            walk(&PROJECTS, "http://k/v3", &pages),
            [
                "http://k/v3/projects?marker=a",
                "http://k/v3/projects?marker=b"
            ]
        );
    }

    #[test]
    fn nova_neutron_and_cinder_page_by_their_links_key() {
        for (ep, key) in [
            (KEYPAIRS, "keypairs"),
            (PORTS, "ports"),
            (VOLUMES, "volumes"),
        ] {
            let links = format!("{key}_links");
            let pages = [
                json!({key: [1], links.clone(): [{"rel": "next", "href": "http://h/p?marker=1"}]}),
                json!({key: [2], links.clone(): [{"rel": "previous", "href": "http://h/p"}, {"rel": "next", "href": "http://h/p?marker=2"}]}),
                json!({key: [3]}),
            ];
            assert_eq!(
                walk(&ep, "http://h", &pages),
                ["http://h/p?marker=1", "http://h/p?marker=2"],
                "{key}"
            );
        }
    }

    #[test]
    fn glance_next_is_relative_to_the_service_root() {
        let pages = [
            json!({"images": [1], "next": "/v2/images?marker=1", "first": "/v2/images"}),
            json!({"images": [2], "next": "/v2/images?marker=2"}),
            json!({"images": [3], "first": "/v2/images"}),
        ];
        assert_eq!(
            walk(&IMAGES, "http://h:9292/image/v2", &pages),
            [
                "http://h:9292/image/v2/images?marker=1",
                "http://h:9292/image/v2/images?marker=2"
            ]
        );
        assert_eq!(
            glance_next("http://h:9292/v2/", "/v2/images?marker=x"),
            "http://h:9292/v2/images?marker=x"
        );
    }

    #[test]
    fn a_page_is_read_into_its_items_and_its_links() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Item {
            id: String,
        }
        let body = br#"{"servers": [{"id": "a", "more": [1, 2]}, {"id": "b"}],
            "servers_links": [{"rel": "next", "href": "http://h/servers/detail?marker=b"}]}"#;
        let ep = Endpoint::list(Service::Compute, "servers/detail", "servers");
        let (items, rest) = ep.page::<Item>(body).unwrap();
        assert_eq!(items, [Item { id: "a".into() }, Item { id: "b".into() }]);
        assert_eq!(
            ep.next_page(&rest, "http://h").as_deref(),
            Some("http://h/servers/detail?marker=b")
        );
        let (_, rest) = IMAGES
            .page::<Item>(
                br#"{"first": "/v2/images", "images": [], "next": "/v2/images?marker=x"}"#,
            )
            .unwrap();
        assert_eq!(
            IMAGES.next_page(&rest, "http://g/v2").as_deref(),
            Some("http://g/v2/images?marker=x")
        );
        // Not a page of items: the caller reports it as it reports any answer.
        assert!(ep.page::<Item>(br#"{"servers": null}"#).is_none());
        assert!(ep.page::<Item>(br#"{"other": []}"#).is_none());
        assert!(
            ep.page::<Item>(br#"{"servers": [{"name": "x"}]}"#)
                .is_none()
        );
        assert!(ep.page::<Item>(br#"{"servers": []} trailing"#).is_none());
    }

    #[test]
    fn arguments_are_escaped_as_one_segment() {
        let ep = Endpoint::get(Service::Compute, "os-keypairs/{}", "keypair");
        assert_eq!(
            ep.path_with(&["a/b c"], &[("user_id", "x&y")]).unwrap(),
            "os-keypairs/a%2Fb%20c?user_id=x%26y"
        );
        assert!(ep.path_with(&[], &[]).is_err());
        assert!(ep.path_with(&["a", "b"], &[]).is_err());
    }

    #[test]
    fn a_missing_envelope_names_the_service_and_the_key() {
        let ep = Endpoint::get(Service::Compute, "os-quota-sets/{}", "quota_set");
        let err = ep.unwrap(json!({"quota": {}})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "compute GET os-quota-sets/{}: the response has no `quota_set`"
        );
        assert_eq!(
            ep.unwrap(json!({"quota_set": {"a": 1}})).unwrap(),
            json!({"a": 1})
        );
    }
}
