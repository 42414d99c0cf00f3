//! `osprey keypair list|sync|import|delete`: one SSH key across regions. A
//! key is always imported with the cloud entry's own credentials, so the
//! user who runs osprey owns it at every site.

mod names;
pub(crate) mod pubkey;

use super::Report;
use crate::api::keypair::Keypair;
use crate::api::{SiteClient, SiteId};
use crate::context::Estate;
use crate::error::hinted;
use crate::plan::{self, Action, Effect, Effects, Executor, Made, Plan, Step, Verdicts};
use crate::render::Rows;
use crate::render::plural;
use crate::sync::drift::Matrix;
use crate::sync::drift::ViewArgs;
use crate::sync::{CloneArgs, ends, targets};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

/// `osprey keypair`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Every key name by site, with fingerprints and whether the name is the
    /// same everywhere, differs, or is missing somewhere.
    #[command(long_about = help!("keypair-list"))]
    List(ViewArgs),
    /// Clone keys from the source site to the targets, with the same name
    /// and type, owned by each cloud entry's own user.
    #[command(long_about = help!("keypair-sync", "sync"))]
    Sync(SyncArgs),
    /// Import a local public key (.pub) at the selected sites.
    #[command(long_about = help!("keypair-import"))]
    Import(ImportArgs),
    /// Delete keys at the selected sites.
    Delete(DeleteArgs),
}

impl crate::commands::Family for Command {
    fn columns(&self) -> crate::render::Known {
        use crate::render::{Known, columns::of};
        match self {
            Command::List(_) => Known::with_sites(of::<KeypairRow>(), &["name", "status"]),
            _ => Known::rows(of::<crate::plan::PlanRow>()),
        }
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List(a) => list(estate, a).await,
            Command::Sync(a) => sync(estate, a).await,
            Command::Import(a) => import(estate, a).await,
            Command::Delete(a) => delete(estate, a).await,
        }
    }
}

/// `keypair sync` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct SyncArgs {
    #[command(flatten)]
    pub(crate) what: CloneArgs,
    /// Replace a same-named key with another fingerprint (delete, then import; the
    /// old key is put back if the import fails).
    #[arg(long)]
    pub(crate) replace: bool,
    #[command(flatten)]
    pub(crate) plan: plan::PlanArgs,
}

/// `keypair import` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ImportArgs {
    /// The keypair name at every site.
    #[arg(long)]
    pub(crate) name: String,
    /// The OpenSSH public key file (ssh-rsa, ssh-ed25519, ecdsa-sha2-*), a regular
    /// file of at most 64 KiB.
    #[arg(long, value_name = "FILE")]
    pub(crate) public_key: PathBuf,
    /// The target sites as cloud/region globs (repeatable, comma lists).
    ///
    /// Default: every selected site.
    #[arg(long, value_delimiter = ',', value_name = "PATTERN",
          add = crate::complete::sites())]
    pub(crate) to: Vec<String>,
    /// Replace a same-named key with another fingerprint (delete, then import; the
    /// old key is put back if the import fails).
    #[arg(long)]
    pub(crate) replace: bool,
    #[command(flatten)]
    pub(crate) plan: plan::PlanArgs,
}

/// `keypair delete` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct DeleteArgs {
    /// The keypairs to delete.
    #[arg(required = true, value_name = "NAME")]
    pub(crate) names: Vec<String>,
    #[command(flatten)]
    pub(crate) plan: plan::PlanArgs,
}

/// One key at one site: the row of `keypair list`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct KeypairRow {
    cloud: String,
    region: String,
    name: String,
    #[serde(rename = "type")]
    key_type: String,
    fingerprint: String,
    /// The name's status over every site read: same, missing or differs.
    status: String,
}

/// Every key of the selected sites, by name, with its drift.
pub(crate) async fn list(estate: &Estate<'_>, args: &ViewArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let (_, read) = report
        .each(&estate.runner, estate.sites().await?, |c| async move {
            c.keypairs().await
        })
        .await;
    let wanted = |k: &Keypair| args.wants(&k.name);
    let mut matrix = Matrix::new(read.iter().map(|(s, _)| s.clone()).collect());
    let mut held: BTreeMap<(String, SiteId), &Keypair> = BTreeMap::new();
    for (site, keys) in &read {
        for k in keys.iter().filter(|k| wanted(k)) {
            matrix.insert(site, &k.name, &k.fingerprint);
            held.insert((k.name.clone(), site.clone()), k);
        }
    }
    let mut rows = Vec::new();
    for name in matrix.names() {
        let status = matrix.drift(name).name();
        for site in matrix.sites() {
            let key = held.get(&(name.clone(), site.clone()));
            rows.push(KeypairRow {
                cloud: site.cloud.clone(),
                region: site.region.clone(),
                name: name.clone(),
                key_type: key.map(|k| k.key_type.clone()).unwrap_or_default(),
                fingerprint: key.map(|k| k.fingerprint.clone()).unwrap_or_default(),
                status: status.to_string(),
            });
        }
    }
    report.lists(args.what("keypairs"), read.iter().map(|(site, _)| site));
    report.findings = args.exit_code && matrix.drifts();
    report.table = estate.tables.then(|| {
        matrix.table(|name, site| {
            let fp = matrix.digest(name, site).unwrap_or_default();
            short(&fp)
        })
    });
    report.rows = Rows::typed(rows);
    Ok(report)
}

