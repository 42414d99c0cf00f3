//! What the health and log commands read: a cheap authenticated list per
//! service, the state of Nova's and Cinder's services and Neutron's
//! agents, servers with their faults and instance actions, console
//! output, Cinder's user messages, volumes and images.

use super::{Endpoint, Service, SiteClient};
use reqwest::Method;
use serde::Deserialize;

/// One small authenticated list per service: does the API answer a call
/// that needs the token and the database, not only its version document.
static PROBES: [(Service, Endpoint); 4] = [
    (
        Service::Compute,
        Endpoint::get(Service::Compute, "servers", "servers"),
    ),
    (
        Service::Network,
        Endpoint::get(Service::Network, "networks", "networks"),
    ),
    (
        Service::Image,
        Endpoint::get(Service::Image, "images", "images"),
    ),
    (
        Service::Volume,
        Endpoint::get(Service::Volume, "volumes", "volumes"),
    ),
];

/// `os-services` from 2.53 (ids are uuids, `forced_down` shown).
const COMPUTE_SERVICES: Endpoint =
    Endpoint::get(Service::Compute, "os-services", "services").microversion(2, 53);
const AGENTS: Endpoint = Endpoint::list(Service::Network, "agents", "agents");
const VOLUME_SERVICES: Endpoint = Endpoint::get(Service::Volume, "os-services", "services");

const SERVERS: Endpoint = Endpoint::list(Service::Compute, "servers/detail", "servers");
const SERVER: Endpoint = Endpoint::get(Service::Compute, "servers/{}", "server");
/// From 2.58 a list takes `changes-since`; from 2.84 events carry `details`.
const ACTIONS: Endpoint = Endpoint::get(
    Service::Compute,
    "servers/{}/os-instance-actions",
    "instanceActions",
)
.microversion(2, 84);
const ACTION: Endpoint = Endpoint::get(
    Service::Compute,
    "servers/{}/os-instance-actions/{}",
    "instanceAction",
)
.microversion(2, 84);
const CONSOLE: Endpoint =
    Endpoint::write(Service::Compute, Method::POST, "servers/{}/action").answers("output");

/// User messages exist from 3.3.
const MESSAGES: Endpoint =
    Endpoint::list(Service::Volume, "messages", "messages").microversion(3, 3);
const VOLUMES: Endpoint = Endpoint::list(Service::Volume, "volumes/detail", "volumes");
const IMAGES: Endpoint = Endpoint::list(Service::Image, "images", "images");

/// The services whose list call [`probe`] knows.
pub(crate) fn probed(service: Service) -> bool {
    PROBES.iter().any(|(s, _)| *s == service)
}

/// Lists at most one item of the service's main resource.
pub(crate) async fn probe(site: &SiteClient, service: Service) -> anyhow::Result<()> {
    let Some((_, ep)) = PROBES.iter().find(|(s, _)| *s == service) else {
        return Ok(());
    };
    site.call(ep, &[], &[("limit", "1")], None).await.map(drop)
}

/// A Nova or Cinder service, or a Neutron agent, as one shape.
#[derive(Debug, Clone, Default)]
pub(crate) struct ServiceState {
    pub(crate) binary: String,
    pub(crate) host: String,
    pub(crate) up: bool,
    pub(crate) enabled: bool,
    pub(crate) reason: Option<String>,
}

#[derive(Deserialize)]
struct NovaOrCinderService {
    #[serde(default)]
    binary: String,
    #[serde(default)]
    host: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    disabled_reason: Option<String>,
}

#[derive(Deserialize)]
struct Agent {
    #[serde(default)]
    binary: String,
    #[serde(default)]
    host: String,
    #[serde(default)]
    alive: bool,
    #[serde(default = "yes")]
    admin_state_up: bool,
}

fn yes() -> bool {
    true
}

/// The service's own services (Nova, Cinder) or agents (Neutron); an
/// admin's call (others get 403).
pub(crate) async fn service_states(
    site: &SiteClient,
    service: Service,
) -> anyhow::Result<Vec<ServiceState>> {
    let ep = match service {
        Service::Network => {
            let agents: Vec<Agent> = site.list(&AGENTS, &[], &[]).await?;
            return Ok(agents
                .into_iter()
                .map(|a| ServiceState {
                    binary: a.binary,
                    host: a.host,
                    up: a.alive,
                    enabled: a.admin_state_up,
                    reason: None,
                })
                .collect());
        }
        Service::Compute => &COMPUTE_SERVICES,
        Service::Volume => &VOLUME_SERVICES,
        _ => return Ok(Vec::new()),
    };
    let found: Vec<NovaOrCinderService> =
        serde_json::from_value(site.call(ep, &[], &[], None).await?)?;
    Ok(found
        .into_iter()
        .map(|s| ServiceState {
            binary: s.binary,
            host: s.host,
            up: s.state == "up",
            enabled: s.status == "enabled",
            reason: s.disabled_reason.filter(|r| !r.is_empty()),
        })
        .collect())
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Server {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) updated: String,
    #[serde(default)]
    pub(crate) fault: Option<Fault>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Fault {
    #[serde(default)]
    pub(crate) message: String,
    #[serde(default)]
    pub(crate) created: String,
}

/// `all_tenants=1` for an admin's call that reads every project.
fn every_project(all: bool) -> &'static [(&'static str, &'static str)] {
    if all { &[("all_tenants", "1")] } else { &[] }
}

