//! The real tier: the same scenarios against the minicloud (a real
//! OpenStack on 127.0.0.1). `.ci/run` sets it up and runs these with
//! `cargo test --test it real_minicloud -- --ignored --test-threads=1`;
//! they need `OSPREY_MINICLOUD` pointing at its folder.

mod capacity;
mod events;
mod flavor;
mod health;
mod image;
mod ip;
mod keypair;
mod pagination;
mod quota;
mod secgroup;
mod secrets;
mod sites;
mod token_cache;
mod usage;
mod views;

use crate::common::{self, Env};
use serde_json::{Value, json};
use std::path::PathBuf;

fn minicloud() -> PathBuf {
    let dir = std::env::var("OSPREY_MINICLOUD")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/minicloud"));
    assert!(
        dir.join("clouds.yaml").exists(),
        "no minicloud at {}",
        dir.display()
    );
    dir
}

fn clouds_yaml() -> String {
    std::fs::read_to_string(minicloud().join("clouds.yaml")).unwrap()
}

/// The minicloud's clouds.yaml without `regions:` lists, so osprey must
/// discover the regions from each Keystone catalog.
fn clouds_yaml_without_regions() -> String {
    clouds_yaml()
        .lines()
        .filter(|l| !l.trim_start().starts_with("regions:"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A token and the public endpoints of one minicloud region, for setting
/// up usage and checking results with the real APIs, not through osprey.
struct Rest {
    client: reqwest::blocking::Client,
    token: String,
    project_id: String,
    keystone: String,
}

impl Rest {
    fn login(keystone: &str, user: &str, password: &str, project: &str) -> Rest {
        let login = common::login(&format!("{keystone}/v3"), user, password, project);
        Rest {
            client: reqwest::blocking::Client::new(),
            token: login.token,
            project_id: login.project_id,
            keystone: keystone.to_string(),
        }
    }

    fn project_id(&self, name: &str) -> String {
        let v: Value = self
            .client
            .get(format!("{}/v3/projects?name={name}", self.keystone))
            .header("x-auth-token", &self.token)
            .send()
            .unwrap()
            .json()
            .unwrap();
        v["projects"][0]["id"].as_str().unwrap().to_string()
    }

    fn send(&self, method: reqwest::Method, url: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self
            .client
            .request(method, url)
            .header("x-auth-token", &self.token);
        if url.contains("/v2.1/") {
            req = req.header("openstack-api-version", "compute 2.57");
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

/// Resources created for the test, deleted (in reverse) when dropped.
struct Created<'a> {
    rest: &'a Rest,
    urls: Vec<String>,
}

impl Created<'_> {
    fn post(
        &mut self,
        url: &str,
        key: &str,
        body: Value,
        item_url: &dyn Fn(&str) -> String,
    ) -> String {
        let (status, v) = self.rest.send(reqwest::Method::POST, url, Some(body));
        assert!(status < 300, "POST {url}: {status} {v}");
        // Glance answers with the image itself, not in an envelope.
        let object = if key.is_empty() { &v } else { &v[key] };
        let id = object["id"].as_str().unwrap().to_string();
        self.urls.push(item_url(&id));
        id
    }
}

impl Drop for Created<'_> {
    fn drop(&mut self) {
        for url in self.urls.iter().rev() {
            self.rest.send(reqwest::Method::DELETE, url, None);
        }
    }
}

/// What a [`FaultRelay`] does to the one request it is armed for.
#[derive(Clone, Copy, PartialEq)]
enum Cut {
    /// The request never reaches the service; the connection is closed.
    Before,
    /// The service gets the request and acts on it; its answer is dropped
    /// and the connection closed.
    After,
    /// The request waits until [`FaultRelay::release`], then goes on.
    Hold,
}

/// Whether a held request is waiting, and whether it may go on.
#[derive(Default)]
struct Gate {
    waiting: bool,
    released: bool,
}

/// A TCP relay in front of one service that, once armed, cuts (or holds)
/// the next request whose first line starts with a prefix: the fault-injecting
/// proxy that real clouds have between a client and an API.
struct FaultRelay {
    url: String,
    armed: std::sync::Arc<std::sync::Mutex<Option<(String, Cut)>>>,
    gate: std::sync::Arc<(std::sync::Mutex<Gate>, std::sync::Condvar)>,
}

impl FaultRelay {
    fn start(upstream: &'static str) -> Self {
        use std::io::{Read, Write};
        use std::sync::atomic::{AtomicBool, Ordering};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let armed: std::sync::Arc<std::sync::Mutex<Option<(String, Cut)>>> = Default::default();
        let arms = armed.clone();
        let gate: std::sync::Arc<(std::sync::Mutex<Gate>, std::sync::Condvar)> = Default::default();
        let gates = gate.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(mut client) = client else { return };
                let Ok(mut server) = std::net::TcpStream::connect(upstream) else {
                    continue;
                };
                let (mut client_r, mut server_w) =
                    (client.try_clone().unwrap(), server.try_clone().unwrap());
                let dropping = std::sync::Arc::new(AtomicBool::new(false));
                let drop_answer = dropping.clone();
                let arms = arms.clone();
                let gate = gates.clone();
                std::thread::spawn(move || {
                    let mut buf = vec![0; 64 * 1024];
                    while let Ok(n) = client_r.read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        let text = String::from_utf8_lossy(&buf[..n]);
                        let line = text.lines().next().unwrap_or_default().to_string();
                        let mut arm = arms.lock().unwrap();
                        let cut = match arm.as_ref() {
                            Some((prefix, cut)) if line.starts_with(prefix.as_str()) => Some(*cut),
                            _ => None,
                        };
                        match cut {
                            Some(Cut::Before) => {
                                *arm = None;
                                let _ = client_r.shutdown(std::net::Shutdown::Both);
                                break;
                            }
                            Some(Cut::After) => {
                                *arm = None;
                                drop_answer.store(true, Ordering::SeqCst);
                            }
                            Some(Cut::Hold) => {
                                *arm = None;
                                drop(arm);
                                let (state, changed) = &*gate;
                                let mut state = state.lock().unwrap();
                                state.waiting = true;
                                changed.notify_all();
                                while !state.released {
                                    state = changed.wait(state).unwrap();
                                }
                                arm = arms.lock().unwrap();
                            }
                            None => {}
                        }
                        drop(arm);
                        if server_w.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = server_w.shutdown(std::net::Shutdown::Write);
                });
                std::thread::spawn(move || {
                    let mut buf = vec![0; 64 * 1024];
                    while let Ok(n) = server.read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        if dropping.load(Ordering::SeqCst) {
                            // The service answered: it acted. The client
                            // never hears of it.
                            let _ = client.shutdown(std::net::Shutdown::Both);
                            return;
                        }
                        if client.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = client.shutdown(std::net::Shutdown::Write);
                });
            }
        });
        FaultRelay { url, armed, gate }
    }

    fn arm(&self, prefix: &str, cut: Cut) {
        *self.armed.lock().unwrap() = Some((prefix.to_string(), cut));
    }

    /// Waits until the request armed with [`Cut::Hold`] arrived.
    fn wait_held(&self, within: std::time::Duration) {
        let (state, changed) = &*self.gate;
        let (state, timeout) = changed
            .wait_timeout_while(state.lock().unwrap(), within, |s| !s.waiting)
            .unwrap();
        assert!(
            state.waiting && !timeout.timed_out(),
            "no request was held within {within:?}"
        );
    }

    /// Lets the held request go on.
    fn release(&self) {
        let (state, changed) = &*self.gate;
        state.lock().unwrap().released = true;
        changed.notify_all();
    }
}

