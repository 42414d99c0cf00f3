//! One GiB up and one GiB down through `osprey::http`, from a generator to a
//! hashing sink, with the peak memory of the whole process (client and the
//! local server both) under 64 MiB. Alone in its binary so that no other
//! test adds to that peak.

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::routing::{get, put};
use bytes::Bytes;
use futures::{Stream, StreamExt};
use osprey::http::{Http, Request, TlsIdentity};
use reqwest::Method;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TOTAL: u64 = 1 << 30;
/// Small enough that the buffers on the way hold a few MiB, large enough
/// that per-chunk work in a debug build does not dominate.
const CHUNK: usize = 256 << 10;
const PEAK_LIMIT_KIB: u64 = 64 << 10;

/// Bytes counted and hashed as they pass.
#[derive(Default)]
struct Tally {
    bytes: u64,
    sha: Sha256,
}

impl Tally {
    fn add(&mut self, chunk: &[u8]) {
        self.bytes += chunk.len() as u64;
        self.sha.update(chunk);
    }

    fn finish(self) -> (u64, String) {
        let digest = self.sha.finalize();
        let hex = digest.iter().map(|b| format!("{b:02x}")).collect();
        (self.bytes, hex)
    }
}

type Report = Arc<Mutex<Option<(u64, String)>>>;

/// `TOTAL` bytes made on the fly: one block, each chunk stamped with its
/// number so that a lost, repeated or reordered chunk changes the hash.
/// What it yielded is tallied into `report` with the last chunk.
fn generate(report: Report) -> impl Stream<Item = Result<Bytes, Infallible>> + Send + 'static {
    let block: Arc<Vec<u8>> = Arc::new((0..CHUNK).map(|i| (i * 31 % 251) as u8).collect());
    let chunks = TOTAL / CHUNK as u64;
    futures::stream::unfold((0u64, Tally::default()), move |(n, mut tally)| {
        let block = block.clone();
        let report = report.clone();
        async move {
            if n == chunks {
                return None;
            }
            let mut chunk = block.as_slice().to_vec();
            chunk[..8].copy_from_slice(&n.to_le_bytes());
            tally.add(&chunk);
            // Reported with the last chunk: with a Content-Length the
            // reader does not ask again after it.
            if n + 1 == chunks {
                *report.lock().unwrap() = Some(std::mem::take(&mut tally).finish());
            }
            Some((Ok(Bytes::from(chunk)), (n + 1, tally)))
        }
    })
}

async fn sink(body: Body) -> axum::Json<Value> {
    let mut tally = Tally::default();
    let mut chunks = body.into_data_stream();
    while let Some(chunk) = chunks.next().await {
        match chunk {
            Ok(c) => tally.add(&c),
            Err(e) => return axum::Json(json!({"error": e.to_string()})),
        }
    }
    let (bytes, sha256) = tally.finish();
    axum::Json(json!({"bytes": bytes, "sha256": sha256}))
}

async fn source(State(report): State<Report>) -> axum::response::Response {
    axum::response::Response::builder()
        .header("content-length", TOTAL)
        .body(Body::from_stream(generate(report)))
        .unwrap()
}

/// The peak resident memory of this process so far, in KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM in /proc/self/status");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_gib_streams_up_and_down_in_flat_memory() {
    let served: Report = Arc::default();
    let app = Router::new()
        .route("/upload", put(sink))
        .route("/download", get(source))
        .with_state(served.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let http = Http::new(0);
    let tls = TlsIdentity::default();
    let timeout = Duration::from_secs(30);
    let started = Instant::now();

    let sent: Report = Arc::default();
    let upload = Request::new(Method::PUT, format!("{base}/upload"), timeout)
        .stream_body(generate(sent.clone()), Some(TOTAL));
    let answer: Value = http
        .send(&tls, &upload)
        .await
        .unwrap()
        .ok()
        .unwrap()
        .json()
        .unwrap();
    let (sent_bytes, sent_sha) = sent.lock().unwrap().clone().expect("the upload ended");
    assert_eq!(sent_bytes, TOTAL);
    assert_eq!(answer, json!({"bytes": TOTAL, "sha256": sent_sha}));
    let up = started.elapsed();

    let download = Request::new(Method::GET, format!("{base}/download"), timeout);
    let resp = http
        .send_streaming(&tls, &download)
        .await
        .unwrap()
        .ok()
        .unwrap();
    assert_eq!(resp.content_length(), Some(TOTAL));
    let mut tally = Tally::default();
    let mut body = resp.body;
    while let Some(chunk) = body.next().await {
        tally.add(&chunk.unwrap());
    }
    let received = tally.finish();
    let served = served.lock().unwrap().clone().expect("the download ended");
    assert_eq!(received, served);
    assert_eq!(received, (TOTAL, sent_sha), "the same generator both ways");

    let peak = peak_rss_kib();
    eprintln!(
        "1 GiB up in {:.1}s, down in {:.1}s; peak RSS {} MiB",
        up.as_secs_f64(),
        (started.elapsed() - up).as_secs_f64(),
        peak >> 10
    );
    assert!(
        peak < PEAK_LIMIT_KIB,
        "peak RSS {} MiB, over {} MiB: something buffers the body",
        peak >> 10,
        PEAK_LIMIT_KIB >> 10
    );
}
