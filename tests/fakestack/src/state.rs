//! The shared world: Keystones (realms) with users, tokens and catalogs, regions, tunables.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::catalog::CatalogService;
use crate::faults::Faults;
use crate::journal::Journal;
use crate::microversion::Microversion;
use crate::spec::{CloudSpec, Spec};

/// Password of the `admin` user in every fake Keystone.
pub const ADMIN_PASSWORD: &str = "fake-admin";
/// Password of the `demo` user in every fake Keystone.
pub const DEMO_PASSWORD: &str = "fake-demo";
/// The only domain: name `Default`, id `default`, as in devstack.
pub const DOMAIN_ID: &str = "default";
pub const DOMAIN_NAME: &str = "Default";

/// Locks a mutex, shrugging off poisoning: a panicking test thread must not
/// take the fake cloud down for the others.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A random 32-hex-digit id, the shape of Keystone's ids.
pub(crate) fn hex_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// `req-<uuid>`, the shape of `x-openstack-request-id`.
pub(crate) fn request_id() -> String {
    format!("req-{}", uuid::Uuid::new_v4())
}

/// Keystone's timestamp format: `2026-11-24T19:07:06.000000Z`.
pub(crate) fn rfc3339(t: SystemTime) -> String {
    format!("{}.000000Z", civil(t))
}

/// `2026-11-24T19:07:06`, UTC, whole seconds: what each service decorates
/// its own way (Neutron and Glance add `Z`, Nova's and Cinder's database
/// times `.000000`).
pub(crate) fn civil(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Whole seconds since the epoch: Keystone's tokens carry no sub-second part.
pub(crate) fn now_whole_seconds() -> SystemTime {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// The roles every fake Keystone has, in the order Keystone lists them in
/// tokens, with what each implies (admin ⊃ manager ⊃ member ⊃ reader).
const ROLES: [&str; 4] = ["reader", "manager", "member", "admin"];

fn implied(role: &str) -> &'static [&'static str] {
    match role {
        "admin" => &["admin", "manager", "member", "reader"],
        "manager" => &["manager", "member", "reader"],
        "member" => &["member", "reader"],
        _ => &["reader"],
    }
}

/// What a role assignment is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum On {
    Project(String),
    Domain,
    System,
}

