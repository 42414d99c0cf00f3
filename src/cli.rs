//! Command-line flags (clap derive only: no logic lives here).

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands::sync::EndsArgs;
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
    Keypair(KeypairCommand),

    /// Flavors across regions (admin): compare them, clone them with extra
    /// specs and access lists.
    #[command(subcommand)]
    Flavor(FlavorCommand),

    /// Security groups across regions: compare rule sets, diff one group,
    /// clone groups with their rules.
    #[command(subcommand)]
    Secgroup(SecgroupCommand),

    /// Addresses across regions: the inventory, conflicts between sites,
    /// where an address lives, and CIDRs no site uses.
    #[command(subcommand)]
    Ip(IpCommand),

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

#[derive(Debug, Subcommand)]
pub(crate) enum KeypairCommand {
    /// Every key name by site, with fingerprints and whether the name is the
    /// same everywhere, differs, or is missing somewhere.
    List {
        /// Only names matching this glob.
        #[arg(long, value_name = "GLOB")]
        name: Option<String>,
        /// Exit 1 when any key differs or is missing somewhere (a drift check).
        #[arg(long)]
        exit_code: bool,
    },
    /// Clone keys from the source site to the targets, with the same name
    /// and type, owned by each cloud entry's own user.
    Sync {
        /// The keypairs to clone.
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
        /// Replace a same-named key with another fingerprint (delete, then import; the
        /// old key is put back if the import fails).
        #[arg(long)]
        replace: bool,
        #[command(flatten)]
        ends: EndsArgs,
        #[command(flatten)]
        plan: PlanArgs,
    },
    /// Import a local public key (.pub) at the selected sites.
    Import {
        /// The keypair name at every site.
        #[arg(long)]
        name: String,
        /// The OpenSSH public key file (ssh-rsa, ssh-ed25519, ecdsa-sha2-*), a regular
        /// file of at most 64 KiB.
        #[arg(long, value_name = "FILE")]
        public_key: std::path::PathBuf,
        /// The target sites as cloud/region globs (repeatable, comma lists).
        ///
        /// Default: every selected site.
        #[arg(long, value_delimiter = ',', value_name = "PATTERN")]
        to: Vec<String>,
        /// Replace a same-named key with another fingerprint (delete, then import; the
        /// old key is put back if the import fails).
        #[arg(long)]
        replace: bool,
        #[command(flatten)]
        plan: PlanArgs,
    },
    /// Delete keys at the selected sites.
    Delete {
        /// The keypairs to delete.
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
        #[command(flatten)]
        plan: PlanArgs,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum IpCommand {
    /// Every subnet, fixed IP, floating IP and router gateway of the
    /// selected sites, IPv4 and IPv6, with networks, ports and MACs.
    List {
        /// Only IPv4 or only IPv6.
        #[arg(long, value_parser = ["4", "6"])]
        version: Option<String>,
        /// Only one kind of address.
        #[arg(long, value_enum)]
        kind: Option<IpKindArg>,
        /// Every project's addresses, not only the token's (admin).
        #[arg(long)]
        all_projects: bool,
    },
    /// Conflicts between sites: overlapping CIDRs, and the same fixed IP,
    /// MAC, public address or L2 segment twice. Exit 1 on an error.
    Scan {
        /// Every project's addresses, not only the token's (admin).
        #[arg(long)]
        all_projects: bool,
        /// Leave out addresses in these ranges (repeatable, comma lists).
        #[arg(long, value_delimiter = ',', value_name = "CIDR",
              value_parser = crate::commands::ip::ignore_cidr)]
        ignore: Vec<ipnet::IpNet>,
        /// A YAML file of interconnected networks
        /// (`groups: {NAME: [cloud/region/network, …]}`, globs): overlaps
        /// outside every group are reported as info, not errors.
        #[arg(long, value_name = "FILE")]
        routed: Option<std::path::PathBuf>,
    },
    /// Where an address, a CIDR or a MAC is: every site, subnet, port,
    /// floating IP or gateway that holds it.
    Find {
        /// An IP address, a CIDR, or a MAC in any common notation.
        #[arg(value_name = "ADDRESS|CIDR|MAC")]
        query: String,
        /// Every project's addresses, not only the token's (admin).
        #[arg(long)]
        all_projects: bool,
    },
    /// The first CIDRs of a length that overlap no subnet at any selected site.
    Free {
        /// The length of the CIDRs wanted, e.g. 24.
        #[arg(long, value_name = "N")]
        prefix_length: u8,
        /// Where to look. Default: 10.0.0.0/8 (IPv6 lengths need it).
        #[arg(long, value_name = "CIDR")]
        within: Option<ipnet::IpNet>,
        /// How many to suggest.
        #[arg(long, default_value_t = 1, value_name = "K",
              value_parser = clap::value_parser!(u16).range(1..))]
        count: u16,
        /// Every project's subnets, not only the token's (admin).
        #[arg(long)]
        all_projects: bool,
    },
}

