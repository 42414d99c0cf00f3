//! The resource part of the test API: seed, read and remove resources, set image data, add projects.

use std::sync::Arc;

use serde_json::Value;

use crate::FakeStack;
use crate::microversion::Microversion;
use crate::region::Service;
use crate::server::{Ctx, Site};
use crate::state::{Caller, World};

use super::{Call, Kind, Resource};

/// Who a seed acts as: the admin role scoped to `project`, as the user
/// `user` (an id or a name), else the user named like the project, else
/// `admin`.
fn actor(
    world: &Arc<World>,
    region: &str,
    project: &str,
    user: Option<&str>,
) -> Result<(Ctx, Caller), String> {
    let index = world
        .regions
        .iter()
        .position(|r| r.name == region)
        .ok_or_else(|| format!("no region {region}"))?;
    let ctx = Ctx {
        world: world.clone(),
        site: Site::Region(index),
    };
    let realm = ctx.realm();
    let project = realm
        .project_by_name(project)
        .or_else(|| realm.project_by_id(project))
        .ok_or_else(|| format!("no project {project} in {}", realm.key))?;
    let user = match user {
        Some(u) => realm
            .user_by_id(u)
            .or_else(|| realm.user_by_name(u))
            .ok_or_else(|| format!("no user {u} in {}", realm.key))?,
        None => realm
            .user_by_name(&project.name)
            .or_else(|| realm.user_by_name("admin"))
            .ok_or_else(|| format!("no admin user in {}", realm.key))?,
    };
    let caller = Caller {
        token: String::new(),
        user_id: user.id.clone(),
        user_name: user.name.clone(),
        project_id: Some(project.id.clone()),
        project_name: Some(project.name.clone()),
        roles: vec![
            "admin".into(),
            "manager".into(),
            "member".into(),
            "reader".into(),
        ],
        system: false,
    };
    Ok((ctx, caller))
}

/// The newest microversion of the kind's service where the call runs
/// (seeds see every field, and are held to the rules of that release).
fn newest(ctx: &Ctx, kind: Kind) -> Microversion {
    match kind.decl().service {
        Service::Compute => ctx.compute_max(),
        Service::Volume => ctx.world.volume_max,
        _ => Microversion(2, 0),
    }
}

/// Creates a resource through its kind's create function (the API's own checks).
pub(crate) fn seed(
    world: &Arc<World>,
    region: &str,
    kind: Kind,
    project: &str,
    body: &Value,
) -> Result<Resource, String> {
    let (ctx, caller) = actor(
        world,
        region,
        project,
        body.get("user_id").and_then(Value::as_str),
    )?;
    let call = Call::new(&ctx, &caller, newest(&ctx, kind));
    // A user given by name is the resolved user: the API takes only ids.
    let mut body = body.clone();
    if let Some(user) = body.get_mut("user_id").filter(|u| u.is_string()) {
        *user = Value::String(caller.user_id.clone());
    }
    world
        .store
        .with(region, |s| {
            let id = (kind.decl().create)(call, s, &body).map_err(|e| e.message)?;
            let mut r = s
                .get(kind, &id)
                .cloned()
                .ok_or("the new resource vanished")?;
            r.hidden.remove("private_key");
            Ok(r)
        })
        .unwrap_or_else(|| Err(format!("no region {region}")))
}

/// Resources: every region has its own store (see the crate docs). `kind`
/// is a [`Kind`]; `project` a project name or id in the region's Keystone.
/// Bad names and refused seeds panic, as a test helper should.
impl FakeStack {
    /// Creates a resource in `region` as `project`'s admin would through
    /// the API, with the API's defaults and checks (a MAC and fixed IPs for
    /// a port, a fingerprint for a keypair, the `default` security group,
    /// 409s, …), and returns it. `body` is what the API's POST takes inside
    /// its envelope, e.g. `json!({"name": "k1", "public_key": "ssh-ed25519 …"})`
    /// for [`Kind::Keypair`]; a keypair belongs to `body.user_id` (an id or
    /// `admin`/`demo`), else to the user named like the project. Servers,
    /// which the API cannot boot here, take `name`, `status`, `flavor`,
    /// `image`, `addresses` or `ports`, `fault`, `key_name`, `metadata`.
    pub fn seed(&self, region: &str, kind: Kind, project: &str, body: Value) -> Resource {
        self.try_seed(region, kind, project, body)
            .unwrap_or_else(|e| panic!("fakestack: seed {}: {e}", kind.name()))
    }

