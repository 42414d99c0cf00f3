//! Region listeners: version documents, token checks, microversions.

mod common;

use common::{client, get, token};
use fakestack::{FakeStack, Spec};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn version_documents_need_no_token() {
    let stack = FakeStack::start(Spec::demo().compute_max_microversion("2.90"));
    let r = stack.region_url("RegionTwo");

    let resp = get(&format!("{r}/compute"), None).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["versions"][1]["id"], "v2.1");
    assert_eq!(v["versions"][1]["version"], "2.90");
    assert_eq!(
        v["versions"][1]["links"][0]["href"],
        format!("{r}/compute/v2.1/").as_str()
    );

    for path in ["/compute/v2.1", "/compute/v2.1/"] {
        let resp = get(&format!("{r}{path}"), None).await;
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.headers()["openstack-api-version"], "compute 2.1");
        assert_eq!(resp.headers()["x-openstack-nova-api-version"], "2.1");
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["version"]["min_version"], "2.1");
        assert_eq!(v["version"]["version"], "2.90");
        assert_eq!(
            v["version"]["media-types"][0]["type"],
            "application/vnd.openstack.compute+json;version=2.1"
        );
    }

    let v: Value = get(&format!("{r}/network"), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["versions"][0]["id"], "v2.0");
    assert_eq!(
        v["versions"][0]["links"][0]["href"],
        format!("{r}/network/v2.0/").as_str()
    );

    let resp = get(&format!("{r}/image"), None).await;
    assert_eq!(resp.status(), StatusCode::MULTIPLE_CHOICES);
    let v: Value = resp.json().await.unwrap();
    let current: Vec<&Value> = v["versions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["status"] == "CURRENT")
        .collect();
    assert_eq!(current[0]["id"], "v2.17");
    assert_eq!(
        current[0]["links"][0]["href"],
        format!("{r}/image/v2/").as_str()
    );

    let resp = get(&format!("{r}/volume/"), None).await;
    assert_eq!(resp.status(), StatusCode::MULTIPLE_CHOICES);
    assert_eq!(resp.headers()["openstack-api-version"], "volume 3.0");
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["versions"][0]["version"], "3.71");
    assert_eq!(
        v["versions"][0]["links"][1]["href"],
        format!("{r}/volume/v3/").as_str()
    );

    let resp = get(&format!("{r}/placement"), None).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["versions"][0]["max_version"], "1.39");
}

#[tokio::test]
async fn api_paths_need_a_token_from_the_regions_keystone() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let ks_root = stack
        .keystone_url("fake-a")
        .trim_end_matches("/v3")
        .to_owned();

    let resp = get(&format!("{r}/compute/v2.1/servers"), Some("bogus")).await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        resp.headers()["www-authenticate"],
        format!("Keystone uri=\"{ks_root}\"").as_str()
    );
    assert!(resp.headers().contains_key("x-compute-request-id"));
    assert_eq!(
        resp.text().await.unwrap(),
        r#"{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}"#
    );
    let resp = get(&format!("{r}/image/v2/images"), None).await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(resp.headers()["content-type"], "text/html; charset=UTF-8");
    for path in [
        "/network/v2.0/",
        "/volume/v3/",
        "/placement/resource_providers",
    ] {
        assert_eq!(
            get(&format!("{r}{path}"), None).await.status(),
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }

    let tok = token(&stack.keystone_url("fake-a"), "demo").await;
    let resp = get(&format!("{r}/network/v2.0/"), Some(&tok)).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["resources"][0]["collection"], "networks");
    let resp = get(&format!("{r}/volume/v3/"), Some(&tok)).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = get(&format!("{r}/network/v2.0/nothing"), Some(&tok)).await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["NeutronError"]["type"], "HTTPNotFound");
    let resp = get(&format!("{r}/image/v2/nothing"), Some(&tok)).await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert!(resp.text().await.unwrap().starts_with("<html>"));

    // A token from another cloud's Keystone is no good here.
    let other = token(&stack.keystone_url("fake-b"), "demo").await;
    assert_eq!(
        get(&format!("{r}/network/v2.0/"), Some(&other))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn microversions_are_negotiated() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let tok = token(&stack.keystone_url("fake-a"), "demo").await;
    let call = |path: &str, header: &str| {
        client()
            .get(format!("{r}{path}"))
            .header("X-Auth-Token", &tok)
            .header("OpenStack-API-Version", header)
            .send()
    };
    let resp = call("/compute/v2.1", "compute latest").await.unwrap();
    assert_eq!(resp.headers()["openstack-api-version"], "compute 2.104");
    let resp = call("/compute/v2.1/flavors", "compute 2.105")
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_ACCEPTABLE);
    assert_eq!(
        resp.text().await.unwrap(),
        r#"{"computeFault": {"code": 406, "message": "Version 2.105 is not supported by the API. Minimum is 2.1 and maximum is 2.104."}}"#
    );
    let resp = call("/compute/v2.1/flavors", "compute 2.x").await.unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let resp = call("/volume/v3/types", "volume 3.99").await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_ACCEPTABLE);
    let resp = call("/volume/v3/", "volume 3.60").await.unwrap();
    assert_eq!(resp.headers()["openstack-api-version"], "volume 3.60");
    let resp = call("/placement/", "placement 1.99").await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_ACCEPTABLE);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["errors"][0]["max_version"], "1.39");
}
