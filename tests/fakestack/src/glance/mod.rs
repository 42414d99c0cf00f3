//! Glance: images with streamed data, and `/v2/info/usage`.

pub(crate) mod data;
pub(crate) mod images;
mod usage;

use axum::Router;
use axum::response::Response;

use crate::region::Service;
use crate::server::Ctx;
use crate::store::ApiError;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new()
        .merge(usage::routes())
        .merge(images::routes())
        .merge(data::routes())
}

/// A handler's outcome: the response, or Glance's HTML error page for it.
type Reply = Result<Response, ApiError>;

fn respond(reply: Reply) -> Response {
    reply.unwrap_or_else(|e| e.into_response(Service::Image))
}
