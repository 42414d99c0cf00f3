//! End-to-end: `osprey events` against fakestack: one feed across sites in
//! time order, `--since`, `--kind`, a bad `--since`, a site without Cinder.
//! Faults, instance actions and Cinder messages are seeded, which only the
//! fake allows: those tests say so in their names.

use crate::common::{both, demo};
use fakestack::{FakeStack, Kind};
use serde_json::{Value, json};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `YYYY-MM-DDTHH:MM:SSZ`, `secs` ago.
fn ago(secs: u64) -> String {
    let t = SystemTime::now() - Duration::from_secs(secs);
    let t = t.duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
    let (days, rest) = (t / 86_400, t % 86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// A server in ERROR in RegionTwo (its fault 3 h ago), a failed reboot in
/// RegionOne (2 h ago), a Cinder message in RegionThree (1 h ago), a
/// volume in error and an image whose import failed in RegionOne (now).
fn seed(stack: &FakeStack) {
    stack.seed(
        "RegionTwo",
        Kind::Server,
        "demo",
        json!({"name": "db", "status": "ERROR",
            "fault": {"code": 500, "message": "No valid host was found.", "created": ago(3 * 3600)}}),
    );
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web", "actions": [{"action": "reboot", "message": "Error",
            "start_time": ago(2 * 3600), "events": [{"event": "compute_reboot_instance",
            "result": "Error", "details": "Disk full", "traceback": "secret trace"}]}]}),
    );
    let volume = stack.seed(
        "RegionThree",
        Kind::Volume,
        "demo",
        json!({"name": "data", "size": 1}),
    );
    stack.seed(
        "RegionThree",
        Kind::VolumeMessage,
        "demo",
        json!({"resource_uuid": volume.id, "event_id": "VOLUME_000002",
            "user_message": "attach volume: Could not find any available weighted backend.",
            "created_at": ago(3600)}),
    );
    let broken = stack.seed(
        "RegionOne",
        Kind::Volume,
        "demo",
        json!({"name": "scratch", "size": 1}),
    );
    stack.edit_resource("RegionOne", Kind::Volume, &broken.id, |b| {
        b["status"] = json!("error")
    });
    let image = stack.seed("RegionOne", Kind::Image, "demo", json!({"name": "fedora"}));
    stack.edit_resource("RegionOne", Kind::Image, &image.id, |b| {
        b["os_glance_failed_import"] = json!("local")
    });
}

