//! `osprey usage`: the project's live utilization at every site (servers
//! by status, vCPUs, RAM, volumes, floating IPs, ports) and Nova's usage
//! over a period (vCPU, RAM and disk hours).

use super::Report;
use crate::api::{Service, SiteClient, SiteId};
use crate::auth::keystone::{format_rfc3339, parse_rfc3339};
use crate::context::Estate;
use crate::error::hinted;
use crate::fanout::Partial;
use crate::render::Rows;
use crate::render::openmetrics::Metrics;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The default period: the last 30 days.
const DEFAULT_DAYS: i64 = 30;

/// `osprey usage` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct UsageArgs {
    /// Start of the period for vCPU, RAM and disk hours: YYYY-MM-DD (UTC
    /// midnight) or RFC 3339, e.g. 2026-11-01T00:00:00Z.
    ///
    /// Default: 30 days before --end.
    #[arg(long, value_name = "DATE")]
    pub(crate) start: Option<String>,

    /// End of the period: YYYY-MM-DD (UTC midnight) or RFC 3339.
    ///
    /// Default: now.
    #[arg(long, value_name = "DATE")]
    pub(crate) end: Option<String>,
}

impl super::Family for UsageArgs {
    fn columns(&self) -> crate::render::Known {
        crate::render::Known::rows(crate::render::columns::of::<UsageRow>())
    }

    fn metrics(&self) -> bool {
        true
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        usage(estate, self).await
    }
}

/// The period, as Unix seconds, checked before any request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    pub(crate) start: i64,
    pub(crate) end: i64,
}

impl Period {
    pub(crate) fn of(args: &UsageArgs, now: i64) -> anyhow::Result<Period> {
        let end = match &args.end {
            Some(e) => date("--end", e)?,
            None => now,
        };
        let start = match &args.start {
            Some(s) => date("--start", s)?,
            None => end - DEFAULT_DAYS * 86_400,
        };
        if start >= end {
            return Err(hinted(
                format!(
                    "--start {} is not before --end {}",
                    format_rfc3339(start),
                    format_rfc3339(end)
                ),
                "give a --start earlier than --end (default: now)",
            ));
        }
        Ok(Period { start, end })
    }

    /// Nova's form of a time: `YYYY-MM-DDThh:mm:ss`, UTC.
    fn nova(secs: i64) -> String {
        format_rfc3339(secs).trim_end_matches('Z').to_string()
    }
}

/// `YYYY-MM-DD` (midnight UTC) or an RFC 3339 time, as Unix seconds.
fn date(flag: &str, text: &str) -> anyhow::Result<i64> {
    let t = text.trim();
    let well_formed = |d: &str| {
        let b = d.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && d.chars()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
            && (1..=12).contains(&d[5..7].parse::<u32>().unwrap_or(0))
            && (1..=31).contains(&d[8..10].parse::<u32>().unwrap_or(0))
    };
    let parsed = if t.len() == 10 {
        well_formed(t)
            .then(|| parse_rfc3339(&format!("{t}T00:00:00Z")))
            .flatten()
    } else {
        t.get(..10)
            .filter(|d| well_formed(d) && matches!(t.as_bytes().get(10), Some(b'T' | b't')))
            .and_then(|_| parse_rfc3339(t))
    };
    // A day the month lacks (2026-02-30) would roll over: refuse it.
    let day = t.get(..10).unwrap_or_default();
    let real_day = parse_rfc3339(&format!("{day}T00:00:00Z"))
        .is_some_and(|midnight| format_rfc3339(midnight).starts_with(day));
    parsed.filter(|_| real_day).ok_or_else(|| {
        hinted(
            format!("{flag} {text}: not a date"),
            "use YYYY-MM-DD (UTC midnight) or RFC 3339, e.g. 2026-11-01 or 2026-11-01T12:00:00Z",
        )
    })
}

/// One site's usage: the row of `osprey usage -f json`. A count the site
/// could not tell (no Cinder there) is empty.
#[derive(Debug, Default, Clone, Serialize)]
pub(crate) struct UsageRow {
    cloud: String,
    region: String,
    project_id: String,
    project_name: String,
    servers: Option<i64>,
    /// `{ACTIVE: 3, ERROR: 1}`.
    servers_by_status: BTreeMap<String, i64>,
    vcpus: Option<i64>,
    ram_mb: Option<i64>,
    volumes: Option<i64>,
    volume_gb: Option<i64>,
    floating_ips: Option<i64>,
    ports: Option<i64>,
    vcpu_hours: Option<f64>,
    ram_mb_hours: Option<f64>,
    disk_gb_hours: Option<f64>,
    start: String,
    end: String,
}

