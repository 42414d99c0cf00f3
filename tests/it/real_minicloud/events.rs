//! `events` showing a real Glance's failed import.

use super::{GLANCE_R1, Glances, clouds_yaml, demo_run};
use crate::common::Env;
use serde_json::json;

/// A loopback HTTP server that answers every request 404, for as long as
/// the test runs.
fn not_found_server() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    port
}

/// A `web-download` import from a loopback URL that answers 404: the real
/// Glance puts the image back `queued` with its store in
/// `os_glance_failed_import`, and `events` shows it.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn events_show_a_real_failed_web_download() {
    let glances = Glances::new("events");
    let name = format!("{}-web", glances.prefix);
    let rest = glances.rest(GLANCE_R1);
    let (status, made) = rest.send(
        reqwest::Method::POST,
        &Glances::url(GLANCE_R1, "images"),
        Some(json!({"name": name, "disk_format": "raw", "container_format": "bare"})),
    );
    assert_eq!(status, 201, "{made}");
    let id = made["id"].as_str().unwrap().to_string();
    let port = not_found_server();
    let (status, body) = rest.send(
        reqwest::Method::POST,
        &Glances::url(GLANCE_R1, &format!("images/{id}/import")),
        Some(json!({"method": {"name": "web-download",
            "uri": format!("http://127.0.0.1:{port}/missing.img")}})),
    );
    assert_eq!(status, 202, "{body}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let image = glances.show(GLANCE_R1, &id);
        let failed = image["os_glance_failed_import"]
            .as_str()
            .unwrap_or_default();
        if !failed.is_empty() {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the import did not fail in time: {image}"
        );
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    let env = Env::with_clouds(&clouds_yaml());
    let run = demo_run(
        &env,
        &["events", "--kind", "image", "--since", "1h", "-f", "json"],
    );
    run.assert_code(0);
    let out = run.json();
    let row = out
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id.as_str())
        .unwrap_or_else(|| panic!("no event for {id}: {out:#}"));
    assert_eq!(row["cloud"], "mc-a-demo");
    assert_eq!(row["region"], "RegionOne");
    assert_eq!(row["kind"], "image");
    assert_eq!(row["event"], "import_failed");
    assert_eq!(row["name"], name.as_str());
    assert!(row["message"].as_str().unwrap().contains("local"), "{row}");
}
