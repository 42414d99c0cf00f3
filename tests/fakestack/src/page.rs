//! Pagination as each service does it: `limit` and `marker`, and the next link in that service's own shape.
//!
//! | service | when a next link | shape |
//! |---|---|---|
//! | Keystone | the page is full (`limit` given) | `"links": {"next": URL, "self": URL, "previous": null}`, `"truncated": true` |
//! | Nova | the page holds `min(limit, 1000)` items | `"<coll>_links": [{"rel": "next", "href": …}]`, the query sorted |
//! | Neutron | not (fewer than `limit` and forward) | `"<coll>_links": [next, previous]` with `page_reverse` |
//! | Glance | the page holds `limit` (default 25) items | `"next": "/v2/images?…&marker=ID"`, `"first": …` |
//! | Cinder | the page holds `min(limit, 1000)` items | `"<coll>_links": [{"rel": "next", "href": …}]` |

use serde_json::{Value, json};

use crate::collection::Window;
use crate::query::Query;
use crate::store::{ApiError, Paging};

/// Nova's `api.max_limit` and Cinder's `osapi_max_limit`.
pub(crate) const MAX_LIMIT: usize = 1000;

/// Glance's `limit_param_default` and `api_limit_max`.
const GLANCE_DEFAULT_LIMIT: usize = 25;
const GLANCE_MAX_LIMIT: usize = 1000;

/// `limit`, `marker` and `page_reverse` as the API reads them, or its 400.
pub(crate) fn window(paging: Paging, query: &Query) -> Result<Window, ApiError> {
    let marker = query.get("marker").map(str::to_owned);
    let window = |limit: usize| Window {
        limit,
        take: limit,
        marker: marker.clone(),
        reverse: false,
        paged: true,
    };
    let raw = query.get("limit");
    match paging {
        Paging::Nova => match raw.map(|l| l.trim().parse::<i64>()) {
            None => Ok(window(MAX_LIMIT)),
            Some(Ok(n)) if n >= 0 => Ok(window((n as usize).min(MAX_LIMIT))),
            Some(Ok(_)) => Err(ApiError::bad_request(
                "Invalid input received: limit must be >= 0",
            )),
            Some(Err(_)) => Err(ApiError::bad_request(
                "Invalid input received: limit must be an integer",
            )),
        },
        Paging::Cinder => match raw.map(str::parse::<i64>) {
            None => Ok(window(MAX_LIMIT)),
            Some(Ok(n)) if n >= 0 => Ok(window((n as usize).min(MAX_LIMIT))),
            Some(Ok(_)) => Err(ApiError::bad_request("limit param must be positive")),
            Some(Err(_)) => Err(ApiError::bad_request("limit param must be an integer")),
        },
        Paging::Glance => match raw.map(str::parse::<i64>) {
            None => Ok(window(GLANCE_DEFAULT_LIMIT)),
            Some(Ok(n)) if n >= 0 => Ok(window((n as usize).min(GLANCE_MAX_LIMIT))),
            Some(_) => Err(ApiError::bad_request("limit param must be an integer")),
        },
        // Absent or 0: no paging, and a marker is ignored.
        Paging::Neutron => {
            let limit = match raw {
                None => 0,
                Some(raw) => raw.trim().parse::<usize>().map_err(|_| {
                    ApiError::typed(
                        axum::http::StatusCode::BAD_REQUEST,
                        "HTTPBadRequest",
                        format!(
                            "Bad limit request: Limit must be an integer 0 or greater and not '{raw}'."
                        ),
                    )
                })?,
            };
            Ok(Window {
                limit,
                take: if limit == 0 { usize::MAX } else { limit },
                marker: marker.filter(|_| limit > 0),
                reverse: query
                    .get("page_reverse")
                    .is_some_and(|v| v.eq_ignore_ascii_case("true")),
                paged: true,
            })
        }
    }
}

/// The part of `items` after the item whose key is `marker` (all of it
/// without a marker); `None` when no item has that key.
pub(crate) fn after_marker<T>(
    items: Vec<T>,
    marker: Option<&str>,
    key: impl Fn(&T) -> &str,
) -> Option<Vec<T>> {
    let Some(marker) = marker else {
        return Some(items);
    };
    let at = items.iter().position(|i| key(i) == marker)?;
    Some(items.into_iter().skip(at + 1).collect())
}

/// Keystone's `links` and whether to add `"truncated": true`: a full page
/// has a next link, its URL the request's with `marker` set where it was
/// (or appended); `self` is the request URL.
pub(crate) fn keystone(
    url: &str,
    query: &Query,
    limit: Option<usize>,
    last: Option<&str>,
    shown: usize,
) -> (Value, bool) {
    let with_query = |q: &Query| {
        if q.pairs().is_empty() {
            url.to_owned()
        } else {
            format!("{url}?{}", q.encode())
        }
    };
    let full = limit.is_some_and(|l| shown >= l);
    let next = match (full, last) {
        (true, Some(last)) => {
            let mut q = query.clone();
            q.replace("marker", last);
            Some(with_query(&q))
        }
        _ => None,
    };
    (
        json!({"next": next, "self": with_query(query), "previous": null}),
        next.is_some(),
    )
}

/// Nova's `<collection>_links`: a next link when the page holds as many
/// items as it could, pointing at the collection's `url` with the query
/// sorted and `marker` set.
pub(crate) fn nova(
    url: &str,
    query: &Query,
    limit: usize,
    last: Option<&str>,
    shown: usize,
) -> Option<Value> {
    let last = last.filter(|_| limit > 0 && shown == limit)?;
    let mut q = query.sorted_dict();
    q.replace("marker", last);
    Some(json!([{"rel": "next", "href": format!("{url}?{}", q.encode())}]))
}

