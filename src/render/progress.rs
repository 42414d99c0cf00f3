//! Progress reporting: the only module that touches indicatif.
//!
//! A fan-out on a terminal gets one line, whatever its number of sites:
//! `412/1000 sites, 3 failed, waiting on east/r07 (38s)`, redrawn a few
//! times a second and cleared at the end. What the line says is worked out
//! by a [`Tally`], plain data that tests check without a terminal; the bar
//! only draws it.
//!
//! Transfers (image copies) get their own lines: one bar per streamed
//! target (bytes, rate, time left) and one spinner per server-side import,
//! each cleared when it ends.

use crate::api::SiteId;
use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use std::any::Any;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// Something that hears about a fan-out's items starting and ending. An item
/// is one site's share of the work (a site may have several, groups of
/// writes say), known by its index in the fan-out.
///
/// `Any` lets a test tell which kind it was given.
pub(crate) trait Progress: Send + Sync + Any {
    /// Item `item`, of `site`, begins to run.
    fn site_started(&self, item: usize, site: &SiteId);
    /// Item `item` ended; `ok` is false when it failed.
    fn site_done(&self, item: usize, ok: bool);
    /// The fan-out is over: nothing is left on the screen.
    fn finish(&self);
}

/// No progress output (not a terminal, `-q`, `-v`, or a single site).
pub(crate) struct Silent;

impl Progress for Silent {
    fn site_started(&self, _item: usize, _site: &SiteId) {}
    fn site_done(&self, _item: usize, _ok: bool) {}
    fn finish(&self) {}
}

/// Where a fan-out stands: items done and failed out of the total, and when
/// each running item started, to name the one waited on longest.
pub(crate) struct Tally {
    total: usize,
    done: usize,
    failed: usize,
    /// By item index; only the running ones (at most the concurrency), so
    /// looking for the slowest on every redraw stays cheap.
    running: BTreeMap<usize, (Instant, SiteId)>,
}

impl Tally {
    pub(crate) fn new(total: usize) -> Self {
        Tally {
            total,
            done: 0,
            failed: 0,
            running: BTreeMap::new(),
        }
    }

    pub(crate) fn started(&mut self, item: usize, site: &SiteId, now: Instant) {
        self.running.insert(item, (now, site.clone()));
    }

    pub(crate) fn finished(&mut self, item: usize, ok: bool) {
        self.running.remove(&item);
        self.done += 1;
        if !ok {
            self.failed += 1;
        }
    }

    /// The running item that started first (the lowest index of those that
    /// started together): the one the fan-out waits on longest.
    fn slowest(&self) -> Option<&(Instant, SiteId)> {
        self.running.values().min_by_key(|(start, _)| *start)
    }

    /// The line as of `now`: counts, failures if any, and the slowest site
    /// still running with its age in whole seconds, if one is.
    pub(crate) fn line(&self, now: Instant) -> String {
        let mut line = format!("{}/{} sites", self.done, self.total);
        if self.failed > 0 {
            let _ = write!(line, ", {} failed", self.failed);
        }
        if let Some((start, site)) = self.slowest() {
            let secs = now.saturating_duration_since(*start).as_secs();
            let _ = write!(line, ", waiting on {site} ({secs}s)");
        }
        line
    }
}

/// The line on stderr, redrawn from the tally.
pub(crate) struct Bar {
    bar: ProgressBar,
    tally: Arc<Mutex<Tally>>,
}

/// The tally even if a thread panicked holding it: a progress line is never
/// worth a second panic.
fn lock(tally: &Mutex<Tally>) -> MutexGuard<'_, Tally> {
    tally.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Progress for Bar {
    fn site_started(&self, item: usize, site: &SiteId) {
        lock(&self.tally).started(item, site, Instant::now());
    }
    fn site_done(&self, item: usize, ok: bool) {
        lock(&self.tally).finished(item, ok);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// How often the line is redrawn: the slowest site's age counts up even
/// when nothing finishes.
const TICK: Duration = Duration::from_millis(200);

/// Whether progress may be shown at all: on a terminal, and not with `-q`
/// or `-v` (whose lines a bar would garble).
pub(crate) fn wanted(quiet: bool, verbose: u8) -> bool {
    shown(quiet, verbose, std::io::stderr().is_terminal())
}

/// [`wanted`], given whether stderr is a terminal.
fn shown(quiet: bool, verbose: u8, terminal: bool) -> bool {
    !quiet && verbose == 0 && terminal
}

/// The progress of a fan-out of `total` items: a line if `shown` (see
/// [`wanted`]) and there are several, else [`Silent`].
pub(crate) fn for_sites(total: usize, shown: bool) -> Box<dyn Progress> {
    if !shown || total < 2 {
        return Box::new(Silent);
    }
    let tally = Arc::new(Mutex::new(Tally::new(total)));
    let drawn = tally.clone();
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {tally}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner())
            .with_key(
                "tally",
                move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&lock(&drawn).line(Instant::now()));
                },
            ),
    );
    bar.enable_steady_tick(TICK);
    Box::new(Bar { bar, tally })
}

/// The lines of a run's transfers; draws nothing when progress is not
/// shown (see [`wanted`]).
pub(crate) struct Transfers(Option<indicatif::MultiProgress>);

impl Transfers {
    pub(crate) fn new(shown: bool) -> Self {
        Transfers(shown.then(indicatif::MultiProgress::new))
    }

