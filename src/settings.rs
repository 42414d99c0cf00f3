//! The global flags resolved once into settings (as uv does): the sites
//! selected, timeouts, output, the token cache and verbosity. A command's
//! own flags are its family's clap `Args`, which it takes as they are.

use crate::cli::GlobalArgs;
use crate::config::Secret;
use crate::context::Selection;
use crate::error::hinted;
use crate::fanout::{Budget, DEFAULT_SITE_TIMEOUT};
use crate::render::RenderOptions;
use std::time::Duration;

/// What a run needs to know from its global flags and environment.
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) selection: Selection,
    /// How many sites work at once: what the open-files budget holds,
    /// capped by `--concurrency`.
    pub(crate) concurrency: usize,
    /// `--site-timeout`, else four times `--timeout`, else the default.
    pub(crate) site_timeout: Duration,
    pub(crate) passcode: Option<Secret>,
    /// Reuse and keep tokens and version discovery between runs.
    pub(crate) token_cache: bool,
    pub(crate) verbose: u8,
    pub(crate) quiet: bool,
    pub(crate) render: RenderOptions,
}

impl Settings {
    /// Checks and resolves the global flags, before anything is read or
    /// sent; `budget` is what the run may open.
    pub(crate) fn resolve(g: &GlobalArgs, budget: Budget) -> anyhow::Result<Settings> {
        let selection = selection(g)?;
        let site_timeout = match seconds("--site-timeout", g.site_timeout)? {
            Some(t) => t,
            None => selection
                .timeout
                .map_or(DEFAULT_SITE_TIMEOUT, |t| (t * 4).min(MAX_SECONDS)),
        };
        Ok(Settings {
            selection,
            concurrency: budget.concurrency(g.concurrency.map(usize::from)),
            site_timeout,
            passcode: g.os_passcode.clone().map(Secret::new),
            token_cache: !g.no_token_cache,
            verbose: g.verbose,
            quiet: g.quiet,
            render: RenderOptions {
                format: g.format,
                columns: g.columns.clone(),
                sort_columns: g.sort_columns.clone(),
            },
        })
    }
}

/// The longest duration a flag takes: a day.
const MAX_SECONDS: Duration = Duration::from_secs(86_400);

/// A duration flag, checked: more than 0 and at most a day.
fn seconds(flag: &str, value: Option<f64>) -> anyhow::Result<Option<Duration>> {
    match value {
        Some(t) if t.is_finite() && t > 0.0 && t <= MAX_SECONDS.as_secs_f64() => {
            Ok(Some(Duration::from_secs_f64(t)))
        }
        Some(t) => Err(hinted(
            format!("{flag} {t}: must be a number of seconds above 0 and at most 86400 (a day)"),
            format!("e.g. {flag} 60"),
        )),
        None => Ok(None),
    }
}

/// `--os-interface`, as keystoneauth reads it (`publicURL` is `public`).
fn interface(value: &str) -> anyhow::Result<String> {
    let short = value.strip_suffix("URL").unwrap_or(value);
    match short {
        "public" | "internal" | "admin" => Ok(short.to_string()),
        _ => Err(hinted(
            format!("--os-interface {value}: must be public, internal or admin"),
            "check --os-interface and $OS_INTERFACE",
        )),
    }
}

/// The selection flags (`OS_REGION_NAME` comes with the configuration:
/// see [`Selection::or_regions`]).
fn selection(g: &GlobalArgs) -> anyhow::Result<Selection> {
    let regions: Vec<String> = g
        .os_region_name
        .iter()
        .filter(|r| !r.is_empty())
        .cloned()
        .collect();
    let timeout = seconds("--timeout", g.timeout)?;
    Ok(Selection {
        clouds: g
            .os_cloud
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect(),
        regions,
        patterns: g.sites.iter().filter(|p| !p.is_empty()).cloned().collect(),
        interface: g.os_interface.as_deref().map(interface).transpose()?,
        timeout,
    })
}
