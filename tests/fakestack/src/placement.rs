//! Placement's resource providers with inventories and usages
//! (`R/placement/resource_providers[/{uuid}[/inventories|/usages]]`),
//! and what Nova derives from them: `os-hypervisors/detail`. Seeded by
//! tests ([`FakeStack::add_resource_provider`]); reading is the admin's
//! (`rule:admin_api`), as Placement's and Nova's default policies say.

// Handlers bail out with the very response to send (see keystone.rs).
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::sync::Mutex;

use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::get;
use serde_json::{Map, Value, json};

use crate::microversion::Microversion;
use crate::server::Ctx;
use crate::state::World;
use crate::store::{ApiError, Reply, Req, uuid};
use crate::{FakeStack, body};

/// One resource provider as seeded.
#[derive(Debug, Clone)]
pub(crate) struct Provider {
    pub uuid: String,
    pub name: String,
    /// Class → Placement's inventory record (defaults filled in).
    pub inventories: Map<String, Value>,
    /// Class → amount allocated.
    pub usages: Map<String, Value>,
}

/// Every region's resource providers, in the order they were added.
#[derive(Debug, Default)]
pub(crate) struct Providers(Mutex<HashMap<String, Vec<Provider>>>);

impl Providers {
    fn of(&self, region: &str) -> Vec<Provider> {
        let all = self.0.lock().unwrap_or_else(|e| e.into_inner());
        all.get(region).cloned().unwrap_or_default()
    }
}

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .route("/placement/resource_providers", get(list))
        .route("/placement/resource_providers/{uuid}", get(show))
        .route(
            "/placement/resource_providers/{uuid}/inventories",
            get(inventories),
        )
        .route("/placement/resource_providers/{uuid}/usages", get(usages))
}

pub(crate) fn nova_routes() -> Router<Ctx> {
    Router::new().route("/compute/v2.1/os-hypervisors/detail", get(hypervisors))
}

fn admin(r: &Req, rule: &str) -> Result<(), ApiError> {
    if r.caller.is_admin() {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!(
            "Policy does not allow {rule} to be performed."
        )))
    }
}

fn find(r: &Req, id: &str) -> Result<Provider, ApiError> {
    r.ctx
        .world
        .placement
        .of(r.ctx.key())
        .into_iter()
        .find(|p| p.uuid == id)
        .ok_or_else(|| ApiError::not_found(format!("No resource provider with uuid {id} found")))
}

/// A provider as `GET /resource_providers` shows it at 1.x.
fn view(p: &Provider) -> Value {
    let at = format!("/resource_providers/{}", p.uuid);
    json!({
        "uuid": p.uuid, "name": p.name, "generation": 1,
        "parent_provider_uuid": null, "root_provider_uuid": p.uuid,
        "links": [
            {"rel": "self", "href": at},
            {"rel": "inventories", "href": format!("{at}/inventories")},
            {"rel": "usages", "href": format!("{at}/usages")},
        ],
    })
}

async fn list(r: Req) -> Reply {
    admin(&r, "placement:resource_providers:list")?;
    let items: Vec<Value> = r
        .ctx
        .world
        .placement
        .of(r.ctx.key())
        .iter()
        .map(view)
        .collect();
    Ok(body::json(
        StatusCode::OK,
        &json!({"resource_providers": items}),
    ))
}

async fn show(r: Req, Path(id): Path<String>) -> Reply {
    admin(&r, "placement:resource_providers:show")?;
    let p = find(&r, &id)?;
    Ok(body::json(StatusCode::OK, &view(&p)))
}

async fn inventories(r: Req, Path(id): Path<String>) -> Reply {
    admin(&r, "placement:resource_providers:inventories:list")?;
    let p = find(&r, &id)?;
    Ok(body::json(
        StatusCode::OK,
        &json!({"inventories": p.inventories, "resource_provider_generation": 1}),
    ))
}

async fn usages(r: Req, Path(id): Path<String>) -> Reply {
    admin(&r, "placement:resource_providers:usages")?;
    let p = find(&r, &id)?;
    Ok(body::json(
        StatusCode::OK,
        &json!({"usages": p.usages, "resource_provider_generation": 1}),
    ))
}

