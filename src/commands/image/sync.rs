//! `osprey image sync IMAGE...`: the controlled copy. The named images are
//! read at the source; each target is planned (already there by name and
//! hash: `skip`; another image of that name: `conflict`; else `create`, by
//! `glance-download` or streamed); the canary goes first, then waves of at
//! most `--wave` targets, each verified before the next starts; a failure
//! rolls back every copy of the run unless `--no-rollback`.

use super::copy::{Copies, IMAGE_REFS, Method, Old, Op, Ref, Retire, Source};
use super::hash::Check;
use crate::api::image::{GLANCE_DOWNLOAD, Image};
use crate::api::{SiteClient, SiteId};
use crate::context::Estate;
use crate::error::{add_hint, closest, hinted};
use crate::plan::{self, Action, Atomic, Phase, Plan, Status, Step};
use crate::render::plural;
use crate::report::Report;
use crate::sync::{EndsArgs, ends};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The property that keeps an image where it is (`none`).
pub(super) const SYNC_PROPERTY: &str = "osprey_sync";

/// `--method`: how targets get the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum MethodArg {
    /// glance-download where the target's Glance can fetch from the source
    /// (a region of the same Keystone offering it), streamed elsewhere.
    Auto,
    /// Always through osprey: one read of the source for every target.
    Stream,
    /// Always server-side; a target that cannot is a conflict.
    GlanceDownload,
}

/// How copies are made: shared by every image command that copies.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct CopyArgs {
    /// How targets get the data.
    #[arg(long, value_enum, default_value_t = MethodArg::Auto)]
    pub(crate) method: MethodArg,

    /// The copies' visibility (public and community need the rights to
    /// publish there).
    #[arg(long, value_parser = ["private", "shared", "community", "public"], default_value = "private")]
    pub(crate) visibility: String,

    /// Create each copy with the source's id where the target has no image
    /// of that id.
    #[arg(long)]
    pub(crate) keep_id: bool,
}

/// `image sync` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct SyncArgs {
    /// The images to copy, by name or id at the source.
    #[arg(required = true, value_name = "IMAGE")]
    pub(crate) images: Vec<String>,

    #[command(flatten)]
    pub(crate) ends: EndsArgs,

    #[command(flatten)]
    pub(crate) copy: CopyArgs,

    /// A target that gets the copy first, alone; the waves start only once
    /// it is verified.
    #[arg(long, value_name = "CLOUD/REGION", add = crate::complete::site())]
    pub(crate) canary: Option<String>,

    /// At most this many targets at once after the canary.
    ///
    /// Default: every target in one wave.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub(crate) wave: Option<u32>,

    /// Ask before each wave after the first (needs a terminal).
    #[arg(long)]
    pub(crate) pause: bool,

    /// Keep the verified copies after a failure or Ctrl-C. Default: a
    /// failure anywhere deletes every copy this run made.
    #[arg(long)]
    pub(crate) no_rollback: bool,

    /// Copy images marked `osprey_sync=none` too.
    #[arg(long)]
    pub(crate) force: bool,

    #[command(flatten)]
    pub(crate) plan: plan::PlanArgs,
}

