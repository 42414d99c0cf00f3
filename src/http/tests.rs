//! Tests of retries, the client cache, the per-read timeouts and the sites'
//! pools, the last two against local servers (one stalls, dawdles or stops
//! reading; one tells which connection a request came over).

use super::*;
use axum::Router;
use axum::body::Body as AxumBody;
use axum::routing::{get, put};
use std::collections::BTreeSet;
use std::convert::Infallible;
use std::path::PathBuf;
use std::pin::Pin;
use std::task::{Context, Poll};

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
fn a_streamed_body_is_never_sent_twice() {
    let upload = Request::new(Method::PUT, "http://x", Duration::from_secs(1))
        .stream_body(futures::stream::empty::<Result<Bytes, Infallible>>(), None);
    assert_eq!(
        retry_wait(&upload, StatusCode::SERVICE_UNAVAILABLE, Some("1"), 1),
        None
    );
    assert_eq!(retry_wait(&upload, StatusCode::BAD_GATEWAY, None, 1), None);
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
    assert_eq!(http.tls_configs.lock().unwrap().len(), 2);
}

#[test]
fn the_tls_configuration_offers_http2() {
    let verified = TlsIdentity {
        verify: true,
        ..TlsIdentity::default()
    };
    let config = tls::client_config(&verified).unwrap();
    assert_eq!(config.alpn_protocols, [&b"h2"[..], b"http/1.1"]);
    let insecure = TlsIdentity::default();
    assert!(tls::client_config(&insecure).is_ok());
}

const TIMEOUT: Duration = Duration::from_millis(500);

/// Chunks of `text` spaced `gap` apart: 1.2 s in all for the slow routes.
fn dribble(
    text: &'static str,
    gap: Duration,
) -> impl futures::Stream<Item = Result<Bytes, Infallible>> + Send + 'static {
    futures::stream::iter(text.as_bytes().chunks(8)).then(move |part| async move {
        tokio::time::sleep(gap).await;
        Ok(Bytes::copy_from_slice(part))
    })
}

const SLOW: &str = r#"{"images": ["one", "two", "three", "four"]}"#;