/// Cinder's `<collection>_links`: as Nova's, but the query keeps its order
/// and `marker` moves to the end (webob's `MultiDict`).
pub(crate) fn cinder(
    url: &str,
    query: &Query,
    limit: usize,
    last: Option<&str>,
    shown: usize,
) -> Option<Value> {
    let last = last.filter(|_| shown > 0 && limit <= shown)?;
    let mut q = query.clone();
    q.put_last("marker", last);
    Some(json!([{"rel": "next", "href": format!("{url}?{}", q.encode())}]))
}

/// Neutron's `<collection>_links` (only when `limit` was given): `next`
/// unless a short page going forward, `previous` unless a short page going
/// back; `marker` is the last (next) or first (previous) item's id.
pub(crate) fn neutron(
    path_url: &str,
    query: &Query,
    limit: usize,
    page_reverse: bool,
    first: Option<&str>,
    last: Option<&str>,
    shown: usize,
) -> Option<Value> {
    if limit == 0 {
        return None;
    }
    let mut links = Vec::new();
    // Neutron: `not (len(items) < limit and not page_reverse)`.
    if shown >= limit || page_reverse {
        let mut q = query.clone();
        q.remove("marker");
        if let Some(last) = last {
            q.put_last("marker", last);
        }
        q.remove("page_reverse");
        links.push(json!({"rel": "next", "href": format!("{path_url}?{}", q.encode())}));
    }
    if shown >= limit || !page_reverse {
        let mut q = query.clone();
        q.remove("marker");
        if let Some(first) = first {
            q.put_last("marker", first);
        }
        q.put_last("page_reverse", "True");
        links.push(json!({"rel": "previous", "href": format!("{path_url}?{}", q.encode())}));
    }
    Some(Value::Array(links))
}

/// Glance's `first` (the query without `marker`) and `next` (with the next
/// marker at the end), both relative: `/v2/images?…`.
pub(crate) fn glance(
    path: &str,
    query: &Query,
    next_marker: Option<&str>,
) -> (String, Option<String>) {
    let mut q = query.clone();
    q.remove("marker");
    let first = if q.pairs().is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", q.encode())
    };
    let next = next_marker.map(|m| {
        q.put_last("marker", m);
        format!("{path}?{}", q.encode())
    });
    (first, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_skip_what_was_seen() {
        let items = vec!["a", "b", "c"];
        assert_eq!(
            after_marker(items.clone(), Some("a"), |s| s),
            Some(vec!["b", "c"])
        );
        assert_eq!(
            after_marker(items.clone(), None, |s| s).map(|v| v.len()),
            Some(3)
        );
        assert_eq!(after_marker(items, Some("zz"), |s| s), None);
    }

    #[test]
    fn keystone_links_match_keystone_30() {
        let q = Query::parse(Some("marker=m1&limit=1"));
        let (links, truncated) = keystone("http://k/v3/projects", &q, Some(1), Some("m2"), 1);
        assert!(truncated);
        assert_eq!(links["next"], "http://k/v3/projects?marker=m2&limit=1");
        assert_eq!(links["self"], "http://k/v3/projects?marker=m1&limit=1");
        let (links, truncated) = keystone("http://k/v3/projects", &Query::default(), None, None, 3);
        assert!(!truncated);
        assert_eq!(
            links,
            json!({"next": null, "self": "http://k/v3/projects", "previous": null})
        );
    }

    #[test]
    fn nova_sorts_cinder_appends_neutron_goes_both_ways() {
        let q = Query::parse(Some("marker=a&limit=2"));
        let links = nova("http://n/v2.1/flavors/detail", &q, 2, Some("b"), 2).unwrap();
        assert_eq!(
            links[0]["href"],
            "http://n/v2.1/flavors/detail?limit=2&marker=b"
        );
        assert!(nova("http://n/v2.1/flavors", &q, 2, Some("b"), 1).is_none());
        let links = cinder("http://c/v3/p/volumes", &q, 2, Some("b"), 2).unwrap();
        assert_eq!(links[0]["href"], "http://c/v3/p/volumes?limit=2&marker=b");
        let q = Query::parse(Some("limit=2"));
        let links = neutron("http://x/v2.0/ports", &q, 2, false, Some("a"), Some("b"), 2).unwrap();
        assert_eq!(links[0]["href"], "http://x/v2.0/ports?limit=2&marker=b");
        assert_eq!(
            links[1]["href"],
            "http://x/v2.0/ports?limit=2&marker=a&page_reverse=True"
        );
        let links = neutron("http://x/v2.0/ports", &q, 2, false, Some("a"), Some("a"), 1).unwrap();
        assert_eq!(links.as_array().map(Vec::len), Some(1));
        assert_eq!(links[0]["rel"], "previous");
    }

    #[test]
    fn glance_first_and_next_are_relative() {
        let q = Query::parse(Some("marker=a&limit=5"));
        let (first, next) = glance("/v2/images", &q, Some("b"));
        assert_eq!(first, "/v2/images?limit=5");
        assert_eq!(next.as_deref(), Some("/v2/images?limit=5&marker=b"));
        assert_eq!(
            glance("/v2/images", &Query::default(), None),
            ("/v2/images".to_owned(), None)
        );
    }
}