/// `osprey image sync IMAGE...`.
pub(crate) async fn sync(estate: &Estate<'_>, args: &SyncArgs) -> anyhow::Result<Report> {
    if args.pause && !args.plan.dry_run && !crate::render::prompt::interactive() {
        return Err(hinted(
            "--pause asks before each wave, and there is no terminal to ask on",
            "drop --pause, or run osprey at a terminal",
        ));
    }
    let mut report = Report::default();
    let ends = ends(estate, &args.ends).await?;
    if let Some(canary) = &args.canary {
        let known = ends.targets.iter().any(|t| &t.id().to_string() == canary);
        if !known {
            return Err(hinted(
                format!("--canary {canary}: not one of the targets"),
                "name one of the sites --to selects, as CLOUD/REGION",
            ));
        }
    }
    let sources = read_source(&ends.source, &args.images, args.force).await?;
    let sources = &sources;
    let copies = Copies::new(&estate.runner);
    let rules = Rules {
        copy: &args.copy,
        run: &copies.run,
        on_change: None,
    };
    let rules = &rules;
    let (targets, planned) = report
        .each(&estate.runner, ends.targets, |t| async move {
            plan_target(t, sources, rules).await
        })
        .await;
    let steps: Vec<Step<Op>> = planned.into_iter().flat_map(|(_, s)| s).collect();
    let plan = waves(steps, args);
    let planned: Vec<(String, SiteId, bool)> = plan
        .steps
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                s.site.clone(),
                matches!(s.action, Action::Skip { .. }),
            )
        })
        .collect();
    // The run is one change: a target that could not even be read holds
    // it back whole, unless what is made may stay (--no-rollback).
    if !report.failures.is_empty() && !args.no_rollback && !args.plan.dry_run {
        report.notes.push(
            "nothing was copied: a target could not be read (see below); fix it, leave it \
             out with --to, or pass --no-rollback to copy to the others"
                .to_string(),
        );
        return Ok(report);
    }
    let (statuses, _) = estate
        .execute(plan, &copies, targets, &args.plan, &mut report)
        .await?;
    if !args.plan.dry_run && statuses.iter().any(|s| *s != Status::NotApplied) {
        report
            .notes
            .extend(whereabouts(&ends.source.id, &planned, &statuses));
    }
    report.notes.extend(copies.made_note(&statuses));
    Ok(report)
}

/// Per image, after a sync: the sites that have it and those that do not.
fn whereabouts(
    source: &SiteId,
    planned: &[(String, SiteId, bool)],
    statuses: &[Status],
) -> Vec<String> {
    let mut by_name: BTreeMap<&str, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for ((name, site, skip), status) in planned.iter().zip(statuses) {
        let (have, lack) = by_name.entry(name).or_default();
        match *skip || *status == Status::Applied {
            true => have.push(site.to_string()),
            false => lack.push(site.to_string()),
        }
    }
    by_name
        .into_iter()
        .map(|(name, (have, lack))| {
            let mut line = format!("image {name}: at {source} (the source)");
            for site in &have {
                line.push_str(&format!(", {site}"));
            }
            if !lack.is_empty() {
                line.push_str(&format!("; not at {}", lack.join(", ")));
            }
            line
        })
        .collect()
}

/// The named images at the source: by id, else by a name that only one
/// image there has; each `active`, with a hash osprey can check, and not
/// kept where it is (unless `force`).
pub(super) async fn read_source(
    source: &Arc<SiteClient>,
    names: &[String],
    force: bool,
) -> anyhow::Result<Vec<Arc<Source>>> {
    let at = &source.id;
    let images = source
        .images()
        .await
        .map_err(|e| e.context(format!("reading the source {at}")))?;
    let mut wanted: Vec<Source> = Vec::new();
    let mut seen = BTreeSet::new();
    for name in names {
        let image = pick(&images, name, at)?;
        if !seen.insert(image.id.clone()) {
            continue;
        }
        let what = format!("image {name} at the source {at}");
        if image.status != "active" {
            return Err(hinted(
                format!("{what}: it is {}, so it has no data to copy", image.status),
                "copy an active image; `osprey image list` shows each image's status",
            ));
        }
        if image.property(SYNC_PROPERTY) == Some("none") && !force {
            return Err(hinted(
                format!("{what}: it is marked {SYNC_PROPERTY}=none, to stay where it is"),
                "pass --force to copy it anyway",
            ));
        }
        wanted.push(source_of(source, image, &what)?);
    }
    with_refs(source, &images, wanted)
}

/// An image to copy with the hash it is checked by; refused before
/// anything is made when Glance reports no hash osprey can check.
pub(super) fn source_of(
    site: &Arc<SiteClient>,
    image: &Image,
    what: &str,
) -> anyhow::Result<Source> {
    let Some(hash) = image.hash() else {
        return Err(hinted(
            format!("{what}: Glance reports no hash for it"),
            "osprey copies only what it can verify",
        ));
    };
    Check::new(&hash, what)?;
    Ok(Source {
        site: site.clone(),
        image: image.clone(),
        hash,
        refs: Vec::new(),
    })
}

