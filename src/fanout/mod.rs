//! The site runner: a task on every site at once (bounded), one run-wide
//! cancellation, and per-site data plus failures that a report absorbs in
//! one call. Returns data, never prints.

mod budget;

pub(crate) use budget::Budget;

use crate::api::{SiteClient, SiteId};
use crate::error::hinted;
use crate::http;
use crate::render::progress::{self, Progress};
use futures::StreamExt;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// The run's cancellation: set once (by the first Ctrl-C) and seen by every
/// fan-out of the run, so no command installs a signal handler of its own.
#[derive(Clone, Default)]
pub struct Cancel(Arc<CancelState>);

#[derive(Default)]
struct CancelState {
    set: AtomicBool,
    notify: Notify,
}

impl Cancel {
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn cancel(&self) {
        self.0.set.store(true, Ordering::SeqCst);
        self.0.notify.notify_waiters();
    }

    pub(crate) fn is_cancelled(&self) -> bool {
        self.0.set.load(Ordering::SeqCst)
    }

    /// Resolves once the run is cancelled (at once if it already is).
    pub(crate) async fn cancelled(&self) {
        loop {
            let notified = self.0.notify.notified();
            futures::pin_mut!(notified);
            // Register before checking, so a cancel in between is not missed.
            notified.as_mut().enable();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }
}

/// What happens to work in flight when the run is cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnCancel {
    /// Drop it: reads change nothing, and a hung site must not hold the run.
    Abandon,
    /// Let it finish (nothing new starts): a write in flight must be known
    /// to have happened or not, so that it can be journaled and undone.
    Drain,
    /// Run everything anyway: the cleanup after a cancellation (undoing
    /// this run's creations, reading back what was written). A second
    /// Ctrl-C still exits at once.
    Complete,
}

/// The usable sites of a command by id, each with what its work goes
/// through: its client (a test's in-memory cloud needs only the id).
pub(crate) struct Clients<S = SiteClient>(pub(crate) BTreeMap<SiteId, Arc<S>>);

impl<S> Clients<S> {
    pub(crate) fn get(&self, site: &SiteId) -> anyhow::Result<&S> {
        self.0
            .get(site)
            .map(Arc::as_ref)
            .ok_or_else(|| anyhow::anyhow!("{site}: not one of this run's sites"))
    }
}

impl From<Vec<Arc<SiteClient>>> for Clients {
    fn from(clients: Vec<Arc<SiteClient>>) -> Self {
        Clients(clients.into_iter().map(|c| (c.id.clone(), c)).collect())
    }
}

/// A selected site: ready to use, or failed before it could be (its
/// Keystone did not answer, its configuration is unusable).
pub enum Site {
    Ready(Arc<SiteClient>),
    Failed(SiteId, anyhow::Error),
}

impl Site {
    pub(crate) fn id(&self) -> SiteId {
        match self {
            Site::Ready(c) => c.id.clone(),
            Site::Failed(id, _) => id.clone(),
        }
    }
}

/// A site's value together with errors that did not stop it (one service of
/// several failed, say).
#[derive(Debug)]
pub(crate) struct Partial<T> {
    pub(crate) value: T,
    pub(crate) errors: Vec<anyhow::Error>,
}

impl<T> Partial<T> {
    pub(crate) fn new(value: T) -> Self {
        Partial {
            value,
            errors: Vec::new(),
        }
    }
}

/// What a fan-out produced, sorted by site: the values of the sites that
/// finished, the failures (a failed site, or a finished site's partial
/// errors), and the sites a cancellation left unfinished.
#[derive(Debug)]
pub(crate) struct Batch<T> {
    pub(crate) done: Vec<(SiteId, T)>,
    pub(crate) failures: Vec<(SiteId, anyhow::Error)>,
    pub(crate) unfinished: Vec<SiteId>,
    pub(crate) interrupted: bool,
}

