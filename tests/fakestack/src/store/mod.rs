//! The resource store: per region, collections by kind, each resource with an id, an owner, timestamps and its API body.
//!
//! A kind is declared once ([`Decl`]): its service, collection path and
//! envelope keys, how its API pages and stamps it, who sees it, and the
//! function that creates one (shared by the API's POST and the test
//! API's [`FakeStack::seed`](crate::FakeStack::seed)). Each region has its
//! own [`RegionStore`], as each real region has its own databases.

mod api;
pub(crate) mod control;
mod usage;

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::SystemTime;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::microversion::Microversion;
use crate::region::Service;
use crate::server::Ctx;
use crate::state::{Caller, civil, lock, now_whole_seconds};
use crate::{body, errors};

/// The kinds of resource the store keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Nova `os-keypairs`, owned by a user, addressed by name.
    Keypair,
    /// Nova `flavors`, addressed by their `id` (the flavorid), no owner.
    Flavor,
    /// Nova `servers`.
    Server,
    /// Neutron `networks`.
    Network,
    /// Neutron `subnets`.
    Subnet,
    /// Neutron `ports`.
    Port,
    /// Neutron `routers`.
    Router,
    /// Neutron `floatingips`.
    FloatingIp,
    /// Neutron `security-groups`.
    SecurityGroup,
    /// Neutron `security-group-rules`.
    SecurityGroupRule,
    /// Glance `images` (with their data).
    Image,
    /// Cinder `volumes`.
    Volume,
    /// Nova `os-services` (admin).
    ComputeService,
    /// Neutron `agents` (admin).
    NetworkAgent,
    /// Cinder `os-services` (admin).
    VolumeService,
    /// Cinder user `messages`.
    VolumeMessage,
}

impl Kind {
    /// Every kind, in the order the services are listed.
    pub const ALL: [Kind; 16] = [
        Kind::Keypair,
        Kind::Flavor,
        Kind::Server,
        Kind::Network,
        Kind::Subnet,
        Kind::Port,
        Kind::Router,
        Kind::FloatingIp,
        Kind::SecurityGroup,
        Kind::SecurityGroupRule,
        Kind::Image,
        Kind::Volume,
        Kind::ComputeService,
        Kind::NetworkAgent,
        Kind::VolumeService,
        Kind::VolumeMessage,
    ];

    /// `keypair`, `floating_ip`, `security_group_rule`, …: the name the
    /// control API uses.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Keypair => "keypair",
            Kind::Flavor => "flavor",
            Kind::Server => "server",
            Kind::Network => "network",
            Kind::Subnet => "subnet",
            Kind::Port => "port",
            Kind::Router => "router",
            Kind::FloatingIp => "floating_ip",
            Kind::SecurityGroup => "security_group",
            Kind::SecurityGroupRule => "security_group_rule",
            Kind::Image => "image",
            Kind::Volume => "volume",
            Kind::ComputeService => "compute_service",
            Kind::NetworkAgent => "network_agent",
            Kind::VolumeService => "volume_service",
            Kind::VolumeMessage => "volume_message",
        }
    }

    /// The kind named `name` (see [`Kind::name`]).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Its declaration, kept beside its service's handlers.
    pub(crate) fn decl(self) -> &'static Decl {
        match self {
            Kind::Keypair => &crate::nova::keypairs::DECL,
            Kind::Flavor => &crate::nova::flavors::DECL,
            Kind::Server => &crate::nova::servers::DECL,
            Kind::Network => &crate::neutron::networks::DECL,
            Kind::Subnet => &crate::neutron::subnets::DECL,
            Kind::Port => &crate::neutron::ports::DECL,
            Kind::Router => &crate::neutron::routers::DECL,
            Kind::FloatingIp => &crate::neutron::floatingips::DECL,
            Kind::SecurityGroup => &crate::neutron::secgroups::GROUPS,
            Kind::SecurityGroupRule => &crate::neutron::secgroups::RULES,
            Kind::Image => &crate::glance::images::DECL,
            Kind::Volume => &crate::cinder::volumes::DECL,
            Kind::ComputeService => &crate::states::COMPUTE_SERVICES,
            Kind::NetworkAgent => &crate::states::NETWORK_AGENTS,
            Kind::VolumeService => &crate::states::VOLUME_SERVICES,
            Kind::VolumeMessage => &crate::states::VOLUME_MESSAGES,
        }
    }
}

/// How an API pages a collection (see [`crate::page`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Paging {
    /// `*_links` with a sorted query (from 2.35 for keypairs).
    Nova,
    /// `*_links` with `next` and `previous`, `page_reverse`.
    Neutron,
    /// `next` and `first` beside the list.
    Glance,
    /// `*_links` with `marker` moved last.
    Cinder,
}

/// How a service writes the `created_at`/`updated_at` of a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamps {
    /// Not in the body (Nova flavors).
    None,
    /// `2026-11-23T19:07:25Z` (Neutron, Glance; Nova servers' `created`).
    Zulu,
    /// `2026-11-23T19:07:25.000000` (Cinder, Nova keypairs).
    Micro,
}

