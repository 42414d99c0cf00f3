//! Resource collections served by one set of handlers: a kind declares what differs, the handlers here serve list, detail, show, create, update and delete.
//!
//! A [`Collection`] is plain data and fn pointers around the store's
//! [`Decl`] (path, envelopes, key, paging, stamps, create, owner rule). Each
//! handler runs the same steps and asks the kind at each one:
//!
//! - list: `guard`, the page window (as the kind's [`Paging`] reads
//!   `limit` and `marker`), `prepare`, `select` (filters and order), the
//!   window applied (`bad_marker` for an unknown marker), `view` of each,
//!   then the envelope and the API's next-page links;
//! - show, update, delete: `guard`, (update: `decode`), `lookup`, the hook,
//!   then `view` or the empty answer;
//! - create: `guard`, `decode` (one item, or Neutron's bulk), per item
//!   `admit` then the [`Decl`]'s create (undone with `delete` when a later
//!   item fails), `view` of each, then `answered`.
//!
//! Statuses come from `status` (they may depend on the microversion), and
//! errors are [`ApiError`]s that the service's router renders. What a
//! service adds (actions, sub-resources, data) stays its own route.

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use serde_json::{Map, Value, json};

use crate::body;
use crate::microversion::Microversion;
use crate::page;
use crate::query::Query;
use crate::region::Service;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{ApiError, Call, Decl, Paging, RegionStore, Reply, Req, Resource};

/// The attributes of a request body (the object inside its envelope).
pub(crate) type Attrs = Map<String, Value>;

/// What a request does to a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verb {
    List,
    /// The list's `/detail` form (Nova, Cinder).
    Detail,
    Show,
    Create,
    Update,
    Delete,
}

/// One request as a kind's functions see it.
#[derive(Clone, Copy)]
pub(crate) struct Ask<'a> {
    pub c: &'a Collection,
    pub ctx: &'a Ctx,
    pub caller: &'a Caller,
    pub mv: Microversion,
    pub verb: Verb,
    pub query: &'a Query,
    /// The request's path: a list's links are built on it.
    pub path: &'a str,
    /// The path's parameters besides the id (Cinder's `project_id`).
    pub params: &'a HashMap<String, String>,
    /// A list's `limit` as the API read it (Neutron's 0: unpaged).
    pub limit: usize,
}

impl<'a> Ask<'a> {
    pub(crate) fn call(&self) -> Call<'a> {
        Call::new(self.ctx, self.caller, self.mv)
    }

    /// Whether a list shows the detail view.
    pub(crate) fn detail(&self) -> bool {
        self.verb != Verb::List
    }
}

/// What `limit`, `marker` and `page_reverse` ask of a list.
#[derive(Debug, Clone, Default)]
pub(crate) struct Window {
    /// `limit` as the API read it (Neutron's 0: no paging).
    pub limit: usize,
    /// How many items a page holds at most.
    pub take: usize,
    pub marker: Option<String>,
    /// Neutron's `page_reverse`.
    pub reverse: bool,
    /// False when the microversion has no paging (no links then).
    pub paged: bool,
}

