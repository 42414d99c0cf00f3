//! Neutron: quotas, networks, subnets, ports, routers, floating IPs, security groups and their rules.

mod quota;

use axum::Router;

use crate::server::Ctx;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new().merge(quota::routes())
}
