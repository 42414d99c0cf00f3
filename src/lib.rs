//! osprey: one view and one set of safe operations across every region of
//! every OpenStack cloud in a clouds.yaml.
//!
//! `run` is the whole program; `Cli` is exported for the completion and man
//! page generators and for tests.

pub mod api;
pub mod auth;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod fanout;
pub mod http;
pub mod plan;
pub mod render;

pub use cli::Cli;
pub use error::ExitStatus;

use anyhow::Context;
use clap::CommandFactory;
use cli::{Command, ConfigCommand, GlobalArgs, QuotaCommand};
use commands::Report;
use config::select::Selection;
use error::describe;
use render::RenderOptions;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// The run was cut short by Ctrl-C.
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// Runs the command and returns how the process should exit.
pub fn run(cli: Cli) -> ExitStatus {
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
    let global = &cli.global;
    match runtime.block_on(dispatch(&cli)) {
        Ok(report) => finish(report, global),
        Err(e) if e.downcast_ref::<Interrupted>().is_some() => ExitStatus::Interrupted,
        Err(e) => {
            print_error(None, &e);
            ExitStatus::Error
        }
    }
}

async fn dispatch(cli: &Cli) -> anyhow::Result<Report> {
    let g = &cli.global;
    match &cli.command {
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(*shell, &mut cmd, "osprey", &mut std::io::stdout());
            return Ok(Report::default());
        }
        Command::Man { dir } => {
            match dir {
                Some(dir) => clap_mangen::generate_to(Cli::command(), dir)
                    .with_context(|| format!("writing man pages to {}", dir.display()))?,
                None => clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?,
            }
            return Ok(Report::default());
        }
        _ => {}
    }
    let config = config::load(&config::ConfigEnv::from_process())?;
    if !g.quiet {
        for w in &config.warnings {
            eprintln!("{w}");
        }
    }
    match &cli.command {
        Command::Config(ConfigCommand::Show { unmask }) => commands::config::show(&config, *unmask),
        Command::Sites(args) => {
            let run = Run::new(g, &config).await?;
            Ok(commands::sites::sites(
                run.sites,
                args.check,
                run.concurrency,
                run.progress.as_ref(),
            )
            .await)
        }
        Command::Quota(QuotaCommand::Show(args)) => {
            let limits = args
                .limits
                .as_deref()
                .map(commands::quota::limits::load)
                .transpose()?;
            let run = Run::new(g, &config).await?;
            let opts = commands::quota::show_options(args, limits.as_ref());
            Ok(commands::quota::show::show(
                run.sites,
                &opts,
                run.concurrency,
                run.progress.as_ref(),
            )
            .await)
        }
        Command::Quota(QuotaCommand::Balance(args)) => {
            let limits = commands::quota::limits::load(&args.limits)?;
            let run = Run::new(g, &config).await?;
            let strategy = commands::quota::strategy(args.strategy);
            let plan = commands::quota::plan_balance(
                run.sites,
                &limits,
                strategy,
                args.project.as_deref(),
                run.concurrency,
                run.progress.as_ref(),
            )
            .await?;
            let mode = plan::Mode::from_flags(args.dry_run, args.yes);
            if plan.is_empty() || mode == plan::Mode::DryRun || plan.report.interrupted {
                let mut report = plan.report;
                report.findings = args.exit_code && !report.rows.rows.is_empty();
                return Ok(report);
            }
            if mode == plan::Mode::Ask {
                // Show the plan, then ask; the rows are not printed again after.
                print_rows(&plan.report.rows, g)?;
                if !plan::confirm(&plan.summary())? {
                    let mut report = plan.report;
                    report.rows = render::Rows::default();
                    report.notes.push("nothing was changed".to_string());
                    return Ok(report);
                }
            }
            Ok(
                commands::quota::apply_balance(plan, run.concurrency, mode == plan::Mode::Yes)
                    .await,
            )
        }
        Command::Quota(QuotaCommand::Check(args)) => {
            let limits = commands::quota::limits::load(&args.limits)?;
            let run = Run::new(g, &config).await?;
            let strategy = commands::quota::strategy(args.strategy);
            commands::quota::check(
                run.sites,
                &limits,
                strategy,
                args.project.as_deref(),
                run.concurrency,
                run.progress.as_ref(),
            )
            .await
        }
        Command::Completions { .. } | Command::Man { .. } => unreachable!("handled above"),
    }
}