impl Stamps {
    pub(crate) fn format(self, t: SystemTime) -> Value {
        match self {
            Stamps::None => Value::Null,
            Stamps::Zulu => json!(format!("{}Z", civil(t))),
            Stamps::Micro => json!(format!("{}.000000", civil(t))),
        }
    }
}

/// Who made a request, where, at which microversion: what a kind's
/// create function gets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Call<'a> {
    pub ctx: &'a Ctx,
    pub caller: &'a Caller,
    pub mv: Microversion,
}

impl<'a> Call<'a> {
    pub(crate) fn new(ctx: &'a Ctx, caller: &'a Caller, mv: Microversion) -> Self {
        Self { ctx, caller, mv }
    }
}

/// What every resource handler extracts first: its region's state, the
/// caller and the negotiated microversion (2.0 under a service that has
/// none). `Req { ctx, caller, mv }: Req` in a handler's arguments.
#[derive(Debug, Clone)]
pub(crate) struct Req {
    pub ctx: Ctx,
    pub caller: Caller,
    pub mv: Microversion,
}

impl FromRequestParts<Ctx> for Req {
    type Rejection = <Extension<Caller> as FromRequestParts<Ctx>>::Rejection;

    async fn from_request_parts(parts: &mut Parts, ctx: &Ctx) -> Result<Self, Self::Rejection> {
        let Extension(caller) = Extension::<Caller>::from_request_parts(parts, ctx).await?;
        let mv = parts
            .extensions
            .get::<Microversion>()
            .copied()
            .unwrap_or(Microversion(2, 0));
        Ok(Self {
            ctx: ctx.clone(),
            caller,
            mv,
        })
    }
}

/// An API error, rendered in the service's own shape by [`ApiError::render`].
///
/// A handler returns it as its response (`Result<Response, ApiError>`, with
/// `?`): it then travels as a bare status carrying the error, and the layer
/// of the service's router ([`rendered`]) gives it the service's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    /// Neutron's `type` (the exception's class name); other services ignore it.
    pub kind: Option<&'static str>,
    pub message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            kind: None,
            message: message.into(),
        }
    }

    /// A Neutron error of type `kind` (`MacAddressInUse`, `NetworkNotFound`, …).
    pub(crate) fn typed(
        status: StatusCode,
        kind: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            status,
            kind: Some(kind),
            message: message.into(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    pub(crate) fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, message)
    }

    pub(crate) fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    pub(crate) fn render(self, service: Service) -> Response {
        match (service, self.kind) {
            (Service::Network, Some(kind)) => {
                let mut resp = body::json(
                    self.status,
                    &json!({"NeutronError": {"type": kind, "message": self.message, "detail": ""}}),
                );
                errors::add_request_id(Some(service), &mut resp);
                resp
            }
            _ => errors::service(service, self.status, &self.message),
        }
    }
}

/// A handler's outcome: the response, or the API error for it.
pub(crate) type Reply = Result<Response, ApiError>;

/// An [`ApiError`] a handler returned, not yet in its service's shape.
#[derive(Debug, Clone)]
struct Unrendered(ApiError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp = self.status.into_response();
        resp.extensions_mut().insert(Unrendered(self));
        resp
    }
}

/// `router` with every [`ApiError`] its handlers return rendered as
/// `service` renders errors, before any outer layer sees the response.
pub(crate) fn rendered<S>(service: Service, router: axum::Router<S>) -> axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    router.layer(axum::middleware::map_response(
        move |mut resp: Response| async move {
            match resp.extensions_mut().remove::<Unrendered>() {
                Some(Unrendered(e)) => e.render(service),
                None => resp,
            }
        },
    ))
}

/// Creates one resource from an API request body (the object inside the
/// envelope), stores it and returns its id.
pub(crate) type CreateFn = fn(Call<'_>, &mut RegionStore, &Value) -> Result<String, ApiError>;

/// A kind, declared once.
#[derive(Debug)]
pub(crate) struct Decl {
    pub kind: Kind,
    pub service: Service,
    /// The collection on a region listener, e.g. `/network/v2.0/ports`.
    pub path: &'static str,
    /// The envelope of one (`port`) and of a list (`ports`, also the `*_links` prefix).
    pub singular: &'static str,
    pub plural: &'static str,
    /// The body key the API addresses a resource by: `id`, or `name` (keypairs).
    pub key: &'static str,
    pub paging: Paging,
    pub stamps: Stamps,
    pub create: CreateFn,
    /// Whether a caller may see a resource (before any `all_tenants`).
    pub visible: fn(&Caller, &Resource) -> bool,
}

/// One stored resource. `body` is what the API shows (for the admin, at
/// the newest microversion); handlers trim it per caller and version.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    pub kind: Kind,
    /// The store's id: the API id (a flavor's may be the client's), or
    /// Nova's integer keypair id as a string.
    pub id: String,
    /// The owning project; `None` for flavors.
    pub project_id: Option<String>,
    /// The owning user (keypairs).
    pub user_id: Option<String>,
    pub created_at: SystemTime,
    pub updated_at: SystemTime,
    pub body: Value,
    /// State the API does not show in the body (a flavor's access list,
    /// an image's pending upload, …).
    pub(crate) hidden: Map<String, Value>,
}

