//! Transport: what makes sites share TLS settings, and what a failed attempt
//! means for the user (TLS advice, timeouts, refused connections, cut bodies).

use super::Request;
use super::errors::Unanswered;
use crate::error::{hinted, redact_url};
use std::path::PathBuf;
use std::time::Duration;

/// What makes two sites able to share one TLS configuration.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TlsIdentity {
    pub(crate) verify: bool,
    pub(crate) cacert: Option<PathBuf>,
    pub(crate) cert: Option<PathBuf>,
    pub(crate) key: Option<PathBuf>,
}

/// Why one attempt at a request got no complete answer.
#[derive(Debug)]
pub(super) enum Failure {
    /// reqwest failed: connect, TLS, a body cut off.
    Transport(reqwest::Error),
    /// No byte moved for the request's timeout.
    TimedOut(Stall),
    /// The stream that feeds a request body failed.
    Source(anyhow::Error),
}

/// Where a request waited longer than its timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stall {
    /// Connecting, sending a small body or waiting for the status line.
    Response,
    /// The service stopped taking a streamed request body.
    Sending,
    /// Between two chunks of the response body.
    Reading,
}

impl Failure {
    pub(super) fn is_connect(&self) -> bool {
        matches!(self, Failure::Transport(e) if e.is_connect())
    }

    pub(super) fn is_timeout(&self) -> bool {
        match self {
            Failure::Transport(e) => e.is_timeout(),
            Failure::TimedOut(_) => true,
            Failure::Source(_) => false,
        }
    }

    pub(super) fn tls(&self) -> Option<TlsFailure> {
        match self {
            Failure::Transport(e) => tls_failure(e),
            _ => None,
        }
    }

    /// The failure as the `-v` trace shows it.
    pub(super) fn trace_text(&self, timeout: Duration) -> String {
        match self {
            Failure::Transport(e) => e.to_string(),
            Failure::TimedOut(stall) => format!(
                "timed out after {}s {}",
                timeout.as_secs_f64(),
                stall.doing()
            ),
            Failure::Source(e) => format!("the request body failed: {e:#}"),
        }
    }
}

impl From<reqwest::Error> for Failure {
    fn from(e: reqwest::Error) -> Self {
        Failure::Transport(e)
    }
}

impl Stall {
    fn doing(self) -> &'static str {
        match self {
            Stall::Response => "waiting for the response",
            Stall::Sending => "sending the request body",
            Stall::Reading => "reading the response body",
        }
    }
}

/// A TLS handshake that failed for a reason sending again will not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TlsFailure {
    /// osprey did not trust the server's certificate.
    ServerCertificate,
    /// The server ended the handshake about our (missing) client certificate.
    ClientCertificate,
    /// The server ended the handshake for another reason (protocol, cipher).
    Handshake,
}

/// The TLS failure behind `err`, if any. reqwest does not expose rustls's
/// error type, so this reads rustls's messages in the cause chain.
fn tls_failure(err: &reqwest::Error) -> Option<TlsFailure> {
    classify_tls(&describe_reqwest(err))
}

fn classify_tls(chain: &str) -> Option<TlsFailure> {
    if chain.contains("invalid peer certificate") {
        return Some(TlsFailure::ServerCertificate);
    }
    let (_, alert) = chain.split_once("received fatal alert: ")?;
    let alert = alert.split([':', ' ', ')']).next().unwrap_or_default();
    // TLS 1.3 servers say CertificateRequired for a missing certificate;
    // TLS 1.2 ones and rejected certificates give the others.
    let about_ours = alert.contains("Certificate") || matches!(alert, "UnknownCA" | "AccessDenied");
    Some(if about_ours {
        TlsFailure::ClientCertificate
    } else {
        TlsFailure::Handshake
    })
}

/// What failed and the hint for a TLS failure, given the identity used.
fn tls_advice(failure: TlsFailure, tls: &TlsIdentity) -> (String, String) {
    match failure {
        TlsFailure::ServerCertificate => {
            let fix = match &tls.cacert {
                Some(ca) => format!(
                    "`cacert` ({}) does not hold the CA that signed the server's certificate: \
                     point it at the right PEM bundle",
                    ca.display()
                ),
                None => "set `cacert` in clouds.yaml to the PEM file of the CA that signed the \
                         server's certificate"
                    .to_string(),
            };
            (
                "the server's certificate could not be verified".to_string(),
                format!("{fix} (`verify: false` skips the check: for test clouds only)"),
            )
        }
        TlsFailure::ClientCertificate => {
            let hint = match &tls.cert {
                Some(cert) => format!(
                    "the server did not accept the client certificate {}: check `cert` and `key` \
                     in clouds.yaml",
                    cert.display()
                ),
                None => "the server wants a client certificate: set `cert` and `key` in \
                         clouds.yaml to PEM files of one it accepts"
                    .to_string(),
            };
            ("the server refused the TLS connection".to_string(), hint)
        }
        // OpenSSL servers answer a TLS 1.2 client without a certificate
        // with a bare HandshakeFailure, so it may still be about ours.
        TlsFailure::Handshake => {
            let hint = match &tls.cert {
                Some(cert) => format!(
                    "the server did not accept the client certificate {}, or shares no TLS \
                     version or cipher with osprey",
                    cert.display()
                ),
                None => "the server may want a client certificate (`cert` and `key` in \
                         clouds.yaml), or shares no TLS version or cipher with osprey"
                    .to_string(),
            };
            ("the TLS handshake failed".to_string(), hint)
        }
    }
}

