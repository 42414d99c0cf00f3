//! Cinder `volumes`: create (answered `creating`, stored `available`), list and detail (paginated), show, update, delete.

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::StatusCode;
use axum::routing::get;
use serde_json::{Map, Value, json};

use crate::body::{self, py_repr};
use crate::microversion::Microversion;
use crate::page;
use crate::query::Query;
use crate::quota::{DEFAULT_VOLUME_TYPE, QuotaService};
use crate::region::Service;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{
    ApiError, Call, Decl, Kind, Paging, RegionStore, Reply, Req, Resource, Stamps, owned_or_admin,
    uuid,
};

pub(crate) static DECL: Decl = Decl {
    kind: Kind::Volume,
    service: Service::Volume,
    path: "/volume/v3/volumes",
    singular: "volume",
    plural: "volumes",
    key: "id",
    paging: Paging::Cinder,
    stamps: Stamps::Micro,
    create,
    visible: owned_or_admin,
};

/// Keys only the admin sees.
const ADMIN_ONLY: [&str; 6] = [
    "migration_status",
    "provider_id",
    "cluster_name",
    "os-vol-host-attr:host",
    "os-vol-mig-status-attr:migstat",
    "os-vol-mig-status-attr:name_id",
];

/// The microversion each detail key appears at.
const SINCE: [(&str, Microversion); 7] = [
    ("group_id", Microversion(3, 13)),
    ("provider_id", Microversion(3, 21)),
    ("shared_targets", Microversion(3, 48)),
    ("service_uuid", Microversion(3, 48)),
    ("cluster_name", Microversion(3, 61)),
    ("volume_type_id", Microversion(3, 63)),
    ("consumes_quota", Microversion(3, 65)),
];

pub(crate) fn routes() -> Router<Ctx> {
    let mut router = Router::new();
    for prefix in ["/volume/v3", "/volume/v3/{project_id}"] {
        router = router
            .route(&format!("{prefix}/volumes"), get(index).post(post))
            .route(&format!("{prefix}/volumes/detail"), get(detail))
            .route(
                &format!("{prefix}/volumes/{{id}}"),
                get(show).put(update).delete(delete),
            );
    }
    router
}

fn not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Volume {id} could not be found."))
}

/// The project in the URL (`volumev3` endpoint) or none (`block-storage`);
/// Cinder refuses another project than the token's.
fn url_project(
    caller: &Caller,
    path: &HashMap<String, String>,
) -> Result<Option<String>, ApiError> {
    match path.get("project_id").map(String::as_str) {
        None => Ok(None),
        Some(p) if caller.project_id.as_deref() == Some(p) => Ok(Some(p.to_owned())),
        Some(_) => Err(ApiError::bad_request("Malformed request url")),
    }
}

/// `R/volume/v3[/<project>]`: where links point, as the request came.
fn base(ctx: &Ctx, project: Option<&str>) -> String {
    match project {
        Some(p) => format!("{}/volume/v3/{p}", ctx.base_url()),
        None => format!("{}/volume/v3", ctx.base_url()),
    }
}

fn links(ctx: &Ctx, project: Option<&str>, id: &str) -> Value {
    let bookmark = match project {
        Some(p) => format!("{}/volume/{p}/volumes/{id}", ctx.base_url()),
        None => format!("{}/volume/volumes/{id}", ctx.base_url()),
    };
    json!([
        {"rel": "self", "href": format!("{}/volumes/{id}", base(ctx, project))},
        {"rel": "bookmark", "href": bookmark},
    ])
}

/// The detail view at a microversion, for a caller.
fn view(
    ctx: &Ctx,
    caller: &Caller,
    mv: Microversion,
    project: Option<&str>,
    r: &Resource,
) -> Value {
    let mut out = Map::new();
    for (key, value) in r.body.as_object().into_iter().flatten() {
        if ADMIN_ONLY.contains(&key.as_str()) && !caller.is_admin() {
            continue;
        }
        if SINCE.iter().any(|(k, v)| k == key && mv < *v) {
            continue;
        }
        out.insert(key.clone(), value.clone());
        if key == "metadata" {
            out.insert("links".into(), links(ctx, project, &r.id));
        }
    }
    Value::Object(out)
}

