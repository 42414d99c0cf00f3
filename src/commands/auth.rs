//! `osprey auth status` and `osprey auth logout`: the token cache per site
//! and per cloud. Neither logs in anywhere.

use super::Report;
use crate::api::SiteId;
use crate::auth::NoCachedToken;
use crate::auth::cache::Cache;
use crate::auth::cache::token::{State, left};
use crate::auth::keystone::format_rfc3339;
use crate::context::{Estate, Site};
use crate::error::hinted;
use crate::render::Rows;
use crate::render::plural;
use anyhow::Context;
use serde::Serialize;

/// `osprey auth`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Show each selected site's cached token: user, scope and time left
    /// (never the token). Logs in nowhere.
    #[command(long_about = help!("auth-status"))]
    Status,
    /// Remove the cached tokens of the selected clouds. Tokens are not
    /// revoked: Keystone still accepts them until they expire.
    #[command(long_about = help!("auth-logout"))]
    Logout {
        /// Remove every cached token and version document, of every cloud.
        #[arg(long)]
        all: bool,
    },
}

impl crate::commands::Family for Command {
    fn columns(&self) -> crate::render::Known {
        use crate::render::{Known, columns::of};
        match self {
            Command::Status => Known::rows(of::<StatusRow>()),
            Command::Logout { .. } => Known::rows(of::<LogoutRow>()),
        }
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::Status => status(estate).await,
            Command::Logout { all } => logout(estate, *all),
        }
    }
}

/// One site's cached token: the row of `osprey auth status`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct StatusRow {
    cloud: String,
    region: String,
    /// `valid`, `expired`, `credentials changed` or `none`.
    token: String,
    user: String,
    scope: String,
    expires_at: String,
    left: String,
    auth_url: String,
}

/// One cloud's logout: the row of `osprey auth logout`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct LogoutRow {
    cloud: String,
    auth_url: String,
    removed: bool,
}

/// Every selected site with what the cache holds for its login. Sites come
/// from the cache too: a cloud without `regions:` and without a cached
/// token is one row, `cloud/*`.
pub(crate) async fn status(estate: &Estate<'_>) -> anyhow::Result<Report> {
    enabled(estate)?
        .check()
        .context("cannot read the token cache")?;
    let mut report = Report::default();
    let mut rows = Vec::new();
    for site in estate.sites().await? {
        match site {
            Site::Ready(client) => {
                let session = client.session();
                let mut row = row(&client.id, "none");
                row.auth_url = session.auth_url().to_string();
                if let Some(status) = session.cache_status() {
                    let t = &status.token;
                    row.token = status.state.name().to_string();
                    row.user = t
                        .user_name
                        .clone()
                        .or(t.user_id.clone())
                        .unwrap_or_default();
                    row.scope = t.scope();
                    row.expires_at = t.expires_at.map(format_rfc3339).unwrap_or_default();
                    if status.state == State::Valid {
                        row.left = left(t.expires_at);
                    }
                }
                rows.push(row);
            }
            Site::Failed(id, e) if e.downcast_ref::<NoCachedToken>().is_some() => {
                rows.push(row(&id, "none"));
            }
            Site::Failed(id, e) => {
                rows.push(row(&id, "unknown"));
                report.failures.push((id, e));
            }
        }
    }
    report.rows = Rows::typed(rows);
    Ok(report)
}

fn row(id: &SiteId, token: &str) -> StatusRow {
    StatusRow {
        cloud: id.cloud.clone(),
        region: id.region.clone(),
        token: token.to_string(),
        ..StatusRow::default()
    }
}

/// Removes the cached tokens of the selected clouds, or with `all` the
/// whole cache (tokens and version discovery of every cloud).
pub(crate) fn logout(estate: &Estate<'_>, all: bool) -> anyhow::Result<Report> {
    let cache = enabled(estate)?;
    // Nothing is removed from directories that may hold others' files.
    cache.check().context("cannot clear the token cache")?;
    let mut report = Report::default();
    if all {
        let tokens = cache.clear_tokens();
        let documents = cache.clear_discovered();
        report.notes.push(format!(
            "removed {tokens} cached token{} and {documents} cached version document{} from {}",
            plural(tokens),
            plural(documents),
            cache.root().display()
        ));
        return Ok(report);
    }
    let mut rows = Vec::new();
    for (cloud, logins) in estate.logins()? {
        match logins {
            Ok(sessions) => {
                let mut row = LogoutRow {
                    cloud: cloud.clone(),
                    ..LogoutRow::default()
                };
                for session in sessions {
                    row.auth_url = session.auth_url().to_string();
                    row.removed |= session.forget();
                }
                rows.push(row);
            }
            Err(e) => {
                report.failures.push((SiteId::new(cloud, ""), e));
            }
        }
    }
    report.rows = Rows::typed(rows);
    Ok(report)
}

fn enabled<'a>(estate: &'a Estate<'_>) -> anyhow::Result<&'a Cache> {
    estate.auth.cache().ok_or_else(|| {
        hinted(
            "the token cache is off (--no-token-cache or OSPREY_NO_TOKEN_CACHE)",
            "run without --no-token-cache, and unset OSPREY_NO_TOKEN_CACHE",
        )
    })
}
