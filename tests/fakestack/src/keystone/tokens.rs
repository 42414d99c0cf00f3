//! `/v3/auth/tokens`: issue (password, token, TOTP, application credential), validate, check, revoke.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::{Map, Value, json};

use crate::body;
use crate::server::Ctx;
use crate::state::{
    AppCred, AppCredRef, DOMAIN_ID, DOMAIN_NAME, On, Realm, Scope, Token, User, lock,
    now_whole_seconds, rfc3339,
};

use super::{
    BAD_JSON, METHODS, Reply, auth_token, bad_request, forbidden, no_content, not_found,
    unauthorized,
};

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

pub(super) async fn issue(State(ctx): State<Ctx>, raw: Bytes) -> Reply {
    let realm = ctx.realm();
    let request: Value = serde_json::from_slice(&raw).map_err(|_| bad_request(BAD_JSON))?;
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
            let name = realm.project_by_id(id).map(|p| p.name);
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

pub(super) async fn validate(
    State(ctx): State<Ctx>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Reply {
    let (id, token) = subject(&ctx, &headers)?;
    let nocatalog = query.as_deref().is_some_and(|q| {
        q.split('&')
            .any(|kv| kv.split('=').next() == Some("nocatalog"))
    });
    let mut resp = body::json(StatusCode::OK, &token_json(ctx.realm(), &token, !nocatalog));
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert("x-subject-token", v);
    }
    Ok(resp)
}

pub(super) async fn check(State(ctx): State<Ctx>, headers: HeaderMap) -> Reply {
    subject(&ctx, &headers).map(|_| body::raw(StatusCode::OK, "application/json", String::new()))
}

pub(super) async fn revoke(State(ctx): State<Ctx>, headers: HeaderMap) -> Reply {
    let (id, _) = subject(&ctx, &headers)?;
    ctx.realm().revoke(&id);
    Ok(no_content())
}
