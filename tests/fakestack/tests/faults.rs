//! Fault injection, latency, the request log and the control API.

mod common;

use std::time::{Duration, Instant};

use common::{auth, client, get, password_body, token};
use fakestack::{FakeStack, Fault, FaultKind, Spec, Target};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn region(name: &str) -> Target {
    Target::Region(name.into())
}

#[tokio::test]
async fn status_fault_with_retry_after_then_recovery() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let tok = token(&stack.keystone_url("fake-a"), "demo").await;
    stack.inject(
        Fault::new(
            region("RegionOne"),
            FaultKind::Status {
                code: 503,
                retry_after: Some(7),
            },
        )
        .path_prefix("/compute")
        .times(1),
    );
    // Other services are untouched.
    assert_eq!(
        get(&format!("{r}/network/v2.0/"), Some(&tok))
            .await
            .status(),
        StatusCode::OK
    );
    let resp = get(&format!("{r}/compute/v2.1"), Some(&tok)).await;
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(resp.headers()["retry-after"], "7");
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["serviceUnavailable"]["code"], 503);
    assert_eq!(
        get(&format!("{r}/compute/v2.1"), Some(&tok)).await.status(),
        StatusCode::OK
    );

    // Each service errs in its own shape.
    stack.inject(Fault::new(
        region("RegionOne"),
        FaultKind::Status {
            code: 500,
            retry_after: None,
        },
    ));
    let v: Value = get(&format!("{r}/network"), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["NeutronError"]["type"], "HTTPInternalServerError");
    let text = get(&format!("{r}/image"), None).await.text().await.unwrap();
    assert!(text.contains("<h1>500 Internal Server Error</h1>"));
    stack.clear_faults();
    assert_eq!(
        get(&format!("{r}/image"), None).await.status(),
        StatusCode::MULTIPLE_CHOICES
    );

    let statuses: Vec<u16> = stack.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [201, 200, 503, 200, 500, 500, 300]);
}

#[tokio::test]
async fn keystone_fault_fails_only_keystone() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    stack.inject(
        Fault::new(
            Target::Keystone("fake-a".into()),
            FaultKind::Status {
                code: 502,
                retry_after: None,
            },
        )
        .method("POST")
        .times(1),
    );
    let (status, _, v) = auth(&ks, &password_body("demo", "fake-demo", Some("demo"))).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert_eq!(v["error"]["title"], "Bad Gateway");
    assert_eq!(
        auth(&ks, &password_body("demo", "fake-demo", Some("demo")))
            .await
            .0,
        StatusCode::CREATED
    );
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 2);
    assert_eq!(
        auth(
            &stack.keystone_url("fake-b"),
            &password_body("demo", "fake-demo", None)
        )
        .await
        .0,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn hang_fault_never_answers() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionThree");
    stack.inject(Fault::new(region("RegionThree"), FaultKind::Hang).times(1));
    let err = client()
        .get(format!("{r}/compute"))
        .timeout(Duration::from_millis(300))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err}");
    assert_eq!(stack.requests()[0].status, 0, "logged, never answered");
    assert_eq!(
        get(&format!("{r}/compute"), None).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn truncated_and_html_bodies() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let full = get(&format!("{r}/compute"), None)
        .await
        .text()
        .await
        .unwrap();
    stack.inject(Fault::new(region("RegionOne"), FaultKind::Truncated).times(1));
    let resp = get(&format!("{r}/compute"), None).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let cut = resp.text().await.unwrap();
    assert_eq!(cut, full[..full.len() / 2]);
    assert!(serde_json::from_str::<Value>(&cut).is_err());

    stack.inject(Fault::new(region("RegionOne"), FaultKind::Html).times(1));
    let resp = get(&format!("{r}/compute"), None).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "text/html; charset=UTF-8");
    assert!(
        resp.text()
            .await
            .unwrap()
            .starts_with("<html>\n <head>\n  <title>200 OK</title>")
    );
}

