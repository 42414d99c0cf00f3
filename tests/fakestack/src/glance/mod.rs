//! Glance: images with streamed data, and `/v2/info/usage`.

mod usage;

use axum::Router;

use crate::server::Ctx;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new().merge(usage::routes())
}