    /// A bar for `total` bytes (a spinner with a count when unknown).
    pub(crate) fn bytes(&self, label: &str, total: Option<u64>) -> Meter {
        let template = match total {
            Some(_) => "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}",
            None => "{spinner} {msg} {bytes} {bytes_per_sec}",
        };
        self.add(label, template, total)
    }

    /// A spinner for work whose progress cannot be seen (an import that
    /// the target's Glance runs).
    pub(crate) fn waiting(&self, label: &str) -> Meter {
        self.add(label, "{spinner} {msg} {elapsed}", None)
    }

    fn add(&self, label: &str, template: &str, total: Option<u64>) -> Meter {
        let Some(multi) = &self.0 else {
            return Meter(None);
        };
        let bar = match total {
            Some(n) => ProgressBar::new(n),
            None => ProgressBar::new_spinner(),
        };
        bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_message(label.to_string());
        let bar = multi.add(bar);
        bar.enable_steady_tick(TICK);
        Meter(Some(bar))
    }
}

/// One transfer's line, cleared when dropped.
pub(crate) struct Meter(Option<ProgressBar>);

impl Meter {
    /// `n` more bytes went through.
    pub(crate) fn add(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }
}

impl Drop for Meter {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(region: &str) -> SiteId {
        SiteId::new("east", region)
    }

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn transfers_off_a_terminal_draw_nothing() {
        let t = Transfers::new(false);
        let m = t.bytes("fake-b/RegionThree ubuntu", Some(10));
        m.add(5);
        assert!(m.0.is_none());
        assert!(t.waiting("fake-a/RegionTwo ubuntu").0.is_none());
    }

    #[test]
    fn counts_failures_and_the_slowest_running_site() {
        let t0 = Instant::now();
        let mut tally = Tally::new(1000);
        assert_eq!(tally.line(t0), "0/1000 sites");
        tally.started(0, &site("r00"), t0);
        tally.started(1, &site("r01"), t0 + secs(1));
        tally.started(2, &site("r02"), t0 + secs(2));
        assert_eq!(
            tally.line(t0 + secs(38)),
            "0/1000 sites, waiting on east/r00 (38s)"
        );
        tally.finished(0, true);
        tally.finished(2, false);
        assert_eq!(
            tally.line(t0 + secs(38)),
            "2/1000 sites, 1 failed, waiting on east/r01 (37s)"
        );
    }

    /// Items start in any order under `buffer_unordered`: the slowest is the
    /// earliest start, not the lowest index; among equal starts, the lowest.
    #[test]
    fn the_slowest_is_the_earliest_start() {
        let t0 = Instant::now();
        let mut tally = Tally::new(5);
        tally.started(4, &site("r04"), t0 + secs(3));
        tally.started(3, &site("r03"), t0);
        tally.started(1, &site("r01"), t0 + secs(1));
        tally.started(2, &site("r02"), t0 + secs(1));
        assert_eq!(
            tally.line(t0 + secs(9)),
            "0/5 sites, waiting on east/r03 (9s)"
        );
        tally.finished(3, true);
        assert_eq!(
            tally.line(t0 + secs(9)),
            "1/5 sites, waiting on east/r01 (8s)"
        );
    }

    /// Several items of one site are counted apart, and named by their site.
    #[test]
    fn items_of_one_site_count_apart() {
        let t0 = Instant::now();
        let mut tally = Tally::new(3);
        for i in 0..3 {
            tally.started(i, &site("r00"), t0);
        }
        tally.finished(1, true);
        assert_eq!(
            tally.line(t0 + Duration::from_millis(2500)),
            "1/3 sites, waiting on east/r00 (2s)"
        );
    }

    #[test]
    fn nothing_is_waited_on_at_the_end() {
        let t0 = Instant::now();
        let mut tally = Tally::new(3);
        for i in 0..3 {
            tally.started(i, &site(&format!("r{i:02}")), t0);
        }
        for (i, ok) in [(2, false), (0, true), (1, false)] {
            tally.finished(i, ok);
        }
        assert_eq!(tally.line(t0 + secs(60)), "3/3 sites, 2 failed");
    }

    /// A clock read before the start (another thread's `now`) is no age,
    /// not a panic.
    #[test]
    fn an_earlier_now_is_zero_seconds() {
        let t0 = Instant::now();
        let mut tally = Tally::new(2);
        tally.started(0, &site("r00"), t0 + secs(5));
        assert_eq!(tally.line(t0), "0/2 sites, waiting on east/r00 (0s)");
    }

    fn is_silent(p: &dyn Progress) -> bool {
        (p as &dyn Any).is::<Silent>()
    }

    /// Off a terminal, with `-q` or with `-v`, nothing is drawn: the
    /// end-to-end tests read stderr exactly.
    #[test]
    fn silent_off_a_terminal_and_with_q_or_v() {
        assert!(shown(false, 0, true));
        assert!(!shown(false, 0, false));
        assert!(!shown(true, 0, true));
        assert!(!shown(false, 1, true));
        for total in [0, 1, 2, 1000] {
            assert!(is_silent(&*for_sites(total, false)));
        }
    }

    /// One site needs no line: its own output is the progress.
    #[test]
    fn silent_for_a_single_site() {
        assert!(is_silent(&*for_sites(1, true)));
    }
}