/// Refuses a request before anything is looked up (a policy on the
/// target user, a project in the URL).
pub(crate) type GuardFn = fn(&Ask<'_>) -> Result<(), ApiError>;
/// The resource a path names, as the caller may see it, or the kind's 404.
pub(crate) type LookupFn =
    for<'s> fn(&Ask<'_>, &'s RegionStore, &str) -> Result<&'s Resource, ApiError>;
/// What a list holds before the window: the kind's filters and order.
pub(crate) type SelectFn =
    for<'s> fn(&Ask<'_>, &'s RegionStore) -> Result<Vec<&'s Resource>, ApiError>;
/// What must exist before a list is read (Neutron's `default` group).
pub(crate) type PrepareFn = fn(&Ask<'_>, &mut RegionStore);
/// A resource as the request shows it (inside the envelope).
pub(crate) type ViewFn = fn(&Ask<'_>, &RegionStore, &Resource) -> Value;
/// A create or update body's items (inside the envelope), and whether
/// they came as a bulk list.
pub(crate) type DecodeFn = fn(&Ask<'_>, &[u8]) -> Result<(Vec<Value>, bool), ApiError>;
/// Checks an item of a create request before the kind's create (a quota
/// the API enforces but a seed does not).
pub(crate) type AdmitFn = fn(&Ask<'_>, &RegionStore, &Value) -> Result<(), ApiError>;
/// Changes a stored resource from an update body.
pub(crate) type UpdateFn = fn(Call<'_>, &mut RegionStore, &str, &Attrs) -> Result<(), ApiError>;
/// Checks a delete and removes the resource with whatever goes with it.
pub(crate) type DeleteFn = fn(Call<'_>, &mut RegionStore, &str) -> Result<(), ApiError>;
/// Adds what the view computes from other resources (a network's subnets).
pub(crate) type DecorateFn = fn(&RegionStore, &Resource, &mut Map<String, Value>);
/// Runs on a new resource once its create answer is built (headers, a
/// secret the answer showed and the store forgets).
pub(crate) type AnsweredFn = fn(&Ask<'_>, &mut Resource, &mut Response);
/// The status of a successful answer.
pub(crate) type StatusFn = fn(Verb, Microversion) -> StatusCode;

/// A kind served by the handlers here.
pub(crate) struct Collection {
    pub decl: &'static Decl,
    /// Another path of the same collection (Cinder's project-scoped one).
    pub alias: Option<&'static str>,
    /// Whether `{path}/detail` lists in the detail view.
    pub detail: bool,
    /// Whether the API creates it (servers are seeded only).
    pub posts: bool,
    /// Whether bodies go without envelope (Glance).
    pub bare: bool,
    /// No paging below this microversion (Nova keypairs before 2.35).
    pub paged_from: Microversion,
    /// The message of the kind's 404 for an id, and its Neutron `type`.
    pub missing: fn(&str) -> String,
    pub missing_type: Option<&'static str>,
    pub bad_marker: fn(&Collection, &str) -> ApiError,
    /// Attributes only the admin sees.
    pub admin_only: &'static [&'static str],
    pub guard: GuardFn,
    pub lookup: LookupFn,
    pub prepare: Option<PrepareFn>,
    pub select: SelectFn,
    pub view: ViewFn,
    pub decorate: Option<DecorateFn>,
    pub decode: DecodeFn,
    pub admit: Option<AdmitFn>,
    pub status: StatusFn,
    pub update: Option<UpdateFn>,
    /// None: the resource goes, nothing with it.
    pub delete: Option<DeleteFn>,
    pub answered: Option<AnsweredFn>,
}

impl Collection {
    /// A collection with the defaults: no alias, no detail, POST served,
    /// paged at every microversion, an unknown marker its 404, looked up by
    /// id under the declared owner rule, 201 on create and 204 on delete,
    /// deleted alone, no update.
    pub(crate) const fn new(
        decl: &'static Decl,
        missing: fn(&str) -> String,
        select: SelectFn,
        view: ViewFn,
        decode: DecodeFn,
    ) -> Self {
        Self {
            decl,
            alias: None,
            detail: false,
            posts: true,
            bare: false,
            paged_from: Microversion(0, 0),
            missing,
            missing_type: None,
            bad_marker: Collection::not_found,
            admin_only: &[],
            guard: |_| Ok(()),
            lookup: by_id,
            prepare: None,
            select,
            view,
            decorate: None,
            decode,
            admit: None,
            status: |verb, _| match verb {
                Verb::Create => StatusCode::CREATED,
                Verb::Delete => StatusCode::NO_CONTENT,
                _ => StatusCode::OK,
            },
            update: None,
            delete: None,
            answered: None,
        }
    }

    pub(crate) const fn typed(self, kind: &'static str) -> Self {
        Self {
            missing_type: Some(kind),
            ..self
        }
    }

    pub(crate) const fn alias(self, path: &'static str) -> Self {
        Self {
            alias: Some(path),
            ..self
        }
    }

    pub(crate) const fn with_detail(self) -> Self {
        Self {
            detail: true,
            ..self
        }
    }

    pub(crate) const fn seeded_only(self) -> Self {
        Self {
            posts: false,
            ..self
        }
    }

    pub(crate) const fn bare(self) -> Self {
        Self { bare: true, ..self }
    }

    pub(crate) const fn paged_from(self, mv: Microversion) -> Self {
        Self {
            paged_from: mv,
            ..self
        }
    }

    pub(crate) const fn bad_marker(self, bad_marker: fn(&Collection, &str) -> ApiError) -> Self {
        Self { bad_marker, ..self }
    }

    pub(crate) const fn admin_only(self, admin_only: &'static [&'static str]) -> Self {
        Self { admin_only, ..self }
    }

    pub(crate) const fn guard(self, guard: GuardFn) -> Self {
        Self { guard, ..self }
    }

    pub(crate) const fn lookup(self, lookup: LookupFn) -> Self {
        Self { lookup, ..self }
    }

    pub(crate) const fn prepare(self, prepare: PrepareFn) -> Self {
        Self {
            prepare: Some(prepare),
            ..self
        }
    }

    pub(crate) const fn decorated(self, decorate: DecorateFn) -> Self {
        Self {
            decorate: Some(decorate),
            ..self
        }
    }

    pub(crate) const fn decoded(self, decode: DecodeFn) -> Self {
        Self { decode, ..self }
    }

    pub(crate) const fn admit(self, admit: AdmitFn) -> Self {
        Self {
            admit: Some(admit),
            ..self
        }
    }

    pub(crate) const fn status(self, status: StatusFn) -> Self {
        Self { status, ..self }
    }

    pub(crate) const fn updated(self, update: UpdateFn) -> Self {
        Self {
            update: Some(update),
            ..self
        }
    }

    pub(crate) const fn deleted(self, delete: DeleteFn) -> Self {
        Self {
            delete: Some(delete),
            ..self
        }
    }

    pub(crate) const fn answered(self, answered: AnsweredFn) -> Self {
        Self {
            answered: Some(answered),
            ..self
        }
    }

    /// The kind's 404 for `id`.
    pub(crate) fn not_found(&self, id: &str) -> ApiError {
        let message = (self.missing)(id);
        match self.missing_type {
            Some(kind) => ApiError::typed(StatusCode::NOT_FOUND, kind, message),
            None => ApiError::not_found(message),
        }
    }

    /// A resource the caller may see by store id, or the kind's 404.
    pub(crate) fn visible<'s>(
        &self,
        caller: &Caller,
        s: &'s RegionStore,
        id: &str,
    ) -> Result<&'s Resource, ApiError> {
        s.get(self.decl.kind, id)
            .filter(|r| (self.decl.visible)(caller, r))
            .ok_or_else(|| self.not_found(id))
    }

    /// Deletes a resource (by store id) as the kind does.
    pub(crate) fn remove(
        &self,
        call: Call<'_>,
        s: &mut RegionStore,
        id: &str,
    ) -> Result<(), ApiError> {
        match self.delete {
            Some(delete) => delete(call, s, id),
            None => {
                s.remove(self.decl.kind, id);
                Ok(())
            }
        }
    }

    /// `{"<singular>": view}`, or the view itself for a bare API.
    fn one(&self, view: Value) -> Value {
        if self.bare {
            view
        } else {
            json!({self.decl.singular: view})
        }
    }

    /// The answer without a body: Nova's and Cinder's say `application/json`.
    fn empty(&self, status: StatusCode) -> Response {
        match self.decl.service {
            Service::Compute | Service::Volume => {
                body::raw(status, "application/json", String::new())
            }
            _ => {
                let mut resp = Response::new(axum::body::Body::empty());
                *resp.status_mut() = status;
                resp
            }
        }
    }
}

/// The default lookup: by store id, under the declared owner rule.
pub(crate) fn by_id<'s>(
    ask: &Ask<'_>,
    s: &'s RegionStore,
    id: &str,
) -> Result<&'s Resource, ApiError> {
    ask.c.visible(ask.caller, s, id)
}

/// The routes of `c`: its path (and alias), `/detail` when it has one,
/// and `/{id}`.
pub(crate) fn routes(c: &'static Collection) -> Router<Ctx> {
    let mut router = Router::new();
    for path in std::iter::once(c.decl.path).chain(c.alias) {
        let mut all: MethodRouter<Ctx> = get(move |r: Incoming| list(r.ask(c, Verb::List)));
        if c.posts {
            all = all.post(move |r: Incoming, raw: Bytes| create(r.ask(c, Verb::Create), raw));
        }
        let mut one: MethodRouter<Ctx> = get(move |r: Incoming| show(r.ask(c, Verb::Show)))
            .delete(move |r: Incoming| delete(r.ask(c, Verb::Delete)));
        if c.update.is_some() {
            one = one.put(move |r: Incoming, raw: Bytes| update(r.ask(c, Verb::Update), raw));
        }
        router = router
            .route(path, all)
            .route(&format!("{path}/{{id}}"), one);
        if c.detail {
            let detail = get(move |r: Incoming| list(r.ask(c, Verb::Detail)));
            router = router.route(&format!("{path}/detail"), detail);
        }
    }
    router
}

/// What a handler takes from a request: [`Req`], the path, its
/// parameters (the id apart) and the query.
struct Incoming {
    req: Req,
    path: String,
    params: HashMap<String, String>,
    id: String,
    query: Query,
}

impl FromRequestParts<Ctx> for Incoming {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, ctx: &Ctx) -> Result<Self, Self::Rejection> {
        let req = Req::from_request_parts(parts, ctx)
            .await
            .map_err(IntoResponse::into_response)?;
        let raw = RawPathParams::from_request_parts(parts, ctx)
            .await
            .map_err(IntoResponse::into_response)?;
        let mut params: HashMap<String, String> = raw
            .iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        let id = params.remove("id").unwrap_or_default();
        Ok(Self {
            req,
            path: parts.uri.path().to_owned(),
            params,
            id,
            query: Query::parse(parts.uri.query()),
        })
    }
}

/// An [`Incoming`] with the collection and the verb, held while the
/// handler runs.
struct Asked {
    c: &'static Collection,
    verb: Verb,
    r: Incoming,
}

impl Incoming {
    fn ask(self, c: &'static Collection, verb: Verb) -> Asked {
        Asked { c, verb, r: self }
    }
}

impl Asked {
    fn ask(&self) -> Ask<'_> {
        let r = &self.r;
        Ask {
            c: self.c,
            ctx: &r.req.ctx,
            caller: &r.req.caller,
            mv: r.req.mv,
            verb: self.verb,
            query: &r.query,
            path: &r.path,
            params: &r.params,
            limit: 0,
        }
    }
}

