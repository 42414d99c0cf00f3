//! `osprey image ensure IMAGE --at SITE`: the lazy copy. Prints the id of
//! the image at SITE, copying it there first from the first site that has
//! it when SITE does not. Made for CI steps:
//! `IMG=$(osprey image ensure ubuntu-24.04 --at prod/RegionTwo -f value -c id)`.

use super::copy::Copies;
use super::sync::{CopyArgs, Rules, lookup, plan_target, source_of, unfinished, with_refs};
use crate::api::image::Image;
use crate::api::{SiteClient, SiteId};
use crate::context::{Estate, Site, pattern_matches};
use crate::error::hinted;
use crate::plan::{self, Mode, Plan, Status};
use crate::render::Rows;
use crate::report::Report;
use crate::sync::named_sites;
use serde::Serialize;
use std::sync::Arc;

/// `image ensure` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct EnsureArgs {
    /// The image, by name or id.
    #[arg(value_name = "IMAGE")]
    pub(crate) image: String,

    /// The site that must have it, CLOUD/REGION.
    #[arg(long, value_name = "CLOUD/REGION", add = crate::complete::site())]
    pub(crate) at: String,

    /// Where to copy it from, first match first (cloud/region globs,
    /// repeatable, comma lists).
    ///
    /// Default: every selected site, in order.
    #[arg(long, value_delimiter = ',', value_name = "PATTERN",
          add = crate::complete::sites())]
    pub(crate) from: Vec<String>,

    #[command(flatten)]
    pub(crate) copy: CopyArgs,

    /// Print what would be done and change nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,

    /// With --dry-run: exit 1 when the image would be copied.
    #[arg(long, requires = "dry_run")]
    pub(crate) exit_code: bool,
}

/// What `ensure` did: where the image is, and its id there.
#[derive(Debug, Default, Serialize)]
pub(crate) struct EnsureRow {
    cloud: String,
    region: String,
    name: String,
    /// The image's id at the site; empty when it could not be made.
    id: String,
    /// `skip` (it was there) or `create` (copied).
    action: String,
    /// The site it was copied from; empty for a skip.
    source: String,
    status: String,
}

/// `osprey image ensure IMAGE --at SITE`.
pub(crate) async fn ensure(estate: &Estate<'_>, args: &EnsureArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let mut sites = match args.from.is_empty() {
        true => estate.sites().await?,
        false => named_sites(estate, "--from", &args.from).await?,
    };
    if !sites.iter().any(|s| s.id().to_string() == args.at) {
        let at = named_sites(estate, "--at", std::slice::from_ref(&args.at)).await?;
        sites.extend(at);
    }
    let at = take_at(&mut sites, &args.at)?;
    let order = order(sites, &args.from);
    let all: Vec<Site> = std::iter::once(Site::Ready(at.clone()))
        .chain(order.iter().cloned().map(Site::Ready))
        .collect();
    let (_, read) = report
        .each(&estate.runner, all, |c| async move { c.images().await })
        .await;
    let images_at = |id: &SiteId| read.iter().find(|(s, _)| s == id).map(|(_, i)| i);
    let Some(here) = images_at(&at.id) else {
        return Err(report
            .failures
            .pop()
            .map(|(_, e)| e)
            .unwrap_or_else(|| anyhow::anyhow!("{}: its images could not be read", at.id)));
    };
    let mut source = None;
    for site in &order {
        let Some(images) = images_at(&site.id) else {
            continue;
        };
        if let Some(image) =
            lookup(images, &args.image, &site.id.to_string())?.filter(|i| i.status == "active")
        {
            source = Some((site.clone(), image.clone()));
            break;
        }
    }
    let Some((from, image)) = source else {
        return there_or_nowhere(report, &at.id, here, &args.image);
    };
    let what = format!("image {} at {}", args.image, from.id);
    let from_images = images_at(&from.id).map_or(&[][..], Vec::as_slice);
    let sources = with_refs(&from, from_images, vec![source_of(&from, &image, &what)?])?;
    let Some(source) = sources.iter().find(|s| s.image.id == image.id) else {
        anyhow::bail!("{what}: it went missing from its own copy list");
    };
    if let Some(copy) = here
        .iter()
        .find(|i| i.status == "active" && i.holds(&source.hash) && provenance_or_name(i, &image))
    {
        report.rows = Rows::typed([row(&at.id, copy, "skip", "", Status::NotApplied)]);
        return Ok(report);
    }
    let copies = Copies::new(&estate.runner);
    let rules = Rules {
        copy: &args.copy,
        run: &copies.run,
        on_change: None,
    };
    let steps = plan_target(at.clone(), &sources, &rules).await?;
    // The image's own step (its kernel and ramdisk may come with it).
    let own = steps.iter().position(|s| s.name == image.name());
    let mut plan = Plan::per_site(steps, "copy", "image");
    plan.phases[0].together = true;
    // `ensure` is itself the request to copy: it asks nothing.
    let opts = plan::Options {
        mode: if args.dry_run {
            Mode::DryRun
        } else {
            Mode::Yes
        },
        exit_code: args.exit_code,
    };
    let (statuses, journal) = estate
        .execute(plan, &copies, vec![at.clone()], opts, &mut report)
        .await?;
    let status = own.map_or(Status::NotApplied, |i| statuses[i]);
    let id = journal
        .entries
        .iter()
        .find(|e| Some(e.step) == own)
        .and_then(|e| e.effect.undo.as_ref())
        .map(|m| m.id.clone())
        .unwrap_or_default();
    report.rows = Rows::typed([EnsureRow {
        id,
        ..row(
            &at.id,
            &source.image,
            "create",
            &from.id.to_string(),
            status,
        )
    }]);
    Ok(report)
}

