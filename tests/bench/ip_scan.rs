//! Benchmark: `osprey ip scan` over 10 fakestack sites of 20,000 ports each
//! (distinct ranges, unique addresses and MACs, one planted overlap). It
//! prints the time osprey spends after the last response arrives (the
//! analysis and the output) and its peak resident memory; the targets are
//! < 1 s and < 256 MiB.
//!
//! Run with `cargo bench --bench ip_scan`.

use fakestack::{FakeStack, Kind, Spec};
use serde_json::json;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SITES: usize = 10;
const PORTS: usize = 20_000;
const MAX_AFTER: Duration = Duration::from_secs(1);
const MAX_RSS_KIB: u64 = 256 * 1024;

fn main() {
    let regions: Vec<String> = (1..=SITES).map(|i| format!("R{i}")).collect();
    let names: Vec<&str> = regions.iter().map(String::as_str).collect();
    let stack = FakeStack::start(Spec::new().cloud("bench", &names));
    let seeding = Instant::now();
    for (i, region) in regions.iter().enumerate() {
        let net = stack.seed(
            region,
            Kind::Network,
            "demo",
            json!({"name": format!("net{i}")}),
        );
        stack.seed(
            region,
            Kind::Subnet,
            "demo",
            json!({"network_id": net.id, "cidr": format!("10.{i}.0.0/16"), "ip_version": 4}),
        );
        if i < 2 {
            let other = stack.seed(region, Kind::Network, "demo", json!({"name": "shared"}));
            stack.seed(
                region,
                Kind::Subnet,
                "demo",
                json!({"network_id": other.id, "cidr": "192.168.0.0/24", "ip_version": 4}),
            );
        }
        let port = stack.seed(region, Kind::Port, "demo", json!({"network_id": net.id}));
        stack.seed_copies(region, Kind::Port, &port.id, PORTS - 1, |k, body| {
            let k = k + 1;
            body["fixed_ips"][0]["ip_address"] =
                json!(format!("10.{i}.{}.{}", k / 250, k % 250 + 2));
            body["mac_address"] =
                json!(format!("fa:16:{i:02x}:00:{:02x}:{:02x}", k >> 8, k & 0xff));
        });
    }
    eprintln!(
        "seeded {SITES} sites x {PORTS} ports in {:.1}s",
        seeding.elapsed().as_secs_f64()
    );
    let dir = tempfile::tempdir().unwrap();
    let clouds = dir.path().join("clouds.yaml");
    std::fs::write(&clouds, stack.clouds_yaml()).unwrap();

    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_osprey"))
        .env("OS_CLIENT_CONFIG_FILE", &clouds)
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env_remove("OS_CLOUD")
        .env_remove("OS_REGION_NAME")
        .args([
            "-v",
            "--os-cloud",
            "bench",
            "--concurrency",
            "10",
            "ip",
            "scan",
            "-f",
            "json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run osprey");
    let pid = child.id();
    // Peak memory: the kernel keeps the high-water mark; read it until exit.
    let peak = Arc::new(Mutex::new(0u64));
    let watcher = {
        let peak = peak.clone();
        std::thread::spawn(move || {
            let path = format!("/proc/{pid}/status");
            while let Ok(status) = std::fs::read_to_string(&path) {
                if let Some(kib) = status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                {
                    let mut p = peak.lock().unwrap();
                    *p = (*p).max(kib);
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).unwrap();
        out
    });
    // -v writes a line as each response completes: the last one's arrival
    // is when the sites are done.
    let mut last_response = started;
    let mut responses = 0;
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        if line.starts_with("GET ") || line.starts_with("POST ") {
            last_response = Instant::now();
            responses += 1;
        }
    }
    let status = child.wait().unwrap();
    let ended = Instant::now();
    let out = reader.join().unwrap();
    watcher.join().unwrap();
    let findings: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(status.code(), Some(1), "the planted overlap is an error");
    assert_eq!(findings.as_array().unwrap().len(), 1, "{findings}");
    let after = ended - last_response;
    let peak = *peak.lock().unwrap();
    println!(
        "ip scan: {SITES} sites x {PORTS} ports, {responses} responses, {:.2}s in all",
        (ended - started).as_secs_f64()
    );
    println!(
        "after the last response: {:.0} ms (target < {} ms): {}",
        after.as_secs_f64() * 1000.0,
        MAX_AFTER.as_millis(),
        if after < MAX_AFTER { "PASS" } else { "FAIL" }
    );
    println!(
        "peak RSS: {:.1} MiB (target < {} MiB): {}",
        peak as f64 / 1024.0,
        MAX_RSS_KIB / 1024,
        if peak < MAX_RSS_KIB { "PASS" } else { "FAIL" }
    );
    if after >= MAX_AFTER || peak >= MAX_RSS_KIB {
        std::process::exit(1);
    }
}
