//! The `-v` (one line per request) and `-vv` (headers and bodies) traces on
//! stderr, with tokens, passwords and secrets masked (in URLs too); streamed
//! bodies are named, never buffered or printed.

use super::errors::snippet;
use super::transport::Failure;
use super::{Body, Request};
use crate::config::SECRET_KEYS;
use crate::error::redact_url;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;
use std::time::Duration;

const SECRET_HEADERS: &[&str] = &["x-auth-token", "x-subject-token", "authorization"];

/// A body key whose value is a credential: clouds.yaml's, and the `secret`
/// of application credential requests.
fn secret_key(key: &str) -> bool {
    SECRET_KEYS.contains(&key) || key == "secret"
}

/// What a trace shows of a response body.
pub(super) enum Shown<'a> {
    Whole(&'a [u8]),
    Streamed,
}

pub(super) fn request(verbose: u8, req: &Request) {
    if verbose >= 2 {
        let mut lines = vec![format!("> {}", call(req))];
        lines.extend(headers(&req.headers, "> "));
        match &req.body {
            Body::Empty => {}
            Body::Json(body) => lines.push(format!("> {}", redact(body))),
            Body::Stream(s) => lines.push(match s.content_length() {
                Some(n) => format!("> <streamed body, {n} bytes>"),
                None => "> <streamed body>".to_string(),
            }),
        }
        eprintln!("{}", lines.join("\n"));
    }
}

pub(super) fn response(
    verbose: u8,
    req: &Request,
    status: StatusCode,
    resp_headers: &HeaderMap,
    elapsed: Duration,
    body: Shown<'_>,
) {
    if verbose >= 1 {
        eprintln!(
            "{} {} {}ms",
            call(req),
            status.as_u16(),
            elapsed.as_millis()
        );
    }
    if verbose >= 2 {
        let mut lines = headers(resp_headers, "< ");
        match body {
            Shown::Whole([]) => {}
            Shown::Whole(bytes) => {
                let body = match serde_json::from_slice::<Value>(bytes) {
                    Ok(v) => redact(&v).to_string(),
                    Err(_) => snippet(bytes),
                };
                lines.push(format!("< {body}"));
            }
            Shown::Streamed => lines.push("< <streamed body>".to_string()),
        }
        eprintln!("{}", lines.join("\n"));
    }
}

/// `METHOD URL`, credentials in the URL masked.
fn call(req: &Request) -> String {
    format!("{} {}", req.method, redact_url(&req.url))
}

pub(super) fn failure(verbose: u8, req: &Request, failure: &Failure, elapsed: Duration) {
    if verbose >= 1 {
        eprintln!(
            "{} failed after {}ms: {}",
            call(req),
            elapsed.as_millis(),
            failure.trace_text(req.timeout)
        );
    }
}

fn headers(headers: &HeaderMap, prefix: &str) -> Vec<String> {
    headers
        .iter()
        .map(|(k, v)| {
            let value = if SECRET_HEADERS.contains(&k.as_str()) {
                "<masked>".to_string()
            } else {
                v.to_str().unwrap_or("<binary>").to_string()
            };
            format!("{prefix}{k}: {value}")
        })
        .collect()
}

/// A copy of a JSON body with passwords, secrets, passcodes and token ids masked.
pub(crate) fn redact(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let masked = if secret_key(k) && !v.is_object() {
                        Value::String("<masked>".into())
                    } else if k == "token" && v.is_object() {
                        // {"token": {"id": "..."}} in token authentication
                        let mut inner = redact(v);
                        if let Some(id) = inner.get_mut("id") {
                            *id = Value::String("<masked>".into());
                        }
                        inner
                    } else if k == "token" && v.is_string() {
                        Value::String("<masked>".into())
                    } else {
                        redact(v)
                    };
                    (k.clone(), masked)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn redact_masks_every_secret_shape() {
        let body = json!({"auth": {"identity": {
            "methods": ["password", "token", "totp", "application_credential"],
            "password": {"user": {"name": "u", "password": "p1"}},
            "token": {"id": "t1"},
            "totp": {"user": {"passcode": "123456"}},
            "application_credential": {"id": "ac", "secret": "s1"}
        }}});
        let text = redact(&body).to_string();
        for secret in ["p1", "t1", "123456", "s1"] {
            assert!(
                !text.contains(&format!("\"{secret}\"")),
                "{secret} leaked: {text}"
            );
        }
        assert!(text.contains("\"name\":\"u\""));
    }
}
