//! Cinder `volumes`: create (answered `creating`, stored `available`), list and detail (paginated), show, update, delete.

use std::collections::HashMap;

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::body::{self, py_repr};
use crate::collection::{Ask, Attrs, Collection, Verb};
use crate::microversion::Microversion;
use crate::quota::{DEFAULT_VOLUME_TYPE, QuotaService};
use crate::region::Service;
use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{
    ApiError, Call, Decl, Kind, Paging, RegionStore, Resource, Stamps, owned_or_admin, uuid,
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

/// Also under the project (the `volumev3` endpoint); created and deleted
/// with 202; an unknown marker is a 404.
pub(crate) static COLLECTION: Collection = Collection::new(
    &DECL,
    |id| format!("Volume {id} could not be found."),
    select,
    view,
    decode,
)
.alias("/volume/v3/{project_id}/volumes")
.with_detail()
.admin_only(&ADMIN_ONLY)
.guard(|ask| url_project(ask.caller, ask.params).map(drop))
.bad_marker(|_, m| ApiError::not_found(format!("Marker {m} could not be found.")))
.status(|verb, _| match verb {
    Verb::Create | Verb::Delete => StatusCode::ACCEPTED,
    _ => StatusCode::OK,
})
.updated(update)
.deleted(delete);

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

/// The project in the URL (`volumev3` endpoint) or none (`block-storage`);
/// Cinder refuses another project than the token's.
pub(crate) fn url_project(
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

/// The detail view at a microversion, for a caller; a list's items are
/// `{id, name, links}`, and a create answers `creating` (the backend
/// makes it `available` after the answer).
fn view(ask: &Ask<'_>, _: &RegionStore, r: &Resource) -> Value {
    let project = ask.params.get("project_id").map(String::as_str);
    let ctx = ask.ctx;
    if !ask.detail() {
        return json!({"id": r.id, "name": r.body["name"], "links": links(ctx, project, &r.id)});
    }
    let mut out = Map::new();
    for (key, value) in r.body.as_object().into_iter().flatten() {
        if ask.c.admin_only.contains(&key.as_str()) && !ask.caller.is_admin() {
            continue;
        }
        if SINCE.iter().any(|(k, v)| k == key && ask.mv < *v) {
            continue;
        }
        out.insert(key.clone(), value.clone());
        if key == "metadata" {
            out.insert("links".into(), links(ctx, project, &r.id));
        }
    }
    if ask.verb == Verb::Create {
        out.insert("status".into(), json!("creating"));
    }
    Value::Object(out)
}

/// Newest first; the caller's project, or every one for the admin with
/// `all_tenants`; `name`, `status`, `bootable` filters.
fn select<'s>(ask: &Ask<'_>, s: &'s RegionStore) -> Result<Vec<&'s Resource>, ApiError> {
    let (caller, query) = (ask.caller, ask.query);
    let all = caller.is_admin()
        && query.get("all_tenants").is_some_and(|v| {
            matches!(
                v.to_ascii_lowercase().as_str(),
                "1" | "true" | "yes" | "t" | "y" | "on"
            )
        });
    let mut volumes: Vec<&Resource> = s
        .all(Kind::Volume)
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
        .collect();
    volumes.sort_by(|a, b| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)));
    Ok(volumes)
}

/// The object under `volume`; an update's body need not be JSON to be refused.
fn decode(ask: &Ask<'_>, raw: &[u8]) -> Result<(Vec<Value>, bool), ApiError> {
    let request: Value = if ask.verb == Verb::Update {
        serde_json::from_slice(raw).unwrap_or(Value::Null)
    } else {
        serde_json::from_slice(raw).map_err(|_| {
            ApiError::bad_request("The server could not comply with the request since it is either malformed or otherwise incorrect.")
        })?
    };
    match request.get("volume") {
        Some(inner) if ask.verb != Verb::Update || inner.is_object() => {
            Ok((vec![inner.clone()], false))
        }
        _ => Err(ApiError::bad_request("'volume' is a required property")),
    }
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
fn update(_: Call<'_>, s: &mut RegionStore, id: &str, changes: &Attrs) -> Result<(), ApiError> {
    if let Some(r) = s.get_mut(Kind::Volume, id) {
        for key in ["name", "description", "metadata"] {
            if let Some(v) = changes.get(key) {
                r.body[key] = v.clone();
            }
        }
    }
    Ok(())
}

/// An attached volume is refused as Cinder refuses it.
fn delete(_: Call<'_>, s: &mut RegionStore, id: &str) -> Result<(), ApiError> {
    let r = s
        .get(Kind::Volume, id)
        .ok_or_else(|| COLLECTION.not_found(id))?;
    let attached = r.body["attachments"]
        .as_array()
        .is_some_and(|a| !a.is_empty());
    if attached || r.field("status") == "in-use" {
        return Err(ApiError::bad_request(
            "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.",
        ));
    }
    s.remove(Kind::Volume, id);
    Ok(())
}
