//! The resource views (`server`, `volume`, `network`, `find`) against
//! real services.

use super::{Created, Rest, clouds_yaml};
use crate::common::Env;
use serde_json::json;

/// The resource views against real services: a server made in RegionOne
/// (it stays `BUILD`: the minicloud boots nothing) and a volume made in
/// RegionThree (it stays `creating`), seen by `server list`, `server
/// show`, `find` by id, `volume list` and `network list` across both
/// clouds; everything made here is deleted when the test ends.
#[test]
#[ignore = "real tier: needs the minicloud (.ci/run)"]
fn views_show_a_real_server_and_volume_across_both_clouds() {
    let env = Env::with_clouds(&clouds_yaml());
    let suffix = std::process::id();
    let name = format!("osprey-view-{suffix}");
    let admin = Rest::login("http://127.0.0.1:5000", "admin", "minicloud-admin", "admin");
    let demo_a = Rest::login("http://127.0.0.1:5000", "demo", "minicloud-demo", "demo");
    let demo_b = Rest::login("http://127.0.0.1:5001", "demo", "minicloud-demo", "demo");
    let mut flavors = Created {
        rest: &admin,
        urls: Vec::new(),
    };
    let mut made_a = Created {
        rest: &demo_a,
        urls: Vec::new(),
    };
    let mut made_b = Created {
        rest: &demo_b,
        urls: Vec::new(),
    };
    let nova = "http://127.0.0.1:8774/v2.1";
    let flavor = flavors.post(
        &format!("{nova}/flavors"),
        "flavor",
        json!({"flavor": {"name": name, "ram": 64, "vcpus": 1, "disk": 1}}),
        &|id| format!("{nova}/flavors/{id}"),
    );
    let glance = "http://127.0.0.1:9292/v2";
    let image = made_a.post(
        &format!("{glance}/images"),
        "",
        json!({"name": name, "disk_format": "raw", "container_format": "bare"}),
        &|id| format!("{glance}/images/{id}"),
    );
    let put = demo_a
        .client
        .put(format!("{glance}/images/{image}/file"))
        .header("x-auth-token", &demo_a.token)
        .header("content-type", "application/octet-stream")
        .body(vec![7u8; 4096])
        .send()
        .unwrap();
    assert_eq!(put.status().as_u16(), 204, "uploading the image");
    let server = made_a.post(
        &format!("{nova}/servers"),
        "server",
        json!({"server": {"name": name, "flavorRef": flavor, "imageRef": image,
                          "networks": "none"}}),
        &|id| format!("{nova}/servers/{id}"),
    );
    let cinder = format!("http://127.0.0.1:8796/v3/{}", demo_b.project_id);
    let volume = made_b.post(
        &format!("{cinder}/volumes"),
        "volume",
        json!({"volume": {"name": name, "size": 1}}),
        &|id| format!("{cinder}/volumes/{id}"),
    );
    let both =
        |args: &[&str]| env.run(&[&["--os-cloud", "mc-a-demo,mc-b-demo"][..], args].concat());

    let run = both(&["server", "list", "-f", "json"]);
    run.assert_code(0);
    let rows = run.json();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == server.as_str())
        .unwrap_or_else(|| panic!("no {server} in {}", run.stdout));
    assert_eq!(row["cloud"], "mc-a-demo");
    assert_eq!(row["region"], "RegionOne");
    assert_eq!(row["status"], "BUILD");
    assert_eq!(row["flavor"], name.as_str(), "the flavor's name (2.47)");
    assert_eq!(row["image"], name.as_str(), "the image's name from Glance");
    assert!(row.get("host").is_none(), "a member sees no host: {row}");

    let run = both(&["server", "show", &name, "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.json()[0]["id"], server.as_str());

    let run = both(&["find", &server, "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.json(),
        json!([{"cloud": "mc-a-demo", "region": "RegionOne", "kind": "server",
                "id": server, "name": name, "status": "BUILD"}])
    );

    let run = both(&["volume", "list", "-f", "json"]);
    run.assert_code(0);
    let rows = run.json();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == volume.as_str())
        .unwrap_or_else(|| panic!("no {volume} in {}", run.stdout));
    assert_eq!(row["region"], "RegionThree");
    assert_eq!(row["status"], "creating");
    assert_eq!(row["size"], 1);
    assert_eq!(row["attached_to"], json!([]));

    let run = both(&["network", "list", "-f", "json"]);
    run.assert_code(0);
    for row in run.json().as_array().unwrap() {
        for key in [
            "cloud", "region", "id", "name", "status", "shared", "external", "subnets", "mtu",
        ] {
            assert!(row.get(key).is_some(), "{key} in {row}");
        }
    }

    // Not yet made anywhere: exit 1.
    both(&["find", &format!("{name}-nowhere")]).assert_code(1);
}
