//! `osprey config show`: every configured cloud and region, as openstacksdk resolves it.

use super::Report;
use crate::config::Config;
use crate::render::Rows;

/// The columns of `config show`, in order; rows omit keys that are not set.
pub const COLUMNS: &[&str] = &[
    "cloud",
    "region",
    "auth_type",
    "auth_url",
    "username",
    "user_id",
    "user_domain_name",
    "user_domain_id",
    "project_name",
    "project_id",
    "project_domain_name",
    "project_domain_id",
    "domain_name",
    "domain_id",
    "application_credential_id",
    "application_credential_name",
    "system_scope",
    "interface",
    "verify",
    "cacert",
    "cert",
    "password",
    "application_credential_secret",
    "token",
];

pub fn show(config: &Config, unmask: bool) -> anyhow::Result<Report> {
    crate::config::select::ensure_clouds(config)?;
    let mut rows = Rows::new(COLUMNS);
    rows.rows = config.show_rows(unmask);
    Ok(Report {
        rows,
        ..Report::default()
    })
}
