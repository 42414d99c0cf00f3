//! Keystone v3: token issue and validation, catalog, projects, regions, application credentials.

// Handlers bail out with the very response to send; a bigger `Err` costs
// nothing that matters in a test fake, and boxing would only add noise.
#![allow(clippy::result_large_err)]

use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Map, Value, json};

use crate::errors;
use crate::server::Ctx;
use crate::state::{
    AppCred, AppCredRef, DOMAIN_ID, DOMAIN_NAME, On, Realm, Scope, Token, User, hex_id, lock,
    now_whole_seconds, request_id, rfc3339,
};
use crate::{body, faults, versions};

/// The auth methods this Keystone accepts, as listed in its 401 for others.
const METHODS: [&str; 4] = ["password", "token", "application_credential", "totp"];

type Reply = Result<Response, Response>;

const BAD_JSON: &str = "Expecting to find valid JSON in request body. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.";

/// The router of one Keystone listener.
pub(crate) fn router(ctx: Ctx) -> Router {
    Router::new()
        .merge(versions::keystone_routes())
        .route(
            "/v3/auth/tokens",
            post(issue).get(validate).head(check).delete(revoke),
        )
        .route("/v3/auth/catalog", get(catalog))
        .route("/v3/auth/projects", get(auth_projects))
        .route("/v3/projects", get(list_projects))
        .route("/v3/projects/{project_id}", get(get_project))
        .route("/v3/users/{user_id}/projects", get(user_projects))
        .route("/v3/regions", get(regions))
        .merge(crate::limits::routes())
        .route(
            "/v3/users/{user_id}/application_credentials",
            post(create_app_cred).get(list_app_creds),
        )
        .route(
            "/v3/users/{user_id}/application_credentials/{id}",
            get(get_app_cred).delete(delete_app_cred),
        )
        .fallback(|| async { errors::not_found(Some(crate::Service::Identity), "") })
        .layer(from_fn_with_state(ctx.clone(), faults::site_layer))
        .with_state(ctx)
}

/// What every Keystone response carries: Flask's upper-case reason phrase
/// (`201 CREATED`), `Vary: X-Auth-Token` and a request id.
pub(crate) fn decorate(resp: &mut Response) {
    if let Some(reason) = resp.status().canonical_reason() {
        let upper = reason.to_ascii_uppercase();
        if let Ok(phrase) = hyper::ext::ReasonPhrase::try_from(upper.into_bytes()) {
            resp.extensions_mut().insert(phrase);
        }
    }
    let headers = resp.headers_mut();
    if !headers.contains_key("vary") {
        headers.insert("vary", HeaderValue::from_static("X-Auth-Token"));
    }
    if !headers.contains_key("x-openstack-request-id")
        && let Ok(v) = HeaderValue::from_str(&request_id())
    {
        headers.insert("x-openstack-request-id", v);
    }
}

fn unauthorized(realm: &Realm) -> Response {
    errors::keystone_unauthorized(&realm.v3())
}

fn bad_request(message: &str) -> Response {
    errors::keystone(StatusCode::BAD_REQUEST, message)
}

fn forbidden(action: &str) -> Response {
    errors::keystone(
        StatusCode::FORBIDDEN,
        &format!("You are not authorized to perform the requested action: {action}."),
    )
}

fn not_found(message: &str) -> Response {
    errors::keystone(StatusCode::NOT_FOUND, message)
}

/// The token in `X-Auth-Token`, or Keystone's 401.
fn auth_token(realm: &Realm, headers: &HeaderMap) -> Result<(String, Token), Response> {
    let id = headers
        .get("x-auth-token")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| unauthorized(realm))?;
    let token = realm.token(id).ok_or_else(|| unauthorized(realm))?;
    Ok((id.to_owned(), token))
}

fn links(url: String) -> Value {
    json!({"next": null, "self": url, "previous": null})
}

fn collapse(reply: Reply) -> Response {
    reply.unwrap_or_else(|e| e)
}

// ---- POST /v3/auth/tokens -------------------------------------------------

/// Who the identity methods proved the caller to be.
struct Proven {
    user_id: String,
    methods: Vec<String>,
    inherited: Option<Token>,
    app_cred: Option<AppCred>,
}

