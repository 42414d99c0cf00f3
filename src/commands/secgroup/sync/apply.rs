//! How `secgroup sync` carries out its steps at a target: creating,
//! tagging and changing groups, adding rules in one request per group,
//! deleting them, undoing this run's creations, and reading back.

use super::super::read::{self, Extras, SiteGroups};
use super::super::rules::{Names, Remote, RuleKey};
use super::{Op, Undo};
use crate::api::secgroup::{NewRule, Rule};
use crate::api::{SiteClient, SiteId};
use crate::http::has_status;
use crate::plan::{self, Effect, Effects, Executor, Left, Made, Step, Verdicts};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

/// Carries out the steps at the targets.
pub(super) struct Groups {
    /// Group ids by name at each target: those read, and those created.
    ids: Mutex<BTreeMap<SiteId, BTreeMap<String, String>>>,
    /// Address group ids by name at each target.
    address_groups: BTreeMap<SiteId, BTreeMap<String, Vec<String>>>,
    /// The template rules that groups created by this run kept, by site
    /// and group name: their rules to add are there already.
    kept: Mutex<BTreeMap<(SiteId, String), BTreeSet<RuleKey>>>,
}

impl Groups {
    pub(super) fn new(read: &[(SiteId, SiteGroups)]) -> Self {
        let mut ids = BTreeMap::new();
        let mut address_groups = BTreeMap::new();
        for (site, groups) in read {
            let mut here = BTreeMap::new();
            for g in &groups.groups {
                if groups.named(&g.name).count() == 1 {
                    here.insert(g.name.clone(), g.id.clone());
                }
            }
            ids.insert(site.clone(), here);
            address_groups.insert(site.clone(), groups.address_groups.clone());
        }
        Groups {
            ids: Mutex::new(ids),
            address_groups,
            kept: Mutex::new(BTreeMap::new()),
        }
    }

    fn id_of(&self, site: &SiteId, name: &str) -> anyhow::Result<String> {
        self.ids
            .lock()
            .map_err(|_| anyhow::anyhow!("the group ids of {site} are unreadable"))?
            .get(site)
            .and_then(|m| m.get(name))
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("security group {name} is not here"))
    }

    /// Creates a group, tags it, and drops the template rules it should
    /// not have; on a failure after the creation the group is deleted.
    async fn create_group(
        &self,
        client: &SiteClient,
        name: &str,
        op: &Op,
    ) -> anyhow::Result<Made<String>> {
        let Op::CreateGroup {
            description,
            stateful,
            tag,
            keep,
        } = op
        else {
            anyhow::bail!("security group {name}: not a creation");
        };
        // The plan found no group of this name, so after a lost answer the
        // one group of the name, description and statefulness asked for is
        // this run's.
        let created = plan::create_or_find(
            client.create_security_group(name, description, *stateful),
            async || {
                let project = client.token_project().await?;
                let mut like: Vec<_> = client
                    .security_groups(&project.id)
                    .await?
                    .into_iter()
                    .filter(|g| {
                        g.name == name
                            && g.description.as_deref().unwrap_or_default() == description
                            && g.stateful.unwrap_or(true) == *stateful
                    })
                    .collect();
                Ok(if like.len() == 1 { like.pop() } else { None })
            },
        )
        .await
        .map_err(|e| e.context(format!("creating security group {name}")))?;
        let note = created.note();
        let made = created.into_inner();
        let finish = async {
            if let Some(tag) = tag {
                client
                    .set_security_group_tags(&made.id, std::slice::from_ref(tag))
                    .await
                    .map_err(|e| e.context(format!("tagging security group {name}")))?;
            }
            let mut names = Names::default();
            names.groups.insert(made.id.clone(), name.to_string());
            let mut kept = BTreeSet::new();
            for rule in &made.security_group_rules {
                let key = RuleKey::of(rule, &names)?;
                if keep.contains(&key) {
                    kept.insert(key);
                } else {
                    client
                        .delete_security_group_rule(&rule.id)
                        .await
                        .map_err(|e| {
                            e.context(format!("removing a template rule of security group {name}"))
                        })?;
                }
            }
            anyhow::Ok(kept)
        };
        let kept = match finish.await {
            Ok(kept) => kept,
            Err(e) => {
                if let Err(left) = client.delete_security_group(&made.id).await {
                    return Err(crate::error::add_hint(
                        e,
                        format!(
                            "security group {name} ({}) was created and could not be removed \
                             ({left:#}); remove it by hand",
                            made.id
                        ),
                    ));
                }
                return Err(e
                    .context(format!(
                        "creating security group {name} (it was deleted again)"
                    ))
                    .context(Left::RolledBack));
            }
        };
        self.kept
            .lock()
            .map_err(|_| anyhow::anyhow!("the kept rules of {} are unreadable", client.id))?
            .insert((client.id.clone(), name.to_string()), kept);
        self.ids
            .lock()
            .map_err(|_| anyhow::anyhow!("the group ids of {} are unreadable", client.id))?
            .entry(client.id.clone())
            .or_default()
            .insert(name.to_string(), made.id.clone());
        Ok(match note {
            Some(_) => Made::Found(made.id),
            None => Made::New(made.id),
        })
    }

    /// Adds one group's missing rules in one request. A rule that the
    /// group's creation already made (Neutron's template) is left as it is.
    async fn add_rules(&self, client: &SiteClient, steps: &[&Step<Op>]) -> Effects<Undo> {
        let site = &client.id;
        let name = &steps[0].name;
        let group_id = self.id_of(site, name)?;
        let present: BTreeSet<RuleKey> = self
            .kept
            .lock()
            .map_err(|_| anyhow::anyhow!("the kept rules of {site} are unreadable"))?
            .get(&(site.clone(), name.clone()))
            .cloned()
            .unwrap_or_default();
        let mut new = Vec::new();
        let mut effects: Vec<Option<Effect<Undo>>> = Vec::new();
        for s in steps {
            let Op::AddRule { key, rule } = &s.op else {
                anyhow::bail!("security group {name}: not a rule to add");
            };
            if present.contains(key) {
                effects.push(Some(Effect::changed()));
                continue;
            }
            let remote = match &key.remote {
                Remote::Group(n) => Some(self.id_of(site, n)?),
                Remote::AddressGroup(n) => self
                    .address_groups
                    .get(site)
                    .and_then(|m| m.get(n))
                    .and_then(|ids| ids.first())
                    .cloned(),
                _ => None,
            };
            new.push(key.new_rule(rule, &group_id, remote.as_deref()));
            effects.push(None);
        }
        let (made, note) = if new.is_empty() {
            (Vec::new(), None)
        } else {
            // One request makes all of them or none: after a lost answer,
            // the group holds them all or none of them.
            let made = plan::create_or_find(client.create_security_group_rules(&new), async || {
                rules_made(client, &group_id, &new).await
            })
            .await
            .map_err(|e| e.context(format!("adding rules to security group {name}")))?;
            let note = made.note();
            (made.into_inner(), note)
        };
        let mut made = made.into_iter();
        Ok(effects
            .into_iter()
            .map(|e| {
                e.unwrap_or_else(|| match made.next() {
                    Some(r) => Effect::created(Undo::Rule(r.id)).noted(note),
                    None => Effect::changed(),
                })
            })
            .collect())
    }
}

