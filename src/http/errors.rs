//! Error bodies: the message in whatever envelope an OpenStack service or a
//! proxy in front of it answers with, and the `ApiError` that carries it.

use crate::error::redact_url;
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// A non-success answer from an OpenStack API.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{method} {} returned {status}: {message}", redact_url(.url))]
pub(crate) struct ApiError {
    pub(crate) method: Method,
    pub(crate) url: String,
    pub(crate) status: StatusCode,
    pub(crate) message: String,
}

impl ApiError {
    pub(super) fn new(method: &Method, url: &str, status: StatusCode, body: &[u8]) -> Self {
        ApiError {
            method: method.clone(),
            url: url.to_string(),
            status,
            message: error_message(body),
        }
    }

    /// What the user can do about this answer, where the status says.
    ///
    /// A 401 reaches the user only after osprey logged in again and the
    /// service still refused the new token, so the fault is between the
    /// service and Keystone, not in the credentials.
    pub(crate) fn hint(&self) -> Option<&'static str> {
        match self.status.as_u16() {
            401 => Some(
                "the service refused a token that Keystone had just issued: check its \
                 keystonemiddleware settings ([keystone_authtoken] in the service's config), \
                 the clocks of the service and Keystone, and that the catalog's endpoint is \
                 this Keystone's service",
            ),
            500 => Some(
                "the service failed on its side: its logs say why (-v shows the request to \
                 look for); try again later",
            ),
            _ => None,
        }
    }
}

impl ApiError {
    /// The error with the advice for its status as a hint line; still an
    /// `ApiError` to [`has_status`].
    pub(crate) fn into_error(self) -> anyhow::Error {
        match self.hint() {
            Some(h) => anyhow::Error::new(self).context(crate::error::Advice(h)),
            None => anyhow::Error::new(self),
        }
    }
}

/// Whether an OpenStack API answered `code` somewhere in this error's chain.
pub(crate) fn has_status(err: &anyhow::Error, code: u16) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<ApiError>()
            .is_some_and(|a| a.status.as_u16() == code)
    })
}

/// A request that never reached the service: the connection was refused
/// or could not be made, or the endpoint's host name did not resolve.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub(crate) struct Unreachable(pub String);

/// Whether this error is of a request that never reached its endpoint
/// (refused, or its host name failed to resolve), so that another
/// endpoint, a fresh catalog's, may do better. A resource of this machine
/// that ran out (open files, local ports) is not: it fails anywhere.
pub(crate) fn is_unreachable(err: &anyhow::Error) -> bool {
    // Below a hint layer, which a plain walk of the chain steps over.
    crate::error::marker::<Unreachable>(err).is_some()
        || err
            .chain()
            .any(|c| c.downcast_ref::<Unreachable>().is_some())
}

/// A request that may have reached the service and taken effect, whose
/// answer never came whole: the connection dropped after it was sent, the
/// wait for the answer timed out, or the answer could not be read. Carried
/// as a silent layer of the error (it adds no text), so a caller that
/// changed something can look for what the request left behind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unanswered;

impl std::fmt::Display for Unanswered {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Ok(())
    }
}

/// Whether this error leaves open that its request took effect.
pub(crate) fn answer_lost(err: &anyhow::Error) -> bool {
    crate::error::marker::<Unanswered>(err).is_some()
}

/// The human message in an OpenStack error body, whatever the service's envelope.
pub(crate) fn error_message(body: &[u8]) -> String {
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        // {"error": {"message"}}, {"itemNotFound": {"message"}},
        // {"NeutronError": {"message"}}, {"badRequest": {...}}, {"message": ...}
        if let Some(m) = v.get("message").and_then(Value::as_str) {
            return m.trim().to_string();
        }
        if let Some(obj) = v.as_object() {
            for inner in obj.values() {
                if let Some(m) = inner.get("message").and_then(Value::as_str) {
                    return m.trim().to_string();
                }
            }
        }
        if let Some(m) = v.get("error").and_then(Value::as_str) {
            return m.trim().to_string();
        }
    }
    let text = String::from_utf8_lossy(body);
    if looks_like_html(&text) {
        // webob (Nova, Glance, Cinder), Apache, nginx and load balancers
        // answer with pages: their text, without the markup.
        let text = html_text(&text);
        if !text.is_empty() {
            return truncate(wrapped(&text), 200);
        }
    }
    snippet(wrapped(&text).as_bytes())
}