/// A user named by `{"id"}` or `{"name", "domain": {"id"|"name"}}`.
fn find_user<'r>(realm: &'r Realm, user: &Value) -> Option<&'r User> {
    if let Some(id) = user["id"].as_str() {
        return realm.user_by_id(id);
    }
    let name = user["name"].as_str()?;
    let domain = &user["domain"];
    let in_default =
        domain["id"].as_str() == Some(DOMAIN_ID) || domain["name"].as_str() == Some(DOMAIN_NAME);
    if in_default {
        realm.user_by_name(name)
    } else {
        None
    }
}

fn unsupported_method(realm: &Realm) -> Response {
    let value = json!({"error": {"code": 401, "identity": {"methods": METHODS},
        "message": "Attempted to authenticate with an unsupported method.", "title": "Unauthorized"}});
    let mut resp = body::raw(
        StatusCode::UNAUTHORIZED,
        "application/json",
        format!("{value}\n"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("Keystone uri=\"{}\"", realm.v3())) {
        resp.headers_mut().insert("www-authenticate", v);
    }
    resp
}

fn prove(realm: &Realm, identity: &Value) -> Result<Proven, Response> {
    let methods: Vec<String> = identity["methods"]
        .as_array()
        .ok_or_else(|| bad_request("'methods' is a required property"))?
        .iter()
        .filter_map(|m| m.as_str().map(str::to_owned))
        .collect();
    if methods.is_empty() {
        return Err(unauthorized(realm));
    }
    let mut user_id: Option<String> = None;
    let mut inherited = None;
    let mut app_cred = None;
    let mut same_user = |id: &str| -> Result<(), Response> {
        match &user_id {
            Some(u) if u != id => Err(unauthorized(realm)),
            _ => {
                user_id = Some(id.to_owned());
                Ok(())
            }
        }
    };
    for method in &methods {
        let data = &identity[method.as_str()];
        if !METHODS.contains(&method.as_str()) {
            return Err(unsupported_method(realm));
        }
        if !data.is_object() {
            return Err(bad_request(&format!(
                "Expecting to find {method} in identity. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error."
            )));
        }
        match method.as_str() {
            "password" => {
                let user = find_user(realm, &data["user"]).ok_or_else(|| unauthorized(realm))?;
                if data["user"]["password"].as_str() != Some(user.password.as_str()) {
                    return Err(unauthorized(realm));
                }
                same_user(&user.id)?;
            }
            "totp" => {
                let user = find_user(realm, &data["user"]).ok_or_else(|| unauthorized(realm))?;
                let given = data["user"]["passcode"].as_str();
                if user.totp.is_none() || given != user.totp.as_deref() {
                    return Err(unauthorized(realm));
                }
                same_user(&user.id)?;
            }
            "token" => {
                let id = data["id"].as_str().unwrap_or_default();
                let token = realm
                    .token(id)
                    .ok_or_else(|| not_found("Could not recognize Fernet token"))?;
                same_user(&token.user_id)?;
                inherited = Some(token);
            }
            _ => {
                let cred = find_app_cred(realm, data)?;
                if data["secret"].as_str() != Some(cred.secret.as_str()) {
                    return Err(unauthorized(realm));
                }
                same_user(&cred.user_id)?;
                app_cred = Some(cred);
            }
        }
    }
    let mut all_methods = methods;
    if let Some(parent) = &inherited {
        for m in &parent.methods {
            if !all_methods.contains(m) {
                all_methods.push(m.clone());
            }
        }
    }
    Ok(Proven {
        user_id: user_id.unwrap_or_default(),
        methods: all_methods,
        inherited,
        app_cred,
    })
}

fn find_app_cred(realm: &Realm, data: &Value) -> Result<AppCred, Response> {
    let creds = lock(&realm.app_creds);
    if let Some(id) = data["id"].as_str() {
        return creds
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .ok_or_else(|| not_found(&format!("Could not find Application Credential: {id}.")));
    }
    let (Some(name), Some(user)) = (data["name"].as_str(), find_user(realm, &data["user"])) else {
        return Err(bad_request(
            "Expecting to find name or ID in application credential. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.",
        ));
    };
    creds
        .iter()
        .find(|c| c.name == name && c.user_id == user.id)
        .cloned()
        .ok_or_else(|| not_found(&format!("Could not find Application Credential: {name}.")))
}

/// The scope asked for and the user's roles there, or Keystone's 401.
fn scope(
    realm: &Realm,
    user: &User,
    proven: &Proven,
    scope: &Value,
) -> Result<(Scope, Vec<String>), Response> {
    let unscoped = scope.is_null() || scope.as_str() == Some("unscoped");
    if let Some(cred) = &proven.app_cred {
        // An application credential carries its own project and roles.
        return if unscoped {
            Ok((Scope::Project(cred.project_id.clone()), cred.roles.clone()))
        } else {
            Err(unauthorized(realm))
        };
    }
    if unscoped {
        return Ok((Scope::Unscoped, Vec::new()));
    }
    let in_default =
        |d: &Value| d["id"].as_str() == Some(DOMAIN_ID) || d["name"].as_str() == Some(DOMAIN_NAME);
    let (scope, on) = if let Some(p) = scope.get("project") {
        let project = match p["id"].as_str() {
            Some(id) => realm.project_by_id(id),
            None if in_default(&p["domain"]) => {
                p["name"].as_str().and_then(|n| realm.project_by_name(n))
            }
            None => None,
        }
        .ok_or_else(|| unauthorized(realm))?;
        (
            Scope::Project(project.id.clone()),
            On::Project(project.id.clone()),
        )
    } else if let Some(d) = scope.get("domain") {
        if !in_default(d) {
            return Err(unauthorized(realm));
        }
        (Scope::Domain, On::Domain)
    } else if scope.get("system").is_some_and(|s| s["all"] == json!(true)) {
        (Scope::System, On::System)
    } else {
        return Err(unauthorized(realm));
    };
    let roles = realm
        .effective_roles(user, &on)
        .ok_or_else(|| unauthorized(realm))?;
    Ok((scope, roles))
}

fn new_token_id() -> String {
    format!(
        "gAAAAAB{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

fn audit_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..22].to_owned()
}

async fn issue(State(ctx): State<Ctx>, raw: Bytes) -> Response {
    collapse(issue_inner(&ctx, &raw))
}

fn issue_inner(ctx: &Ctx, raw: &[u8]) -> Reply {
    let realm = ctx.realm();
    let request: Value = serde_json::from_slice(raw).map_err(|_| bad_request(BAD_JSON))?;
    let identity = &request["auth"]["identity"];
    if !identity.is_object() {
        return Err(bad_request("'identity' is a required property"));
    }
    let proven = prove(realm, identity)?;
    let user = realm
        .user_by_id(&proven.user_id)
        .ok_or_else(|| unauthorized(realm))?;
    let (scope, roles) = scope(realm, user, &proven, &request["auth"]["scope"])?;

    let issued_at = now_whole_seconds();
    let ttl = *lock(&ctx.world.token_ttl);
    let expires_at = match &proven.inherited {
        Some(parent) => parent.expires_at,
        None => issued_at + Duration::from_secs(ttl.as_secs()),
    };
    let mut audit_ids = vec![audit_id()];
    if let Some(first) = proven.inherited.as_ref().and_then(|p| p.audit_ids.first()) {
        audit_ids.push(first.clone());
    }
    let token = Token {
        user_id: user.id.clone(),
        scope,
        roles,
        methods: proven.methods,
        audit_ids,
        issued_at,
        expires_at,
        app_cred: proven.app_cred.map(|c| AppCredRef {
            id: c.id,
            name: c.name,
            restricted: c.unrestricted != Some(true),
        }),
    };
    let id = new_token_id();
    let value = token_json(realm, &token, true);
    lock(&realm.tokens).insert(id.clone(), token);
    let mut resp = body::json(StatusCode::CREATED, &value);
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert("x-subject-token", v);
    }
    Ok(resp)
}

