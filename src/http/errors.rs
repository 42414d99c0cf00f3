//! Error bodies: the message in whatever envelope an OpenStack service or a
//! proxy in front of it answers with, and the `ApiError` that carries it.

use crate::error::redact_url;
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// A non-success answer from an OpenStack API.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{method} {} returned {status}: {message}", redact_url(.url))]
pub struct ApiError {
    pub method: Method,
    pub url: String,
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub(super) fn new(method: &Method, url: &str, status: StatusCode, body: &[u8]) -> Self {
        ApiError {
            method: method.clone(),
            url: url.to_string(),
            status,
            message: error_message(body),
        }
    }
}

/// Whether an OpenStack API answered `code` somewhere in this error's chain.
pub fn has_status(err: &anyhow::Error, code: u16) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<ApiError>()
            .is_some_and(|a| a.status.as_u16() == code)
    })
}

/// The human message in an OpenStack error body, whatever the service's envelope.
pub fn error_message(body: &[u8]) -> String {
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        // {"error": {"message"}}, {"itemNotFound": {"message"}},
        // {"NeutronError": {"message"}}, {"badRequest": {...}}, {"message": ...}
        if let Some(m) = v.get("message").and_then(Value::as_str) {
            return m.trim().to_string();
        }
        if let Some(obj) = v.as_object() {
            for inner in obj.values() {
                if let Some(m) = inner.get("message").and_then(Value::as_str) {
                    return m.trim().to_string();
                }
            }
        }
        if let Some(m) = v.get("error").and_then(Value::as_str) {
            return m.trim().to_string();
        }
    }
    let text = String::from_utf8_lossy(body);
    if text.contains('<') {
        // Glance and proxies answer with HTML pages: keep their title or text.
        let stripped = strip_tags(&text);
        if !stripped.is_empty() {
            return stripped;
        }
    }
    snippet(body)
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let text = words.join(" ");
    truncate(&text, 200)
}

/// The start of a body on one line, for messages and traces.
pub(super) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        "(empty body)".to_string()
    } else {
        truncate(&text, 120)
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_message_reads_each_envelope() {
        assert_eq!(
            error_message(br#"{"error": {"code": 401, "message": "needs auth"}}"#),
            "needs auth"
        );
        assert_eq!(
            error_message(br#"{"itemNotFound": {"code": 404, "message": "gone"}}"#),
            "gone"
        );
        assert_eq!(
            error_message(br#"{"NeutronError": {"type": "X", "message": "nope", "detail": ""}}"#),
            "nope"
        );
        assert_eq!(
            error_message(b"<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>"),
            "404 Not Found 404 Not Found"
        );
        assert_eq!(error_message(b""), "(empty body)");
    }
}
