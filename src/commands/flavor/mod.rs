//! `osprey flavor list|sync`: flavors compared across regions by what
//! they give a server, and cloned (admin) with their extra specs and
//! access lists.

mod apply;
pub(crate) mod sync;

use crate::api::SiteId;
use crate::api::flavor::{Flavor, NewFlavor, Size};
use crate::context::Estate;
use crate::plan::{Plan, Step};
use crate::render::Rows;
use crate::report::Report;
use crate::sync::drift::{Matrix, ViewArgs};
use crate::sync::ends;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub(crate) use sync::SyncArgs;

/// `osprey flavor`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Flavors as a name x site matrix of spec digests, with a status per
    /// name: same, differs or missing.
    #[command(long_about = help!("flavor-list"))]
    List(ViewArgs),
    /// Clone flavors from one site to others, with the same id where it is
    /// free, extra specs, description and (private flavors) access lists
    /// mapped by project name (admin).
    #[command(long_about = help!("flavor-sync", "sync"))]
    Sync(SyncArgs),
}

impl crate::commands::Family for Command {
    fn columns(&self) -> crate::render::Known {
        use crate::render::{Known, columns::of};
        match self {
            Command::List(_) => Known::with_sites(of::<FlavorRow>(), &["name", "status"]),
            Command::Sync(_) => Known::rows(of::<crate::plan::PlanRow>()),
        }
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List(a) => list(estate, a).await,
            Command::Sync(a) => sync(estate, a).await,
        }
    }
}

/// What a flavor gives a server: the part that must match across sites.
/// Ids, names and descriptions may differ; access lists are compared only
/// when a sync carries them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Specs {
    pub(crate) size: Size,
    pub(crate) extra_specs: BTreeMap<String, String>,
}

impl Specs {
    /// A flavor's specs, as the api normalised them: `swap: ""` (before
    /// microversion 2.75) is 0, and an absent `rxtx_factor` (from 2.102)
    /// is Nova's default 1.0.
    pub(crate) fn of(f: &Flavor) -> Specs {
        Specs {
            size: f.size.clone(),
            extra_specs: f.extra_specs.clone().unwrap_or_default(),
        }
    }

    /// The specs a flavor to create will have.
    pub(crate) fn of_new(n: &NewFlavor) -> Specs {
        Specs {
            size: n.size.clone(),
            extra_specs: n.extra_specs.clone(),
        }
    }

    /// Each field as `key value`, in a fixed order: what the digest hashes
    /// and what differences are told in.
    pub(super) fn fields(&self) -> Vec<(String, String)> {
        let s = &self.size;
        let mut out = vec![
            ("vcpus".to_string(), s.vcpus.to_string()),
            ("ram".to_string(), s.ram.to_string()),
            ("disk".to_string(), s.disk.to_string()),
            ("ephemeral".to_string(), s.ephemeral.to_string()),
            ("swap".to_string(), s.swap.to_string()),
            ("rxtx_factor".to_string(), s.rxtx_factor.to_string()),
            ("is_public".to_string(), s.is_public.to_string()),
        ];
        out.extend(
            self.extra_specs
                .iter()
                .map(|(k, v)| (format!("extra spec {k}"), v.clone())),
        );
        out
    }