fn events(out: &Value) -> Vec<(String, String, String)> {
    out.as_array()
        .expect("array")
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_string(),
                r["name"].as_str().unwrap().to_string(),
                r["event"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(out: &Value, region: &str, name: &str, event: &str) -> Value {
    out.as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == region && r["name"] == name && r["event"] == event)
        .cloned()
        .unwrap_or_else(|| panic!("no {region} {name} {event} in {out:#}"))
}

#[test]
fn one_feed_across_sites_in_time_order_with_fakestack_faults_and_actions() {
    let (stack, env) = demo();
    seed(&stack);
    let run = both(&env, &["events", "-f", "json"]);
    run.assert_code(0);
    let out = run.json();
    let times: Vec<&str> = out
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["time"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    let list = events(&out);
    let first: Vec<_> = list.iter().take(3).cloned().collect();
    assert_eq!(
        first,
        [
            ("RegionTwo".into(), "db".into(), "error".into()),
            ("RegionOne".into(), "web".into(), "reboot".into()),
            ("RegionThree".into(), "data".into(), "VOLUME_000002".into()),
        ]
    );
    assert_eq!(
        has(&out, "RegionTwo", "db", "error")["message"],
        "No valid host was found."
    );
    // The demo user sees the failed step's details, never the traceback.
    assert_eq!(
        has(&out, "RegionOne", "web", "reboot")["message"],
        "Error: compute_reboot_instance: Disk full"
    );
    assert_eq!(has(&out, "RegionOne", "web", "create")["message"], "");
    assert_eq!(has(&out, "RegionOne", "scratch", "error")["kind"], "volume");
    let image = has(&out, "RegionOne", "fedora", "import_failed");
    assert_eq!(image["kind"], "image");
    assert_eq!(image["message"], "import failed for stores: local");
    let keys: Vec<&String> = out[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "cloud", "region", "time", "kind", "id", "name", "event", "message"
        ]
    );
    // Actions were asked only of the servers changed in the window, and
    // each failed one's events once.
    assert_eq!(
        stack.count(
            "RegionOne",
            "GET",
            &format!(
                "/compute/v2.1/servers/{}/os-instance-actions",
                stack.resources("RegionOne", Kind::Server)[0].id
            )
        ),
        1
    );
}

#[test]
fn since_narrows_the_window_in_fakestack_actions() {
    let (stack, env) = demo();
    seed(&stack);
    let run = both(&env, &["events", "--since", "150m", "-f", "json"]);
    run.assert_code(0);
    let out = run.json();
    let list = events(&out);
    assert!(
        !list.iter().any(|e| e.2 == "error" && e.1 == "db"),
        "{list:?}"
    );
    has(&out, "RegionOne", "web", "reboot");
    let run = both(&env, &["events", "--since", "90m", "-f", "json"]);
    let list = events(&run.json());
    assert!(!list.iter().any(|e| e.2 == "reboot"), "{list:?}");
    assert!(list.iter().any(|e| e.2 == "VOLUME_000002"), "{list:?}");
}

#[test]
fn kind_picks_what_is_read() {
    let (stack, env) = demo();
    seed(&stack);
    stack.reset_counters();
    let run = both(&env, &["events", "--kind", "image", "-f", "json"]);
    run.assert_code(0);
    let out = run.json();
    assert!(
        out.as_array().unwrap().iter().all(|r| r["kind"] == "image"),
        "{out:#}"
    );
    has(&out, "RegionOne", "fedora", "import_failed");
    assert_eq!(
        stack.count("RegionOne", "GET", "/compute/v2.1/servers/detail"),
        0
    );
    assert_eq!(stack.count("RegionOne", "GET", "/volume/v3/messages"), 0);
}

#[test]
fn a_bad_since_names_the_accepted_forms_before_any_request() {
    let (stack, env) = demo();
    let run = both(&env, &["events", "--since", "yesterday"]);
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "error: --since yesterday: not a duration or a time\n\
         hint: give a duration such as 30m, 1h, 2d or 1w, or an RFC 3339 time such as 2026-01-02T03:04:05Z\n"
    );
    assert!(stack.requests().is_empty());
}

#[test]
fn a_site_without_cinder_is_noted_and_the_rest_is_shown() {
    let (stack, env) = demo();
    seed(&stack);
    stack.set_endpoint("RegionThree", "block-storage", None);
    stack.set_endpoint("RegionThree", "volumev3", None);
    let run = both(&env, &["events", "-f", "json"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("note: fake-b/RegionThree has no volume service; its volumes are not shown"),
        "{}",
        run.stderr
    );
    let list = events(&run.json());
    assert!(
        !list
            .iter()
            .any(|e| e.0 == "RegionThree" && e.2 == "VOLUME_000002")
    );
    assert!(list.iter().any(|e| e.1 == "scratch"));
}

#[test]
fn all_projects_shows_every_projects_fakestack_faults_to_the_admin() {
    let (stack, env) = demo();
    stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "db", "status": "ERROR", "fault": {"message": "No valid host was found."}}),
    );
    let own = crate::common::admins(&env, &["events", "--kind", "server", "-f", "json"]);
    own.assert_code(0);
    assert_eq!(own.json(), json!([]), "the admin project has no servers");
    let all = crate::common::admins(
        &env,
        &["events", "--kind", "server", "--all-projects", "-f", "json"],
    );
    all.assert_code(0);
    has(&all.json(), "RegionOne", "db", "error");
    // A member may not: Nova's 403 fails each site.
    let refused = both(&env, &["events", "--kind", "server", "--all-projects"]);
    refused.assert_code(2);
    assert!(
        refused.stderr.contains("error: fake-a/RegionOne: "),
        "{}",
        refused.stderr
    );
}

#[test]
fn a_server_gone_before_its_actions_are_read_is_skipped() {
    let (stack, env) = demo();
    let gone = stack.seed("RegionOne", Kind::Server, "demo", json!({"name": "gone"}));
    stack.inject(
        fakestack::Fault::new(
            fakestack::Target::Region("RegionOne".into()),
            fakestack::FaultKind::Status {
                code: 404,
                retry_after: None,
            },
        )
        .path_prefix(&format!(
            "/compute/v2.1/servers/{}/os-instance-actions",
            gone.id
        )),
    );
    let run = both(&env, &["events", "--kind", "server", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.json(), json!([]));
}
