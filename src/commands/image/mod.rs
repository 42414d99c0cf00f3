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
    #[command(long_about = help!("image-list"))]
    List(list::ListArgs),
    /// Copy images from one site to others, step by step: a canary first,
    /// then waves, each copy verified by its hash; a failure deletes every
    /// copy of the run.
    #[command(long_about = help!("image-sync", "image-copy", "sync"))]
    Sync(sync::SyncArgs),
    /// Copy what the source has to every target, for cron: what is
    /// missing, and what changed at the source under the same name.
    #[command(long_about = help!("image-mirror", "image-copy", "sync"))]
    Mirror(mirror::MirrorArgs),
    /// Make sure a site has an image, copying it there from the first site
    /// that has it when it does not; print its id there.
    #[command(long_about = help!("image-ensure", "image-copy"))]
    Ensure(ensure::EnsureArgs),
    /// Delete the copies one past run made (found by their osprey_run
    /// property), after a plan and confirmation.
    #[command(long_about = help!("image-unsync"))]
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
