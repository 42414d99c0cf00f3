//! Connection pools: the reqwest clients requests go through.

use anyhow::Context;
use std::time::Duration;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A client that uses `tls` (see `tls.rs`). No whole-request timeout:
/// clients are shared by sites whose timeouts differ, and a streamed image
/// may take far longer than any one read; `send` times each wait instead.
pub(super) fn build_client(tls: &rustls::ClientConfig) -> anyhow::Result<reqwest::Client> {
    reqwest::Client::builder()
        .user_agent(super::USER_AGENT)
        .connect_timeout(CONNECT_TIMEOUT)
        .tls_backend_preconfigured(tls.clone())
        .build()
        .context("building the HTTP client")
}
