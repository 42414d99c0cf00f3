//! Carrying out a flavor plan at its targets: create (with extra specs and
//! access), replace, share; undo a creation; read the result back.

use super::Specs;
use super::sync::{Grant, Op};
use crate::api::SiteClient;
use crate::api::flavor::{Flavor, NewFlavor};
use crate::plan::{self, Effect, Effects, Executor, Left, Made, Step, Verdicts};

/// Writes flavors at the targets of a sync.
pub(super) struct Flavors;

impl Executor for Flavors {
    type Op = Op;
    /// The id of a flavor this run created.
    type Undo = String;
    /// Nova lets only admins write flavors: a target whose credentials
    /// lack the role stops the run before anything changes anywhere.
    async fn preflight(&self, client: &SiteClient) -> anyhow::Result<()> {
        client
            .require_role(
                "admin",
                "writing flavors",
                "use a cloud entry whose credentials have the admin role (e.g. --os-cloud \
                 prod-admin); nothing was changed anywhere",
            )
            .await
    }

    async fn apply(&self, client: &SiteClient, steps: &[&Step<Op>]) -> Effects<String> {
        let mut effects = Vec::new();
        for step in steps {
            effects.push(apply_one(client, step).await?);
        }
        Ok(effects)
    }

    async fn undo(&self, client: &SiteClient, id: &String) -> anyhow::Result<()> {
        client.delete_flavor(id).await
    }

    /// Reads the site's flavors once and checks each step's flavor: its
    /// specs, its id where the plan kept the source's, its access list.
    async fn verify(&self, client: &SiteClient, steps: &[&Step<Op>]) -> Verdicts {
        let flavors = client
            .flavors()
            .await
            .map_err(|e| e.context("verifying the flavors"))?;
        let mut checks = Vec::new();
        for step in steps {
            checks.push(check(client, &flavors, step).await?);
        }
        Ok(checks)
    }
}

async fn apply_one(client: &SiteClient, step: &Step<Op>) -> anyhow::Result<Effect<String>> {
    match &step.op {
        Op::Create { new, grant } => {
            let made = make(client, new, grant).await?;
            let note = made.note();
            Ok(Effect::created(made.into_inner()).noted(note))
        }
        // The new flavor stands where one was before the run, so a failure
        // elsewhere must not roll it back into nothing.
        Op::Replace {
            old_id,
            new,
            grant,
            original,
        } => {
            let made = plan::replace(
                &format!("flavor {} (id {old_id})", new.name),
                &original.describe(),
                client.delete_flavor(old_id),
                make(client, new, grant),
                async || {
                    make(client, &original.flavor, &original.grant)
                        .await
                        .map(drop)
                },
            )
            .await?;
            Ok(Effect::changed().noted(made.note()))
        }
        Op::Grant { id, grant } => {
            for g in grant {
                client.add_flavor_access(id, &g.id).await.map_err(|e| {
                    e.context(format!(
                        "sharing flavor {} with project {}",
                        step.name, g.name
                    ))
                })?;
            }
            Ok(Effect::changed())
        }
        Op::Nothing => anyhow::bail!("flavor {}: nothing to apply", step.name),
    }
}

/// Creates a flavor whole (extra specs, access) and returns its id; a
/// flavor left half-made is deleted again, so that a re-run creates it
/// instead of adopting or fighting it. A creation whose answer was lost
/// is looked up by name and completed.
async fn make(
    client: &SiteClient,
    new: &NewFlavor,
    grant: &[Grant],
) -> anyhow::Result<Made<String>> {
    let made = plan::create_or_find(client.create_flavor(new), async || {
        made_by(client, new).await
    })
    .await
    .map_err(|e| e.context(format!("creating flavor {}", new.name)))?;
    let id = match &made {
        Made::New(id) | Made::Found(id) => id.clone(),
    };
    let finish = async {
        if !new.extra_specs.is_empty() {
            client
                .set_extra_specs(&id, &new.extra_specs)
                .await
                .map_err(|e| e.context("setting its extra specs"))?;
        }
        for g in grant {
            client
                .add_flavor_access(&id, &g.id)
                .await
                .map_err(|e| e.context(format!("sharing it with project {}", g.name)))?;
        }
        anyhow::Ok(())
    };
    if let Err(e) = finish.await {
        return Err(match client.delete_flavor(&id).await {
            Ok(()) => e
                .context(format!(
                    "creating flavor {} (it was deleted again)",
                    new.name
                ))
                .context(Left::RolledBack),
            Err(d) => e.context(format!(
                "creating flavor {} (deleting it failed too ({d:#}); remove flavor id {id} by \
                 hand)",
                new.name
            )),
        });
    }
    Ok(made)
}

/// The flavor a creation whose answer was lost made, if it made one: the
/// one of its name with the id asked for (if one was) and the asked-for
/// specs; its extra specs and access come after the creation.
async fn made_by(client: &SiteClient, new: &NewFlavor) -> anyhow::Result<Option<String>> {
    Ok(client
        .flavors()
        .await?
        .into_iter()
        .find(|f| {
            f.name == new.name && new.id.as_ref().is_none_or(|id| &f.id == id) && f.size == new.size
        })
        .map(|f| f.id))
}

/// Whether a step's flavor is at the site as planned.
async fn check(
    client: &SiteClient,
    flavors: &[Flavor],
    step: &Step<Op>,
) -> anyhow::Result<Result<(), String>> {
    let (found, grant) = match &step.op {
        Op::Create { new, grant } | Op::Replace { new, grant, .. } => {
            let Some(f) = flavors.iter().find(|f| f.name == new.name) else {
                return Ok(Err(format!("flavor {} is not there", new.name)));
            };
            let want = Specs::of_new(new);
            let got = Specs::of(f);
            if got != want {
                return Ok(Err(format!(
                    "flavor {} has other specs: {}",
                    new.name,
                    want.differences(&got).join(", ")
                )));
            }
            if let Some(id) = &new.id
                && &f.id != id
            {
                return Ok(Err(format!(
                    "flavor {} has id {}, not {id}",
                    new.name, f.id
                )));
            }
            (f, grant)
        }
        Op::Grant { id, grant } => match flavors.iter().find(|f| &f.id == id) {
            Some(f) => (f, grant),
            None => return Ok(Err(format!("flavor {} (id {id}) is not there", step.name))),
        },
        Op::Nothing => return Ok(Ok(())),
    };
    if found.size.is_public || grant.is_empty() {
        return Ok(Ok(()));
    }
    let access = client.flavor_access(found).await?;
    let missing: Vec<&str> = grant
        .iter()
        .filter(|g| !access.contains(&g.id))
        .map(|g| g.name.as_str())
        .collect();
    if missing.is_empty() {
        Ok(Ok(()))
    } else {
        Ok(Err(format!(
            "flavor {} is not shared with {}",
            step.name,
            missing.join(", ")
        )))
    }
}
