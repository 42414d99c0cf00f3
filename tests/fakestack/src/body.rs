//! Response bodies written the way the Python services write them.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::Value;

/// `json.dumps(value)`: `", "` and `": "` separators, non-ASCII as `\uXXXX`.
pub(crate) fn python_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str(out, k);
                out.push_str(": ");
                write_value(out, v);
            }
            out.push('}');
        }
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON response with a Python-style body and `Content-Type: application/json`.
pub(crate) fn json(status: StatusCode, value: &Value) -> Response {
    raw(status, "application/json", python_json(value))
}

/// A response with the given content type and body.
pub(crate) fn raw(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp
}

/// The webob error page that Glance, Nova and Cinder send for errors outside
/// their JSON fault handling (glance_GET_image_missing.body).
pub(crate) fn html_page(status: StatusCode, message: &str) -> String {
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    format!(
        "<html>\n <head>\n  <title>{title}</title>\n </head>\n <body>\n  <h1>{title}</h1>\n  {message}<br /><br />\n\n\n\n </body>\n</html>"
    )
}

/// [`html_page`] as a response, `Content-Type: text/html; charset=UTF-8`.
pub(crate) fn html(status: StatusCode, message: &str) -> Response {
    raw(
        status,
        "text/html; charset=UTF-8",
        html_page(status, message),
    )
}

/// Python's `repr()` of a JSON value, as the services quote bodies in errors:
/// `{'cores': 20, 'force': True}`.
pub(crate) fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("'{k}': {}", py_repr(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

/// Python's `str()`: a string bare, anything else as [`py_repr`].
pub(crate) fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn python_json_matches_nova_bytes() {
        let v = json!({"error": {"code": 401, "title": "Unauthorized",
            "message": "The request you have made requires authentication."}});
        assert_eq!(
            python_json(&v),
            r#"{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}"#
        );
        assert_eq!(
            python_json(&json!(["é", null, true])),
            r#"["\u00e9", null, true]"#
        );
    }

    #[test]
    fn python_repr_quotes_like_python() {
        let v = json!({"cores": 20, "force": true, "name": "a'b", "x": null});
        assert_eq!(
            py_repr(&v),
            r"{'cores': 20, 'force': True, 'name': 'a\'b', 'x': None}"
        );
        assert_eq!(py_str(&json!("abc")), "abc");
    }

    #[test]
    fn html_page_matches_glance_bytes() {
        let page = html_page(
            StatusCode::NOT_FOUND,
            "No image found with ID 00000000-0000-0000-0000-000000000000",
        );
        assert_eq!(page.len(), 181);
        assert_eq!(
            page,
            "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID 00000000-0000-0000-0000-000000000000<br /><br />\n\n\n\n </body>\n</html>"
        );
    }
}
