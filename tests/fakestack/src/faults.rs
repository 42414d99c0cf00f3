//! Fault injection, latency and request logging: the layer in front of every listener.

use std::sync::Mutex;
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use serde::{Deserialize, Serialize};

use crate::errors;
use crate::journal::key_matches;
use crate::server::Ctx;
use crate::shaping::{self, Direction, Shape};
use crate::state::lock;

/// Which listeners a fault or a latency applies to.
///
/// JSON (control API): `{"keystone": "fake-a"}`, `{"region": "RegionOne"}`, `"all"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The Keystone of a cloud (every one of them when per-region), or one
    /// per-region Keystone as `"<cloud>/<region>"`.
    Keystone(String),
    /// A region's listener: all of its services.
    Region(String),
    /// Every Keystone and every region.
    All,
}

impl Target {
    /// Whether the listener with this key (`keystone:<cloud>[/<region>]` or a
    /// region name) is targeted.
    pub(crate) fn matches(&self, listener: &str) -> bool {
        match self {
            Target::All => true,
            Target::Region(r) => listener == r,
            Target::Keystone(c) => key_matches(&format!("keystone:{c}"), listener),
        }
    }
}

/// What a fault does to a matching request.
///
/// JSON: `{"status": {"code": 503, "retry_after": 2}}`, `"hang"`, `"truncated"`,
/// `"html"`, `"unauthorized"`, `{"cut_body": {"after_bytes": 1048576}}`,
/// `{"slow_body": {"bytes_per_sec": 65536}}`,
/// `{"pause_body": {"after_bytes": 0, "ms": 3000}}`, `"drop_answer"`,
/// `"swallow_answer"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer this status with the service's own error body, without running
    /// the handler; `Retry-After: <seconds>` when given.
    Status {
        code: u16,
        #[serde(default)]
        retry_after: Option<u64>,
    },
    /// Never answer (the connection stays open until the client gives up).
    Hang,
    /// Run the handler, then send only the first half of its body (with a
    /// matching `Content-Length`, so the JSON, not the HTTP, is broken).
    Truncated,
    /// Run the handler, then replace its body with a webob-style HTML page for
    /// the same status (`Content-Type: text/html; charset=UTF-8`).
    Html,
    /// Revoke the request's `X-Auth-Token` and answer the service's 401, so the
    /// client must authenticate again (with `after: N`: a token that dies after
    /// N good requests).
    Unauthorized,
    /// Streamed bodies stop after `after_bytes`: a response (an image
    /// download, or any answer) is cut off, the connection dropped before its
    /// `Content-Length`; a request body (an upload) is no longer read, so
    /// the client stalls.
    CutBody { after_bytes: u64 },
    /// Request and response bodies flow at `bytes_per_sec`.
    SlowBody { bytes_per_sec: u64 },
    /// Request and response bodies stop for `ms` milliseconds after
    /// `after_bytes`, then go on (a client's per-read timeout shorter than
    /// the pause fails, a longer one succeeds).
    PauseBody { after_bytes: u64, ms: u64 },
    /// Run the handler, so the request takes effect, then drop the
    /// connection without a byte of the answer (a proxy or a network that
    /// fails after the service acted).
    DropAnswer,
    /// Run the handler, so the request takes effect, then never answer
    /// (the client's read timeout ends it).
    SwallowAnswer,
}

/// A fault to inject. Counting is per fault over the requests it matches:
/// the first `after` pass untouched, then the next `times` (or all, `None`)
/// get `kind`.
///
/// JSON: `{"target": {"region": "RegionOne"}, "method": "GET",
/// "path_prefix": "/compute", "kind": "hang", "after": 0, "times": 1}`
/// (`method`, `path_prefix`, `after`, `times` optional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    pub target: Target,
    /// HTTP method to match (case-insensitive); `None` matches any.
    #[serde(default)]
    pub method: Option<String>,
    /// Prefix of the full request path (service prefix included, e.g.
    /// `/compute/v2.1/os-keypairs` or `/v3/auth/tokens`); `None` matches any.
    #[serde(default)]
    pub path_prefix: Option<String>,
    pub kind: FaultKind,
    /// Matching requests let through before the fault starts.
    #[serde(default)]
    pub after: u32,
    /// How many matching requests get the fault; `None` for ever.
    #[serde(default)]
    pub times: Option<u32>,
}

impl Fault {
    /// A fault on every request to `target`, from the first one, for ever.
    pub fn new(target: Target, kind: FaultKind) -> Self {
        Self {
            target,
            method: None,
            path_prefix: None,
            kind,
            after: 0,
            times: None,
        }
    }