/// webob's explanation of a status wraps the service's own words after
/// `The response body:` (Glance's quota errors): those words alone.
fn wrapped(text: &str) -> &str {
    const LEAD: &str = "The response body:";
    match text.find(LEAD) {
        Some(at) if !text[at + LEAD.len()..].trim().is_empty() => text[at + LEAD.len()..].trim(),
        _ => text,
    }
}

fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start();
    let start: String = text
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype")
        || start.starts_with("<html")
        || (start.starts_with('<') && text.contains("</"))
}

/// Elements whose text is not the page's message.
const HIDDEN: [&str; 4] = ["head", "script", "style", "template"];

/// Elements that start a new part of the text: headings, paragraphs, blocks.
const BLOCKS: [&str; 23] = [
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "p",
    "pre",
];

/// The text of an HTML page on one line: tags dropped, the head (whose
/// title the body repeats as its heading) used only when the body has no
/// text, entities decoded, white space collapsed, and the page's parts
/// (heading, paragraphs) joined by `: `, as in
/// `413 Request Entity Too Large: The body of your request was too large`.
fn html_text(html: &str) -> String {
    // The body's parts, each begun by a block element.
    let mut body: Vec<String> = vec![String::new()];
    let mut title = String::new();
    // The hidden element being skipped, and whether the title is open.
    let mut hidden: Option<&str> = None;
    let mut in_title = false;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if in_title {
            title.push_str(text);
        } else if hidden.is_none() {
            append(&mut body, text);
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches(['/', '!', '?'])
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if name == "title" {
            in_title = !closing;
            continue;
        }
        match hidden {
            // A page that never closes its head ends it with its body.
            Some(open) if (closing && open == name) || (open == "head" && name == "body") => {
                hidden = None;
            }
            Some(_) => {}
            None => {
                if let Some(h) = HIDDEN.iter().find(|h| **h == name).filter(|_| !closing) {
                    hidden = Some(h);
                } else if BLOCKS.contains(&name.as_str()) {
                    body.push(String::new());
                } else {
                    // `<br>`, `<td>` and others part words; `<b>`, `<a>`
                    // and other inline elements do not.
                    let inline = ["a", "b", "code", "em", "i", "span", "strong", "tt", "u"];
                    if !inline.contains(&name.as_str()) {
                        append(&mut body, " ");
                    }
                }
            }
        }
    }
    if hidden.is_none() && !in_title {
        append(&mut body, rest);
    }
    let parts = |pieces: Vec<String>| {
        let mut out: Vec<String> = Vec::new();
        for piece in pieces {
            let words = piece.split_whitespace().collect::<Vec<_>>().join(" ");
            let text = decode_entities(&words);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() && out.last() != Some(&text) {
                out.push(text);
            }
        }
        out.join(": ")
    };
    let text = parts(body);
    if text.is_empty() {
        parts(vec![title])
    } else {
        text
    }
}

