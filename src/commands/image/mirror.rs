//! `osprey image mirror`: the automatic copy, made for cron. Every active
//! image of the source that the filters keep appears at every target: what
//! is missing is copied; a source whose data changed under the same name
//! is copied again, and the older copy (only one that osprey made from
//! this source) is renamed or deleted; `--prune` deletes copies whose
//! source is gone. A second run right after plans only skips.

use super::copy::{Copies, Op, REPLACED, Retire, Source};
use super::sync::{CopyArgs, Rules, SYNC_PROPERTY, made_from, plan_target, source_of, with_refs};
use crate::api::SiteId;
use crate::api::image::Image;
use crate::context::{Estate, glob};
use crate::plan::{self, Action, Atomic, Plan, Step};
use crate::report::Report;
use crate::sync::{EndsArgs, ends};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// `image mirror` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct MirrorArgs {
    #[command(flatten)]
    pub(crate) ends: EndsArgs,

    /// Only images whose name matches this glob.
    #[arg(long, value_name = "GLOB")]
    pub(crate) name: Option<String>,

    /// Only images with this tag (repeatable: every one).
    #[arg(long, value_name = "TAG")]
    pub(crate) tag: Vec<String>,

    /// Only images with this property (repeatable: every one).
    #[arg(long, value_name = "KEY=VALUE", value_parser = key_value)]
    pub(crate) property: Vec<(String, String)>,

    /// Never copy images whose name matches this glob (repeatable); they
    /// are shown as skipped, as images marked osprey_sync=none are.
    #[arg(long, value_name = "GLOB")]
    pub(crate) exclude: Vec<String>,

    #[command(flatten)]
    pub(crate) copy: CopyArgs,

    /// What becomes of an older copy (one osprey made from this source)
    /// when the source's data changed under the same name.
    #[arg(long, value_enum, default_value_t = Retire::Rename)]
    pub(crate) on_change: Retire,

    /// Delete the copies osprey made from this source whose source image
    /// is gone (not the renamed older copies, which servers may use).
    #[arg(long)]
    pub(crate) prune: bool,

    #[command(flatten)]
    pub(crate) plan: plan::PlanArgs,
}

/// `KEY=VALUE`, for `--property`.
fn key_value(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got {text:?}")),
    }
}

impl MirrorArgs {
    /// Whether the filters keep `image` (by name, tags and properties).
    fn wants(&self, image: &Image) -> bool {
        let tags: Vec<&str> = image
            .rest
            .get("tags")
            .and_then(|t| t.as_array())
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .collect();
        self.name.as_deref().is_none_or(|g| glob(g, image.name()))
            && self.tag.iter().all(|t| tags.contains(&t.as_str()))
            && self
                .property
                .iter()
                .all(|(k, v)| image.property(k) == Some(v.as_str()))
    }

    /// Why an image is kept where it is, if it is.
    fn kept(&self, image: &Image) -> Option<String> {
        if image.property(SYNC_PROPERTY) == Some("none") {
            return Some(format!("marked {SYNC_PROPERTY}=none"));
        }
        self.exclude
            .iter()
            .find(|g| glob(g, image.name()))
            .map(|g| format!("matches --exclude {g}"))
    }
}

/// What the source holds, sorted into what is copied and what is not.
struct Sorted {
    copied: Vec<Arc<Source>>,
    /// Names that stay where they are, with the reason.
    skipped: Vec<(String, String)>,
    /// Every image id at the source (what a copy's source must still be).
    ids: BTreeSet<String>,
}