/// The images to copy with those they name by id (`kernel_id`,
/// `ramdisk_id`) added before them, each named one read at the source.
pub(super) fn with_refs(
    site: &Arc<SiteClient>,
    images: &[Image],
    wanted: Vec<Source>,
) -> anyhow::Result<Vec<Arc<Source>>> {
    let mut named: Vec<Source> = Vec::new();
    let mut out: Vec<Source> = Vec::new();
    for mut w in wanted {
        for property in IMAGE_REFS {
            let Some(id) = w.image.property(property).filter(|id| !id.is_empty()) else {
                continue;
            };
            let what = format!("image {} at the source {}", w.image.name(), site.id);
            let Some(image) = images.iter().find(|i| i.id == id) else {
                return Err(hinted(
                    format!("{what}: its {property} {id} names no image there"),
                    format!("set {property} to an image of that site, or remove it"),
                ));
            };
            let r = source_of(site, image, &format!("{what}: its {property} {id}"))?;
            w.refs.push(Ref {
                property: property.to_string(),
                name: r.image.name().to_string(),
                hash: r.hash.clone(),
            });
            if !named.iter().chain(&out).any(|n| n.image.id == r.image.id) {
                named.push(r);
            }
        }
        out.retain(|o| o.image.id != w.image.id);
        named.retain(|n| n.image.id != w.image.id);
        out.push(w);
    }
    Ok(named.into_iter().chain(out).map(Arc::new).collect())
}

/// The one image `name` names at the source: its id, or a name only one
/// image there has.
fn pick<'a>(images: &'a [Image], name: &str, at: &SiteId) -> anyhow::Result<&'a Image> {
    if let Some(one) = lookup(images, name, &format!("the source {at}"))? {
        return Ok(one);
    }
    let known: Vec<&str> = images.iter().map(Image::name).collect();
    let mut err = hinted(
        format!("image {name}: no such image at the source {at}"),
        "run `osprey image list` to see the images of every site",
    );
    if let Some(guess) = closest(name, &known) {
        err = add_hint(err, format!("did you mean {guess}?"));
    }
    Err(err)
}

/// The image `name` names among a site's images: its id, or a name only
/// one image there has; `None` when none has it. Several of one name are
/// an error that lists them, newest first, each with its id.
pub(super) fn lookup<'a>(
    images: &'a [Image],
    name: &str,
    at: &str,
) -> anyhow::Result<Option<&'a Image>> {
    if let Some(i) = images.iter().find(|i| i.id == name) {
        return Ok(Some(i));
    }
    let mut named: Vec<&Image> = images
        .iter()
        .filter(|i| i.name() == name && !unfinished(i))
        .collect();
    if named.len() < 2 {
        return Ok(named.pop());
    }
    named.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    let listed: Vec<String> = named
        .iter()
        .map(|i| {
            format!(
                "{} (created {})",
                i.id,
                i.created_at.as_deref().unwrap_or("?")
            )
        })
        .collect();
    Err(hinted(
        format!(
            "image {name}: {} images at {at} have this name: {}",
            named.len(),
            listed.join(", ")
        ),
        "name the one you mean by its id",
    ))
}

/// Reads a target's images (and, where its Glance could fetch from the
/// source, its import methods) and plans each wanted image.
pub(super) async fn plan_target(
    target: Arc<SiteClient>,
    sources: &[Arc<Source>],
    rules: &Rules<'_>,
) -> anyhow::Result<Vec<Step<Op>>> {
    let copy = rules.copy;
    let images = target.images().await?;
    let fetches = match sources.first() {
        Some(s) if copy.method != MethodArg::Stream && same_keystone(&s.site, &target) => target
            .import_methods()
            .await?
            .iter()
            .any(|m| m == GLANCE_DOWNLOAD),
        _ => false,
    };
    Ok(sources
        .iter()
        .map(|s| decide(&target.id, s, &images, fetches, rules))
        .collect())
}

