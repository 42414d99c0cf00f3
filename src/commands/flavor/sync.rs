//! `osprey flavor sync`: reads the named flavors at the source and every
//! target, plans one step per (target, flavor), and hands the plan to the
//! one plan path.

use super::Specs;
use crate::api::flavor::{Flavor, NewFlavor, admin_only};
use crate::api::{SiteClient, SiteId};
use crate::error::{add_hint, closest, hinted};
use crate::plan::{self, Action, Step};
use crate::render::plural;
use crate::sync::CloneArgs;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// `flavor sync` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct SyncArgs {
    #[command(flatten)]
    pub(crate) what: CloneArgs,

    /// Delete and re-create a same-named flavor whose specs differ (never
    /// one that servers at the target were built from); the old flavor is
    /// put back whole if the new one cannot be made. Default: such a
    /// flavor is a conflict.
    #[arg(long)]
    pub(crate) replace: bool,

    #[command(flatten)]
    pub(crate) plan: plan::PlanArgs,
}

/// A project a private flavor is shared with at the source.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Sharer {
    pub(crate) id: String,
    /// `None`: no project of the source's Keystone has this id (deleted).
    pub(crate) name: Option<String>,
}

/// A flavor to clone, as the source has it.
#[derive(Debug, Clone)]
pub(super) struct Wanted {
    pub(crate) flavor: Flavor,
    pub(crate) specs: Specs,
    pub(crate) access: Vec<Sharer>,
}

impl Wanted {
    /// The flavor to create at a target, with `id` or a new one.
    fn new_flavor(&self, id: Option<String>) -> NewFlavor {
        new_flavor(&self.flavor, &self.specs, id)
    }
}

/// A flavor to create with `f`'s name and description and `specs`, with
/// `id` or a new one.
fn new_flavor(f: &Flavor, specs: &Specs, id: Option<String>) -> NewFlavor {
    NewFlavor {
        id,
        name: f.name.clone(),
        size: specs.size.clone(),
        description: f.description.clone(),
        extra_specs: specs.extra_specs.clone(),
    }
}

/// A project of the target's Keystone to share a flavor with.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Grant {
    pub(crate) name: String,
    pub(crate) id: String,
}

/// What a step does at its target.
#[derive(Debug, Clone)]
pub(super) enum Op {
    Create {
        new: NewFlavor,
        grant: Vec<Grant>,
    },
    /// Delete `old_id`, then create; put `original` back if that fails.
    Replace {
        old_id: String,
        new: NewFlavor,
        grant: Vec<Grant>,
        original: Original,
    },
    /// Share an identical flavor with the projects it lacks.
    Grant {
        id: String,
        grant: Vec<Grant>,
    },
    /// A skip or a conflict.
    Nothing,
}

/// A flavor as it stood at a target before a replace: what puts it back.
#[derive(Debug, Clone)]
pub(super) struct Original {
    pub(crate) flavor: NewFlavor,
    /// The projects it was shared with (by id).
    pub(crate) grant: Vec<Grant>,
}

impl Original {
    fn of(f: &Flavor, access: &[String]) -> Self {
        Original {
            flavor: new_flavor(f, &Specs::of(f), Some(f.id.clone())),
            grant: access
                .iter()
                .map(|id| Grant {
                    name: id.clone(),
                    id: id.clone(),
                })
                .collect(),
        }
    }

    /// Every value it had, for the one case where it cannot be put back.
    pub(super) fn describe(&self) -> String {
        let f = &self.flavor;
        let mut parts = vec![format!("id {}", f.id.as_deref().unwrap_or("?"))];
        parts.extend(
            Specs::of_new(f)
                .fields()
                .into_iter()
                .map(|(k, v)| format!("{k} {v:?}")),
        );
        if let Some(d) = &f.description {
            parts.push(format!("description {d:?}"));
        }
        if !self.grant.is_empty() {
            parts.push(format!("shared with project ids {}", names(&self.grant)));
        }
        parts.join(", ")
    }
}

