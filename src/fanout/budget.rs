//! Open files as a budget: the soft limit raised to the hard one at start
//! (as Go's runtime does since 1.19), and the number of sites that may
//! work at once without the run needing more files than that.

use crate::http::CONNECTIONS_PER_SITE;

/// Files a site holds at most while it works: a connection per request in
/// flight (see [`CONNECTIONS_PER_SITE`]).
const FILES_PER_SITE: usize = CONNECTIONS_PER_SITE;

/// Sites at work at once unless --concurrency says otherwise. A site at
/// work holds its connections' buffers (about 140 KiB); past a few hundred
/// at once a run is no faster (1000 fakestack sites at 50 ms: 1.70 s all
/// at once, 1.72 s 512 at once) but its memory grows (143 MiB against
/// 100 MiB).
const SITES_AT_ONCE: usize = 512;

/// The fewest open files a run needs: its runtime, its configuration, a
/// login and one site's connections. Below it the run would fail in ways
/// that say nothing of the cause (the runtime's signal handling cannot even
/// start under 8), so it does not start.
const MIN_FILES: u64 = 32;

/// What osprey may open at most: the soft limit on open files after
/// [`raise`], or `None` where there is no such limit to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Budget {
    pub(crate) files: Option<u64>,
}

impl Budget {
    /// Raises the soft limit on open files to the hard one and reads the
    /// result. A limit that cannot be raised stays as it is: the run then
    /// fits itself into it.
    pub(crate) fn raise() -> Budget {
        Budget {
            files: raise_open_files(),
        }
    }

    /// An error when the limit is below what any run needs.
    pub(crate) fn check(&self) -> anyhow::Result<()> {
        match self.files {
            Some(files) if files < MIN_FILES => Err(crate::error::hinted(
                format!(
                    "the limit on open files is {files}, and osprey needs at least {MIN_FILES}"
                ),
                "raise it in the shell that runs osprey (`ulimit -n 1024`; `ulimit -Hn` shows \
                 how far it may go)",
            )),
            _ => Ok(()),
        }
    }

    /// Files kept for everything but the sites' connections: the standard
    /// streams, the runtime, the configuration and token cache files, and
    /// the Keystones' connections, which sites share.
    fn reserve(files: u64) -> u64 {
        (files / 8).max(32)
    }

    /// How many sites may work at once: `cap` (`--concurrency`, else
    /// [`SITES_AT_ONCE`]), but never more than the budget holds, and at
    /// least one.
    pub(crate) fn concurrency(&self, cap: Option<usize>) -> usize {
        let fits = match self.files {
            Some(files) => {
                let spare = files.saturating_sub(Self::reserve(files));
                usize::try_from(spare / FILES_PER_SITE as u64).unwrap_or(usize::MAX)
            }
            None => usize::MAX,
        };
        cap.unwrap_or(SITES_AT_ONCE).min(fits).max(1)
    }
}

#[cfg(unix)]
// rlim_t is u64 on Linux and macOS but not on every unix.
#[allow(clippy::unnecessary_cast)]
fn raise_open_files() -> Option<u64> {
    // SAFETY: getrlimit and setrlimit only read and write the struct given.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: limit.rlim_max,
                ..limit
            };
            // macOS refuses a soft limit above OPEN_MAX with an unlimited
            // hard one; the limit as it was then stands.
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
        if limit.rlim_cur == libc::RLIM_INFINITY {
            return None;
        }
        Some(limit.rlim_cur as u64)
    }
}

#[cfg(not(unix))]
fn raise_open_files() -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_leaves_a_reserve_and_caps_the_sites() {
        let at = |files| Budget { files: Some(files) };
        // 1024 files: 128 kept back, 896 for sites of 6 files each.
        assert_eq!(at(1024).concurrency(None), 149);
        assert_eq!(at(1024).concurrency(Some(16)), 16);
        // 128 files: 32 kept back.
        assert_eq!(at(128).concurrency(None), 16);
        assert_eq!(at(128).concurrency(Some(100)), 16);
        // Too few files for one site still runs one at a time.
        assert_eq!(at(20).concurrency(None), 1);
        // No limit: the default number at once, or the cap, which may
        // be higher.
        let unlimited = Budget { files: None };
        assert_eq!(unlimited.concurrency(None), SITES_AT_ONCE);
        assert_eq!(unlimited.concurrency(Some(8)), 8);
        assert_eq!(unlimited.concurrency(Some(2000)), 2000);
        assert_eq!(at(20_000).concurrency(None), SITES_AT_ONCE);
    }

    #[test]
    fn a_limit_too_small_for_any_run_is_an_error() {
        let at = |files| Budget { files: Some(files) };
        let msg = format!("{:#}", at(16).check().unwrap_err());
        assert_eq!(
            msg,
            "the limit on open files is 16, and osprey needs at least 32"
        );
        assert!(at(32).check().is_ok());
        assert!(Budget { files: None }.check().is_ok());
    }

    #[cfg(unix)]
    #[allow(clippy::unnecessary_cast)]
    #[test]
    fn raising_reads_a_limit_at_least_the_old_soft_one() {
        let mut before = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: reads into the struct given.
        assert_eq!(
            unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut before) },
            0
        );
        let raised = Budget::raise();
        if let Some(files) = raised.files {
            assert!(files >= before.rlim_cur as u64, "{files}");
        }
        // Linux lets any process raise its soft limit to the hard one.
        if cfg!(target_os = "linux") && before.rlim_max != libc::RLIM_INFINITY {
            assert_eq!(raised.files, Some(before.rlim_max as u64));
        }
    }
}
