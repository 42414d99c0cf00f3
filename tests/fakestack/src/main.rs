//! Standalone fakestack: serve a fake estate until SIGINT or SIGTERM, for demos and scripts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use fakestack::{FakeStack, Kind, Spec};
use serde_json::json;

/// Serve a multi-region fake OpenStack on 127.0.0.1 until interrupted.
///
/// Prints the Keystone, region and control URLs, writes clouds.yaml (entries
/// `<cloud>` for the demo user and `<cloud>-admin`), then the ready file.
/// With --tls, every URL is https and the CA is written beside clouds.yaml.
#[derive(Debug, Parser)]
#[command(name = "fakestack", version)]
struct Args {
    /// A cloud and its regions, `NAME=REGION,REGION` (repeatable).
    ///
    /// Default: the demo estate, `fake-a=RegionOne,RegionTwo` and
    /// `fake-b=RegionThree`, with quota usage, an image, servers (one
    /// failed), compute hosts, a volume in error and two subnets that
    /// overlap.
    #[arg(long = "cloud", value_name = "NAME=REGIONS")]
    clouds: Vec<String>,

    /// Give every region of this cloud its own Keystone (repeatable).
    ///
    /// Default: one Keystone per cloud.
    #[arg(long = "per-region-keystone", value_name = "NAME")]
    per_region_keystone: Vec<String>,

    /// Latency added before every response, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 0)]
    latency_ms: u64,

    /// Lifetime of issued tokens, in seconds.
    #[arg(long, value_name = "N", default_value_t = 86_400)]
    token_ttl_secs: u64,

    /// Serve HTTPS with a CA made at start, written to `ca.pem` beside
    /// clouds.yaml (whose entries get `cacert:` pointing at it).
    ///
    /// Default: plain HTTP.
    #[arg(long)]
    tls: bool,

    /// With --tls, refuse clients without a certificate from that CA; writes
    /// `client.pem` and `client-key.pem` beside clouds.yaml (whose entries
    /// get `cert:` and `key:`).
    ///
    /// Default: no client certificate asked for.
    #[arg(long, requires = "tls")]
    require_client_cert: bool,

    /// Where to write the clouds.yaml for this estate.
    #[arg(long, value_name = "PATH")]
    write_clouds_yaml: PathBuf,

    /// File written once everything listens (shell lines
    /// `FAKESTACK_CONTROL_URL=…`, `FAKESTACK_CLOUDS_YAML=…`, `FAKESTACK_PID=…`).
    ///
    /// Default: none.
    #[arg(long, value_name = "PATH")]
    ready_file: Option<PathBuf>,
}

fn spec(args: &Args) -> Result<Spec, String> {
    let mut clouds: Vec<(String, Vec<String>)> = Vec::new();
    for c in &args.clouds {
        let (name, regions) = c
            .split_once('=')
            .ok_or_else(|| format!("--cloud {c}: expected NAME=REGION,REGION"))?;
        let regions: Vec<String> = regions
            .split(',')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        if name.is_empty() || regions.is_empty() {
            return Err(format!("--cloud {c}: expected NAME=REGION,REGION"));
        }
        clouds.push((name.to_owned(), regions));
    }
    // The demo estate (no --cloud) also gets the demo's quota usage.
    let demo = clouds.is_empty();
    if demo {
        clouds = Spec::demo()
            .clouds()
            .iter()
            .map(|c| (c.name.clone(), c.regions.clone()))
            .collect();
    }
    for name in &args.per_region_keystone {
        if !clouds.iter().any(|(c, _)| c == name) {
            return Err(format!("--per-region-keystone {name}: no such cloud"));
        }
    }
    let mut spec = Spec::new()
        .latency(Duration::from_millis(args.latency_ms))
        .token_ttl(Duration::from_secs(args.token_ttl_secs));
    if args.require_client_cert {
        spec = spec.require_client_cert();
    } else if args.tls {
        spec = spec.tls();
    }
    for (name, regions) in &clouds {
        let regions: Vec<&str> = regions.iter().map(String::as_str).collect();
        spec = if args.per_region_keystone.contains(name) {
            spec.cloud_per_region_keystone(name, &regions)
        } else {
            spec.cloud(name, &regions)
        };
    }
    if demo {
        spec = spec.demo_quota();
    }
    Ok(spec)
}