impl<T> Default for Batch<T> {
    fn default() -> Self {
        Batch {
            done: Vec::new(),
            failures: Vec::new(),
            unfinished: Vec::new(),
            interrupted: false,
        }
    }
}

/// How long one site's share of a fan-out may take unless told otherwise.
pub(crate) const DEFAULT_SITE_TIMEOUT: Duration = Duration::from_secs(120);

/// What hears about a fan-out of `n` items.
type ProgressFor = Arc<dyn Fn(usize) -> Box<dyn Progress> + Send + Sync>;

/// Runs per-site work for one command run.
pub struct Runner {
    concurrency: usize,
    cancel: Cancel,
    progress: ProgressFor,
    /// Whether progress may be drawn (a terminal, no `-q` or `-v`).
    shows_progress: bool,
    site_timeout: Duration,
}

impl Runner {
    /// `show_progress`: a progress line on a terminal (never with `-q` or `-v`).
    pub fn new(concurrency: usize, cancel: Cancel, show_progress: bool) -> Self {
        Runner {
            concurrency: concurrency.max(1),
            cancel,
            progress: Arc::new(move |n| progress::for_sites(n, show_progress)),
            shows_progress: show_progress,
            site_timeout: DEFAULT_SITE_TIMEOUT,
        }
    }

    /// Whether progress may be drawn: for work that shows its own (the
    /// bytes of a transfer).
    pub(crate) fn shows_progress(&self) -> bool {
        self.shows_progress
    }

    /// The same, telling `progress` of each fan-out (tests listen this way).
    #[cfg(test)]
    fn with_progress(mut self, progress: ProgressFor) -> Self {
        self.progress = progress;
        self
    }

    /// Each site's work in a fan-out ends by this deadline (`--site-timeout`);
    /// retries within it wait only while it allows.
    pub(crate) fn with_site_timeout(mut self, site_timeout: Duration) -> Self {
        self.site_timeout = site_timeout;
        self
    }

    /// The run's cancellation, for work that must end itself on Ctrl-C
    /// (a transfer that deletes what it made before it returns).
    pub(crate) fn cancel(&self) -> &Cancel {
        &self.cancel
    }