/// The demo project's Glances: RegionOne and RegionTwo under Keystone A,
/// RegionThree under Keystone B.
const GLANCE_R1: u16 = 9292;
const GLANCE_R2: u16 = 9302;
const GLANCE_R3: u16 = 9312;

/// The demo project's three real Glances, used with the real API to make
/// the images a test copies and to check what osprey left. When dropped
/// (also when an assertion failed midway) it deletes, at every Glance,
/// each image whose name starts with the test's prefix: sources, copies
/// and renamed older copies.
struct Glances {
    a: Rest,
    b: Rest,
    prefix: String,
}

impl Glances {
    /// Logins to both Keystones, and a prefix no other run shares.
    fn new(test: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        Glances {
            a: Rest::login("http://127.0.0.1:5000", "demo", "minicloud-demo", "demo"),
            b: Rest::login("http://127.0.0.1:5001", "demo", "minicloud-demo", "demo"),
            prefix: format!("osprey-rt-{test}-{}-{nanos:08x}", std::process::id()),
        }
    }

    fn rest(&self, port: u16) -> &Rest {
        if port == GLANCE_R3 { &self.b } else { &self.a }
    }

    fn url(port: u16, path: &str) -> String {
        format!("http://127.0.0.1:{port}/v2/{path}")
    }

