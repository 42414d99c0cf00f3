//! Progress reporting: the only module that touches indicatif.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Something that hears about work finishing, one site at a time.
pub trait Progress: Send + Sync {
    fn site_done(&self, site: &str);
    fn finish(&self);
}

/// No progress output (not a terminal, `-q` or `-v`).
pub struct Silent;

impl Progress for Silent {
    fn site_done(&self, _site: &str) {}
    fn finish(&self) {}
}

/// A bar on stderr counting finished sites.
pub struct Bar(ProgressBar);

impl Progress for Bar {
    fn site_done(&self, site: &str) {
        self.0.set_message(site.to_string());
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// A bar when stderr is a terminal and the user did not ask for quiet or
/// verbose output; otherwise nothing.
pub fn for_sites(total: usize, quiet: bool, verbose: u8) -> Box<dyn Progress> {
    if quiet || verbose > 0 || total < 2 || !std::io::stderr().is_terminal() {
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
