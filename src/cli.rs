//! Command-line flags: the global ones, and the command families composed
//! one line each (each family declares its own flags in `commands/<family>/`).
//! Clap derive only: no logic lives here.

use clap::{Args, Parser, Subcommand};

use crate::commands;

pub(crate) use crate::render::Format;

/// The version line: the package version, then the git revision and build
/// date when built from a checkout (`build.rs`), e.g. `0.1.0 (a1b2c3d 2026-12-06)`.
pub(crate) const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), env!("OSPREY_VERSION_SUFFIX"));

/// One view and one set of safe operations across every OpenStack region
/// and cloud in your clouds.yaml.
#[derive(Debug, Parser)]
#[command(name = "osprey", version = VERSION, about, long_about = None,
          after_long_help = help!("osprey"))]
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
        value_name = "NAME",
        add = crate::complete::clouds()
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
        value_name = "NAME",
        add = crate::complete::regions()
    )]
    pub(crate) os_region_name: Vec<String>,

    /// Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`.
    ///
    /// Default: the sites selected by --os-cloud and --os-region-name.
    #[arg(long, value_delimiter = ',', global = true, value_name = "PATTERN",
          add = crate::complete::sites())]
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

    /// How many sites to work on at once, at most.
    ///
    /// Default: 512, and never more than the limit on open files holds
    /// (osprey raises its soft limit to the hard one, `ulimit -Hn`; sites
    /// past what it holds wait their turn).
    #[arg(long, global = true, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) concurrency: Option<u16>,

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

/// The families of commands, one line each; their flags live in
/// `commands/<family>/`.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Show configuration.
    #[command(subcommand)]
    Config(commands::config::Command),

    /// List the selected sites with their authentication result and endpoints.
    #[command(long_about = help!("sites"))]
    Sites(commands::sites::SitesArgs),

    /// Cached tokens: show them per site, or remove them.
    #[command(subcommand)]
    Auth(commands::auth::Command),

    /// Quotas across regions: view them, keep global limits by balancing, check.
    #[command(subcommand)]
    Quota(commands::quota::Command),

    /// SSH keypairs across regions: compare, clone, import, delete.
    #[command(subcommand)]
    Keypair(commands::keypair::Command),

    /// Flavors across regions (admin): compare them, clone them with extra
    /// specs and access lists.
    #[command(subcommand)]
    Flavor(commands::flavor::Command),

    /// Images across regions: compare them by content, and copy them (server-side
    /// where Glance can, streamed once to every target elsewhere).
    #[command(subcommand)]
    Image(commands::image::Command),

    /// Security groups across regions: compare rule sets, diff one group,
    /// clone groups with their rules.
    #[command(subcommand)]
    Secgroup(commands::secgroup::Command),

    /// Addresses across regions: the inventory, conflicts between sites,
    /// where an address lives, and CIDRs no site uses.
    #[command(subcommand)]
    Ip(commands::ip::Command),

    /// Per site and service: version document, login, one authenticated
    /// list call, and for admins the services and agents that are down.
    #[command(long_about = help!("health"))]
    Health(commands::health::HealthArgs),

    /// One time-ordered feed across sites of what went wrong or changed:
    /// server faults and actions, volume errors and Cinder messages,
    /// killed images and failed imports.
    #[command(long_about = help!("events"))]
    Events(commands::events::EventsArgs),

    /// Print a server's console log, the server found at any selected site
    /// by id or name. Exit 1 when no site has it, 2 when the name is
    /// ambiguous.
    #[command(long_about = help!("console-log"))]
    ConsoleLog(commands::console_log::ConsoleLogArgs),

    /// The project's live usage at every site (servers by status, vCPUs,
    /// RAM, volumes, floating IPs, ports) and its vCPU, RAM and disk hours
    /// over a period.
    #[command(long_about = help!("usage"))]
    Usage(commands::usage::UsageArgs),

    /// vCPU, RAM and disk capacity and use at every site, from Placement
    /// (else Nova's hypervisors); admin.
    #[command(long_about = help!("capacity"))]
    Capacity(commands::capacity::CapacityArgs),

    /// Servers across regions: one table of every site's servers, and one
    /// server shown wherever it is.
    #[command(subcommand)]
    Server(commands::views::server::Command),

    /// Volumes across regions: one table of every site's volumes.
    #[command(subcommand)]
    Volume(commands::views::volume::Command),

    /// Networks across regions: one table of every site's networks.
    #[command(subcommand)]
    Network(commands::views::network::Command),

    /// Floating IPs across regions: one table of every site's floating IPs.
    #[command(subcommand)]
    Floating(commands::views::floating::Command),

    /// Where a name, an id or a floating IP address lives: every site and
    /// kind of resource that has it.
    #[command(long_about = help!("find"))]
    Find(commands::views::find::FindArgs),

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