impl Resource {
    /// A new resource stamped now; the body gets `created_at`/`updated_at`
    /// in the kind's format where it has those keys.
    pub(crate) fn new(
        kind: Kind,
        id: &str,
        project_id: Option<&str>,
        user_id: Option<&str>,
        mut body: Value,
    ) -> Self {
        let now = now_whole_seconds();
        let stamps = kind.decl().stamps;
        if stamps != Stamps::None {
            for key in ["created_at", "updated_at"] {
                if body.get(key).is_some_and(Value::is_null) {
                    body[key] = stamps.format(now);
                }
            }
        }
        Self {
            kind,
            id: id.to_owned(),
            project_id: project_id.map(str::to_owned),
            user_id: user_id.map(str::to_owned),
            created_at: now,
            updated_at: now,
            body,
            hidden: Map::new(),
        }
    }

    /// A string field of the body (`""` when absent).
    pub fn field(&self, key: &str) -> &str {
        self.body
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    /// Marks a change: `updated_at` (and Neutron's `revision_number`).
    pub(crate) fn touch(&mut self) {
        self.updated_at = now_whole_seconds();
        let stamps = self.kind.decl().stamps;
        if self.body.get("updated_at").is_some() && stamps != Stamps::None {
            self.body["updated_at"] = stamps.format(self.updated_at);
        }
        if let Some(n) = self.body.get("revision_number").and_then(Value::as_i64) {
            self.body["revision_number"] = json!(n + 1);
        }
    }

    pub(crate) fn owned_by(&self, project: Option<&str>) -> bool {
        project.is_some() && self.project_id.as_deref() == project
    }
}

/// The owner rule: the admin, or a member of `project` (who may read its
/// quotas and limits).
pub(crate) fn admin_or_member(caller: &Caller, project: &str) -> bool {
    caller.is_admin() || caller.project_id.as_deref() == Some(project)
}

/// The owner rule of most kinds: the admin, or a member of the resource's
/// project (who may see it, and for Glance, change it).
pub(crate) fn owned_or_admin(caller: &Caller, r: &Resource) -> bool {
    match r.project_id.as_deref() {
        Some(project) => admin_or_member(caller, project),
        None => caller.is_admin(),
    }
}

/// One region's resources and image data.
#[derive(Debug, Default)]
pub(crate) struct RegionStore {
    items: BTreeMap<Kind, Vec<Resource>>,
    /// Image data by image id.
    pub blobs: HashMap<String, Bytes>,
    /// Nova's auto-increment keypair ids.
    numbers: u64,
}

impl RegionStore {
    /// Every resource of a kind, oldest first.
    pub fn all(&self, kind: Kind) -> &[Resource] {
        self.items.get(&kind).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn get(&self, kind: Kind, id: &str) -> Option<&Resource> {
        self.all(kind).iter().find(|r| r.id == id)
    }

    pub fn get_mut(&mut self, kind: Kind, id: &str) -> Option<&mut Resource> {
        self.items.get_mut(&kind)?.iter_mut().find(|r| r.id == id)
    }

    pub fn find(&self, kind: Kind, pred: impl Fn(&Resource) -> bool) -> Option<&Resource> {
        self.all(kind).iter().find(|r| pred(r))
    }

    pub fn insert(&mut self, resource: Resource) {
        self.items.entry(resource.kind).or_default().push(resource);
    }

    pub fn remove(&mut self, kind: Kind, id: &str) -> Option<Resource> {
        let items = self.items.get_mut(&kind)?;
        let at = items.iter().position(|r| r.id == id)?;
        if kind == Kind::Image {
            self.blobs.remove(id);
        }
        Some(items.remove(at))
    }

    /// The next of a region-wide sequence (Nova's keypair ids).
    pub fn next_number(&mut self) -> u64 {
        self.numbers += 1;
        self.numbers
    }
}

/// Every region's [`RegionStore`], each behind its own lock.
#[derive(Debug)]
pub(crate) struct Store {
    regions: HashMap<String, Mutex<RegionStore>>,
}

impl Store {
    pub fn new(regions: impl IntoIterator<Item = String>) -> Self {
        Self {
            regions: regions
                .into_iter()
                .map(|r| (r, Mutex::new(RegionStore::default())))
                .collect(),
        }
    }

    /// Runs `f` on a region's store; `None` for an unknown region.
    pub fn with<R>(&self, region: &str, f: impl FnOnce(&mut RegionStore) -> R) -> Option<R> {
        self.regions.get(region).map(|m| f(&mut lock(m)))
    }

    /// [`Store::with`] for a region that exists (a listener's own).
    pub fn at<R>(&self, region: &str, f: impl FnOnce(&mut RegionStore) -> R) -> R {
        let mut fallback = RegionStore::default();
        match self.regions.get(region) {
            Some(m) => f(&mut lock(m)),
            None => f(&mut fallback),
        }
    }
}

/// A uuid4 in its usual dashed form: the ids of Nova, Neutron, Glance and Cinder resources.
pub(crate) fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}
