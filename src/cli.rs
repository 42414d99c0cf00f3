//! Command-line flags (clap derive only: no logic lives here).

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands::{flavor, ip, keypair, secgroup};
use crate::plan::PlanArgs;

pub use crate::render::Format;

/// One view and one set of safe operations across every OpenStack region
/// and cloud in your clouds.yaml.
#[derive(Debug, Parser)]
#[command(name = "osprey", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten, next_help_heading = "Global options")]
    pub(crate) global: GlobalArgs,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// Cloud(s) from clouds.yaml to act on (repeatable, comma lists).
    ///
    /// Default: the clouds matched by --sites, else $OS_CLOUD, else the only
    /// cloud configured.
    #[arg(
        long = "os-cloud",
        value_delimiter = ',',
        global = true,
        value_name = "NAME"
    )]
    pub(crate) os_cloud: Vec<String>,

    /// Region(s) to act on within the selected clouds (repeatable, comma lists).
    ///
    /// Default: $OS_REGION_NAME unless --sites is given, else every region of
    /// each cloud (its `regions:` list, else its Keystone catalog).
    #[arg(
        long = "os-region-name",
        value_delimiter = ',',
        global = true,
        value_name = "NAME"
    )]
    pub(crate) os_region_name: Vec<String>,

    /// Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`.
    ///
    /// Default: the sites selected by --os-cloud and --os-region-name.
    #[arg(long, value_delimiter = ',', global = true, value_name = "PATTERN")]
    pub(crate) sites: Vec<String>,

    /// Endpoint interface to use from the catalog: public, internal or admin.
    ///
    /// Default: each cloud's `interface` setting, else public.
    #[arg(
        long = "os-interface",
        env = "OS_INTERFACE",
        global = true,
        value_name = "INTERFACE"
    )]
    pub(crate) os_interface: Option<String>,

    /// One-time passcode for totp and multi-factor authentication.
    ///
    /// Default: $OS_PASSCODE, else a prompt on a terminal.
    #[arg(
        long = "os-passcode",
        env = "OS_PASSCODE",
        global = true,
        value_name = "CODE",
        hide_env_values = true
    )]
    pub(crate) os_passcode: Option<String>,

    /// Seconds to wait for each step of an HTTP request: the connection, the
    /// answer's headers, and each piece of its body.
    ///
    /// A request that failed is tried again (4 tries in all, waiting at most
    /// 5 s between tries, a `Retry-After` included) only while the site's
    /// deadline (--site-timeout) allows. Default: each cloud's
    /// `api_timeout`, else 30.
    #[arg(long, global = true, value_name = "SECONDS")]
    pub(crate) timeout: Option<f64>,

    /// Seconds one site may take for its share of the work; a site still
    /// busy then is reported as failed and the others go on.
    ///
    /// Default: four times --timeout (120).
    #[arg(long = "site-timeout", global = true, value_name = "SECONDS")]
    pub(crate) site_timeout: Option<f64>,

    /// Neither reuse nor keep tokens and version discovery between runs.
    ///
    /// Default: tokens are kept in the user cache directory and reused until
    /// 5 minutes before they expire; $OSPREY_NO_TOKEN_CACHE=1 turns this off too.
    #[arg(long = "no-token-cache", env = "OSPREY_NO_TOKEN_CACHE", global = true,
          action = clap::ArgAction::SetTrue,
          value_parser = clap::builder::FalseyValueParser::new())]
    pub(crate) no_token_cache: bool,

    /// How many sites to work on at once.
    #[arg(long, default_value_t = 16, global = true, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) concurrency: u16,

    /// Output format.
    #[arg(short = 'f', long = "format", value_enum, default_value_t = Format::Table,
          global = true)]
    pub(crate) format: Format,

    /// Show only this column (repeatable). Default: all columns.
    #[arg(short = 'c', long = "column", global = true, value_name = "COLUMN")]
    pub(crate) columns: Vec<String>,

    /// Sort rows by this column (repeatable). Default: by cloud and region.
    #[arg(long = "sort-column", global = true, value_name = "COLUMN")]
    pub(crate) sort_columns: Vec<String>,

    /// Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub(crate) verbose: u8,

    /// Print nothing but data and errors (no warnings, no progress).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub(crate) quiet: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Show configuration.
    #[command(subcommand)]
    Config(ConfigCommand),

    /// List the selected sites with their authentication result and endpoints.
    ///
    /// `latency_ms` is the login's time (empty when the token came from the
    /// cache), or with --check the time the version documents took.
    Sites(SitesArgs),

    /// Cached tokens: show them per site, or remove them.
    #[command(subcommand)]
    Auth(AuthCommand),

    /// Quotas across regions: view them, keep global limits by balancing, check.
    #[command(subcommand)]
    Quota(QuotaCommand),

    /// SSH keypairs across regions: compare, clone, import, delete.
    #[command(subcommand)]
    Keypair(keypair::Command),

    /// Flavors across regions (admin): compare them, clone them with extra
    /// specs and access lists.
    #[command(subcommand)]
    Flavor(flavor::Command),

    /// Security groups across regions: compare rule sets, diff one group,
    /// clone groups with their rules.
    #[command(subcommand)]
    Secgroup(secgroup::Command),

    /// Addresses across regions: the inventory, conflicts between sites,
    /// where an address lives, and CIDRs no site uses.
    #[command(subcommand)]
    Ip(ip::Command),

    /// Print a shell completion script to stdout.
    Completions {
        /// The shell to generate for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff) to stdout, or write every page to a folder.
    Man {
        /// Write osprey.1 and one page per subcommand into this folder.
        ///
        /// Default: print osprey.1 to stdout.
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum ConfigCommand {
    /// Show every configured cloud and region as openstacksdk resolves it.
    Show {
        /// Show passwords, tokens and secrets instead of `<masked>`.
        #[arg(long)]
        unmask: bool,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum AuthCommand {
    /// Show each selected site's cached token: user, scope and time left
    /// (never the token). Logs in nowhere.
    Status,
    /// Remove the cached tokens of the selected clouds. Tokens are not
    /// revoked: Keystone still accepts them until they expire.
    Logout {
        /// Remove every cached token and version document, of every cloud.
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Args)]
pub(crate) struct SitesArgs {
    /// Also call each service's version document; exit 2 if any does not answer.
    #[arg(long)]
    pub(crate) check: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum QuotaCommand {
    /// Show limits and usage per site (resources as rows, sites as columns).
    Show(QuotaShowArgs),
    /// Set per-site limits from global limits and live usage.
    Balance(QuotaBalanceArgs),
    /// Exit 1 if a project's usage (or, for --strategy hard, its summed
    /// limits) exceeds a global limit; for cron and CI.
    Check(QuotaCheckArgs),
}

#[derive(Debug, Args)]
pub(crate) struct QuotaShowArgs {
    /// Project name (matched in every Keystone) or id.
    ///
    /// Default: the project of the credentials.
    #[arg(long, value_name = "NAME|ID")]
    pub(crate) project: Option<String>,

    /// Services to read (comma lists). Default: all (image only where Keystone
    /// unified limits are defined).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SERVICE")]
    pub(crate) service: Vec<ServiceArg>,

    /// Global limits file (YAML) to show next to the totals. Default: none.
    #[arg(long, value_name = "FILE")]
    pub(crate) limits: Option<std::path::PathBuf>,

    /// One row per resource with the totals over all sites.
    #[arg(long)]
    pub(crate) total: bool,
}

/// A service whose quotas `--service` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ServiceArg {
    Compute,
    Network,
    Volume,
    Image,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum StrategyArg {
    /// Every site may use the whole headroom (Kingbird's rule); totals may overshoot.
    Soft,
    /// The headroom is split between sites by weight; the sum never exceeds the global limit.
    Hard,
}

#[derive(Debug, Args)]
pub(crate) struct QuotaBalanceArgs {
    /// Global limits file (YAML), e.g. examples/global-limits.yaml.
    #[arg(long, value_name = "FILE")]
    pub(crate) limits: std::path::PathBuf,

    /// How to split the headroom between sites.
    #[arg(long, value_enum, default_value_t = StrategyArg::Hard)]
    pub(crate) strategy: StrategyArg,

    /// Only this project of the file (name or id). Default: every project in it.
    #[arg(long, value_name = "NAME|ID")]
    pub(crate) project: Option<String>,

    /// A project of the limits file that exists at no selected site is a
    /// warning instead of an error (the file also governs other clouds).
    #[arg(long)]
    pub(crate) allow_missing_projects: bool,

    #[command(flatten)]
    pub(crate) plan: PlanArgs,
}

#[derive(Debug, Args)]
pub(crate) struct QuotaCheckArgs {
    /// Global limits file (YAML).
    #[arg(long, value_name = "FILE")]
    pub(crate) limits: std::path::PathBuf,

    /// How the limits are balanced: with hard, summed limits over the global
    /// limit are violations too.
    #[arg(long, value_enum, default_value_t = StrategyArg::Hard)]
    pub(crate) strategy: StrategyArg,

    /// Only this project of the file (name or id). Default: every project in it.
    #[arg(long, value_name = "NAME|ID")]
    pub(crate) project: Option<String>,

    /// A project of the limits file that exists at no selected site is a
    /// warning instead of an error (the file also governs other clouds).
    #[arg(long)]
    pub(crate) allow_missing_projects: bool,
}