impl Executor for Groups {
    type Op = Op;
    type Undo = Undo;

    async fn apply(&self, client: &SiteClient, steps: &[&Step<Op>]) -> Effects<Undo> {
        let site = &client.id;
        let first = steps[0];
        let name = &first.name;
        match &first.op {
            Op::CreateGroup { .. } => {
                let made = self.create_group(client, name, &first.op).await?;
                let note = made.note();
                Ok(vec![
                    Effect::created(Undo::Group(made.into_inner())).noted(note),
                ])
            }
            Op::SetStateful(stateful) => {
                let id = self.id_of(site, name)?;
                client
                    .set_security_group_stateful(&id, *stateful)
                    .await
                    .map_err(|e| e.context(format!("changing security group {name}")))?;
                Ok(vec![Effect::changed()])
            }
            Op::AddRule { .. } => self.add_rules(client, steps).await,
            Op::DeleteRule { id } => {
                client
                    .delete_security_group_rule(id)
                    .await
                    .map_err(|e| e.context(format!("deleting a rule of security group {name}")))?;
                Ok(vec![Effect::changed()])
            }
            Op::Nothing => Ok(steps.iter().map(|_| Effect::changed()).collect()),
        }
    }

    async fn undo(&self, client: &SiteClient, undo: &Undo) -> anyhow::Result<()> {
        let done = match undo {
            Undo::Group(id) => client.delete_security_group(id).await,
            Undo::Rule(id) => client.delete_security_group_rule(id).await,
        };
        match done {
            Err(e) if !has_status(&e, 404) => Err(e),
            _ => Ok(()),
        }
    }

    /// Reads the site's groups again and checks each step against them.
    async fn verify(&self, client: &SiteClient, steps: &[&Step<Op>]) -> Verdicts {
        let extras = Extras {
            tags: false,
            address_groups: steps.iter().any(|s| {
                matches!(&s.op, Op::AddRule { key, .. } if matches!(key.remote, Remote::AddressGroup(_)))
            }),
        };
        let now = read::read(client, extras)
            .await
            .map_err(|e| e.context("reading the security groups back"))?;
        Ok(steps.iter().map(|s| check(&now, s)).collect())
    }
}

/// The rules a bulk creation whose answer was lost made in a group, in
/// the order asked for: each asked-for rule matched to one rule of the
/// group with exactly its values, or `None` when any is missing.
async fn rules_made(
    client: &SiteClient,
    group_id: &str,
    asked: &[NewRule],
) -> anyhow::Result<Option<Vec<Rule>>> {
    let project = client.token_project().await?;
    let Some(group) = client
        .security_groups(&project.id)
        .await?
        .into_iter()
        .find(|g| g.id == group_id)
    else {
        return Ok(None);
    };
    let mut left = group.security_group_rules;
    let mut found = Vec::new();
    for want in asked {
        let Some(i) = left.iter().position(|r| want.made(r)) else {
            return Ok(None);
        };
        found.push(left.swap_remove(i));
    }
    Ok(Some(found))
}

/// Whether the site now holds what a step made.
pub(super) fn check(now: &SiteGroups, step: &Step<Op>) -> Result<(), String> {
    let name = &step.name;
    let group = match now.one(name) {
        Ok(Some(g)) => g,
        Ok(None) => return Err(format!("security group {name} is not there")),
        Err(n) => return Err(format!("{n} security groups are named {name}")),
    };
    match &step.op {
        Op::CreateGroup { stateful, .. } | Op::SetStateful(stateful)
            if group.stateful != *stateful =>
        {
            Err(format!(
                "security group {name} is {}",
                super::super::stateful_word(group.stateful)
            ))
        }
        Op::AddRule { key, .. } if !group.rules.contains_key(key) => {
            Err(format!("security group {name} lacks {key}"))
        }
        Op::DeleteRule { id } if group.rules.values().flatten().any(|r| &r.id == id) => {
            Err(format!("security group {name} still has rule {id}"))
        }
        _ => Ok(()),
    }
}
