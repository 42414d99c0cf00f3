//! HTTP: a connection pool per site (and one per TLS identity for Keystone),
//! connect and per-read timeouts, retries with backoff for replayable
//! idempotent calls, `Retry-After`, streamed request and response bodies,
//! and `-v`/`-vv` traces with secrets masked.

mod errors;
mod pool;
mod stream;
mod tls;
mod trace;
mod transport;

pub(crate) use errors::{
    ApiError, Unanswered, answer_lost, error_message, has_status, is_unreachable,
};
pub(crate) use pool::{SitePool, Via};
pub(crate) use stream::{BodyStream, StreamBody};
pub use transport::TlsIdentity;

use crate::error::hinted;
use bytes::{Bytes, BytesMut};
use errors::snippet;
use futures::{StreamExt, TryStreamExt};
use pool::build_client;
use reqwest::header::{CONTENT_LENGTH, HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use stream::{Activity, Incoming, Outgoing};
use transport::{Failure, transport_error};

pub(crate) const USER_AGENT: &str = concat!("osprey/", env!("CARGO_PKG_VERSION"));

/// The most connections one site holds at once: what a budget of open files
/// multiplies the concurrency by.
///
/// A site's requests are at most this many at once: a command reads its
/// services in parallel (`sites --check` the six of `Service::ALL`:
/// identity, compute, network, image, volume, placement; `quota show` four
/// services and the unified limits; the IP inventory five network lists),
/// and each read is sequential (pages, a retry, a renewed token). Over
/// HTTP/1.1 each request in flight holds a connection of its own, and a
/// pool opens one only for a request that finds none idle, so a site holds
/// as many as it had requests in flight at once, whether its services
/// share one listener or each have their own (HTTP/2 needs fewer still).
/// Idle connections are capped at this number per host too, which bounds
/// the rare extra one (opened for a request that an older connection,
/// freed meanwhile, served). Keystone's connections come on top (see
/// `Via::Shared`): one per login at a time, few per run.
pub(crate) const CONNECTIONS_PER_SITE: usize = 6;

/// How many times a request is sent at most (the first try and the retries).
const MAX_ATTEMPTS: u32 = 4;
/// The first backoff; it doubles after each retry.
const BACKOFF: Duration = Duration::from_millis(250);
/// The longest wait before a retry: the cap of a `Retry-After` and of the backoff.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(5);

tokio::task_local! {
    /// When the current site's work must be over (`--site-timeout`).
    static DEADLINE: Instant;
}

/// Runs a site's work under its deadline: a retry waits only while the
/// deadline allows.
pub(crate) async fn with_deadline<F: std::future::Future>(deadline: Instant, work: F) -> F::Output {
    DEADLINE.scope(deadline, work).await
}

/// Whether waiting `wait` before a retry still ends before the site's deadline.
fn deadline_allows(wait: Duration) -> bool {
    DEADLINE
        .try_with(|d| Instant::now() + wait < *d)
        .unwrap_or(true)
}
/// How much of an error body `send_streaming` reads: enough for any
/// OpenStack or proxy message, little enough for a mislabelled download.
const MAX_ERROR_BODY: usize = 1 << 20;

/// The HTTP layer shared by every site of a run.
pub struct Http {
    /// Keystone's clients ([`Via::Shared`]), one per TLS identity.
    clients: Mutex<HashMap<TlsIdentity, reqwest::Client>>,
    /// The TLS configuration of each identity, built once for all its
    /// clients (see `tls.rs`).
    tls_configs: Mutex<HashMap<TlsIdentity, Arc<rustls::ClientConfig>>>,
    verbose: u8,
}

/// One request, built by `api/` and `auth/`.
#[derive(Debug, Clone)]
pub struct Request {
    pub(crate) method: Method,
    pub(crate) url: String,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Body,
    /// The longest wait for any one step: the connection, the status line,
    /// taking the next chunk of a streamed body, each chunk of the answer.
    pub(crate) timeout: Duration,
    /// Whether a refused connection is tried again. A caller that has a
    /// better remedy (a fresh catalog) asks for the refusal at once.
    pub(crate) retry_refused: bool,
}

/// What a request sends.
#[derive(Debug, Clone, Default)]
pub(crate) enum Body {
    #[default]
    Empty,
    Json(Value),
    /// Sent as it is produced and never retried: it cannot be replayed.
    Stream(StreamBody),
}

impl Request {
    pub fn new(method: Method, url: impl Into<String>, timeout: Duration) -> Self {
        Request {
            method,
            url: url.into(),
            headers: HeaderMap::new(),
            body: Body::Empty,
            timeout,
            retry_refused: true,
        }
    }

    /// Reports a refused connection at once instead of retrying it.
    pub(crate) fn refusal_at_once(mut self) -> Self {
        self.retry_refused = false;
        self
    }

    pub(crate) fn header(mut self, name: &'static str, value: &str) -> Self {
        if let Ok(v) = HeaderValue::from_str(value) {
            self.headers.insert(HeaderName::from_static(name), v);
        }
        self
    }

    pub(crate) fn json(mut self, body: Value) -> Self {
        self.body = Body::Json(body);
        self
    }

    /// A body sent from `stream` as it yields, with `Content-Length` when
    /// the length is known (chunked otherwise). The stream is polled only
    /// while the connection takes bytes, so memory stays flat however
    /// large the body; a stall of the stream itself is its own to time out.
    pub fn stream_body<S, E>(mut self, stream: S, content_length: Option<u64>) -> Self
    where
        S: futures::Stream<Item = Result<Bytes, E>> + Send + 'static,
        E: Into<anyhow::Error> + 'static,
    {
        let stream = stream.map_err(Into::into).boxed();
        self.body = Body::Stream(StreamBody::new(stream, content_length));
        self
    }

    fn idempotent(&self) -> bool {
        matches!(
            self.method,
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
        )
    }

    /// Whether the body can be sent again. A streamed body is consumed as
    /// it is sent, and even a refused connection may have polled it, so it
    /// is never retried: the caller starts the transfer over.
    fn replayable(&self) -> bool {
        !matches!(self.body, Body::Stream(_))
    }
}

/// A response whose body has been read.
#[derive(Debug, Clone)]
pub struct Response {
    pub(crate) method: Method,
    pub(crate) url: String,
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
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

    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// `Ok(self)` for 2xx (and 300 for version documents); an [`ApiError`] otherwise.
    pub fn ok(self) -> anyhow::Result<Response> {
        check(&self.method, &self.url, self.status, &self.body)
            .map_err(|e| e.asked_to_wait(self.header("retry-after")).into_error())?;
        Ok(self)
    }
}

impl ApiError {
    /// Names the wait a service asked for that osprey did not give it (at
    /// most [`MAX_RETRY_AFTER`] between tries, and never past the site's
    /// deadline).
    fn asked_to_wait(mut self, retry_after: Option<&str>) -> Self {
        if let Some(after) = retry_after.map(str::trim).filter(|a| !a.is_empty()) {
            let asked = match after.parse::<u64>() {
                Ok(secs) => format!("after {secs}s"),
                Err(_) => format!("at {after}"),
            };
            self.message.push_str(&format!(
                " (it asked to retry {asked}; osprey waits at most {}s between tries and \
                 never past the site's deadline, --site-timeout)",
                MAX_RETRY_AFTER.as_secs()
            ));
        }
        self
    }
}

/// An [`ApiError`] with the service's message for a status that is not a success.
fn check(method: &Method, url: &str, status: StatusCode, body: &[u8]) -> Result<(), ApiError> {
    if success(status) {
        Ok(())
    } else {
        Err(ApiError::new(method, url, status, body))
    }
}

/// A response whose body is read as it arrives. The body of an answer that
/// is not a success has been read already (it is small, and retries and
/// [`StreamingResponse::ok`] need it).
pub struct StreamingResponse {
    pub(crate) method: Method,
    pub(crate) url: String,
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    /// Each chunk arrives within the request's timeout or the stream ends
    /// with a timeout error; a cut-off body is an error too.
    pub body: BodyStream,
    error_body: Bytes,
}

impl StreamingResponse {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The announced length of the body, if the service sent one.
    pub fn content_length(&self) -> Option<u64> {
        self.header("content-length")?.trim().parse().ok()
    }

    /// `Ok(self)` for 2xx (and 300); an [`ApiError`] with the service's
    /// message otherwise, as [`Response::ok`].
    pub fn ok(self) -> anyhow::Result<StreamingResponse> {
        check(&self.method, &self.url, self.status, &self.error_body)
            .map_err(|e| e.asked_to_wait(self.header("retry-after")).into_error())?;
        Ok(self)
    }
}

impl std::fmt::Debug for StreamingResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamingResponse")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("status", &self.status)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

fn success(status: StatusCode) -> bool {
    status.is_success() || status == StatusCode::MULTIPLE_CHOICES
}

/// One answer as an attempt got it.
struct Exchange {
    url: String,
    status: StatusCode,
    headers: HeaderMap,
    body: Received,
    elapsed: Duration,
}

enum Received {
    Whole(Bytes),
    Streaming(Incoming),
}

impl Exchange {
    fn retry_after(&self) -> Option<&str> {
        self.headers
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
    }
}

impl Http {
    pub fn new(verbose: u8) -> Self {
        Http {
            clients: Mutex::new(HashMap::new()),
            tls_configs: Mutex::new(HashMap::new()),
            verbose,
        }
    }

    /// The shared client of a TLS identity, built on first use.
    pub(crate) fn client(&self, tls: &TlsIdentity) -> anyhow::Result<reqwest::Client> {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = clients.get(tls) {
            return Ok(c.clone());
        }
        let client = build_client(self.tls_config(tls)?.as_ref())?;
        clients.insert(tls.clone(), client.clone());
        Ok(client)
    }

    /// The TLS configuration of an identity, built on first use. A failure
    /// (an unreadable `cacert`) is not kept: each site reports it.
    fn tls_config(&self, tls: &TlsIdentity) -> anyhow::Result<Arc<rustls::ClientConfig>> {
        let mut configs = self.tls_configs.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = configs.get(tls) {
            return Ok(c.clone());
        }
        let config = Arc::new(tls::client_config(tls)?);
        configs.insert(tls.clone(), config.clone());
        Ok(config)
    }

    /// The client a request goes through.
    fn client_via(&self, via: Via<'_>) -> anyhow::Result<reqwest::Client> {
        match via {
            Via::Shared(tls) => self.client(tls),
            Via::Site(pool) => pool.client(|| build_client(self.tls_config(&pool.tls)?.as_ref())),
        }
    }

    /// How much to trace: 0 nothing, 1 each request, 2 with bodies.
    pub(crate) fn verbose(&self) -> u8 {
        self.verbose
    }

    /// Sends a request with retries and reads the whole answer; any HTTP
    /// status is returned as a `Response` (use [`Response::ok`]);
    /// transport failures are errors.
    pub async fn send(&self, tls: &TlsIdentity, req: &Request) -> anyhow::Result<Response> {
        self.send_via(Via::Shared(tls), req).await
    }

    /// [`Http::send`] over a site's pool, or the shared client.
    pub(crate) async fn send_via(&self, via: Via<'_>, req: &Request) -> anyhow::Result<Response> {
        let tls = via.tls();
        let ex = self.exchange(via, req, false).await?;
        let body = match ex.body {
            Received::Whole(body) => body,
            // Not asked for a stream, `exchange` reads every body; should
            // one come anyway, reading it here keeps `send` the same.
            Received::Streaming(incoming) => read_all(incoming, None)
                .await
                .map_err(|f| transport_error(req, tls, f, 1))?,
        };
        Ok(Response {
            method: req.method.clone(),
            url: ex.url,
            status: ex.status,
            headers: ex.headers,
            body,
        })
    }

    /// Sends a request with retries (as [`Http::send`]) and returns once
    /// the headers are in: a successful answer's body is left to stream.
    pub async fn send_streaming(
        &self,
        tls: &TlsIdentity,
        req: &Request,
    ) -> anyhow::Result<StreamingResponse> {
        self.send_streaming_via(Via::Shared(tls), req).await
    }

    /// [`Http::send_streaming`] over a site's pool, or the shared client.
    pub(crate) async fn send_streaming_via(
        &self,
        via: Via<'_>,
        req: &Request,
    ) -> anyhow::Result<StreamingResponse> {
        let tls = via.tls();
        let ex = self.exchange(via, req, true).await?;
        let (body, error_body): (BodyStream, Bytes) = match ex.body {
            Received::Whole(bytes) => (futures::stream::iter([Ok(bytes.clone())]).boxed(), bytes),
            Received::Streaming(incoming) => {
                let origin = Request::new(req.method.clone(), ex.url.clone(), req.timeout);
                let tls = tls.clone();
                let body = incoming
                    .map_err(move |f| transport_error(&origin, &tls, f, 1))
                    .boxed();
                (body, Bytes::new())
            }
        };
        Ok(StreamingResponse {
            method: req.method.clone(),
            url: ex.url,
            status: ex.status,
            headers: ex.headers,
            body,
            error_body,
        })
    }

    /// The retry loop shared by both sends.
    async fn exchange(
        &self,
        via: Via<'_>,
        req: &Request,
        stream_success: bool,
    ) -> anyhow::Result<Exchange> {
        let tls = via.tls();
        let client = self.client_via(via)?;
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let result = self.attempt(&client, req, stream_success).await;
            let elapsed = started.elapsed();
            let wait = match &result {
                Ok(ex) => {
                    let shown = match &ex.body {
                        Received::Whole(body) => trace::Shown::Whole(body),
                        Received::Streaming(_) => trace::Shown::Streamed,
                    };
                    trace::response(self.verbose, req, ex.status, &ex.headers, ex.elapsed, shown);
                    retry_wait(req, ex.status, ex.retry_after(), attempt)
                }
                Err(f) => {
                    trace::failure(self.verbose, req, f, elapsed);
                    // A refused connection never reached the service, so
                    // even a POST is safe to send again; a certificate
                    // problem will be the same next time, and so will a
                    // host name that does not exist or a resource of this
                    // machine that ran out (see `ConnectCause::may_pass`).
                    let retryable = req.replayable()
                        && (req.idempotent() || f.is_connect())
                        && !f.is_timeout()
                        && (req.retry_refused || !f.is_connect());
                    let passing = f.connect_cause().is_none_or(|c| c.may_pass());
                    if retryable && passing && f.tls().is_none() {
                        Some(backoff(attempt))
                    } else {
                        None
                    }
                }
            };
            let wait = wait.filter(|_| attempt < MAX_ATTEMPTS);
            match (result, wait) {
                (Ok(ex), Some(w)) if deadline_allows(w) => {
                    drop(ex);
                    tokio::time::sleep(w).await;
                }
                (Err(_), Some(w)) if deadline_allows(w) => tokio::time::sleep(w).await,
                (Ok(ex), _) => return Ok(ex),
                (Err(f), _) => return Err(transport_error(req, tls, f, attempt)),
            }
            attempt += 1;
        }
    }

    /// One try: connect, send, wait for the headers, and read the body
    /// unless it is a success to be streamed.
    async fn attempt(
        &self,
        client: &reqwest::Client,
        req: &Request,
        stream_success: bool,
    ) -> Result<Exchange, Failure> {
        trace::request(self.verbose, req);
        let activity = Activity::new(matches!(req.body, Body::Stream(_)));
        let mut builder = client
            .request(req.method.clone(), &req.url)
            .headers(req.headers.clone());
        let mut source_failed = None;
        match &req.body {
            Body::Empty => {}
            Body::Json(body) => builder = builder.json(body),
            Body::Stream(body) => {
                let stream = body.take().ok_or_else(|| {
                    Failure::Source(anyhow::anyhow!("the streamed body was sent already"))
                })?;
                if let Some(len) = body.content_length() {
                    builder = builder.header(CONTENT_LENGTH, len);
                }
                let (outgoing, failed) =
                    Outgoing::new(stream, body.content_length(), activity.clone());
                source_failed = Some(failed);
                builder = builder.body(reqwest::Body::wrap_stream(outgoing));
            }
        }
        let started = Instant::now();
        let resp = match stream::within(builder.send(), req.timeout, &activity).await {
            Ok(Ok(resp)) => resp,
            Ok(Err(e)) => {
                let source = source_failed.as_deref().and_then(stream::source_error);
                return Err(source.map_or(Failure::Transport(e), Failure::Source));
            }
            Err(stall) => return Err(Failure::TimedOut(stall)),
        };
        let status = resp.status();
        let headers = resp.headers().clone();
        let url = resp.url().to_string();
        let incoming = Incoming::new(resp.bytes_stream().boxed(), req.timeout);
        let body = if stream_success && success(status) {
            Received::Streaming(incoming)
        } else {
            let limit = stream_success.then_some(MAX_ERROR_BODY);
            Received::Whole(read_all(incoming, limit).await?)
        };
        Ok(Exchange {
            url,
            status,
            headers,
            body,
            elapsed: started.elapsed(),
        })
    }
}

/// The whole body, or its first `limit` bytes.
async fn read_all(mut incoming: Incoming, limit: Option<usize>) -> Result<Bytes, Failure> {
    let mut body = BytesMut::new();
    while let Some(chunk) = incoming.next().await {
        body.extend_from_slice(&chunk?);
        if let Some(limit) = limit.filter(|&l| body.len() >= l) {
            body.truncate(limit);
            break;
        }
    }
    Ok(body.freeze())
}

/// How long to wait before sending `req` again after `status`, if at all.
fn retry_wait(
    req: &Request,
    status: StatusCode,
    retry_after: Option<&str>,
    attempt: u32,
) -> Option<Duration> {
    if !req.replayable() {
        return None;
    }
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
    (BACKOFF * 2u32.pow(attempt.saturating_sub(1))).min(MAX_RETRY_AFTER)
}

#[cfg(test)]
mod tests;
