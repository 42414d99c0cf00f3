//! Application credentials: create, list, show, delete (which revokes their tokens).

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use crate::body;
use crate::errors;
use crate::server::Ctx;
use crate::state::{AppCred, Realm, Scope, Token, hex_id, lock};

use super::{
    BAD_JSON, Reply, auth_token, bad_request, forbidden, links, no_content, not_found, query_param,
};

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

pub(super) async fn create_app_cred(
    State(ctx): State<Ctx>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
    raw: Bytes,
) -> Reply {
    let realm = ctx.realm();
    let action = "identity:create_application_credential";
    let token = owner(&ctx, &headers, &user_id, action)?;
    let Scope::Project(project_id) = &token.scope else {
        return Err(forbidden(action));
    };
    if token.app_cred.as_ref().is_some_and(|c| c.restricted) {
        return Err(forbidden(action));
    }
    let request: Value = serde_json::from_slice(&raw).map_err(|_| bad_request(BAD_JSON))?;
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

pub(super) async fn list_app_creds(
    State(ctx): State<Ctx>,
    Path(user_id): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Reply {
    let realm = ctx.realm();
    owner(
        &ctx,
        &headers,
        &user_id,
        "identity:list_application_credentials",
    )?;
    let name = query_param(query.as_deref(), "name");
    let creds: Vec<Value> = lock(&realm.app_creds)
        .iter()
        .filter(|c| c.user_id == user_id && name.as_deref().is_none_or(|n| n == c.name))
        .map(|c| app_cred_json(realm, c, false))
        .collect();
    Ok(body::json(
        StatusCode::OK,
        &json!({"application_credentials": creds,
            "links": links(format!("{}/users/{user_id}/application_credentials", realm.v3()))}),
    ))
}

pub(super) async fn get_app_cred(
    State(ctx): State<Ctx>,
    Path((user_id, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Reply {
    let realm = ctx.realm();
    owner(
        &ctx,
        &headers,
        &user_id,
        "identity:get_application_credential",
    )?;
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
}

pub(super) async fn delete_app_cred(
    State(ctx): State<Ctx>,
    Path((user_id, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Reply {
    let realm = ctx.realm();
    owner(
        &ctx,
        &headers,
        &user_id,
        "identity:delete_application_credential",
    )?;
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
}
