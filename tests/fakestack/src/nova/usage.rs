//! Nova's `os-simple-tenant-usage/{project_id}?start=&end=`: a project's
//! vCPU, RAM and disk hours over a period, computed from the region's
//! seeded servers and their flavors (Nova charges from a server's
//! `launched_at`, or the period's start, to the period's end).

// Handlers bail out with the very response to send (see keystone.rs).
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::routing::get;
use serde_json::{Value, json};

use crate::server::Ctx;
use crate::store::{ApiError, Kind, Reply, Req};

use super::{ok, policy};

pub(crate) fn routes() -> Router<Ctx> {
    Router::new().route(
        "/compute/v2.1/os-simple-tenant-usage/{project_id}",
        get(show),
    )
}

/// `2026-11-01T00:00:00[.ffffff]` (Nova's `parse_strtime` forms, UTC) as
/// Unix seconds.
pub(crate) fn parse_time(s: &str) -> Option<f64> {
    let s = s.trim_end_matches('Z');
    let (date, time) = s.split_once(['T', ' '])?;
    let mut d = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, mo, da) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.splitn(3, ':');
    let h: i64 = t.next()?.parse().ok()?;
    let mi: i64 = t.next()?.parse().ok()?;
    let sec: f64 = t.next()?.parse().ok()?;
    if !(1..=12).contains(&mo) || !(1..=31).contains(&da) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((mo + 9) % 12) + 2) / 5 + da - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 86_400 + h * 3_600 + mi * 60) as f64 + sec)
}

fn secs(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// The project's own usage, or any project's for the admin; `{}` when it
/// had no server in the period, as Nova answers.
async fn show(
    r: Req,
    Path(project): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Reply {
    if !r.caller.is_admin() && r.caller.project_id.as_deref() != Some(project.as_str()) {
        return Err(policy("os_compute_api:os-simple-tenant-usage:show"));
    }
    let now = secs(SystemTime::now());
    let time = |key: &str, default: f64| match q.get(key) {
        None => Ok(default),
        Some(v) => parse_time(v).ok_or_else(|| {
            ApiError::bad_request(format!(
                "Invalid input for field/attribute {key}. Value: {v}."
            ))
        }),
    };
    let start = time("start", now)?;
    let stop = time("end", now)?;
    if start >= stop {
        return Err(ApiError::bad_request(
            "Invalid start time. The start time cannot occur after the end time.",
        ));
    }
    let servers = r
        .ctx
        .world
        .store
        .with(r.ctx.key(), |s| s.all(Kind::Server).to_vec())
        .unwrap_or_default();
    let (mut vcpus, mut ram, mut disk, mut hours_total) = (0.0, 0.0, 0.0, 0.0);
    let mut usages = Vec::new();
    for s in servers
        .iter()
        .filter(|s| s.project_id.as_deref() == Some(project.as_str()))
    {
        // Never launched (building, or failed to boot): no usage, as Nova.
        let Some(launched) = s.body["OS-SRV-USG:launched_at"]
            .as_str()
            .and_then(parse_time)
        else {
            continue;
        };
        if launched > stop {
            continue;
        }
        let hours = (stop - launched.max(start)).max(0.0) / 3_600.0;
        let f = &s.body["flavor"];
        let n = |k: &str| f[k].as_f64().unwrap_or(0.0);
        let local_gb = n("disk") + n("ephemeral");
        vcpus += n("vcpus") * hours;
        ram += n("ram") * hours;
        disk += local_gb * hours;
        hours_total += hours;
        usages.push(json!({
            "instance_id": s.id, "name": s.body["name"], "hours": hours,
            "vcpus": f["vcpus"], "memory_mb": f["ram"], "local_gb": local_gb,
            "flavor": f["original_name"], "tenant_id": project,
            "state": s.body["OS-EXT-STS:vm_state"].as_str().unwrap_or("active"),
            "started_at": s.body["OS-SRV-USG:launched_at"], "ended_at": null,
            "uptime": (now - launched).max(0.0) as i64,
        }));
    }
    if usages.is_empty() {
        return Ok(ok(StatusCode::OK, &json!({"tenant_usage": {}})));
    }
    let stamp =
        |t: f64| crate::state::civil(UNIX_EPOCH + std::time::Duration::from_secs_f64(t.max(0.0)));
    let usage: Value = json!({
        "tenant_id": project,
        "start": format!("{}.000000", stamp(start)),
        "stop": format!("{}.000000", stamp(stop)),
        "total_vcpus_usage": vcpus,
        "total_memory_mb_usage": ram,
        "total_local_gb_usage": disk,
        "total_hours": hours_total,
        "server_usages": usages,
    });
    Ok(ok(StatusCode::OK, &json!({"tenant_usage": usage})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nova_times() {
        assert_eq!(parse_time("1970-01-02T00:00:00"), Some(86_400.0));
        assert_eq!(parse_time("1970-01-01T01:00:00.500000"), Some(3_600.5));
        assert_eq!(parse_time("1970-13-01T00:00:00"), None);
        assert_eq!(parse_time("yesterday"), None);
    }
}
