//! Benchmark: `osprey server list -f json` over 10 fakestack sites of
//! 5,000 servers each, read through Nova's pages (1,000 servers a page),
//! sites at once. It prints the wall time, the CPU time osprey and the
//! fake cloud used, and osprey's peak RSS (sampled from /proc); it exits 1
//! when the peak RSS passes 128 MiB.
//!
//! Run with `cargo bench --bench server_list`.

use fakestack::{FakeStack, Kind, Spec};
use serde_json::json;
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "measure.rs"]
mod measure;

use measure::mib;

const SITES: usize = 10;
const SERVERS: usize = 5_000;
const MAX_RSS_MIB: f64 = 128.0;

fn main() {
    let regions: Vec<String> = (1..=SITES).map(|i| format!("R{i:02}")).collect();
    let names: Vec<&str> = regions.iter().map(String::as_str).collect();
    let stack = FakeStack::start(Spec::new().cloud("bench", &names));
    let seeding = Instant::now();
    for (i, region) in regions.iter().enumerate() {
        stack.seed(
            region,
            Kind::Flavor,
            "admin",
            json!({"id": "m1", "name": "m1.small", "ram": 2048, "vcpus": 1, "disk": 20}),
        );
        let image = stack.seed(
            region,
            Kind::Image,
            "demo",
            json!({"name": "cirros", "disk_format": "raw", "container_format": "bare"}),
        );
        let first = stack.seed(
            region,
            Kind::Server,
            "demo",
            json!({"name": format!("s{i}-0"), "flavor": "m1", "image": image.id,
                   "addresses": {"app": [
                       {"addr": "10.0.0.2", "version": 4, "OS-EXT-IPS:type": "fixed"},
                       {"addr": "2001:db8::2", "version": 6, "OS-EXT-IPS:type": "fixed"}]}}),
        );
        stack.seed_copies(region, Kind::Server, &first.id, SERVERS - 1, |k, body| {
            let k = k + 1;
            body["name"] = json!(format!("s{i}-{k}"));
            body["status"] = json!(if k % 10 == 0 { "ERROR" } else { "ACTIVE" });
            body["addresses"]["app"][0]["addr"] =
                json!(format!("10.0.{}.{}", k / 250, k % 250 + 2));
        });
    }
    eprintln!(
        "seeded {SITES} sites x {SERVERS} servers in {:.1}s",
        seeding.elapsed().as_secs_f64()
    );
    let dir = tempfile::tempdir().unwrap();
    let clouds = dir.path().join("clouds.yaml");
    std::fs::write(&clouds, stack.clouds_yaml()).unwrap();
    let out_path = dir.path().join("out.json");

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_osprey"));
    cmd.env("OS_CLIENT_CONFIG_FILE", &clouds)
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env_remove("OS_CLOUD")
        .env_remove("OS_REGION_NAME")
        .args(["--os-cloud", "bench", "server", "list", "-f", "json"])
        .stdout(Stdio::from(std::fs::File::create(&out_path).unwrap()));
    let m = measure::run(cmd);
    let out: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out_path).unwrap()).expect("json");
    let rows = out.as_array().map_or(0, Vec::len);
    assert!(m.ok, "osprey failed: {}", m.stderr_tail);
    assert_eq!(rows, SITES * SERVERS, "every page of every site");
    let pages = regions
        .iter()
        .map(|r| stack.count(r, "GET", "/compute/v2.1/servers/detail"))
        .sum::<usize>();
    let rss = mib(m.rss_kib);
    println!(
        "server list: {SITES} sites x {SERVERS} servers, {rows} rows, {pages} pages, {:.2}s wall",
        m.wall.as_secs_f64()
    );
    println!(
        "osprey CPU {:.2}s, fake cloud CPU {:.2}s, most fds {}",
        m.cpu.as_secs_f64(),
        m.fake_cpu.as_secs_f64(),
        m.fds
    );
    println!(
        "peak RSS: {rss:.1} MiB (target < {MAX_RSS_MIB} MiB): {}",
        if rss < MAX_RSS_MIB { "PASS" } else { "FAIL" }
    );
    if rss >= MAX_RSS_MIB {
        std::process::exit(1);
    }
}
