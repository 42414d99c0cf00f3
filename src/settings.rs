//! Flags resolved once into settings: the only module that reads `cli`
//! (besides the dispatch), so commands never see clap.

use crate::api::Service;
use crate::cli::FlavorCommand;
use crate::cli::SecgroupCommand;
use crate::cli::{
    AuthCommand, Cli, Command, ConfigCommand, GlobalArgs, KeypairCommand, QuotaCommand, ServiceArg,
    StrategyArg,
};
use crate::cli::{IpCommand, IpKindArg};
use crate::commands::flavor;
use crate::commands::ip;
use crate::commands::keypair;
use crate::commands::quota::balance::Strategy;
use crate::commands::quota::{BalanceArgs, CheckArgs, ShowArgs};
use crate::commands::secgroup;
use crate::commands::sites::SitesArgs;
use crate::commands::sync::EndsArgs;
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
pub struct Settings {
    pub global: Global,
    pub command: CommandSettings,
}

/// The global flags.
#[derive(Debug)]
pub struct Global {
    pub selection: Selection,
    pub concurrency: usize,
    /// `--site-timeout`, else four times `--timeout`, else the default.
    pub site_timeout: Duration,
    pub passcode: Option<Secret>,
    /// Reuse and keep tokens and version discovery between runs.
    pub token_cache: bool,
    pub verbose: u8,
    pub quiet: bool,
    pub render: RenderOptions,
}

/// The command to run, with its settings.
#[derive(Debug)]
pub enum CommandSettings {
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
    pub fn from_cli(cli: &Cli) -> anyhow::Result<Settings> {
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
        Command::Secgroup(SecgroupCommand::List(a)) => {
            CommandSettings::SecgroupList(secgroup::ListArgs {
                name: a.name.clone(),
                exit_code: a.exit_code,
            })
        }
        Command::Secgroup(SecgroupCommand::Diff(a)) => {
            CommandSettings::SecgroupDiff(secgroup::DiffArgs {
                name: a.name.clone(),
                ends: ends(&a.ends),
                exit_code: a.exit_code,
            })
        }
        Command::Secgroup(SecgroupCommand::Sync(a)) => {
            CommandSettings::SecgroupSync(secgroup::SyncArgs {
                names: a.names.clone(),
                ends: ends(&a.ends),
                prune: a.prune,
                plan: plan_options(&a.plan),
            })
        }
        Command::Ip(c) => ip_command(c),
        Command::Flavor(FlavorCommand::List(a)) => CommandSettings::FlavorList(flavor::ListArgs {
            name: a.name.clone(),
            exit_code: a.exit_code,
        }),
        Command::Flavor(FlavorCommand::Sync(a)) => CommandSettings::FlavorSync(flavor::SyncArgs {
            names: a.names.clone(),
            replace: a.replace,
            ends: ends(&a.ends),
            plan: plan_options(&a.plan),
        }),
    }
}

fn ip_command(c: &IpCommand) -> CommandSettings {
    match c {
        IpCommand::List {
            version,
            kind,
            all_projects,
        } => CommandSettings::IpList(ip::ListArgs {
            version: version.as_deref().and_then(|v| v.parse().ok()),
            kind: kind.map(|k| match k {
                IpKindArg::Subnet => ip::inventory::Kind::Subnet,
                IpKindArg::Fixed => ip::inventory::Kind::Fixed,
                IpKindArg::Floating => ip::inventory::Kind::Floating,
                IpKindArg::Gateway => ip::inventory::Kind::Gateway,
            }),
            all_projects: *all_projects,
        }),
        IpCommand::Scan {
            all_projects,
            ignore,
            routed,
        } => CommandSettings::IpScan(ip::ScanArgs {
            all_projects: *all_projects,
            ignore: ignore.iter().map(|n| n.trunc()).collect(),
            routed: routed.clone(),
        }),
        IpCommand::Find {
            query,
            all_projects,
        } => CommandSettings::IpFind(ip::FindArgs {
            query: query.clone(),
            all_projects: *all_projects,
        }),
        IpCommand::Free {
            prefix_length,
            within,
            count,
            all_projects,
        } => CommandSettings::IpFree(ip::FreeArgs {
            prefix_length: *prefix_length,
            within: *within,
            count: usize::from(*count),
            all_projects: *all_projects,
        }),
    }
}

fn keypair_command(k: &KeypairCommand) -> CommandSettings {
    match k {
        KeypairCommand::List { name, exit_code } => {
            CommandSettings::KeypairList(keypair::ListArgs {
                name: name.clone(),
                exit_code: *exit_code,
            })
        }
        KeypairCommand::Sync {
            names,
            replace,
            ends: e,
            plan,
        } => CommandSettings::KeypairSync(keypair::SyncArgs {
            names: names.clone(),
            replace: *replace,
            ends: ends(e),
            plan: plan_options(plan),
        }),
        KeypairCommand::Import {
            name,
            public_key,
            to,
            replace,
            plan,
        } => CommandSettings::KeypairImport(keypair::ImportArgs {
            name: name.clone(),
            public_key: public_key.clone(),
            to: to.clone(),
            replace: *replace,
            plan: plan_options(plan),
        }),
        KeypairCommand::Delete { names, plan } => {
            CommandSettings::KeypairDelete(keypair::DeleteArgs {
                names: names.clone(),
                plan: plan_options(plan),
            })
        }
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

/// `--from` and `--to`.
fn ends(a: &EndsArgs) -> EndsArgs {
    a.clone()
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