/// Project names to ids in a target's Keystone.
type Projects = BTreeMap<String, Vec<String>>;

/// What a target has that bears on one wanted flavor.
#[derive(Debug, Default)]
struct Found<'a> {
    same_name: Option<&'a Flavor>,
    /// A flavor here with the source's id under another name.
    id_taken_by: Option<&'a Flavor>,
    /// The project ids `same_name` is shared with (read when it is private
    /// and has the source's specs).
    access: Vec<String>,
    /// Servers built from `same_name` (counted when --replace may delete it).
    servers: Option<usize>,
}

/// The named flavors at the source, with the names of the projects the
/// private ones are shared with. A name the source lacks is an error.
pub(super) async fn read_source(
    source: &SiteClient,
    names: &[String],
) -> anyhow::Result<Vec<Wanted>> {
    let at_source = || format!("reading the source {}", source.id);
    let flavors = source.flavors().await.map_err(|e| e.context(at_source()))?;
    let names: BTreeSet<&String> = names.iter().collect();
    let mut wanted = Vec::new();
    for name in names {
        let Some(f) = flavors.iter().find(|f| &f.name == name) else {
            let known: Vec<&str> = flavors.iter().map(|f| f.name.as_str()).collect();
            let mut err = hinted(
                format!("flavor {name}: no such flavor at the source {}", source.id),
                "run `osprey flavor list` to see the flavors of every site",
            );
            if let Some(guess) = closest(name, &known) {
                err = add_hint(err, format!("did you mean {guess}?"));
            }
            return Err(err);
        };
        wanted.push(Wanted {
            flavor: f.clone(),
            specs: Specs::of(f),
            access: Vec::new(),
        });
    }
    if wanted.iter().any(|w| !w.specs.size.is_public) {
        let projects = source
            .list_projects()
            .await
            .map_err(|e| {
                admin_only(
                    e,
                    "listing projects to map flavor access lists by name".into(),
                )
            })
            .map_err(|e| e.context(at_source()))?;
        let names: BTreeMap<&str, &str> = projects
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        for w in wanted.iter_mut().filter(|w| !w.specs.size.is_public) {
            let ids = source
                .flavor_access(&w.flavor)
                .await
                .map_err(|e| e.context(at_source()))?;
            w.access = ids
                .into_iter()
                .map(|id| Sharer {
                    name: names.get(id.as_str()).map(|n| n.to_string()),
                    id,
                })
                .collect();
        }
    }
    Ok(wanted)
}

/// Reads what a target has of the wanted flavors and plans each.
pub(super) async fn plan_target(
    client: Arc<SiteClient>,
    wanted: &[Wanted],
    replace: bool,
) -> anyhow::Result<Vec<Step<Op>>> {
    let flavors = client.flavors().await?;
    let projects = if wanted.iter().any(|w| !w.specs.size.is_public) {
        let mut map = Projects::new();
        let listed = client.list_projects().await.map_err(|e| {
            admin_only(
                e,
                "listing projects to map flavor access lists by name".into(),
            )
        })?;
        for p in listed {
            map.entry(p.name).or_default().push(p.id);
        }
        map
    } else {
        Projects::new()
    };
    let mut steps = Vec::new();
    for w in wanted {
        let name = &w.flavor.name;
        let mut found = Found {
            same_name: flavors.iter().find(|f| &f.name == name),
            id_taken_by: flavors
                .iter()
                .find(|f| f.id == w.flavor.id && &f.name != name),
            ..Found::default()
        };
        if let Some(here) = found.same_name {
            let same = Specs::of(here) == w.specs;
            // A replace must be able to put the original back whole.
            if (same || replace) && !here.size.is_public {
                found.access = client.flavor_access(here).await?;
            }
            if !same && replace {
                found.servers = Some(client.servers_with_flavor(here).await?);
            }
        }
        steps.push(decide(&client.id, w, &found, &projects, replace));
    }
    Ok(steps)
}