/// The `{"token": …}` body, keys in Keystone's order.
fn token_json(realm: &Realm, token: &Token, with_catalog: bool) -> Value {
    let domain = json!({"id": DOMAIN_ID, "name": DOMAIN_NAME});
    let user = realm.user_by_id(&token.user_id);
    let mut t = Map::new();
    t.insert("methods".into(), json!(token.methods));
    t.insert(
        "user".into(),
        json!({"domain": domain, "id": token.user_id,
            "name": user.map(|u| u.name.as_str()), "password_expires_at": null}),
    );
    t.insert("audit_ids".into(), json!(token.audit_ids));
    t.insert("expires_at".into(), json!(rfc3339(token.expires_at)));
    t.insert("issued_at".into(), json!(rfc3339(token.issued_at)));
    let roles: Vec<Value> = token
        .roles
        .iter()
        .map(|r| json!({"id": realm.role_id(r), "name": r}))
        .collect();
    let project_id = match &token.scope {
        Scope::Unscoped => return json!({"token": t}),
        Scope::Project(id) => {
            let name = realm.project_by_id(id).map(|p| p.name.as_str());
            t.insert(
                "project".into(),
                json!({"domain": domain, "id": id, "name": name}),
            );
            t.insert("is_domain".into(), json!(false));
            t.insert("roles".into(), json!(roles));
            Some(id.as_str())
        }
        Scope::Domain => {
            t.insert("domain".into(), domain.clone());
            t.insert("roles".into(), json!(roles));
            None
        }
        Scope::System => {
            t.insert("roles".into(), json!(roles));
            t.insert("system".into(), json!({"all": true}));
            None
        }
    };
    if with_catalog {
        t.insert("catalog".into(), realm.catalog_json(project_id));
    }
    if let Some(c) = &token.app_cred {
        t.insert(
            "application_credential".into(),
            json!({"id": c.id, "name": c.name, "restricted": c.restricted}),
        );
    }
    json!({"token": t})
}

