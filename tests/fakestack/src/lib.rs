//! fakestack: a multi-region fake OpenStack on 127.0.0.1 for osprey's end-to-end tests and demo.
//!
//! ```no_run
//! use std::time::Duration;
//! use fakestack::{FakeStack, Fault, FaultKind, Spec, Target};
//!
//! let stack = FakeStack::start(Spec::demo());
//! let dir = std::env::temp_dir();
//! stack.write_clouds_yaml(dir.join("clouds.yaml"));
//! stack.inject(Fault::new(Target::Region("RegionTwo".into()), FaultKind::Status {
//!     code: 503,
//!     retry_after: Some(1),
//! }).times(1));
//! stack.set_latency(Target::Keystone("fake-a".into()), Duration::from_millis(50));
//! // … run the osprey binary …
//! assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 1);
//! ```
//!
//! # Layout
//!
//! Every listener binds `127.0.0.1:0`. A Keystone serves at its root:
//! `/` (300, versions), `/v3` (version), `POST|GET|HEAD|DELETE /v3/auth/tokens`,
//! `/v3/auth/catalog`, `/v3/auth/projects`, `/v3/projects`, `/v3/regions`,
//! `/v3/users/{id}/projects`, `/v3/users/{id}/application_credentials[/{id}]`,
//! `/v3/services`, `/v3/registered_limits`, `/v3/limits`.
//! A region serves every service under a devstack-style prefix:
//!
//! | catalog type | URL in the catalog | root document (no token needed) |
//! |---|---|---|
//! | `compute` | `R/compute/v2.1` | `R/compute` (200, versions), `R/compute/v2.1` |
//! | `network` | `R/network` (unversioned) | `R/network` (200, lists `/network/v2.0/`) |
//! | `image` | `R/image` (unversioned) | `R/image` (300, lists `/image/v2/`) |
//! | `block-storage` | `R/volume/v3` | `R/volume` (300); `R/volume/v3/` needs a token |
//! | `volumev3` | `R/volume/v3/<project_id>` | |
//! | `placement` | `R/placement` | `R/placement` (200) |
//! | `identity` | `K/v3` (the cloud's Keystone, listed in every region) | `K/`, `K/v3` |
//!
//! Each endpoint is listed three times (public, internal, admin, same URL).
//! [`FakeStack::set_endpoint`] moves or removes a region's endpoints of a
//! service at run time; [`FakeStack::closed_url`] is a URL that refuses
//! connections, to point one at.
//! Everything else on a region needs a valid `X-Auth-Token` from the
//! region's Keystone, else the service's 401 (JSON; Glance's is HTML).
//!
//! # Accounts
//!
//! In every Keystone, domain `Default` (id `default`): user `admin` /
//! `fake-admin` (admin on project `admin`, member on `demo`, admin on the
//! domain and the system) and `demo` / `fake-demo` (member on `demo`); TOTP
//! passcode `123456` for both (see [`Spec::totp_passcode`]). Users have no
//! default project, so an unscoped request gets an unscoped token (no
//! catalog). Ids are random per Keystone: see [`FakeStack::user_id`].
//!
//! # clouds.yaml
//!
//! [`FakeStack::clouds_yaml`] has, per cloud, `<cloud>` (demo user, project
//! `demo`) and `<cloud>-admin` (admin user, project `admin`), both with
//! `region_name` = the cloud's first region. A cloud with one Keystone has
//! no `regions:` list (clients discover regions from the catalog); a cloud
//! with a Keystone per region lists `regions:` as `{name, values: {auth:
//! {auth_url}}}`.
//!
//! [`FakeStack::clouds_yaml_with`] adds keys to every entry (`cacert`,
//! `verify`, `cert`, `key`, …); the plain one never names a CA.
//!
//! # TLS
//!
//! With [`Spec::tls`] every listener serves HTTPS and every URL is
//! `https://127.0.0.1:P`; the certificate (SANs `IP:127.0.0.1`,
//! `DNS:localhost`) comes from a CA made at start, [`FakeStack::ca_pem`].
//! [`Spec::require_client_cert`] also demands a client certificate from that
//! CA ([`FakeStack::client_cert_pem`], [`FakeStack::client_key_pem`]) and
//! serves TLS 1.2 only, so a refused client always gets the handshake's
//! alert (under TLS 1.3 it may see only a closed connection). A failed
//! handshake reaches no handler and is not logged.
//!
//! # Logs and counts
//!
//! Every request to a Keystone or region listener is logged on arrival
//! (control API requests are not; the log keeps the last 50 000). Targets
//! are `keystone:<cloud>` (or `keystone:<cloud>/<region>` for per-region
//! Keystones) and region names; paths are the full request path without the
//! query, service prefix included:
//! `stack.count("RegionOne", "GET", "/compute/v2.1/os-keypairs")`,
//! `stack.count("keystone:fake-a", "POST", "/v3/auth/tokens")`. Counting
//! with `keystone:<cloud>` includes that cloud's per-region Keystones.
//!
//! # Quotas
//!
//! Nova's, Neutron's and Cinder's quota sets, Glance's `/v2/info/usage` (and
//! its 413s past `image_count_total` and `image_size_total`) and
//! Keystone's unified limits, per region (limits per Keystone), driven by
//! [`FakeStack::set_usage`], [`FakeStack::set_quota`] and
//! [`FakeStack::register_limit`] and read back with [`FakeStack::quota`];
//! README.md lists the paths and what each real service answers. Usage is
//! what tests set plus what the region's resources count.
//!
//! # Resources
//!
//! Each region stores its own resources of every [`Kind`]: Nova keypairs,
//! flavors (extra specs, access lists) and servers, Neutron networks,
//! subnets, ports, routers, floating IPs, security groups and rules, Glance
//! images (data uploaded and downloaded as streams, hashed server-side;
//! `glance-download` imports that fetch from another region of the same
//! Keystone over HTTP, so counts and faults apply to them: see
//! [`FakeStack::imports_running`] and [`Spec::region_import_methods`]) and
//! Cinder volumes, each a [`Resource`] with an id, owner, timestamps and its
//! API body. The APIs serve them with the real request and response shapes,
//! each API's pagination (`limit`, `marker` and its own next link), who
//! sees what (a member its own project's, plus public flavors, shared and
//! external networks, public and community images; the admin more, with
//! `all_tenants` where the API wants it) and the real 409s.
//!
//! ```no_run
//! use fakestack::{FakeStack, Kind, Spec};
//! use serde_json::json;
//!
//! let stack = FakeStack::start(Spec::demo());
//! let net = stack.seed("RegionOne", Kind::Network, "demo", json!({"name": "private"}));
//! stack.seed("RegionOne", Kind::Subnet, "demo",
//!     json!({"network_id": net.id, "cidr": "10.0.0.0/24", "ip_version": 4}));
//! let port = stack.seed("RegionOne", Kind::Port, "demo", json!({"network_id": net.id}));
//! assert_eq!(port.body["fixed_ips"][0]["ip_address"], "10.0.0.2");
//! let image = stack.seed("RegionTwo", Kind::Image, "demo", json!({"name": "cirros"}));
//! stack.set_image_data("RegionTwo", &image.id, b"bytes".to_vec());
//! assert_eq!(stack.resources("RegionOne", Kind::SecurityGroup)[0].body["name"], "default");
//! ```
//!
//! [`FakeStack::seed`] goes through the API's own create checks;
//! [`FakeStack::resources`], [`FakeStack::resource`],
//! [`FakeStack::remove_resource`], [`FakeStack::set_image_data`],
//! [`FakeStack::image_data`] and [`FakeStack::add_project`] do the rest. The
//! control API has the same under `/resources`, `/projects` and
//! `/image_data`. Body faults ([`FaultKind::CutBody`],
//! [`FaultKind::SlowBody`], [`FaultKind::PauseBody`]) cut, slow or pause a
//! streamed body mid-transfer.

