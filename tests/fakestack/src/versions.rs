//! Version documents: Keystone, Nova, Neutron, Glance, Cinder and Placement roots.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};

use crate::body;
use crate::errors::add_request_id;
use crate::region::Service;
use crate::server::Ctx;

/// Keystone's `/` (300) and `/v3` (200).
pub(crate) fn keystone_routes() -> Router<Ctx> {
    Router::new()
        .route("/", get(keystone_root))
        .route("/v3", get(keystone_v3))
        .route("/v3/", get(keystone_v3))
}

/// Region documents that need no token, as in the real services.
pub(crate) fn public_routes() -> Router<Ctx> {
    let mut r = Router::new();
    for (path, handler) in [
        ("/compute", get(nova_root)),
        ("/compute/v2", get(nova_v2)),
        ("/compute/v2.1", get(nova_v21)),
        ("/network", get(neutron_root)),
        ("/image", get(glance_root)),
        ("/volume", get(cinder_root)),
        ("/placement", get(placement_root)),
    ] {
        r = r
            .route(path, handler.clone())
            .route(&format!("{path}/"), handler);
    }
    r.route("/image/versions", get(glance_versions))
}

/// Region documents behind keystonemiddleware: Cinder's `/v3/` and Neutron's
/// `/v2.0/` answer only with a valid token.
pub(crate) fn protected_routes() -> Router<Ctx> {
    Router::new()
        .route("/network/v2.0/", get(neutron_resources))
        .route("/volume/v3", get(cinder_versions))
        .route("/volume/v3/", get(cinder_versions))
}

fn keystone_v3_doc(ctx: &Ctx) -> Value {
    json!({
        "id": "v3.14",
        "status": "stable",
        "updated": "2020-04-07T00:00:00Z",
        "links": [{"rel": "self", "href": format!("{}/v3/", ctx.realm().url)}],
        "media-types": [{"base": "application/json", "type": "application/vnd.openstack.identity-v3+json"}],
    })
}