    /// Every request to `region` answered with `code` (no `Retry-After`).
    pub fn status(region: &str, code: u16) -> Self {
        Self::new(
            Target::Region(region.to_string()),
            FaultKind::Status {
                code,
                retry_after: None,
            },
        )
    }

    /// Only requests with this method.
    pub fn method(mut self, method: &str) -> Self {
        self.method = Some(method.to_owned());
        self
    }

    /// Only requests whose path starts with this.
    pub fn path_prefix(mut self, prefix: &str) -> Self {
        self.path_prefix = Some(prefix.to_owned());
        self
    }

    /// Let `n` matching requests pass first.
    pub fn after(mut self, n: u32) -> Self {
        self.after = n;
        self
    }

    /// Fault only `k` matching requests (after those let through).
    pub fn times(mut self, k: u32) -> Self {
        self.times = Some(k);
        self
    }

    /// Why the fault can't be armed, if it can't: a status outside 100..=599,
    /// a body slowed to nothing.
    pub(crate) fn problem(&self) -> Option<String> {
        match self.kind {
            FaultKind::Status { code, .. } if !(100..=599).contains(&code) => {
                Some(format!("status {code} is not an HTTP status"))
            }
            FaultKind::SlowBody { bytes_per_sec: 0 } => {
                Some("slow_body needs bytes_per_sec above 0".to_owned())
            }
            _ => None,
        }
    }

    fn matches(&self, listener: &str, method: &str, path: &str) -> bool {
        self.target.matches(listener)
            && self
                .method
                .as_ref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self
                .path_prefix
                .as_ref()
                .is_none_or(|p| path.starts_with(p.as_str()))
    }
}

/// An injected fault with its counters.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Armed {
    #[serde(flatten)]
    pub fault: Fault,
    /// Matching requests seen.
    pub seen: u32,
    /// Requests it was applied to.
    pub fired: u32,
}

#[derive(Debug, Default)]
pub(crate) struct Faults {
    armed: Mutex<Vec<Armed>>,
}

impl Faults {
    pub fn add(&self, fault: Fault) {
        lock(&self.armed).push(Armed {
            fault,
            seen: 0,
            fired: 0,
        });
    }

    pub fn clear(&self) {
        lock(&self.armed).clear();
    }

    pub fn list(&self) -> Vec<Armed> {
        lock(&self.armed).clone()
    }

    /// Counts the request against every matching fault and returns the kind
    /// of the first one that fires.
    pub fn check(&self, listener: &str, method: &str, path: &str) -> Option<FaultKind> {
        let mut armed = lock(&self.armed);
        let mut fired = None;
        for a in armed.iter_mut() {
            if !a.fault.matches(listener, method, path) {
                continue;
            }
            a.seen += 1;
            let due = a.seen > a.fault.after && a.fault.times.is_none_or(|k| a.fired < k);
            if due && fired.is_none() {
                a.fired += 1;
                fired = Some(a.fault.kind.clone());
            }
        }
        fired
    }
}

/// The text a status fault carries, close to webob's explanations.
fn explanation(status: StatusCode) -> &'static str {
    match status.as_u16() {
        500 => "The server has either erred or is incapable of performing the requested operation.",
        502 => "Bad gateway.",
        503 => "The server is currently unavailable. Please try again at a later time.",
        504 => "The gateway has timed out.",
        429 => "This request was rate-limited.",
        _ => status.canonical_reason().unwrap_or("Error"),
    }
}