async fn list(asked: Asked) -> Reply {
    let ask = asked.ask();
    let c = ask.c;
    (c.guard)(&ask)?;
    let window = if ask.mv >= c.paged_from {
        page::window(c.decl.paging, ask.query)?
    } else {
        Window {
            limit: usize::MAX,
            take: usize::MAX,
            ..Window::default()
        }
    };
    let ask = Ask {
        limit: window.limit,
        ..ask
    };
    let key = c.decl.key;
    let (items, first, last) = ask.ctx.world.store.at(ask.ctx.key(), |s| {
        if let Some(prepare) = c.prepare {
            prepare(&ask, s);
        }
        let s: &RegionStore = s;
        let mut items = (c.select)(&ask, s)?;
        if let Some(marker) = window.marker.as_deref() {
            let at = items
                .iter()
                .position(|r| r.field(key) == marker)
                .ok_or_else(|| (c.bad_marker)(c, marker))?;
            items = if window.reverse {
                items[..at].to_vec()
            } else {
                items.split_off(at + 1)
            };
        }
        if window.reverse {
            items = items.split_off(items.len().saturating_sub(window.take));
        } else {
            items.truncate(window.take);
        }
        let first = items.first().map(|r| r.field(key).to_owned());
        let last = items.last().map(|r| r.field(key).to_owned());
        let shown: Vec<Value> = items.iter().map(|r| (c.view)(&ask, s, r)).collect();
        Ok::<_, ApiError>((shown, first, last))
    })?;
    let n = items.len();
    let plural = c.decl.plural;
    let mut out = Map::new();
    out.insert(plural.into(), Value::Array(items));
    let url = format!("{}{}", ask.ctx.base_url(), ask.path);
    let links = match c.decl.paging {
        _ if !window.paged => None,
        Paging::Nova => page::nova(&url, ask.query, window.limit, last.as_deref(), n),
        Paging::Cinder => page::cinder(&url, ask.query, window.limit, last.as_deref(), n),
        Paging::Neutron => page::neutron(
            &url,
            ask.query,
            window.limit,
            window.reverse,
            first.as_deref(),
            last.as_deref(),
            n,
        ),
        Paging::Glance => {
            let next_marker = last.filter(|_| n > 0 && n == window.limit);
            let path = ask.path.strip_prefix("/image").unwrap_or(ask.path);
            let (first, next) = page::glance(path, ask.query, next_marker.as_deref());
            out.insert("first".into(), json!(first));
            out.insert("schema".into(), json!(format!("/v2/schemas/{plural}")));
            if let Some(next) = next {
                out.insert("next".into(), json!(next));
            }
            None
        }
    };
    if let Some(links) = links {
        out.insert(format!("{plural}_links"), links);
    }
    Ok(body::json(StatusCode::OK, &Value::Object(out)))
}

