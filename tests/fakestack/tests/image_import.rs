//! Glance's interoperable import: `/v2/info/import`, and `glance-download` copying an image between two regions of one Keystone over HTTP.

mod common;

use common::{call, client, get_json, poll, token};
use fakestack::{FakeStack, Fault, FaultKind, Kind, Spec, Target};
use reqwest::StatusCode;
use serde_json::{Value, json};

const ALL: [&str; 4] = [
    "glance-direct",
    "web-download",
    "copy-image",
    "glance-download",
];

/// `n` bytes that do not repeat.
fn noise(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i * 7 + i / 251) as u8).collect()
}

/// An active image of demo's in `region` with `n` bytes; its id.
fn source(stack: &FakeStack, region: &str, n: usize) -> String {
    let image = stack.seed(
        region,
        Kind::Image,
        "demo",
        json!({"name": "src", "disk_format": "qcow2", "container_format": "bare"}),
    );
    stack.set_image_data(region, &image.id, noise(n));
    image.id
}

/// A queued raw image of demo's through the API; its id.
async fn target(url: &str, tok: &str) -> String {
    let body = json!({"name": "copy", "disk_format": "raw", "container_format": "bare"});
    let (status, v) = call(
        "POST",
        &format!("{url}/image/v2/images"),
        tok,
        &[],
        Some(&body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    v["id"].as_str().unwrap().to_owned()
}

fn download(src: &str, region: &str) -> Value {
    json!({"method": {"name": "glance-download", "glance_image_id": src, "glance_region": region}})
}

/// POSTs an import; the status and the body as text.
async fn import(url: &str, tok: &str, id: &str, body: &Value) -> (StatusCode, String) {
    let resp = client()
        .post(format!("{url}/image/v2/images/{id}/import"))
        .header("X-Auth-Token", tok)
        .json(body)
        .send()
        .await
        .unwrap();
    (resp.status(), resp.text().await.unwrap())
}

/// The image once `done` holds for it.
async fn image_when(url: &str, tok: &str, id: &str, done: impl Fn(&Value) -> bool) -> Value {
    let show = format!("{url}/image/v2/images/{id}");
    poll(&format!("image {id}"), || async {
        let (_, v) = get_json(&show, tok, &[]).await;
        done(&v).then_some(v)
    })
    .await
}

/// The image back `queued` after an import whose fetch failed, as Glance
/// 33 leaves it: still "importing" to `local`, no failed store, the lock
/// gone; only its task, the newest, says it failed.
async fn failed(url: &str, tok: &str, id: &str) -> Value {
    let v = image_when(url, tok, id, |v| v["status"] != "importing").await;
    assert_eq!(v["status"], "queued", "{v}");
    assert_eq!(v["os_glance_failed_import"], "");
    assert_eq!(v["os_glance_importing_to_stores"], "local");
    assert!(v.get("os_glance_import_task").is_none(), "{v}");
    let (status, tasks) = get_json(&format!("{url}/image/v2/images/{id}/tasks"), tok, &[]).await;
    assert_eq!(status, StatusCode::OK, "{tasks}");
    let newest = &tasks["tasks"][0];
    assert_eq!(newest["status"], "failure", "{tasks}");
    assert_eq!(newest["type"], "api_image_import");
    assert_eq!(newest["image_id"], id);
    assert_eq!(newest["message"], "Task failed due to Internal Error");
    v
}

/// A pause of `ms` on the source's download, so the import is seen `importing`.
fn hold(stack: &FakeStack, region: &str, src: &str, ms: u64) {
    stack.inject(
        Fault::new(
            Target::Region(region.into()),
            FaultKind::PauseBody { after_bytes: 0, ms },
        )
        .path_prefix(&format!("/image/v2/images/{src}/file"))
        .times(1),
    );
}

#[tokio::test]
async fn info_import_and_the_create_answer_list_the_regions_methods() {
    let stack =
        FakeStack::start(Spec::demo().region_import_methods("RegionThree", &["glance-direct"]));
    let demo_a = token(&stack.keystone_url("fake-a"), "demo").await;
    let demo_b = token(&stack.keystone_url("fake-b"), "demo").await;
    let listed = |url: String, tok: String| async move {
        let (status, v) = get_json(&format!("{url}/image/v2/info/import"), &tok, &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            v["import-methods"]["description"],
            "Import methods available."
        );
        assert_eq!(v["import-methods"]["type"], "array");
        v["import-methods"]["value"].clone()
    };
    let r1 = stack.region_url("RegionOne");
    let r3 = stack.region_url("RegionThree");
    assert_eq!(listed(r1.clone(), demo_a.clone()).await, json!(ALL));
    assert_eq!(
        listed(r3.clone(), demo_b.clone()).await,
        json!(["glance-direct"])
    );
    let header = |url: String, tok: String| async move {
        let resp = client()
            .post(format!("{url}/image/v2/images"))
            .header("X-Auth-Token", tok)
            .json(&json!({"name": "x"}))
            .send()
            .await
            .unwrap();
        resp.headers()["openstack-image-import-methods"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(header(r1.clone(), demo_a.clone()).await, ALL.join(","));
    assert_eq!(header(r3.clone(), demo_b.clone()).await, "glance-direct");

    stack.set_import_methods("RegionOne", &["copy-image"]);
    assert_eq!(
        listed(r1.clone(), demo_a.clone()).await,
        json!(["copy-image"])
    );
    let resp = client()
        .post(format!("{}/import_methods", stack.control_url()))
        .json(&json!({"region": "RegionThree", "methods": ["web-download", "glance-download"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(header(r3, demo_b).await, "web-download,glance-download");
    let resp = client()
        .post(format!("{}/import_methods", stack.control_url()))
        .json(&json!({"region": "RegionOne", "methods": ["ftp"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn glance_download_fetches_the_source_over_http_and_ends_active() {
    let stack = FakeStack::start(Spec::demo());
    let src = source(&stack, "RegionOne", 3 << 20);
    let source_image = stack.resource("RegionOne", Kind::Image, &src).unwrap();
    let r2 = stack.region_url("RegionTwo");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = target(&r2, &demo).await;
    hold(&stack, "RegionOne", &src, 1000);

    let resp = client()
        .post(format!("{r2}/image/v2/images/{id}/import"))
        .header("X-Auth-Token", &demo)
        .json(&download(&src, "RegionOne"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::ACCEPTED);
    assert!(resp.bytes().await.unwrap().is_empty());
    let (_, v) = get_json(&format!("{r2}/image/v2/images/{id}"), &demo, &[]).await;
    assert_eq!(v["status"], "importing");
    assert_eq!(v["os_glance_importing_to_stores"], "local");
    assert_eq!(v["os_glance_failed_import"], "");
    let lock = v["os_glance_import_task"].as_str().unwrap().to_owned();
    let tasks = format!("{r2}/image/v2/images/{id}/tasks");
    let (_, running) = get_json(&tasks, &demo, &[]).await;
    assert_eq!(running["tasks"][0]["id"], lock.as_str(), "{running}");
    assert_eq!(running["tasks"][0]["status"], "pending");
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert!(
        keys[0].starts_with("os_glance_"),
        "properties first: {keys:?}"
    );
    let (status, again) = import(&r2, &demo, &id, &download(&src, "RegionOne")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        again.contains("Image needs to be in &#x27;queued&#x27; state")
            || again.contains("Image needs to be in 'queued' state"),
        "{again}"
    );

    let v = image_when(&r2, &demo, &id, |v| v["status"] == "active").await;
    let body = &source_image.body;
    assert_eq!(v["size"], 3 << 20);
    assert_eq!(v["checksum"], body["checksum"]);
    assert_eq!(v["os_hash_algo"], "sha512");
    assert_eq!(v["os_hash_value"], body["os_hash_value"]);
    assert_eq!(
        v["disk_format"], "qcow2",
        "the source's formats, as Glance copies them"
    );
    assert_eq!(
        v["virtual_size"],
        Value::Null,
        "no virtual size for qcow2 here"
    );
    assert_eq!(v["stores"], "local");
    assert_eq!(v["os_glance_importing_to_stores"], "");
    assert_eq!(v["os_glance_failed_import"], "");
    assert!(v.get("os_glance_import_task").is_none(), "the lock went");
    let (_, done) = get_json(&tasks, &demo, &[]).await;
    assert_eq!(done["tasks"][0]["status"], "success", "{done}");
    assert_eq!(done["tasks"][0]["result"]["image_id"], id.as_str());
    assert_eq!(stack.image_data("RegionTwo", &id).unwrap(), noise(3 << 20));

    let file = format!("/image/v2/images/{src}/file");
    assert_eq!(
        stack.count("RegionOne", "GET", &file),
        1,
        "the import's fetch"
    );
    assert_eq!(
        stack.count("RegionOne", "GET", &format!("/image/v2/images/{src}")),
        1
    );
    let fetch = stack
        .requests()
        .into_iter()
        .find(|r| r.target == "RegionOne" && r.path == file)
        .unwrap();
    assert_eq!(
        fetch.header("x-auth-token"),
        Some(demo.as_str()),
        "the caller's token"
    );
    let got = client()
        .get(format!("{}{file}", stack.region_url("RegionOne")))
        .header("X-Auth-Token", &demo)
        .send()
        .await
        .unwrap();
    assert_eq!(got.bytes().await.unwrap().len(), 3 << 20);
    assert_eq!(
        stack.count("RegionOne", "GET", &file),
        2,
        "and a client's download"
    );
    assert_eq!(stack.count("RegionTwo", "GET", &file), 0);
}

#[tokio::test]
async fn a_raw_import_gets_a_virtual_size_and_may_use_the_internal_interface() {
    let stack = FakeStack::start(Spec::demo());
    let image = stack.seed(
        "RegionTwo",
        Kind::Image,
        "demo",
        json!({"name": "src", "disk_format": "raw", "container_format": "bare"}),
    );
    stack.set_image_data("RegionTwo", &image.id, noise(4096));
    let r1 = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = target(&r1, &demo).await;
    let mut body = download(&image.id, "regiontwo");
    body["method"]["glance_service_interface"] = json!("internal");
    assert_eq!(import(&r1, &demo, &id, &body).await.0, StatusCode::ACCEPTED);
    let v = image_when(&r1, &demo, &id, |v| v["status"] == "active").await;
    assert_eq!(v["virtual_size"], 4096);
}

#[tokio::test]
async fn a_cut_source_download_fails_the_import_and_a_retry_succeeds() {
    let stack = FakeStack::start(Spec::demo());
    let src = source(&stack, "RegionOne", 2 << 20);
    let r2 = stack.region_url("RegionTwo");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = target(&r2, &demo).await;
    stack.inject(
        Fault::new(
            Target::Region("RegionOne".into()),
            FaultKind::CutBody {
                after_bytes: 1 << 20,
            },
        )
        .path_prefix(&format!("/image/v2/images/{src}/file"))
        .times(1),
    );
    assert_eq!(
        import(&r2, &demo, &id, &download(&src, "RegionOne"))
            .await
            .0,
        StatusCode::ACCEPTED
    );
    let v = failed(&r2, &demo, &id).await;
    assert_eq!(v["size"], Value::Null);
    assert!(stack.image_data("RegionTwo", &id).is_none());

    assert_eq!(
        import(&r2, &demo, &id, &download(&src, "RegionOne"))
            .await
            .0,
        StatusCode::ACCEPTED
    );
    let v = image_when(&r2, &demo, &id, |v| v["status"] == "active").await;
    assert_eq!(v["os_glance_failed_import"], "");
    assert_eq!(v["os_glance_importing_to_stores"], "");
    let (_, tasks) = get_json(&format!("{r2}/image/v2/images/{id}/tasks"), &demo, &[]).await;
    let statuses: Vec<&Value> = tasks["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["status"])
        .collect();
    assert_eq!(
        statuses,
        [&json!("success"), &json!("failure")],
        "newest first"
    );
    assert_eq!(
        stack.count("RegionOne", "GET", &format!("/image/v2/images/{src}/file")),
        2
    );
}

#[tokio::test]
async fn an_import_past_the_size_cap_fails_its_store() {
    let stack = FakeStack::start(Spec::demo().image_size_cap(4096));
    let src = source(&stack, "RegionOne", 8192);
    let r2 = stack.region_url("RegionTwo");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = target(&r2, &demo).await;
    assert_eq!(
        import(&r2, &demo, &id, &download(&src, "RegionOne"))
            .await
            .0,
        StatusCode::ACCEPTED
    );
    let v = image_when(&r2, &demo, &id, |v| v["status"] != "importing").await;
    assert_eq!(v["status"], "queued", "{v}");
    assert_eq!(
        v["os_glance_failed_import"], "local",
        "the store step failed"
    );
    assert_eq!(v["os_glance_importing_to_stores"], "");
    let (_, tasks) = get_json(&format!("{r2}/image/v2/images/{id}/tasks"), &demo, &[]).await;
    assert_eq!(tasks["tasks"][0]["status"], "failure", "{tasks}");
}

#[tokio::test]
async fn imports_fail_from_another_keystone_a_missing_source_or_a_queued_one() {
    let stack = FakeStack::start(Spec::demo());
    let demo_a = token(&stack.keystone_url("fake-a"), "demo").await;
    let demo_b = token(&stack.keystone_url("fake-b"), "demo").await;
    let r2 = stack.region_url("RegionTwo");
    let r3 = stack.region_url("RegionThree");

    let src = source(&stack, "RegionOne", 1024);
    let id = target(&r3, &demo_b).await;
    assert_eq!(
        import(&r3, &demo_b, &id, &download(&src, "RegionOne"))
            .await
            .0,
        StatusCode::ACCEPTED
    );
    failed(&r3, &demo_b, &id).await;
    assert_eq!(
        stack.count("RegionOne", "GET", &format!("/image/v2/images/{src}/file")),
        0
    );

    let id = target(&r2, &demo_a).await;
    let missing = uuid_like(7);
    assert_eq!(
        import(&r2, &demo_a, &id, &download(&missing, "RegionOne"))
            .await
            .0,
        StatusCode::ACCEPTED
    );
    failed(&r2, &demo_a, &id).await;

    let queued = stack.seed("RegionOne", Kind::Image, "demo", json!({"name": "empty"}));
    assert_eq!(
        import(&r2, &demo_a, &id, &download(&queued.id, "RegionOne"))
            .await
            .0,
        StatusCode::ACCEPTED
    );
    failed(&r2, &demo_a, &id).await;

    stack.inject(
        Fault::status("RegionOne", 500)
            .path_prefix("/image/v2/images")
            .times(1),
    );
    assert_eq!(
        import(&r2, &demo_a, &id, &download(&src, "RegionOne"))
            .await
            .0,
        StatusCode::ACCEPTED
    );
    failed(&r2, &demo_a, &id).await;
}

fn uuid_like(n: u8) -> String {
    format!("{n:08x}-0000-4000-8000-000000000000")
}

#[tokio::test]
async fn import_requests_are_checked_as_glance_does() {
    let stack = FakeStack::start(
        Spec::demo().region_import_methods("RegionTwo", &["glance-direct", "glance-download"]),
    );
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;
    let r1 = stack.region_url("RegionOne");
    let r2 = stack.region_url("RegionTwo");
    let src = source(&stack, "RegionOne", 1024);
    let id = target(&r1, &demo).await;
    let refused = |code: StatusCode, text: &str| {
        let text = text.to_owned();
        move |(status, body): (StatusCode, String)| {
            assert_eq!(status, code, "{body}");
            let plain = body.replace("&#x27;", "'").replace("&#39;", "'");
            assert!(plain.contains(&text), "{body}");
        }
    };

    let name = |n: &str| json!({"method": {"name": n}});
    refused(StatusCode::BAD_REQUEST, "Unknown import method name 'ftp'.")(
        import(&r1, &demo, &id, &name("ftp")).await,
    );
    refused(
        StatusCode::BAD_REQUEST,
        "Import request requires a 'method' field.",
    )(import(&r1, &demo, &id, &json!({})).await);
    let id2 = target(&r2, &demo).await;
    refused(
        StatusCode::BAD_REQUEST,
        "Unknown import method name 'copy-image'.",
    )(import(&r2, &demo, &id2, &name("copy-image")).await);
    let no_region = json!({"method": {"name": "glance-download", "glance_image_id": src}});
    refused(
        StatusCode::BAD_REQUEST,
        "'glance_region' needs to be set for glance-download import method",
    )(import(&r1, &demo, &id, &no_region).await);
    let no_id = json!({"method": {"name": "glance-download", "glance_region": "RegionTwo"}});
    refused(StatusCode::BAD_REQUEST, "'glance_image_id' needs to be set")(
        import(&r1, &demo, &id, &no_id).await,
    );
    refused(
        StatusCode::BAD_REQUEST,
        "Remote image id does not look like a UUID: nope",
    )(import(&r1, &demo, &id, &download("nope", "RegionTwo")).await);

    let private = stack.seed("RegionOne", Kind::Image, "admin", json!({"name": "ops", "visibility": "private", "disk_format": "raw", "container_format": "bare"}));
    refused(StatusCode::NOT_FOUND, "")(
        import(&r1, &demo, &private.id, &download(&src, "RegionTwo")).await,
    );
    let public = stack.seed("RegionOne", Kind::Image, "admin", json!({"name": "pub", "visibility": "public", "disk_format": "raw", "container_format": "bare"}));
    refused(
        StatusCode::FORBIDDEN,
        "You are not authorized to complete modify_image action.",
    )(import(&r1, &demo, &public.id, &download(&src, "RegionTwo")).await);
    refused(
        StatusCode::CONFLICT,
        "Image with status active cannot be target for import",
    )(import(&r1, &demo, &src, &download(&src, "RegionTwo")).await);
    let bare = stack.seed(
        "RegionOne",
        Kind::Image,
        "demo",
        json!({"name": "no formats"}),
    );
    refused(
        StatusCode::CONFLICT,
        "'container_format' needs to be set before import",
    )(import(&r1, &demo, &bare.id, &download(&src, "RegionTwo")).await);
    refused(
        StatusCode::CONFLICT,
        "Image needs to be staged before 'glance-direct' method can be used",
    )(import(&r1, &demo, &id, &name("glance-direct")).await);
    refused(
        StatusCode::CONFLICT,
        "Only images with status active can be targeted for copying",
    )(import(&r1, &admin, &id, &name("copy-image")).await);
    refused(
        StatusCode::BAD_REQUEST,
        "Image is already present at store 'local'",
    )(import(&r1, &admin, &src, &name("copy-image")).await);
    refused(StatusCode::FORBIDDEN, "copy_image")(
        import(&r1, &demo, &src, &name("copy-image")).await,
    );
    let (_, v) = get_json(&format!("{r1}/image/v2/images/{id}"), &demo, &[]).await;
    assert_eq!(v["status"], "queued");
    assert!(v.get("os_glance_failed_import").is_none(), "no import ran");

    let resp = client()
        .patch(format!("{r1}/image/v2/images/{id}"))
        .header("X-Auth-Token", &demo)
        .header(
            "Content-Type",
            "application/openstack-images-v2.1-json-patch",
        )
        .json(&json!([{"op": "add", "path": "/os_glance_failed_import", "value": "local"}]))
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::FORBIDDEN,
        "os_glance_* is reserved"
    );
    assert_eq!(
        import(&r1, &admin, &id, &download(&src, "RegionOne"))
            .await
            .0,
        StatusCode::ACCEPTED,
        "the admin may import into demo's image"
    );
    image_when(&r1, &demo, &id, |v| v["status"] == "active").await;
}

#[tokio::test]
async fn deleting_the_target_mid_import_ends_the_copy() {
    let stack = FakeStack::start(Spec::demo());
    let src = source(&stack, "RegionOne", 1 << 20);
    let r2 = stack.region_url("RegionTwo");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = target(&r2, &demo).await;
    hold(&stack, "RegionOne", &src, 500);
    assert_eq!(
        import(&r2, &demo, &id, &download(&src, "RegionOne"))
            .await
            .0,
        StatusCode::ACCEPTED
    );
    let show = format!("{r2}/image/v2/images/{id}");
    assert_eq!(get_json(&show, &demo, &[]).await.1["status"], "importing");
    assert_eq!(
        call("DELETE", &show, &demo, &[], None).await.0,
        StatusCode::NO_CONTENT
    );
    poll("the copy to end", || async {
        (stack.imports_running() == 0).then_some(())
    })
    .await;
    assert_eq!(get_json(&show, &demo, &[]).await.0, StatusCode::NOT_FOUND);
    assert!(stack.resource("RegionTwo", Kind::Image, &id).is_none());
}

#[tokio::test]
async fn imports_fetch_over_tls_with_the_stacks_client_certificate() {
    let stack = FakeStack::start(Spec::demo().require_client_cert());
    let pem = format!("{}\n{}", stack.client_cert_pem(), stack.client_key_pem());
    let tls = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(stack.ca_pem().as_bytes()).unwrap())
        .identity(reqwest::Identity::from_pem(pem.as_bytes()).unwrap())
        .build()
        .unwrap();
    let resp = tls
        .post(format!("{}/auth/tokens", stack.keystone_url("fake-a")))
        .json(&common::password_body("demo", "fake-demo", Some("demo")))
        .send()
        .await
        .unwrap();
    let demo = resp.headers()["x-subject-token"]
        .to_str()
        .unwrap()
        .to_owned();
    let src = source(&stack, "RegionOne", 4096);
    let id = stack
        .seed(
            "RegionTwo",
            Kind::Image,
            "demo",
            json!({"disk_format": "raw", "container_format": "bare"}),
        )
        .id;
    let r2 = stack.region_url("RegionTwo");
    let resp = tls
        .post(format!("{r2}/image/v2/images/{id}/import"))
        .header("X-Auth-Token", &demo)
        .json(&download(&src, "RegionOne"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::ACCEPTED);
    poll("the copy to end", || async {
        (stack.imports_running() == 0).then_some(())
    })
    .await;
    let image = stack.resource("RegionTwo", Kind::Image, &id).unwrap();
    assert_eq!(image.body["status"], "active", "{}", image.body);
}
