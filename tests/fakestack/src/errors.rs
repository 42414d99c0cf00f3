//! Error responses shaped like each real service's (samples/errors/*).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::json;

use crate::body;
use crate::region::Service;
use crate::state::request_id;

/// The message every OpenStack service gives with a 401.
pub(crate) const AUTH_REQUIRED: &str = "The request you have made requires authentication.";

fn reason(status: StatusCode) -> &'static str {
    status.canonical_reason().unwrap_or("Error")
}

/// Keystone's (Flask) error: compact JSON and a trailing newline,
/// `{"error":{"code":401,"message":"…","title":"Unauthorized"}}`.
pub(crate) fn keystone(status: StatusCode, message: &str) -> Response {
    let value =
        json!({"error": {"code": status.as_u16(), "message": message, "title": reason(status)}});
    body::raw(status, "application/json", format!("{value}\n"))
}

/// Keystone's 401, with `WWW-Authenticate: Keystone uri="<keystone>/v3"`.
pub(crate) fn keystone_unauthorized(v3: &str) -> Response {
    let mut resp = keystone(StatusCode::UNAUTHORIZED, AUTH_REQUIRED);
    www_authenticate(&mut resp, v3);
    resp
}

fn www_authenticate(resp: &mut Response, uri: &str) {
    if let Ok(v) = HeaderValue::from_str(&format!("Keystone uri=\"{uri}\"")) {
        resp.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
}

/// Adds `x-openstack-request-id` (and Nova's and Cinder's
/// `x-compute-request-id`) when the response has none yet.
pub(crate) fn add_request_id(service: Option<Service>, resp: &mut Response) {
    let headers = resp.headers_mut();
    if headers.contains_key("x-openstack-request-id") {
        return;
    }
    let Ok(id) = HeaderValue::from_str(&request_id()) else {
        return;
    };
    if matches!(service, Some(Service::Compute | Service::Volume)) {
        headers.insert("x-compute-request-id", id.clone());
    }
    headers.insert("x-openstack-request-id", id);
}

/// Nova's and Cinder's fault key for a status (nova/api/openstack/wsgi.py).
fn compute_fault_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 | 429 => "overLimit",
        415 => "badMediaType",
        501 => "notImplemented",
        503 => "serviceUnavailable",
        _ => "computeFault",
    }
}

/// An API error from `service` with its own body shape:
/// Nova/Cinder `{"itemNotFound": {"code": 404, "message": …}}`, Neutron
/// `{"NeutronError": {…}}`, Glance an HTML page, Placement `{"errors": […]}`,
/// Keystone `{"error": {…}}`.
pub(crate) fn service(service: Service, status: StatusCode, message: &str) -> Response {
    let code = status.as_u16();
    let mut resp = match service {
        Service::Identity => keystone(status, message),
        Service::Compute | Service::Volume => {
            let value = json!({compute_fault_key(status): {"code": code, "message": message}});
            let ct = if service == Service::Compute {
                "application/json; charset=UTF-8"
            } else {
                "application/json"
            };
            body::raw(status, ct, body::python_json(&value))
        }
        Service::Network => {
            let kind = format!("HTTP{}", reason(status).replace([' ', '-'], ""));
            body::json(
                status,
                &json!({"NeutronError": {"type": kind, "message": message, "detail": ""}}),
            )
        }
        Service::Image => body::html(status, message),
        Service::Placement => {
            let id = request_id();
            let mut resp = body::json(
                status,
                &json!({"errors": [{"status": code, "title": reason(status),
                    "detail": format!("{message}\n\n   "), "request_id": id}]}),
            );
            if let Ok(v) = HeaderValue::from_str(&id) {
                resp.headers_mut().insert("x-openstack-request-id", v);
            }
            resp
        }
    };
    if service != Service::Identity {
        add_request_id(Some(service), &mut resp);
    }
    resp
}

/// What keystonemiddleware answers for a missing, unknown or expired token:
/// JSON for every service but Glance, whose 401 is an HTML page; no request
/// id from Glance. `keystone_root` is the Keystone URL without `/v3`.
pub(crate) fn service_unauthorized(service: Service, keystone_root: &str) -> Response {
    let mut resp = match service {
        Service::Identity => return keystone_unauthorized(&format!("{keystone_root}/v3")),
        Service::Image => body::html(
            StatusCode::UNAUTHORIZED,
            "This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.",
        ),
        _ => {
            let mut resp = body::json(
                StatusCode::UNAUTHORIZED,
                &json!({"error": {"code": 401, "title": "Unauthorized", "message": AUTH_REQUIRED}}),
            );
            add_request_id(Some(service), &mut resp);
            resp
        }
    };
    www_authenticate(&mut resp, keystone_root);
    resp
}

/// An unknown path under a service, with a valid token: Neutron's API answers
/// JSON, Placement its `errors` list, the others a webob HTML page.
pub(crate) fn not_found(service: Option<Service>, path: &str) -> Response {
    let message = "The resource could not be found.";
    let mut resp = match service {
        Some(Service::Network) if path.starts_with("/network/v2.0") => {
            self::service(Service::Network, StatusCode::NOT_FOUND, message)
        }
        Some(Service::Placement) => self::service(Service::Placement, StatusCode::NOT_FOUND, message),
        Some(Service::Identity) => body::raw(
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n".into(),
        ),
        _ => body::html(StatusCode::NOT_FOUND, message),
    };
    add_request_id(service, &mut resp);
    resp
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;

    async fn text(resp: Response) -> String {
        String::from_utf8(to_bytes(resp.into_body(), 1 << 20).await.unwrap().to_vec()).unwrap()
    }

    #[tokio::test]
    async fn keystone_401_is_byte_exact() {
        let resp = keystone_unauthorized("http://127.0.0.1:5000/v3");
        assert_eq!(
            resp.headers()[header::WWW_AUTHENTICATE],
            "Keystone uri=\"http://127.0.0.1:5000/v3\""
        );
        let body = text(resp).await;
        assert_eq!(
            body,
            "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}\n"
        );
        assert_eq!(body.len(), 109);
    }

    #[tokio::test]
    async fn nova_401_is_byte_exact() {
        let resp = service_unauthorized(Service::Compute, "http://127.0.0.1:5000");
        assert!(resp.headers().contains_key("x-compute-request-id"));
        let body = text(resp).await;
        assert_eq!(body.len(), 114);
        assert_eq!(
            body,
            r#"{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}"#
        );
    }

    #[tokio::test]
    async fn glance_401_is_html() {
        let resp = service_unauthorized(Service::Image, "http://127.0.0.1:5000");
        assert_eq!(
            resp.headers()[header::CONTENT_TYPE],
            "text/html; charset=UTF-8"
        );
        assert_eq!(text(resp).await.len(), 358);
    }

    #[tokio::test]
    async fn neutron_404_matches_sample_shape() {
        let resp = not_found(Some(Service::Network), "/network/v2.0/nothing");
        assert_eq!(
            text(resp).await,
            r#"{"NeutronError": {"type": "HTTPNotFound", "message": "The resource could not be found.", "detail": ""}}"#
        );
    }
}