/// Middleware in front of every Keystone and region listener: log, wait the
/// latency, apply a due fault or run the handler, record the status.
pub(crate) async fn site_layer(State(ctx): State<Ctx>, req: Request, next: Next) -> Response {
    let world = ctx.world.clone();
    let key = ctx.key().to_owned();
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let headers = req
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let seq = world
        .journal
        .record(&key, &method, &path, req.uri().query(), headers);

    let delay = world.latency_of(&key);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }

    let service = ctx.service_of(&path);
    let mut resp = match world.faults.check(&key, &method, &path) {
        None => next.run(req).await,
        Some(
            kind @ (FaultKind::CutBody { .. }
            | FaultKind::SlowBody { .. }
            | FaultKind::PauseBody { .. }),
        ) => shaped(req, next, &kind).await,
        Some(FaultKind::Hang) => std::future::pending().await,
        Some(FaultKind::Status { code, retry_after }) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            let mut resp = match service {
                Some(s) => errors::service(s, status, explanation(status)),
                None => crate::body::html(status, explanation(status)),
            };
            if let Some(secs) = retry_after {
                resp.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            }
            resp
        }
        Some(FaultKind::Unauthorized) => {
            if let Some(token) = req
                .headers()
                .get("x-auth-token")
                .and_then(|v| v.to_str().ok())
            {
                ctx.realm().revoke(token);
            }
            errors::service_unauthorized(
                service.unwrap_or(crate::region::Service::Compute),
                &ctx.realm().url,
            )
        }
        Some(FaultKind::Truncated) => truncate(next.run(req).await).await,
        Some(kind @ (FaultKind::DropAnswer | FaultKind::SwallowAnswer)) => {
            let applied = next.run(req).await;
            world.journal.finish(seq, applied.status().as_u16());
            drop(applied);
            if kind == FaultKind::SwallowAnswer {
                std::future::pending::<()>().await;
            }
            // Unwinding the connection's task closes its socket before any
            // byte of the answer is written; `resume_unwind` skips the
            // panic hook, so nothing is printed.
            std::panic::resume_unwind(Box::new("fakestack: answer dropped"));
        }
        Some(FaultKind::Html) => {
            let status = next.run(req).await.status();
            let mut resp = crate::body::html(status, explanation(status));
            errors::add_request_id(service, &mut resp);
            resp
        }
    };
    if ctx.is_keystone() {
        crate::keystone::decorate(&mut resp);
    }
    world.journal.finish(seq, resp.status().as_u16());
    resp
}

/// Runs the handler with the request body shaped, and shapes its response body.
async fn shaped(req: Request, next: Next, kind: &FaultKind) -> Response {
    let Some(shape) = Shape::of(kind) else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let req = Request::from_parts(parts, shaping::shape(body, shape, Direction::Request));
    let (parts, body) = next.run(req).await.into_parts();
    Response::from_parts(parts, shaping::shape(body, shape, Direction::Response))
}

async fn truncate(resp: Response) -> Response {
    let (mut parts, body) = resp.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let cut = if bytes.len() >= 2 {
        bytes.slice(..bytes.len() / 2)
    } else {
        axum::body::Bytes::from_static(b"{\"")
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(cut))
}

/// Latency applies before every response of a listener.
impl crate::state::World {
    pub fn latency_of(&self, listener: &str) -> Duration {
        lock(&self.latency)
            .get(listener)
            .copied()
            .unwrap_or_default()
    }

    /// Whether any listener is targeted (catches a misspelt region).
    pub fn targets_something(&self, target: &Target) -> bool {
        lock(&self.latency).keys().any(|k| target.matches(k))
    }

    pub fn set_latency(&self, target: &Target, latency: Duration) {
        for (key, value) in lock(&self.latency).iter_mut() {
            if target.matches(key) {
                *value = latency;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_and_times_count_matching_requests_only() {
        let faults = Faults::default();
        faults.add(
            Fault::new(Target::Region("R1".into()), FaultKind::Hang)
                .method("get")
                .path_prefix("/compute")
                .after(1)
                .times(2),
        );
        assert_eq!(faults.check("R1", "GET", "/compute/v2.1"), None);
        assert_eq!(faults.check("R1", "POST", "/compute/v2.1"), None);
        assert_eq!(faults.check("R2", "GET", "/compute/v2.1"), None);
        assert_eq!(faults.check("R1", "GET", "/network"), None);
        assert_eq!(
            faults.check("R1", "GET", "/compute/v2.1"),
            Some(FaultKind::Hang)
        );
        assert_eq!(faults.check("R1", "GET", "/compute"), Some(FaultKind::Hang));
        assert_eq!(faults.check("R1", "GET", "/compute"), None);
    }

    #[test]
    fn target_json_is_readable() {
        let f: Fault = serde_json::from_str(
            r#"{"target": {"keystone": "fake-a"}, "kind": {"status": {"code": 503, "retry_after": 2}}}"#,
        )
        .unwrap();
        assert_eq!(f.target, Target::Keystone("fake-a".into()));
        assert_eq!(
            f.kind,
            FaultKind::Status {
                code: 503,
                retry_after: Some(2)
            }
        );
        let f: Fault =
            serde_json::from_str(r#"{"target": "all", "kind": "hang", "times": 1}"#).unwrap();
        assert_eq!(f.target, Target::All);
        assert!(Target::Keystone("c2".into()).matches("keystone:c2/r3"));
        assert!(!Target::Keystone("c2".into()).matches("r3"));
    }
}