async fn serve() -> String {
    async fn count(body: AxumBody) -> String {
        let mut bytes = 0;
        let mut chunks = body.into_data_stream();
        while let Some(chunk) = chunks.next().await {
            match chunk {
                Ok(c) => bytes += c.len(),
                Err(e) => return format!("failed: {e}"),
            }
        }
        bytes.to_string()
    }
    let app = Router::new()
        .route(
            "/stall",
            get(|| async {
                let first = futures::stream::iter([Ok::<_, Infallible>(Bytes::from("{\"a\":"))]);
                AxumBody::from_stream(first.chain(futures::stream::pending()))
            }),
        )
        .route(
            "/slow",
            get(|| async { AxumBody::from_stream(dribble(SLOW, Duration::from_millis(200))) }),
        )
        .route("/hang", get(std::future::pending::<()>))
        .route("/count", put(count))
        .route("/deaf", put(|_body: AxumBody| std::future::pending::<()>()))
        .route(
            "/missing",
            get(|| async {
                (
                    StatusCode::NOT_FOUND,
                    r#"{"itemNotFound": {"code": 404, "message": "no such image"}}"#,
                )
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

fn message(err: &anyhow::Error) -> String {
    let (line, hints) = crate::error::describe(err);
    let hints: Vec<String> = hints.iter().map(|h| format!("hint: {h}")).collect();
    format!("{line}\n{}", hints.join("\n"))
}

#[tokio::test]
async fn a_body_that_stalls_fails_after_one_read_timeout() {
    let base = serve().await;
    let http = Http::new(0);
    let tls = TlsIdentity::default();
    let req = Request::new(Method::GET, format!("{base}/stall"), TIMEOUT);
    let started = Instant::now();
    let err = http.send(&tls, &req).await.unwrap_err();
    let text = message(&err);
    assert!(
        text.contains("timed out after 0.5s: reading the response body")
            && text.contains("hint: raise --timeout"),
        "{text}"
    );
    assert!(started.elapsed() < Duration::from_secs(3), "{text}");

    let resp = http.send_streaming(&tls, &req).await.unwrap().ok().unwrap();
    let chunks: Vec<anyhow::Result<Bytes>> = resp.body.collect().await;
    assert_eq!(chunks.len(), 2, "one chunk, then the timeout");
    assert_eq!(chunks[0].as_ref().unwrap(), &Bytes::from("{\"a\":"));
    let text = message(chunks[1].as_ref().unwrap_err());
    assert!(text.contains("timed out after 0.5s"), "{text}");
}

#[tokio::test]
async fn a_slow_but_steady_body_may_take_longer_than_the_timeout() {
    let base = serve().await;
    let http = Http::new(0);
    let tls = TlsIdentity::default();
    let req = Request::new(Method::GET, format!("{base}/slow"), TIMEOUT);
    let started = Instant::now();
    let resp = http.send(&tls, &req).await.unwrap().ok().unwrap();
    assert_eq!(resp.body, SLOW.as_bytes());
    assert!(started.elapsed() > 2 * TIMEOUT, "{:?}", started.elapsed());

    let resp = http.send_streaming(&tls, &req).await.unwrap();
    let body: Vec<Bytes> = resp.body.try_collect().await.unwrap();
    assert_eq!(body.concat(), SLOW.as_bytes());
}

#[tokio::test]
async fn no_answer_times_out_waiting_for_the_response() {
    let base = serve().await;
    let req = Request::new(Method::GET, format!("{base}/hang"), TIMEOUT);
    let err = Http::new(0)
        .send(&TlsIdentity::default(), &req)
        .await
        .unwrap_err();
    let text = message(&err);
    assert!(
        text.contains("timed out after 0.5s: waiting for the response"),
        "{text}"
    );
}

#[tokio::test]
async fn an_upload_the_service_stops_taking_times_out() {
    let base = serve().await;
    let chunk = Bytes::from(vec![7u8; 64 << 10]);
    let endless = futures::stream::repeat_with(move || Ok::<_, Infallible>(chunk.clone()));
    let req = Request::new(Method::PUT, format!("{base}/deaf"), TIMEOUT).stream_body(endless, None);
    let started = Instant::now();
    let err = Http::new(0)
        .send(&TlsIdentity::default(), &req)
        .await
        .unwrap_err();
    let text = message(&err);
    assert!(
        text.contains("timed out after 0.5s: sending the request body"),
        "{text}"
    );
    assert!(
        !text.contains("tries"),
        "a stream is not sent twice: {text}"
    );
    assert!(started.elapsed() < Duration::from_secs(5), "{text}");
}

#[tokio::test]
async fn a_slow_source_is_not_the_services_timeout() {
    let base = serve().await;
    let body = dribble(SLOW, Duration::from_millis(200));
    let req = Request::new(Method::PUT, format!("{base}/count"), TIMEOUT)
        .stream_body(body, Some(SLOW.len() as u64));
    let started = Instant::now();
    let resp = Http::new(0)
        .send(&TlsIdentity::default(), &req)
        .await
        .unwrap()
        .ok()
        .unwrap();
    assert_eq!(resp.body, SLOW.len().to_string());
    assert!(started.elapsed() > 2 * TIMEOUT, "{:?}", started.elapsed());
}

#[tokio::test]
async fn a_failing_source_is_the_error_and_is_not_retried() {
    let base = serve().await;
    let parts = [
        Ok(Bytes::from("abc")),
        Err(std::io::Error::other("disk read failed")),
    ];
    let req = Request::new(Method::PUT, format!("{base}/count"), TIMEOUT)
        .stream_body(futures::stream::iter(parts), None);
    let http = Http::new(0);
    let err = http.send(&TlsIdentity::default(), &req).await.unwrap_err();
    let text = message(&err);
    assert!(
        text.contains("/count: the request body failed: disk read failed"),
        "{text}"
    );
    let again = http.send(&TlsIdentity::default(), &req).await.unwrap_err();
    assert!(
        message(&again).contains("the streamed body was sent already"),
        "{again:#}"
    );
}

#[tokio::test]
async fn a_streamed_error_answer_is_the_same_api_error() {
    let base = serve().await;
    let req = Request::new(Method::GET, format!("{base}/missing"), TIMEOUT);
    let http = Http::new(0);
    let streamed = http
        .send_streaming(&TlsIdentity::default(), &req)
        .await
        .unwrap()
        .ok()
        .unwrap_err();
    let whole = http
        .send(&TlsIdentity::default(), &req)
        .await
        .unwrap()
        .ok()
        .unwrap_err();
    assert_eq!(streamed.to_string(), whole.to_string());
    assert!(
        streamed
            .to_string()
            .ends_with("returned 404 Not Found: no such image"),
        "{streamed}"
    );
}

/// A login's failure as `auth` shares it between sites: a type of its own
/// that reads as the error it holds, behind which anyhow cannot downcast.
#[derive(Debug)]
struct Shared(std::sync::Arc<anyhow::Error>);

impl std::fmt::Display for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for Shared {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

fn shared(err: anyhow::Error) -> anyhow::Error {
    anyhow::Error::new(Shared(std::sync::Arc::new(
        err.context("authenticating to k"),
    )))
}

#[tokio::test]
async fn a_refused_connection_points_at_the_path_to_the_endpoint() {
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let req = Request::new(Method::GET, format!("http://{closed}/v3"), TIMEOUT).refusal_at_once();
    let err = Http::new(0)
        .send(&TlsIdentity::default(), &req)
        .await
        .unwrap_err();
    let text = message(&err);
    assert!(text.contains("could not connect: "), "{text}");
    assert!(is_unreachable(&err), "{text}");
    // However the error is wrapped, its hint and its kind stay.
    let wrapped = shared(err);
    assert!(is_unreachable(&wrapped));
    let text = message(&wrapped);
    assert!(
        text.ends_with(
            "\nhint: check that the endpoint is reachable from here (VPN, proxy, firewall)"
        ),
        "{text}"
    );
}

/// The client ports of the connections a [`Counting`] server has open.
type Open = tokio::sync::watch::Sender<BTreeSet<u16>>;

/// A listener that tracks which connections are open, so that a test can
/// see one end.
struct Counting {
    listener: tokio::net::TcpListener,
    open: Arc<Open>,
}

/// An accepted connection; it leaves the open set when the server drops it.
struct Counted {
    tcp: tokio::net::TcpStream,
    port: u16,
    open: Arc<Open>,
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.open.send_modify(|o| {
            o.remove(&self.port);
        });
    }
}

impl tokio::io::AsyncRead for Counted {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.tcp).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for Counted {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.tcp).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.tcp).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.tcp).poll_shutdown(cx)
    }
}