/// `osprey usage`.
pub(crate) async fn usage(estate: &Estate<'_>, args: &UsageArgs) -> anyhow::Result<Report> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let period = Period::of(args, now)?;
    let mut report = Report::default();
    let sites = estate.sites().await?;
    let clients = report.absorb_sites(sites);
    let out = estate
        .runner
        .each_partial(&clients, |c| read(c, period))
        .await;
    let read = report.absorb(out);
    let mut rows: Vec<UsageRow> = read.into_iter().map(|(_, r)| r).collect();
    report.metrics = Some(metrics(&rows));
    if estate.tables && rows.len() > 1 {
        let total = total(&rows);
        report.table = Some(Rows::typed(rows.iter().cloned().chain([total])));
    }
    rows.sort_by(|a, b| (&a.cloud, &a.region).cmp(&(&b.cloud, &b.region)));
    report.rows = Rows::typed(rows);
    Ok(report)
}

/// One site's usage: the quota sets with usage (one call per service),
/// the server list for statuses, and Nova's usage over the period. A
/// service that fails is an error next to what the others gave.
async fn read(c: Arc<SiteClient>, period: Period) -> anyhow::Result<Partial<UsageRow>> {
    let project = c.token_project().await?;
    let pid = project.id.as_str();
    let (start, end) = (Period::nova(period.start), Period::nova(period.end));
    let quota = |service: Service| {
        let c = c.clone();
        async move {
            if c.catalog_url(service).await?.is_none() {
                return Ok(None);
            }
            let usage = c.quota_usage(service, pid).await?.unwrap_or_default();
            anyhow::Ok(Some(
                usage
                    .into_iter()
                    .map(|u| (u.resource, u.in_use))
                    .collect::<BTreeMap<_, _>>(),
            ))
        }
    };
    let compute = c.catalog_url(Service::Compute).await?.is_some();
    let statuses = async {
        match compute {
            true => c.servers_by_status().await.map(Some),
            false => Ok(None),
        }
    };
    let hours = async {
        match compute {
            true => c.tenant_usage(pid, &start, &end).await.map(Some),
            false => Ok(None),
        }
    };
    let (nova, neutron, cinder, statuses, hours) = tokio::join!(
        quota(Service::Compute),
        quota(Service::Network),
        quota(Service::Volume),
        statuses,
        hours
    );
    let mut errors = Vec::new();
    fn keep<T>(
        r: anyhow::Result<Option<T>>,
        what: String,
        errors: &mut Vec<anyhow::Error>,
    ) -> Option<T> {
        r.map_err(|e| errors.push(e.context(what))).ok().flatten()
    }
    let of = |what: &str| format!("{what} of project {}", project.name);
    let nova = keep(nova, of("compute quota usage"), &mut errors);
    let neutron = keep(neutron, of("network quota usage"), &mut errors);
    let cinder = keep(cinder, of("volume quota usage"), &mut errors);
    let statuses = keep(statuses, of("servers"), &mut errors);
    let hours = keep(hours, of("compute usage over the period"), &mut errors);
    let get = |set: &Option<BTreeMap<String, i64>>, k: &str| set.as_ref()?.get(k).copied();
    let row = UsageRow {
        cloud: c.id.cloud.clone(),
        region: c.id.region.clone(),
        project_id: project.id.clone(),
        project_name: project.name.clone(),
        servers: statuses
            .as_ref()
            .map(|s| s.values().sum())
            .or_else(|| get(&nova, "instances")),
        servers_by_status: statuses.unwrap_or_default(),
        vcpus: get(&nova, "cores"),
        ram_mb: get(&nova, "ram"),
        volumes: get(&cinder, "volumes"),
        volume_gb: get(&cinder, "gigabytes"),
        floating_ips: get(&neutron, "floatingip"),
        ports: get(&neutron, "port"),
        vcpu_hours: hours.map(|h| round2(h.vcpu_hours)),
        ram_mb_hours: hours.map(|h| round2(h.ram_mb_hours)),
        disk_gb_hours: hours.map(|h| round2(h.disk_gb_hours)),
        start: format_rfc3339(period.start),
        end: format_rfc3339(period.end),
    };
    Ok(Partial { value: row, errors })
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The table's last row: every count summed over the sites that gave it.
fn total(rows: &[UsageRow]) -> UsageRow {
    fn sum<T: Copy + std::iter::Sum>(
        rows: &[UsageRow],
        f: impl Fn(&UsageRow) -> Option<T>,
    ) -> Option<T> {
        let known: Vec<T> = rows.iter().filter_map(f).collect();
        (!known.is_empty()).then(|| known.into_iter().sum())
    }
    let mut by_status = BTreeMap::new();
    for r in rows {
        for (s, n) in &r.servers_by_status {
            *by_status.entry(s.clone()).or_insert(0) += n;
        }
    }
    UsageRow {
        cloud: "total".into(),
        servers: sum(rows, |r| r.servers),
        servers_by_status: by_status,
        vcpus: sum(rows, |r| r.vcpus),
        ram_mb: sum(rows, |r| r.ram_mb),
        volumes: sum(rows, |r| r.volumes),
        volume_gb: sum(rows, |r| r.volume_gb),
        floating_ips: sum(rows, |r| r.floating_ips),
        ports: sum(rows, |r| r.ports),
        vcpu_hours: sum(rows, |r| r.vcpu_hours).map(round2),
        ram_mb_hours: sum(rows, |r| r.ram_mb_hours).map(round2),
        disk_gb_hours: sum(rows, |r| r.disk_gb_hours).map(round2),
        start: rows.first().map(|r| r.start.clone()).unwrap_or_default(),
        end: rows.first().map(|r| r.end.clone()).unwrap_or_default(),
        ..UsageRow::default()
    }
}

/// `osprey usage -f openmetrics`: one gauge per count, per site.
fn metrics(rows: &[UsageRow]) -> Metrics {
    let mut m = Metrics::default();
    for r in rows {
        let site = SiteId::new(&r.cloud, &r.region);
        m.site(&site);
        let project = [("project", r.project_name.clone())];
        for (status, n) in &r.servers_by_status {
            let labels = [project[0].clone(), ("status", status.clone())];
            m.gauge("osprey_usage_servers", "the project's servers by status")
                .sample(&site, &labels, *n as f64);
        }
        let counts: [(&'static str, &'static str, Option<f64>); 9] = [
            (
                "osprey_usage_vcpus",
                "vCPUs the project's servers use",
                r.vcpus.map(|v| v as f64),
            ),
            (
                "osprey_usage_ram_mb",
                "RAM (MiB) the project's servers use",
                r.ram_mb.map(|v| v as f64),
            ),
            (
                "osprey_usage_volumes",
                "the project's volumes",
                r.volumes.map(|v| v as f64),
            ),
            (
                "osprey_usage_volume_gb",
                "GiB of the project's volumes",
                r.volume_gb.map(|v| v as f64),
            ),
            (
                "osprey_usage_floating_ips",
                "the project's floating IPs",
                r.floating_ips.map(|v| v as f64),
            ),
            (
                "osprey_usage_ports",
                "the project's ports",
                r.ports.map(|v| v as f64),
            ),
            (
                "osprey_usage_vcpu_hours",
                "vCPU hours over the period",
                r.vcpu_hours,
            ),
            (
                "osprey_usage_ram_mb_hours",
                "RAM MiB hours over the period",
                r.ram_mb_hours,
            ),
            (
                "osprey_usage_disk_gb_hours",
                "disk GiB hours over the period",
                r.disk_gb_hours,
            ),
        ];
        for (name, help, value) in counts {
            if let Some(v) = value {
                m.gauge(name, help).sample(&site, &project, v);
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(start: Option<&str>, end: Option<&str>) -> UsageArgs {
        UsageArgs {
            start: start.map(str::to_string),
            end: end.map(str::to_string),
        }
    }

    #[test]
    fn periods() {
        let now = parse_rfc3339("2026-12-06T12:00:00Z").unwrap();
        let p = Period::of(&args(None, None), now).unwrap();
        assert_eq!(format_rfc3339(p.start), "2026-11-06T12:00:00Z");
        let p = Period::of(
            &args(Some("2026-11-01"), Some("2026-11-02T06:30:00+02:00")),
            now,
        )
        .unwrap();
        assert_eq!(Period::nova(p.start), "2026-11-01T00:00:00");
        assert_eq!(Period::nova(p.end), "2026-11-02T04:30:00");
        let p = Period::of(&args(None, Some("2026-11-02T01:00:00+02:00")), now).unwrap();
        assert_eq!(Period::nova(p.end), "2026-11-01T23:00:00");
        for bad in [
            "yesterday",
            "2026-13-01",
            "2026-11-1",
            "2026-11-01 12:00",
            "2026-11-01T",
        ] {
            let e = Period::of(&args(Some(bad), None), now).unwrap_err();
            assert_eq!(e.to_string(), format!("--start {bad}: not a date"));
        }
        assert!(Period::of(&args(Some("2026-12-07"), Some("2026-12-01")), now).is_err());
    }
}
