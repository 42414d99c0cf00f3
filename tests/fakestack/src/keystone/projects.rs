//! The catalog, projects (paginated as keystone 30 does) and regions.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use crate::body;
use crate::errors;
use crate::page;
use crate::query::Query;
use crate::server::Ctx;
use crate::state::{DOMAIN_ID, On, Project, Realm, Scope};

use super::{Reply, auth_token, forbidden, links, not_found};

pub(super) async fn catalog(State(ctx): State<Ctx>, headers: HeaderMap) -> Reply {
    let realm = ctx.realm();
    let (_, token) = auth_token(realm, &headers)?;
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
}

fn project_json(realm: &Realm, p: &Project) -> Value {
    json!({
        "id": p.id, "name": p.name, "domain_id": DOMAIN_ID,
        "description": p.description, "enabled": true,
        "parent_id": DOMAIN_ID, "is_domain": false, "tags": [], "options": {},
        "links": {"self": format!("{}/projects/{}", realm.v3(), p.id)},
    })
}

/// Projects where the user has a role, in the realm's order.
fn projects_of(realm: &Realm, user_id: &str) -> Vec<Value> {
    let Some(user) = realm.user_by_id(user_id) else {
        return Vec::new();
    };
    realm
        .projects()
        .iter()
        .filter(|p| {
            realm
                .assignments_of(user)
                .iter()
                .any(|(on, _)| *on == On::Project(p.id.clone()))
        })
        .map(|p| project_json(realm, p))
        .collect()
}

pub(super) async fn auth_projects(State(ctx): State<Ctx>, headers: HeaderMap) -> Reply {
    let realm = ctx.realm();
    let (_, token) = auth_token(realm, &headers)?;
    Ok(body::json(
        StatusCode::OK,
        &json!({"projects": projects_of(realm, &token.user_id),
            "links": links(format!("{}/auth/projects", realm.v3()))}),
    ))
}

pub(super) async fn user_projects(
    State(ctx): State<Ctx>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
) -> Reply {
    let realm = ctx.realm();
    let (_, token) = auth_token(realm, &headers)?;
    let admin = token.roles.iter().any(|r| r == "admin");
    if !admin && token.user_id != user_id {
        return Err(forbidden("identity:list_user_projects"));
    }
    Ok(body::json(
        StatusCode::OK,
        &json!({"projects": projects_of(realm, &user_id),
            "links": links(format!("{}/users/{user_id}/projects", realm.v3()))}),
    ))
}

/// Admin only. Keystone 30 paginates with `limit` and `marker` (a project
/// id): the projects sorted by id, a full page gets `links.next` and
/// `"truncated": true`, an unknown marker is a 404. Without either, the
/// projects come in creation order.
pub(super) async fn list_projects(
    State(ctx): State<Ctx>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Reply {
    let realm = ctx.realm();
    let (_, token) = auth_token(realm, &headers)?;
    if !token.roles.iter().any(|r| r == "admin") {
        return Err(forbidden("identity:list_projects"));
    }
    let query = Query::parse(query.as_deref());
    let mut projects = realm.projects();
    if let Some(name) = query.get("name") {
        projects.retain(|p| p.name == name);
    }
    let limit = query.get("limit").and_then(|l| l.parse::<usize>().ok());
    let marker = query.get("marker");
    if limit.is_some() || marker.is_some() {
        projects.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let mut projects = page::after_marker(projects, marker, |p| &p.id).ok_or_else(|| {
        not_found(&format!(
            "Marker {} could not be found.",
            marker.unwrap_or_default()
        ))
    })?;
    // Keystone treats `limit=0` as no limit, yet still links a next page.
    if let Some(limit) = limit.filter(|l| *l > 0) {
        projects.truncate(limit);
    }
    let last = projects.last().map(|p| p.id.as_str());
    let url = format!("{}/projects", realm.v3());
    let (links, truncated) = page::keystone(&url, &query, limit, last, projects.len());
    let items: Vec<Value> = projects.iter().map(|p| project_json(realm, p)).collect();
    let mut body = json!({"projects": items, "links": links});
    if truncated {
        body["truncated"] = json!(true);
    }
    Ok(body::json(StatusCode::OK, &body))
}

/// `GET /v3/projects/{id}`: admins see any project, members their own
/// (Keystone's `identity:get_project` default).
pub(super) async fn get_project(
    State(ctx): State<Ctx>,
    Path(project_id): Path<String>,
    headers: HeaderMap,
) -> Reply {
    let realm = ctx.realm();
    let (_, token) = auth_token(realm, &headers)?;
    let own = matches!(&token.scope, Scope::Project(p) if *p == project_id);
    if !own && !token.roles.iter().any(|r| r == "admin") {
        return Err(forbidden("identity:get_project"));
    }
    let Some(project) = realm.project_by_id(&project_id) else {
        return Err(not_found(&format!("Could not find project: {project_id}.")));
    };
    Ok(body::json(
        StatusCode::OK,
        &json!({"project": project_json(realm, &project)}),
    ))
}

pub(super) async fn regions(State(ctx): State<Ctx>, headers: HeaderMap) -> Reply {
    let realm = ctx.realm();
    auth_token(realm, &headers)?;
    let regions: Vec<Value> = realm
        .regions
        .iter()
        .map(|r| {
            json!({"id": r, "description": "", "parent_region_id": null,
                "links": {"self": format!("{}/regions/{r}", realm.v3())}})
        })
        .collect();
    Ok(body::json(
        StatusCode::OK,
        &json!({"regions": regions, "links": links(format!("{}/regions", realm.v3()))}),
    ))
}