async fn index(
    Req { ctx, caller, mv }: Req,
    Path(path): Path<HashMap<String, String>>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let query = Query::parse(raw.as_deref());
    list(&ctx, &caller, mv, &path, &query, false)
}

async fn detail(
    Req { ctx, caller, mv }: Req,
    Path(path): Path<HashMap<String, String>>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let query = Query::parse(raw.as_deref());
    list(&ctx, &caller, mv, &path, &query, true)
}

/// Newest first; the caller's project, or every one for the admin with
/// `all_tenants`; `name`, `status`, `bootable` filters; `marker`, `limit`.
fn list(
    ctx: &Ctx,
    caller: &Caller,
    mv: Microversion,
    path: &HashMap<String, String>,
    query: &Query,
    detail: bool,
) -> Reply {
    let project = url_project(caller, path)?;
    let limit = match query.get("limit") {
        None => page::MAX_LIMIT,
        Some(l) => match l.parse::<i64>() {
            Ok(n) if n >= 0 => (n as usize).min(page::MAX_LIMIT),
            Ok(_) => return Err(ApiError::bad_request("limit param must be positive")),
            Err(_) => return Err(ApiError::bad_request("limit param must be an integer")),
        },
    };
    let all = caller.is_admin()
        && query.get("all_tenants").is_some_and(|v| {
            matches!(
                v.to_ascii_lowercase().as_str(),
                "1" | "true" | "yes" | "t" | "y" | "on"
            )
        });
    let mut volumes: Vec<Resource> = ctx.world.store.at(ctx.key(), |s| {
        s.all(Kind::Volume)
            .iter()
            .filter(|r| all || r.owned_by(caller.project_id.as_deref()))
            .filter(|r| {
                query
                    .get("project_id")
                    .is_none_or(|p| !all || r.owned_by(Some(p)))
            })
            .filter(|r| {
                ["name", "status", "bootable"]
                    .iter()
                    .all(|k| query.get(k).is_none_or(|v| r.field(k) == v))
            })
            .cloned()
            .collect()
    });
    volumes.sort_by(|a, b| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)));
    let marker = query.get("marker");
    let mut volumes = page::after_marker(volumes, marker, |r| &r.id).ok_or_else(|| {
        ApiError::not_found(format!(
            "Marker {} could not be found.",
            marker.unwrap_or_default()
        ))
    })?;
    volumes.truncate(limit);
    let items: Vec<Value> = volumes
        .iter()
        .map(|r| {
            if detail {
                view(ctx, caller, mv, project.as_deref(), r)
            } else {
                json!({"id": r.id, "name": r.body["name"], "links": links(ctx, project.as_deref(), &r.id)})
            }
        })
        .collect();
    let mut out = json!({"volumes": items});
    let collection = if detail { "volumes/detail" } else { "volumes" };
    let last = volumes.last().map(|r| r.id.as_str());
    if let Some(links) = page::cinder(
        &base(ctx, project.as_deref()),
        collection,
        query,
        limit,
        last,
        volumes.len(),
    ) {
        out["volumes_links"] = links;
    }
    Ok(body::json(StatusCode::OK, &out))
}

async fn show(Req { ctx, caller, mv }: Req, Path(path): Path<HashMap<String, String>>) -> Reply {
    let project = url_project(&caller, &path)?;
    let id = path.get("id").map(String::as_str).unwrap_or_default();
    let volume = ctx
        .world
        .store
        .at(ctx.key(), |s| {
            s.get(Kind::Volume, id)
                .filter(|r| owned_or_admin(&caller, r))
                .cloned()
        })
        .ok_or_else(|| not_found(id))?;
    Ok(body::json(
        StatusCode::OK,
        &json!({"volume": view(&ctx, &caller, mv, project.as_deref(), &volume)}),
    ))
}