    /// [`FakeStack::seed`], returning the API's error message instead of panicking.
    pub fn try_seed(
        &self,
        region: &str,
        kind: Kind,
        project: &str,
        body: Value,
    ) -> Result<Resource, String> {
        seed(&self.running.world, region, kind, project, &body)
    }

    /// Every resource of a kind in a region, oldest first, as stored (the
    /// admin's view at the newest microversion).
    pub fn resources(&self, region: &str, kind: Kind) -> Vec<Resource> {
        self.world()
            .store
            .with(region, |s| s.all(kind).to_vec())
            .unwrap_or_else(|| panic!("fakestack: no region {region}"))
    }

    /// One resource by its store id (a keypair's is Nova's integer id).
    pub fn resource(&self, region: &str, kind: Kind, id: &str) -> Option<Resource> {
        self.world()
            .store
            .with(region, |s| s.get(kind, id).cloned())
            .unwrap_or_else(|| panic!("fakestack: no region {region}"))
    }

    /// Adds `count` copies of a resource (seeded through the API first)
    /// without the API's checks, each with a new id and its body changed by
    /// `edit(i, body)`: tens of thousands of ports for a benchmark, which
    /// the API's uniqueness checks would make quadratic. The copies must
    /// not clash (addresses, MACs): nothing checks them. Returns their ids.
    pub fn seed_copies(
        &self,
        region: &str,
        kind: Kind,
        template_id: &str,
        count: usize,
        mut edit: impl FnMut(usize, &mut Value),
    ) -> Vec<String> {
        self.world()
            .store
            .with(region, |s| {
                let template = s
                    .get(kind, template_id)
                    .cloned()
                    .unwrap_or_else(|| panic!("fakestack: no {} {template_id}", kind.name()));
                (0..count)
                    .map(|i| {
                        let mut copy = template.clone();
                        copy.id = super::uuid();
                        copy.body["id"] = Value::String(copy.id.clone());
                        edit(i, &mut copy.body);
                        let id = copy.id.clone();
                        s.insert(copy);
                        id
                    })
                    .collect()
            })
            .unwrap_or_else(|| panic!("fakestack: no region {region}"))
    }

    /// Removes a resource without the API's checks; false if it was not there.
    pub fn remove_resource(&self, region: &str, kind: Kind, id: &str) -> bool {
        self.world()
            .store
            .with(region, |s| s.remove(kind, id).is_some())
            .unwrap_or_else(|| panic!("fakestack: no region {region}"))
    }

    /// Changes a resource's body as the service itself would (a volume
    /// gone to `error`, an import that failed at a store), stamping
    /// `updated_at`; false if it was not there.
    pub fn edit_resource(
        &self,
        region: &str,
        kind: Kind,
        id: &str,
        edit: impl FnOnce(&mut Value),
    ) -> bool {
        self.world()
            .store
            .with(region, |s| match s.get_mut(kind, id) {
                Some(r) => {
                    edit(&mut r.body);
                    r.touch();
                    true
                }
                None => false,
            })
            .unwrap_or_else(|| panic!("fakestack: no region {region}"))
    }

    /// Gives an image its data as an upload would: `size`, `checksum`
    /// (MD5), `os_hash_value` (SHA-512) and status `active`.
    pub fn set_image_data(&self, region: &str, image_id: &str, data: impl Into<Vec<u8>>) {
        let data = data.into();
        self.world()
            .store
            .with(region, |s| crate::glance::data::put(s, image_id, data))
            .unwrap_or_else(|| panic!("fakestack: no region {region}"))
            .unwrap_or_else(|e| panic!("fakestack: set_image_data: {}", e.message));
    }

    /// An image's data, if it has any.
    pub fn image_data(&self, region: &str, image_id: &str) -> Option<Vec<u8>> {
        self.world()
            .store
            .with(region, |s| s.blobs.get(image_id).map(|b| b.to_vec()))
            .unwrap_or_else(|| panic!("fakestack: no region {region}"))
    }

    /// Adds a project to a cloud's Keystone (`cloud` as in
    /// [`FakeStack::keystone_url`]; every Keystone of a per-region cloud
    /// would need its own call); returns its id. User `admin` gets the
    /// `admin` role on it and `demo` the `member` role, so both can scope
    /// tokens to it.
    pub fn add_project(&self, cloud: &str, name: &str) -> String {
        let realm = self
            .world()
            .realm(cloud)
            .unwrap_or_else(|| panic!("fakestack: no cloud {cloud}"));
        realm
            .add_project(name, "")
            .unwrap_or_else(|e| panic!("fakestack: add_project: {e}"))
    }
}