/// Whether two sites share a Keystone login (same auth URL, identity and
/// project): a target's Glance can then fetch from the source with the
/// caller's token.
fn same_keystone(a: &SiteClient, b: &SiteClient) -> bool {
    Arc::ptr_eq(a.session(), b.session())
}

/// How targets are planned: the copy flags, the run's id, and what
/// becomes of an older copy of the source whose content changed (`None`:
/// such an image is a conflict, as any same-named image is).
pub(super) struct Rules<'a> {
    pub(super) copy: &'a CopyArgs,
    pub(super) run: &'a str,
    pub(super) on_change: Option<Retire>,
}

/// One image at one target: skip, conflict, create, or (an older copy of
/// this source, with `on_change`) replace.
fn decide(
    site: &SiteId,
    source: &Arc<Source>,
    images: &[Image],
    fetches: bool,
    rules: &Rules<'_>,
) -> Step<Op> {
    let copy = rules.copy;
    let name = source.image.name().to_string();
    let step = |action: Action, detail: String, op: Op| Step {
        site: site.clone(),
        kind: "image".to_string(),
        name: name.clone(),
        action,
        detail,
        group: name.clone(),
        phase: 0,
        op,
    };
    let here: Vec<&Image> = images
        .iter()
        .filter(|i| i.name() == name && !unfinished(i))
        .collect();
    if let Some(same) = here
        .iter()
        .find(|i| i.status == "active" && i.holds(&source.hash))
    {
        return step(
            Action::Skip {
                reason: format!("already here with the same data (id {})", same.id),
            },
            String::new(),
            Op::Nothing,
        );
    }
    let older = here.iter().find(|i| made_from(i, &source.site.id));
    let replaces = match (older, rules.on_change) {
        (Some(old), Some(retire)) if here.len() == 1 => {
            if retire == Retire::Delete && old.protected {
                return step(
                    Action::Conflict {
                        reason: format!(
                            "the older copy {} here is protected, so --on-change delete \
                             cannot delete it; unprotect it, or use --on-change rename",
                            old.id
                        ),
                    },
                    String::new(),
                    Op::Nothing,
                );
            }
            Some(Old {
                id: old.id.clone(),
                name: name.clone(),
                visibility: old.visibility.clone().unwrap_or_default(),
                retire,
            })
        }
        _ => None,
    };
    if let Some(other) = here.first().filter(|_| replaces.is_none()) {
        let what = match other.hash() {
            Some(h) => format!("data {}", short(&h.to_string())),
            None => format!("status {}", other.status),
        };
        return step(
            Action::Conflict {
                reason: format!(
                    "image {} here has this name and other {what}; rename or delete it, \
                     then run again",
                    other.id
                ),
            },
            String::new(),
            Op::Nothing,
        );
    }
    let method = match (copy.method, fetches) {
        (MethodArg::Stream, _) | (MethodArg::Auto, false) => Method::Stream,
        (_, true) => Method::GlanceDownload,
        (MethodArg::GlanceDownload, false) => {
            return step(
                Action::Conflict {
                    reason: format!(
                        "--method glance-download: Glance here cannot fetch from {} (another \
                         Keystone, or it does not offer glance-download)",
                        source.site.id
                    ),
                },
                String::new(),
                Op::Nothing,
            );
        }
    };
    let size = crate::render::bytes(source.image.size.unwrap_or(0));
    let how = match method {
        Method::Stream => format!("stream {size} from {}", source.site.id),
        Method::GlanceDownload => format!("glance-download {size} from {}", source.site.id.region),
    };
    let keep_id = copy.keep_id && !images.iter().any(|i| i.id == source.image.id);
    let mut detail = if keep_id {
        format!("{how}, id {}", source.image.id)
    } else {
        how
    };
    let action = match &replaces {
        None => Action::Create,
        Some(old) => {
            let then = match old.retire {
                Retire::Rename => "rename it and make it private",
                Retire::Delete => "delete it",
            };
            detail = format!(
                "the source's data changed: {detail}, then {then} (id {})",
                old.id
            );
            Action::Replace
        }
    };
    step(
        action,
        detail,
        Op::Copy {
            source: source.clone(),
            method,
            body: body(source, images, copy, keep_id, rules.run),
            replaces,
        },
    )
}