/// The one-line error (with its hint) for a request that got no answer.
pub(super) fn transport_error(
    req: &Request,
    tls: &TlsIdentity,
    failure: Failure,
    attempts: u32,
) -> anyhow::Error {
    let url = redact_url(&req.url);
    let tries = if attempts > 1 {
        format!(" (after {attempts} tries)")
    } else {
        String::new()
    };
    let err = match failure {
        Failure::Source(e) => {
            // The body's own error (a download that stalled, a file that
            // could not be read) already says what failed and how to fix it.
            return e.context(format!(
                "{} {url}: the request body failed{tries}",
                req.method
            ));
        }
        Failure::TimedOut(stall) => {
            return hinted(
                format!(
                    "{} {url}: timed out after {}s{tries}: {}",
                    req.method,
                    req.timeout.as_secs_f64(),
                    stall.doing()
                ),
                TIMEOUT_HINT,
            )
            .context(Unanswered);
        }
        Failure::Transport(e) => e,
    };
    let (what, hint) = if let Some(failure) = tls_failure(&err) {
        let (what, hint) = tls_advice(failure, tls);
        // The handshake comes before the request: nothing was sent.
        return hinted(
            format!(
                "{} {url}: {what}{tries}: {}",
                req.method,
                describe_reqwest(&err)
            ),
            hint,
        );
    } else if err.is_timeout() {
        (
            format!("timed out after {}s", req.timeout.as_secs_f64()),
            TIMEOUT_HINT.to_string(),
        )
    } else if err.is_connect() {
        let message = format!(
            "{} {url}: could not connect{tries}: {}",
            req.method,
            describe_reqwest(&err)
        );
        return anyhow::Error::new(super::errors::Unreachable(message)).context(
            crate::error::Advice(
                "check that the endpoint is reachable from here (VPN, proxy, firewall)",
            ),
        );
    } else if err.is_body() || err.is_decode() {
        (
            "the response body was cut off".to_string(),
            "the service or a proxy closed the connection early; try again".to_string(),
        )
    } else {
        (
            "request failed".to_string(),
            "run with -v to see each request".to_string(),
        )
    };
    let source = describe_reqwest(&err);
    // The request may have been sent before the connection failed.
    hinted(
        format!("{} {url}: {what}{tries}: {source}", req.method),
        hint,
    )
    .context(Unanswered)
}

const TIMEOUT_HINT: &str =
    "raise --timeout (or `api_timeout` in clouds.yaml) if the service is just slow";

/// reqwest's message and its causes, deduplicated, on one line.
fn describe_reqwest(err: &reqwest::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur: Option<&dyn std::error::Error> = Some(err);
    while let Some(e) = cur {
        let text = e.to_string();
        let text = text.replace(
            &format!(" for url ({})", err.url().map(|u| u.as_str()).unwrap_or("")),
            "",
        );
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        cur = e.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_failures_are_read_from_rustls_messages() {
        let server = "error sending request: client error (Connect): invalid peer certificate: UnknownIssuer";
        assert_eq!(classify_tls(server), Some(TlsFailure::ServerCertificate));
        for alert in [
            "CertificateRequired",
            "BadCertificate",
            "UnknownCA",
            "CertificateUnknown",
        ] {
            let chain = format!("client error (Connect): received fatal alert: {alert}");
            assert_eq!(
                classify_tls(&chain),
                Some(TlsFailure::ClientCertificate),
                "{alert}"
            );
        }
        assert_eq!(
            classify_tls("received fatal alert: ProtocolVersion"),
            Some(TlsFailure::Handshake)
        );
        assert_eq!(
            classify_tls("tcp connect error: Connection refused (os error 111)"),
            None
        );
    }

    #[test]
    fn tls_hints_name_the_setting_to_change() {
        let plain = TlsIdentity {
            verify: true,
            ..TlsIdentity::default()
        };
        let (what, hint) = tls_advice(TlsFailure::ServerCertificate, &plain);
        assert_eq!(what, "the server's certificate could not be verified");
        assert!(
            hint.contains("set `cacert`") && hint.contains("`verify: false`"),
            "{hint}"
        );
        let with_ca = TlsIdentity {
            cacert: Some(PathBuf::from("/etc/ca.pem")),
            ..plain.clone()
        };
        let (_, hint) = tls_advice(TlsFailure::ServerCertificate, &with_ca);
        assert!(
            hint.starts_with("`cacert` (/etc/ca.pem) does not hold"),
            "{hint}"
        );
        let (_, hint) = tls_advice(TlsFailure::ClientCertificate, &plain);
        assert!(hint.contains("set `cert` and `key`"), "{hint}");
        let (what, hint) = tls_advice(TlsFailure::Handshake, &plain);
        assert_eq!(what, "the TLS handshake failed");
        assert!(hint.contains("`cert` and `key`"), "{hint}");
    }
}
