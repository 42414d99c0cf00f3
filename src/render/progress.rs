//! Progress reporting: the only module that touches indicatif.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Something that hears about work finishing, one site at a time.
pub(crate) trait Progress: Send + Sync {
    fn site_done(&self, site: &str);
    fn finish(&self);
}

/// No progress output (not a terminal, `-q` or `-v`).
pub(crate) struct Silent;

impl Progress for Silent {
    fn site_done(&self, _site: &str) {}
    fn finish(&self) {}
}

/// A bar on stderr counting finished sites.
pub(crate) struct Bar(ProgressBar);

impl Progress for Bar {
    fn site_done(&self, site: &str) {
        self.0.set_message(site.to_string());
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// Whether progress may be shown at all: on a terminal, and not with `-q`
/// or `-v` (whose lines a bar would garble).
pub(crate) fn wanted(quiet: bool, verbose: u8) -> bool {
    !quiet && verbose == 0 && std::io::stderr().is_terminal()
}

/// A bar counting `total` sites (nothing for a single site); callers ask
/// [`wanted`] first.
pub(crate) fn for_sites(total: usize) -> Box<dyn Progress> {
    if total < 2 {
        return Box::new(Silent);
    }
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos}/{len} sites {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Box::new(Bar(bar))
}