/// Whether osprey made `image` from an image of the site `source`.
pub(super) fn made_from(image: &Image, source: &SiteId) -> bool {
    image
        .property("osprey_source")
        .is_some_and(|s| s.starts_with(&format!("{source}/")))
}

/// What a copy is created with: the source's attributes a user may set,
/// the visibility asked for, not protected until it is verified, and
/// where it comes from.
fn body(
    source: &Source,
    images: &[Image],
    copy: &CopyArgs,
    keep_id: bool,
    run: &str,
) -> Map<String, Value> {
    let mut body = source.image.copyable();
    // The source's kernel and ramdisk are other images here: the same-named
    // one where it is already here, else the copy made before this one.
    for property in IMAGE_REFS {
        body.remove(property);
    }
    for r in &source.refs {
        let here = images
            .iter()
            .find(|i| i.name() == r.name && i.status == "active" && i.holds(&r.hash));
        if let Some(here) = here {
            body.insert(r.property.clone(), json!(here.id));
        }
    }
    body.insert("visibility".into(), json!(copy.visibility));
    body.insert("protected".into(), json!(false));
    if keep_id {
        body.insert("id".into(), json!(source.image.id));
    }
    let from = format!("{}/{}", source.site.id, source.image.id);
    body.insert("osprey_source".into(), json!(from));
    body.insert("osprey_source_hash".into(), json!(source.hash.to_string()));
    body.insert("osprey_run".into(), json!(run));
    body
}

/// An image left by an osprey run that was killed before it finished.
pub(super) fn unfinished(image: &Image) -> bool {
    image.property("osprey_run").is_some() && image.status != "active"
}

/// `sha512:0123456789ab…`: enough of a hash to tell two apart.
fn short(hash: &str) -> String {
    match hash.char_indices().nth(19) {
        Some((at, _)) => format!("{}…", &hash[..at]),
        None => hash.to_string(),
    }
}

/// The plan in waves: the canary alone first, then the other targets in
/// waves of at most `--wave`, each phase copying together.
fn waves(mut steps: Vec<Step<Op>>, args: &SyncArgs) -> Plan<Op> {
    let mut targets: Vec<SiteId> = steps
        .iter()
        .filter(|s| s.action.changes())
        .map(|s| s.site.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut order: Vec<Vec<SiteId>> = Vec::new();
    if let Some(c) = &args.canary
        && let Some(at) = targets.iter().position(|t| &t.to_string() == c)
    {
        order.push(vec![targets.remove(at)]);
    }
    let size = args.wave.map_or(targets.len().max(1), |n| n as usize);
    order.extend(targets.chunks(size).map(<[SiteId]>::to_vec));
    if order.is_empty() {
        order.push(Vec::new());
    }
    for s in &mut steps {
        s.phase = order.iter().position(|w| w.contains(&s.site)).unwrap_or(0);
    }
    let count = order.len();
    let phases = order
        .iter()
        .enumerate()
        .map(|(i, wave)| Phase {
            held_back: format!(
                "warning: wave {} of {count} was not started, because an earlier one failed",
                i + 1
            ),
            together: true,
            ask: (args.pause && i > 0).then(|| {
                format!(
                    "start wave {} of {count} ({} site{})",
                    i + 1,
                    wave.len(),
                    plural(wave.len())
                )
            }),
        })
        .collect();
    let mut plan = Plan::per_site(steps, "copy", "image");
    plan.phases = phases;
    plan.atomic = match args.no_rollback {
        true => Atomic::Stop,
        false => Atomic::Run,
    };
    plan
}