#[derive(Debug)]
pub(crate) struct User {
    pub id: String,
    pub name: String,
    pub password: String,
    pub totp: Option<String>,
    /// (what, role name) before implied roles are expanded.
    pub assignments: Vec<(On, &'static str)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Project {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug)]
pub(crate) struct Role {
    pub id: String,
    pub name: &'static str,
}

/// What a token is scoped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    Unscoped,
    Project(String),
    Domain,
    System,
}

/// An application credential's reference inside a token.
#[derive(Debug, Clone)]
pub(crate) struct AppCredRef {
    pub id: String,
    pub name: String,
    pub restricted: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub user_id: String,
    pub scope: Scope,
    pub roles: Vec<String>,
    pub methods: Vec<String>,
    pub audit_ids: Vec<String>,
    pub issued_at: SystemTime,
    pub expires_at: SystemTime,
    pub app_cred: Option<AppCredRef>,
}

#[derive(Debug, Clone)]
pub(crate) struct AppCred {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub secret: String,
    pub user_id: String,
    pub project_id: String,
    pub roles: Vec<String>,
    pub expires_at: Option<String>,
    pub unrestricted: Option<bool>,
}

/// Who is calling a service, from a valid `X-Auth-Token`. Service handlers
/// find it in the request extensions.
#[derive(Debug, Clone)]
pub struct Caller {
    pub token: String,
    pub user_id: String,
    pub user_name: String,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    pub roles: Vec<String>,
    pub system: bool,
}

impl Caller {
    /// The `admin` role, in any scope (the admin project's admin is the cloud admin).
    pub fn is_admin(&self) -> bool {
        self.roles.iter().any(|r| r == "admin")
    }
}

/// One Keystone: its own users, projects, tokens and catalog.
#[derive(Debug)]
pub(crate) struct Realm {
    /// `keystone:<cloud>` or, per-region Keystones, `keystone:<cloud>/<region>`.
    pub key: String,
    pub cloud: String,
    /// `http://127.0.0.1:PORT`, without `/v3`.
    pub url: String,
    pub regions: Vec<String>,
    pub users: Vec<User>,
    /// `admin`, `demo`, `service`, then those tests add (`FakeStack::add_project`).
    pub projects: Mutex<Vec<Project>>,
    /// Role assignments on added projects: (user id, on, role).
    pub granted: Mutex<Vec<(String, On, &'static str)>>,
    pub roles: Vec<Role>,
    pub catalog: Vec<CatalogService>,
    pub tokens: Mutex<HashMap<String, Token>>,
    pub app_creds: Mutex<Vec<AppCred>>,
}

impl Realm {
    fn new(key: String, cloud: &str, url: String, regions: Vec<String>, spec: &Spec) -> Self {
        let projects: Vec<Project> = [
            ("admin", "Bootstrap project for initializing the cloud."),
            ("demo", "non-admin demo project"),
            ("service", "service users"),
        ]
        .into_iter()
        .map(|(name, description)| Project {
            id: hex_id(),
            name: name.into(),
            description: description.into(),
        })
        .collect();
        let pid = |name: &str| {
            projects
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.id.clone())
                .unwrap_or_default()
        };
        let users = vec![
            User {
                id: hex_id(),
                name: "admin".into(),
                password: ADMIN_PASSWORD.into(),
                totp: spec.totp.get("admin").cloned(),
                assignments: vec![
                    (On::Project(pid("admin")), "admin"),
                    (On::Project(pid("demo")), "member"),
                    (On::Domain, "admin"),
                    (On::System, "admin"),
                ],
            },
            User {
                id: hex_id(),
                name: "demo".into(),
                password: DEMO_PASSWORD.into(),
                totp: spec.totp.get("demo").cloned(),
                assignments: vec![(On::Project(pid("demo")), "member")],
            },
        ];
        let roles = ROLES
            .iter()
            .map(|name| Role { id: hex_id(), name })
            .collect();
        Self {
            key,
            cloud: cloud.to_owned(),
            url,
            regions,
            users,
            projects: Mutex::new(projects),
            granted: Mutex::new(Vec::new()),
            roles,
            catalog: Vec::new(),
            tokens: Mutex::new(HashMap::new()),
            app_creds: Mutex::new(Vec::new()),
        }
    }

    /// The identity endpoint clients are given: `http://127.0.0.1:PORT/v3`.
    pub fn v3(&self) -> String {
        format!("{}/v3", self.url)
    }

    pub fn user_by_id(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn user_by_name(&self, name: &str) -> Option<&User> {
        self.users.iter().find(|u| u.name == name)
    }

    pub fn project_by_id(&self, id: &str) -> Option<Project> {
        lock(&self.projects).iter().find(|p| p.id == id).cloned()
    }

    pub fn project_by_name(&self, name: &str) -> Option<Project> {
        lock(&self.projects)
            .iter()
            .find(|p| p.name == name)
            .cloned()
    }

    /// A user's role assignments: the built-in ones, then those granted on
    /// projects added since.
    pub fn assignments_of(&self, user: &User) -> Vec<(On, &'static str)> {
        let mut all = user.assignments.clone();
        all.extend(
            lock(&self.granted)
                .iter()
                .filter(|(u, _, _)| *u == user.id)
                .map(|(_, on, role)| (on.clone(), *role)),
        );
        all
    }

    /// Every project, in creation order.
    pub fn projects(&self) -> Vec<Project> {
        lock(&self.projects).clone()
    }

    /// Adds a project (Keystone's 409 when the name is taken); returns its id.
    pub fn add_project(&self, name: &str, description: &str) -> Result<String, String> {
        let mut projects = lock(&self.projects);
        if projects.iter().any(|p| p.name == name) {
            return Err(format!("project {name} already exists in {}", self.key));
        }
        let id = hex_id();
        projects.push(Project {
            id: id.clone(),
            name: name.to_owned(),
            description: description.to_owned(),
        });
        let mut granted = lock(&self.granted);
        for (user, role) in [("admin", "admin"), ("demo", "member")] {
            if let Some(u) = self.user_by_name(user) {
                granted.push((u.id.clone(), On::Project(id.clone()), role));
            }
        }
        Ok(id)
    }

    pub fn role_id(&self, name: &str) -> String {
        self.roles
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.id.clone())
            .unwrap_or_default()
    }