/// The `--at` site, taken out of the sites read.
fn take_at(sites: &mut Vec<Site>, at: &str) -> anyhow::Result<Arc<SiteClient>> {
    let Some(i) = sites.iter().position(|s| s.id().to_string() == at) else {
        return Err(hinted(
            format!("--at {at}: no such site"),
            "name one site as CLOUD/REGION; `osprey --sites all sites` lists them",
        ));
    };
    match sites.remove(i) {
        Site::Ready(c) => Ok(c),
        Site::Failed(_, e) => Err(e.context(format!("--at {at}"))),
    }
}

/// The usable sources in `--from` order (each pattern's sites sorted), else
/// in site order. A source whose login failed is skipped: another may
/// have the image.
fn order(sites: Vec<Site>, from: &[String]) -> Vec<Arc<SiteClient>> {
    let mut ready: Vec<Arc<SiteClient>> = sites
        .into_iter()
        .filter_map(|s| match s {
            Site::Ready(c) => Some(c),
            Site::Failed(..) => None,
        })
        .collect();
    ready.sort_by(|a, b| a.id.cmp(&b.id));
    if from.is_empty() {
        return ready;
    }
    let mut out: Vec<Arc<SiteClient>> = Vec::new();
    for pattern in from {
        for c in &ready {
            let fits = pattern_matches(pattern, &c.id.cloud, &c.id.region);
            if fits && !out.iter().any(|o| o.id == c.id) {
                out.push(c.clone());
            }
        }
    }
    out
}

/// A copy of `source` by name, or by the provenance osprey wrote on it.
fn provenance_or_name(copy: &Image, source: &Image) -> bool {
    copy.name() == source.name()
        || copy
            .property("osprey_source")
            .is_some_and(|s| s.ends_with(&format!("/{}", source.id)))
}

/// No other site has the image: it is enough that SITE has it.
fn there_or_nowhere(
    mut report: Report,
    at: &SiteId,
    here: &[Image],
    name: &str,
) -> anyhow::Result<Report> {
    let found =
        lookup(here, name, &at.to_string())?.filter(|i| i.status == "active" && !unfinished(i));
    match found {
        Some(image) => {
            report.rows = Rows::typed([row(at, image, "skip", "", Status::NotApplied)]);
            Ok(report)
        }
        None => Err(hinted(
            format!("image {name}: no selected site has it"),
            "upload it to one site first, or name where it is with --from",
        )),
    }
}

fn row(at: &SiteId, image: &Image, action: &str, source: &str, status: Status) -> EnsureRow {
    EnsureRow {
        cloud: at.cloud.clone(),
        region: at.region.clone(),
        name: image.name().to_string(),
        id: image.id.clone(),
        action: action.to_string(),
        source: source.to_string(),
        status: status.name().to_string(),
    }
}
