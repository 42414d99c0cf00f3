//! Nova flavors: every flavor a site has (with extra specs), its access
//! list, the servers built from it, and the admin's writes (create with
//! extra specs and access, delete).

use super::{Endpoint, Service, SiteClient, parse_version};
use crate::error::add_hint;
use crate::http::has_status;
use reqwest::Method;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// Flavors are read at 2.75: it has `description` (2.55) and `extra_specs`
/// (2.61) inline, `swap` as a number (2.75), and still `rxtx_factor`
/// (gone from 2.102). An older Nova answers at its maximum, and the
/// parsing below fills in what it leaves out.
const READ_VERSION: (u32, u32) = (2, 75);
/// The first microversion whose create takes a `description`.
const DESCRIPTION_VERSION: (u32, u32) = (2, 55);

const FLAVORS: Endpoint = Endpoint::list(Service::Compute, "flavors/detail", "flavors")
    .microversion(READ_VERSION.0, READ_VERSION.1);
const EXTRA_SPECS: Endpoint =
    Endpoint::get(Service::Compute, "flavors/{}/os-extra_specs", "extra_specs");
const ACCESS: Endpoint = Endpoint::get(
    Service::Compute,
    "flavors/{}/os-flavor-access",
    "flavor_access",
);
/// Answers with the new flavor, whose id Nova may have made.
const CREATE: Endpoint = Endpoint::write(Service::Compute, Method::POST, "flavors")
    .answers("flavor")
    .microversion(READ_VERSION.0, READ_VERSION.1);
const DELETE: Endpoint = Endpoint::write(Service::Compute, Method::DELETE, "flavors/{}");
const SET_EXTRA_SPECS: Endpoint =
    Endpoint::write(Service::Compute, Method::POST, "flavors/{}/os-extra_specs");
const ACTION: Endpoint = Endpoint::write(Service::Compute, Method::POST, "flavors/{}/action");
/// Servers of every project: the brief list takes the same filters.
const SERVERS: Endpoint = Endpoint::list(Service::Compute, "servers", "servers");

/// A flavor as Nova shows it to the admin, normalised across microversions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct Flavor {
    pub(crate) id: String,
    pub(crate) name: String,
    #[serde(flatten)]
    pub(crate) size: Size,
    #[serde(default)]
    pub(crate) description: Option<String>,
    /// Inline from 2.61; read separately from an older Nova.
    #[serde(default)]
    pub(crate) extra_specs: Option<BTreeMap<String, String>>,
}

/// What a flavor gives a server, but its extra specs: the values a flavor
/// is created with and compared by.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct Size {
    pub(crate) vcpus: u64,
    /// MiB.
    pub(crate) ram: u64,
    /// GiB.
    pub(crate) disk: u64,
    /// GiB.
    #[serde(rename = "OS-FLV-EXT-DATA:ephemeral", default)]
    pub(crate) ephemeral: u64,
    /// MiB; Nova shows no swap as `""` before 2.75, and that is 0.
    #[serde(deserialize_with = "swap")]
    pub(crate) swap: u64,
    /// Nova leaves it out at 2.102 and later; absent, it is Nova's default
    /// 1.0 (at the 2.75 osprey asks for, every Nova still shows it).
    #[serde(default = "one")]
    pub(crate) rxtx_factor: f64,
    #[serde(rename = "os-flavor-access:is_public", default = "yes")]
    pub(crate) is_public: bool,
}

fn one() -> f64 {
    1.0
}

fn yes() -> bool {
    true
}

fn swap<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    match Value::deserialize(d)? {
        Value::Number(n) => n
            .as_u64()
            .ok_or_else(|| serde::de::Error::custom(format!("swap {n} is not a size"))),
        Value::String(s) if s.is_empty() => Ok(0),
        Value::String(s) => s
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("swap '{s}' is not a size"))),
        Value::Null => Ok(0),
        other => Err(serde::de::Error::custom(format!(
            "swap {other} is not a size"
        ))),
    }
}

/// A flavor to create.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NewFlavor {
    /// `None`: Nova makes one (a UUID).
    pub(crate) id: Option<String>,
    pub(crate) name: String,
    pub(crate) size: Size,
    pub(crate) description: Option<String>,
    pub(crate) extra_specs: BTreeMap<String, String>,
}

