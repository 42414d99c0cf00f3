//! Copying one image to many targets: server-side (`glance-download`)
//! where a target's Glance fetches from the source itself, else one read
//! of the source's data streamed to every target of the wave at once.
//! Each target ends `active` with the source's hash, or with nothing of
//! this run left there: a copy that fails, or that Ctrl-C stops, deletes
//! what it made before it returns.

use super::hash::Check;
use crate::api::image::{ContentHash, Image};
use crate::api::{SiteClient, SiteId, Upload};
use crate::fanout::{Cancel, Runner};
use crate::plan::{Effect, Effects, Executor, Left, Step, Verdicts, create_or_find};
use crate::render::progress::Transfers;
use futures::StreamExt;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

/// How long a target's Glance may take over a `glance-download` import
/// before osprey gives up on it (and deletes the image it made there).
const IMPORT_WAIT: Duration = Duration::from_secs(30 * 60);
/// The first wait between two looks at an importing image; it doubles up
/// to [`POLL_MAX`].
const POLL_FIRST: Duration = Duration::from_millis(200);
const POLL_MAX: Duration = Duration::from_secs(5);

/// Properties that name another image by id (an AMI's kernel and
/// ramdisk): at a target they name the same-named image there.
pub(super) const IMAGE_REFS: [&str; 2] = ["kernel_id", "ramdisk_id"];

/// An image to copy, as the source has it.
pub(super) struct Source {
    pub(super) site: Arc<SiteClient>,
    pub(super) image: Image,
    pub(super) hash: ContentHash,
    /// The images it names by id, which are copied before it.
    pub(super) refs: Vec<Ref>,
}

/// An image another names in a property (`kernel_id`).
#[derive(Debug, Clone)]
pub(super) struct Ref {
    pub(super) property: String,
    pub(super) name: String,
    pub(super) hash: ContentHash,
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} image {} ({})",
            self.site.id, self.image.id, self.hash
        )
    }
}

/// How a target gets the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Method {
    /// osprey reads the source once and uploads to every target of the wave.
    Stream,
    /// The target's Glance fetches from the source (`glance-download`).
    GlanceDownload,
}

/// What a step does at its target.
#[derive(Debug, Clone)]
pub(super) enum Op {
    /// Create the image with `body`, then fill it by `method`; once it is
    /// verified, retire the copy it `replaces` (an older copy of the
    /// source whose content changed).
    Copy {
        source: Arc<Source>,
        method: Method,
        body: Map<String, Value>,
        replaces: Option<Old>,
    },
    /// Delete a copy whose source is gone (`mirror --prune`).
    Prune { id: String, protected: bool },
    /// A skip or a conflict.
    Nothing,
}

/// An older copy that a new one replaces.
#[derive(Debug, Clone)]
pub(super) struct Old {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) visibility: String,
    pub(super) retire: Retire,
}

/// What becomes of an older copy once the new one is verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Retire {
    /// Renamed `NAME (replaced YYYY-MM-DD)` and made private, so that
    /// servers built from it can still be rebuilt.
    Rename,
    /// Deleted.
    Delete,
}

/// What this run made at a site: what undoes it.
#[derive(Debug, Clone)]
pub(super) struct Made {
    pub(super) id: String,
    /// Protected after it was verified: unprotected before it is deleted.
    pub(super) protected: bool,
    /// The older copy it retired.
    pub(super) retired: Option<Old>,
}

/// Copies images; every copy carries the run's id in `osprey_run`.
pub(super) struct Copies {
    pub(super) run: String,
    pub(super) cancel: Cancel,
    /// A line per transfer on a terminal.
    pub(super) progress: Transfers,
}

impl Copies {
    /// The copies of one run of a command.
    pub(super) fn new(runner: &Runner) -> Self {
        Copies {
            run: run_id(),
            cancel: runner.cancel().clone(),
            progress: Transfers::new(runner.shows_progress()),
        }
    }
}