impl axum::serve::Listener for Counting {
    type Io = Counted;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Counted, std::net::SocketAddr) {
        let (tcp, addr) = axum::serve::Listener::accept(&mut self.listener).await;
        self.open.send_modify(|o| {
            o.insert(addr.port());
        });
        let open = self.open.clone();
        let port = addr.port();
        (Counted { tcp, port, open }, addr)
    }

    fn local_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.listener.local_addr()
    }
}

/// The client port of the connection a request came over.
#[derive(Clone)]
struct Peer(u16);

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, Counting>> for Peer {
    fn connect_info(stream: axum::serve::IncomingStream<'_, Counting>) -> Self {
        Peer(stream.remote_addr().port())
    }
}

/// A server whose `/port` answers with the client port of the connection
/// and whose `/held` does too, once `go` is notified; the ports of the
/// requests `/held` got go to `arrived`.
struct PortServer {
    url: String,
    open: tokio::sync::watch::Receiver<BTreeSet<u16>>,
    arrived: tokio::sync::mpsc::UnboundedReceiver<u16>,
    go: Arc<tokio::sync::Notify>,
}

async fn serve_ports() -> PortServer {
    use axum::extract::ConnectInfo;
    let (arrived_tx, arrived) = tokio::sync::mpsc::unbounded_channel();
    let go = Arc::new(tokio::sync::Notify::new());
    let held = {
        let go = go.clone();
        move |ConnectInfo(Peer(port)): ConnectInfo<Peer>| async move {
            arrived_tx.send(port).unwrap();
            go.notified().await;
            port.to_string()
        }
    };
    let app = Router::new()
        .route(
            "/port",
            get(|ConnectInfo(Peer(port)): ConnectInfo<Peer>| async move { port.to_string() }),
        )
        .route("/held", get(held));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (open, watched) = tokio::sync::watch::channel(BTreeSet::new());
    let listener = Counting {
        listener,
        open: Arc::new(open),
    };
    let service = app.into_make_service_with_connect_info::<Peer>();
    tokio::spawn(async move { axum::serve(listener, service).await });
    PortServer {
        url,
        open: watched,
        arrived,
        go,
    }
}

