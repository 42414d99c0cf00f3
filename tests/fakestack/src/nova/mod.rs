//! Nova: quota sets, keypairs, flavors (with extra specs and access lists) and servers.

mod quota;

use axum::Router;

use crate::server::Ctx;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new().merge(quota::routes())
}