impl Copies {
    /// What to tell the user once a run made copies: its id, and the
    /// command that removes them.
    pub(super) fn made_note(&self, statuses: &[crate::plan::Status]) -> Option<String> {
        statuses.contains(&crate::plan::Status::Applied).then(|| {
            format!(
                "the copies of this run carry osprey_run={}; `osprey image unsync --run {}` \
                     removes them",
                self.run, self.run
            )
        })
    }
}

/// A run's id, written on every copy it makes (`osprey_run`): the time and
/// some randomness, so that runs never share one: `20261206T201500Z-1a2b3c4d`.
fn run_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(now.as_nanos());
    h.write_u32(std::process::id());
    let time = crate::auth::keystone::format_rfc3339(now.as_secs() as i64).replace(['-', ':'], "");
    format!("{time}-{:08x}", h.finish() as u32)
}

impl Executor for Copies {
    type Op = Op;
    type Undo = Made;

    async fn apply(&self, site: &SiteClient, steps: &[&Step<Op>]) -> Effects<Made> {
        let mut out = self.apply_together(&[(site, steps.to_vec())]).await;
        out.pop().unwrap_or_else(|| Ok(Vec::new()))
    }

    /// The wave's images one after another, smallest first, so that one
    /// huge image does not hold back the rest (but the kernels and
    /// ramdisks others name before those); each to all its targets at once.
    async fn apply_together(&self, groups: &[(&SiteClient, Vec<&Step<Op>>)]) -> Vec<Effects<Made>> {
        let mut by_image: BTreeMap<(bool, u64, String), Vec<usize>> = BTreeMap::new();
        let mut out: Vec<Option<Effects<Made>>> = groups.iter().map(|_| None).collect();
        for (g, (site, steps)) in groups.iter().enumerate() {
            match steps.as_slice() {
                [
                    Step {
                        op: Op::Copy { source, .. },
                        ..
                    },
                ] => {
                    let key = (
                        !source.refs.is_empty(),
                        source.image.size.unwrap_or(0),
                        source.image.id.clone(),
                    );
                    by_image.entry(key).or_default().push(g);
                }
                [
                    Step {
                        op: Op::Prune { id, protected },
                        ..
                    },
                ] => {
                    let made = Made {
                        id: id.clone(),
                        protected: *protected,
                        retired: None,
                    };
                    out[g] = Some(delete(site, &made).await.map(|()| vec![Effect::changed()]));
                }
                _ => out[g] = Some(Err(anyhow::anyhow!("an image step came without its copy"))),
            }
        }
        // The copies this call made, by site and name: what a later image's
        // `kernel_id` names there.
        let mut made: BTreeMap<(SiteId, String), String> = BTreeMap::new();
        for members in by_image.values() {
            let mut targets = Vec::new();
            let mut at = Vec::new();
            for &g in members {
                let Some(mut t) = Target::of(groups[g].0, groups[g].1[0]) else {
                    continue;
                };
                match t.resolve(&made) {
                    Ok(()) => {
                        targets.push(t);
                        at.push(g);
                    }
                    Err(e) => out[g] = Some(Err(e)),
                }
            }
            let results = self.copy(&targets).await;
            for ((&g, t), result) in at.iter().zip(&targets).zip(results) {
                if let Ok(effect) = &result
                    && let Some(m) = &effect.undo
                {
                    let key = (t.site.id.clone(), t.source.image.name().to_string());
                    made.insert(key, m.id.clone());
                }
                out[g] = Some(result.map(|e| vec![e]));
            }
        }
        out.into_iter()
            .map(|r| r.unwrap_or_else(|| Err(anyhow::anyhow!("the copy did not run"))))
            .collect()
    }

    async fn undo(&self, site: &SiteClient, made: &Made) -> anyhow::Result<()> {
        delete(site, made).await?;
        match &made.retired {
            None => Ok(()),
            Some(old) => restore(site, old).await,
        }
    }