mod body;
mod catalog;
mod cinder;
mod clouds;
mod collection;
mod control;
mod errors;
mod faults;
mod glance;
mod journal;
mod keystone;
mod microversion;
mod neutron;
mod nova;
mod page;
mod placement;
mod query;
mod quota;
mod region;
mod server;
mod shaping;
mod spec;
mod state;
mod states;
mod store;
mod tls;
mod versions;

use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

pub use faults::{Fault, FaultKind, Target};
pub use journal::{Count, Recorded};
pub use microversion::Microversion;
pub use region::Service;
pub use spec::{CloudSpec, Spec};
pub use state::{ADMIN_PASSWORD, Caller, DEMO_PASSWORD};
pub use store::{Kind, Resource};

use state::lock;

/// A running fake estate. Dropping it stops every listener.
pub struct FakeStack {
    running: server::Running,
    /// Sockets bound but never listening, behind [`FakeStack::closed_url`]:
    /// held so no other listener can take their ports.
    closed: Mutex<Vec<tokio::net::TcpSocket>>,
}

impl FakeStack {
    /// Starts the estate on its own runtime thread; panics if it can't
    /// (bad spec, no loopback socket), as a test helper should.
    pub fn start(spec: Spec) -> Self {
        Self::try_start(spec).unwrap_or_else(|e| panic!("fakestack: cannot start: {e}"))
    }

