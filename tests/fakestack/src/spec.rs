//! What to fake: clouds, their regions, where their Keystones are, and tunables.

use std::collections::BTreeMap;
use std::time::Duration;

/// One cloud of the fake estate.
#[derive(Debug, Clone)]
pub struct CloudSpec {
    /// Cloud name: the `clouds.yaml` entry and the Keystone key (`keystone:<name>`).
    pub name: String,
    /// Region names, in order; the first is the cloud's `region_name`.
    pub regions: Vec<String>,
    /// One independent Keystone per region instead of one for the whole cloud.
    pub per_region_keystone: bool,
}

/// The whole fake estate, built with chained calls and given to
/// [`FakeStack::start`](crate::FakeStack::start).
#[derive(Debug, Clone)]
pub struct Spec {
    pub(crate) clouds: Vec<CloudSpec>,
    pub(crate) token_ttl: Duration,
    pub(crate) latency: Duration,
    pub(crate) compute_max: String,
    /// Regions whose Nova is older than the rest: region → its maximum.
    pub(crate) region_compute_max: BTreeMap<String, String>,
    pub(crate) volume_max: String,
    pub(crate) placement_max: String,
    pub(crate) totp: BTreeMap<String, String>,
    pub(crate) tls: bool,
    pub(crate) client_cert: bool,
    /// Quota usage, volume types and registered limits to start with (quota/).
    pub(crate) quota: Vec<crate::quota::Seed>,
    pub(crate) image_size_cap: usize,
    pub(crate) keep_image_data: bool,
    /// Regions whose Glance enables other import methods: region → methods.
    pub(crate) import_methods: BTreeMap<String, Vec<String>>,
}

impl Default for Spec {
    fn default() -> Self {
        Self::new()
    }
}

impl Spec {
    /// An empty estate: add clouds with [`Spec::cloud`]. Tokens live 24 hours
    /// (Keystone's default), no latency, Nova up to 2.104 (Nova 34, as the
    /// real minicloud answers), Cinder up to 3.71,
    /// Placement up to 1.39, TOTP passcode `123456` for both users, images
    /// up to 512 MiB.
    pub fn new() -> Self {
        let totp = [("admin", "123456"), ("demo", "123456")]
            .into_iter()
            .map(|(u, p)| (u.to_owned(), p.to_owned()))
            .collect();
        Self {
            clouds: Vec::new(),
            token_ttl: Duration::from_secs(24 * 3600),
            latency: Duration::ZERO,
            compute_max: "2.104".into(),
            region_compute_max: BTreeMap::new(),
            volume_max: "3.71".into(),
            placement_max: "1.39".into(),
            totp,
            tls: false,
            client_cert: false,
            quota: Vec::new(),
            image_size_cap: 512 << 20,
            keep_image_data: true,
            import_methods: BTreeMap::new(),
        }
    }

    /// Cloud `fake-a` with `RegionOne` and `RegionTwo` behind one Keystone, and
    /// cloud `fake-b` with `RegionThree`: the shape of the real minicloud.
    /// Project `demo` uses some quota in every region (see README.md).
    pub fn demo() -> Self {
        Self::new()
            .cloud("fake-a", &["RegionOne", "RegionTwo"])
            .cloud("fake-b", &["RegionThree"])
            .demo_quota()
    }

    /// Adds a cloud whose regions share one Keystone.
    pub fn cloud(mut self, name: &str, regions: &[&str]) -> Self {
        self.clouds.push(CloudSpec {
            name: name.to_owned(),
            regions: regions.iter().map(|r| (*r).to_owned()).collect(),
            per_region_keystone: false,
        });
        self
    }

    /// Adds a cloud where every region has its own, independent Keystone
    /// (own users' ids, own tokens, a catalog listing only that region).
    pub fn cloud_per_region_keystone(mut self, name: &str, regions: &[&str]) -> Self {
        self.clouds.push(CloudSpec {
            name: name.to_owned(),
            regions: regions.iter().map(|r| (*r).to_owned()).collect(),
            per_region_keystone: true,
        });
        self
    }

    /// Lifetime of issued tokens (default 24 hours). `expires_at` is whole
    /// seconds, as Keystone's is, so a token may die up to 1 s early.
    pub fn token_ttl(mut self, ttl: Duration) -> Self {
        self.token_ttl = ttl;
        self
    }

    /// Latency added before every response of every listener (default none).
    pub fn latency(mut self, latency: Duration) -> Self {
        self.latency = latency;
        self
    }

    /// Nova's maximum microversion, e.g. `"2.104"` (the default).
    pub fn compute_max_microversion(mut self, version: &str) -> Self {
        self.compute_max = version.to_owned();
        self
    }

    /// Nova's maximum microversion in one region only, e.g. `"2.87"` for a
    /// region that still runs an older release than the rest of the estate.
    pub fn region_compute_max_microversion(mut self, region: &str, version: &str) -> Self {
        self.region_compute_max
            .insert(region.to_owned(), version.to_owned());
        self
    }

