//! Transport: what makes sites share TLS settings, and what a failed attempt
//! means for the user (TLS advice, timeouts, refused connections, cut bodies,
//! local resources that ran out, host names that do not resolve).

use super::Request;
use super::errors::Unanswered;
use crate::error::{add_hint, hinted, redact_url};
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

    /// What of this machine or its resolver stopped the connection, if
    /// that is what failed.
    pub(super) fn connect_cause(&self) -> Option<ConnectCause> {
        match self {
            Failure::Transport(e) => connect_cause(e),
            _ => None,
        }
    }

    /// The failure as the `-v` trace shows it.
    pub(super) fn trace_text(&self, timeout: Duration) -> String {
        match self {
            // The causes too: reqwest's own message only names the URL.
            Failure::Transport(e) => describe_reqwest(e),
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

/// A connection that could not be made for a reason of this machine or of
/// the name lookup rather than of the path to the endpoint: each has its
/// own remedy, and none is the VPN, proxy or firewall a refused connection
/// points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ConnectCause {
    /// EMFILE: osprey holds as many files and sockets as it may open.
    OpenFiles,
    /// ENFILE: the system's table of open files is full.
    SystemFiles,
    /// EADDRNOTAVAIL on connect: no local (ephemeral) port was free.
    LocalPorts,
    /// The host name does not resolve: no such name, or no address for it.
    UnknownHost,
    /// The resolver could not answer for now (EAI_AGAIN).
    ResolverFailed,
}

impl ConnectCause {
    /// Whether sending again after a backoff may succeed. Only a resolver
    /// that failed for now may answer next time. A name that does not
    /// exist will not exist in a second either, and an exhausted resource
    /// is held by osprey's own other connections (or by other programs):
    /// with hundreds of sites at once, every retry asks for another file
    /// or port while the others still hold theirs, so retries keep the
    /// table full and only put off the error that names the remedy.
    pub(super) fn may_pass(self) -> bool {
        matches!(self, ConnectCause::ResolverFailed)
    }

    /// Whether the endpoint's host name is what failed: another endpoint
    /// (a fresh catalog's) may do better, as for a refused connection.
    fn about_endpoint(self) -> bool {
        matches!(
            self,
            ConnectCause::UnknownHost | ConnectCause::ResolverFailed
        )
    }
}

/// What stopped a connection behind `err`, read from its cause chain:
/// the OS error of an exhausted resource, or a failed name lookup.
/// reqwest and hyper-util keep their error types private, but the
/// `std::io::Error` below them can be reached through `source()`.
fn connect_cause(err: &(dyn std::error::Error + 'static)) -> Option<ConnectCause> {
    let mut lookup = false;
    let mut temporary = false;
    let mut cur = Some(err);
    while let Some(e) = cur {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            // Looking a name up opens files and sockets too, so an
            // exhausted resource is named even when the lookup failed.
            if let Some(cause) = exhausted(io) {
                return Some(cause);
            }
            temporary |= lookup_failed_for_now(&io.to_string());
        }
        // hyper-util's `ConnectError` ("dns error") and reqwest's `DnsError`
        // are private: their messages are all that says the lookup failed.
        let text = e.to_string();
        lookup |= text == "dns error" || text == "error resolving DNS";
        cur = e.source();
    }
    lookup.then_some(if temporary {
        ConnectCause::ResolverFailed
    } else {
        ConnectCause::UnknownHost
    })
}

/// The exhausted resource an OS error names, if any.
fn exhausted(err: &std::io::Error) -> Option<ConnectCause> {
    if err.kind() == std::io::ErrorKind::AddrNotAvailable {
        return Some(ConnectCause::LocalPorts);
    }
    #[cfg(unix)]
    match err.raw_os_error() {
        Some(libc::EMFILE) => return Some(ConnectCause::OpenFiles),
        Some(libc::ENFILE) => return Some(ConnectCause::SystemFiles),
        _ => {}
    }
    None
}

/// Whether a lookup error's text is the resolver's "try again" (EAI_AGAIN).
/// The standard library reports `getaddrinfo` failures as an I/O error of
/// no particular kind whose text holds the C library's `gai_strerror`, so
/// this compares with that library's own text rather than with one
/// library's wording.
fn lookup_failed_for_now(text: &str) -> bool {
    #[cfg(unix)]
    {
        let again = gai_text(libc::EAI_AGAIN);
        !again.is_empty() && text.contains(&again)
    }
    #[cfg(not(unix))]
    {
        let _ = text;
        false
    }
}

/// The C library's text for a `getaddrinfo` error code.
#[cfg(unix)]
fn gai_text(code: libc::c_int) -> String {
    // SAFETY: gai_strerror returns a pointer to a static NUL-terminated
    // string (or null), which is only read here.
    let text = unsafe { libc::gai_strerror(code) };
    if text.is_null() {
        return String::new();
    }
    // SAFETY: not null, and NUL-terminated as above.
    unsafe { std::ffi::CStr::from_ptr(text) }
        .to_string_lossy()
        .into_owned()
}

/// The soft limit of open files of this process, and the hard limit up
/// to which it may be raised when that is higher (and not unlimited).
#[cfg(unix)]
fn open_files_limit() -> Option<(String, Option<String>)> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct it is given.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0
        || limit.rlim_cur == libc::RLIM_INFINITY
    {
        return None;
    }
    let higher = (limit.rlim_max > limit.rlim_cur && limit.rlim_max != libc::RLIM_INFINITY)
        .then(|| limit.rlim_max.to_string());
    Some((limit.rlim_cur.to_string(), higher))
}