/// `osprey image mirror`.
pub(crate) async fn mirror(estate: &Estate<'_>, args: &MirrorArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let ends = ends(estate, &args.ends).await?;
    let images = ends
        .source
        .images()
        .await
        .map_err(|e| e.context(format!("reading the source {}", ends.source.id)))?;
    let sorted = sort(&ends.source, &images, args)?;
    let copies = Copies::new(&estate.runner);
    let rules = Rules {
        copy: &args.copy,
        run: &copies.run,
        on_change: Some(args.on_change),
    };
    let (rules, sorted, from) = (&rules, &sorted, &ends.source.id);
    let (targets, planned) = report
        .each(&estate.runner, ends.targets, |t| async move {
            let mut steps = plan_target(t.clone(), &sorted.copied, rules).await?;
            steps.extend(skips(&t.id, &sorted.skipped));
            if args.prune {
                let images = t.images().await?;
                steps.extend(prunes(&t.id, &images, from, sorted, args));
            }
            anyhow::Ok(steps)
        })
        .await;
    let steps: Vec<Step<Op>> = planned.into_iter().flat_map(|(_, s)| s).collect();
    let mut plan = Plan::per_site(steps, "change", "image");
    plan.phases[0].together = true;
    // Each copy is verified as it is made: one that failed removed itself,
    // and the others stay, after a failure and after Ctrl-C.
    plan.atomic = Atomic::Stop;
    let (statuses, _) = estate
        .execute(plan, &copies, targets, &args.plan, &mut report)
        .await?;
    report.notes.extend(copies.made_note(&statuses));
    Ok(report)
}

/// The source's active images that the filters keep: to copy, or to skip
/// (kept where they are, or a name several images share there).
fn sort(
    source: &Arc<crate::api::SiteClient>,
    images: &[Image],
    args: &MirrorArgs,
) -> anyhow::Result<Sorted> {
    let mut by_name: BTreeMap<&str, Vec<&Image>> = BTreeMap::new();
    for i in images {
        let retired = i.property(REPLACED).is_some();
        if i.status == "active" && !retired && args.wants(i) {
            by_name.entry(i.name()).or_default().push(i);
        }
    }
    let mut copied = Vec::new();
    let mut sorted = Sorted {
        copied: Vec::new(),
        skipped: Vec::new(),
        ids: images.iter().map(|i| i.id.clone()).collect(),
    };
    for (name, named) in by_name {
        let reason = match named.as_slice() {
            [one] => args.kept(one),
            _ => Some(format!(
                "{} images at the source have this name; copy one by id with `osprey image \
                 sync ID`",
                named.len()
            )),
        };
        match reason {
            Some(why) => sorted.skipped.push((name.to_string(), why)),
            None => {
                let what = format!("image {name} at the source {}", source.id);
                copied.push(source_of(source, named[0], &what)?);
            }
        }
    }
    sorted.copied = with_refs(source, images, copied)?;
    Ok(sorted)
}

/// A skip step per image kept where it is.
fn skips(site: &SiteId, skipped: &[(String, String)]) -> Vec<Step<Op>> {
    skipped
        .iter()
        .map(|(name, why)| {
            step(
                site,
                name,
                Action::Skip {
                    reason: why.clone(),
                },
                String::new(),
                Op::Nothing,
            )
        })
        .collect()
}

/// The copies at a target that osprey made from this source whose source
/// image is gone (and that the name filter keeps); never a retired one,
/// nor one that a new copy of the same name replaces.
fn prunes(
    site: &SiteId,
    images: &[Image],
    from: &SiteId,
    sorted: &Sorted,
    args: &MirrorArgs,
) -> Vec<Step<Op>> {
    images
        .iter()
        .filter(|i| made_from(i, from) && i.property(REPLACED).is_none())
        .filter(|i| args.name.as_deref().is_none_or(|g| glob(g, i.name())))
        .filter(|i| !sorted.copied.iter().any(|s| s.image.name() == i.name()))
        .filter(|i| {
            let source_id = i
                .property("osprey_source")
                .and_then(|s| s.rsplit('/').next())
                .unwrap_or_default();
            !sorted.ids.contains(source_id)
        })
        .map(|i| Step {
            // Several copies may share a name: each is its own change.
            group: i.id.clone(),
            ..step(
                site,
                i.name(),
                Action::Delete,
                format!("id {}: its source at {from} is gone", i.id),
                Op::Prune {
                    id: i.id.clone(),
                    protected: i.protected,
                },
            )
        })
        .collect()
}

fn step(site: &SiteId, name: &str, action: Action, detail: String, op: Op) -> Step<Op> {
    Step {
        site: site.clone(),
        kind: "image".to_string(),
        name: name.to_string(),
        action,
        detail,
        group: name.to_string(),
        phase: 0,
        op,
    }
}