async fn post(
    Req { ctx, caller, mv }: Req,
    Path(path): Path<HashMap<String, String>>,
    raw: Bytes,
) -> Reply {
    let project = url_project(&caller, &path)?;
    let request: Value = serde_json::from_slice(&raw).map_err(|_| {
        ApiError::bad_request("The server could not comply with the request since it is either malformed or otherwise incorrect.")
    })?;
    let Some(inner) = request.get("volume") else {
        return Err(ApiError::bad_request("'volume' is a required property"));
    };
    let call = Call::new(&ctx, &caller, mv);
    let mut volume = ctx.world.store.at(ctx.key(), |s| {
        let id = create(call, s, inner)?;
        s.get(Kind::Volume, &id)
            .cloned()
            .ok_or_else(|| not_found(&id))
    })?;
    // The API answers before the backend: `creating`, then `available`.
    volume.body["status"] = json!("creating");
    Ok(body::json(
        StatusCode::ACCEPTED,
        &json!({"volume": view(&ctx, &caller, mv, project.as_deref(), &volume)}),
    ))
}

fn invalid(field: &str, value: &Value, why: String) -> ApiError {
    ApiError::bad_request(format!(
        "Invalid input for field/attribute {field}. Value: {}. {why}",
        body::py_str(value)
    ))
}

/// Refuses a volume past the `volumes` or `gigabytes` quota (413).
fn check_quota(call: Call<'_>, s: &RegionStore, project: &str, size: i64) -> Result<(), ApiError> {
    let mine: Vec<&Resource> = s
        .all(Kind::Volume)
        .iter()
        .filter(|r| r.owned_by(Some(project)))
        .collect();
    let held_gb: i64 = mine
        .iter()
        .map(|r| r.body["size"].as_i64().unwrap_or(0))
        .sum();
    let (volumes, used_volumes, gigabytes, used_gb) =
        call.ctx.world.quotas.region(call.ctx.key(), |q| {
            (
                q.limit(project, QuotaService::Volume, "volumes"),
                q.in_use(project, QuotaService::Volume, "volumes"),
                q.limit(project, QuotaService::Volume, "gigabytes"),
                q.in_use(project, QuotaService::Volume, "gigabytes"),
            )
        });
    if volumes >= 0 && mine.len() as i64 + used_volumes + 1 > volumes {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "VolumeLimitExceeded: Maximum number of volumes allowed ({volumes}) exceeded for quota 'volumes'."
            ),
        ));
    }
    let consumed = held_gb + used_gb;
    if gigabytes >= 0 && consumed + size > gigabytes {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested {size}G, quota is {gigabytes}G and {consumed}G has been consumed."
            ),
        ));
    }
    Ok(())
}