impl NewFlavor {
    /// The create body; the description only where the Nova takes one.
    fn body(&self, with_description: bool) -> Value {
        let mut f = Map::new();
        f.insert("name".into(), json!(self.name));
        if let Some(id) = &self.id {
            f.insert("id".into(), json!(id));
        }
        let s = &self.size;
        f.insert("vcpus".into(), json!(s.vcpus));
        f.insert("ram".into(), json!(s.ram));
        f.insert("disk".into(), json!(s.disk));
        f.insert("OS-FLV-EXT-DATA:ephemeral".into(), json!(s.ephemeral));
        f.insert("swap".into(), json!(s.swap));
        f.insert("rxtx_factor".into(), json!(s.rxtx_factor));
        f.insert("os-flavor-access:is_public".into(), json!(s.is_public));
        if with_description && let Some(d) = &self.description {
            f.insert("description".into(), json!(d));
        }
        json!({ "flavor": f })
    }
}

#[derive(Debug, Deserialize)]
struct Access {
    tenant_id: String,
}

/// An error of an admin-only flavor call, a 403 said as such.
pub(crate) fn admin_only(err: anyhow::Error, what: String) -> anyhow::Error {
    if has_status(&err, 403) {
        return add_hint(
            err.context(format!("{what} needs the admin role")),
            "flavors are managed by admins: use a cloud entry whose credentials have the admin role"
                .to_string(),
        );
    }
    err.context(what)
}

impl SiteClient {
    /// Every flavor the credentials can see (an admin: public and private),
    /// each with its extra specs.
    pub(crate) async fn flavors(&self) -> anyhow::Result<Vec<Flavor>> {
        let mut flavors: Vec<Flavor> = self
            .list(&FLAVORS, &[], &[("is_public", "none")])
            .await
            .map_err(|e| e.context("listing flavors"))?;
        for f in &mut flavors {
            if f.extra_specs.is_none() {
                let specs = self
                    .call(&EXTRA_SPECS, &[&f.id], &[], None)
                    .await
                    .map_err(|e| {
                        e.context(format!("reading the extra specs of flavor {}", f.name))
                    })?;
                f.extra_specs = Some(serde_json::from_value(specs).map_err(|e| {
                    anyhow::anyhow!("flavor {}: unexpected extra specs: {e}", f.name)
                })?);
            }
        }
        Ok(flavors)
    }