/// The client port a request to `path` went over.
async fn port_via(http: &Http, via: Via<'_>, url: &str, path: &str) -> u16 {
    let req = Request::new(Method::GET, format!("{url}{path}"), TIMEOUT);
    let resp = http.send_via(via, &req).await.unwrap().ok().unwrap();
    std::str::from_utf8(&resp.body).unwrap().parse().unwrap()
}

/// Waits (at most 5 s) until the server no longer has `port` open.
async fn closed(server: &mut PortServer, port: u16) {
    let waited = server.open.wait_for(|open| !open.contains(&port));
    tokio::time::timeout(Duration::from_secs(5), waited)
        .await
        .expect("the connection was not closed")
        .unwrap();
}

fn verified() -> TlsIdentity {
    TlsIdentity {
        verify: true,
        ..TlsIdentity::default()
    }
}

#[tokio::test]
async fn sites_do_not_share_a_pool_and_release_closes_one_sites_connections() {
    let mut server = serve_ports().await;
    let http = Http::new(0);
    let (a, b) = (SitePool::new(verified()), SitePool::new(verified()));
    let from_a = port_via(&http, Via::Site(&a), &server.url, "/port").await;
    let from_b = port_via(&http, Via::Site(&b), &server.url, "/port").await;
    assert_ne!(from_a, from_b, "each site connects on its own");
    assert!(server.open.borrow().contains(&from_a));

    a.release();
    closed(&mut server, from_a).await;
    // The other site keeps its connection for its next request.
    assert!(server.open.borrow().contains(&from_b));
    // Sites of one identity share its TLS configuration, built once.
    assert_eq!(http.tls_configs.lock().unwrap().len(), 1);
    assert!(
        http.clients.lock().unwrap().is_empty(),
        "Keystone's is apart"
    );
}

#[tokio::test]
async fn a_host_name_that_does_not_resolve_is_named_and_not_retried() {
    // RFC 6761: `.invalid` never resolves. A machine without a resolver
    // fails the lookup for now instead, which is tried again.
    let req = Request::new(
        Method::GET,
        "http://keystone.osprey-test.invalid:5000/v3",
        TIMEOUT * 10,
    );
    let err = Http::new(0)
        .send(&TlsIdentity::default(), &req)
        .await
        .unwrap_err();
    let wrapped = shared(err);
    let text = message(&wrapped);
    let unknown = text.contains(
        "GET http://keystone.osprey-test.invalid:5000/v3: host keystone.osprey-test.invalid \
         does not resolve: ",
    );
    let for_now = text.contains(
        "GET http://keystone.osprey-test.invalid:5000/v3: could not resolve host \
         keystone.osprey-test.invalid (after 4 tries): ",
    );
    assert!(unknown || for_now, "{text}");
    assert!(
        text.contains("\nhint: the host name keystone.osprey-test.invalid does not resolve here")
            || text
                .contains("\nhint: the resolver did not answer for keystone.osprey-test.invalid"),
        "{text}"
    );
    assert!(
        !text.contains("VPN") && !text.contains("could not connect"),
        "{text}"
    );
    // Another endpoint, a fresh catalog's, may have a name that does.
    assert!(is_unreachable(&wrapped));
}

#[tokio::test]
async fn a_released_site_sends_again_and_a_request_in_flight_finishes() {
    let mut server = serve_ports().await;
    let http = Http::new(0);
    let site = SitePool::new(verified());
    let first = port_via(&http, Via::Site(&site), &server.url, "/port").await;
    site.release();
    closed(&mut server, first).await;
    let again = port_via(&http, Via::Site(&site), &server.url, "/port").await;
    assert_ne!(again, first, "a new connection");

    // Released while a request waits for its answer: the request keeps
    // its connection until it ends, and the connection closes then.
    let url = server.url.clone();
    let held = port_via(&http, Via::Site(&site), &url, "/held");
    let release = async {
        let port = server.arrived.recv().await.unwrap();
        site.release();
        server.go.notify_one();
        port
    };
    let (answered, arrived) = tokio::join!(held, release);
    assert_eq!(answered, arrived);
    closed(&mut server, answered).await;
}

#[test]
fn a_site_holds_a_connection_per_service_read_at_once() {
    assert!(crate::api::Service::ALL.len() <= CONNECTIONS_PER_SITE);
}