    /// Whether the run was cancelled (Ctrl-C).
    pub(crate) fn is_cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }

    /// Runs `task` on every site; reads are abandoned on cancellation. A
    /// site's connections are released when its task ends.
    pub(crate) async fn each<T, F, Fut>(&self, sites: &[Arc<SiteClient>], task: F) -> Batch<T>
    where
        F: Fn(Arc<SiteClient>) -> Fut,
        Fut: Future<Output = anyhow::Result<T>>,
    {
        self.each_partial(sites, |c| {
            let fut = task(c);
            async move { fut.await.map(Partial::new) }
        })
        .await
    }

    /// [`Runner::each`] for a task whose site may end with errors that did
    /// not stop it (one service of several failed).
    pub(crate) async fn each_partial<T, F, Fut>(
        &self,
        sites: &[Arc<SiteClient>],
        task: F,
    ) -> Batch<T>
    where
        F: Fn(Arc<SiteClient>) -> Fut,
        Fut: Future<Output = anyhow::Result<Partial<T>>>,
    {
        self.run(
            sites.to_vec(),
            |c| c.id.clone(),
            OnCancel::Abandon,
            |c| {
                // The site's connections close when its task ends, however.
                let release = c.release_on_drop();
                let fut = task(c);
                async move {
                    let _release = release;
                    fut.await
                }
            },
        )
        .await
    }

    /// Runs `task` once for each site's share of some work.
    pub(crate) async fn by_site<V, T, F, Fut>(
        &self,
        work: BTreeMap<SiteId, V>,
        on_cancel: OnCancel,
        task: F,
    ) -> Batch<T>
    where
        F: Fn(SiteId, V) -> Fut,
        Fut: Future<Output = anyhow::Result<Partial<T>>>,
    {
        self.run(
            work.into_iter().collect(),
            |(site, _)| site.clone(),
            on_cancel,
            |(site, v)| task(site, v),
        )
        .await
    }

    /// Runs `task` on any per-site items (groups of writes, sites not yet
    /// logged in to); `site_of` names each item's site.
    pub(crate) async fn run<I, T, F, Fut>(
        &self,
        items: Vec<I>,
        site_of: impl Fn(&I) -> SiteId,
        on_cancel: OnCancel,
        task: F,
    ) -> Batch<T>
    where
        F: Fn(I) -> Fut,
        Fut: Future<Output = anyhow::Result<Partial<T>>>,
    {
        let mut batch = Batch::default();
        if items.is_empty() {
            return batch;
        }
        let progress = (self.progress)(items.len());
        let sites: Vec<SiteId> = items.iter().map(&site_of).collect();
        let mut finished = vec![false; items.len()];
        let cancel = &self.cancel;
        let heed = on_cancel != OnCancel::Complete;
        let limit = self.site_timeout;
        // Items start lazily, so nothing new starts once the run is cancelled.
        let stream = futures::stream::iter(items.into_iter().enumerate().map(|(i, item)| {
            let fut = task(item);
            let (progress, site) = (&*progress, &sites[i]);
            async move {
                if heed && cancel.is_cancelled() {
                    return (i, None);
                }
                // Started when it first runs, after the check: an item a
                // cancellation skips never started.
                progress.site_started(i, site);
                let deadline = Instant::now() + limit;
                let bounded = tokio::time::timeout(limit, http::with_deadline(deadline, fut));
                (i, Some(bounded.await.unwrap_or_else(|_| Err(late(limit)))))
            }
        }))
        .buffer_unordered(self.concurrency);
        futures::pin_mut!(stream);
        let mut absorb = |batch: &mut Batch<T>, i: usize, out: anyhow::Result<Partial<T>>| {
            finished[i] = true;
            // A site with partial errors failed too: the report lists them
            // among the failures, so the line warns of them as they come.
            progress.site_done(i, matches!(&out, Ok(p) if p.errors.is_empty()));
            match out {
                Ok(p) => {
                    batch
                        .failures
                        .extend(p.errors.into_iter().map(|e| (sites[i].clone(), e)));
                    batch.done.push((sites[i].clone(), p.value));
                }
                Err(e) => batch.failures.push((sites[i].clone(), e)),
            }
        };
        loop {
            tokio::select! {
                next = stream.next() => match next {
                    Some((i, Some(out))) => absorb(&mut batch, i, out),
                    Some((_, None)) => {}
                    None => break,
                },
                _ = cancel.cancelled(), if heed && !batch.interrupted => {
                    batch.interrupted = true;
                    if on_cancel == OnCancel::Abandon {
                        break;
                    }
                }
            }
        }
        batch.interrupted |= heed && cancel.is_cancelled();
        progress.finish();
        batch.unfinished = sites
            .iter()
            .zip(&finished)
            .filter(|(_, f)| !**f)
            .map(|(s, _)| s.clone())
            .collect();
        batch.done.sort_by(|a, b| a.0.cmp(&b.0));
        // Stable: a site's own errors keep their order.
        batch.failures.sort_by(|a, b| a.0.cmp(&b.0));
        batch
    }
}

