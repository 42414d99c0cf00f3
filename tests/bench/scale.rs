//! Benchmark (issue 16): `osprey quota show -f json` over 1, 32, 256 and
//! 1000 fakestack sites in 20 clouds, 50 ms of latency on every request,
//! default flags, a cold token cache. For each: the median wall time, its
//! ratio to one site, the peak RSS (whole, and per site over the one-site
//! run) and the most file descriptors osprey held at once, both sampled
//! from /proc while it runs. Then 1000 sites
//! again with the soft limit on open files at 1024 (hard above it) and
//! with soft and hard at 256: every site must succeed.
//!
//! The floor beside each is the same calls made bare, at once, from this
//! process: what the machine and fakestack allow (on a small machine the
//! fake cloud's own work bounds a thousand sites' time).
//!
//! The bar: 1000 sites within 3 × one site's time and at most 128 MiB.
//! Run with `cargo bench --bench scale` (Linux: RSS and descriptors are
//! read from the kernel).

use fakestack::{FakeStack, Spec};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CLOUDS: usize = 20;
const REGIONS: usize = 50;
const LATENCY: Duration = Duration::from_millis(50);
const RUNS: usize = 3;
const MAX_RATIO: f64 = 3.0;
const MAX_RSS_MIB: f64 = 128.0;

#[path = "measure.rs"]
mod measure;

use measure::{Measure, mib};

fn site(c: usize, r: usize) -> String {
    format!("c{c:02}/c{c:02}-R{r:02}")
}

/// The `--sites` value for the first `n` sites, cloud by cloud.
fn first_sites(n: usize) -> String {
    if n == CLOUDS * REGIONS {
        // Not `all`: fakestack writes a `cNN-admin` entry beside each cloud.
        return "c??/*".to_string();
    }
    (0..n)
        .map(|i| site(i / REGIONS + 1, i % REGIONS + 1))
        .collect::<Vec<_>>()
        .join(",")
}

/// Runs osprey once with a fresh token cache; `nofile` sets its limit on
/// open files (soft, hard) before it starts.
fn run_once(clouds: &Path, sites: &str, nofile: Option<(u64, u64)>) -> Measure {
    let home = tempfile::tempdir().expect("tempdir");
    run_in(home.path(), clouds, sites, nofile)
}