#[cfg(not(unix))]
fn open_files_limit() -> Option<(String, Option<String>)> {
    None
}

/// What failed and the hint for a connection `cause` stopped; `host` is
/// the URL's host name.
fn connect_advice(cause: ConnectCause, host: &str) -> (String, String) {
    match cause {
        ConnectCause::OpenFiles => {
            let (limit, up_to) = match open_files_limit() {
                Some((soft, Some(hard))) => {
                    (format!(" (limit {soft})"), format!(" (up to {hard})"))
                }
                Some((soft, None)) => (format!(" (limit {soft})"), String::new()),
                None => (String::new(), String::new()),
            };
            (
                "too many open files".to_string(),
                format!(
                    "osprey ran out of open files{limit}: raise `ulimit -n`{up_to}, or lower \
                     --concurrency"
                ),
            )
        }
        ConnectCause::SystemFiles => (
            "the system is out of open files".to_string(),
            "the system's table of open files is full: raise `fs.file-max` (sysctl), stop \
             what holds files open, or lower --concurrency"
                .to_string(),
        ),
        ConnectCause::LocalPorts => (
            "out of local ports".to_string(),
            "no local port was free for a new connection: lower --concurrency, or widen \
             `net.ipv4.ip_local_port_range` (sysctl)"
                .to_string(),
        ),
        ConnectCause::UnknownHost => (
            format!("host {host} does not resolve"),
            format!(
                "the host name {host} does not resolve here: check the endpoint (`auth_url` \
                 in clouds.yaml, or the catalog's endpoint for this service) and this \
                 machine's resolver"
            ),
        ),
        ConnectCause::ResolverFailed => (
            format!("could not resolve host {host}"),
            format!(
                "the resolver did not answer for {host}: check this machine's resolver \
                 (/etc/resolv.conf) and its network, then try again"
            ),
        ),
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
    } else if let Some(cause) = connect_cause(&err) {
        let host = url::Url::parse(&req.url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let (what, hint) = connect_advice(cause, &host);
        let message = format!(
            "{} {url}: {what}{tries}: {}",
            req.method,
            describe_reqwest(&err)
        );
        // No connection was made, so nothing was sent. Only a host name
        // that failed is the endpoint's: an exhausted resource is this
        // machine's, and no other endpoint would do better.
        return if cause.about_endpoint() {
            unreachable(message, hint)
        } else {
            hinted(message, hint)
        };
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
        return unreachable(
            message,
            "check that the endpoint is reachable from here (VPN, proxy, firewall)".to_string(),
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

/// An error for a request that never reached its endpoint, with `hint`:
/// an [`Unreachable`](super::errors::Unreachable) under a hint layer, so
/// the hint shows however the error is wrapped later (a login's failure
/// is shared by its sites behind a type of its own).
fn unreachable(message: String, hint: String) -> anyhow::Error {
    add_hint(
        anyhow::Error::new(super::errors::Unreachable(message)),
        hint,
    )
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

    /// One layer of a cause chain, as reqwest and hyper-util build them.
    #[derive(Debug)]
    struct Layer(&'static str, Box<dyn std::error::Error + Send + Sync>);

    impl std::fmt::Display for Layer {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Layer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&*self.1)
        }
    }

    /// `cause` under the layers reqwest puts above a failed connection.
    fn connecting(step: &'static str, cause: std::io::Error) -> Layer {
        Layer(
            "error sending request",
            Box::new(Layer(
                "client error (Connect)",
                Box::new(Layer(step, Box::new(cause))),
            )),
        )
    }

    /// A failed lookup as hyper-util's resolver reports it, with `io` as
    /// the standard library's error.
    fn lookup(io: std::io::Error) -> Layer {
        let resolving = Layer("error resolving DNS", Box::new(io));
        Layer(
            "error sending request",
            Box::new(Layer(
                "client error (Connect)",
                Box::new(Layer("dns error", Box::new(resolving))),
            )),
        )
    }

    /// The standard library's error for a `getaddrinfo` code.
    #[cfg(unix)]
    fn gai_error(code: libc::c_int) -> std::io::Error {
        std::io::Error::other(format!(
            "failed to lookup address information: {}",
            gai_text(code)
        ))
    }

    #[cfg(unix)]
    #[test]
    fn exhausted_resources_are_read_from_the_os_error() {
        use std::io::Error;
        let open = connecting("tcp open error", Error::from_raw_os_error(libc::EMFILE));
        assert_eq!(connect_cause(&open), Some(ConnectCause::OpenFiles));
        let system = connecting("tcp open error", Error::from_raw_os_error(libc::ENFILE));
        assert_eq!(connect_cause(&system), Some(ConnectCause::SystemFiles));
        let ports = connecting(
            "tcp connect error",
            Error::from_raw_os_error(libc::EADDRNOTAVAIL),
        );
        assert_eq!(connect_cause(&ports), Some(ConnectCause::LocalPorts));
        // A lookup that could not open /etc/hosts or a socket (EAI_SYSTEM).
        let lookup_open = lookup(Error::from_raw_os_error(libc::EMFILE));
        assert_eq!(connect_cause(&lookup_open), Some(ConnectCause::OpenFiles));
        // What the endpoint's side does is none of these.
        for errno in [libc::ECONNREFUSED, libc::EHOSTUNREACH, libc::ENETUNREACH] {
            let other = connecting("tcp connect error", Error::from_raw_os_error(errno));
            assert_eq!(connect_cause(&other), None, "{other}");
        }
        // Only the error's code counts, not a text that looks like one.
        let text = connecting("tcp open error", Error::other("Too many open files"));
        assert_eq!(connect_cause(&text), None);
    }

    #[cfg(unix)]
    #[test]
    fn failed_lookups_are_told_from_a_resolver_that_may_answer_later() {
        let unknown = lookup(gai_error(libc::EAI_NONAME));
        assert_eq!(connect_cause(&unknown), Some(ConnectCause::UnknownHost));
        let again = lookup(gai_error(libc::EAI_AGAIN));
        assert_eq!(connect_cause(&again), Some(ConnectCause::ResolverFailed));
        // The resolver's text without the lookup's layers is not a lookup.
        assert_eq!(connect_cause(&gai_error(libc::EAI_NONAME)), None);
        // The standard library's own error for a name that never resolves
        // (RFC 6761); a machine without a resolver says to try again.
        use std::net::ToSocketAddrs;
        let real = ("osprey-test.invalid", 0)
            .to_socket_addrs()
            .expect_err(".invalid never resolves");
        let cause = connect_cause(&lookup(real));
        assert!(
            matches!(
                cause,
                Some(ConnectCause::UnknownHost | ConnectCause::ResolverFailed)
            ),
            "{cause:?}"
        );
    }

    #[test]
    fn only_a_resolver_that_failed_for_now_is_tried_again() {
        for (cause, passes) in [
            (ConnectCause::OpenFiles, false),
            (ConnectCause::SystemFiles, false),
            (ConnectCause::LocalPorts, false),
            (ConnectCause::UnknownHost, false),
            (ConnectCause::ResolverFailed, true),
        ] {
            assert_eq!(cause.may_pass(), passes, "{cause:?}");
            let endpoint = matches!(
                cause,
                ConnectCause::UnknownHost | ConnectCause::ResolverFailed
            );
            assert_eq!(cause.about_endpoint(), endpoint, "{cause:?}");
        }
    }

    #[test]
    fn connect_hints_name_the_remedy_and_never_the_vpn() {
        let (what, hint) = connect_advice(ConnectCause::OpenFiles, "h");
        assert_eq!(what, "too many open files");
        assert!(
            hint.starts_with("osprey ran out of open files")
                && hint.contains("raise `ulimit -n`")
                && hint.ends_with("or lower --concurrency"),
            "{hint}"
        );
        #[cfg(unix)]
        {
            let (soft, _) = open_files_limit().expect("a finite limit of open files");
            assert!(hint.contains(&format!("(limit {soft})")), "{hint}");
        }
        let (_, hint) = connect_advice(ConnectCause::SystemFiles, "h");
        assert!(hint.contains("`fs.file-max`"), "{hint}");
        let (what, hint) = connect_advice(ConnectCause::LocalPorts, "h");
        assert_eq!(what, "out of local ports");
        assert!(
            hint.contains("--concurrency") && hint.contains("`net.ipv4.ip_local_port_range`"),
            "{hint}"
        );
        let (what, hint) = connect_advice(ConnectCause::UnknownHost, "keystone.example");
        assert_eq!(what, "host keystone.example does not resolve");
        assert!(
            hint.contains("keystone.example does not resolve here") && hint.contains("`auth_url`"),
            "{hint}"
        );
        let (what, _) = connect_advice(ConnectCause::ResolverFailed, "keystone.example");
        assert_eq!(what, "could not resolve host keystone.example");
        for cause in [
            ConnectCause::OpenFiles,
            ConnectCause::SystemFiles,
            ConnectCause::LocalPorts,
            ConnectCause::UnknownHost,
            ConnectCause::ResolverFailed,
        ] {
            let (what, hint) = connect_advice(cause, "h");
            assert!(
                !hint.contains("VPN") && !what.ends_with('.'),
                "{cause:?}: {hint}"
            );
        }
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