/// The target projects to share a private flavor with, mapped by name;
/// `Err(reason)` for a project that cannot be mapped.
fn map_access(w: &Wanted, projects: &Projects) -> Result<Vec<Grant>, String> {
    let mut grants = Vec::new();
    for s in &w.access {
        let Some(name) = &s.name else {
            return Err(format!(
                "project id {} in its access list at the source is no project of the \
                 source's Keystone (deleted?); remove it there \
                 (`openstack flavor unset --project {} {}`), then run again",
                s.id, s.id, w.flavor.name
            ));
        };
        match projects.get(name).map(Vec::as_slice) {
            Some([id]) => grants.push(Grant {
                name: name.clone(),
                id: id.clone(),
            }),
            Some(_) => {
                return Err(format!(
                    "project {name}, which it is shared with at the source, is ambiguous \
                     here: several domains have a project of that name"
                ));
            }
            None => {
                return Err(format!(
                    "project {name}, which it is shared with at the source, is not in this \
                     site's Keystone; create it there, then run again"
                ));
            }
        }
    }
    Ok(grants)
}

fn names(grants: &[Grant]) -> String {
    grants
        .iter()
        .map(|g| g.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One flavor at one target: skip, create, replace, share, or conflict.
fn decide(
    site: &SiteId,
    w: &Wanted,
    found: &Found<'_>,
    projects: &Projects,
    replace: bool,
) -> Step<Op> {
    let name = &w.flavor.name;
    let step = |action: Action, detail: String, op: Op| Step {
        site: site.clone(),
        kind: "flavor".to_string(),
        name: name.clone(),
        action,
        detail,
        group: name.clone(),
        phase: 0,
        op,
    };
    let conflict = |reason: String| step(Action::Conflict { reason }, String::new(), Op::Nothing);
    let grants = match map_access(w, projects) {
        Ok(g) => g,
        Err(reason) => return conflict(reason),
    };
    let shared = if grants.is_empty() {
        String::new()
    } else {
        format!(", shared with {}", names(&grants))
    };
    // The source's id where it is free here (templates and scripts name
    // flavors by id); a same-named flavor that --replace deletes frees it.
    let (id, id_text) = match found.id_taken_by {
        Some(other) => (
            None,
            format!("a new id: {} is flavor {} here", w.flavor.id, other.name),
        ),
        None => (Some(w.flavor.id.clone()), format!("id {}", w.flavor.id)),
    };
    let Some(here) = found.same_name else {
        let new = w.new_flavor(id);
        return step(
            Action::Create,
            format!("{id_text}{shared}"),
            Op::Create { new, grant: grants },
        );
    };
    let specs_here = Specs::of(here);
    if specs_here == w.specs {
        let missing: Vec<Grant> = grants
            .into_iter()
            .filter(|g| !w.specs.size.is_public && !found.access.contains(&g.id))
            .collect();
        if missing.is_empty() {
            return step(
                Action::Skip {
                    reason: "already the same".to_string(),
                },
                String::new(),
                Op::Nothing,
            );
        }
        return step(
            Action::Update,
            format!("share with {}, as at the source", names(&missing)),
            Op::Grant {
                id: here.id.clone(),
                grant: missing,
            },
        );
    }
    let differences = w.specs.differences(&specs_here).join(", ");
    if !replace {
        return conflict(format!(
            "a flavor of this name here has other specs ({differences}); pass --replace to \
             delete and re-create it"
        ));
    }
    if let Some(n) = found.servers.filter(|n| *n > 0) {
        return conflict(format!(
            "{n} server{} here {} built from it, so --replace leaves it: Nova would delete \
             the flavor under them ({differences}); resize them to another flavor first",
            plural(n),
            if n == 1 { "was" } else { "were" }
        ));
    }
    step(
        Action::Replace,
        format!(
            "{differences}; delete id {}, create with {id_text}{shared}",
            here.id
        ),
        Op::Replace {
            old_id: here.id.clone(),
            new: w.new_flavor(id),
            grant: grants,
            original: Original::of(here, &found.access),
        },
    )
}

#[cfg(test)]
#[path = "sync_tests.rs"]
mod tests;