    /// Cinder's maximum microversion, e.g. `"3.71"` (the default).
    pub fn volume_max_microversion(mut self, version: &str) -> Self {
        self.volume_max = version.to_owned();
        self
    }

    /// Placement's maximum microversion, e.g. `"1.39"` (the default).
    pub fn placement_max_microversion(mut self, version: &str) -> Self {
        self.placement_max = version.to_owned();
        self
    }

    /// The TOTP passcode accepted for `user` (`admin` or `demo`; default
    /// `123456`). No TOTP arithmetic: this fixed string is the passcode.
    pub fn totp_passcode(mut self, user: &str, passcode: &str) -> Self {
        self.totp.insert(user.to_owned(), passcode.to_owned());
        self
    }

    /// Serve every listener (Keystones, regions, control) over HTTPS with a
    /// certificate for `127.0.0.1` from a CA made at start, so every URL is
    /// `https://127.0.0.1:P`. Clients trust it with
    /// [`FakeStack::ca_pem`](crate::FakeStack::ca_pem) (default: plain HTTP).
    pub fn tls(mut self) -> Self {
        self.tls = true;
        self
    }

    /// [`Spec::tls`], and every listener refuses a client without a
    /// certificate signed by the same CA: see
    /// [`FakeStack::client_cert_pem`](crate::FakeStack::client_cert_pem).
    /// Serves TLS 1.2 only, so the refusal is an alert inside the handshake
    /// (under TLS 1.3 it comes after, and may reach the client as a bare
    /// closed connection).
    pub fn require_client_cert(mut self) -> Self {
        self.tls = true;
        self.client_cert = true;
        self
    }

    /// Whether listeners serve HTTPS.
    pub fn is_tls(&self) -> bool {
        self.tls
    }

    /// Whether listeners demand a client certificate.
    pub fn requires_client_cert(&self) -> bool {
        self.client_cert
    }

    /// The clouds, in the order they were added.
    pub fn clouds(&self) -> &[CloudSpec] {
        &self.clouds
    }

    /// The largest image Glance takes, in bytes (default 512 MiB); a bigger
    /// upload gets Glance's 413. Image data is kept in memory.
    pub fn image_size_cap(mut self, bytes: usize) -> Self {
        self.image_size_cap = bytes;
        self
    }

    /// Uploaded and imported image data is hashed and counted but not
    /// kept (a download of it answers 204, as before an upload): for
    /// transfers of gigabytes that only their hashes need to prove.
    /// Seeded data (`set_image_data`) is always kept.
    pub fn discard_image_data(mut self) -> Self {
        self.keep_image_data = false;
        self
    }

    /// The import methods one region's Glance enables (default all four:
    /// `glance-direct`, `web-download`, `copy-image`, `glance-download`):
    /// its `/v2/info/import` lists them, as does the
    /// `OpenStack-image-import-methods` header of a create answer, and an
    /// import by another method is refused with Glance's 400.
    pub fn region_import_methods(mut self, region: &str, methods: &[&str]) -> Self {
        self.import_methods.insert(
            region.to_owned(),
            methods.iter().map(|m| (*m).to_owned()).collect(),
        );
        self
    }

    /// Panics with a clear message when the spec can't be served.
    pub(crate) fn validate(&self) {
        assert!(!self.clouds.is_empty(), "fakestack: the spec has no cloud");
        let mut clouds = std::collections::BTreeSet::new();
        let mut regions = std::collections::BTreeSet::new();
        for cloud in &self.clouds {
            assert!(
                clouds.insert(cloud.name.as_str()),
                "fakestack: cloud {} is given twice",
                cloud.name
            );
            assert!(
                !cloud.regions.is_empty(),
                "fakestack: cloud {} has no region",
                cloud.name
            );
            for region in &cloud.regions {
                assert!(
                    regions.insert(region.as_str()),
                    "fakestack: region {region} is given twice (region names are unique across clouds)"
                );
            }
        }
        for region in self.region_compute_max.keys() {
            assert!(
                regions.contains(region.as_str()),
                "fakestack: region_compute_max_microversion names region {region}, which no cloud has"
            );
        }
        for (region, methods) in &self.import_methods {
            assert!(
                regions.contains(region.as_str()),
                "fakestack: region_import_methods names region {region}, which no cloud has"
            );
            if let Err(e) = crate::glance::check_methods(methods) {
                panic!("fakestack: region_import_methods: {e}");
            }
        }
        for v in [&self.compute_max, &self.volume_max, &self.placement_max]
            .into_iter()
            .chain(self.region_compute_max.values())
        {
            assert!(
                crate::microversion::parse(v).is_some(),
                "fakestack: {v} is not a MAJOR.MINOR microversion"
            );
        }
    }
}