    /// Reads the site's images once and finds each copy by this run's id.
    async fn verify(&self, site: &SiteClient, steps: &[&Step<Op>]) -> Verdicts {
        let copies = site
            .images()
            .await
            .map_err(|e| e.context("verifying the copies"))?;
        let mut out = Vec::new();
        for step in steps {
            let (source, body) = match &step.op {
                Op::Copy { source, body, .. } => (source, body),
                Op::Prune { id, .. } => {
                    let gone = !copies.iter().any(|i| &i.id == id);
                    out.push(
                        gone.then_some(())
                            .ok_or(format!("image {id} is still here")),
                    );
                    continue;
                }
                Op::Nothing => {
                    out.push(Ok(()));
                    continue;
                }
            };
            let run = body.get("osprey_run").and_then(Value::as_str);
            let found = copies
                .iter()
                .find(|i| i.property("osprey_run") == run && i.name() == source.image.name());
            out.push(match found {
                None => Err(format!("image {} is not here", source.image.name())),
                Some(i) => settled(i, source).map(|_| ()),
            });
        }
        Ok(out)
    }
}

/// Deletes an image this run made (or prunes), unprotecting it first.
async fn delete(site: &SiteClient, made: &Made) -> anyhow::Result<()> {
    if made.protected {
        site.set_image(&made.id, &[("protected", json!(false))])
            .await?;
    }
    site.delete_image(&made.id).await
}

/// Puts a renamed older copy back as it was.
async fn restore(site: &SiteClient, old: &Old) -> anyhow::Result<()> {
    if old.retire == Retire::Delete {
        anyhow::bail!(
            "the older copy {} was deleted when this one replaced it; it cannot be put back",
            old.id
        );
    }
    site.set_image(
        &old.id,
        &[
            ("name", json!(old.name)),
            ("visibility", json!(old.visibility)),
            (REPLACED, Value::Null),
        ],
    )
    .await?;
    Ok(())
}

/// The property on a retired copy: the day it was replaced.
pub(super) const REPLACED: &str = "osprey_replaced";

/// One target of an image's copy.
struct Target<'a> {
    site: &'a SiteClient,
    source: &'a Arc<Source>,
    method: Method,
    /// What the copy is created with: the plan's, with the images it names
    /// by id that were copied in this run filled in.
    body: Map<String, Value>,
    replaces: Option<&'a Old>,
}

impl<'a> Target<'a> {
    fn of(site: &'a SiteClient, step: &'a Step<Op>) -> Option<Self> {
        match &step.op {
            Op::Copy {
                source,
                method,
                body,
                replaces,
            } => Some(Target {
                site,
                source,
                method: *method,
                body: body.clone(),
                replaces: replaces.as_ref(),
            }),
            Op::Prune { .. } | Op::Nothing => None,
        }
    }

    /// Names the images the source names by id (`kernel_id`) by their ids
    /// here: the plan filled in those the target had; the others were
    /// copied here earlier in this call (`made`).
    fn resolve(&mut self, made: &BTreeMap<(SiteId, String), String>) -> anyhow::Result<()> {
        for r in &self.source.refs {
            if self.body.contains_key(&r.property) {
                continue;
            }
            let key = (self.site.id.clone(), r.name.clone());
            let Some(id) = made.get(&key) else {
                anyhow::bail!(
                    "{}: its {} names image {}, which could not be copied here",
                    self.what(),
                    r.property,
                    r.name
                );
            };
            self.body.insert(r.property.clone(), json!(id));
        }
        Ok(())
    }

    /// Where and what, for errors: `image ubuntu at prod/RegionTwo`.
    fn what(&self) -> String {
        format!("image {} at {}", self.source.image.name(), self.site.id)
    }
}

