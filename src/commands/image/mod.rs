//! `osprey image list|sync`: images compared across regions by content
//! hash, and copied between them: server-side (`glance-download`) where a
//! target's Glance can fetch from the source, else one download streamed to
//! every target at once; verified, and never left half-made.

mod list;

use crate::context::Estate;
use crate::report::Report;

/// `osprey image`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Images as a name x site matrix of content hashes, with a status per
    /// name: same, differs, missing (or unfinished: left by a run that was
    /// killed).
    ///
    /// Images are compared by content hash (Glance's multihash, or MD5
    /// where a Glance has only that), not by name alone; several images of
    /// one name at a site count as the set of their hashes. An image of an
    /// osprey copy that never became active is `unfinished`: it does not
    /// hold its name, and `--exit-code` exits 1 on it too.
    List(list::ListArgs),
}

impl crate::commands::Family for Command {
    fn columns(&self) -> crate::render::Known {
        use crate::render::{Known, columns::of};
        match self {
            Command::List(_) => Known::with_sites(of::<list::ImageRow>(), &["name", "status"]),
        }
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List(a) => list::list(estate, a).await,
        }
    }
}
