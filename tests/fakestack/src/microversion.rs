//! Microversion negotiation for Nova, Cinder and Placement, as the real APIs do it.

use std::fmt;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::json;

use crate::region::Service;
use crate::server::Ctx;
use crate::{body, errors};

/// A negotiated `MAJOR.MINOR`; handlers find it in the request extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Microversion(pub u32, pub u32);

impl fmt::Display for Microversion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

/// `"2.96"` → `Microversion(2, 96)`.
pub(crate) fn parse(s: &str) -> Option<Microversion> {
    let (major, minor) = s.trim().split_once('.')?;
    Some(Microversion(major.parse().ok()?, minor.parse().ok()?))
}

/// The service whose microversions govern `path`, with its header name
/// (`OpenStack-API-Version: <name> X.Y`), minimum and maximum (Nova's is
/// the region's own).
fn governed(ctx: &Ctx, path: &str) -> Option<(Service, &'static str, Microversion, Microversion)> {
    let w = &ctx.world;
    if path == "/compute/v2.1" || path.starts_with("/compute/v2.1/") {
        Some((
            Service::Compute,
            "compute",
            Microversion(2, 1),
            ctx.compute_max(),
        ))
    } else if path == "/volume" || path.starts_with("/volume/") {
        Some((Service::Volume, "volume", Microversion(3, 0), w.volume_max))
    } else if path == "/placement" || path.starts_with("/placement/") {
        Some((
            Service::Placement,
            "placement",
            Microversion(1, 0),
            w.placement_max,
        ))
    } else {
        None
    }
}

/// The requested version string for `name`, from `OpenStack-API-Version`
/// (which may list several services) or Nova's legacy header.
fn requested(headers: &HeaderMap, name: &str) -> Option<String> {
    for value in headers.get_all("openstack-api-version") {
        for item in value.to_str().unwrap_or_default().split(',') {
            let mut words = item.split_whitespace();
            if words.next().is_some_and(|s| s.eq_ignore_ascii_case(name)) {
                return words.next().map(str::to_owned);
            }
        }
    }
    if name == "compute" {
        return headers
            .get("x-openstack-nova-api-version")
            .and_then(|v| v.to_str().ok())
            .map(|s| s.trim().to_owned());
    }
    None
}

/// Middleware: negotiates the microversion, refuses what the real service
/// refuses (400 bad format, 406 out of range) and echoes the version headers.
pub(crate) async fn negotiate(State(ctx): State<Ctx>, mut req: Request, next: Next) -> Response {
    let Some((service, name, min, max)) = governed(&ctx, req.uri().path()) else {
        return next.run(req).await;
    };
    let asked = requested(req.headers(), name);
    let version = match asked.as_deref() {
        None => min,
        Some(s) if s.eq_ignore_ascii_case("latest") => max,
        Some(s) => match parse(s) {
            Some(v) if v >= min && v <= max => v,
            Some(_) => {
                let mut resp = out_of_range(service, s, min, max);
                echo(&mut resp, service, name, s);
                return resp;
            }
            None => {
                let message = format!(
                    "API Version String {s} is of invalid format. Must be of format MajorNum.MinorNum."
                );
                return errors::service(service, StatusCode::BAD_REQUEST, &message);
            }
        },
    };
    req.extensions_mut().insert(version);
    let mut resp = next.run(req).await;
    echo(&mut resp, service, name, &version.to_string());
    resp
}

fn out_of_range(service: Service, asked: &str, min: Microversion, max: Microversion) -> Response {
    if service == Service::Placement {
        let id = crate::state::request_id();
        let detail = format!(
            "The resource could not be generated that was acceptable to your browser (content of type application/json. \n\n Invalid microversion: Unacceptable version header: {asked}"
        );
        let mut resp = body::json(
            StatusCode::NOT_ACCEPTABLE,
            &json!({"errors": [{"status": 406, "title": "Not Acceptable", "detail": detail,
                "request_id": id, "max_version": max.to_string(), "min_version": min.to_string()}]}),
        );
        if let Ok(v) = HeaderValue::from_str(&id) {
            resp.headers_mut().insert("x-openstack-request-id", v);
        }
        return resp;
    }
    let message = format!(
        "Version {asked} is not supported by the API. Minimum is {min} and maximum is {max}."
    );
    // Nova and Cinder both call a 406 a computeFault.
    errors::service(service, StatusCode::NOT_ACCEPTABLE, &message)
}

fn echo(resp: &mut Response, service: Service, name: &str, version: &str) {
    let headers = resp.headers_mut();
    if headers.contains_key("openstack-api-version") {
        return;
    }
    let Ok(value) = HeaderValue::from_str(&format!("{name} {version}")) else {
        return;
    };
    headers.insert("openstack-api-version", value);
    headers.append("vary", HeaderValue::from_static("OpenStack-API-Version"));
    if service == Service::Compute {
        if let Ok(v) = HeaderValue::from_str(version) {
            headers.insert("x-openstack-nova-api-version", v);
        }
        headers.append(
            "vary",
            HeaderValue::from_static("X-OpenStack-Nova-API-Version"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        assert_eq!(parse("2.96"), Some(Microversion(2, 96)));
        assert!(parse("2.x").is_none());
        assert!(Microversion(2, 104) > Microversion(2, 96));
        assert_eq!(Microversion(3, 71).to_string(), "3.71");
    }

    #[test]
    fn reads_either_header() {
        let mut h = HeaderMap::new();
        h.insert(
            "openstack-api-version",
            HeaderValue::from_static("volume 3.5, compute 2.60"),
        );
        assert_eq!(requested(&h, "compute").as_deref(), Some("2.60"));
        assert_eq!(requested(&h, "volume").as_deref(), Some("3.5"));
        let mut h = HeaderMap::new();
        h.insert(
            "x-openstack-nova-api-version",
            HeaderValue::from_static("2.10"),
        );
        assert_eq!(requested(&h, "compute").as_deref(), Some("2.10"));
        assert_eq!(requested(&h, "placement"), None);
    }
}
