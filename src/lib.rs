//! osprey: one view and one set of safe operations across every region of
//! every OpenStack cloud in a clouds.yaml.
//!
//! `run` is the whole program; `Cli` is exported for the completion and man
//! page generators and for tests.

/// The long help of a command (its `--help` and man page), kept as text in
/// `src/help/NAME.txt`, NAME as in the man page: `help!("quota-balance")`.
/// Several names are joined as paragraphs.
macro_rules! help {
    ($($name:literal),+) => {
        concat!($(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/help/", $name, ".txt")), "\n"),+)
    };
}

pub mod api;
pub mod auth;
pub(crate) mod cli;
pub mod commands;
pub(crate) mod complete;
pub mod config;
pub mod context;
pub mod error;
pub mod fanout;
pub mod http;
pub(crate) mod plan;
pub(crate) mod render;
pub(crate) mod report;
pub(crate) mod settings;
pub(crate) mod sync;

pub use cli::Cli;

/// Answers the shell when it asks for completions (`COMPLETE` is set) and
/// exits; does nothing otherwise. Called before the flags are parsed.
pub fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
}
pub use error::ExitStatus;

use anyhow::Context;
use clap::CommandFactory;
use cli::Command;
use commands::Family;
use context::Estate;
use error::Interrupted;
use error::describe;
use fanout::{Cancel, Runner};
use report::Report;
use settings::Settings;
use std::io::Write;
use std::sync::Arc;

/// Runs the command and returns how the process should exit.
pub fn run(cli: Cli) -> ExitStatus {
    let budget = fanout::Budget::raise();
    let settings = match budget
        .check()
        .and_then(|()| Settings::resolve(&cli.global, budget))
    {
        Ok(s) => s,
        Err(e) => {
            print_error(None, &e);
            return ExitStatus::Error;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            print_error(
                None,
                &anyhow::Error::new(e).context("starting the async runtime"),
            );
            return ExitStatus::Error;
        }
    };
    let cancel = Cancel::new();
    match runtime.block_on(async {
        let _signals = tokio::spawn(on_ctrl_c(cancel.clone()));
        dispatch(&cli.command, &settings, cancel).await
    }) {
        Ok(report) => finish(report, &settings),
        Err(e) if e.downcast_ref::<Interrupted>().is_some() => {
            eprintln!("error: interrupted before any site was reached");
            ExitStatus::Interrupted
        }
        Err(e) => {
            print_error(None, &e);
            ExitStatus::Error
        }
    }
}

/// The first Ctrl-C cancels the run (nothing new starts, the finished sites
/// are printed); a second one exits at once.
async fn on_ctrl_c(cancel: Cancel) {
    if tokio::signal::ctrl_c().await.is_err() {
        return;
    }
    cancel.cancel();
    if tokio::signal::ctrl_c().await.is_ok() {
        eprintln!("error: interrupted again; exiting without waiting");
        std::process::exit(ExitStatus::Interrupted.code());
    }
}

/// The command as the man pages and static completions describe it: the
/// package version alone, so that the committed files do not change with
/// every commit and build date.
fn for_generators() -> clap::Command {
    Cli::command().version(env!("CARGO_PKG_VERSION"))
}

async fn dispatch(command: &Command, g: &Settings, cancel: Cancel) -> anyhow::Result<Report> {
    match command {
        Command::Completions { shell } => {
            let mut cmd = for_generators();
            clap_complete::generate(*shell, &mut cmd, "osprey", &mut std::io::stdout());
            Ok(Report::default())
        }
        Command::Man { dir } => {
            match dir {
                Some(dir) => clap_mangen::generate_to(for_generators(), dir)
                    .with_context(|| format!("writing man pages to {}", dir.display()))?,
                None => clap_mangen::Man::new(for_generators()).render(&mut std::io::stdout())?,
            }
            Ok(Report::default())
        }
        Command::Config(c) => run_family(c, command, g, cancel).await,
        Command::Sites(a) => run_family(a, command, g, cancel).await,
        Command::Auth(c) => run_family(c, command, g, cancel).await,
        Command::Quota(c) => run_family(c, command, g, cancel).await,
        Command::Keypair(c) => run_family(c, command, g, cancel).await,
        Command::Flavor(c) => run_family(c, command, g, cancel).await,
        Command::Image(c) => run_family(c, command, g, cancel).await,
        Command::Secgroup(c) => run_family(c, command, g, cancel).await,
        Command::Ip(c) => run_family(c, command, g, cancel).await,
        Command::Health(a) => run_family(a, command, g, cancel).await,
        Command::Events(a) => run_family(a, command, g, cancel).await,
        Command::ConsoleLog(a) => run_family(a, command, g, cancel).await,
        Command::Usage(a) => run_family(a, command, g, cancel).await,
        Command::Capacity(a) => run_family(a, command, g, cancel).await,
        Command::Server(c) => run_family(c, command, g, cancel).await,
        Command::Volume(c) => run_family(c, command, g, cancel).await,
        Command::Network(c) => run_family(c, command, g, cancel).await,
        Command::Floating(c) => run_family(c, command, g, cancel).await,
        Command::Find(a) => run_family(a, command, g, cancel).await,
    }
}

/// Runs a family's command: its output options checked first, then the
/// configuration read and the run context made.
async fn run_family(
    family: &impl Family,
    command: &Command,
    g: &Settings,
    cancel: Cancel,
) -> anyhow::Result<Report> {
    // Output options are checked before any request, so that a change is
    // never made by a run that then fails to print it.
    g.render.check(&family.columns())?;
    if g.render.format == render::Format::Openmetrics && !family.metrics() {
        return Err(error::hinted(
            "-f openmetrics: this command has no metrics",
            "openmetrics is for `quota show`, `usage`, `capacity` and `health`; use -f json here",
        ));
    }
    let config = config::load(&config::ConfigEnv::from_process())?;
    if !g.quiet {
        for w in &config.warnings {
            eprintln!("{w}");
        }
    }
    let runner = Runner::new(
        g.concurrency,
        cancel,
        render::progress::wanted(g.quiet, g.verbose),
    )
    .with_site_timeout(g.site_timeout);
    let ui = render::Terminal(&g.render);
    let selection = g.selection.clone().or_regions(&config.default_regions);
    let estate = Estate::new(&config, selection, logins(command, g), runner)
        .with_output(&ui, g.render.format);
    family.run(&estate).await
}

/// How the run logs in: with the token cache unless it is turned off, and
/// for `auth status` from the cache only. A cache whose directories may
/// not be used is a warning, and the run goes on without it; `auth`
/// commands keep it, to report it as their error.
fn logins(command: &Command, g: &Settings) -> auth::Auth {
    let mut cache = g.token_cache.then(auth::cache::Cache::user).flatten();
    let reports_cache = matches!(command, Command::Auth(_));
    if let Some(Err(e)) = cache.as_ref().filter(|_| !reports_cache).map(|c| c.check()) {
        if !g.quiet {
            let (message, hints) = describe(&e);
            eprintln!("warning: not using the token cache: {message}");
            for h in hints {
                eprintln!("hint: {h}");
            }
        }
        cache = None;
    }
    let auth = auth::Auth::new(
        Arc::new(http::Http::new(g.verbose)),
        g.passcode.clone(),
        cache,
    )
    .asking(render::prompt::secret);
    match command {
        Command::Auth(commands::auth::Command::Status) => auth.cache_only(),
        _ => auth,
    }
}

/// Prints the report (data to stdout, failures to stderr) and picks the exit status.
fn finish(report: Report, g: &Settings) -> ExitStatus {
    let opts = &g.render;
    if opts.format == render::Format::Openmetrics {
        // The run's failed and unfinished sites are those whose
        // osprey_site_up is 0.
        let written = match &report.metrics {
            Some(m) => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                let down = report
                    .failures
                    .iter()
                    .map(|(s, _)| s)
                    .chain(&report.unfinished);
                // A closed pipe is not worth reporting.
                let _ = m.write(down, &mut out).and_then(|()| out.flush());
                Ok(())
            }
            None => Err(anyhow::anyhow!(
                "-f openmetrics: this command has no metrics"
            )),
        };
        if let Err(e) = written {
            print_error(None, &e);
            return ExitStatus::Error;
        }
    } else if let Err(e) = print_rows(&report, g) {
        print_error(None, &e);
        return ExitStatus::Error;
    }
    finish_messages(report, g)
}

