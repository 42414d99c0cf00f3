//! `osprey image unsync --run RUN_ID`: deletes what one past run made,
//! found at every selected site by the `osprey_run` property it wrote on
//! each copy; after a plan and confirmation, as every change.

use crate::api::SiteClient;
use crate::api::image::Image;
use crate::context::Estate;
use crate::plan::{self, Action, Effect, Effects, Executor, Plan, Step, Verdicts};
use crate::report::Report;
use serde_json::json;

/// `image unsync` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct UnsyncArgs {
    /// The run whose copies to delete, as its copies name it in their
    /// osprey_run property (`osprey image list` shows it in a note for
    /// copies a killed run left unfinished).
    #[arg(long, value_name = "RUN_ID")]
    pub(crate) run: String,

    #[command(flatten)]
    pub(crate) plan: plan::PlanArgs,
}

/// A copy to delete: its id, and whether it must be unprotected first.
#[derive(Debug, Clone)]
pub(super) struct Doomed {
    id: String,
    protected: bool,
}

/// Deletes images; a deletion is never undone.
struct Deletes;

impl Executor for Deletes {
    type Op = Doomed;
    type Undo = ();

    async fn apply(&self, site: &SiteClient, steps: &[&Step<Doomed>]) -> Effects<()> {
        let mut out = Vec::new();
        for step in steps {
            let image = &step.op;
            if image.protected {
                site.set_image(&image.id, &[("protected", json!(false))])
                    .await?;
            }
            site.delete_image(&image.id).await?;
            out.push(Effect::changed());
        }
        Ok(out)
    }

    async fn undo(&self, _: &SiteClient, _: &()) -> anyhow::Result<()> {
        Ok(())
    }

    async fn verify(&self, site: &SiteClient, steps: &[&Step<Doomed>]) -> Verdicts {
        let mut out = Vec::new();
        for step in steps {
            out.push(match site.image(&step.op.id).await? {
                None => Ok(()),
                Some(i) => Err(format!("image {} is still here ({})", i.id, i.status)),
            });
        }
        Ok(out)
    }
}

/// `osprey image unsync --run RUN_ID`.
pub(crate) async fn unsync(estate: &Estate<'_>, args: &UnsyncArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let sites = estate.sites().await?;
    let run = args.run.as_str();
    let (clients, found) = report
        .each(
            &estate.runner,
            sites,
            |c| async move { of_run(&c, run).await },
        )
        .await;
    let mut steps = Vec::new();
    for (site, images) in found {
        for image in images {
            let detail = format!("id {}, {}, made by run {run}", image.id, image.status);
            steps.push(Step {
                site: site.clone(),
                kind: "image".to_string(),
                name: image.name().to_string(),
                action: Action::Delete,
                detail,
                group: image.id.clone(),
                phase: 0,
                op: Doomed {
                    id: image.id.clone(),
                    protected: image.protected,
                },
            });
        }
    }
    if steps.is_empty() && report.failures.is_empty() {
        report
            .notes
            .push(format!("no image of run {run} at any selected site"));
    }
    let plan = Plan::per_site(steps, "delete", "image");
    estate
        .execute(plan, &Deletes, clients, &args.plan, &mut report)
        .await?;
    Ok(report)
}

/// The images at a site that run `run` made.
async fn of_run(site: &SiteClient, run: &str) -> anyhow::Result<Vec<Image>> {
    let images = site.images().await?;
    Ok(images
        .into_iter()
        .filter(|i| i.property("osprey_run") == Some(run))
        .collect())
}
