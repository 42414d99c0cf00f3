//! HTTP: one reqwest client per TLS identity, timeouts, retries with backoff
//! for idempotent calls, `Retry-After`, and `-v`/`-vv` traces with secrets masked.

use crate::error::{HintExt, hinted};
use anyhow::{Context, anyhow};
use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const USER_AGENT: &str = concat!("osprey/", env!("CARGO_PKG_VERSION"));

/// How many times a request is sent at most (the first try and the retries).
const MAX_ATTEMPTS: u32 = 4;
/// The first backoff; it doubles after each retry.
const BACKOFF: Duration = Duration::from_millis(250);
/// A `Retry-After` longer than this is not worth waiting for in a CLI.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// What makes two sites able to share one connection pool.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TlsIdentity {
    pub verify: bool,
    pub cacert: Option<PathBuf>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
}

/// The HTTP layer shared by every site of a run.
pub struct Http {
    clients: Mutex<HashMap<TlsIdentity, reqwest::Client>>,
    verbose: u8,
}

/// One request, built by `api/` and `auth/`.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: HeaderMap,
    pub body: Option<Value>,
    pub timeout: Duration,
}

impl Request {
    pub fn new(method: Method, url: impl Into<String>, timeout: Duration) -> Self {
        Request {
            method,
            url: url.into(),
            headers: HeaderMap::new(),
            body: None,
            timeout,
        }
    }

    pub fn header(mut self, name: &'static str, value: &str) -> Self {
        if let Ok(v) = HeaderValue::from_str(value) {
            self.headers.insert(HeaderName::from_static(name), v);
        }
        self
    }

