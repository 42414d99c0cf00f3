//! The token cache against real Keystones, counted through relays.

use super::clouds_yaml;
use crate::common::Env;
use serde_json::Value;
use std::path::PathBuf;

/// A TCP relay in front of a Keystone that counts what osprey asks of it.
/// Keystone's own log cannot say whose a login was: the services log in
/// there too (keystonemiddleware's service tokens), whenever a worker
/// needs one.
struct CountingRelay {
    url: String,
    seen: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl CountingRelay {
    fn start(upstream: &'static str) -> Self {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(mut client) = client else { return };
                let Ok(mut server) = std::net::TcpStream::connect(upstream) else {
                    continue;
                };
                let (mut client_r, mut server_w) =
                    (client.try_clone().unwrap(), server.try_clone().unwrap());
                let log = log.clone();
                std::thread::spawn(move || {
                    let mut buf = vec![0; 64 * 1024];
                    while let Ok(n) = client_r.read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        // Each request starts a read: its first line is whole.
                        let text = String::from_utf8_lossy(&buf[..n]);
                        if let Some(line) = text.lines().next()
                            && line.ends_with("HTTP/1.1")
                        {
                            log.lock().unwrap().push(line.to_string());
                        }
                        if server_w.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = server_w.shutdown(std::net::Shutdown::Write);
                });
                std::thread::spawn(move || {
                    let _ = std::io::copy(&mut server, &mut client);
                    let _ = client.shutdown(std::net::Shutdown::Write);
                });
            }
        });
        CountingRelay { url, seen }
    }

    fn logins(&self) -> usize {
        self.count(|l| l.starts_with("POST /v3/auth/tokens "))
    }

    /// GETs of Keystone's version documents (`/`, `/v3`).
    fn version_reads(&self) -> usize {
        self.count(|l| l == "GET / HTTP/1.1" || l == "GET /v3 HTTP/1.1" || l == "GET /v3/ HTTP/1.1")
    }

    fn count(&self, wanted: impl Fn(&str) -> bool) -> usize {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .filter(|l| wanted(l))
            .count()
    }
}

#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn the_token_cache_spares_keystone_and_never_serves_stale_credentials() {
    // Both Keystones behind relays, with unversioned auth URLs: without
    // the cache each run would read a version document, then log in.
    let (a, b) = (
        CountingRelay::start("127.0.0.1:5000"),
        CountingRelay::start("127.0.0.1:5001"),
    );
    let yaml = clouds_yaml()
        .replace("http://127.0.0.1:5000/v3", &a.url)
        .replace("http://127.0.0.1:5001/v3", &b.url);
    let env = Env::with_clouds(&yaml);
    let logins = || a.logins() + b.logins();
    let quota = [
        "--os-cloud",
        "mc-a-demo,mc-b-demo",
        "quota",
        "show",
        "-f",
        "json",
    ];
    let first = env.run(&quota);
    first.assert_code(0);
    assert_eq!((a.logins(), b.logins()), (1, 1), "one login per Keystone");
    assert_eq!(a.version_reads() + b.version_reads(), 2);

    let second = env.run(&quota);
    second.assert_code(0);
    assert_eq!(second.json(), first.json());
    assert_eq!(logins(), 2, "a warm run logs in nowhere");
    assert_eq!(
        a.version_reads() + b.version_reads(),
        2,
        "and reads no version document"
    );

    // A token the services refuse (401): dropped, one login, success.
    let cache = env.path().join("home/.cache/osprey/tokens");
    let files: Vec<PathBuf> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let entry: Value = serde_json::from_str(&text).unwrap();
    let token = entry["entry"]["token"].as_str().unwrap();
    std::fs::write(&files[0], text.replace(token, "gAAAAA-not-a-token")).unwrap();
    env.run(&quota).assert_code(0);
    assert_eq!(logins(), 3);

    // A corrupt file: ignored, one login, success.
    std::fs::write(&files[1], "{\"format\": ").unwrap();
    env.run(&quota).assert_code(0);
    assert_eq!(logins(), 4);
    env.run(&quota).assert_code(0);
    assert_eq!(logins(), 4, "both replaced");

    // Another password for the same user: the cached token is not used.
    let changed = Env::with_clouds(&yaml.replacen(
        "password: minicloud-demo",
        "password: not-the-password",
        1,
    ));
    let to = changed.path().join("home/.cache/osprey/tokens");
    std::fs::create_dir_all(&to).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    for f in std::fs::read_dir(&cache).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
    }
    let run = changed.run(&["--os-cloud", "mc-a-demo", "sites"]);
    run.assert_code(2);
    assert!(run.stderr.contains("401"), "{}", run.stderr);
    assert_eq!(logins(), 5);
}