// ---- GET/HEAD/DELETE /v3/auth/tokens ---------------------------------------

/// The `X-Subject-Token` the caller may look at (itself, or any as admin).
fn subject(ctx: &Ctx, headers: &HeaderMap) -> Result<(String, Token), Response> {
    let realm = ctx.realm();
    let (_, caller) = auth_token(realm, headers)?;
    let id = headers
        .get("x-subject-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let token = realm
        .token(id)
        .ok_or_else(|| not_found("Could not recognize Fernet token"))?;
    let admin = caller.roles.iter().any(|r| r == "admin");
    if !admin && caller.user_id != token.user_id {
        return Err(forbidden("identity:validate_token"));
    }
    Ok((id.to_owned(), token))
}

async fn validate(
    State(ctx): State<Ctx>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    collapse(subject(&ctx, &headers).map(|(id, token)| {
        let nocatalog = query.as_deref().is_some_and(|q| {
            q.split('&')
                .any(|kv| kv.split('=').next() == Some("nocatalog"))
        });
        let mut resp = body::json(StatusCode::OK, &token_json(ctx.realm(), &token, !nocatalog));
        if let Ok(v) = HeaderValue::from_str(&id) {
            resp.headers_mut().insert("x-subject-token", v);
        }
        resp
    }))
}

async fn check(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    collapse(
        subject(&ctx, &headers)
            .map(|_| body::raw(StatusCode::OK, "application/json", String::new())),
    )
}

async fn revoke(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    collapse(subject(&ctx, &headers).map(|(id, _)| {
        ctx.realm().revoke(&id);
        no_content()
    }))
}

fn no_content() -> Response {
    let mut resp = Response::new(axum::body::Body::empty());
    *resp.status_mut() = StatusCode::NO_CONTENT;
    resp
}

// ---- catalog, projects, regions -------------------------------------------

async fn catalog(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    let realm = ctx.realm();
    collapse(auth_token(realm, &headers).and_then(|(_, token)| {
        let project = match &token.scope {
            Scope::Unscoped => {
                return Err(errors::keystone(
                    StatusCode::FORBIDDEN,
                    "You are not authorized to perform the requested action.",
                ));
            }
            Scope::Project(id) => Some(id.as_str()),
            _ => None,
        };
        Ok(body::json(
            StatusCode::OK,
            &json!({"catalog": realm.catalog_json(project),
                "links": {"self": format!("{}/auth/catalog", realm.v3())}}),
        ))
    }))
}

fn project_json(realm: &Realm, id: &str) -> Value {
    let p = realm.project_by_id(id);
    json!({
        "id": id, "name": p.map(|p| p.name.as_str()), "domain_id": DOMAIN_ID,
        "description": p.map(|p| p.description.as_str()), "enabled": true,
        "parent_id": DOMAIN_ID, "is_domain": false, "tags": [], "options": {},
        "links": {"self": format!("{}/projects/{id}", realm.v3())},
    })
}

/// Projects where the user has a role, in the realm's order.
fn projects_of(realm: &Realm, user_id: &str) -> Vec<Value> {
    let Some(user) = realm.user_by_id(user_id) else {
        return Vec::new();
    };
    realm
        .projects
        .iter()
        .filter(|p| {
            user.assignments
                .iter()
                .any(|(on, _)| *on == On::Project(p.id.clone()))
        })
        .map(|p| project_json(realm, &p.id))
        .collect()
}

async fn auth_projects(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    let realm = ctx.realm();
    collapse(auth_token(realm, &headers).map(|(_, token)| {
        body::json(
            StatusCode::OK,
            &json!({"projects": projects_of(realm, &token.user_id),
                "links": links(format!("{}/auth/projects", realm.v3()))}),
        )
    }))
}

async fn user_projects(
    State(ctx): State<Ctx>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let realm = ctx.realm();
    collapse(auth_token(realm, &headers).and_then(|(_, token)| {
        let admin = token.roles.iter().any(|r| r == "admin");
        if !admin && token.user_id != user_id {
            return Err(forbidden("identity:list_user_projects"));
        }
        Ok(body::json(
            StatusCode::OK,
            &json!({"projects": projects_of(realm, &user_id),
                "links": links(format!("{}/users/{user_id}/projects", realm.v3()))}),
        ))
    }))
}

async fn list_projects(
    State(ctx): State<Ctx>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let realm = ctx.realm();
    collapse(auth_token(realm, &headers).and_then(|(_, token)| {
        if !token.roles.iter().any(|r| r == "admin") {
            return Err(forbidden("identity:list_projects"));
        }
        let name = query_param(query.as_deref(), "name");
        let projects: Vec<Value> = realm
            .projects
            .iter()
            .filter(|p| name.as_deref().is_none_or(|n| n == p.name))
            .map(|p| project_json(realm, &p.id))
            .collect();
        Ok(body::json(
            StatusCode::OK,
            &json!({"projects": projects, "links": links(format!("{}/projects", realm.v3()))}),
        ))
    }))
}

/// `GET /v3/projects/{id}`: admins see any project, members their own
/// (Keystone's `identity:get_project` default).
async fn get_project(
    State(ctx): State<Ctx>,
    Path(project_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let realm = ctx.realm();
    collapse(auth_token(realm, &headers).and_then(|(_, token)| {
        let own = matches!(&token.scope, Scope::Project(p) if *p == project_id);
        if !own && !token.roles.iter().any(|r| r == "admin") {
            return Err(forbidden("identity:get_project"));
        }
        if realm.project_by_id(&project_id).is_none() {
            return Err(not_found(&format!("Could not find project: {project_id}.")));
        }
        Ok(body::json(
            StatusCode::OK,
            &json!({"project": project_json(realm, &project_id)}),
        ))
    }))
}

async fn regions(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    let realm = ctx.realm();
    collapse(auth_token(realm, &headers).map(|_| {
        let regions: Vec<Value> = realm
            .regions
            .iter()
            .map(|r| {
                json!({"id": r, "description": "", "parent_region_id": null,
                    "links": {"self": format!("{}/regions/{r}", realm.v3())}})
            })
            .collect();
        body::json(
            StatusCode::OK,
            &json!({"regions": regions, "links": links(format!("{}/regions", realm.v3()))}),
        )
    }))
}

/// A query parameter's value (no percent-decoding: names here are plain).
fn query_param(query: Option<&str>, key: &str) -> Option<String> {
    query?.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| v.replace('+', " "))
    })
}

