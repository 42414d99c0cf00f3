//! The standalone binary: writes clouds.yaml and the ready file, serves, stops on SIGTERM.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Waits until the ready file exists: the stack then serves.
fn wait_for(ready: &Path) {
    let start = Instant::now();
    while !ready.exists() {
        assert!(start.elapsed() < Duration::from_secs(20), "no ready file");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("fakestack-{}-{name}", std::process::id()))
}

#[test]
fn serves_until_sigterm() {
    let yaml = scratch("clouds.yaml");
    let ready = scratch("ready");
    let _ = std::fs::remove_file(&ready);
    let child = Command::new(env!("CARGO_BIN_EXE_fakestack"))
        .args([
            "--cloud",
            "east=E1,E2",
            "--cloud",
            "west=W1",
            "--per-region-keystone",
            "west",
        ])
        .arg("--write-clouds-yaml")
        .arg(&yaml)
        .arg("--ready-file")
        .arg(&ready)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for(&ready);
    let text = std::fs::read_to_string(&ready).unwrap();
    assert!(
        text.starts_with("FAKESTACK_CONTROL_URL=http://127.0.0.1:"),
        "{text}"
    );
    assert!(text.contains(&format!("FAKESTACK_PID={}", child.id())));
    let clouds = std::fs::read_to_string(&yaml).unwrap();
    assert!(clouds.contains("  east:\n") && clouds.contains("  west-admin:\n"));
    assert!(clouds.contains("      - name: W1\n"));

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("keystone east http://127.0.0.1:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("keystone west/W1 http://127.0.0.1:"),
        "{stdout}"
    );
    assert!(stdout.contains("region E2 http://127.0.0.1:"), "{stdout}");
    assert!(stdout.contains("control http://127.0.0.1:"), "{stdout}");
    assert!(!ready.exists(), "the ready file goes away on exit");
    std::fs::remove_file(yaml).unwrap();
}

#[tokio::test]
async fn tls_writes_the_ca_and_client_identity_beside_clouds_yaml() {
    let dir = scratch("tls");
    std::fs::create_dir_all(&dir).unwrap();
    let dir = std::fs::canonicalize(dir).unwrap();
    let yaml = dir.join("clouds.yaml");
    let ready = dir.join("ready");
    let mut child = Command::new(env!("CARGO_BIN_EXE_fakestack"))
        .args(["--tls", "--require-client-cert", "--cloud", "east=E1"])
        .arg("--write-clouds-yaml")
        .arg(&yaml)
        .arg("--ready-file")
        .arg(&ready)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(&ready);
    let text = std::fs::read_to_string(&ready).unwrap();
    assert!(
        text.starts_with("FAKESTACK_CONTROL_URL=https://127.0.0.1:"),
        "{text}"
    );
    let ca = dir.join("ca.pem");
    assert!(text.contains(&format!("FAKESTACK_CACERT={}\n", ca.display())));
    let clouds = std::fs::read_to_string(&yaml).unwrap();
    assert!(
        clouds.contains("      auth_url: https://127.0.0.1:"),
        "{clouds}"
    );
    for (key, file) in [
        ("cacert", "ca.pem"),
        ("cert", "client.pem"),
        ("key", "client-key.pem"),
    ] {
        let line = format!("    {key}: {}\n", dir.join(file).display());
        assert_eq!(clouds.matches(&line).count(), 2, "{line} in {clouds}");
    }

    let control = text.lines().next().unwrap().split_once('=').unwrap().1;
    let read = |f: &str| std::fs::read(dir.join(f)).unwrap();
    let identity = [read("client.pem"), read("client-key.pem")].join(&b'\n');
    let client = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&read("ca.pem")).unwrap())
        .identity(reqwest::Identity::from_pem(&identity).unwrap())
        .build()
        .unwrap();
    let status = client.get(control).send().await.unwrap().status();
    assert_eq!(status, reqwest::StatusCode::OK);

    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    assert!(child.wait().unwrap().success());
    std::fs::remove_dir_all(dir).unwrap();
}
