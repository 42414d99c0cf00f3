//! `osprey capacity` (admin): vCPU, RAM and disk capacity and use at every
//! site, from Placement's resource providers, else Nova's hypervisors.

use super::Report;
use crate::api::usage::{Hypervisor, Provider};
use crate::api::{Service, SiteClient, SiteId};
use crate::context::Estate;
use crate::render::Rows;
use crate::render::openmetrics::Metrics;
use serde::Serialize;
use std::sync::Arc;

/// The resource classes shown, in order.
const CLASSES: [&str; 3] = ["VCPU", "MEMORY_MB", "DISK_GB"];

/// `osprey capacity` flags (none of its own).
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct CapacityArgs {}

impl super::Family for CapacityArgs {
    fn columns(&self) -> crate::render::Known {
        crate::render::Known::rows(crate::render::columns::of::<CapacityRow>())
    }

    fn metrics(&self) -> bool {
        true
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        capacity(estate).await
    }
}

/// Where a site's numbers come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Placement,
    /// Nova's hypervisors: raw sizes, no allocation ratios or reserves.
    Hypervisors,
    /// Neither service is in the catalog.
    None,
}

impl Source {
    fn name(self) -> &'static str {
        match self {
            Source::Placement => "placement",
            Source::Hypervisors => "hypervisors",
            Source::None => "none",
        }
    }
}

/// One resource class at one site: the row of `osprey capacity -f json`.
#[derive(Debug, Default, Clone, Serialize)]
pub(crate) struct CapacityRow {
    cloud: String,
    region: String,
    resource: String,
    capacity: Option<i64>,
    used: Option<i64>,
    free: Option<i64>,
    /// Used over capacity, in percent (one decimal).
    used_percent: Option<f64>,
    /// `placement`, `hypervisors` or `none`.
    source: String,
    /// Resource providers (or hypervisors) counted.
    providers: usize,
}

/// One resource class summed over a site's providers.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Sums {
    pub(crate) capacity: i64,
    pub(crate) used: i64,
}

/// Placement's capacity of a class: Σ (total − reserved) × allocation
/// ratio (each provider's rounded down, as Placement does), and Σ usage.
pub(crate) fn from_providers(providers: &[Provider], class: &str) -> Sums {
    let mut s = Sums::default();
    for p in providers {
        if let Some(inv) = p.inventories.get(class) {
            s.capacity += ((inv.total - inv.reserved) as f64 * inv.allocation_ratio).floor() as i64;
        }
        s.used += p.usages.get(class).copied().unwrap_or(0);
    }
    s
}

/// Nova's hypervisor totals of a class.
fn from_hypervisors(hypervisors: &[Hypervisor], class: &str) -> Sums {
    let pick = |h: &Hypervisor| match class {
        "VCPU" => (h.vcpus, h.vcpus_used),
        "MEMORY_MB" => (h.memory_mb, h.memory_mb_used),
        _ => (h.local_gb, h.local_gb_used),
    };
    hypervisors.iter().fold(Sums::default(), |s, h| {
        let (c, u) = pick(h);
        Sums {
            capacity: s.capacity + c,
            used: s.used + u,
        }
    })
}

/// What one site gave.
struct SiteCapacity {
    source: Source,
    providers: usize,
    sums: Vec<Sums>,
}

async fn read(c: Arc<SiteClient>) -> anyhow::Result<SiteCapacity> {
    if c.catalog_url(Service::Placement).await?.is_some() {
        let providers = c.providers().await?;
        return Ok(SiteCapacity {
            source: Source::Placement,
            providers: providers.len(),
            sums: CLASSES
                .iter()
                .map(|k| from_providers(&providers, k))
                .collect(),
        });
    }
    if c.catalog_url(Service::Compute).await?.is_some() {
        let hypervisors = c.hypervisors().await?;
        return Ok(SiteCapacity {
            source: Source::Hypervisors,
            providers: hypervisors.len(),
            sums: CLASSES
                .iter()
                .map(|k| from_hypervisors(&hypervisors, k))
                .collect(),
        });
    }
    Ok(SiteCapacity {
        source: Source::None,
        providers: 0,
        sums: Vec::new(),
    })
}