/// The servers changed since `since` (Nova's `changes-since`, a time in
/// its format), of every project with `all`; deleted ones are not listed.
pub(crate) async fn servers_changed(
    site: &SiteClient,
    since: &str,
    all: bool,
) -> anyhow::Result<Vec<Server>> {
    let query = [&[("changes-since", since)], every_project(all)].concat();
    site.list(&SERVERS, &[], &query).await
}

/// The server with this id, or `None` where there is none.
pub(crate) async fn server(site: &SiteClient, id: &str) -> anyhow::Result<Option<Server>> {
    match site.call(&SERVER, &[id], &[], None).await {
        Ok(v) => Ok(Some(serde_json::from_value(v)?)),
        Err(e) if crate::http::has_status(&e, 404) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The servers named exactly `name` (Nova matches a regex: the list is
/// narrowed by the name, then compared).
pub(crate) async fn servers_named(
    site: &SiteClient,
    name: &str,
    all: bool,
) -> anyhow::Result<Vec<Server>> {
    let query = [&[("name", name)], every_project(all)].concat();
    let found: Vec<Server> = site.list(&SERVERS, &[], &query).await?;
    Ok(found.into_iter().filter(|s| s.name == name).collect())
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Action {
    #[serde(default)]
    pub(crate) action: String,
    #[serde(default)]
    pub(crate) request_id: String,
    #[serde(default)]
    pub(crate) start_time: String,
    /// `Error` when a step failed; none otherwise.
    #[serde(default)]
    pub(crate) message: Option<String>,
    #[serde(default)]
    pub(crate) events: Vec<ActionEvent>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct ActionEvent {
    #[serde(default)]
    pub(crate) event: String,
    #[serde(default)]
    pub(crate) result: Option<String>,
    /// The admin's only.
    #[serde(default)]
    pub(crate) traceback: Option<String>,
    /// From 2.84: the failure as the caller may see it.
    #[serde(default)]
    pub(crate) details: Option<String>,
}

/// A server's actions since `since` (newest first, as Nova lists them).
pub(crate) async fn actions(
    site: &SiteClient,
    server: &str,
    since: &str,
) -> anyhow::Result<Vec<Action>> {
    let v = site
        .call(&ACTIONS, &[server], &[("changes-since", since)], None)
        .await?;
    Ok(serde_json::from_value(v)?)
}

/// One action with its events.
pub(crate) async fn action(
    site: &SiteClient,
    server: &str,
    request: &str,
) -> anyhow::Result<Action> {
    let v = site.call(&ACTION, &[server, request], &[], None).await?;
    Ok(serde_json::from_value(v)?)
}

/// The last `lines` lines of the server's console log (all of it for none).
pub(crate) async fn console_output(
    site: &SiteClient,
    server: &str,
    lines: Option<u32>,
) -> anyhow::Result<String> {
    let body = serde_json::json!({"os-getConsoleOutput": {"length": lines}});
    let v = site.call(&CONSOLE, &[server], &[], Some(body)).await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Message {
    #[serde(default)]
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) user_message: String,
    #[serde(default)]
    pub(crate) event_id: String,
    #[serde(default)]
    pub(crate) resource_type: String,
    #[serde(default)]
    pub(crate) resource_uuid: Option<String>,
    #[serde(default)]
    pub(crate) created_at: String,
}

/// Cinder's user messages (what went wrong with the caller's volumes).
pub(crate) async fn messages(site: &SiteClient) -> anyhow::Result<Vec<Message>> {
    site.list(&MESSAGES, &[], &[]).await
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Volume {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) updated_at: Option<String>,
    #[serde(default)]
    pub(crate) created_at: String,
}

pub(crate) async fn volumes(site: &SiteClient, all: bool) -> anyhow::Result<Vec<Volume>> {
    site.list(&VOLUMES, &[], every_project(all)).await
}

#[derive(Debug, Clone, Deserialize, Default)]
pub(crate) struct Image {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) updated_at: String,
    /// The stores an import failed to reach, comma-separated.
    #[serde(default)]
    pub(crate) os_glance_failed_import: Option<String>,
}

pub(crate) async fn images(site: &SiteClient) -> anyhow::Result<Vec<Image>> {
    site.list(&IMAGES, &[], &[]).await
}
