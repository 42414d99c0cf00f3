//! `Spec::tls` and `Spec::require_client_cert`: every listener on HTTPS with
//! a certificate for 127.0.0.1 from the stack's own CA.

mod common;

use fakestack::{FakeStack, Spec};
use reqwest::{Certificate, Client, Identity, StatusCode};
use serde_json::{Value, json};

fn trusting(stack: &FakeStack) -> reqwest::ClientBuilder {
    let ca = Certificate::from_pem(stack.ca_pem().as_bytes()).unwrap();
    Client::builder().add_root_certificate(ca)
}

fn with_identity(stack: &FakeStack) -> Client {
    let pem = format!("{}\n{}", stack.client_cert_pem(), stack.client_key_pem());
    trusting(stack)
        .identity(Identity::from_pem(pem.as_bytes()).unwrap())
        .build()
        .unwrap()
}

/// The causes of an error, on one line, for assertions.
fn chain(err: &reqwest::Error) -> String {
    let mut parts = Vec::new();
    let mut cur: Option<&dyn std::error::Error> = Some(err);
    while let Some(e) = cur {
        parts.push(e.to_string());
        cur = e.source();
    }
    parts.join(": ")
}

#[tokio::test]
async fn every_listener_serves_https_with_https_urls() {
    let stack = FakeStack::start(Spec::demo().tls());
    let ks = stack.keystone_url("fake-a");
    assert!(ks.starts_with("https://127.0.0.1:"), "{ks}");
    assert!(
        stack
            .region_url("RegionTwo")
            .starts_with("https://127.0.0.1:")
    );
    assert!(stack.control_url().starts_with("https://127.0.0.1:"));
    let client = trusting(&stack).build().unwrap();

    let v3: Value = client.get(&ks).send().await.unwrap().json().await.unwrap();
    assert_eq!(v3["version"]["links"][0]["href"], format!("{ks}/"));

    let body = common::password_body("demo", "fake-demo", Some("demo"));
    let resp = client
        .post(format!("{ks}/auth/tokens"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    let token: Value = resp.json().await.unwrap();
    let compute = token["token"]["catalog"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "compute")
        .unwrap()["endpoints"][0]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(compute.starts_with("https://127.0.0.1:"), "{compute}");

    let versions: Value = client
        .get(format!("{}/compute", stack.region_url("RegionOne")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let href = versions["versions"][0]["links"][0]["href"]
        .as_str()
        .unwrap();
    assert!(href.starts_with("https://"), "{href}");

    let info = client.get(stack.control_url()).send().await.unwrap();
    assert_eq!(info.status(), StatusCode::OK);
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 1);
}

#[tokio::test]
async fn a_client_without_the_ca_is_refused() {
    let stack = FakeStack::start(Spec::demo().tls());
    let err = common::client()
        .get(stack.keystone_url("fake-a"))
        .send()
        .await
        .unwrap_err();
    assert!(chain(&err).contains("certificate"), "{}", chain(&err));
    // The handshake failed, so nothing reached a handler.
    assert!(stack.requests().is_empty());
    // …and the listener still serves the next client.
    let ok = trusting(&stack)
        .build()
        .unwrap()
        .get(stack.keystone_url("fake-a"))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
}

#[tokio::test]
async fn client_certificates_are_required_when_asked_for() {
    let stack = FakeStack::start(Spec::demo().require_client_cert());
    let url = format!("{}/compute", stack.region_url("RegionOne"));
    let ok = with_identity(&stack).get(&url).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);

    let err = trusting(&stack)
        .build()
        .unwrap()
        .get(&url)
        .send()
        .await
        .unwrap_err();
    let text = chain(&err);
    assert!(text.contains("CertificateRequired"), "{text}");
    assert_eq!(stack.count("RegionOne", "GET", "/compute"), 1);
}

#[test]
fn clouds_yaml_with_adds_keys_to_every_entry() {
    let stack = FakeStack::start(Spec::demo().tls());
    let yaml = stack.clouds_yaml_with(&[
        ("cacert", json!("/tmp/some dir/ca.pem")),
        ("verify", json!(true)),
    ]);
    assert_eq!(
        yaml.matches("    cacert: \"/tmp/some dir/ca.pem\"\n")
            .count(),
        4
    );
    assert_eq!(yaml.matches("    verify: true\n").count(), 4);
    assert!(yaml.contains("auth_url: https://127.0.0.1:"), "{yaml}");
    assert!(!stack.clouds_yaml().contains("cacert"));
}

#[test]
#[should_panic(expected = "needs a stack started with Spec::tls()")]
fn ca_pem_of_a_plain_stack_panics() {
    FakeStack::start(Spec::demo()).ca_pem();
}