fn append(parts: &mut Vec<String>, text: &str) {
    match parts.last_mut() {
        Some(last) => last.push_str(text),
        None => parts.push(text.to_string()),
    }
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;`, `&nbsp;` and
/// numeric references decoded; anything else is left as it is.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => number.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The start of a body on one line, for messages and traces.
pub(super) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        "(empty body)".to_string()
    } else {
        truncate(&text, 120)
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_message_reads_each_envelope() {
        assert_eq!(
            error_message(br#"{"error": {"code": 401, "message": "needs auth"}}"#),
            "needs auth"
        );
        assert_eq!(
            error_message(br#"{"itemNotFound": {"code": 404, "message": "gone"}}"#),
            "gone"
        );
        assert_eq!(
            error_message(br#"{"NeutronError": {"type": "X", "message": "nope", "detail": ""}}"#),
            "nope"
        );
        assert_eq!(
            error_message(b"<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>"),
            "404 Not Found"
        );
        assert_eq!(error_message(b""), "(empty body)");
    }

    #[test]
    fn issue_14_html_pages_read_as_their_text() {
        // webob's page, as Nova answers a body over its limit.
        let webob = "<html>\n <head>\n  <title>413 Request Entity Too Large</title>\n </head>\n \
                     <body>\n  <h1>413 Request Entity Too Large</h1>\n  The body is too large &amp; \
                     was refused<br /><br />\n\n\n\n </body>\n</html>";
        assert_eq!(
            error_message(webob.as_bytes()),
            "413 Request Entity Too Large: The body is too large & was refused"
        );
        let nginx = "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n\
                     <center><h1>413 Request Entity Too Large</h1></center>\r\n\
                     <hr><center>nginx/1.18.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n";
        assert_eq!(
            error_message(nginx.as_bytes()),
            "413 Request Entity Too Large: nginx/1.18.0 (Ubuntu)"
        );
        let apache = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n\
                      <title>503 Service Unavailable</title>\n</head><body>\n\
                      <h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your\n\
                      request due to maintenance downtime or capacity\nproblems. Please try again later.</p>\n\
                      </body></html>\n";
        assert_eq!(
            error_message(apache.as_bytes()),
            "Service Unavailable: The server is temporarily unable to service your request due to \
             maintenance downtime or capacity problems. Please try again later."
        );
        // Scripts, styles and comments are not text; entities are decoded
        // once; a page without a body keeps its title.
        let page = "<!doctype html><html><head><style>h1 {color: red}</style>\
                    <script>var x = '<b>';</script></head><body><!-- note <p> -->\
                    <h1>Bad &lt;request&gt;</h1><p>name &quot;a&#39;b&quot; &amp;amp; \
                    <b>bold</b>&#x21; &unknown;</p></body></html>";
        assert_eq!(
            error_message(page.as_bytes()),
            "Bad <request>: name \"a'b\" &amp; bold! &unknown;"
        );
        assert_eq!(
            error_message(b"<html><head><title>502 Bad Gateway</title></head></html>"),
            "502 Bad Gateway"
        );
        // Glance's quota refusal: the limit it names, not webob's preamble.
        let glance = "The request returned a 413 Request Entity Too Large. This generally means \
                      that rate limiting or a quota threshold was breached.\n\nThe response body:\n\
                      Project p is over a limit for [Resource image_count_total is over limit of 0 \
                      due to current usage 0 and delta 1]";
        assert_eq!(
            error_message(glance.as_bytes()),
            "Project p is over a limit for [Resource image_count_total is over limit of 0 due to \
             current usage 0 and delta 1]"
        );
        assert_eq!(
            error_message(b"<html><head><title>T</title><body><h1>Gone</h1>away</body></html>"),
            "Gone: away"
        );
        // Text that merely holds a `<` is not a page.
        assert_eq!(error_message(b"limit < usage"), "limit < usage");
    }

    #[test]
    fn refused_tokens_and_server_errors_carry_a_hint() {
        let err = |code| {
            let status = StatusCode::from_u16(code).unwrap();
            ApiError::new(&Method::GET, "http://u:pw@h/v2.1/", status, b"{}")
        };
        assert!(err(401).hint().unwrap().contains("keystonemiddleware"));
        assert!(err(500).hint().unwrap().contains("its logs"));
        assert_eq!(err(404).hint(), None);
        let shown = err(500).to_string();
        assert!(
            shown.starts_with("GET http://u:<masked>@h/v2.1/ returned 500"),
            "{shown}"
        );
        let wrapped = err(401).into_error().context("site a/b");
        assert!(crate::http::has_status(&wrapped, 401));
        let (_, hints) = crate::error::describe(&wrapped);
        assert_eq!(hints, vec![err(401).hint().unwrap().to_string()]);
    }
}
