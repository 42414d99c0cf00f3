//! Benchmark (issue 17): `osprey image sync` of one large image (2 GiB;
//! `OSPREY_BENCH_IMAGE_MIB` to change) from a fakestack region to three
//! streamed targets in another cloud, against the floor measured in the
//! same run: a plain `curl` download piped into one `curl` upload, on the
//! same loopback, into the same fake Glance.
//!
//! Printed: the wall time, the throughput (bytes delivered to every target
//! per second), osprey's CPU time and the fake cloud's, osprey's peak RSS
//! and the number of reads of the source's data. The bars: the source is
//! read once, peak RSS at most 64 MiB, throughput at least 80 % of the
//! curl pipe. Run with `cargo bench --bench image_copy` (Linux: RSS is read
//! from /proc; needs curl).

#[path = "measure.rs"]
mod measure;

use fakestack::{DEMO_PASSWORD, FakeStack, Kind, Spec};
use measure::mib;
use serde_json::json;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TARGETS: [&str; 3] = ["T1", "T2", "T3"];
const MAX_RSS_MIB: f64 = 64.0;
const MIN_THROUGHPUT: f64 = 0.8;

/// `n` bytes that do not compress or repeat.
fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 56) as u8
        })
        .collect()
}

/// The demo user's token at a cloud's Keystone.
fn token(stack: &FakeStack, cloud: &str) -> String {
    let body = json!({"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": "demo", "password": DEMO_PASSWORD, "domain": {"name": "Default"}}}},
        "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}});
    let resp = reqwest::blocking::Client::new()
        .post(format!("{}/auth/tokens", stack.keystone_url(cloud)))
        .json(&body)
        .send()
        .expect("login");
    resp.headers()["x-subject-token"]
        .to_str()
        .expect("token")
        .to_string()
}

/// The floor: the source's data downloaded with curl and piped into one
/// curl upload to a new image at T1.
fn curl_pipe(stack: &FakeStack, source_id: &str) -> Duration {
    let src_token = token(stack, "src");
    let dst_token = token(stack, "dst");
    let target = stack.seed(
        "T1",
        Kind::Image,
        "demo",
        json!({"name": "floor",
        "disk_format": "raw", "container_format": "bare"}),
    );
    let from = format!(
        "{}/image/v2/images/{source_id}/file",
        stack.region_url("Src")
    );
    let to = format!(
        "{}/image/v2/images/{}/file",
        stack.region_url("T1"),
        target.id
    );
    let script = format!(
        "curl -sSf -H 'x-auth-token: {src_token}' '{from}' | curl -sSf -T - -X PUT \
         -H 'x-auth-token: {dst_token}' -H 'content-type: application/octet-stream' '{to}'"
    );
    let started = Instant::now();
    let status = Command::new("sh")
        .args(["-c", &script])
        .status()
        .expect("run curl");
    let took = started.elapsed();
    assert!(status.success(), "the curl pipe failed");
    let done = stack
        .resource("T1", Kind::Image, &target.id)
        .expect("floor image");
    assert_eq!(
        done.field("status"),
        "active",
        "the curl upload did not finish"
    );
    took
}

/// `osprey image sync big --from src/Src --to TO --method stream`, measured.
fn sync(clouds: &std::path::Path, home: &std::path::Path, to: &str) -> measure::Measure {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_osprey"));
    cmd.env("OS_CLIENT_CONFIG_FILE", clouds)
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env_remove("OS_CLOUD")
        .args([
            "-q",
            "--os-cloud",
            "src,dst",
            "image",
            "sync",
            "big",
            "--from",
            "src/Src",
            "--to",
            to,
            "--method",
            "stream",
            "--yes",
        ])
        .stdout(Stdio::null());
    measure::run(cmd)
}

