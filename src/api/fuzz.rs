//! Issue 7: the parsers of what services answer never panic, whatever the
//! answer: quota sets, envelopes and next-page links, Keystone tokens and
//! catalogs, error bodies and timestamps.

use super::endpoint::Paging;
use super::{Endpoint, Service};
use crate::auth::catalog::Catalog;
use crate::auth::keystone::{parse_rfc3339, parse_token};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Keys the parsers look for, so that generated documents reach deep.
const KEYS: &[&str] = &[
    "quota_set",
    "quota",
    "limit",
    "in_use",
    "used",
    "reserved",
    "links",
    "next",
    "rel",
    "href",
    "images",
    "networks_links",
    "networks",
    "token",
    "catalog",
    "endpoints",
    "interface",
    "url",
    "region",
    "region_id",
    "type",
    "id",
    "name",
    "project",
    "user",
    "roles",
    "expires_at",
    "methods",
    "error",
    "message",
    "NeutronError",
    "badRequest",
    "itemNotFound",
    "title",
    "description",
    "versions",
    "values",
    "version",
    "status",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(KEYS).prop_map(str::to_string),
        1 => "[a-z_]{0,8}",
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,24}".prop_map(Value::String),
        "20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:.]{0,15}[Z+-]?[0-9:]{0,5}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn quota_sets_and_envelopes(body in json()) {
        if let Some(set) = body.as_object() {
            let _ = super::quota::parse_usage(set, "in_use");
            let _ = super::quota::parse_usage(set, "used");
        }
        let ep = Endpoint::get(Service::Compute, "os-quota-sets/{}", "quota_set");
        let _ = ep.unwrap(body.clone());
        for paging in [Paging::Keystone, Paging::Links, Paging::Glance] {
            let ep = Endpoint::read(Service::Network, "networks", "networks", paging);
            let _ = ep.next_page(&body, "http://h/v2.0");
            let _ = ep.unwrap(body.clone());
        }
    }

    #[test]
    fn tokens_and_catalogs(body in json(), subject in proptest::option::of(".{0,16}")) {
        let _ = parse_token(subject.as_deref(), &body);
        if let Ok(catalog) = serde_json::from_value::<Catalog>(body.clone()) {
            let _ = catalog.regions();
            for service in Service::ALL {
                let _ = catalog.url(service, "RegionOne", "public");
            }
        }
    }

    #[test]
    fn error_bodies_and_timestamps(body in json(), bytes in prop::collection::vec(any::<u8>(), 0..256), stamp in ".{0,40}") {
        let _ = crate::http::error_message(body.to_string().as_bytes());
        let _ = crate::http::error_message(&bytes);
        let _ = parse_rfc3339(&stamp);
    }
}