    /// The user's effective roles on `on` (implied roles expanded, in
    /// Keystone's order), or `None` with no assignment there.
    pub fn effective_roles(&self, user: &User, on: &On) -> Option<Vec<String>> {
        let direct: Vec<&str> = self
            .assignments_of(user)
            .into_iter()
            .filter(|(what, _)| what == on)
            .map(|(_, role)| role)
            .collect();
        if direct.is_empty() {
            return None;
        }
        Some(
            ROLES
                .iter()
                .filter(|r| direct.iter().any(|d| implied(d).contains(r)))
                .map(|r| (*r).to_owned())
                .collect(),
        )
    }

    /// The token's catalog for this scope (see [`crate::catalog::render`]).
    pub fn catalog_json(&self, project_id: Option<&str>) -> Value {
        crate::catalog::render(&self.catalog, project_id)
    }

    /// The caller behind a token, if the token is known and not expired.
    pub fn caller(&self, token: &str) -> Option<Caller> {
        let tok = lock(&self.tokens).get(token).cloned()?;
        if tok.expires_at <= SystemTime::now() {
            return None;
        }
        let user = self.user_by_id(&tok.user_id)?;
        let project = match &tok.scope {
            Scope::Project(id) => self.project_by_id(id),
            _ => None,
        };
        Some(Caller {
            token: token.to_owned(),
            user_id: user.id.clone(),
            user_name: user.name.clone(),
            project_id: project.as_ref().map(|p| p.id.clone()),
            project_name: project.as_ref().map(|p| p.name.clone()),
            roles: tok.roles.clone(),
            system: tok.scope == Scope::System,
        })
    }

    /// The stored token, if known and not expired.
    pub fn token(&self, token: &str) -> Option<Token> {
        lock(&self.tokens)
            .get(token)
            .filter(|t| t.expires_at > SystemTime::now())
            .cloned()
    }