fn main() {
    let mib_env = std::env::var("OSPREY_BENCH_IMAGE_MIB").ok();
    let size_mib: usize = mib_env.and_then(|v| v.parse().ok()).unwrap_or(2048);
    let size = size_mib << 20;
    let spec = Spec::new()
        .cloud("src", &["Src"])
        .cloud("dst", &TARGETS)
        .image_size_cap(size + (1 << 20))
        .discard_image_data();
    let stack = FakeStack::start(spec);
    let dir = tempfile::tempdir().expect("tempdir");
    let clouds = dir.path().join("clouds.yaml");
    stack.write_clouds_yaml(&clouds);
    let source = stack.seed(
        "Src",
        Kind::Image,
        "demo",
        json!({"name": "big",
        "disk_format": "raw", "container_format": "bare"}),
    );
    stack.set_image_data("Src", &source.id, noise(size));
    let hash = stack
        .resource("Src", Kind::Image, &source.id)
        .expect("source")
        .field("os_hash_value")
        .to_string();

    let floor = curl_pipe(&stack, &source.id);
    // The same single transfer through osprey: what it adds to one stream.
    let one = sync(&clouds, dir.path(), "dst/T1");
    for image in stack.resources("T1", Kind::Image) {
        if image.field("name") == "big" {
            stack.remove_resource("T1", Kind::Image, &image.id);
        }
    }
    stack.reset_counters();
    let m = sync(&clouds, dir.path(), "dst/*");
    let reads = stack.count(
        "Src",
        "GET",
        &format!("/image/v2/images/{}/file", source.id),
    );
    let copies: Vec<bool> = TARGETS
        .iter()
        .map(|t| {
            stack.resources(t, Kind::Image).iter().any(|i| {
                i.field("name") == "big"
                    && i.field("status") == "active"
                    && i.field("os_hash_value") == hash
            })
        })
        .collect();

    let rate = |took: Duration| size as f64 / took.as_secs_f64() / (1 << 20) as f64;
    let throughput = floor.as_secs_f64() / m.wall.as_secs_f64();
    println!(
        "image sync of {size_mib} MiB to {} streamed targets",
        TARGETS.len()
    );
    println!(
        "| run | wall | MiB/s per target | osprey CPU | fake cloud CPU | peak RSS | most fds | reads of the source |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    println!(
        "| curl GET into curl PUT, one target | {:.2} s | {:.0} | | | | | 1 |",
        floor.as_secs_f64(),
        rate(floor)
    );
    println!(
        "| osprey image sync, one target | {:.2} s | {:.0} | {:.2} s | {:.2} s | {:.0} MiB | {} | |",
        one.wall.as_secs_f64(),
        rate(one.wall),
        one.cpu.as_secs_f64(),
        one.fake_cpu.as_secs_f64(),
        mib(one.rss_kib),
        one.fds,
    );
    println!(
        "| osprey image sync, {} targets | {:.2} s | {:.0} | {:.2} s | {:.2} s | {:.0} MiB | {} | {reads} |",
        TARGETS.len(),
        m.wall.as_secs_f64(),
        rate(m.wall),
        m.cpu.as_secs_f64(),
        m.fake_cpu.as_secs_f64(),
        mib(m.rss_kib),
        m.fds,
    );
    println!("throughput: {:.0} % of the curl pipe", throughput * 100.0);

    let mut failed = Vec::new();
    if !m.ok || copies.iter().any(|ok| !ok) {
        failed.push(format!("the sync failed: {}", m.stderr_tail));
    }
    if reads != 1 {
        failed.push(format!("the source was read {reads} times (bar 1)"));
    }
    if mib(m.rss_kib) > MAX_RSS_MIB {
        failed.push(format!(
            "osprey peaked at {:.0} MiB (bar {MAX_RSS_MIB})",
            mib(m.rss_kib)
        ));
    }
    if throughput < MIN_THROUGHPUT {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        failed.push(format!(
            "throughput {:.0} % of the curl pipe (bar {:.0} %); the CPU time alone \
             (osprey {:.2} s, fake cloud {:.2} s) on {cores} cores needs at least {:.2} s",
            throughput * 100.0,
            MIN_THROUGHPUT * 100.0,
            m.cpu.as_secs_f64(),
            m.fake_cpu.as_secs_f64(),
            (m.cpu + m.fake_cpu).as_secs_f64() / cores as f64,
        ));
    }
    if !failed.is_empty() {
        for f in &failed {
            eprintln!("{f}");
        }
        std::process::exit(1);
    }
}
