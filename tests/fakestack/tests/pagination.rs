//! Paging over three pages in each API's own style: Keystone, Nova, Neutron, Glance, Cinder.

mod common;

use common::{call, get_json, token};
use fakestack::{FakeStack, Kind, Spec};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Valid `ssh-ed25519` lines (their key bytes are counters).
const KEYS: [&str; 5] = [
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f k",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUm k",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywt k",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0 k",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7 k",
];

/// The `href` of a `*_links` entry with `rel`.
fn link(links: &Value, rel: &str) -> Option<String> {
    links
        .as_array()?
        .iter()
        .find(|l| l["rel"] == rel)
        .and_then(|l| l["href"].as_str())
        .map(str::to_owned)
}

fn names(items: &Value, key: &str) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i[key].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn keystone_projects_follow_links_next() {
    let stack = FakeStack::start(Spec::demo());
    stack.add_project("fake-a", "p1");
    stack.add_project("fake-a", "p2");
    let ks = stack.keystone_url("fake-a");
    let admin = token(&ks, "admin").await;
    let mut url = format!("{ks}/projects?limit=2");
    let mut pages = Vec::new();
    loop {
        let (status, v) = get_json(&url, &admin, &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(v["links"]["self"], url.as_str());
        pages.push(names(&v["projects"], "id"));
        let full = pages.last().unwrap().len() == 2;
        assert_eq!(v["truncated"] == json!(true), full);
        match v["links"]["next"].as_str() {
            Some(next) => {
                assert!(next.starts_with(&format!("{ks}/projects?limit=2&marker=")));
                url = next.to_owned();
            }
            None => break,
        }
    }
    let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
    assert_eq!(sizes, [2, 2, 1], "five projects, three pages");
    let all: Vec<String> = pages.concat();
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(all, sorted, "keystone pages by id");
    let (status, v) = get_json(&format!("{ks}/projects?limit=1&marker=nope"), &admin, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(v["error"]["message"], "Marker nope could not be found.");
}

#[tokio::test]
async fn nova_keypairs_page_by_name_from_2_35() {
    let stack = FakeStack::start(Spec::demo());
    for (i, key) in KEYS.iter().enumerate() {
        stack.seed(
            "RegionOne",
            Kind::Keypair,
            "demo",
            json!({"name": format!("k{}", 5 - i), "public_key": key}),
        );
    }
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let mv = [("OpenStack-API-Version", "compute 2.35")];
    let mut url = format!("{r}/compute/v2.1/os-keypairs?limit=2");
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let (status, v) = get_json(&url, &demo, &mv).await;
        assert_eq!(status, StatusCode::OK);
        pages += 1;
        let page: Vec<String> = v["keypairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["keypair"]["name"].as_str().unwrap().to_owned())
            .collect();
        seen.extend(page);
        match link(&v["keypairs_links"], "next") {
            Some(next) => url = next,
            None => break,
        }
    }
    assert_eq!(seen, ["k1", "k2", "k3", "k4", "k5"]);
    assert_eq!(pages, 3);
    let (_, v) = get_json(&format!("{r}/compute/v2.1/os-keypairs?limit=2"), &demo, &mv).await;
    assert_eq!(
        link(&v["keypairs_links"], "next").unwrap(),
        format!("{r}/compute/v2.1/os-keypairs?limit=2&marker=k2")
    );
    // Before 2.35 there is no paging at all.
    let (_, v) = get_json(&format!("{r}/compute/v2.1/os-keypairs?limit=2"), &demo, &[]).await;
    assert_eq!(v["keypairs"].as_array().unwrap().len(), 5);
    assert!(v.get("keypairs_links").is_none());
    assert!(
        v["keypairs"][0]["keypair"].get("type").is_none(),
        "type from 2.2"
    );
}

#[tokio::test]
async fn nova_flavors_page_by_flavorid_in_list_and_detail() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let admin = token(&stack.keystone_url("fake-a"), "admin").await;
    for i in 1..=5 {
        let body = json!({"flavor": {"id": format!("f{i}"), "name": format!("m{i}"), "ram": 512 * i,
            "vcpus": i, "disk": 1}});
        let (status, v) = call(
            "POST",
            &format!("{r}/compute/v2.1/flavors"),
            &admin,
            &[],
            Some(&body),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{v}");
    }
    for collection in ["flavors", "flavors/detail"] {
        let mut url = format!("{r}/compute/v2.1/{collection}?limit=2");
        let mut pages = Vec::new();
        loop {
            let (_, v) = get_json(&url, &admin, &[]).await;
            pages.push(names(&v["flavors"], "id"));
            match link(&v["flavors_links"], "next") {
                Some(next) => {
                    assert!(
                        next.starts_with(&format!("{r}/compute/v2.1/{collection}?limit=2&marker="))
                    );
                    url = next;
                }
                None => break,
            }
        }
        assert_eq!(pages, [vec!["f1", "f2"], vec!["f3", "f4"], vec!["f5"]]);
    }
    let (_, v) = get_json(
        &format!("{r}/compute/v2.1/flavors/detail?limit=1"),
        &admin,
        &[],
    )
    .await;
    assert_eq!(v["flavors"][0]["ram"], 512);
    assert_eq!(
        v["flavors"][0]["swap"], "",
        "swap 0 shows as an empty string before 2.75"
    );
    assert!(v["flavors"][0].get("description").is_none());
    let (status, v) = get_json(
        &format!("{r}/compute/v2.1/flavors?marker=nope"),
        &admin,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(v["badRequest"]["message"], "marker [nope] not found");
}

#[tokio::test]
async fn neutron_networks_page_both_ways_with_fields_and_filters() {
    let stack = FakeStack::start(Spec::demo());
    let mut ids: Vec<String> = (1..=5)
        .map(|i| {
            stack
                .seed(
                    "RegionOne",
                    Kind::Network,
                    "demo",
                    json!({"name": format!("net{i}")}),
                )
                .id
        })
        .collect();
    ids.sort();
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let base = format!("{r}/network/v2.0/networks");
    let mut url = format!("{base}?limit=2&fields=id&fields=name");
    let mut pages: Vec<Vec<String>> = Vec::new();
    loop {
        let (status, v) = get_json(&url, &demo, &[]).await;
        assert_eq!(status, StatusCode::OK);
        for n in v["networks"].as_array().unwrap() {
            let mut keys: Vec<&String> = n.as_object().unwrap().keys().collect();
            keys.sort();
            assert_eq!(keys, ["id", "name"], "fields= keeps only those keys");
        }
        pages.push(names(&v["networks"], "id"));
        let links = &v["networks_links"];
        assert!(
            link(links, "previous")
                .unwrap()
                .ends_with("&page_reverse=True")
        );
        match link(links, "next") {
            Some(next) => url = next,
            None => break,
        }
    }
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    assert_eq!(pages.concat(), ids, "native pagination sorts by id");
    let (_, v) = get_json(&format!("{base}?limit=2"), &demo, &[]).await;
    assert_eq!(
        link(&v["networks_links"], "next").unwrap(),
        format!("{base}?limit=2&marker={}", ids[1])
    );
    let back = format!("{base}?limit=2&marker={}&page_reverse=True", ids[4]);
    let (_, v) = get_json(&back, &demo, &[]).await;
    assert_eq!(names(&v["networks"], "id"), &ids[2..4]);
    let (_, v) = get_json(&format!("{base}?name=net3"), &demo, &[]).await;
    assert_eq!(names(&v["networks"], "name"), ["net3"]);
    assert!(v.get("networks_links").is_none(), "no limit, no links");
    let (status, v) = get_json(&format!("{base}?limit=1&marker=nope"), &demo, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(v["NeutronError"]["type"], "NetworkNotFound");
}

#[tokio::test]
async fn glance_images_follow_next_and_keep_first() {
    let stack = FakeStack::start(Spec::demo());
    for i in 1..=5 {
        stack.seed(
            "RegionTwo",
            Kind::Image,
            "demo",
            json!({"name": format!("img{i}"), "disk_format": "raw", "container_format": "bare"}),
        );
    }
    let r = stack.region_url("RegionTwo");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let mut url = format!("{r}/image/v2/images?limit=2");
    let mut pages = Vec::new();
    loop {
        let (status, v) = get_json(&url, &demo, &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(v["first"], "/v2/images?limit=2");
        assert_eq!(v["schema"], "/v2/schemas/images");
        pages.push(names(&v["images"], "name"));
        match v["next"].as_str() {
            Some(next) => {
                assert!(next.starts_with("/v2/images?limit=2&marker="));
                url = format!("{r}/image{next}");
            }
            None => break,
        }
    }
    let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
    assert_eq!(sizes, [2, 2, 1]);
    assert_eq!(pages.concat().len(), 5);
    let (status, _) = get_json(&format!("{r}/image/v2/images?marker=nope"), &demo, &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn cinder_volumes_page_with_volumes_links_on_both_endpoints() {
    let stack = FakeStack::start(Spec::demo());
    for i in 1..=5 {
        stack.seed(
            "RegionThree",
            Kind::Volume,
            "demo",
            json!({"size": i, "name": format!("v{i}")}),
        );
    }
    let r = stack.region_url("RegionThree");
    let ks = stack.keystone_url("fake-b");
    let demo = token(&ks, "demo").await;
    let project = stack.project_id("fake-b", "demo");
    for base in [format!("{r}/volume/v3"), format!("{r}/volume/v3/{project}")] {
        let mut url = format!("{base}/volumes/detail?limit=2");
        let mut pages = Vec::new();
        loop {
            let (status, v) = get_json(&url, &demo, &[]).await;
            assert_eq!(status, StatusCode::OK, "{v}");
            pages.push(names(&v["volumes"], "name"));
            match link(&v["volumes_links"], "next") {
                Some(next) => {
                    assert!(next.starts_with(&format!("{base}/volumes/detail?limit=2&marker=")));
                    url = next;
                }
                None => break,
            }
        }
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
        assert_eq!(pages.concat().len(), 5);
    }
}
