//! What operators watch: instance actions and console output of servers,
//! `changes-since`, Nova and Cinder services, Neutron agents and Cinder's
//! user messages; shapes and who may see what.

mod common;

use common::{call, get_json, token};
use fakestack::{FakeStack, Kind, Spec};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn instance_actions_with_events_and_tracebacks_for_the_admin() {
    let stack = FakeStack::start(Spec::demo());
    let web = stack.seed(
        "RegionOne",
        Kind::Server,
        "demo",
        json!({"name": "web", "actions": [{"action": "reboot", "message": "Error",
            "start_time": "2026-01-02T03:04:05.000000",
            "events": [{"event": "compute_reboot_instance", "result": "Error",
                "details": "Disk full", "traceback": "Traceback …"}]}]}),
    );
    let r = stack.region_url("RegionOne");
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;
    let mv = [("OpenStack-API-Version", "compute 2.84")];
    let url = format!("{r}/compute/v2.1/servers/{}/os-instance-actions", web.id);
    let (status, v) = get_json(&url, &demo, &mv).await;
    assert_eq!(status, StatusCode::OK);
    let actions = v["instanceActions"].as_array().unwrap();
    let names: Vec<&str> = actions
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["reboot", "create"], "newest first");
    assert!(actions[0].get("events").is_none(), "a list has no events");
    let request = actions[0]["request_id"].as_str().unwrap();
    assert!(request.starts_with("req-"));

    // changes-since (2.58) leaves out what is older.
    let (_, v) = get_json(
        &format!("{url}?changes-since=2026-01-03T00:00:00Z"),
        &demo,
        &mv,
    )
    .await;
    let names: Vec<&str> = v["instanceActions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["create"]);

    let (_, v) = get_json(&format!("{url}/{request}"), &demo, &mv).await;
    let event = &v["instanceAction"]["events"][0];
    assert_eq!(event["result"], "Error");
    assert_eq!(event["details"], "Disk full");
    assert!(event.get("traceback").is_none(), "the admin's only");
    let (_, v) = get_json(&format!("{url}/{request}"), &admin, &mv).await;
    assert_eq!(v["instanceAction"]["events"][0]["traceback"], "Traceback …");
    let old = [("OpenStack-API-Version", "compute 2.60")];
    let (_, v) = get_json(&format!("{url}/{request}"), &admin, &old).await;
    assert!(
        v["instanceAction"]["events"][0].get("details").is_none(),
        "from 2.84"
    );
    let (status, _) = get_json(&format!("{url}/req-nope"), &demo, &mv).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn console_output_and_changes_since() {
    let stack = FakeStack::start(Spec::demo());
    let web = stack.seed(
        "RegionTwo",
        Kind::Server,
        "demo",
        json!({"name": "web", "console": "one\ntwo\nthree"}),
    );
    let bare = stack.seed("RegionTwo", Kind::Server, "demo", json!({"name": "bare"}));
    let r = stack.region_url("RegionTwo");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let action = |id: &str| format!("{r}/compute/v2.1/servers/{id}/action");
    let body = json!({"os-getConsoleOutput": {"length": 2}});
    let (status, v) = call("POST", &action(&web.id), &demo, &[], Some(&body)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v, json!({"output": "two\nthree"}));
    let all = json!({"os-getConsoleOutput": {"length": null}});
    let (_, v) = call("POST", &action(&web.id), &demo, &[], Some(&all)).await;
    assert_eq!(v["output"], "one\ntwo\nthree");
    let (status, _) = call("POST", &action(&bare.id), &demo, &[], Some(&all)).await;
    assert_eq!(status, StatusCode::CONFLICT);

    let servers = format!("{r}/compute/v2.1/servers/detail");
    let (_, v) = get_json(
        &format!("{servers}?changes-since=2000-01-01T00:00:00Z"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(v["servers"].as_array().unwrap().len(), 2);
    let (_, v) = get_json(
        &format!("{servers}?changes-since=2999-01-01T00:00:00Z"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(v["servers"], json!([]));
}

#[tokio::test]
async fn services_and_agents_are_the_admins_and_messages_the_projects() {
    let stack = FakeStack::start(Spec::demo());
    stack.seed(
        "RegionOne",
        Kind::ComputeService,
        "admin",
        json!({"host": "cmp-1", "state": "down"}),
    );
    stack.seed(
        "RegionOne",
        Kind::NetworkAgent,
        "admin",
        json!({"host": "net-1", "alive": false}),
    );
    stack.seed(
        "RegionOne",
        Kind::VolumeService,
        "admin",
        json!({"status": "disabled"}),
    );
    stack.seed(
        "RegionOne",
        Kind::VolumeMessage,
        "demo",
        json!({"user_message": "attach volume: failed", "created_at": "2026-01-02T03:04:05.000000"}),
    );
    let r = stack.region_url("RegionOne");
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;

    let (status, v) = get_json(&format!("{r}/compute/v2.1/os-services"), &admin, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["services"][0]["state"], "down");
    assert_eq!(v["services"][0]["binary"], "nova-compute");
    let (status, _) = get_json(&format!("{r}/compute/v2.1/os-services"), &demo, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (_, v) = get_json(&format!("{r}/network/v2.0/agents"), &admin, &[]).await;
    assert_eq!(v["agents"][0]["alive"], false);
    let (status, v) = get_json(&format!("{r}/network/v2.0/agents"), &demo, &[]).await;
    assert_eq!((status, v["agents"].clone()), (StatusCode::OK, json!([])));

    let (_, v) = get_json(&format!("{r}/volume/v3/os-services"), &admin, &[]).await;
    assert_eq!(v["services"][0]["status"], "disabled");
    let (status, _) = get_json(&format!("{r}/volume/v3/os-services"), &demo, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let mv = [("OpenStack-API-Version", "volume 3.3")];
    let (status, v) = get_json(&format!("{r}/volume/v3/messages"), &demo, &mv).await;
    assert_eq!(status, StatusCode::OK);
    let m = &v["messages"][0];
    assert_eq!(m["user_message"], "attach volume: failed");
    assert_eq!(m["message_level"], "ERROR");
    assert_eq!(m["created_at"], "2026-01-02T03:04:05.000000");
    let project = stack.project_id("fake-a", "demo");
    let (_, v) = get_json(&format!("{r}/volume/v3/{project}/messages"), &demo, &mv).await;
    assert_eq!(v["messages"].as_array().unwrap().len(), 1);
}