/// What the demo estate holds besides its quota usage, so that every view
/// of `examples/demo.sh` has something to show: an image only RegionOne
/// has, servers (one failed), compute hosts in Placement, a volume in
/// error, and two subnets of different clouds that overlap.
fn seed_demo(stack: &FakeStack) {
    let image = stack.seed(
        "RegionOne",
        Kind::Image,
        "demo",
        json!({"name": "cirros-0.6.3", "disk_format": "qcow2", "container_format": "bare"}),
    );
    let data: Vec<u8> = (0..4u32 << 20).map(|i| (i % 251) as u8).collect();
    stack.set_image_data("RegionOne", &image.id, data);
    for (region, cidr) in [
        ("RegionOne", "10.20.0.0/24"),
        ("RegionThree", "10.20.0.0/23"),
    ] {
        let net = stack.seed(region, Kind::Network, "demo", json!({"name": "app"}));
        stack.seed(
            region,
            Kind::Subnet,
            "demo",
            json!({"name": "app-v4", "network_id": net.id, "cidr": cidr, "ip_version": 4}),
        );
    }
    for (region, name, status) in [
        ("RegionOne", "web-1", "ACTIVE"),
        ("RegionOne", "web-2", "ERROR"),
        ("RegionThree", "db-1", "ACTIVE"),
    ] {
        let mut body = json!({"name": name, "status": status});
        if status == "ERROR" {
            body["fault"] = json!({"code": 500, "message": "No valid host was found."});
        }
        stack.seed(region, Kind::Server, "demo", body);
    }
    for (region, host, vcpus, used) in [
        ("RegionOne", "cmp-1", 32, 12),
        ("RegionOne", "cmp-2", 32, 4),
        ("RegionTwo", "cmp-1", 16, 2),
        ("RegionThree", "cmp-1", 64, 14),
    ] {
        stack.add_resource_provider(
            region,
            host,
            json!({"VCPU": {"total": vcpus, "allocation_ratio": 4.0},
                   "MEMORY_MB": {"total": vcpus * 4096, "reserved": 512},
                   "DISK_GB": {"total": 1000}}),
            json!({"VCPU": used, "MEMORY_MB": used * 2048, "DISK_GB": used * 20}),
        );
    }
    let volume = stack.seed(
        "RegionThree",
        Kind::Volume,
        "demo",
        json!({"name": "db-data", "size": 10}),
    );
    stack.edit_resource("RegionThree", Kind::Volume, &volume.id, |b| {
        b["status"] = json!("error")
    });
}

/// Writes through a temporary file so a waiting script never reads half of it.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text)?;
    // It holds the fake passwords: keep it private, as clouds.yaml should be.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
    }
    std::fs::rename(&tmp, path)
}

/// With TLS, writes `ca.pem` (and with client certificates `client.pem`,
/// `client-key.pem`) beside clouds.yaml; returns the clouds.yaml key and the
/// absolute path of each, the CA first.
fn write_tls_files(
    stack: &FakeStack,
    spec: &Spec,
    yaml: &Path,
) -> Result<Vec<(&'static str, PathBuf)>, String> {
    if !spec.is_tls() {
        return Ok(Vec::new());
    }
    let dir = match yaml.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = std::fs::canonicalize(&dir)
        .map_err(|e| format!("cannot find the directory of {}: {e}", yaml.display()))?;
    let mut files = vec![("cacert", dir.join("ca.pem"), stack.ca_pem())];
    if spec.requires_client_cert() {
        files.push(("cert", dir.join("client.pem"), stack.client_cert_pem()));
        files.push(("key", dir.join("client-key.pem"), stack.client_key_pem()));
    }
    files
        .into_iter()
        .map(|(key, path, pem)| {
            write_atomically(&path, &pem)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok((key, path))
        })
        .collect()
}

async fn until_signalled() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

fn main() -> ExitCode {
    let args = Args::parse();
    let spec = match spec(&args) {
        Ok(spec) => spec,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let stack = match FakeStack::try_start(spec.clone()) {
        Ok(stack) => stack,
        Err(e) => {
            eprintln!("error: cannot start fakestack: {e}");
            return ExitCode::from(2);
        }
    };
    for cloud in spec.clouds() {
        if cloud.per_region_keystone {
            for region in &cloud.regions {
                let which = format!("{}/{region}", cloud.name);
                println!("keystone {which} {}", stack.keystone_url(&which));
            }
        } else {
            println!(
                "keystone {} {}",
                cloud.name,
                stack.keystone_url(&cloud.name)
            );
        }
        for region in &cloud.regions {
            println!("region {region} {}", stack.region_url(region));
        }
    }
    println!("control {}", stack.control_url());
    if args.clouds.is_empty() {
        seed_demo(&stack);
    }

    let yaml = &args.write_clouds_yaml;
    let tls_files = match write_tls_files(&stack, &spec, yaml) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let extra: Vec<(&str, serde_json::Value)> = tls_files
        .iter()
        .map(|(key, path)| (*key, path.display().to_string().into()))
        .collect();
    if let Err(e) = write_atomically(yaml, &stack.clouds_yaml_with(&extra)) {
        eprintln!("error: cannot write {}: {e}", yaml.display());
        return ExitCode::from(2);
    }
    for (key, path) in &tls_files {
        println!("{key} {}", path.display());
    }
    println!("clouds.yaml {}", yaml.display());
    if let Some(ready) = &args.ready_file {
        let abs = std::fs::canonicalize(yaml).unwrap_or_else(|_| yaml.clone());
        let mut text = format!(
            "FAKESTACK_CONTROL_URL={}\nFAKESTACK_CLOUDS_YAML={}\nFAKESTACK_PID={}\n",
            stack.control_url(),
            abs.display(),
            std::process::id()
        );
        if let Some((_, ca)) = tls_files.first() {
            text.push_str(&format!("FAKESTACK_CACERT={}\n", ca.display()));
        }
        if let Err(e) = write_atomically(ready, &text) {
            eprintln!("error: cannot write {}: {e}", ready.display());
            return ExitCode::from(2);
        }
    }

    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot wait for signals: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(until_signalled());
    drop(stack);
    if let Some(ready) = &args.ready_file {
        let _ = std::fs::remove_file(ready);
    }
    ExitCode::SUCCESS
}
