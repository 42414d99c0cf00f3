//! Command-line flags (clap derive only: no logic lives here).

use clap::{Args, Parser, Subcommand, ValueEnum};

/// One view and one set of safe operations across every OpenStack region
/// and cloud in your clouds.yaml.
#[derive(Debug, Parser)]
#[command(name = "osprey", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
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
    pub os_cloud: Vec<String>,

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
    pub os_region_name: Vec<String>,

    /// Sites to act on as cloud/region globs, e.g. `prod/*`, `*/RegionOne`, `all`.
    ///
    /// Default: the sites selected by --os-cloud and --os-region-name.
    #[arg(long, value_delimiter = ',', global = true, value_name = "PATTERN")]
    pub sites: Vec<String>,

    /// Endpoint interface to use from the catalog: public, internal or admin.
    ///
    /// Default: each cloud's `interface` setting, else public.
    #[arg(
        long = "os-interface",
        env = "OS_INTERFACE",
        global = true,
        value_name = "INTERFACE"
    )]
    pub os_interface: Option<String>,

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
    pub os_passcode: Option<String>,

    /// Seconds to wait for each HTTP request.
    ///
    /// Default: each cloud's `api_timeout`, else 30.
    #[arg(long, global = true, value_name = "SECONDS")]
    pub timeout: Option<f64>,

    /// How many sites to work on at once.
    #[arg(long, default_value_t = 16, global = true, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub concurrency: u16,

    /// Output format.
    #[arg(short = 'f', long = "format", value_enum, default_value_t = Format::Table,
          global = true)]
    pub format: Format,

    /// Show only this column (repeatable). Default: all columns.
    #[arg(short = 'c', long = "column", global = true, value_name = "COLUMN")]
    pub columns: Vec<String>,

    /// Sort rows by this column (repeatable). Default: by cloud and region.
    #[arg(long = "sort-column", global = true, value_name = "COLUMN")]
    pub sort_columns: Vec<String>,

    /// Log each HTTP request to stderr; -vv adds headers and bodies (secrets masked).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// Print nothing but data and errors (no warnings, no progress).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Yaml,
    Csv,
    Value,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show configuration.
    #[command(subcommand)]
    Config(ConfigCommand),

    /// List the selected sites with their authentication result and endpoints.
    Sites(SitesArgs),

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
pub enum ConfigCommand {
    /// Show every configured cloud and region as openstacksdk resolves it.
    Show {
        /// Show passwords, tokens and secrets instead of `<masked>`.
        #[arg(long)]
        unmask: bool,
    },
}

#[derive(Debug, Args)]
pub struct SitesArgs {
    /// Also call each service's version document; exit 2 if any does not answer.
    #[arg(long)]
    pub check: bool,
}