/// A kind of address in `ip list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum IpKindArg {
    Subnet,
    Fixed,
    Floating,
    Gateway,
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

#[derive(Debug, Subcommand)]
pub(crate) enum FlavorCommand {
    /// Flavors as a name x site matrix of spec digests, with a status per
    /// name: same, differs or missing.
    ///
    /// The digest covers vcpus, ram, disk, ephemeral, swap, rxtx_factor,
    /// is_public and the extra specs (not the id, description or access
    /// list). An admin sees private flavors too.
    List(FlavorListArgs),
    /// Clone flavors from one site to others, with the same id where it is
    /// free, extra specs, description and (private flavors) access lists
    /// mapped by project name (admin).
    Sync(FlavorSyncArgs),
}

#[derive(Debug, Args)]
pub(crate) struct FlavorListArgs {
    /// Only flavors whose name matches this glob (`*` any run, `?` one
    /// character). Default: every flavor.
    #[arg(long, value_name = "GLOB")]
    pub(crate) name: Option<String>,

    /// Exit 1 when a flavor differs or is missing somewhere (a drift check
    /// for cron and CI).
    #[arg(long)]
    pub(crate) exit_code: bool,
}

#[derive(Debug, Args)]
pub(crate) struct FlavorSyncArgs {
    /// Flavor names to clone (exact names, as at the source).
    #[arg(required = true, value_name = "NAME")]
    pub(crate) names: Vec<String>,

    /// Delete and re-create a same-named flavor whose specs differ (never
    /// one that servers at the target were built from); the old flavor is
    /// put back whole if the new one cannot be made. Default: such a
    /// flavor is a conflict.
    #[arg(long)]
    pub(crate) replace: bool,

    #[command(flatten)]
    pub(crate) ends: EndsArgs,

    #[command(flatten)]
    pub(crate) plan: PlanArgs,
}

#[derive(Debug, Subcommand)]
pub(crate) enum SecgroupCommand {
    /// Matrix of group name × site with a digest of each group's rule set
    /// and its status (same, differs, missing).
    ///
    /// The digest covers the normalised rules and `stateful`, not the name,
    /// the description or the provenance marker of a clone.
    List(SecgroupListArgs),
    /// The rules of one group only in the source and only in each target.
    Diff(SecgroupDiffArgs),
    /// Clone groups with their rules from the source to the targets.
    ///
    /// Missing groups are created (description, stateful, tagged
    /// `osprey-source=cloud/region/id` or, without Neutron's tag extension,
    /// marked so in the description); missing rules are added. A rule's
    /// remote group is mapped to the same-named group at the target, cloned
    /// too when it is missing there. The `default` group is never created
    /// or deleted: its rules are merged. Groups are those of the
    /// credentials' project.
    Sync(SecgroupSyncArgs),
}

#[derive(Debug, Args)]
pub(crate) struct SecgroupListArgs {
    /// Only groups whose name matches this glob (`*`, `?`). Default: every group.
    #[arg(long, value_name = "GLOB")]
    pub(crate) name: Option<String>,

    /// Exit 1 when a group is not the same at every site (a drift check).
    #[arg(long)]
    pub(crate) exit_code: bool,
}

#[derive(Debug, Args)]
pub(crate) struct SecgroupDiffArgs {
    /// The group's name (exact).
    #[arg(value_name = "NAME")]
    pub(crate) name: String,

    #[command(flatten)]
    pub(crate) ends: EndsArgs,

    /// Exit 1 when any target's group differs from the source's.
    #[arg(long)]
    pub(crate) exit_code: bool,
}

#[derive(Debug, Args)]
pub(crate) struct SecgroupSyncArgs {
    /// The groups to clone (exact names).
    #[arg(value_name = "NAME", required = true)]
    pub(crate) names: Vec<String>,

    #[command(flatten)]
    pub(crate) ends: EndsArgs,

    /// Also delete the rules of the named groups at the targets that the
    /// source's groups lack. Default: they are kept (shown as `skip`).
    #[arg(long)]
    pub(crate) prune: bool,

    #[command(flatten)]
    pub(crate) plan: PlanArgs,
}