    /// The project ids a private flavor is shared with (admin only).
    pub(crate) async fn flavor_access(&self, flavor: &Flavor) -> anyhow::Result<Vec<String>> {
        let what = format!("reading the access list of flavor {}", flavor.name);
        let v = self
            .call(&ACCESS, &[&flavor.id], &[], None)
            .await
            .map_err(|e| admin_only(e, what.clone()))?;
        let rows: Vec<Access> = serde_json::from_value(v)
            .map_err(|e| anyhow::anyhow!("{what}: unexpected answer: {e}"))?;
        let mut ids: Vec<String> = rows.into_iter().map(|a| a.tenant_id).collect();
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    /// How many servers of any project were built from a flavor (admin only).
    pub(crate) async fn servers_with_flavor(&self, flavor: &Flavor) -> anyhow::Result<usize> {
        let what = format!("listing the servers of flavor {}", flavor.name);
        let query = [("all_tenants", "1"), ("flavor", flavor.id.as_str())];
        let servers: Vec<serde::de::IgnoredAny> = self
            .list(&SERVERS, &[], &query)
            .await
            .map_err(|e| admin_only(e, what))?;
        Ok(servers.len())
    }

    /// Whether this site's Nova takes a flavor's description (2.55).
    pub(crate) async fn flavor_descriptions(&self) -> anyhow::Result<bool> {
        let found = self.endpoint(Service::Compute).await?;
        Ok(found
            .max_microversion
            .as_deref()
            .and_then(parse_version)
            .is_some_and(|v| v >= DESCRIPTION_VERSION))
    }

    /// Creates a flavor and returns its id; its extra specs and access
    /// are set with [`SiteClient::set_extra_specs`] and
    /// [`SiteClient::add_flavor_access`].
    pub(crate) async fn create_flavor(&self, new: &NewFlavor) -> anyhow::Result<String> {
        let with_description = new.description.is_some() && self.flavor_descriptions().await?;
        let v = self
            .call(&CREATE, &[], &[], Some(new.body(with_description)))
            .await?;
        v.get("id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| anyhow::anyhow!("creating flavor {}: the answer has no id", new.name))
    }

    pub(crate) async fn set_extra_specs(
        &self,
        id: &str,
        specs: &BTreeMap<String, String>,
    ) -> anyhow::Result<()> {
        let body = json!({ "extra_specs": specs });
        self.call(&SET_EXTRA_SPECS, &[id], &[], Some(body)).await?;
        Ok(())
    }

    pub(crate) async fn add_flavor_access(&self, id: &str, project_id: &str) -> anyhow::Result<()> {
        let body = json!({ "addTenantAccess": { "tenant": project_id } });
        self.call(&ACTION, &[id], &[], Some(body)).await?;
        Ok(())
    }

    pub(crate) async fn delete_flavor(&self, id: &str) -> anyhow::Result<()> {
        self.delete(&DELETE, &[id]).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_real_flavor_list() {
        // The minicloud's answer (nova 34, 2.75), links left out.
        let v = json!({"flavors": [{"id": "5f759a5b-262e-4770-a20a-8b8a23164df9",
            "name": "mc-fl-52fd6a", "ram": 512, "disk": 1, "swap": 0,
            "OS-FLV-EXT-DATA:ephemeral": 0, "OS-FLV-DISABLED:disabled": false, "vcpus": 1,
            "os-flavor-access:is_public": true, "rxtx_factor": 1.0, "links": [],
            "description": null, "extra_specs": {}}]});
        let flavors: Vec<Flavor> = serde_json::from_value(FLAVORS.unwrap(v).unwrap()).unwrap();
        let f = &flavors[0];
        let s = &f.size;
        assert_eq!((s.vcpus, s.ram, s.disk, s.swap), (1, 512, 1, 0));
        assert_eq!(s.rxtx_factor, 1.0);
        assert!(s.is_public);
        assert_eq!(f.extra_specs, Some(BTreeMap::new()));
    }

    #[test]
    fn older_and_newer_shapes_normalise() {
        // Before 2.75 no swap is ""; from 2.102 rxtx_factor is gone; before
        // 2.61 extra specs are not inline.
        let old: Flavor = serde_json::from_value(json!({"id": "1", "name": "m1", "vcpus": 1,
            "ram": 512, "disk": 1, "swap": "", "rxtx_factor": 1.0,
            "os-flavor-access:is_public": false}))
        .unwrap();
        assert_eq!(old.size.swap, 0);
        assert!(!old.size.is_public);
        assert_eq!(old.extra_specs, None);
        let new: Flavor = serde_json::from_value(json!({"id": "1", "name": "m1", "vcpus": 1,
            "ram": 512, "disk": 1, "swap": 0, "OS-FLV-EXT-DATA:ephemeral": 0,
            "os-flavor-access:is_public": true, "extra_specs": {"a": "b"}}))
        .unwrap();
        assert_eq!(new.size.rxtx_factor, 1.0);
        assert!(
            serde_json::from_value::<Flavor>(json!({"id": "1", "name": "m1", "vcpus": 1,
            "ram": 512, "disk": 1, "swap": "lots"}))
            .is_err()
        );
    }

    #[test]
    fn the_description_is_sent_only_where_nova_takes_it() {
        let new = NewFlavor {
            id: Some("42".into()),
            name: "m1".into(),
            size: Size {
                vcpus: 2,
                ram: 1024,
                disk: 10,
                ephemeral: 0,
                swap: 0,
                rxtx_factor: 1.0,
                is_public: false,
            },
            description: Some("small".into()),
            extra_specs: BTreeMap::new(),
        };
        assert_eq!(new.body(true)["flavor"]["description"], "small");
        assert!(new.body(false)["flavor"].get("description").is_none());
        assert_eq!(new.body(true)["flavor"]["id"], "42");
        assert_eq!(
            new.body(true)["flavor"]["os-flavor-access:is_public"],
            false
        );
    }
}
