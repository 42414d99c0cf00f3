//! The catalog, projects (paginated as keystone 30 does) and regions.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use crate::body;
use crate::errors;
use crate::server::Ctx;
use crate::state::{DOMAIN_ID, On, Realm, Scope};

use super::{auth_token, collapse, forbidden, links, not_found, query_param};

pub(super) async fn catalog(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
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

pub(super) async fn auth_projects(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    let realm = ctx.realm();
    collapse(auth_token(realm, &headers).map(|(_, token)| {
        body::json(
            StatusCode::OK,
            &json!({"projects": projects_of(realm, &token.user_id),
                "links": links(format!("{}/auth/projects", realm.v3()))}),
        )
    }))
}

pub(super) async fn user_projects(
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

pub(super) async fn list_projects(
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
pub(super) async fn get_project(
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

pub(super) async fn regions(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
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
