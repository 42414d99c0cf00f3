//! Flags resolved once into settings: the only module that reads `cli`
//! (besides the dispatch), so commands never see clap.

use crate::api::Service;
use crate::cli::{
    AuthCommand, Cli, Command, ConfigCommand, GlobalArgs, QuotaCommand, ServiceArg, StrategyArg,
};
use crate::commands::flavor;
use crate::commands::ip;
use crate::commands::keypair;
use crate::commands::quota::balance::Strategy;
use crate::commands::quota::{BalanceArgs, CheckArgs, ShowArgs};
use crate::commands::secgroup;
use crate::commands::sites::SitesArgs;
use crate::config::Secret;
use crate::error::hinted;
use crate::fanout::DEFAULT_SITE_TIMEOUT;
use crate::fanout::select::Selection;
use crate::plan;
use crate::render::RenderOptions;
use std::path::PathBuf;
use std::time::Duration;

/// Everything a run needs to know from its flags and environment.
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) global: Global,
    pub(crate) command: CommandSettings,
}

/// The global flags.
#[derive(Debug)]
pub(crate) struct Global {
    pub(crate) selection: Selection,
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

/// The command to run, with its settings.
#[derive(Debug)]
pub(crate) enum CommandSettings {
    Completions(clap_complete::Shell),
    Man(Option<PathBuf>),
    ConfigShow { unmask: bool },
    Sites(SitesArgs),
    AuthStatus,
    AuthLogout { all: bool },
    QuotaShow(ShowArgs),
    QuotaBalance(BalanceArgs),
    QuotaCheck(CheckArgs),
    KeypairList(keypair::ListArgs),
    KeypairSync(keypair::SyncArgs),
    KeypairImport(keypair::ImportArgs),
    KeypairDelete(keypair::DeleteArgs),
    FlavorList(flavor::ListArgs),
    FlavorSync(flavor::SyncArgs),
    SecgroupList(secgroup::ListArgs),
    SecgroupDiff(secgroup::DiffArgs),
    SecgroupSync(secgroup::SyncArgs),
    IpList(ip::ListArgs),
    IpScan(ip::ScanArgs),
    IpFind(ip::FindArgs),
    IpFree(ip::FreeArgs),
}

impl Settings {
    pub(crate) fn from_cli(cli: &Cli) -> anyhow::Result<Settings> {
        Ok(Settings {
            global: global(&cli.global)?,
            command: command(&cli.command),
        })
    }
}

fn command(command: &Command) -> CommandSettings {
    match command {
        Command::Completions { shell } => CommandSettings::Completions(*shell),
        Command::Man { dir } => CommandSettings::Man(dir.clone()),
        Command::Config(ConfigCommand::Show { unmask }) => {
            CommandSettings::ConfigShow { unmask: *unmask }
        }
        Command::Sites(a) => CommandSettings::Sites(SitesArgs { check: a.check }),
        Command::Auth(AuthCommand::Status) => CommandSettings::AuthStatus,
        Command::Auth(AuthCommand::Logout { all }) => CommandSettings::AuthLogout { all: *all },
        Command::Quota(QuotaCommand::Show(a)) => CommandSettings::QuotaShow(ShowArgs {
            project: a.project.clone(),
            services: a.service.iter().map(|s| service(*s)).collect(),
            limits: a.limits.clone(),
            total: a.total,
        }),
        Command::Quota(QuotaCommand::Balance(a)) => CommandSettings::QuotaBalance(BalanceArgs {
            global: CheckArgs {
                limits: a.limits.clone(),
                strategy: strategy(a.strategy),
                project: a.project.clone(),
                allow_missing_projects: a.allow_missing_projects,
            },
            plan: plan_options(&a.plan),
        }),
        Command::Quota(QuotaCommand::Check(a)) => CommandSettings::QuotaCheck(CheckArgs {
            limits: a.limits.clone(),
            strategy: strategy(a.strategy),
            project: a.project.clone(),
            allow_missing_projects: a.allow_missing_projects,
        }),
        Command::Keypair(k) => keypair_command(k),
        Command::Secgroup(secgroup::Command::List(a)) => CommandSettings::SecgroupList(a.clone()),
        Command::Secgroup(secgroup::Command::Diff(a)) => CommandSettings::SecgroupDiff(a.clone()),
        Command::Secgroup(secgroup::Command::Sync(a)) => CommandSettings::SecgroupSync(a.clone()),
        Command::Ip(c) => ip_command(c),
        Command::Flavor(flavor::Command::List(a)) => CommandSettings::FlavorList(a.clone()),
        Command::Flavor(flavor::Command::Sync(a)) => CommandSettings::FlavorSync(a.clone()),
    }
}

fn ip_command(c: &ip::Command) -> CommandSettings {
    match c {
        ip::Command::List(a) => CommandSettings::IpList(a.clone()),
        ip::Command::Scan(a) => CommandSettings::IpScan(a.clone()),
        ip::Command::Find(a) => CommandSettings::IpFind(a.clone()),
        ip::Command::Free(a) => CommandSettings::IpFree(a.clone()),
    }
}

fn keypair_command(k: &keypair::Command) -> CommandSettings {
    match k {
        keypair::Command::List(a) => CommandSettings::KeypairList(a.clone()),
        keypair::Command::Sync(a) => CommandSettings::KeypairSync(a.clone()),
        keypair::Command::Import(a) => CommandSettings::KeypairImport(a.clone()),
        keypair::Command::Delete(a) => CommandSettings::KeypairDelete(a.clone()),
    }
}

fn service(arg: ServiceArg) -> Service {
    match arg {
        ServiceArg::Compute => Service::Compute,
        ServiceArg::Network => Service::Network,
        ServiceArg::Volume => Service::Volume,
        ServiceArg::Image => Service::Image,
    }
}

/// `--dry-run`, `--yes` and `--exit-code`.
fn plan_options(a: &plan::PlanArgs) -> plan::Options {
    a.options()
}

fn strategy(arg: StrategyArg) -> Strategy {
    match arg {
        StrategyArg::Soft => Strategy::Soft,
        StrategyArg::Hard => Strategy::Hard,
    }
}

fn global(g: &GlobalArgs) -> anyhow::Result<Global> {
    let selection = selection(g)?;
    let site_timeout = match seconds("--site-timeout", g.site_timeout)? {
        Some(t) => t,
        None => selection
            .timeout
            .map_or(DEFAULT_SITE_TIMEOUT, |t| (t * 4).min(MAX_SECONDS)),
    };
    Ok(Global {
        selection,
        concurrency: usize::from(g.concurrency),
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

/// The selection flags, with `OS_REGION_NAME` as the region default unless
/// `--sites` names sites explicitly.
fn selection(g: &GlobalArgs) -> anyhow::Result<Selection> {
    let mut regions: Vec<String> = g
        .os_region_name
        .iter()
        .filter(|r| !r.is_empty())
        .cloned()
        .collect();
    if regions.is_empty()
        && g.sites.is_empty()
        && let Ok(env) = std::env::var("OS_REGION_NAME")
    {
        regions.extend(env.split(',').filter(|r| !r.is_empty()).map(str::to_string));
    }
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