async fn show(asked: Asked) -> Reply {
    let ask = asked.ask();
    let id = &asked.r.id;
    let c = ask.c;
    (c.guard)(&ask)?;
    ask.ctx.world.store.at(ask.ctx.key(), |s| {
        let r = (c.lookup)(&ask, s, id)?;
        let out = c.one((c.view)(&ask, s, r));
        Ok(body::json((c.status)(Verb::Show, ask.mv), &out))
    })
}

async fn create(asked: Asked, raw: Bytes) -> Reply {
    let ask = asked.ask();
    let c = ask.c;
    (c.guard)(&ask)?;
    let (items, bulk) = (c.decode)(&ask, &raw)?;
    let call = ask.call();
    let status = (c.status)(Verb::Create, ask.mv);
    ask.ctx.world.store.at(ask.ctx.key(), |s| {
        let mut made = Vec::new();
        for item in &items {
            let done = match c.admit {
                Some(admit) => admit(&ask, s, item),
                None => Ok(()),
            }
            .and_then(|()| (c.decl.create)(call, s, item));
            match done {
                Ok(id) => made.push(id),
                Err(e) => {
                    for id in made.iter().rev() {
                        let _ = c.remove(call, s, id);
                    }
                    return Err(e);
                }
            }
        }
        let views: Vec<Value> = made
            .iter()
            .filter_map(|id| s.get(c.decl.kind, id))
            .map(|r| (c.view)(&ask, s, r))
            .collect();
        let out = if bulk {
            json!({c.decl.plural: views})
        } else {
            c.one(views.into_iter().next().unwrap_or(Value::Null))
        };
        let mut resp = body::json(status, &out);
        if let Some(answered) = c.answered {
            for id in &made {
                if let Some(r) = s.get_mut(c.decl.kind, id) {
                    answered(&ask, r, &mut resp);
                }
            }
        }
        Ok(resp)
    })
}