impl Copies {
    /// Copies one image to its targets: the server-side ones each on their
    /// own, the streamed ones from one read of the source, all at once.
    async fn copy(&self, targets: &[Target<'_>]) -> Vec<anyhow::Result<Effect<Made>>> {
        let streamed: Vec<usize> = (0..targets.len())
            .filter(|&i| targets[i].method == Method::Stream)
            .collect();
        let served: Vec<usize> = (0..targets.len())
            .filter(|&i| targets[i].method == Method::GlanceDownload)
            .collect();
        let stream = self.stream(streamed.iter().map(|&i| &targets[i]).collect());
        let imports = futures::future::join_all(served.iter().map(|&i| self.import(&targets[i])));
        let (streamed_out, served_out) = tokio::join!(stream, imports);
        let mut out: Vec<Option<anyhow::Result<Effect<Made>>>> =
            targets.iter().map(|_| None).collect();
        for (i, r) in streamed.into_iter().zip(streamed_out) {
            out[i] = Some(r);
        }
        for (i, r) in served.into_iter().zip(served_out) {
            out[i] = Some(r);
        }
        out.into_iter()
            .map(|r| r.expect("every target has its result"))
            .collect()
    }

    /// Creates the image at a target; an answer that was lost is answered
    /// by looking for this run's copy of that name.
    async fn create(&self, t: &Target<'_>) -> anyhow::Result<(Image, Option<&'static str>)> {
        let made = create_or_find(t.site.create_image(t.body.clone()), async || {
            let images = t.site.images().await?;
            Ok(images.into_iter().find(|i| {
                i.property("osprey_run") == Some(self.run.as_str())
                    && i.name() == t.source.image.name()
            }))
        })
        .await
        .map_err(|e| e.context(format!("creating {}", t.what())))?;
        let note = made.note();
        Ok((made.into_inner(), note))
    }

    /// The streamed targets: each image created, then the source read once
    /// and fed to every upload; each target then checked.
    async fn stream(&self, targets: Vec<&Target<'_>>) -> Vec<anyhow::Result<Effect<Made>>> {
        if targets.is_empty() {
            return Vec::new();
        }
        let created = futures::future::join_all(targets.iter().map(|t| self.create(t))).await;
        let source = &targets[0].source;
        let live: Vec<usize> = (0..targets.len()).filter(|&i| created[i].is_ok()).collect();
        let (tee, readers) = crate::http::tee(live.len());
        let size = source.image.size;
        let uploads = live.iter().zip(readers).map(|(&i, reader)| {
            let (image, _) = created[i].as_ref().expect("live targets were created");
            let t = targets[i];
            let meter = self.progress.bytes(&t.what(), size);
            let body = reader
                .inspect(move |chunk| {
                    if let Ok(c) = chunk {
                        meter.add(c.len() as u64);
                    }
                })
                .boxed();
            t.site.upload_image(&image.id, Upload { body, len: size })
        });
        let read = async {
            let from = format!(
                "image {} at the source {}",
                source.image.name(),
                source.site.id
            );
            let started = match Check::new(&source.hash, &from) {
                Ok(check) => source
                    .site
                    .download_image(&source.image.id)
                    .await
                    .map(|d| (check, d)),
                Err(e) => Err(e),
            };
            let (check, download) = match started {
                Ok(s) => s,
                Err(e) => {
                    let e = e.context(format!("reading {from}"));
                    tee.abort(&e).await;
                    return Err(e);
                }
            };
            tee.feed(download, check)
                .await
                .map_err(|e| e.context(format!("reading {from}")))
        };
        let transfer = async { futures::join!(read, futures::future::join_all(uploads)) };
        let (read, uploaded) = match self.unless_cancelled(transfer).await {
            Some(done) => done,
            None => {
                return self
                    .give_up(&targets, created, |_| anyhow::anyhow!("interrupted"))
                    .await;
            }
        };
        let read_error = read.err();
        let mut uploaded: BTreeMap<usize, anyhow::Result<()>> =
            live.into_iter().zip(uploaded).collect();
        let mut out = Vec::new();
        for (i, made) in created.into_iter().enumerate() {
            let t = targets[i];
            let result = match made {
                Err(e) => Err(e),
                Ok((image, note)) => {
                    let sent = uploaded.remove(&i).unwrap_or(Ok(()));
                    let sent = match (&read_error, sent) {
                        // The source's failure is the cause, not the upload it cut short.
                        (Some(r), _) => Err(crate::error::copied(r)),
                        (None, s) => s.map_err(|e| e.context(format!("uploading {}", t.what()))),
                    };
                    match sent {
                        Ok(()) => self.finish(t, &image, note).await,
                        Err(e) => Err(self.remove(t, &image, e).await),
                    }
                }
            };
            out.push(result);
        }
        out
    }

    /// A server-side target: the image created, the import asked for, and
    /// its end awaited.
    async fn import(&self, t: &Target<'_>) -> anyhow::Result<Effect<Made>> {
        let (image, note) = self.create(t).await?;
        let source = &t.source;
        let asked = t
            .site
            .import_from_region(
                &image.id,
                &source.image.id,
                &source.site.id.region,
                source.site.image_interface(),
            )
            .await
            .map_err(|e| e.context(format!("asking Glance to import {}", t.what())));
        if let Err(e) = asked {
            return Err(self.remove(t, &image, e).await);
        }
        let waiting = self.progress.waiting(&format!(
            "{}: glance-download from {}",
            t.what(),
            source.site.id.region
        ));
        let done = self.unless_cancelled(imported(t, &image.id)).await;
        drop(waiting);
        match done {
            Some(Ok(())) => self.finish(t, &image, note).await,
            Some(Err(e)) => Err(self.remove(t, &image, e).await),
            None => Err(self.remove(t, &image, anyhow::anyhow!("interrupted")).await),
        }
    }

    /// Checks a filled image, protects it if the source is protected, and
    /// retires the older copy it replaces.
    async fn finish(
        &self,
        t: &Target<'_>,
        image: &Image,
        note: Option<&str>,
    ) -> anyhow::Result<Effect<Made>> {
        let checked = async {
            let now = t
                .site
                .image(&image.id)
                .await?
                .ok_or_else(|| anyhow::anyhow!("it was deleted while osprey filled it"))?;
            settled(&now, t.source).map_err(anyhow::Error::msg)?;
            if let Some(old) = t.replaces {
                retire(t.site, old).await?;
            }
            if t.source.image.protected {
                t.site
                    .set_image(&image.id, &[("protected", json!(true))])
                    .await?;
            }
            anyhow::Ok(())
        };
        match checked.await {
            Ok(()) => Ok(Effect::created(Made {
                id: image.id.clone(),
                protected: t.source.image.protected,
                retired: t.replaces.cloned(),
            })
            .noted(note)),
            Err(e) => Err(self
                .remove(t, image, e.context(format!("checking {}", t.what())))
                .await),
        }
    }

    /// Deletes what a failed copy made; the error says whether it is gone.
    async fn remove(&self, t: &Target<'_>, image: &Image, err: anyhow::Error) -> anyhow::Error {
        match t.site.delete_image(&image.id).await {
            Ok(()) => err.context(Left::RolledBack),
            Err(d) => crate::error::add_hint(
                err,
                format!(
                    "deleting the unfinished image {} there failed too ({d:#}); remove it \
                     with `osprey image unsync --run {}`",
                    image.id, self.run
                ),
            ),
        }
    }

    /// Every created target removed after the transfer stopped.
    async fn give_up(
        &self,
        targets: &[&Target<'_>],
        created: Vec<anyhow::Result<(Image, Option<&'static str>)>>,
        why: impl Fn(&Target<'_>) -> anyhow::Error,
    ) -> Vec<anyhow::Result<Effect<Made>>> {
        let mut out = Vec::new();
        for (t, made) in targets.iter().zip(created) {
            out.push(match made {
                Ok((image, _)) => Err(self.remove(t, &image, why(t)).await),
                Err(e) => Err(e),
            });
        }
        out
    }

    /// Runs `work` unless Ctrl-C comes first (then `None`, the work dropped).
    async fn unless_cancelled<T>(&self, work: impl Future<Output = T>) -> Option<T> {
        tokio::select! {
            out = work => Some(out),
            () = self.cancel.cancelled() => None,
        }
    }
}

/// Retires an older copy: renamed `NAME (replaced YYYY-MM-DD)` and made
/// private, or deleted.
async fn retire(site: &SiteClient, old: &Old) -> anyhow::Result<()> {
    let what = || format!("retiring the older copy {}", old.id);
    match old.retire {
        Retire::Delete => site
            .delete_image(&old.id)
            .await
            .map_err(|e| e.context(what())),
        Retire::Rename => {
            let today = today();
            let name = format!("{} (replaced {today})", old.name);
            site.set_image(
                &old.id,
                &[
                    ("name", json!(name)),
                    ("visibility", json!("private")),
                    (REPLACED, json!(today)),
                ],
            )
            .await
            .map(|_| ())
            .map_err(|e| e.context(what()))
        }
    }
}

/// Today in UTC, `YYYY-MM-DD`.
fn today() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    crate::auth::keystone::format_rfc3339(now.as_secs() as i64)[..10].to_string()
}

/// Waits for a `glance-download` import to end: `active`, or a failure
/// Glance reports in `os_glance_failed_import`, or in the import's task.
///
/// An import that fails before it writes to a store (the source's data or
/// metadata could not be fetched) leaves the image `queued`, with
/// `os_glance_importing_to_stores` still set and no failed store: only
/// its task says it failed.
async fn imported(t: &Target<'_>, id: &str) -> anyhow::Result<()> {
    let region = &t.source.site.id.region;
    let deadline = Instant::now() + IMPORT_WAIT;
    let mut wait = POLL_FIRST;
    loop {
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(POLL_MAX);
        let Some(image) = t.site.image(id).await? else {
            anyhow::bail!("{}: deleted while it was importing", t.what());
        };
        let failed = image
            .property("os_glance_failed_import")
            .filter(|s| !s.is_empty());
        if let Some(stores) = failed {
            anyhow::bail!(
                "{}: Glance here could not import it from {region} \
                 (os_glance_failed_import: {stores})",
                t.what()
            );
        }
        if image.status == "queued" {
            let tasks = t.site.image_tasks(id).await?;
            if let Some(task) = tasks.iter().find(|k| k.status == "failure") {
                anyhow::bail!(
                    "{}: Glance here could not import it from {region} (its import task \
                     failed: {})",
                    t.what(),
                    task.message.as_deref().unwrap_or("no message")
                );
            }
        }
        match image.status.as_str() {
            "active" => return Ok(()),
            "killed" | "deleted" | "deactivated" => anyhow::bail!(
                "{}: the import from {region} ended {}",
                t.what(),
                image.status
            ),
            _ if Instant::now() > deadline => anyhow::bail!(
                "{}: the import from {region} did not end within {} minutes",
                t.what(),
                IMPORT_WAIT.as_secs() / 60
            ),
            _ => {}
        }
    }
}

/// Whether a copy is done: `active`, with the source's content.
fn settled(image: &Image, source: &Source) -> Result<(), String> {
    if image.status != "active" {
        return Err(format!("it is {}, not active", image.status));
    }
    // Where the target reports another algorithm, the MD5 every Glance
    // records compares the same bytes.
    let same = image.holds(&source.hash)
        || source.image.md5().is_some_and(|md5| {
            image.os_hash_algo.as_deref() != Some(source.hash.algo.as_str()) && image.holds(&md5)
        });
    if same {
        return Ok(());
    }
    Err(format!(
        "its data hashes to {}, not the source's {}",
        image
            .hash()
            .map_or_else(|| "nothing".to_string(), |h| h.to_string()),
        source.hash
    ))
}