/// The first octets of a fingerprint: enough to tell keys apart in a table.
fn short(fingerprint: &str) -> String {
    match fingerprint.get(..11) {
        Some(head) if fingerprint.len() > 11 => format!("{head}…"),
        _ => fingerprint.to_string(),
    }
}

/// A key to put at the targets.
#[derive(Debug, Clone)]
pub(crate) struct Op {
    key_type: String,
    public_key: String,
    fingerprint: String,
    /// The same-named key at the target, which a replace puts back if the
    /// new one cannot be imported.
    original: Option<Keypair>,
}

/// Clones keys from the source site to the targets.
pub(crate) async fn sync(estate: &Estate<'_>, args: &SyncArgs) -> anyhow::Result<Report> {
    let ends = ends(estate, &args.what.ends).await?;
    let source = &ends.source;
    let mut keys = Vec::new();
    for name in &args.what.names {
        let key = source.keypair(name).await?.ok_or_else(|| {
            hinted(
                format!("keypair {name}: not at the source {}", source.id),
                format!(
                    "run `osprey keypair list --sites {}` to see its keys",
                    source.id
                ),
            )
        })?;
        keys.push(key);
    }
    let from = format!("from {}", source.id);
    clone_to(
        estate,
        ends.targets,
        keys,
        &from,
        args.replace,
        args.plan.options(),
    )
    .await
}

/// Imports a local public key at the targets.
pub(crate) async fn import(estate: &Estate<'_>, args: &ImportArgs) -> anyhow::Result<Report> {
    // Checked before any site is asked anything.
    let key = pubkey::read(&args.public_key)?;
    let sites = targets(estate, &args.to).await?;
    let keypair = Keypair {
        name: args.name.clone(),
        public_key: key.line.clone(),
        fingerprint: key.fingerprint,
        // Nova's type for every OpenSSH key, whatever its algorithm.
        key_type: "ssh".to_string(),
    };
    let from = format!("from {}", args.public_key.display());
    clone_to(
        estate,
        sites,
        vec![keypair],
        &from,
        args.replace,
        args.plan.options(),
    )
    .await
}

/// Plans and applies `keys` at every target: create where missing, skip
/// where the same key is there, conflict (or replace) where another is.
async fn clone_to(
    estate: &Estate<'_>,
    sites: Vec<crate::context::Site>,
    keys: Vec<Keypair>,
    from: &str,
    replace: bool,
    opts: plan::Options,
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    // The microversion first: it discovers Nova's versions, so the list
    // goes at the same one.
    let (clients, read) = report
        .each(&estate.runner, sites, |c| async move {
            let mv = c.keypair_microversion().await?;
            Ok((mv, c.keypairs().await?))
        })
        .await;
    let mut versions = BTreeMap::new();
    let read: Vec<(SiteId, Vec<Keypair>)> = read
        .into_iter()
        .map(|(site, (mv, there))| {
            versions.insert(site.clone(), mv);
            (site, there)
        })
        .collect();
    let mut steps = Vec::new();
    for (site, there) in &read {
        for key in &keys {
            let action = match there.iter().find(|k| k.name == key.name) {
                None => Action::Create,
                Some(k) if k.fingerprint == key.fingerprint => Action::Skip {
                    reason: "already the same".to_string(),
                },
                Some(_) if replace => Action::Replace,
                Some(k) => Action::Conflict {
                    reason: format!(
                        "another key of that name is there ({}); --replace replaces it",
                        k.fingerprint
                    ),
                },
            };
            // Only an import is held to the name rule: a key already there
            // under that name is what it is.
            let refused = match action {
                Action::Create | Action::Replace => names::refusal(&key.name, versions[site]),
                _ => None,
            };
            let action = match refused {
                Some(reason) => Action::Conflict { reason },
                None => action,
            };
            let detail = match &action {
                Action::Create | Action::Replace => format!("{from}, {}", key.fingerprint),
                _ => String::new(),
            };
            let op = Op {
                original: there.iter().find(|k| k.name == key.name).cloned(),
                ..op(key)
            };
            steps.push(step(site, &key.name, action, detail, op));
        }
    }
    let verb = if replace {
        "import or replace"
    } else {
        "import"
    };
    run(estate, steps, verb, clients, opts, &mut report).await?;
    Ok(report)
}