async fn update(asked: Asked, raw: Bytes) -> Reply {
    let ask = asked.ask();
    let id = &asked.r.id;
    let c = ask.c;
    (c.guard)(&ask)?;
    let (items, _) = (c.decode)(&ask, &raw)?;
    let changes = items
        .first()
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    ask.ctx.world.store.at(ask.ctx.key(), |s| {
        let stored = (c.lookup)(&ask, s, id)?.id.clone();
        if let Some(update) = c.update {
            update(ask.call(), s, &stored, &changes)?;
        }
        if let Some(r) = s.get_mut(c.decl.kind, &stored) {
            r.touch();
        }
        let r = s.get(c.decl.kind, &stored).ok_or_else(|| c.not_found(id))?;
        let out = c.one((c.view)(&ask, s, r));
        Ok(body::json((c.status)(Verb::Update, ask.mv), &out))
    })
}

async fn delete(asked: Asked) -> Reply {
    let ask = asked.ask();
    let id = &asked.r.id;
    let c = ask.c;
    (c.guard)(&ask)?;
    ask.ctx.world.store.at(ask.ctx.key(), |s| {
        let stored = (c.lookup)(&ask, s, id)?.id.clone();
        c.remove(ask.call(), s, &stored)?;
        Ok(c.empty((c.status)(Verb::Delete, ask.mv)))
    })
}