    /// An active image of `data`, raw and bare with `extra` attributes,
    /// made as any user would: create, then upload. Returns it as Glance
    /// shows it.
    fn upload(&self, port: u16, name: &str, extra: Value, data: &[u8]) -> Value {
        let rest = self.rest(port);
        let mut body = json!({"name": name, "disk_format": "raw", "container_format": "bare"});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().cloned().unwrap_or_default());
        let (status, made) = rest.send(
            reqwest::Method::POST,
            &Self::url(port, "images"),
            Some(body),
        );
        assert_eq!(status, 201, "creating {name} at {port}: {made}");
        let id = made["id"].as_str().unwrap().to_string();
        let put = rest
            .client
            .put(Self::url(port, &format!("images/{id}/file")))
            .header("x-auth-token", &rest.token)
            .header("content-type", "application/octet-stream")
            .body(data.to_vec())
            .send()
            .unwrap();
        assert_eq!(put.status().as_u16(), 204, "uploading {name} to {port}");
        let shown = self.show(port, &id);
        assert_eq!(shown["status"], "active", "{shown}");
        shown
    }

    fn show(&self, port: u16, id: &str) -> Value {
        let url = Self::url(port, &format!("images/{id}"));
        let (status, image) = self.rest(port).send(reqwest::Method::GET, &url, None);
        assert_eq!(status, 200, "GET {url}: {image}");
        image
    }

    /// The images of the demo project at a Glance with exactly this name.
    fn named(&self, port: u16, name: &str) -> Vec<Value> {
        self.all(port)
            .into_iter()
            .filter(|i| i["name"] == name)
            .collect()
    }

    fn all(&self, port: u16) -> Vec<Value> {
        let url = Self::url(port, "images?limit=1000");
        let (status, list) = self.rest(port).send(reqwest::Method::GET, &url, None);
        assert_eq!(status, 200, "GET {url}: {list}");
        list["images"].as_array().cloned().unwrap_or_default()
    }

    fn delete(&self, port: u16, id: &str) {
        let url = Self::url(port, &format!("images/{id}"));
        let (status, body) = self.rest(port).send(reqwest::Method::DELETE, &url, None);
        assert!(
            status == 204 || status == 404,
            "DELETE {url}: {status} {body}"
        );
    }
}

impl Drop for Glances {
    fn drop(&mut self) {
        for port in [GLANCE_R1, GLANCE_R2, GLANCE_R3] {
            let rest = self.rest(port);
            let url = Self::url(port, "images?limit=1000");
            let (_, list) = rest.send(reqwest::Method::GET, &url, None);
            for image in list["images"].as_array().into_iter().flatten() {
                let ours = image["name"]
                    .as_str()
                    .is_some_and(|n| n.starts_with(&self.prefix));
                if ours {
                    let id = image["id"].as_str().unwrap_or_default();
                    rest.send(
                        reqwest::Method::DELETE,
                        &Self::url(port, &format!("images/{id}")),
                        None,
                    );
                }
            }
        }
    }
}

/// `len` random bytes, so that every run's images differ from any other.
fn random_bytes(len: u64) -> Vec<u8> {
    use std::io::Read;
    let mut data = Vec::new();
    std::fs::File::open("/dev/urandom")
        .unwrap()
        .take(len)
        .read_to_end(&mut data)
        .unwrap();
    data
}

/// The size of the images copied by the real-tier image tests: big enough
/// that a copy streams in many chunks, small enough to stay quick.
const IMAGE_BYTES: u64 = 24 << 20;

/// osprey as the demo user of both minicloud clouds.
fn demo_run(env: &Env, args: &[&str]) -> common::Run {
    env.run(&[&["--os-cloud", "mc-a-demo,mc-b-demo"][..], args].concat())
}