    pub fn json(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    fn idempotent(&self) -> bool {
        matches!(
            self.method,
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
        )
    }
}

/// A response whose body has been read.
#[derive(Debug, Clone)]
pub struct Response {
    pub method: Method,
    pub url: String,
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub elapsed: Duration,
}

impl Response {
    /// The body as JSON; an error names the URL and shows the start of the body.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> anyhow::Result<T> {
        serde_json::from_slice(&self.body).map_err(|e| {
            hinted(
                format!(
                    "{} {}: invalid JSON in the response ({e}): {}",
                    self.method,
                    self.url,
                    snippet(&self.body)
                ),
                "the service or a proxy in front of it sent something that is not OpenStack JSON",
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// `Ok(self)` for 2xx (and 300 for version documents); an [`ApiError`] otherwise.
    pub fn ok(self) -> Result<Response, ApiError> {
        if self.status.is_success() || self.status == StatusCode::MULTIPLE_CHOICES {
            Ok(self)
        } else {
            Err(ApiError::from_response(&self))
        }
    }
}

/// A non-success answer from an OpenStack API.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{method} {url} returned {status}: {message}")]
pub struct ApiError {
    pub method: Method,
    pub url: String,
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    fn from_response(r: &Response) -> Self {
        ApiError {
            method: r.method.clone(),
            url: r.url.clone(),
            status: r.status,
            message: error_message(&r.body),
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

fn snippet(body: &[u8]) -> String {
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

impl Http {
    pub fn new(verbose: u8) -> Self {
        Http {
            clients: Mutex::new(HashMap::new()),
            verbose,
        }
    }

    /// The client for a TLS identity, built on first use.
    pub fn client(&self, tls: &TlsIdentity) -> anyhow::Result<reqwest::Client> {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = clients.get(tls) {
            return Ok(c.clone());
        }
        let client = build_client(tls)?;
        clients.insert(tls.clone(), client.clone());
        Ok(client)
    }

    /// Sends a request with retries; any HTTP status is returned as a
    /// `Response` (use [`Response::ok`]); transport failures are errors.
    pub async fn send(&self, tls: &TlsIdentity, req: &Request) -> anyhow::Result<Response> {
        let client = self.client(tls)?;
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let result = self.send_once(&client, req).await;
            let elapsed = started.elapsed();
            let wait = match &result {
                Ok(resp) => {
                    self.trace_response(req, resp);
                    retry_wait(req, resp.status, resp.header("retry-after"), attempt)
                }
                Err(e) => {
                    self.trace_failure(req, e, elapsed);
                    // A refused connection never reached the service, so
                    // even a POST is safe to send again; a certificate
                    // problem will be the same next time.
                    let retryable = (req.idempotent() || e.is_connect()) && !e.is_timeout();
                    if retryable && tls_failure(e).is_none() {
                        Some(backoff(attempt))
                    } else {
                        None
                    }
                }
            };
            match (result, wait) {
                (Ok(resp), Some(w)) if attempt < MAX_ATTEMPTS => {
                    drop(resp);
                    tokio::time::sleep(w).await;
                }
                (Err(_), Some(w)) if attempt < MAX_ATTEMPTS => tokio::time::sleep(w).await,
                (Ok(resp), _) => return Ok(resp),
                (Err(e), _) => return Err(transport_error(req, tls, e, attempt)),
            }
            attempt += 1;
        }
    }

    async fn send_once(
        &self,
        client: &reqwest::Client,
        req: &Request,
    ) -> Result<Response, reqwest::Error> {
        self.trace_request(req);
        let mut builder = client
            .request(req.method.clone(), &req.url)
            .headers(req.headers.clone())
            .timeout(req.timeout);
        if let Some(body) = &req.body {
            builder = builder.json(body);
        }
        let started = Instant::now();
        let resp = builder.send().await?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let url = resp.url().to_string();
        let body = resp.bytes().await?;
        Ok(Response {
            method: req.method.clone(),
            url,
            status,
            headers,
            body,
            elapsed: started.elapsed(),
        })
    }

    fn trace_request(&self, req: &Request) {
        if self.verbose >= 2 {
            let mut lines = vec![format!("> {} {}", req.method, req.url)];
            lines.extend(trace_headers(&req.headers, "> "));
            if let Some(body) = &req.body {
                lines.push(format!("> {}", redact(body)));
            }
            eprintln!("{}", lines.join("\n"));
        }
    }

    fn trace_response(&self, req: &Request, resp: &Response) {
        if self.verbose >= 1 {
            eprintln!(
                "{} {} {} {}ms",
                req.method,
                req.url,
                resp.status.as_u16(),
                resp.elapsed.as_millis()
            );
        }
        if self.verbose >= 2 {
            let mut lines = trace_headers(&resp.headers, "< ");
            if !resp.body.is_empty() {
                let body = match serde_json::from_slice::<Value>(&resp.body) {
                    Ok(v) => redact(&v).to_string(),
                    Err(_) => snippet(&resp.body),
                };
                lines.push(format!("< {body}"));
            }
            eprintln!("{}", lines.join("\n"));
        }
    }

    fn trace_failure(&self, req: &Request, err: &reqwest::Error, elapsed: Duration) {
        if self.verbose >= 1 {
            eprintln!(
                "{} {} failed after {}ms: {}",
                req.method,
                req.url,
                elapsed.as_millis(),
                crate::error::describe(&anyhow!(ReqwestChain(err.to_string()))).0
            );
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct ReqwestChain(String);

fn build_client(tls: &TlsIdentity) -> anyhow::Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(Duration::from_secs(10))
        .danger_accept_invalid_certs(!tls.verify);
    if let Some(path) = &tls.cacert {
        let pem = std::fs::read(path)
            .with_context(|| format!("reading cacert {}", path.display()))
            .hint("set `cacert` in clouds.yaml to a readable PEM file of CA certificates")?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem)
            .with_context(|| format!("cacert {} is not a PEM certificate bundle", path.display()))
            .hint("`cacert` takes PEM text (-----BEGIN CERTIFICATE-----), not DER")?;
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    }
    if let Some(cert) = &tls.cert {
        let mut pem = std::fs::read(cert)
            .with_context(|| format!("reading client cert {}", cert.display()))
            .hint("set `cert` in clouds.yaml to a readable PEM file")?;
        if let Some(key) = &tls.key {
            pem.push(b'\n');
            pem.extend(
                std::fs::read(key)
                    .with_context(|| format!("reading client key {}", key.display()))
                    .hint("set `key` in clouds.yaml to a readable PEM file")?,
            );
        }
        let identity = reqwest::Identity::from_pem(&pem)
            .with_context(|| {
                format!(
                    "client cert {} and its key are not a usable PEM identity",
                    cert.display()
                )
            })
            .hint(
                "`cert` needs a PEM certificate and `key` its PEM private key \
                 (or `cert` alone holding both)",
            )?;
        builder = builder.identity(identity);
    }
    builder.build().context("building the HTTP client")
}

/// A TLS handshake that failed for a reason sending again will not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TlsFailure {
    /// osprey did not trust the server's certificate.
    ServerCertificate,
    /// The server ended the handshake about our (missing) client certificate.
    ClientCertificate,
    /// The server ended the handshake for another reason (protocol, cipher).
    Handshake,
}

/// The TLS failure behind `err`, if any. reqwest does not expose rustls's
/// error type, so this reads rustls's messages in the cause chain.
fn tls_failure(err: &reqwest::Error) -> Option<TlsFailure> {
    classify_tls(&describe_reqwest(err))
}

fn classify_tls(chain: &str) -> Option<TlsFailure> {
    if chain.contains("invalid peer certificate") {
        return Some(TlsFailure::ServerCertificate);
    }
    let (_, alert) = chain.split_once("received fatal alert: ")?;
    let alert = alert.split([':', ' ', ')']).next().unwrap_or_default();
    // TLS 1.3 servers say CertificateRequired for a missing certificate;
    // TLS 1.2 ones and rejected certificates give the others.
    let about_ours = alert.contains("Certificate") || matches!(alert, "UnknownCA" | "AccessDenied");
    Some(if about_ours {
        TlsFailure::ClientCertificate
    } else {
        TlsFailure::Handshake
    })
}

/// What failed and the hint for a TLS failure, given the identity used.
fn tls_advice(failure: TlsFailure, tls: &TlsIdentity) -> (String, String) {
    match failure {
        TlsFailure::ServerCertificate => {
            let fix = match &tls.cacert {
                Some(ca) => format!(
                    "`cacert` ({}) does not hold the CA that signed the server's certificate: \
                     point it at the right PEM bundle",
                    ca.display()
                ),
                None => "set `cacert` in clouds.yaml to the PEM file of the CA that signed the \
                         server's certificate"
                    .to_string(),
            };
            (
                "the server's certificate could not be verified".to_string(),
                format!("{fix} (`verify: false` skips the check: for test clouds only)"),
            )
        }
        TlsFailure::ClientCertificate => {
            let hint = match &tls.cert {
                Some(cert) => format!(
                    "the server did not accept the client certificate {}: check `cert` and `key` \
                     in clouds.yaml",
                    cert.display()
                ),
                None => "the server wants a client certificate: set `cert` and `key` in \
                         clouds.yaml to PEM files of one it accepts"
                    .to_string(),
            };
            ("the server refused the TLS connection".to_string(), hint)
        }
        // OpenSSL servers answer a TLS 1.2 client without a certificate
        // with a bare HandshakeFailure, so it may still be about ours.
        TlsFailure::Handshake => {
            let hint = match &tls.cert {
                Some(cert) => format!(
                    "the server did not accept the client certificate {}, or shares no TLS \
                     version or cipher with osprey",
                    cert.display()
                ),
                None => "the server may want a client certificate (`cert` and `key` in \
                         clouds.yaml), or shares no TLS version or cipher with osprey"
                    .to_string(),
            };
            ("the TLS handshake failed".to_string(), hint)
        }
    }
}

/// How long to wait before sending `req` again after `status`, if at all.
fn retry_wait(
    req: &Request,
    status: StatusCode,
    retry_after: Option<&str>,
    attempt: u32,
) -> Option<Duration> {
    let after = retry_after
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(|s| Duration::from_secs(s).min(MAX_RETRY_AFTER));
    match status.as_u16() {
        // The service says it did not process the request: safe for any method.
        429 | 503 if after.is_some() => after,
        429 => Some(backoff(attempt)),
        502..=504 if req.idempotent() => Some(backoff(attempt)),
        _ => None,
    }
}

fn backoff(attempt: u32) -> Duration {
    BACKOFF * 2u32.pow(attempt.saturating_sub(1))
}

fn transport_error(
    req: &Request,
    tls: &TlsIdentity,
    err: reqwest::Error,
    attempts: u32,
) -> anyhow::Error {
    let tries = if attempts > 1 {
        format!(" (after {attempts} tries)")
    } else {
        String::new()
    };
    let (what, hint) = if let Some(failure) = tls_failure(&err) {
        tls_advice(failure, tls)
    } else if err.is_timeout() {
        (
            format!("timed out after {}s", req.timeout.as_secs_f64()),
            "raise --timeout (or `api_timeout` in clouds.yaml) if the service is just slow"
                .to_string(),
        )
    } else if err.is_connect() {
        (
            "could not connect".to_string(),
            "check that the endpoint is reachable from here (VPN, proxy, firewall)".to_string(),
        )
    } else if err.is_body() || err.is_decode() {
        (
            "the response body was cut off".to_string(),
            "the service or a proxy closed the connection early; try again".to_string(),
        )
    } else {
        (
            "request failed".to_string(),
            "run with -v to see each request".to_string(),
        )
    };
    let source = describe_reqwest(&err);
    hinted(
        format!("{} {}: {what}{tries}: {source}", req.method, req.url),
        hint,
    )
}

/// reqwest's message and its causes, deduplicated, on one line.
fn describe_reqwest(err: &reqwest::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur: Option<&dyn std::error::Error> = Some(err);
    while let Some(e) = cur {
        let text = e.to_string();
        let text = text.replace(
            &format!(" for url ({})", err.url().map(|u| u.as_str()).unwrap_or("")),
            "",
        );
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        cur = e.source();
    }
    parts.join(": ")
}

const SECRET_HEADERS: &[&str] = &["x-auth-token", "x-subject-token", "authorization"];
const SECRET_KEYS: &[&str] = &[
    "password",
    "secret",
    "passcode",
    "application_credential_secret",
];

fn trace_headers(headers: &HeaderMap, prefix: &str) -> Vec<String> {
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
pub fn redact(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let masked = if SECRET_KEYS.contains(&k.as_str()) && !v.is_object() {
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
    fn retries_follow_the_method_and_status() {
        let get = Request::new(Method::GET, "http://x", Duration::from_secs(1));
        let post = Request::new(Method::POST, "http://x", Duration::from_secs(1));
        assert_eq!(
            retry_wait(&get, StatusCode::BAD_GATEWAY, None, 1),
            Some(BACKOFF)
        );
        assert_eq!(retry_wait(&post, StatusCode::BAD_GATEWAY, None, 1), None);
        assert_eq!(
            retry_wait(&post, StatusCode::SERVICE_UNAVAILABLE, Some("2"), 1),
            Some(Duration::from_secs(2))
        );
        assert_eq!(retry_wait(&get, StatusCode::NOT_FOUND, None, 1), None);
        assert_eq!(
            retry_wait(&get, StatusCode::TOO_MANY_REQUESTS, Some("999"), 1),
            Some(MAX_RETRY_AFTER)
        );
    }

    #[test]
    fn sites_with_one_tls_identity_share_one_client() {
        let http = Http::new(0);
        let verified = TlsIdentity {
            verify: true,
            ..TlsIdentity::default()
        };
        let insecure = TlsIdentity {
            verify: false,
            ..verified.clone()
        };
        // Four sites: two of each identity, as separate values.
        for tls in [&verified, &insecure, &verified.clone(), &insecure.clone()] {
            http.client(tls).unwrap();
        }
        let missing = TlsIdentity {
            cacert: Some(PathBuf::from("/nonexistent/osprey-test/ca.pem")),
            ..verified.clone()
        };
        assert!(http.client(&missing).is_err());
        let clients = http.clients.lock().unwrap();
        assert_eq!(clients.len(), 2, "{:?}", clients.keys());
        assert!(clients.contains_key(&verified) && clients.contains_key(&insecure));
    }

    #[test]
    fn tls_failures_are_read_from_rustls_messages() {
        let server = "error sending request: client error (Connect): invalid peer certificate: UnknownIssuer";
        assert_eq!(classify_tls(server), Some(TlsFailure::ServerCertificate));
        for alert in [
            "CertificateRequired",
            "BadCertificate",
            "UnknownCA",
            "CertificateUnknown",
        ] {
            let chain = format!("client error (Connect): received fatal alert: {alert}");
            assert_eq!(
                classify_tls(&chain),
                Some(TlsFailure::ClientCertificate),
                "{alert}"
            );
        }
        assert_eq!(
            classify_tls("received fatal alert: ProtocolVersion"),
            Some(TlsFailure::Handshake)
        );
        assert_eq!(
            classify_tls("tcp connect error: Connection refused (os error 111)"),
            None
        );
    }

    #[test]
    fn tls_hints_name_the_setting_to_change() {
        let plain = TlsIdentity {
            verify: true,
            ..TlsIdentity::default()
        };
        let (what, hint) = tls_advice(TlsFailure::ServerCertificate, &plain);
        assert_eq!(what, "the server's certificate could not be verified");
        assert!(
            hint.contains("set `cacert`") && hint.contains("`verify: false`"),
            "{hint}"
        );
        let with_ca = TlsIdentity {
            cacert: Some(PathBuf::from("/etc/ca.pem")),
            ..plain.clone()
        };
        let (_, hint) = tls_advice(TlsFailure::ServerCertificate, &with_ca);
        assert!(
            hint.starts_with("`cacert` (/etc/ca.pem) does not hold"),
            "{hint}"
        );
        let (_, hint) = tls_advice(TlsFailure::ClientCertificate, &plain);
        assert!(hint.contains("set `cert` and `key`"), "{hint}");
        let (what, hint) = tls_advice(TlsFailure::Handshake, &plain);
        assert_eq!(what, "the TLS handshake failed");
        assert!(hint.contains("`cert` and `key`"), "{hint}");
    }
}
