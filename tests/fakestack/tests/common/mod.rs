//! Helpers shared by fakestack's own tests: a client and Keystone logins.

#![allow(dead_code)]

use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};

pub fn client() -> Client {
    Client::builder()
        .user_agent("fakestack-tests/1")
        .build()
        .unwrap()
}

/// A password auth body for `user`, scoped to `project` when given.
pub fn password_body(user: &str, password: &str, project: Option<&str>) -> Value {
    let mut body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": user, "domain": {"name": "Default"}, "password": password}}}}});
    if let Some(p) = project {
        body["auth"]["scope"] = json!({"project": {"name": p, "domain": {"id": "default"}}});
    }
    body
}

/// POSTs an auth body; returns the status, the subject token and the body.
pub async fn auth(keystone: &str, body: &Value) -> (StatusCode, Option<String>, Value) {
    let resp = client()
        .post(format!("{keystone}/auth/tokens"))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let token = resp
        .headers()
        .get("x-subject-token")
        .map(|v| v.to_str().unwrap().to_owned());
    let text = resp.text().await.unwrap();
    let value = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, token, value)
}

/// A project-scoped token for the demo user (`admin` for the admin user).
pub async fn token(keystone: &str, user: &str) -> String {
    let password = if user == "admin" {
        "fake-admin"
    } else {
        "fake-demo"
    };
    let (status, token, _) = auth(keystone, &password_body(user, password, Some(user))).await;
    assert_eq!(status, StatusCode::CREATED);
    token.unwrap()
}

pub async fn get(url: &str, token: Option<&str>) -> Response {
    let mut req = client().get(url);
    if let Some(t) = token {
        req = req.header("X-Auth-Token", t);
    }
    req.send().await.unwrap()
}

/// A request with a token, extra headers and a JSON body; the status and
/// the body as JSON (`Null` when not JSON).
pub async fn call(
    method: &str,
    url: &str,
    token: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = client().request(method, url).header("X-Auth-Token", token);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if let Some(b) = body {
        req = req.json(b);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// GET with a token (and headers), as JSON.
pub async fn get_json(url: &str, token: &str, headers: &[(&str, &str)]) -> (StatusCode, Value) {
    call("GET", url, token, headers, None).await
}

/// Polls `check` every 20 ms until it gives `Some`, for up to 10 s; panics
/// naming `what` if it never does.
pub async fn poll<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = std::time::Instant::now();
    loop {
        if let Some(done) = check().await {
            return done;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