// ---- application credentials ----------------------------------------------

fn app_cred_json(realm: &Realm, c: &AppCred, with_secret: bool) -> Value {
    let roles: Vec<Value> = c
        .roles
        .iter()
        .map(|r| {
            json!({"id": realm.role_id(r), "name": r, "domain_id": null,
                "description": null, "options": {"immutable": true}})
        })
        .collect();
    let mut v = json!({
        "id": c.id, "name": c.name, "description": c.description, "user_id": c.user_id,
        "project_id": c.project_id, "system": null, "expires_at": c.expires_at,
        "unrestricted": c.unrestricted, "roles": roles,
    });
    if with_secret {
        v["secret"] = json!(c.secret);
    }
    v["links"] = json!({"self": format!("{}/application_credentials/{}", realm.v3(), c.id)});
    v
}

/// The caller's token when it belongs to `user_id`, else 403 for `action`.
fn owner(ctx: &Ctx, headers: &HeaderMap, user_id: &str, action: &str) -> Result<Token, Response> {
    let (_, token) = auth_token(ctx.realm(), headers)?;
    let system_reader = token.scope == Scope::System;
    if token.user_id != user_id && !system_reader {
        return Err(forbidden(action));
    }
    Ok(token)
}

async fn create_app_cred(
    State(ctx): State<Ctx>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
    raw: Bytes,
) -> Response {
    collapse(create_app_cred_inner(&ctx, &user_id, &headers, &raw))
}