/// Runs osprey once with its token cache in `home`.
fn run_in(home: &Path, clouds: &Path, sites: &str, nofile: Option<(u64, u64)>) -> Measure {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_osprey"));
    cmd.env("OS_CLIENT_CONFIG_FILE", clouds)
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env_remove("OS_CLOUD")
        .env_remove("OS_REGION_NAME")
        .env_remove("OSPREY_NO_TOKEN_CACHE")
        .args(["-q", "--sites", sites, "quota", "show", "-f", "json"])
        .stdout(Stdio::null());
    if let Some((soft, hard)) = nofile {
        // SAFETY: between fork and exec, setrlimit only writes this
        // process's limit.
        unsafe {
            cmd.pre_exec(move || {
                let limit = libc::rlimit {
                    rlim_cur: soft as libc::rlim_t,
                    rlim_max: hard as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
    }
    measure::run(cmd)
}

/// The run with the median wall time of `RUNS`.
fn median(clouds: &Path, sites: &str, nofile: Option<(u64, u64)>) -> Measure {
    let mut runs: Vec<Measure> = (0..RUNS).map(|_| run_once(clouds, sites, nofile)).collect();
    runs.sort_by_key(|m| m.wall);
    runs.swap_remove(RUNS / 2)
}

/// The floor of `quota show` over the first `n` sites: the same calls made
/// bare, all at once, from this process: one login per Keystone, then each
/// site's compute, network and volume quota sets and Keystone's registered
/// limits for its region. What osprey adds is what it takes beyond this.
fn floor(stack: &FakeStack, n: usize) -> Duration {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let http = reqwest::Client::new();
        let started = Instant::now();
        let clouds: Vec<usize> = (1..=n.div_ceil(REGIONS)).collect();
        let logins = clouds.iter().map(|c| {
            let http = http.clone();
            let url = format!("{}/auth/tokens", stack.keystone_url(&format!("c{c:02}")));
            async move {
                let body = serde_json::json!({"auth": {
                    "identity": {"methods": ["password"], "password": {"user": {
                        "name": "demo", "password": "fake-demo", "domain": {"name": "Default"}}}},
                    "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}});
                let resp = http.post(url).json(&body).send().await.expect("login");
                let token = resp.headers()["x-subject-token"]
                    .to_str()
                    .unwrap()
                    .to_string();
                resp.bytes().await.expect("catalog");
                token
            }
        });
        let tokens = futures::future::join_all(logins).await;
        let mut reads = Vec::new();
        for i in 0..n {
            let (c, r) = (i / REGIONS + 1, i % REGIONS + 1);
            let cloud = format!("c{c:02}");
            let region = format!("{cloud}-R{r:02}");
            let project = stack.project_id(&cloud, "demo");
            let base = stack.region_url(&region);
            let keystone = stack.keystone_url(&cloud);
            let token = tokens[c - 1].clone();
            for url in [
                format!("{base}/compute/v2.1/os-quota-sets/{project}/detail"),
                format!("{base}/network/v2.0/quotas/{project}/details.json"),
                format!("{base}/volume/v3/os-quota-sets/{project}?usage=true"),
                format!("{keystone}/registered_limits?region_id={region}"),
            ] {
                let req = http.get(url).header("x-auth-token", token.clone());
                reads.push(async move {
                    let resp = req.send().await.expect("read");
                    assert!(resp.status().is_success(), "{}", resp.status());
                    resp.bytes().await.expect("body");
                });
            }
        }
        futures::future::join_all(reads).await;
        started.elapsed()
    })
}

/// Lets this process (and so fakestack's listeners and connections) have
/// as many open files as it may.
fn raise_own_limit() {
    // SAFETY: reads and writes the struct given.
    unsafe {
        let mut limit: libc::rlimit = std::mem::zeroed();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

fn main() {
    raise_own_limit();
    let mut spec = Spec::new().latency(LATENCY);
    for c in 1..=CLOUDS {
        let regions: Vec<String> = (1..=REGIONS).map(|r| format!("c{c:02}-R{r:02}")).collect();
        let names: Vec<&str> = regions.iter().map(String::as_str).collect();
        spec = spec.cloud(&format!("c{c:02}"), &names);
    }
    let stack = FakeStack::start(spec);
    let dir = tempfile::tempdir().expect("tempdir");
    let clouds = dir.path().join("clouds.yaml");
    stack.write_clouds_yaml(&clouds);

    println!(
        "quota show -f json, {CLOUDS} clouds, {LATENCY:?} per request, default flags, cold cache"
    );
    println!(
        "| sites | wall | × one site | floor | × floor | osprey CPU | fake cloud CPU | peak RSS | RSS per site | most fds | ok |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    let mut failed = Vec::new();
    let mut one: Option<Measure> = None;
    for n in [1, 32, 256, CLOUDS * REGIONS] {
        let m = median(&clouds, &first_sites(n), None);
        let base = one.as_ref().unwrap_or(&m);
        let ratio = m.wall.as_secs_f64() / base.wall.as_secs_f64();
        let per_site = if n > 1 {
            format!(
                "{:.0} KiB",
                (m.rss_kib.saturating_sub(base.rss_kib)) as f64 / (n - 1) as f64
            )
        } else {
            String::new()
        };
        let bare = floor(&stack, n);
        println!(
            "| {n} | {:.2} s | {ratio:.1} | {:.2} s | {:.1} | {:.2} s | {:.2} s | {:.0} MiB | {per_site} | {} | {} |",
            m.wall.as_secs_f64(),
            bare.as_secs_f64(),
            m.wall.as_secs_f64() / bare.as_secs_f64(),
            m.cpu.as_secs_f64(),
            m.fake_cpu.as_secs_f64(),
            mib(m.rss_kib),
            m.fds,
            if m.ok { "yes" } else { "NO" },
        );
        if !m.ok {
            failed.push(format!("{n} sites failed: {}", m.stderr_tail));
        }
        if n == CLOUDS * REGIONS {
            if ratio > MAX_RATIO {
                // What the CPU alone allows: osprey's and the fake cloud's
                // work spread over every core, with no wait at all.
                let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
                let bound = (m.cpu + m.fake_cpu).as_secs_f64() / cores as f64;
                failed.push(format!(
                    "{n} sites took {ratio:.1} × one site (bar {MAX_RATIO}); their CPU time \
                     alone (osprey {:.2} s, fake cloud {:.2} s) on {cores} cores needs at \
                     least {bound:.2} s = {:.1} × one site",
                    m.cpu.as_secs_f64(),
                    m.fake_cpu.as_secs_f64(),
                    bound / base.wall.as_secs_f64(),
                ));
            }
            if mib(m.rss_kib) > MAX_RSS_MIB {
                failed.push(format!(
                    "{n} sites peaked at {:.0} MiB (bar {MAX_RSS_MIB})",
                    mib(m.rss_kib)
                ));
            }
        }
        if one.is_none() {
            one = Some(m);
        }
    }
    // One login per Keystone on a cold run, none on a warm one.
    let logins = || -> usize {
        (1..=CLOUDS)
            .map(|c| stack.count(&format!("keystone:c{c:02}"), "POST", "/v3/auth/tokens"))
            .sum()
    };
    let home = tempfile::tempdir().expect("tempdir");
    let before = logins();
    let cold = run_in(home.path(), &clouds, &first_sites(CLOUDS * REGIONS), None);
    let after_cold = logins();
    let warm = run_in(home.path(), &clouds, &first_sites(CLOUDS * REGIONS), None);
    let after_warm = logins();
    println!();
    println!(
        "logins: cold {} ({:.2} s), warm {} ({:.2} s), for {CLOUDS} Keystones",
        after_cold - before,
        cold.wall.as_secs_f64(),
        after_warm - after_cold,
        warm.wall.as_secs_f64()
    );
    if after_cold - before != CLOUDS || after_warm != after_cold || !cold.ok || !warm.ok {
        failed.push(format!(
            "logins: cold {} and warm {} (want {CLOUDS} and 0)",
            after_cold - before,
            after_warm - after_cold
        ));
    }
    println!();
    println!("{} sites under a limit on open files:", CLOUDS * REGIONS);
    println!("| soft | hard | wall | most fds | ok |");
    println!("|---|---|---|---|---|");
    let hard = current_hard_limit();
    let mut limits = vec![(256, 256)];
    if hard > 1024 {
        limits.insert(0, (1024, hard));
    }
    for (soft, hard) in limits {
        let m = run_once(&clouds, &first_sites(CLOUDS * REGIONS), Some((soft, hard)));
        println!(
            "| {soft} | {hard} | {:.2} s | {} | {} |",
            m.wall.as_secs_f64(),
            m.fds,
            if m.ok { "yes" } else { "NO" },
        );
        if !m.ok {
            failed.push(format!(
                "1000 sites at {soft}/{hard} open files failed: {}",
                m.stderr_tail
            ));
        }
    }
    if !failed.is_empty() {
        for f in &failed {
            eprintln!("{f}");
        }
        std::process::exit(1);
    }
}

/// This process's hard limit on open files (what a child may raise to).
fn current_hard_limit() -> u64 {
    // SAFETY: reads into the struct given.
    unsafe {
        let mut limit: libc::rlimit = std::mem::zeroed();
        libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
        limit.rlim_max as u64
    }
}
