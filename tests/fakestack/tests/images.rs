//! Glance images: streamed upload and download with server-side hashes, visibility, and body faults.

mod common;

use std::time::{Duration, Instant};

use common::{call, client, get_json, poll, token};
use fakestack::{FakeStack, Fault, FaultKind, Kind, Spec, Target};
use md5::{Digest, Md5};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// `n` bytes that do not compress or repeat (an LCG's high bytes).
fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 56) as u8
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new image of demo's in `region`; its id.
async fn create_image(r: &str, tok: &str, name: &str) -> String {
    let body =
        json!({"name": name, "disk_format": "raw", "container_format": "bare", "mc_property": "x"});
    let (status, v) = call(
        "POST",
        &format!("{r}/image/v2/images"),
        tok,
        &[],
        Some(&body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    assert_eq!(v["status"], "queued");
    v["id"].as_str().unwrap().to_owned()
}

async fn upload(r: &str, tok: &str, id: &str, data: Vec<u8>) -> reqwest::Response {
    client()
        .put(format!("{r}/image/v2/images/{id}/file"))
        .header("X-Auth-Token", tok)
        .header("Content-Type", "application/octet-stream")
        .body(data)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn uploads_are_hashed_and_downloads_stream_back() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = create_image(&r, &demo, "cirros").await;
    let file = format!("{r}/image/v2/images/{id}/file");
    let resp = client()
        .get(&file)
        .header("X-Auth-Token", &demo)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT, "no data yet");

    let data = noise(3 << 20);
    let resp = upload(&r, &demo, &id, data.clone()).await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let (_, v) = get_json(&format!("{r}/image/v2/images/{id}"), &demo, &[]).await;
    assert_eq!(v["status"], "active");
    assert_eq!(v["size"], data.len());
    assert_eq!(v["virtual_size"], data.len());
    assert_eq!(v["checksum"], hex(&Md5::digest(&data)).as_str());
    assert_eq!(v["os_hash_algo"], "sha512");
    let sha = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA512, &data);
    assert_eq!(v["os_hash_value"], hex(sha.as_ref()).as_str());
    assert_eq!(v["stores"], "local");
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys[0], "mc_property",
        "custom properties come first, as Glance lists them"
    );

    let resp = client()
        .get(&file)
        .header("X-Auth-Token", &demo)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "application/octet-stream");
    assert_eq!(
        resp.headers()["content-md5"],
        v["checksum"].as_str().unwrap()
    );
    assert_eq!(
        resp.headers()["content-length"],
        data.len().to_string().as_str()
    );
    assert_eq!(resp.bytes().await.unwrap().as_ref(), data.as_slice());
    assert_eq!(stack.image_data("RegionOne", &id).unwrap(), data);

    let resp = upload(&r, &demo, &id, vec![1, 2, 3]).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(
        resp.text()
            .await
            .unwrap()
            .contains("Image status transition from active to saving is not allowed")
    );
    let other = create_image(&r, &demo, "other").await;
    let resp = client()
        .put(format!("{r}/image/v2/images/{other}/file"))
        .header("X-Auth-Token", &demo)
        .header("Content-Type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn an_upload_over_the_cap_is_refused_and_the_image_stays_queued() {
    let stack = FakeStack::start(Spec::demo().image_size_cap(1 << 20));
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = create_image(&r, &demo, "big").await;
    let resp = upload(&r, &demo, &id, noise(2 << 20)).await;
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        resp.text()
            .await
            .unwrap()
            .contains("The provided image is too large.")
    );
    let (_, v) = get_json(&format!("{r}/image/v2/images/{id}"), &demo, &[]).await;
    assert_eq!(v["status"], "queued");
    assert_eq!(
        upload(&r, &demo, &id, noise(1 << 20)).await.status(),
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn images_are_seen_by_visibility_and_patched_by_their_owner() {
    let stack = FakeStack::start(Spec::demo());
    let private = stack.seed(
        "RegionOne",
        Kind::Image,
        "admin",
        json!({"name": "ops-only", "visibility": "private"}),
    );
    stack.seed(
        "RegionOne",
        Kind::Image,
        "admin",
        json!({"name": "cirros", "visibility": "public"}),
    );
    stack.seed(
        "RegionOne",
        Kind::Image,
        "admin",
        json!({"name": "shared-by-all", "visibility": "community"}),
    );
    let r = stack.region_url("RegionOne");
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;
    let listed = |v: &Value| -> Vec<String> {
        let mut names: Vec<String> = v["images"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    let (_, v) = get_json(&format!("{r}/image/v2/images"), &demo, &[]).await;
    assert_eq!(
        listed(&v),
        ["cirros"],
        "community images are listed only when asked for"
    );
    let (_, v) = get_json(
        &format!("{r}/image/v2/images?visibility=community"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(listed(&v), ["shared-by-all"]);
    let (status, _) = get_json(&format!("{r}/image/v2/images/{}", private.id), &demo, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, v) = get_json(&format!("{r}/image/v2/images"), &admin, &[]).await;
    assert_eq!(
        listed(&v),
        ["cirros", "ops-only", "shared-by-all"],
        "its own community image too"
    );

    let (status, _) = call(
        "POST",
        &format!("{r}/image/v2/images"),
        &demo,
        &[],
        Some(&json!({"name": "mine", "visibility": "public"})),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "publicize_image is the admin's"
    );

    let id = create_image(&r, &demo, "mine").await;
    let patch = json!([
        {"op": "replace", "path": "/name", "value": "renamed"},
        {"op": "add", "path": "/osprey_source", "value": "fake-a/RegionTwo/abc"},
        {"op": "remove", "path": "/mc_property"},
    ]);
    let resp = client()
        .patch(format!("{r}/image/v2/images/{id}"))
        .header("X-Auth-Token", &demo)
        .header(
            "Content-Type",
            "application/openstack-images-v2.1-json-patch",
        )
        .json(&patch)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["name"], "renamed");
    assert_eq!(v["osprey_source"], "fake-a/RegionTwo/abc");
    assert!(v.get("mc_property").is_none());
    let (_, v) = get_json(
        &format!("{r}/image/v2/images?osprey_source=fake-a/RegionTwo/abc"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(listed(&v), ["renamed"], "filter on a custom property");

    let protect = json!([{"op": "replace", "path": "/protected", "value": true}]);
    client()
        .patch(format!("{r}/image/v2/images/{id}"))
        .header("X-Auth-Token", &demo)
        .header(
            "Content-Type",
            "application/openstack-images-v2.1-json-patch",
        )
        .json(&protect)
        .send()
        .await
        .unwrap();
    let (status, _) = call(
        "DELETE",
        &format!("{r}/image/v2/images/{id}"),
        &demo,
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_cut_download_breaks_mid_body() {
    let stack = FakeStack::start(Spec::demo());
    let image = stack.seed("RegionOne", Kind::Image, "demo", json!({"name": "i"}));
    stack.set_image_data("RegionOne", &image.id, noise(2 << 20));
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    stack.inject(
        Fault::new(
            Target::Region("RegionOne".into()),
            FaultKind::CutBody {
                after_bytes: 1 << 20,
            },
        )
        .method("GET")
        .path_prefix(&format!("/image/v2/images/{}/file", image.id))
        .times(1),
    );
    let file = format!("{r}/image/v2/images/{}/file", image.id);
    let mut resp = client()
        .get(&file)
        .header("X-Auth-Token", &demo)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        resp.headers()["content-length"],
        (2u64 << 20).to_string().as_str()
    );
    let mut got = 0;
    let broke = loop {
        match resp.chunk().await {
            Ok(Some(c)) => got += c.len(),
            Ok(None) => break false,
            Err(_) => break true,
        }
    };
    assert!(broke, "the transfer ends in an error");
    assert_eq!(got, 1 << 20);
    let again = client()
        .get(&file)
        .header("X-Auth-Token", &demo)
        .send()
        .await
        .unwrap();
    assert_eq!(
        again.bytes().await.unwrap().len(),
        2 << 20,
        "times(1): the next download is whole"
    );
}

#[tokio::test]
async fn slow_and_paused_bodies_meet_the_client_timeouts() {
    let stack = FakeStack::start(Spec::demo());
    let image = stack.seed("RegionOne", Kind::Image, "demo", json!({"name": "i"}));
    stack.set_image_data("RegionOne", &image.id, noise(256 << 10));
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let file = format!("{r}/image/v2/images/{}/file", image.id);
    let target = Target::Region("RegionOne".into());

    stack.inject(
        Fault::new(
            target.clone(),
            FaultKind::SlowBody {
                bytes_per_sec: 512 << 10,
            },
        )
        .path_prefix(&file[r.len()..])
        .times(1),
    );
    let start = Instant::now();
    let body = client()
        .get(&file)
        .header("X-Auth-Token", &demo)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(body.len(), 256 << 10);
    assert!(
        start.elapsed() >= Duration::from_millis(400),
        "{:?}",
        start.elapsed()
    );

    let pause = FaultKind::PauseBody {
        after_bytes: 64 << 10,
        ms: 1500,
    };
    stack.inject(
        Fault::new(target.clone(), pause.clone())
            .path_prefix(&file[r.len()..])
            .times(1),
    );
    let impatient = reqwest::Client::builder()
        .read_timeout(Duration::from_millis(400))
        .build()
        .unwrap();
    let resp = impatient
        .get(&file)
        .header("X-Auth-Token", &demo)
        .send()
        .await
        .unwrap();
    assert!(
        resp.bytes().await.is_err(),
        "the pause outlasts the read timeout"
    );
    stack.inject(
        Fault::new(target, pause)
            .path_prefix(&file[r.len()..])
            .times(1),
    );
    let patient = reqwest::Client::builder()
        .read_timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let resp = patient
        .get(&file)
        .header("X-Auth-Token", &demo)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.bytes().await.unwrap().len(), 256 << 10);
}

#[tokio::test]
async fn a_cut_upload_stalls_the_client_and_can_be_armed_over_the_control_api() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = create_image(&r, &demo, "stalled").await;
    let fault = json!({"target": {"region": "RegionOne"}, "method": "PUT", "path_prefix": "/image/v2/images",
        "kind": {"cut_body": {"after_bytes": 65536}}, "times": 1});
    let resp = client()
        .post(format!("{}/faults", stack.control_url()))
        .json(&fault)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    let quick = reqwest::Client::builder()
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    let sent = quick
        .put(format!("{r}/image/v2/images/{id}/file"))
        .header("X-Auth-Token", &demo)
        .header("Content-Type", "application/octet-stream")
        .body(noise(4 << 20))
        .send()
        .await;
    assert!(sent.unwrap_err().is_timeout());
    let (_, v) = get_json(&format!("{r}/image/v2/images/{id}"), &demo, &[]).await;
    assert_ne!(v["status"], "active");
    let bad = json!({"target": "all", "kind": {"slow_body": {"bytes_per_sec": 0}}});
    let resp = client()
        .post(format!("{}/faults", stack.control_url()))
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
}

/// The text of a Glance error page, quotes unescaped.
async fn text(resp: reqwest::Response) -> String {
    resp.text().await.unwrap().replace("&#x27;", "'")
}

#[tokio::test]
async fn keystone_limits_refuse_a_create_past_the_count_and_an_upload_past_the_size() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionTwo");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    create_image(&r, &demo, "before any limit").await;
    stack.register_limit("RegionTwo", "image", "image_count_total", 2);
    stack.register_limit("RegionTwo", "image", "image_size_total", 1);
    let id = create_image(&r, &demo, "second").await;
    let resp = client()
        .post(format!("{r}/image/v2/images"))
        .header("X-Auth-Token", &demo)
        .json(&json!({"name": "third"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let project = stack.project_id("fake-a", "demo");
    let said = text(resp).await;
    assert!(
        said.contains(&format!("Project {project} is over a limit for [Resource image_count_total is over limit of 2 due to current usage 2 and delta 1]")),
        "{said}"
    );
    assert_eq!(
        stack.resources("RegionTwo", Kind::Image).len(),
        2,
        "nothing was created"
    );

    let resp = upload(&r, &demo, &id, noise(2 << 20)).await;
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        text(resp)
            .await
            .contains("image_size_total is over limit of 1 due to current usage 0 and delta 2")
    );
    let (_, v) = get_json(&format!("{r}/image/v2/images/{id}"), &demo, &[]).await;
    assert_eq!(v["status"], "queued");
    let resp = upload(&r, &demo, &id, noise(1 << 20)).await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT, "1 MiB fits in 1 MiB");

    stack.set_usage("RegionTwo", "demo", "image", "image_size_total", 5);
    let other = stack.seed(
        "RegionTwo",
        Kind::Image,
        "demo",
        json!({"disk_format": "raw", "container_format": "bare"}),
    );
    let resp = client()
        .post(format!("{r}/image/v2/images/{}/import", other.id))
        .header("X-Auth-Token", &demo)
        .json(
            &json!({"method": {"name": "glance-download", "glance_region": "RegionOne",
            "glance_image_id": other.id}}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE, "already over");
}

#[tokio::test]
async fn an_explicit_id_is_unique_per_region() {
    let stack = FakeStack::start(Spec::demo());
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = "5c1d8a1e-0000-4000-8000-00000000c0de";
    let body = json!({"id": id, "name": "pinned"});
    for (region, expected) in [
        ("RegionOne", StatusCode::CREATED),
        ("RegionOne", StatusCode::CONFLICT),
        ("RegionTwo", StatusCode::CREATED),
    ] {
        let url = format!("{}/image/v2/images", stack.region_url(region));
        let (status, v) = call("POST", &url, &demo, &[], Some(&body)).await;
        assert_eq!(status, expected, "{region}: {v}");
    }
    let (status, v) = get_json(
        &format!("{}/image/v2/images/{id}", stack.region_url("RegionTwo")),
        &demo,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["id"], id);
}

#[tokio::test]
async fn queued_saving_and_importing_images_delete_but_protected_ones_do_not() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let delete = |id: String| {
        let (r, demo) = (r.clone(), demo.clone());
        async move {
            call(
                "DELETE",
                &format!("{r}/image/v2/images/{id}"),
                &demo,
                &[],
                None,
            )
            .await
            .0
        }
    };
    let queued = create_image(&r, &demo, "queued").await;
    assert_eq!(delete(queued).await, StatusCode::NO_CONTENT);

    let saving = create_image(&r, &demo, "saving").await;
    stack.inject(
        Fault::new(
            Target::Region("RegionOne".into()),
            FaultKind::PauseBody {
                after_bytes: 0,
                ms: 2000,
            },
        )
        .method("PUT")
        .times(1),
    );
    let stalled = {
        let (r, demo, saving) = (r.clone(), demo.clone(), saving.clone());
        tokio::spawn(async move { upload(&r, &demo, &saving, noise(1 << 20)).await })
    };
    let show = format!("{r}/image/v2/images/{saving}");
    poll("the upload to start", || async {
        let (_, v) = get_json(&show, &demo, &[]).await;
        (v["status"] == "saving").then_some(())
    })
    .await;
    assert_eq!(delete(saving.clone()).await, StatusCode::NO_CONTENT);
    let resp = stalled.await.unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::GONE,
        "the upload ends on a deleted image"
    );

    let source = stack.seed(
        "RegionTwo",
        Kind::Image,
        "demo",
        json!({"disk_format": "raw", "container_format": "bare"}),
    );
    stack.set_image_data("RegionTwo", &source.id, noise(1024));
    stack.inject(
        Fault::new(
            Target::Region("RegionTwo".into()),
            FaultKind::PauseBody {
                after_bytes: 0,
                ms: 1000,
            },
        )
        .path_prefix(&format!("/image/v2/images/{}/file", source.id))
        .times(1),
    );
    let importing = create_image(&r, &demo, "importing").await;
    let (status, _) = call(
        "POST",
        &format!("{r}/image/v2/images/{importing}/import"),
        &demo,
        &[],
        Some(
            &json!({"method": {"name": "glance-download", "glance_region": "RegionTwo",
            "glance_image_id": source.id}}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(delete(importing.clone()).await, StatusCode::NO_CONTENT);
    poll("the import to end", || async {
        (stack.imports_running() == 0).then_some(())
    })
    .await;
    assert!(
        stack
            .resource("RegionOne", Kind::Image, &importing)
            .is_none(),
        "the copy did not bring it back"
    );

    let kept = stack.seed("RegionOne", Kind::Image, "demo", json!({"protected": true}));
    let resp = client()
        .delete(format!("{r}/image/v2/images/{}", kept.id))
        .header("X-Auth-Token", &demo)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert!(text(resp).await.contains(&format!(
        "Image {} is protected and cannot be deleted.",
        kept.id
    )));
    assert!(stack.resource("RegionOne", Kind::Image, &kept.id).is_some());
}

#[tokio::test]
async fn lists_filter_on_visibility_all_owner_and_name() {
    let stack = FakeStack::start(Spec::demo());
    let seed = |project: &str, name: &str, visibility: &str| {
        stack.seed(
            "RegionOne",
            Kind::Image,
            project,
            json!({"name": name, "visibility": visibility}),
        )
    };
    seed("demo", "mine", "shared");
    seed("admin", "theirs", "community");
    seed("admin", "cirros", "public");
    seed("admin", "hidden", "private");
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let names = |query: &'static str| {
        let (r, demo) = (r.clone(), demo.clone());
        async move {
            let (status, v) = get_json(&format!("{r}/image/v2/images?{query}"), &demo, &[]).await;
            assert_eq!(status, StatusCode::OK, "{query}: {v}");
            let mut names: Vec<String> = v["images"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["name"].as_str().unwrap().to_owned())
                .collect();
            names.sort();
            names
        }
    };
    assert_eq!(names("").await, ["cirros", "mine"]);
    assert_eq!(
        names("visibility=all").await,
        ["cirros", "mine", "theirs"],
        "community too, never another's private image"
    );
    let admin_project = stack.project_id("fake-a", "admin");
    let (_, v) = get_json(
        &format!("{r}/image/v2/images?visibility=all&owner={admin_project}"),
        &demo,
        &[],
    )
    .await;
    assert_eq!(v["images"].as_array().unwrap().len(), 2);
    assert_eq!(names("name=mine").await, ["mine"]);
    assert_eq!(names("name=theirs&visibility=all").await, ["theirs"]);
    assert!(names("name=nothing").await.is_empty());
}

#[tokio::test]
async fn discarded_data_is_hashed_and_counted_but_not_kept() {
    let stack = FakeStack::start(Spec::demo().discard_image_data());
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let id = create_image(&r, &demo, "big").await;
    let data = noise(1 << 20);
    let resp = upload(&r, &demo, &id, data.clone()).await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let (_, v) = get_json(&format!("{r}/image/v2/images/{id}"), &demo, &[]).await;
    assert_eq!(v["status"], "active");
    assert_eq!(v["size"], data.len());
    assert_eq!(v["checksum"], hex(&Md5::digest(&data)).as_str());
    assert_eq!(stack.image_data("RegionOne", &id), None);
    // Seeded data is kept all the same.
    let seeded = stack.seed("RegionOne", Kind::Image, "demo", json!({"name": "s"}));
    stack.set_image_data("RegionOne", &seeded.id, b"abc".to_vec());
    assert_eq!(
        stack.image_data("RegionOne", &seeded.id),
        Some(b"abc".to_vec())
    );
}