    /// 12 hex digits of a SHA-256 over the fields, one `key=value` line
    /// each (extra specs sorted by key).
    pub(crate) fn digest(&self) -> String {
        let mut h = Sha256::new();
        for (k, v) in self.fields() {
            h.update(format!("{k}={v}\n").as_bytes());
        }
        h.finalize()
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// How `here` differs from `self` (the source), field by field in
    /// the order of [`Specs::fields`], then extra specs by key.
    pub(crate) fn differences(&self, here: &Specs) -> Vec<String> {
        let ours = self.fields();
        let theirs: BTreeMap<String, String> = here.fields().into_iter().collect();
        let mut keys: Vec<String> = ours.iter().map(|(k, _)| k.clone()).collect();
        let mut extra: Vec<&String> = theirs
            .keys()
            .filter(|k| !ours.iter().any(|(o, _)| o == *k))
            .collect();
        extra.sort();
        keys.extend(extra.into_iter().cloned());
        // Stable: the fixed fields keep their order, the extra specs follow by key.
        keys.sort_by_cached_key(|k| match k.starts_with("extra spec ") {
            true => (true, k.clone()),
            false => (false, String::new()),
        });
        let ours: BTreeMap<String, String> = ours.into_iter().collect();
        // Extra specs are text, quoted so that `'a b'` reads as one value
        // and an empty one is seen; the other fields are numbers and flags.
        let show = |k: &str, v: Option<&String>| match v {
            None => "(none)".to_string(),
            Some(v) if k.starts_with("extra spec ") => quoted(v),
            Some(v) => v.clone(),
        };
        keys.iter()
            .filter(|k| ours.get(*k) != theirs.get(*k))
            .map(|k| {
                format!(
                    "{k} {} here, {} at the source",
                    show(k, theirs.get(k)),
                    show(k, ours.get(k))
                )
            })
            .collect()
    }
}

/// `'text'`, with a quote or backslash inside escaped so the value reads
/// back unambiguously.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A flavor at a site: the row of `flavor list`. A site without the
/// flavor has a row with only the name and status.
#[derive(Debug, Default, Serialize)]
pub(crate) struct FlavorRow {
    cloud: String,
    region: String,
    name: String,
    id: Option<String>,
    vcpus: Option<u64>,
    ram: Option<u64>,
    disk: Option<u64>,
    ephemeral: Option<u64>,
    swap: Option<u64>,
    rxtx_factor: Option<f64>,
    is_public: Option<bool>,
    /// An object in JSON and YAML; `k=v, k=v` in a table, CSV and `value`.
    extra_specs: Option<BTreeMap<String, String>>,
    digest: Option<String>,
    status: String,
}

impl FlavorRow {
    fn new(site: &SiteId, name: &str, flavor: Option<&Flavor>, status: &str) -> Self {
        let mut row = FlavorRow {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            name: name.to_string(),
            status: status.to_string(),
            ..FlavorRow::default()
        };
        if let Some(f) = flavor {
            let specs = Specs::of(f);
            let s = &specs.size;
            row.id = Some(f.id.clone());
            row.vcpus = Some(s.vcpus);
            row.ram = Some(s.ram);
            row.disk = Some(s.disk);
            row.ephemeral = Some(s.ephemeral);
            row.swap = Some(s.swap);
            row.rxtx_factor = Some(s.rxtx_factor);
            row.is_public = Some(s.is_public);
            row.digest = Some(specs.digest());
            row.extra_specs = Some(specs.extra_specs);
        }
        row
    }
}

/// `osprey flavor list`: every flavor (for an admin, private ones too) at
/// every selected site, judged per name.
pub(crate) async fn list(estate: &Estate<'_>, args: &ViewArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let sites = estate.sites().await?;
    let (_, read) = report
        .each(&estate.runner, sites, |c| async move { c.flavors().await })
        .await;
    let mut matrix = Matrix::new(read.iter().map(|(s, _)| s.clone()).collect());
    let mut held: BTreeMap<(String, SiteId), &Flavor> = BTreeMap::new();
    for (site, flavors) in &read {
        for f in flavors.iter().filter(|f| args.wants(&f.name)) {
            matrix.insert(site, &f.name, &Specs::of(f).digest());
            held.insert((f.name.clone(), site.clone()), f);
        }
    }
    let mut rows = Vec::new();
    for name in matrix.names() {
        let status = matrix.drift(name).name();
        for site in matrix.sites() {
            let flavor = held.get(&(name.clone(), site.clone())).copied();
            rows.push(FlavorRow::new(site, name, flavor, status));
        }
    }
    report.lists(args.what("flavors"), read.iter().map(|(site, _)| site));
    report.findings = args.exit_code && matrix.drifts();
    report.table = estate
        .tables
        .then(|| matrix.table(|name, site| matrix.digest(name, site).unwrap_or_default()));
    report.rows = Rows::typed(rows);
    Ok(report)
}

/// `osprey flavor sync NAME...`.
pub(crate) async fn sync(estate: &Estate<'_>, args: &SyncArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let ends = ends(estate, &args.what.ends).await?;
    let wanted = sync::read_source(&ends.source, &args.what.names).await?;
    let wanted = &wanted;
    let replace = args.replace;
    let (targets, planned) = report
        .each(&estate.runner, ends.targets, |t| async move {
            sync::plan_target(t, wanted, replace).await
        })
        .await;
    let steps: Vec<Step<sync::Op>> = planned.into_iter().flat_map(|(_, steps)| steps).collect();
    let plan = Plan::per_site(steps, "change", "flavor");
    estate
        .execute(plan, &apply::Flavors, targets, &args.plan, &mut report)
        .await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs() -> Specs {
        Specs {
            size: Size {
                vcpus: 2,
                ram: 4096,
                disk: 20,
                ephemeral: 0,
                swap: 0,
                rxtx_factor: 1.0,
                is_public: true,
            },
            extra_specs: [("hw:cpu_policy".to_string(), "dedicated".to_string())].into(),
        }
    }

    #[test]
    fn the_digest_covers_every_spec_and_nothing_else() {
        let base = specs();
        assert_eq!(base.digest().len(), 12);
        assert_eq!(base.digest(), specs().digest());
        let changes: [fn(&mut Specs); 9] = [
            |s| s.size.vcpus = 4,
            |s| s.size.ram = 1,
            |s| s.size.disk = 1,
            |s| s.size.ephemeral = 1,
            |s| s.size.swap = 1,
            |s| s.size.rxtx_factor = 2.0,
            |s| s.size.is_public = false,
            |s| {
                s.extra_specs
                    .insert("hw:mem_page_size".into(), "large".into());
            },
            |s| {
                s.extra_specs
                    .insert("hw:cpu_policy".into(), "shared".into());
            },
        ];
        for change in changes {
            let mut other = specs();
            change(&mut other);
            assert_ne!(other.digest(), base.digest(), "{other:?}");
        }
    }

    #[test]
    fn the_api_normalisations_make_old_and_new_novas_agree() {
        // A Nova at 2.60 shows `swap: ""` and rxtx_factor; one past 2.102
        // shows `swap: 0` and no rxtx_factor.
        let old: Flavor = serde_json::from_value(serde_json::json!({"id": "1", "name": "m",
            "vcpus": 2, "ram": 4096, "disk": 20, "swap": "", "rxtx_factor": 1.0,
            "OS-FLV-EXT-DATA:ephemeral": 0, "os-flavor-access:is_public": true,
            "extra_specs": {"hw:cpu_policy": "dedicated"}}))
        .unwrap();
        let new: Flavor = serde_json::from_value(serde_json::json!({"id": "2", "name": "m",
            "vcpus": 2, "ram": 4096, "disk": 20, "swap": 0,
            "OS-FLV-EXT-DATA:ephemeral": 0, "os-flavor-access:is_public": true,
            "extra_specs": {"hw:cpu_policy": "dedicated"}}))
        .unwrap();
        assert_eq!(Specs::of(&old).digest(), Specs::of(&new).digest());
        assert_eq!(Specs::of(&new), specs());
    }

    #[test]
    fn differences_name_each_field_here_and_at_the_source() {
        let mut here = specs();
        here.size.ram = 2048;
        here.extra_specs.clear();
        here.extra_specs.insert("hw:numa_nodes".into(), "2".into());
        assert_eq!(
            specs().differences(&here),
            [
                "ram 2048 here, 4096 at the source",
                "extra spec hw:cpu_policy (none) here, 'dedicated' at the source",
                "extra spec hw:numa_nodes '2' here, (none) at the source",
            ]
        );
        assert!(specs().differences(&specs()).is_empty());
        // Issue 14: a value with a space, an empty one, a quote: each reads as one.
        let mut here = specs();
        here.extra_specs
            .insert("hw:cpu_policy".into(), "a b".into());
        here.extra_specs.insert("note".into(), String::new());
        here.extra_specs.insert("quote".into(), "it's".into());
        assert_eq!(
            specs().differences(&here),
            [
                "extra spec hw:cpu_policy 'a b' here, 'dedicated' at the source",
                "extra spec note '' here, (none) at the source",
                "extra spec quote 'it\\'s' here, (none) at the source",
            ]
        );
    }
}
