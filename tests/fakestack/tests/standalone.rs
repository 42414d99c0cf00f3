//! The standalone binary: writes clouds.yaml and the ready file, serves, stops on SIGTERM.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
    let start = Instant::now();
    while !ready.exists() {
        assert!(start.elapsed() < Duration::from_secs(20), "no ready file");
        std::thread::sleep(Duration::from_millis(20));
    }
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
