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

    /// What the user can do about this answer, where the status says.
    ///
    /// A 401 reaches the user only after osprey logged in again and the
    /// service still refused the new token, so the fault is between the
    /// service and Keystone, not in the credentials.
    pub fn hint(&self) -> Option<&'static str> {
        match self.status.as_u16() {
            401 => Some(
                "the service refused a token that Keystone had just issued: check its \
                 keystonemiddleware settings ([keystone_authtoken] in the service's config), \
                 the clocks of the service and Keystone, and that the catalog's endpoint is \
                 this Keystone's service",
            ),
            500 => Some(
                "the service failed on its side: its logs say why (-v shows the request to \
                 look for); try again later",
            ),
            _ => None,
        }
    }
}

impl ApiError {
    /// The error with the advice for its status as a hint line; still an
    /// `ApiError` to [`has_status`].
    pub fn into_error(self) -> anyhow::Error {
        match self.hint() {
            Some(h) => anyhow::Error::new(self).context(crate::error::Advice(h)),
            None => anyhow::Error::new(self),
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

/// A request that never reached the service: the connection was refused
/// or could not be made.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct Unreachable(pub String);

pub fn is_unreachable(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|c| c.downcast_ref::<Unreachable>().is_some())
}

/// A request that may have reached the service and taken effect, whose
/// answer never came whole: the connection dropped after it was sent, the
/// wait for the answer timed out, or the answer could not be read. Carried
/// as a silent layer of the error (it adds no text), so a caller that
/// changed something can look for what the request left behind.
#[derive(Debug, Clone, Copy)]
pub struct Unanswered;

impl std::fmt::Display for Unanswered {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Ok(())
    }
}

/// Whether this error leaves open that its request took effect.
pub fn answer_lost(err: &anyhow::Error) -> bool {
    crate::error::marker::<Unanswered>(err).is_some()
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

    #[test]
    fn refused_tokens_and_server_errors_carry_a_hint() {
        let err = |code| {
            let status = StatusCode::from_u16(code).unwrap();
            ApiError::new(&Method::GET, "http://u:pw@h/v2.1/", status, b"{}")
        };
        assert!(err(401).hint().unwrap().contains("keystonemiddleware"));
        assert!(err(500).hint().unwrap().contains("its logs"));
        assert_eq!(err(404).hint(), None);
        let shown = err(500).to_string();
        assert!(
            shown.starts_with("GET http://u:<masked>@h/v2.1/ returned 500"),
            "{shown}"
        );
        let wrapped = err(401).into_error().context("site a/b");
        assert!(crate::http::has_status(&wrapped, 401));
        let (_, hints) = crate::error::describe(&wrapped);
        assert_eq!(hints, vec![err(401).hint().unwrap().to_string()]);
    }
}
