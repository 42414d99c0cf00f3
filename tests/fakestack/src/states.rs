//! What operators watch rather than own: Nova's `os-services`, Neutron's
//! agents, Cinder's `os-services` (the admin's) and Cinder's user
//! messages (the project's). Seeded only, listed by the generic handlers.

use serde_json::{Value, json};

use crate::cinder::volumes::url_project;
use crate::collection::{Ask, Collection};
use crate::region::Service;
use crate::state::Caller;
use crate::store::{
    ApiError, Call, CreateFn, Decl, Kind, Paging, RegionStore, Resource, Stamps, owned_or_admin,
    uuid,
};

const fn decl(
    kind: Kind,
    service: Service,
    path: &'static str,
    names: (&'static str, &'static str),
    paging: Paging,
    create: CreateFn,
    visible: fn(&Caller, &Resource) -> bool,
) -> Decl {
    Decl {
        kind,
        service,
        path,
        singular: names.0,
        plural: names.1,
        key: "id",
        paging,
        stamps: Stamps::Micro,
        create,
        visible,
    }
}

fn admin(caller: &Caller, _: &Resource) -> bool {
    caller.is_admin()
}

pub(crate) static COMPUTE_SERVICES: Decl = decl(
    Kind::ComputeService,
    Service::Compute,
    "/compute/v2.1/os-services",
    ("service", "services"),
    Paging::Nova,
    create_compute_service,
    admin,
);
pub(crate) static NETWORK_AGENTS: Decl = decl(
    Kind::NetworkAgent,
    Service::Network,
    "/network/v2.0/agents",
    ("agent", "agents"),
    Paging::Neutron,
    create_network_agent,
    admin,
);
pub(crate) static VOLUME_SERVICES: Decl = decl(
    Kind::VolumeService,
    Service::Volume,
    "/volume/v3/os-services",
    ("service", "services"),
    Paging::Cinder,
    create_volume_service,
    admin,
);
pub(crate) static VOLUME_MESSAGES: Decl = decl(
    Kind::VolumeMessage,
    Service::Volume,
    "/volume/v3/messages",
    ("message", "messages"),
    Paging::Cinder,
    create_volume_message,
    owned_or_admin,
);

/// Nova's and Cinder's services are the admin's: others get the policy's 403.
fn admin_guard(ask: &Ask<'_>) -> Result<(), ApiError> {
    url_project(ask.caller, ask.params)?;
    if ask.caller.is_admin() {
        return Ok(());
    }
    let rule = match ask.c.decl.service {
        Service::Compute => "os_compute_api:os-services:list",
        _ => "volume_extension:services:index",
    };
    Err(ApiError::forbidden(format!(
        "Policy doesn't allow {rule} to be performed."
    )))
}

/// Neutron lists only the agents policy shows (none for a member).
pub(crate) static AGENTS: Collection = new(&NETWORK_AGENTS, |id| {
    format!("Agent {id} could not be found.")
});
pub(crate) static NOVA_SERVICES: Collection = new(&COMPUTE_SERVICES, |id| {
    format!("Service {id} could not be found.")
})
.guard(admin_guard);
pub(crate) static CINDER_SERVICES: Collection = new(&VOLUME_SERVICES, |id| {
    format!("Service {id} could not be found.")
})
.alias("/volume/v3/{project_id}/os-services")
.guard(admin_guard);
/// From 3.3, as Cinder; the project's own, or every one for the admin.
pub(crate) static MESSAGES: Collection = new(&VOLUME_MESSAGES, |id| {
    format!("Message {id} could not be found.")
})
.alias("/volume/v3/{project_id}/messages")
.guard(|ask| url_project(ask.caller, ask.params).map(drop));

const fn new(decl: &'static Decl, missing: fn(&str) -> String) -> Collection {
    Collection::new(decl, missing, select, view, decode).seeded_only()
}

/// Oldest first, as the services list them.
fn select<'s>(ask: &Ask<'_>, s: &'s RegionStore) -> Result<Vec<&'s Resource>, ApiError> {
    let visible = ask.c.decl.visible;
    Ok(s.all(ask.c.decl.kind)
        .iter()
        .filter(|r| visible(ask.caller, r))
        .collect())
}

fn view(_: &Ask<'_>, _: &RegionStore, r: &Resource) -> Value {
    r.body.clone()
}

fn decode(_: &Ask<'_>, _: &[u8]) -> Result<(Vec<Value>, bool), ApiError> {
    Err(ApiError::bad_request("seeded only"))
}

/// Stores a seed with the API's other keys filled in; a given key wins.
fn store(kind: Kind, call: Call<'_>, s: &mut RegionStore, req: &Value, defaults: Value) -> String {
    let id = req["id"].as_str().map_or_else(uuid, str::to_owned);
    let mut body = defaults;
    body["id"] = json!(id);
    for (k, v) in req.as_object().into_iter().flatten() {
        body[k] = v.clone();
    }
    let project = call.caller.project_id.clone();
    let r = Resource::new(kind, &id, project.as_deref(), None, body);
    s.insert(r);
    id
}

/// `{binary, host, state, status, disabled_reason, forced_down, zone}` (2.53 shape).
fn create_compute_service(
    call: Call<'_>,
    s: &mut RegionStore,
    req: &Value,
) -> Result<String, ApiError> {
    let defaults = json!({"binary": "nova-compute", "host": "compute-1", "state": "up",
        "status": "enabled", "disabled_reason": null, "forced_down": false, "zone": "nova",
        "updated_at": null});
    Ok(store(Kind::ComputeService, call, s, req, defaults))
}

/// `{binary, host, agent_type, alive, admin_state_up, …}`.
fn create_network_agent(
    call: Call<'_>,
    s: &mut RegionStore,
    req: &Value,
) -> Result<String, ApiError> {
    let defaults = json!({"binary": "neutron-openvswitch-agent", "host": "network-1",
        "agent_type": "Open vSwitch agent", "alive": true, "admin_state_up": true,
        "availability_zone": null, "topic": "N/A", "description": null,
        "created_at": null, "started_at": null, "heartbeat_timestamp": null,
        "configurations": {}});
    Ok(store(Kind::NetworkAgent, call, s, req, defaults))
}

/// `{binary, host, state, status, zone, disabled_reason, …}`.
fn create_volume_service(
    call: Call<'_>,
    s: &mut RegionStore,
    req: &Value,
) -> Result<String, ApiError> {
    let defaults = json!({"binary": "cinder-volume", "host": "volume-1@lvm", "state": "up",
        "status": "enabled", "zone": "nova", "disabled_reason": null, "updated_at": null,
        "frozen": false, "replication_status": "disabled", "active_backend_id": null});
    Ok(store(Kind::VolumeService, call, s, req, defaults))
}

/// `{user_message, event_id, message_level, resource_type, resource_uuid,
/// request_id, created_at, guaranteed_until}`; `created_at` given or now.
fn create_volume_message(
    call: Call<'_>,
    s: &mut RegionStore,
    req: &Value,
) -> Result<String, ApiError> {
    let defaults = json!({"message_level": "ERROR", "event_id": "VOLUME_000001",
        "user_message": "schedule allocate volume: Could not find any available weighted backend.",
        "resource_type": "VOLUME", "resource_uuid": null,
        "request_id": format!("req-{}", uuid()), "created_at": null,
        "guaranteed_until": null, "links": []});
    Ok(store(Kind::VolumeMessage, call, s, req, defaults))
}