/// What a command that works on sites starts from.
struct Run {
    sites: Vec<config::select::Site>,
    concurrency: usize,
    progress: Box<dyn render::progress::Progress>,
}

impl Run {
    async fn new(g: &GlobalArgs, config: &config::Config) -> anyhow::Result<Run> {
        let http = Arc::new(http::Http::new(g.verbose));
        let passcode = g.os_passcode.clone().map(config::Secret::new);
        let auth = auth::Auth::new(http, passcode);
        let selection = selection(g)?;
        let sites = config::select::select(config, &selection, &auth).await?;
        let progress = render::progress::for_sites(sites.len(), g.quiet, g.verbose);
        Ok(Run {
            sites,
            concurrency: selection.concurrency,
            progress,
        })
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
    let timeout = match g.timeout {
        Some(t) if t.is_finite() && t > 0.0 => Some(Duration::from_secs_f64(t)),
        Some(t) => {
            return Err(error::hinted(
                format!("--timeout {t}: must be a positive number of seconds"),
                "e.g. --timeout 60",
            ));
        }
        None => None,
    };
    Ok(Selection {
        clouds: g
            .os_cloud
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect(),
        regions,
        patterns: g.sites.iter().filter(|p| !p.is_empty()).cloned().collect(),
        interface: g.os_interface.clone(),
        timeout,
        concurrency: usize::from(g.concurrency),
    })
}

/// Prints the report (data to stdout, failures to stderr) and picks the exit status.
fn finish(report: Report, g: &GlobalArgs) -> ExitStatus {
    let mut status = ExitStatus::Success;
    // The table layout, unless -c/--sort-column name columns only the
    // flat rows have (`quota show -c in_use`).
    let rows = match (&report.table, g.format) {
        (Some(table), cli::Format::Table)
            if g.columns
                .iter()
                .chain(&g.sort_columns)
                .all(|c| table.columns.contains(c)) =>
        {
            table
        }
        _ => &report.rows,
    };
    if let Err(e) = print_rows(rows, g) {
        print_error(None, &e);
        return ExitStatus::Error;
    }
    if !g.quiet {
        for note in &report.notes {
            eprintln!("{note}");
        }
    }
    for (site, err) in &report.failures {
        print_error(Some(&site.to_string()), err);
        status = status.max(ExitStatus::Error);
    }
    if report.findings {
        status = status.max(ExitStatus::Findings);
    }
    if report.interrupted {
        eprintln!("error: interrupted; the sites above finished");
        status = ExitStatus::Interrupted;
    }
    status
}

/// Renders rows to stdout (nothing for a report without columns).
fn print_rows(rows: &render::Rows, g: &GlobalArgs) -> anyhow::Result<()> {
    if rows.columns.is_empty() {
        return Ok(());
    }
    let opts = RenderOptions {
        format: g.format,
        columns: g.columns.clone(),
        sort_columns: g.sort_columns.clone(),
    };
    let text = render::render(rows, &opts)?;
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
    Ok(())
}

fn print_error(site: Option<&str>, err: &anyhow::Error) {
    let (message, hints) = describe(err);
    let mut text = match site {
        Some(s) => format!("error: {s}: {message}\n"),
        None => format!("error: {message}\n"),
    };
    for h in hints {
        text.push_str(&format!("hint: {h}\n"));
    }
    let _ = std::io::stderr().write_all(text.as_bytes());
}