    /// [`FakeStack::start`], returning socket errors. A bad spec still panics.
    pub fn try_start(spec: Spec) -> std::io::Result<Self> {
        Ok(Self {
            running: server::Running::start(&spec)?,
            closed: Mutex::new(Vec::new()),
        })
    }

    fn world(&self) -> &state::World {
        &self.running.world
    }

    /// The clouds.yaml described in the crate docs.
    pub fn clouds_yaml(&self) -> String {
        clouds::clouds_yaml(self.world(), &[])
    }

    /// [`FakeStack::clouds_yaml`] with more keys in every cloud entry, e.g.
    /// `&[("cacert", json!(ca_path))]` or `&[("verify", json!(false))]`
    /// (strings are quoted as YAML needs, other values written as JSON).
    pub fn clouds_yaml_with(&self, extra: &[(&str, serde_json::Value)]) -> String {
        clouds::clouds_yaml(self.world(), extra)
    }

    /// Writes [`FakeStack::clouds_yaml`] to `path`; panics on failure.
    pub fn write_clouds_yaml(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        std::fs::write(path, self.clouds_yaml())
            .unwrap_or_else(|e| panic!("fakestack: cannot write {}: {e}", path.display()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let private = std::fs::Permissions::from_mode(0o600);
            std::fs::set_permissions(path, private)
                .unwrap_or_else(|e| panic!("fakestack: cannot chmod {}: {e}", path.display()));
        }
    }

    /// The PEM certificate of the CA that signed every listener's certificate
    /// (see [`Spec::tls`]); panics on a plain-HTTP stack.
    pub fn ca_pem(&self) -> String {
        self.pki("ca_pem").ca_pem.clone()
    }

    /// A PEM client certificate signed by the CA, for
    /// [`Spec::require_client_cert`] (also made with plain [`Spec::tls`],
    /// where nothing asks for it); panics on a plain-HTTP stack.
    pub fn client_cert_pem(&self) -> String {
        self.pki("client_cert_pem").client_cert_pem.clone()
    }

    /// The PKCS#8 PEM key of [`FakeStack::client_cert_pem`].
    pub fn client_key_pem(&self) -> String {
        self.pki("client_key_pem").client_key_pem.clone()
    }

    fn pki(&self, what: &str) -> &tls::Pki {
        self.running
            .pki
            .as_ref()
            .unwrap_or_else(|| panic!("fakestack: {what}() needs a stack started with Spec::tls()"))
    }

    /// `http://127.0.0.1:PORT/v3` of a cloud's Keystone: `"fake-a"`, or
    /// `"<cloud>/<region>"` for one of per-region Keystones (`"<cloud>"` alone
    /// gives its first region's).
    pub fn keystone_url(&self, cloud: &str) -> String {
        self.world()
            .realm(cloud)
            .map(|r| r.v3())
            .unwrap_or_else(|| panic!("fakestack: no cloud {cloud}"))
    }

    /// `http://127.0.0.1:PORT` of a region (services under `/compute`, …);
    /// `https://` with [`Spec::tls`], as every URL here.
    pub fn region_url(&self, region: &str) -> String {
        self.world()
            .region(region)
            .map(|r| r.url.clone())
            .unwrap_or_else(|| panic!("fakestack: no region {region}"))
    }

    /// `http://127.0.0.1:PORT` of the control API: `GET|POST|DELETE /faults`,
    /// `POST /latency`, `GET|DELETE /requests`, `GET /counts`, `GET /clouds.yaml`,
    /// `POST /endpoints`, `POST /import_methods`,
    /// the quota endpoints, `GET /kinds`, `GET|POST|DELETE /resources`,
    /// `POST /projects`, `GET|PUT /image_data` (see README.md).
    pub fn control_url(&self) -> String {
        self.world().control_url.clone()
    }

    /// Every region name, in spec order.
    pub fn regions(&self) -> Vec<String> {
        self.world()
            .regions
            .iter()
            .map(|r| r.name.clone())
            .collect()
    }

    /// The id of user `admin` or `demo` in a cloud's Keystone (`cloud` as in
    /// [`FakeStack::keystone_url`]).
    pub fn user_id(&self, cloud: &str, user: &str) -> String {
        self.world()
            .realm(cloud)
            .and_then(|r| r.user_by_name(user))
            .map(|u| u.id.clone())
            .unwrap_or_else(|| panic!("fakestack: no user {user} in {cloud}"))
    }

    /// The id of project `admin`, `demo` or `service` in a cloud's Keystone.
    pub fn project_id(&self, cloud: &str, project: &str) -> String {
        self.world()
            .realm(cloud)
            .and_then(|r| r.project_by_name(project))
            .map(|p| p.id.clone())
            .unwrap_or_else(|| panic!("fakestack: no project {project} in {cloud}"))
    }

    /// Latency added before every response of the targeted listeners
    /// (replaces what was set; `Duration::ZERO` removes it).
    pub fn set_latency(&self, target: Target, latency: Duration) {
        self.check_target(&target);
        self.world().set_latency(&target, latency);
    }

    /// Arms a fault. Faults are checked in the order armed; each counts the
    /// requests it matches, and the first one due applies.
    pub fn inject(&self, fault: Fault) {
        self.check_target(&fault.target);
        if let Some(problem) = fault.problem() {
            panic!("fakestack: bad fault: {problem}");
        }
        self.world().faults.add(fault);
    }

    fn check_target(&self, target: &Target) {
        assert!(
            self.world().targets_something(target),
            "fakestack: {target:?} matches no Keystone or region"
        );
    }

    /// Disarms every fault.
    pub fn clear_faults(&self) {
        self.world().faults.clear();
    }

    /// How many logged requests went to `target` (`"keystone:<cloud>"` or a
    /// region) with `method` and exactly `path` (see the crate docs).
    pub fn count(&self, target: &str, method: &str, path: &str) -> usize {
        self.world().journal.count(target, method, path)
    }

    /// Every logged request since the start or the last reset, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.world().journal.all()
    }