#[tokio::test]
async fn unauthorized_after_n_requests_forces_reauthentication() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let r = stack.region_url("RegionOne");
    let url = format!("{r}/network/v2.0/");
    stack.inject(
        Fault::new(region("RegionOne"), FaultKind::Unauthorized)
            .after(2)
            .times(1),
    );
    let tok = token(&ks, "demo").await;
    assert_eq!(get(&url, Some(&tok)).await.status(), StatusCode::OK);
    assert_eq!(get(&url, Some(&tok)).await.status(), StatusCode::OK);
    assert_eq!(
        get(&url, Some(&tok)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // The token is revoked for good, not just refused once.
    assert_eq!(
        get(&url, Some(&tok)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let fresh = token(&ks, "demo").await;
    assert_eq!(get(&url, Some(&fresh)).await.status(), StatusCode::OK);
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 2);
    assert_eq!(stack.count("RegionOne", "GET", "/network/v2.0/"), 5);
}

#[tokio::test]
async fn latency_is_added_per_site() {
    let stack = FakeStack::start(Spec::demo());
    let r1 = stack.region_url("RegionOne");
    let r2 = stack.region_url("RegionTwo");
    stack.set_latency(region("RegionOne"), Duration::from_millis(250));
    stack.set_latency(
        Target::Keystone("fake-a".into()),
        Duration::from_millis(150),
    );

    let t = Instant::now();
    get(&format!("{r1}/compute"), None).await;
    assert!(t.elapsed() >= Duration::from_millis(250));
    let t = Instant::now();
    token(&stack.keystone_url("fake-a"), "demo").await;
    assert!(t.elapsed() >= Duration::from_millis(150));
    let t = Instant::now();
    get(&format!("{r2}/compute"), None).await;
    assert!(
        t.elapsed() < Duration::from_millis(250),
        "RegionTwo has no latency"
    );

    stack.set_latency(Target::All, Duration::ZERO);
    let t = Instant::now();
    get(&format!("{r1}/compute"), None).await;
    assert!(t.elapsed() < Duration::from_millis(250));
}

#[tokio::test]
async fn requests_are_logged_with_headers_and_counted() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let tok = token(&stack.keystone_url("fake-a"), "demo").await;
    get(&format!("{r}/compute/v2.1/os-keypairs?limit=5"), Some(&tok)).await;
    get(&format!("{r}/compute/v2.1/os-keypairs"), Some(&tok)).await;
    assert_eq!(
        stack.count("RegionOne", "GET", "/compute/v2.1/os-keypairs"),
        2
    );
    assert_eq!(
        stack.count("RegionOne", "get", "/compute/v2.1"),
        0,
        "paths match exactly"
    );
    let log = stack.requests();
    let last = log.last().unwrap();
    assert_eq!(last.target, "RegionOne");
    assert_eq!(last.header("user-agent"), Some("fakestack-tests/1"));
    assert_eq!(last.header("X-Auth-Token"), Some(tok.as_str()));
    assert_eq!(log[1].query.as_deref(), Some("limit=5"));
    assert!(log.windows(2).all(|w| w[0].seq < w[1].seq));
    stack.reset_counters();
    assert!(stack.requests().is_empty());
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 0);
}

#[tokio::test]
async fn control_api_steers_faults_latency_and_counts() {
    let stack = FakeStack::start(Spec::demo());
    let control = stack.control_url();
    let r = stack.region_url("RegionTwo");
    let c = client();

    let info: Value = c.get(&control).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        info["keystones"]["keystone:fake-a"],
        stack.keystone_url("fake-a").as_str()
    );
    assert_eq!(info["regions"]["RegionTwo"]["url"], r.as_str());

    let fault = json!({"target": {"region": "RegionTwo"}, "method": "GET", "path_prefix": "/image",
        "kind": {"status": {"code": 429, "retry_after": 1}}, "times": 1});
    let resp = c
        .post(format!("{control}/faults"))
        .json(&fault)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    let listed: Value = c
        .get(format!("{control}/faults"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed[0]["kind"]["status"]["code"], 429);
    assert_eq!(
        get(&format!("{r}/image"), None).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        get(&format!("{r}/image"), None).await.status(),
        StatusCode::MULTIPLE_CHOICES
    );

    let counts: Value = c
        .get(format!(
            "{control}/counts?target=RegionTwo&method=GET&path=/image"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(counts["count"], 2);
    let all: Value = c
        .get(format!("{control}/counts"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        all[0],
        json!({"target": "RegionTwo", "method": "GET", "path": "/image", "count": 2})
    );
    let log: Value = c
        .get(format!("{control}/requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(log.as_array().unwrap().len(), 2);

    c.post(format!("{control}/faults"))
        .json(&json!({"target": "all", "kind": "hang"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        c.delete(format!("{control}/faults"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    let resp = c
        .post(format!("{control}/latency"))
        .json(&json!({"target": {"region": "RegionTwo"}, "ms": 200}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let t = Instant::now();
    assert_eq!(
        get(&format!("{r}/image"), None).await.status(),
        StatusCode::MULTIPLE_CHOICES
    );
    assert!(t.elapsed() >= Duration::from_millis(200));

    assert_eq!(
        c.delete(format!("{control}/requests"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    assert!(stack.requests().is_empty());
    let yaml = c
        .get(format!("{control}/clouds.yaml"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(yaml, stack.clouds_yaml());
}

#[test]
#[should_panic(expected = "matches no Keystone or region")]
fn a_misspelt_target_is_refused() {
    let stack = FakeStack::start(Spec::demo());
    stack.inject(Fault::new(region("RegionOen"), FaultKind::Hang));
}

#[tokio::test]
async fn control_api_refuses_bad_faults() {
    let stack = FakeStack::start(Spec::demo());
    let c = client();
    for fault in [
        json!({"target": {"region": "Nowhere"}, "kind": "hang"}),
        json!({"target": "all", "kind": {"status": {"code": 42}}}),
    ] {
        let resp = c
            .post(format!("{}/faults", stack.control_url()))
            .json(&fault)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST, "{fault}");
    }
}