/// `size` (GiB, required), `name`, `description`, `volume_type` (a type
/// of this region's Cinder), `metadata`, `availability_zone`, `multiattach`.
fn create(call: Call<'_>, s: &mut RegionStore, v: &Value) -> Result<String, ApiError> {
    let Some(map) = v.as_object() else {
        return Err(invalid(
            "volume",
            v,
            format!("{} is not of type 'object'", py_repr(v)),
        ));
    };
    let size = match map.get("size") {
        Some(Value::Number(n)) if n.as_i64().is_some_and(|n| n >= 1) => n.as_i64().unwrap_or(1),
        Some(Value::String(t)) if t.parse::<i64>().is_ok_and(|n| n >= 1) => t.parse().unwrap_or(1),
        Some(other) => {
            return Err(invalid(
                "size",
                other,
                format!("{} is less than the minimum of 1", py_repr(other)),
            ));
        }
        None => {
            return Err(invalid(
                "volume",
                v,
                "'size' is a required property".to_owned(),
            ));
        }
    };
    let types = call
        .ctx
        .world
        .quotas
        .region(call.ctx.key(), |q| q.volume_types());
    let volume_type = match map.get("volume_type").and_then(Value::as_str) {
        None => DEFAULT_VOLUME_TYPE.to_owned(),
        Some(t) if types.iter().any(|x| x == t) => t.to_owned(),
        Some(t) => {
            return Err(ApiError::not_found(format!(
                "Volume type with name {t} could not be found."
            )));
        }
    };
    let project = call.caller.project_id.clone().unwrap_or_default();
    check_quota(call, s, &project, size)?;
    let id = uuid();
    let text = |key: &str| map.get(key).cloned().unwrap_or(Value::Null);
    let body = json!({
        "id": id, "status": "available", "size": size,
        "availability_zone": map.get("availability_zone").cloned().unwrap_or_else(|| json!("nova")),
        "created_at": null, "updated_at": null,
        "name": text("name"), "description": text("description"),
        "volume_type": volume_type, "snapshot_id": text("snapshot_id"), "source_volid": text("source_volid"),
        "metadata": map.get("metadata").cloned().unwrap_or_else(|| json!({})),
        "user_id": call.caller.user_id, "bootable": "false", "encrypted": false,
        "replication_status": null, "consistencygroup_id": null,
        "multiattach": map.get("multiattach").cloned().unwrap_or(json!(false)),
        "attachments": [], "migration_status": null, "group_id": null, "provider_id": null,
        "shared_targets": true, "service_uuid": null, "cluster_name": null,
        "volume_type_id": format!("vt-{volume_type}"), "consumes_quota": true,
        "os-vol-tenant-attr:tenant_id": project, "os-vol-host-attr:host": "fakestack@lvm#lvm",
        "os-vol-mig-status-attr:migstat": null, "os-vol-mig-status-attr:name_id": null,
    });
    s.insert(Resource::new(Kind::Volume, &id, Some(&project), None, body));
    Ok(id)
}

/// `name`, `description`, `metadata`.
async fn update(
    Req { ctx, caller, mv }: Req,
    Path(path): Path<HashMap<String, String>>,
    raw: Bytes,
) -> Reply {
    let project = url_project(&caller, &path)?;
    let id = path
        .get("id")
        .map(String::as_str)
        .unwrap_or_default()
        .to_owned();
    let request: Value = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    let Some(changes) = request.get("volume").and_then(Value::as_object) else {
        return Err(ApiError::bad_request("'volume' is a required property"));
    };
    let volume = ctx.world.store.at(ctx.key(), |s| {
        let r = s
            .get_mut(Kind::Volume, &id)
            .filter(|r| owned_or_admin(&caller, r))
            .ok_or_else(|| not_found(&id))?;
        for key in ["name", "description", "metadata"] {
            if let Some(v) = changes.get(key) {
                r.body[key] = v.clone();
            }
        }
        r.touch();
        Ok::<_, ApiError>(r.clone())
    })?;
    Ok(body::json(
        StatusCode::OK,
        &json!({"volume": view(&ctx, &caller, mv, project.as_deref(), &volume)}),
    ))
}

/// 202; an attached volume is refused as Cinder refuses it.
async fn delete(Req { ctx, caller, .. }: Req, Path(path): Path<HashMap<String, String>>) -> Reply {
    url_project(&caller, &path)?;
    let id = path
        .get("id")
        .map(String::as_str)
        .unwrap_or_default()
        .to_owned();
    ctx.world.store.at(ctx.key(), |s| {
        let r = s.get(Kind::Volume, &id).filter(|r| owned_or_admin(&caller, r)).ok_or_else(|| not_found(&id))?;
        let attached = r.body["attachments"].as_array().is_some_and(|a| !a.is_empty());
        if attached || r.field("status") == "in-use" {
            return Err(ApiError::bad_request(
                "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.",
            ));
        }
        s.remove(Kind::Volume, &id);
        Ok(())
    })?;
    Ok(body::raw(
        StatusCode::ACCEPTED,
        "application/json",
        String::new(),
    ))
}
