//! Tests of retries, the client cache and the per-read timeouts, the last
//! against a local server that stalls, dawdles or stops reading.

use super::*;
use axum::Router;
use axum::body::Body as AxumBody;
use axum::routing::{get, put};
use std::convert::Infallible;
use std::path::PathBuf;

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