/// Nova's hypervisors, one per provider: sizes and use from its VCPU,
/// MEMORY_MB and DISK_GB (raw totals, as the compute node reports them);
/// 2.88 dropped those keys.
async fn hypervisors(r: Req) -> Reply {
    if !r.caller.is_admin() {
        return Err(ApiError::forbidden(
            "Policy doesn't allow os_compute_api:os-hypervisors:list-detail to be performed.",
        ));
    }
    let num = |m: &Map<String, Value>, class: &str, key: Option<&str>| {
        let v = m.get(class);
        match key {
            Some(k) => v.and_then(|v| v.get(k)),
            None => v,
        }
        .and_then(Value::as_i64)
        .unwrap_or(0)
    };
    let items: Vec<Value> = r
        .ctx
        .world
        .placement
        .of(r.ctx.key())
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut h = json!({
                "id": i + 1, "hypervisor_hostname": p.name, "state": "up", "status": "enabled",
                "hypervisor_type": "QEMU", "host_ip": "127.0.0.1",
                "service": {"host": p.name, "id": i + 1, "disabled_reason": null},
            });
            if r.mv < Microversion(2, 88) {
                let inv = &p.inventories;
                let used = &p.usages;
                let more = json!({
                    "vcpus": num(inv, "VCPU", Some("total")),
                    "vcpus_used": num(used, "VCPU", None),
                    "memory_mb": num(inv, "MEMORY_MB", Some("total")),
                    "memory_mb_used": num(used, "MEMORY_MB", None),
                    "local_gb": num(inv, "DISK_GB", Some("total")),
                    "local_gb_used": num(used, "DISK_GB", None),
                    "running_vms": 0,
                });
                for (k, v) in more.as_object().into_iter().flatten() {
                    h[k] = v.clone();
                }
            }
            h
        })
        .collect();
    Ok(body::json(StatusCode::OK, &json!({"hypervisors": items})))
}

/// Placement's resource providers, seeded by tests.
impl FakeStack {
    /// Adds a resource provider to `region`'s Placement and returns its
    /// uuid. `inventories` is `{"VCPU": {"total": 16, "reserved": 2,
    /// "allocation_ratio": 4.0}, …}` (Placement's defaults fill the rest:
    /// reserved 0, ratio 1.0, min_unit 1, max_unit the total, step_size 1);
    /// `usages` is `{"VCPU": 5, …}`.
    pub fn add_resource_provider(
        &self,
        region: &str,
        name: &str,
        inventories: Value,
        usages: Value,
    ) -> String {
        add(self.world(), region, name, &inventories, &usages)
            .unwrap_or_else(|e| panic!("fakestack: {e}"))
    }

    /// Removes a resource provider; false when there was none.
    pub fn remove_resource_provider(&self, region: &str, uuid: &str) -> bool {
        let world = self.world();
        let mut all = world.placement.0.lock().unwrap_or_else(|e| e.into_inner());
        let Some(list) = all.get_mut(region) else {
            return false;
        };
        let before = list.len();
        list.retain(|p| p.uuid != uuid);
        list.len() < before
    }
}

/// Adds a provider (see [`FakeStack::add_resource_provider`]); the
/// control API's `POST /resource_providers` too.
pub(crate) fn add(
    world: &World,
    region: &str,
    name: &str,
    inventories: &Value,
    usages: &Value,
) -> Result<String, String> {
    if world.region(region).is_none() {
        return Err(format!("no region {region}"));
    }
    let given = inventories
        .as_object()
        .ok_or("inventories must be an object of resource classes")?;
    let mut inv = Map::new();
    for (class, given) in given {
        let total = given["total"]
            .as_i64()
            .ok_or_else(|| format!("inventory {class} needs a total"))?;
        let mut record = json!({"total": total, "reserved": 0, "min_unit": 1,
            "max_unit": total, "step_size": 1, "allocation_ratio": 1.0});
        for (k, v) in given.as_object().into_iter().flatten() {
            record[k] = v.clone();
        }
        inv.insert(class.clone(), record);
    }
    let used: Map<String, Value> = inv
        .keys()
        .map(|class| {
            (
                class.clone(),
                usages.get(class).cloned().unwrap_or(json!(0)),
            )
        })
        .collect();
    let id = uuid();
    let mut all = world.placement.0.lock().unwrap_or_else(|e| e.into_inner());
    all.entry(region.to_owned()).or_default().push(Provider {
        uuid: id.clone(),
        name: name.to_owned(),
        inventories: inv,
        usages: used,
    });
    Ok(id)
}

#[derive(serde::Deserialize)]
struct Seed {
    region: String,
    name: String,
    inventories: Value,
    #[serde(default)]
    usages: Value,
}

/// The control API: `POST /resource_providers` with `{"region", "name",
/// "inventories", "usages"}` answers 201 `{"uuid": …}`.
pub(crate) fn control_routes() -> Router<Ctx> {
    Router::new().route("/resource_providers", axum::routing::post(control_add))
}

async fn control_add(
    axum::extract::State(ctx): axum::extract::State<Ctx>,
    axum::Json(s): axum::Json<Seed>,
) -> axum::response::Response {
    match add(&ctx.world, &s.region, &s.name, &s.inventories, &s.usages) {
        Ok(id) => body::json(StatusCode::CREATED, &json!({"uuid": id})),
        Err(e) => body::json(StatusCode::BAD_REQUEST, &json!({"error": e})),
    }
}