async fn keystone_root(State(ctx): State<Ctx>) -> Response {
    let mut resp = body::json(
        StatusCode::MULTIPLE_CHOICES,
        &json!({"versions": {"values": [keystone_v3_doc(&ctx)]}}),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("{}/v3/", ctx.realm().url)) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

async fn keystone_v3(State(ctx): State<Ctx>) -> Response {
    body::json(StatusCode::OK, &json!({"version": keystone_v3_doc(&ctx)}))
}

fn base(ctx: &Ctx, prefix: &str) -> String {
    format!("{}{prefix}", ctx.base_url())
}

fn nova_v21_summary(ctx: &Ctx) -> Value {
    json!({
        "id": "v2.1", "status": "CURRENT", "version": ctx.compute_max().to_string(),
        "min_version": "2.1", "updated": "2013-07-23T11:33:21Z",
        "links": [{"rel": "self", "href": format!("{}/v2.1/", base(ctx, "/compute"))}],
    })
}

fn nova_v2_summary(ctx: &Ctx) -> Value {
    json!({
        "id": "v2.0", "status": "DEPRECATED", "version": "", "min_version": "",
        "updated": "2025-07-04T12:00:00Z",
        "links": [{"rel": "self", "href": format!("{}/v2/", base(ctx, "/compute"))}],
    })
}

/// Adds Nova's `describedby` link and media types to a version summary.
fn nova_detail(mut v: Value, media: &str) -> Value {
    if let Some(links) = v["links"].as_array_mut() {
        links.push(json!({"rel": "describedby", "type": "text/html", "href": "http://docs.openstack.org/"}));
    }
    v["media-types"] = json!([{"base": "application/json", "type": media}]);
    v
}

async fn nova_root(State(ctx): State<Ctx>) -> Response {
    body::json(
        StatusCode::OK,
        &json!({"versions": [nova_v2_summary(&ctx), nova_v21_summary(&ctx)]}),
    )
}

async fn nova_v2(State(ctx): State<Ctx>) -> Response {
    let v = nova_detail(
        nova_v2_summary(&ctx),
        "application/vnd.openstack.compute+json;version=2",
    );
    let mut resp = body::json(StatusCode::OK, &json!({"version": v}));
    add_request_id(Some(Service::Compute), &mut resp);
    resp
}

async fn nova_v21(State(ctx): State<Ctx>) -> Response {
    let v = nova_detail(
        nova_v21_summary(&ctx),
        "application/vnd.openstack.compute+json;version=2.1",
    );
    let mut resp = body::json(StatusCode::OK, &json!({"version": v}));
    add_request_id(Some(Service::Compute), &mut resp);
    resp
}

async fn neutron_root(State(ctx): State<Ctx>) -> Response {
    let href = format!("{}/v2.0/", base(&ctx, "/network"));
    body::json(
        StatusCode::OK,
        &json!({"versions": [{"id": "v2.0", "status": "CURRENT", "links": [{"rel": "self", "href": href}]}]}),
    )
}

async fn neutron_resources(State(ctx): State<Ctx>) -> Response {
    let root = format!("{}/v2.0", base(&ctx, "/network"));
    let resources: Vec<Value> = [
        ("network", "networks"),
        ("subnet", "subnets"),
        ("subnetpool", "subnetpools"),
        ("port", "ports"),
    ]
    .into_iter()
    .map(|(name, collection)| {
        json!({"name": name, "collection": collection,
            "links": [{"rel": "self", "href": format!("{root}/{collection}")}]})
    })
    .collect();
    body::json(StatusCode::OK, &json!({"resources": resources}))
}

/// Glance's versions, in the real (unsorted) order, v2.17 current.
fn glance_doc(ctx: &Ctx) -> Value {
    let href = format!("{}/v2/", base(ctx, "/image"));
    let ids = [
        "v2.15", "v2.13", "v2.12", "v2.11", "v2.10", "v2.9", "v2.8", "v2.17", "v2.7", "v2.6",
        "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0",
    ];
    let versions: Vec<Value> = ids
        .iter()
        .map(|id| {
            let status = if *id == "v2.17" {
                "CURRENT"
            } else {
                "SUPPORTED"
            };
            json!({"id": id, "status": status, "links": [{"rel": "self", "href": href}]})
        })
        .collect();
    json!({"versions": versions})
}

async fn glance_root(State(ctx): State<Ctx>) -> Response {
    body::json(StatusCode::MULTIPLE_CHOICES, &glance_doc(&ctx))
}

async fn glance_versions(State(ctx): State<Ctx>) -> Response {
    body::json(StatusCode::OK, &glance_doc(&ctx))
}

fn cinder_doc(ctx: &Ctx) -> Value {
    json!({"versions": [{
        "id": "v3.0", "status": "CURRENT", "version": ctx.world.volume_max.to_string(),
        "min_version": "3.0", "updated": "2023-08-31T00:00:00Z",
        "links": [
            {"rel": "describedby", "type": "text/html", "href": "https://docs.openstack.org/"},
            {"rel": "self", "href": format!("{}/v3/", base(ctx, "/volume"))},
        ],
        "media-types": [{"base": "application/json", "type": "application/vnd.openstack.volume+json;version=3"}],
    }]})
}

async fn cinder_root(State(ctx): State<Ctx>) -> Response {
    let mut resp = body::json(StatusCode::MULTIPLE_CHOICES, &cinder_doc(&ctx));
    add_request_id(Some(Service::Volume), &mut resp);
    resp
}

async fn cinder_versions(State(ctx): State<Ctx>) -> Response {
    body::json(StatusCode::OK, &cinder_doc(&ctx))
}

async fn placement_root(State(ctx): State<Ctx>) -> Response {
    let mut resp = body::json(
        StatusCode::OK,
        &json!({"versions": [{"id": "v1.0", "max_version": ctx.world.placement_max.to_string(),
            "min_version": "1.0", "status": "CURRENT", "links": [{"rel": "self", "href": ""}]}]}),
    );
    add_request_id(Some(Service::Placement), &mut resp);
    resp
}
