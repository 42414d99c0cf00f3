//! Benchmark: `osprey quota show` over 32 sites against 1 site, with 50 ms
//! of latency injected into every fakestack request. The fan-out should
//! make 32 sites cost about what one does: the target is a ratio ≤ 1.5.
//!
//! Run with `cargo bench --bench quota_fanout`.

use fakestack::{FakeStack, Spec};
use std::process::Command;
use std::time::{Duration, Instant};

const SITES: usize = 32;
const LATENCY: Duration = Duration::from_millis(50);
const RUNS: usize = 5;
const TARGET: f64 = 1.5;

/// The median wall time of `RUNS` runs of `osprey quota show` on `sites`.
fn median_run(clouds: &std::path::Path, sites: &str) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let out = Command::new(env!("CARGO_BIN_EXE_osprey"))
                .env("OS_CLIENT_CONFIG_FILE", clouds)
                .env_remove("OS_CLOUD")
                .env_remove("OS_REGION_NAME")
                .args([
                    "-q",
                    "--sites",
                    sites,
                    "--concurrency",
                    "32",
                    "quota",
                    "show",
                    "-f",
                    "json",
                ])
                .output()
                .expect("run osprey");
            let elapsed = started.elapsed();
            assert!(
                out.status.success(),
                "osprey failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            elapsed
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn main() {
    let regions: Vec<String> = (1..=SITES).map(|i| format!("R{i:02}")).collect();
    let names: Vec<&str> = regions.iter().map(String::as_str).collect();
    let stack = FakeStack::start(Spec::new().cloud("bench", &names).latency(LATENCY));
    let dir = tempfile::tempdir().expect("tempdir");
    let clouds = dir.path().join("clouds.yaml");
    stack.write_clouds_yaml(&clouds);

    let one = median_run(&clouds, "bench/R01");
    let all = median_run(&clouds, "bench/*");
    let ratio = all.as_secs_f64() / one.as_secs_f64();
    println!(
        "quota show, {LATENCY:?} per request: 1 site {:.0} ms, {SITES} sites {:.0} ms, ratio {ratio:.2} (target ≤ {TARGET})",
        one.as_secs_f64() * 1000.0,
        all.as_secs_f64() * 1000.0,
    );
    if ratio > TARGET {
        eprintln!("ratio {ratio:.2} is over the target {TARGET}");
        std::process::exit(1);
    }
}
