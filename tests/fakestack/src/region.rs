//! A region's listener: every service under its devstack path prefix, behind token checks.
//!
//! To add a service's resources, write one module with
//! `pub(crate) fn routes() -> Router<Ctx>` (full paths, e.g.
//! `/compute/v2.1/os-keypairs`) and merge it in [`router`]. Its handlers get
//! the [`Caller`](crate::Caller) and, under Nova/Cinder/Placement, the
//! negotiated [`Microversion`](crate::Microversion) from the request
//! extensions, and return `Result<Response, ApiError>`: the router's
//! [`rendered`] layer gives an `ApiError` the service's error shape.

use axum::Router;
use axum::extract::{Request, State};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::Response;

use crate::server::Ctx;
use crate::store::rendered;
use crate::{errors, faults, microversion, versions};

/// The OpenStack services fakestack speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// Keystone, on its own listener at `/`.
    Identity,
    /// Nova at `/compute` (API at `/compute/v2.1`).
    Compute,
    /// Neutron at `/network` (API at `/network/v2.0`).
    Network,
    /// Glance at `/image` (API at `/image/v2`).
    Image,
    /// Cinder at `/volume` (API at `/volume/v3`, or `/volume/v3/<project_id>`).
    Volume,
    /// Placement at `/placement`.
    Placement,
}

impl Service {
    const REGIONAL: [Service; 5] = [
        Service::Compute,
        Service::Network,
        Service::Image,
        Service::Volume,
        Service::Placement,
    ];

    /// The path prefix on a region listener (empty for Keystone).
    pub fn prefix(self) -> &'static str {
        match self {
            Service::Identity => "",
            Service::Compute => "/compute",
            Service::Network => "/network",
            Service::Image => "/image",
            Service::Volume => "/volume",
            Service::Placement => "/placement",
        }
    }

    /// The regional service a path belongs to.
    pub(crate) fn from_path(path: &str) -> Option<Service> {
        Self::REGIONAL.into_iter().find(|s| {
            let p = s.prefix();
            path == p
                || path
                    .strip_prefix(p)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    }
}

/// The whole router of one region listener.
pub(crate) fn router(ctx: Ctx) -> Router {
    let public =
        versions::public_routes().layer(from_fn_with_state(ctx.clone(), microversion::negotiate));
    let protected = Router::new()
        .merge(versions::protected_routes())
        // Service resources go here, one module each, their errors in the service's shape.
        .merge(rendered(Service::Compute, crate::nova::routes()))
        .merge(rendered(Service::Network, crate::neutron::routes()))
        .merge(rendered(Service::Volume, crate::cinder::routes()))
        .merge(rendered(Service::Image, crate::glance::routes()))
        .merge(rendered(Service::Placement, crate::placement::routes()))
        .fallback(not_found)
        .layer(from_fn_with_state(ctx.clone(), microversion::negotiate))
        .layer(from_fn_with_state(ctx.clone(), require_token));
    public
        .merge(protected)
        .layer(from_fn_with_state(ctx.clone(), faults::site_layer))
        .with_state(ctx)
}

/// keystonemiddleware: a valid, unexpired token from this region's Keystone,
/// else the service's 401. Puts the [`Caller`](crate::Caller) in the request.
async fn require_token(State(ctx): State<Ctx>, mut req: Request, next: Next) -> Response {
    let Some(service) = Service::from_path(req.uri().path()) else {
        return next.run(req).await;
    };
    let realm = ctx.realm();
    let caller = req
        .headers()
        .get("x-auth-token")
        .and_then(|v| v.to_str().ok())
        .and_then(|t| realm.caller(t));
    let Some(caller) = caller else {
        return errors::service_unauthorized(service, &realm.url);
    };
    req.extensions_mut().insert(caller);
    let mut resp = next.run(req).await;
    errors::add_request_id(Some(service), &mut resp);
    resp
}

async fn not_found(req: Request) -> Response {
    let path = req.uri().path();
    errors::not_found(Service::from_path(path), path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_services() {
        assert_eq!(Service::from_path("/compute"), Some(Service::Compute));
        assert_eq!(
            Service::from_path("/compute/v2.1/servers"),
            Some(Service::Compute)
        );
        assert_eq!(Service::from_path("/computer"), None);
        assert_eq!(
            Service::from_path("/volume/v3/abc/types"),
            Some(Service::Volume)
        );
        assert_eq!(Service::from_path("/"), None);
    }
}