/// Prints the report's rows (its table layout where it fits) on stdout.
fn print_rows(report: &Report, g: &Settings) -> anyhow::Result<()> {
    // The table layout, unless -c/--sort-column name columns only the
    // flat rows have (`quota show -c in_use`).
    let opts = &g.render;
    let rows = match (&report.table, opts.format) {
        (Some(table), render::Format::Table)
            if opts
                .columns
                .iter()
                .chain(&opts.sort_columns)
                .all(|c| table.has_column(c)) =>
        {
            table
        }
        _ => &report.rows,
    };
    render::print(rows, opts)?;
    if let Some(text) = &report.text {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| match text.ends_with('\n') || text.is_empty() {
                true => Ok(()),
                false => out.write_all(b"\n"),
            })
            .and_then(|()| out.flush())
            .context("writing to stdout")?;
    }
    Ok(())
}

/// Prints the report's notes and failures (stderr) and picks the exit status.
fn finish_messages(report: Report, g: &Settings) -> ExitStatus {
    let mut status = ExitStatus::Success;
    if !g.quiet {
        for note in &report.notes {
            eprintln!("{note}");
        }
        // An empty result says so: no rows is not mistaken for no run.
        if let Some(line) = report.empty_line() {
            eprintln!("{line}");
        }
    }
    if let Some(e) = &report.error {
        print_error(None, e);
        status = status.max(ExitStatus::Error);
    }
    // One line per failed site, however many of its calls failed.
    let mut sites: Vec<&api::SiteId> = Vec::new();
    for (site, _) in &report.failures {
        if !sites.contains(&site) {
            sites.push(site);
        }
    }
    for site in sites {
        let mut messages: Vec<String> = Vec::new();
        let mut hints: Vec<String> = Vec::new();
        for (_, err) in report.failures.iter().filter(|(s, _)| s == site) {
            let (message, more) = describe(err);
            if !messages.contains(&message) {
                messages.push(message);
            }
            hints.extend(
                more.into_iter()
                    .filter(|h| !hints.contains(h))
                    .collect::<Vec<_>>(),
            );
        }
        print_message(Some(&site.to_string()), &messages.join("; "), &hints);
        status = status.max(ExitStatus::Error);
    }
    if report.findings {
        status = status.max(ExitStatus::Findings);
    }
    if report.interrupted {
        let mut unfinished: Vec<String> = report.unfinished.iter().map(|s| s.to_string()).collect();
        unfinished.sort();
        unfinished.dedup();
        if unfinished.is_empty() {
            eprintln!("error: interrupted; the sites above finished");
        } else {
            eprintln!(
                "error: interrupted; these sites did not finish: {}",
                unfinished.join(", ")
            );
        }
        status = ExitStatus::Interrupted;
    }
    status
}

/// An error's message and its `hint:` lines, on stderr.
fn print_error(site: Option<&str>, err: &anyhow::Error) {
    let (message, hints) = describe(err);
    print_message(site, &message, &hints);
}

/// `error: [SITE: ]MESSAGE` and its `hint:` lines, on stderr.
fn print_message(site: Option<&str>, message: &str, hints: &[String]) {
    let mut text = match site {
        Some(s) => format!("error: {s}: {message}\n"),
        None => format!("error: {message}\n"),
    };
    for h in hints {
        text.push_str(&format!("hint: {h}\n"));
    }
    let _ = std::io::stderr().write_all(text.as_bytes());
}
