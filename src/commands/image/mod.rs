//! `osprey image list|sync|mirror|ensure|unsync`: images compared across
//! regions by content hash, and copied between them: server-side
//! (`glance-download`) where a target's Glance can fetch from the source,
//! else one download streamed to every target at once; verified, and never
//! left half-made.

mod copy;
pub(crate) mod ensure;
mod hash;
mod list;
pub(crate) mod mirror;
pub(crate) mod sync;
pub(crate) mod unsync;

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
    /// Copy images from one site to others, step by step: a canary first,
    /// then waves, each copy verified by its hash; a failure deletes every
    /// copy of the run.
    ///
    /// A target that shares the source's Keystone and whose Glance offers
    /// glance-download fetches the data itself; every other target of a
    /// wave is fed from one read of the source. A copy gets the source's
    /// name, formats, sizes, tags, protection and custom properties, and
    /// osprey_source, osprey_source_hash and osprey_run properties that say
    /// where it came from.
    Sync(sync::SyncArgs),
    /// Copy what the source has to every target, for cron: what is
    /// missing, and what changed at the source under the same name.
    ///
    /// A changed image is copied again; then the older copy (only one
    /// osprey made from this source) is renamed NAME (replaced
    /// YYYY-MM-DD) and made private, so that servers built from it can
    /// still be rebuilt, or deleted with --on-change delete. A same-named
    /// image osprey did not make is a conflict, never touched. Images
    /// marked osprey_sync=none, or matching --exclude, are skipped. A
    /// second run right after plans only skips.
    Mirror(mirror::MirrorArgs),
    /// Make sure a site has an image, copying it there from the first site
    /// that has it when it does not; print its id there.
    ///
    /// Made for CI steps and scripts: it asks nothing (the command is the
    /// request), and `-f value -c id` prints only the id:
    /// IMG=$(osprey image ensure ubuntu-24.04 --at prod/RegionTwo -f value -c id)
    Ensure(ensure::EnsureArgs),
    /// Delete the copies one past run made (found by their osprey_run
    /// property), after a plan and confirmation.
    Unsync(unsync::UnsyncArgs),
}

impl crate::commands::Family for Command {
    fn columns(&self) -> crate::render::Known {
        use crate::render::{Known, columns::of};
        match self {
            Command::List(_) => Known::with_sites(of::<list::ImageRow>(), &["name", "status"]),
            Command::Sync(_) | Command::Mirror(_) | Command::Unsync(_) => {
                Known::rows(of::<crate::plan::PlanRow>())
            }
            Command::Ensure(_) => Known::rows(of::<ensure::EnsureRow>()),
        }
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List(a) => list::list(estate, a).await,
            Command::Sync(a) => sync::sync(estate, a).await,
            Command::Mirror(a) => mirror::mirror(estate, a).await,
            Command::Ensure(a) => ensure::ensure(estate, a).await,
            Command::Unsync(a) => unsync::unsync(estate, a).await,
        }
    }
}