fn create_app_cred_inner(ctx: &Ctx, user_id: &str, headers: &HeaderMap, raw: &[u8]) -> Reply {
    let realm = ctx.realm();
    let action = "identity:create_application_credential";
    let token = owner(ctx, headers, user_id, action)?;
    let Scope::Project(project_id) = &token.scope else {
        return Err(forbidden(action));
    };
    if token.app_cred.as_ref().is_some_and(|c| c.restricted) {
        return Err(forbidden(action));
    }
    let request: Value = serde_json::from_slice(raw).map_err(|_| bad_request(BAD_JSON))?;
    let spec = &request["application_credential"];
    let Some(name) = spec["name"].as_str() else {
        return Err(bad_request(&format!(
            "Invalid input for field/attribute application_credential. Value: {}. 'name' is a required property",
            body::python_json(spec)
        )));
    };
    let roles = match spec["roles"].as_array() {
        None => token.roles.clone(),
        Some(asked) => {
            let mut roles = Vec::new();
            for r in asked {
                let role = token.roles.iter().find(|have| {
                    r["name"].as_str() == Some(have.as_str())
                        || r["id"].as_str() == Some(realm.role_id(have).as_str())
                });
                match role {
                    Some(role) => roles.push(role.clone()),
                    None => return Err(forbidden(action)),
                }
            }
            roles
        }
    };
    let mut creds = lock(&realm.app_creds);
    if creds.iter().any(|c| c.user_id == user_id && c.name == name) {
        return Err(errors::keystone(
            StatusCode::CONFLICT,
            &format!(
                "Conflict occurred attempting to store application_credential - Duplicate entry found with name {name}."
            ),
        ));
    }
    let cred = AppCred {
        id: hex_id(),
        name: name.to_owned(),
        description: spec["description"].as_str().map(str::to_owned),
        secret: spec["secret"]
            .as_str()
            .map_or_else(|| format!("{}{}", hex_id(), hex_id()), str::to_owned),
        user_id: user_id.to_owned(),
        project_id: project_id.clone(),
        roles,
        expires_at: spec["expires_at"].as_str().map(str::to_owned),
        unrestricted: spec["unrestricted"].as_bool(),
    };
    let value = json!({"application_credential": app_cred_json(realm, &cred, true)});
    creds.push(cred);
    Ok(body::json(StatusCode::CREATED, &value))
}

async fn list_app_creds(
    State(ctx): State<Ctx>,
    Path(user_id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let realm = ctx.realm();
    collapse(
        owner(&ctx, &headers, &user_id, "identity:list_application_credentials").map(|_| {
            let name = query_param(query.as_deref(), "name");
            let creds: Vec<Value> = lock(&realm.app_creds)
                .iter()
                .filter(|c| c.user_id == user_id && name.as_deref().is_none_or(|n| n == c.name))
                .map(|c| app_cred_json(realm, c, false))
                .collect();
            body::json(
                StatusCode::OK,
                &json!({"application_credentials": creds,
                    "links": links(format!("{}/users/{user_id}/application_credentials", realm.v3()))}),
            )
        }),
    )
}

async fn get_app_cred(
    State(ctx): State<Ctx>,
    Path((user_id, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let realm = ctx.realm();
    collapse(
        owner(
            &ctx,
            &headers,
            &user_id,
            "identity:get_application_credential",
        )
        .and_then(|_| {
            lock(&realm.app_creds)
                .iter()
                .find(|c| c.id == id && c.user_id == user_id)
                .map(|c| {
                    body::json(
                        StatusCode::OK,
                        &json!({"application_credential": app_cred_json(realm, c, false)}),
                    )
                })
                .ok_or_else(|| not_found(&format!("Could not find Application Credential: {id}.")))
        }),
    )
}

async fn delete_app_cred(
    State(ctx): State<Ctx>,
    Path((user_id, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let realm = ctx.realm();
    collapse(
        owner(
            &ctx,
            &headers,
            &user_id,
            "identity:delete_application_credential",
        )
        .and_then(|_| {
            let mut creds = lock(&realm.app_creds);
            let before = creds.len();
            creds.retain(|c| !(c.id == id && c.user_id == user_id));
            if creds.len() == before {
                return Err(not_found(&format!(
                    "Could not find Application Credential: {id}."
                )));
            }
            // Keystone revokes the tokens the credential issued.
            lock(&realm.tokens).retain(|_, t| t.app_cred.as_ref().is_none_or(|c| c.id != id));
            Ok(no_content())
        }),
    )
}
