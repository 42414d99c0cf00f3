//! Glance: images with streamed data, and `/v2/info/usage`.

pub(crate) mod data;
pub(crate) mod images;
mod usage;

use axum::Router;

use crate::server::Ctx;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .merge(usage::routes())
        .merge(images::routes())
        .merge(crate::collection::routes(&images::COLLECTION))
        .merge(data::routes())
}

pub(crate) use crate::store::Reply;