/// Deletes keys at the selected sites that hold them.
pub(crate) async fn delete(estate: &Estate<'_>, args: &DeleteArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let (clients, read) = report
        .each(&estate.runner, estate.sites().await?, |c| async move {
            c.keypairs().await
        })
        .await;
    let mut steps = Vec::new();
    for (site, there) in &read {
        for name in &args.names {
            let (action, op) = match there.iter().find(|k| &k.name == name) {
                Some(k) => (Action::Delete, self::op(k)),
                None => (
                    Action::Skip {
                        reason: "not there".to_string(),
                    },
                    Op {
                        key_type: String::new(),
                        public_key: String::new(),
                        fingerprint: String::new(),
                        original: None,
                    },
                ),
            };
            let detail = match action {
                Action::Delete => op.fingerprint.clone(),
                _ => String::new(),
            };
            steps.push(step(site, name, action, detail, op));
        }
    }
    run(
        estate,
        steps,
        "delete",
        clients,
        args.plan.options(),
        &mut report,
    )
    .await?;
    Ok(report)
}

fn op(k: &Keypair) -> Op {
    Op {
        key_type: k.key_type.clone(),
        public_key: k.public_key.clone(),
        fingerprint: k.fingerprint.clone(),
        original: None,
    }
}

fn step(site: &SiteId, name: &str, action: Action, detail: String, op: Op) -> Step<Op> {
    Step {
        site: site.clone(),
        kind: "keypair".to_string(),
        name: name.to_string(),
        action,
        detail,
        // Each key is its own call, so one refused key fails alone.
        group: name.to_string(),
        phase: 0,
        op,
    }
}

/// Hands the steps (one per key at every site read) to the plan engine,
/// one site at a time atomic.
async fn run(
    estate: &Estate<'_>,
    steps: Vec<Step<Op>>,
    verb: &str,
    clients: Vec<Arc<SiteClient>>,
    opts: plan::Options,
    report: &mut Report,
) -> anyhow::Result<()> {
    if !steps.iter().any(|s| s.action.changes()) && !steps.iter().any(is_conflict) {
        let sites: BTreeSet<&SiteId> = steps.iter().map(|s| &s.site).collect();
        report.notes.push(format!(
            "nothing to change at {} site{}",
            sites.len(),
            plural(sites.len())
        ));
    }
    let plan = Plan::per_site(steps, verb, "keypair");
    estate.execute(plan, &Keys, clients, opts, report).await?;
    Ok(())
}

/// Imports a step's key; after a lost answer, the key of that name with
/// the same fingerprint is the one this run made.
async fn import_one(client: &SiteClient, s: &Step<Op>) -> anyhow::Result<Made<()>> {
    let k = &s.op;
    plan::create_or_find(
        async {
            client
                .import_keypair(&s.name, &k.key_type, &k.public_key)
                .await
                .map(drop)
        },
        async || {
            let there = client.keypair(&s.name).await?;
            Ok(there.filter(|t| t.fingerprint == k.fingerprint).map(drop))
        },
    )
    .await
    .map_err(|e| e.context(format!("importing keypair {}", s.name)))
}

fn is_conflict(s: &Step<Op>) -> bool {
    matches!(s.action, Action::Conflict { .. })
}

/// Carries out keypair steps.
struct Keys;

impl Executor for Keys {
    type Op = Op;
    /// The name of a key this run imported.
    type Undo = String;
    async fn apply(&self, client: &SiteClient, steps: &[&Step<Op>]) -> Effects<String> {
        let mut effects = Vec::new();
        for s in steps {
            let effect = match s.action {
                Action::Create => {
                    let made = import_one(client, s).await?;
                    Effect::created(s.name.clone()).noted(made.note())
                }
                Action::Replace => {
                    let Some(original) = &s.op.original else {
                        anyhow::bail!("keypair {}: no original to replace", s.name);
                    };
                    let made = plan::replace(
                        &format!("keypair {}", s.name),
                        &format!(
                            "the {} key {} ({})",
                            original.key_type,
                            original.public_key.trim(),
                            original.fingerprint
                        ),
                        client.delete_keypair(&s.name),
                        import_one(client, s),
                        async || {
                            client
                                .import_keypair(&s.name, &original.key_type, &original.public_key)
                                .await
                                .map(drop)
                        },
                    )
                    .await?;
                    Effect::changed().noted(made.note())
                }
                Action::Delete => {
                    client.delete_keypair(&s.name).await?;
                    Effect::changed()
                }
                _ => continue,
            };
            effects.push(effect);
        }
        Ok(effects)
    }

    async fn undo(&self, client: &SiteClient, name: &String) -> anyhow::Result<()> {
        client.delete_keypair(name).await
    }

    async fn verify(&self, client: &SiteClient, steps: &[&Step<Op>]) -> Verdicts {
        let mut out = Vec::new();
        for s in steps {
            let now = client.keypair(&s.name).await?;
            out.push(match (&s.action, now) {
                (Action::Delete, None) => Ok(()),
                (Action::Delete, Some(_)) => Err(format!("keypair {} is still there", s.name)),
                (_, Some(k)) if k.fingerprint == s.op.fingerprint => Ok(()),
                (_, Some(k)) => Err(format!(
                    "keypair {} has fingerprint {}, not {}",
                    s.name, k.fingerprint, s.op.fingerprint
                )),
                (_, None) => Err(format!("keypair {} is not there", s.name)),
            });
        }
        Ok(out)
    }
}