fn row(
    site: &SiteId,
    class: &str,
    source: Source,
    providers: usize,
    s: Option<Sums>,
) -> CapacityRow {
    CapacityRow {
        cloud: site.cloud.clone(),
        region: site.region.clone(),
        resource: class.to_string(),
        capacity: s.map(|s| s.capacity),
        used: s.map(|s| s.used),
        free: s.map(|s| s.capacity - s.used),
        used_percent: s
            .filter(|s| s.capacity > 0)
            .map(|s| (s.used as f64 * 1000.0 / s.capacity as f64).round() / 10.0),
        source: source.name().to_string(),
        providers,
    }
}

/// `osprey capacity`: the admin role is checked at every site before
/// anything is read; a site without it fails, and nothing is read anywhere.
pub(crate) async fn capacity(estate: &Estate<'_>) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let sites = estate.sites().await?;
    let clients = report.absorb_sites(sites);
    let checked = estate
        .runner
        .each(&clients, |c| async move {
            c.require_role(
                "admin",
                "osprey capacity",
                "use an admin cloud entry (e.g. --os-cloud NAME-admin)",
            )
            .await
        })
        .await;
    let checked = report.absorb(checked);
    if checked.len() < clients.len() {
        return Ok(report);
    }
    let out = estate.runner.each(&clients, read).await;
    let read = report.absorb(out);
    let mut rows = Vec::new();
    let mut metrics = Metrics::default();
    let mut totals = vec![Sums::default(); CLASSES.len()];
    for (site, got) in &read {
        metrics.site(site);
        match got.source {
            Source::Placement => {}
            Source::Hypervisors => report.notes.push(format!(
                "note: {site}: no placement endpoint; capacity from nova os-hypervisors (no allocation ratios or reserves)"
            )),
            Source::None => report.notes.push(format!(
                "note: {site}: neither placement nor compute in the catalog; no capacity shown"
            )),
        }
        for (i, class) in CLASSES.iter().enumerate() {
            let sums = got.sums.get(i).copied();
            if let Some(s) = sums {
                totals[i].capacity += s.capacity;
                totals[i].used += s.used;
                let labels = [("resource", class.to_string())];
                metrics
                    .gauge("osprey_capacity_total", "capacity of the resource class: sum of (total - reserved) x allocation ratio")
                    .sample(site, &labels, s.capacity as f64);
                metrics
                    .gauge(
                        "osprey_capacity_used",
                        "what allocations use of the resource class",
                    )
                    .sample(site, &labels, s.used as f64);
                metrics
                    .gauge("osprey_capacity_free", "capacity minus used")
                    .sample(site, &labels, (s.capacity - s.used) as f64);
            }
            rows.push(row(site, class, got.source, got.providers, sums));
        }
    }
    report.metrics = Some(metrics);
    if estate.tables {
        let meters = crate::render::meters();
        let mut shown = Rows::typed(rows.iter().cloned());
        if read.len() > 1 {
            let total = SiteId::new("total", "");
            let more = CLASSES.iter().zip(&totals).map(|(class, s)| {
                let providers = read.iter().map(|(_, g)| g.providers).sum();
                CapacityRow {
                    source: String::new(),
                    ..row(&total, class, Source::None, providers, Some(*s))
                }
            });
            shown = Rows::typed(rows.iter().cloned().chain(more));
        }
        if meters {
            shown = shown.map_column("used_percent", |v| match v.as_f64() {
                Some(p) => serde_json::Value::String(crate::render::meter(p)),
                None => v.clone(),
            });
        }
        report.table = Some(shown);
    }
    report.rows = Rows::typed(rows);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::usage::Inventory;

    fn provider(total: i64, reserved: i64, ratio: f64, used: i64) -> Provider {
        Provider {
            inventories: [(
                "VCPU".to_string(),
                Inventory {
                    total,
                    reserved,
                    allocation_ratio: ratio,
                },
            )]
            .into(),
            usages: [("VCPU".to_string(), used)].into(),
        }
    }

    #[test]
    fn capacity_counts_reserves_and_ratios() {
        let ps = [provider(16, 2, 4.0, 10), provider(8, 0, 1.5, 3)];
        assert_eq!(
            from_providers(&ps, "VCPU"),
            Sums {
                capacity: 56 + 12,
                used: 13
            }
        );
        assert_eq!(from_providers(&ps, "DISK_GB"), Sums::default());
        let r = row(
            &SiteId::new("c", "r"),
            "VCPU",
            Source::Placement,
            2,
            Some(Sums {
                capacity: 68,
                used: 13,
            }),
        );
        assert_eq!((r.free, r.used_percent), (Some(55), Some(19.1)));
    }
}