    /// Empties the request log, and so every count.
    pub fn reset_counters(&self) {
        self.world().journal.clear();
    }

    /// Lifetime of tokens issued from now on.
    pub fn set_token_ttl(&self, ttl: Duration) {
        *lock(&self.world().token_ttl) = ttl;
    }

    /// Revokes every issued token in every Keystone, so clients must
    /// authenticate again.
    pub fn revoke_all_tokens(&self) {
        for realm in &self.world().realms {
            lock(&realm.tokens).clear();
        }
    }

    /// Changes the catalog of the Keystone that lists `region`: service type
    /// `kind` (`compute`, `network`, `image`, `block-storage`, `volumev3` or
    /// `placement`) gets `url` in that region on all three interfaces (new
    /// endpoints where it had none), or with `None` loses that region's
    /// endpoints. `{project_id}` in `url` is templated per token. Tokens
    /// issued and validated from now on, and `GET /v3/auth/catalog`, carry
    /// the change; the service stays registered, and a service left without
    /// endpoints is listed with `"endpoints": []`, as keystone 30 does.
    /// Panics on an unknown region or kind.
    pub fn set_endpoint(&self, region: &str, kind: &str, url: Option<&str>) {
        self.world()
            .set_endpoint(region, kind, url)
            .unwrap_or_else(|e| panic!("fakestack: set_endpoint: {e}"));
    }

    /// Replaces the import methods `region`'s Glance enables (see
    /// [`Spec::region_import_methods`]); later requests see the change.
    /// Panics on an unknown region or method.
    pub fn set_import_methods(&self, region: &str, methods: &[&str]) {
        let methods: Vec<String> = methods.iter().map(|m| (*m).to_owned()).collect();
        self.world()
            .glance
            .set_methods(region, &methods)
            .unwrap_or_else(|e| panic!("fakestack: set_import_methods: {e}"));
    }

    /// How many Glance imports are still copying (their image `importing`,
    /// or deleted meanwhile): a test waits for 0 before asserting on what
    /// the copies left.
    pub fn imports_running(&self) -> usize {
        self.world().glance.running()
    }

    /// `http://127.0.0.1:PORT` (`https` with [`Spec::tls`]) where nothing
    /// listens: connections are refused. The port stays bound, though never
    /// listening, while the stack lives, so no other listener takes it.
    /// Panics if no loopback socket can be bound.
    pub fn closed_url(&self) -> String {
        let bound = tokio::net::TcpSocket::new_v4().and_then(|socket| {
            socket.bind(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))?;
            let addr = socket.local_addr()?;
            Ok((socket, addr))
        });
        let (socket, addr) =
            bound.unwrap_or_else(|e| panic!("fakestack: cannot bind a closed port: {e}"));
        lock(&self.closed).push(socket);
        let scheme = if self.world().control_url.starts_with("https") {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{addr}")
    }
}