    pub fn revoke(&self, token: &str) {
        lock(&self.tokens).remove(token);
    }
}

/// One region: a listener serving every service under a path prefix.
#[derive(Debug)]
pub(crate) struct Region {
    pub name: String,
    pub cloud: String,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// Index into [`World::realms`] of the Keystone that issues its tokens.
    pub realm: usize,
    /// Nova's maximum microversion here (the world's unless the spec says).
    pub compute_max: Microversion,
}

/// Everything the listeners share.
#[derive(Debug)]
pub(crate) struct World {
    pub clouds: Vec<CloudSpec>,
    pub realms: Vec<Realm>,
    pub regions: Vec<Region>,
    pub control_url: String,
    pub compute_max: Microversion,
    pub volume_max: Microversion,
    pub placement_max: Microversion,
    pub token_ttl: Mutex<Duration>,
    pub faults: Faults,
    pub latency: Mutex<HashMap<String, Duration>>,
    pub journal: Journal,
    /// Quota limits and usage per region, unified limits per Keystone.
    pub quotas: crate::quota::Quotas,
    /// Every region's resources.
    pub store: crate::store::Store,
    /// Every region's Placement resource providers.
    pub placement: crate::placement::Providers,
    /// The largest image upload Glance takes, in bytes.
    pub image_size_cap: usize,
    /// Whether uploaded and imported image data is kept (else only hashed
    /// and counted).
    pub keep_image_data: bool,
    /// Glance's import methods per region and its imports' HTTP client.
    pub glance: crate::glance::Glance,
}

/// Listener addresses chosen before the world is built.
pub(crate) struct Addresses {
    /// Per realm, in [`World::realms`] order: (key, cloud, url, regions).
    pub realms: Vec<(String, String, String, Vec<String>)>,
    /// Per region: (name, cloud, url, realm index).
    pub regions: Vec<(String, String, String, usize)>,
    pub control: String,
}

impl World {
    /// `pki`: the stack's CA and client identity under TLS, which Glance's
    /// imports present when they fetch from another region.
    pub fn new(spec: &Spec, addrs: Addresses, pki: Option<&crate::tls::Pki>) -> Arc<Self> {
        let mut realms: Vec<Realm> = addrs
            .realms
            .into_iter()
            .map(|(key, cloud, url, regions)| Realm::new(key, &cloud, url, regions, spec))
            .collect();
        let mv = |v: &str| crate::microversion::parse(v).unwrap_or(Microversion(1, 0));
        let regions: Vec<Region> = addrs
            .regions
            .into_iter()
            .map(|(name, cloud, url, realm)| Region {
                compute_max: mv(spec
                    .region_compute_max
                    .get(&name)
                    .unwrap_or(&spec.compute_max)),
                name,
                cloud,
                url,
                realm,
            })
            .collect();
        for realm in &mut realms {
            realm.catalog = crate::catalog::build(&realm.v3(), &realm.regions, &regions);
        }
        let mut latency = HashMap::new();
        for key in realms
            .iter()
            .map(|r| r.key.clone())
            .chain(regions.iter().map(|r| r.name.clone()))
        {
            latency.insert(key, spec.latency);
        }
        let regions_names: Vec<String> = regions.iter().map(|r| r.name.clone()).collect();
        let world = Arc::new(Self {
            clouds: spec.clouds.clone(),
            realms,
            regions,
            control_url: addrs.control,
            compute_max: mv(&spec.compute_max),
            volume_max: mv(&spec.volume_max),
            placement_max: mv(&spec.placement_max),
            token_ttl: Mutex::new(spec.token_ttl),
            faults: Faults::default(),
            latency: Mutex::new(latency),
            journal: Journal::default(),
            quotas: crate::quota::Quotas::default(),
            glance: crate::glance::Glance::new(&regions_names, &spec.import_methods, pki),
            store: crate::store::Store::new(regions_names),
            placement: crate::placement::Providers::default(),
            image_size_cap: spec.image_size_cap,
            keep_image_data: spec.keep_image_data,
        });
        world.quotas.seed(&world, &spec.quota);
        world
    }

    pub fn region(&self, name: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.name == name)
    }

    /// The Keystone for `cloud` (its first one when per-region) or for
    /// `cloud/region`.
    pub fn realm(&self, which: &str) -> Option<&Realm> {
        let key = format!("keystone:{which}");
        self.realms
            .iter()
            .find(|r| r.key == key)
            .or_else(|| self.realms.iter().find(|r| r.cloud == which))
    }

    pub fn realm_of_region(&self, region: &Region) -> &Realm {
        &self.realms[region.realm]
    }

    /// Changes `kind`'s endpoints of `region` in the catalog of the Keystone
    /// that lists it (see [`crate::catalog::set_endpoint`]).
    pub fn set_endpoint(&self, region: &str, kind: &str, url: Option<&str>) -> Result<(), String> {
        let found = self
            .region(region)
            .ok_or_else(|| format!("no region {region}"))?;
        let realm = self.realm_of_region(found);
        crate::catalog::set_endpoint(&realm.catalog, region, kind, url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_matches_keystone_format() {
        let t = UNIX_EPOCH + Duration::from_secs(1_795_460_826);
        assert_eq!(rfc3339(t), "2026-11-23T19:07:06.000000Z");
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00.000000Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(rfc3339(leap), "2000-02-29T00:00:00.000000Z");
    }
}
