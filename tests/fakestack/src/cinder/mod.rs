//! Cinder: quota sets and volumes.

mod quota;
pub(crate) mod volumes;

use axum::Router;

use crate::server::Ctx;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .merge(quota::routes())
        .merge(crate::collection::routes(&volumes::COLLECTION))
        .merge(crate::collection::routes(&crate::states::CINDER_SERVICES))
        .merge(crate::collection::routes(&crate::states::MESSAGES))
}