/// A site whose work outlived its deadline.
fn late(limit: Duration) -> anyhow::Error {
    hinted(
        format!(
            "did not finish within {}s (--site-timeout)",
            limit.as_secs_f64()
        ),
        "raise --site-timeout (or --timeout), or see where it waits with -v",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    fn site(n: usize) -> SiteId {
        SiteId::new(format!("c{}", n % 3), format!("r{n:02}"))
    }

    fn runner(concurrency: usize) -> Runner {
        Runner::new(concurrency, Cancel::new(), false)
    }

    #[tokio::test(start_paused = true)]
    async fn bounded_sorted_and_failures_kept() {
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let out = runner(4)
            .run(
                (0..20).collect(),
                |n| site(*n),
                OnCancel::Abandon,
                |n| {
                    let running = running.clone();
                    let peak = peak.clone();
                    async move {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        peak.fetch_max(now, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis((20 - n) as u64)).await;
                        running.fetch_sub(1, Ordering::SeqCst);
                        if n == 7 {
                            anyhow::bail!("boom")
                        } else {
                            Ok(Partial::new(n))
                        }
                    }
                },
            )
            .await;
        assert!(!out.interrupted);
        assert_eq!(out.done.len(), 19);
        assert_eq!(out.failures.len(), 1);
        assert_eq!(out.failures[0].0, site(7));
        assert!(out.unfinished.is_empty());
        assert!(peak.load(Ordering::SeqCst) <= 4);
        let sites: Vec<_> = out.done.iter().map(|(s, _)| s.clone()).collect();
        let mut sorted = sites.clone();
        sorted.sort();
        assert_eq!(sites, sorted);
    }

    /// What a [`Progress`] heard, in order.
    #[derive(Clone, Default)]
    struct Heard(Arc<std::sync::Mutex<Vec<String>>>);

    impl Progress for Heard {
        fn site_started(&self, item: usize, site: &SiteId) {
            self.0.lock().unwrap().push(format!("start {item} {site}"));
        }
        fn site_done(&self, item: usize, ok: bool) {
            self.0.lock().unwrap().push(format!("done {item} {ok}"));
        }
        fn finish(&self) {
            self.0.lock().unwrap().push("finish".to_string());
        }
    }

    /// Issue 16: the progress line hears each item start before it ends,
    /// whether it failed (an error, or a site's partial errors), and the
    /// end of the fan-out once; an item a cancellation skips never starts.
    #[tokio::test(start_paused = true)]
    async fn progress_hears_each_start_end_and_failure() {
        let heard = Heard::default();
        let tell = heard.clone();
        let cancel = Cancel::new();
        let r = Runner::new(1, cancel.clone(), false)
            .with_progress(Arc::new(move |_| Box::new(tell.clone())));
        let out = r
            .run(
                vec![0, 1, 2, 3],
                |n| site(*n),
                OnCancel::Drain,
                |n| {
                    let cancel = cancel.clone();
                    async move {
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        match n {
                            1 => anyhow::bail!("boom"),
                            2 => {
                                cancel.cancel();
                                let mut p = Partial::new(n);
                                p.errors.push(anyhow::anyhow!("one service failed"));
                                Ok(p)
                            }
                            _ => Ok(Partial::new(n)),
                        }
                    }
                },
            )
            .await;
        assert_eq!(out.unfinished, vec![site(3)]);
        assert_eq!(
            *heard.0.lock().unwrap(),
            [
                "start 0 c0/r00",
                "done 0 true",
                "start 1 c1/r01",
                "done 1 false",
                "start 2 c2/r02",
                "done 2 false",
                "finish",
            ]
        );
    }

    /// Every site waits for all the others: this finishes only if the sites
    /// run at the same time, and would hang (then fail) one at a time.
    #[tokio::test]
    async fn sites_run_at_the_same_time() {
        let n = 8;
        let barrier = Arc::new(tokio::sync::Barrier::new(n));
        let r = runner(16);
        let work = r.run(
            (0..n).collect(),
            |i| site(*i),
            OnCancel::Abandon,
            |i| {
                let barrier = barrier.clone();
                async move {
                    barrier.wait().await;
                    Ok(Partial::new(i))
                }
            },
        );
        let out = tokio::time::timeout(Duration::from_secs(60), work)
            .await
            .expect("the sites ran one at a time");
        assert_eq!(out.done.len(), n);
    }

    #[tokio::test]
    async fn partial_errors_sit_next_to_the_value() {
        let out = runner(2)
            .run(
                vec![1, 2],
                |n| site(*n),
                OnCancel::Abandon,
                |n| async move {
                    Ok(Partial {
                        value: n,
                        errors: if n == 2 {
                            vec![anyhow::anyhow!("network failed")]
                        } else {
                            vec![]
                        },
                    })
                },
            )
            .await;
        assert_eq!(out.done.len(), 2);
        assert_eq!(out.failures.len(), 1);
        assert_eq!(out.failures[0].0, site(2));
    }

    /// Cancelling abandons reads in flight and starts nothing new; the
    /// finished sites are kept and the others named as unfinished.
    #[tokio::test]
    async fn cancel_abandons_reads_and_names_the_unfinished() {
        let r = runner(2);
        let cancel = r.cancel().clone();
        let out = r
            .run(
                (0..6).collect(),
                |n| site(*n),
                OnCancel::Abandon,
                |n| {
                    let cancel = cancel.clone();
                    async move {
                        if n == 0 {
                            return Ok(Partial::new(n));
                        }
                        // Site 1 cancels the run, then hangs like a dead site.
                        if n == 1 {
                            cancel.cancel();
                        }
                        futures::future::pending::<()>().await;
                        Ok(Partial::new(n))
                    }
                },
            )
            .await;
        assert!(out.interrupted);
        assert_eq!(out.done.iter().map(|(_, v)| *v).collect::<Vec<_>>(), [0]);
        assert_eq!(out.unfinished.len(), 5);
    }

    /// With `Drain`, writes in flight finish after the cancellation, and
    /// nothing new starts.
    #[tokio::test(start_paused = true)]
    async fn cancel_drains_writes_in_flight() {
        let r = runner(2);
        let cancel = r.cancel().clone();
        let started = Arc::new(AtomicUsize::new(0));
        let out = r
            .run(
                (0..6).collect(),
                |n| site(*n),
                OnCancel::Drain,
                |n| {
                    let cancel = cancel.clone();
                    let started = started.clone();
                    async move {
                        started.fetch_add(1, Ordering::SeqCst);
                        // Both first sites have started by the time site 0
                        // cancels: they were in flight.
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        if n == 0 {
                            cancel.cancel();
                        }
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok(Partial::new(n))
                    }
                },
            )
            .await;
        assert!(out.interrupted);
        assert_eq!(started.load(Ordering::SeqCst), 2, "nothing new starts");
        assert_eq!(out.done.iter().map(|(_, v)| *v).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(out.unfinished.len(), 4);
    }

    /// Issue 7: a hung site ends at its deadline, and the others finish.
    #[tokio::test(start_paused = true)]
    async fn a_hung_site_ends_at_its_deadline() {
        let r = runner(4).with_site_timeout(Duration::from_millis(50));
        let out = r
            .run(
                (0..3).collect(),
                |n| site(*n),
                OnCancel::Abandon,
                |n| async move {
                    if n == 1 {
                        futures::future::pending::<()>().await;
                    }
                    Ok(Partial::new(n))
                },
            )
            .await;
        assert_eq!(out.done.len(), 2);
        assert_eq!(out.failures.len(), 1);
        assert_eq!(out.failures[0].0, site(1));
        let (msg, hints) = crate::error::describe(&out.failures[0].1);
        assert_eq!(msg, "did not finish within 0.05s (--site-timeout)");
        assert!(hints[0].contains("--site-timeout"));
    }

    /// Cleanup runs to the end even after a cancellation.
    #[tokio::test]
    async fn complete_ignores_the_cancellation() {
        let r = runner(2);
        r.cancel().cancel();
        let out = r
            .run(
                (0..4).collect(),
                |n| site(*n),
                OnCancel::Complete,
                |n| async move { Ok(Partial::new(n)) },
            )
            .await;
        assert!(!out.interrupted);
        assert_eq!(out.done.len(), 4);
    }
}
