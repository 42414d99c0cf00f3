//! Keystone behaviour: auth methods, scopes, catalog, application credentials.

mod common;

use std::time::Duration;

use common::{auth, client, get, password_body, token};
use fakestack::{FakeStack, Spec};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn endpoint_regions(catalog: &Value, kind: &str) -> Vec<(String, String, String)> {
    catalog
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in catalog"))["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["region"], e["region_id"]);
            assert!(e["id"].as_str().unwrap().len() == 32);
            (
                e["region_id"].as_str().unwrap().to_owned(),
                e["interface"].as_str().unwrap().to_owned(),
                e["url"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn password_auth_works_for_both_users() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    for (user, password, roles) in [
        ("demo", "fake-demo", vec!["reader", "member"]),
        (
            "admin",
            "fake-admin",
            vec!["reader", "manager", "member", "admin"],
        ),
    ] {
        let (status, tok, body) = auth(&ks, &password_body(user, password, Some(user))).await;
        assert_eq!(status, StatusCode::CREATED);
        assert!(tok.unwrap().starts_with("gAAAAAB"));
        let t = &body["token"];
        assert_eq!(t["methods"], json!(["password"]));
        assert_eq!(t["user"]["name"], user);
        assert_eq!(t["user"]["id"], stack.user_id("fake-a", user).as_str());
        assert_eq!(
            t["user"]["domain"],
            json!({"id": "default", "name": "Default"})
        );
        assert_eq!(t["project"]["name"], user);
        assert_eq!(
            t["project"]["id"],
            stack.project_id("fake-a", user).as_str()
        );
        assert_eq!(t["is_domain"], false);
        let names: Vec<&str> = t["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, roles);
        assert!(t["expires_at"].as_str().unwrap().ends_with(".000000Z"));
        let kinds: Vec<&str> = t["catalog"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["type"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            [
                "identity",
                "image",
                "network",
                "compute",
                "placement",
                "block-storage",
                "volumev3"
            ]
        );
    }
    // Also by user id, scoped by project id.
    let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "id": stack.user_id("fake-a", "demo"), "password": "fake-demo"}}},
        "scope": {"project": {"id": stack.project_id("fake-a", "demo")}}}});
    assert_eq!(auth(&ks, &body).await.0, StatusCode::CREATED);
    assert_eq!(stack.count("keystone:fake-a", "POST", "/v3/auth/tokens"), 3);
}

#[tokio::test]
async fn wrong_password_gets_keystones_exact_401() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let resp = client()
        .post(format!("{ks}/auth/tokens"))
        .json(&password_body("demo", "nope", Some("demo")))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let h = resp.headers();
    assert_eq!(h["content-type"], "application/json");
    assert_eq!(
        h["www-authenticate"],
        format!("Keystone uri=\"{ks}\"").as_str()
    );
    assert_eq!(h["vary"], "X-Auth-Token");
    assert!(
        h["x-openstack-request-id"]
            .to_str()
            .unwrap()
            .starts_with("req-")
    );
    assert_eq!(
        resp.text().await.unwrap(),
        "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}\n"
    );
    // Unknown user, project without a role, and bad JSON.
    assert_eq!(
        auth(&ks, &password_body("nobody", "x", None)).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        auth(&ks, &password_body("demo", "fake-demo", Some("admin")))
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    let resp = client()
        .post(format!("{ks}/auth/tokens"))
        .body("{\"auth\":")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn unscoped_token_has_no_catalog() {
    let stack = FakeStack::start(Spec::demo());
    let (status, tok, body) = auth(
        &stack.keystone_url("fake-a"),
        &password_body("demo", "fake-demo", None),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let t = body["token"].as_object().unwrap();
    let keys: Vec<&str> = t.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["methods", "user", "audit_ids", "expires_at", "issued_at"]
    );
    // keystonemiddleware lets unscoped tokens through (policy decides later).
    let resp = get(
        &format!("{}/network/v2.0/", stack.region_url("RegionOne")),
        tok.as_deref(),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
}

#[tokio::test]
async fn domain_and_system_scopes() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let mut body = password_body("admin", "fake-admin", None);
    body["auth"]["scope"] = json!({"domain": {"name": "Default"}});
    let (status, _, v) = auth(&ks, &body).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(v["token"]["domain"]["id"], "default");
    assert!(v["token"].get("project").is_none());

    body["auth"]["scope"] = json!({"system": {"all": true}});
    let (status, _, v) = auth(&ks, &body).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(v["token"]["system"], json!({"all": true}));
    // No project: the project-templated volumev3 endpoints are left out, as Keystone does.
    assert!(endpoint_regions(&v["token"]["catalog"], "volumev3").is_empty());
    assert_eq!(endpoint_regions(&v["token"]["catalog"], "compute").len(), 6);

    let mut demo = password_body("demo", "fake-demo", None);
    demo["auth"]["scope"] = json!({"system": {"all": true}});
    assert_eq!(auth(&ks, &demo).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn catalog_lists_every_region_of_the_cloud() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let (_, _, v) = auth(&ks, &password_body("demo", "fake-demo", Some("demo"))).await;
    let catalog = &v["token"]["catalog"];
    let compute = endpoint_regions(catalog, "compute");
    assert_eq!(compute.len(), 6);
    for region in ["RegionOne", "RegionTwo"] {
        let url = format!("{}/compute/v2.1", stack.region_url(region));
        for interface in ["public", "internal", "admin"] {
            assert!(compute.contains(&(region.into(), interface.into(), url.clone())));
        }
    }
    let identity = endpoint_regions(catalog, "identity");
    assert!(identity.iter().all(|(_, _, url)| *url == ks));
    let project = stack.project_id("fake-a", "demo");
    let r1 = stack.region_url("RegionOne");
    assert!(endpoint_regions(catalog, "volumev3").contains(&(
        "RegionOne".into(),
        "public".into(),
        format!("{r1}/volume/v3/{project}")
    )));
    for (kind, path) in [
        ("network", "/network"),
        ("image", "/image"),
        ("block-storage", "/volume/v3"),
        ("placement", "/placement"),
    ] {
        assert!(endpoint_regions(catalog, kind).contains(&(
            "RegionOne".into(),
            "public".into(),
            format!("{r1}{path}")
        )));
    }

    // fake-b only knows RegionThree; GET /v3/auth/catalog agrees with the token.
    let tok = token(&stack.keystone_url("fake-b"), "demo").await;
    let resp = get(
        &format!("{}/auth/catalog", stack.keystone_url("fake-b")),
        Some(&tok),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let v: Value = resp.json().await.unwrap();
    let regions: Vec<String> = endpoint_regions(&v["catalog"], "compute")
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(regions, ["RegionThree"; 3]);

    let resp = get(&format!("{ks}/regions"), Some(&tok)).await;
    assert_eq!(
        resp.status(),
        StatusCode::UNAUTHORIZED,
        "a fake-b token is no good at fake-a"
    );
    let tok = token(&ks, "demo").await;
    let v: Value = get(&format!("{ks}/regions"), Some(&tok))
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = v["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["RegionOne", "RegionTwo"]);
}

#[tokio::test]
async fn application_credential_lifecycle() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let tok = token(&ks, "demo").await;
    let user = stack.user_id("fake-a", "demo");
    let creds = format!("{ks}/users/{user}/application_credentials");
    let resp = client()
        .post(&creds)
        .header("X-Auth-Token", &tok)
        .json(&json!({"application_credential": {"name": "osprey-ci", "description": "tests"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    let v: Value = resp.json().await.unwrap();
    let ac = &v["application_credential"];
    let (id, secret) = (
        ac["id"].as_str().unwrap().to_owned(),
        ac["secret"].as_str().unwrap().to_owned(),
    );
    assert_eq!(
        ac["project_id"],
        stack.project_id("fake-a", "demo").as_str()
    );
    assert_eq!(ac["unrestricted"], Value::Null);

    // A duplicate name conflicts; the list hides secrets.
    let dup = client()
        .post(&creds)
        .header("X-Auth-Token", &tok)
        .json(&json!({"application_credential": {"name": "osprey-ci"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(dup.status(), StatusCode::CONFLICT);
    let list: Value = get(&creds, Some(&tok)).await.json().await.unwrap();
    assert_eq!(list["application_credentials"][0]["id"], id.as_str());
    assert!(list["application_credentials"][0].get("secret").is_none());

    // Authenticate by id and by name + user.
    let by_id = json!({"auth": {"identity": {"methods": ["application_credential"],
        "application_credential": {"id": id, "secret": secret}}}});
    let (status, _, v) = auth(&ks, &by_id).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(v["token"]["methods"], json!(["application_credential"]));
    assert_eq!(v["token"]["project"]["name"], "demo");
    assert_eq!(v["token"]["application_credential"]["restricted"], true);
    assert_eq!(v["token"]["catalog"].as_array().unwrap().len(), 7);
    let by_name = json!({"auth": {"identity": {"methods": ["application_credential"],
        "application_credential": {"name": "osprey-ci", "secret": secret,
            "user": {"name": "demo", "domain": {"id": "default"}}}}}});
    assert_eq!(auth(&ks, &by_name).await.0, StatusCode::CREATED);
    let mut bad = by_id.clone();
    bad["auth"]["identity"]["application_credential"]["secret"] = json!("nope");
    assert_eq!(auth(&ks, &bad).await.0, StatusCode::UNAUTHORIZED);

    // Another user's credentials are off limits.
    let other = format!(
        "{ks}/users/{}/application_credentials",
        stack.user_id("fake-a", "admin")
    );
    assert_eq!(
        get(&other, Some(&tok)).await.status(),
        StatusCode::FORBIDDEN
    );

    let one = format!("{creds}/{id}");
    assert_eq!(get(&one, Some(&tok)).await.status(), StatusCode::OK);
    let del = client()
        .delete(&one)
        .header("X-Auth-Token", &tok)
        .send()
        .await
        .unwrap();
    assert_eq!(del.status(), StatusCode::NO_CONTENT);
    assert_eq!(get(&one, Some(&tok)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(auth(&ks, &by_id).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn token_totp_and_multi_method_auth() {
    let stack = FakeStack::start(Spec::demo().totp_passcode("admin", "999000"));
    let ks = stack.keystone_url("fake-a");
    let mut body = password_body("demo", "fake-demo", Some("demo"));
    body["auth"]["identity"]["methods"] = json!(["password", "totp"]);
    body["auth"]["identity"]["totp"] =
        json!({"user": {"name": "demo", "domain": {"name": "Default"}, "passcode": "123456"}});
    let (status, tok, v) = auth(&ks, &body).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(v["token"]["methods"], json!(["password", "totp"]));
    body["auth"]["identity"]["totp"]["user"]["passcode"] = json!("000000");
    assert_eq!(auth(&ks, &body).await.0, StatusCode::UNAUTHORIZED);

    let admin_totp = json!({"auth": {"identity": {"methods": ["totp"], "totp": {"user": {
        "name": "admin", "domain": {"name": "Default"}, "passcode": "999000"}}}}});
    assert_eq!(auth(&ks, &admin_totp).await.0, StatusCode::CREATED);

    // Rescope with the token method: methods accumulate, expiry is inherited.
    let by_token = json!({"auth": {"identity": {"methods": ["token"], "token": {"id": tok.unwrap()}},
        "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}});
    let (status, _, v2) = auth(&ks, &by_token).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(v2["token"]["methods"], json!(["token", "password", "totp"]));
    assert_eq!(v2["token"]["expires_at"], v["token"]["expires_at"]);
    assert_eq!(v2["token"]["audit_ids"].as_array().unwrap().len(), 2);

    let unknown = json!({"auth": {"identity": {"methods": ["kerberos"], "kerberos": {}}}});
    let (status, _, v) = auth(&ks, &unknown).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        v["error"]["message"],
        "Attempted to authenticate with an unsupported method."
    );
}

#[tokio::test]
async fn validate_revoke_and_expire_tokens() {
    let stack = FakeStack::start(Spec::demo().token_ttl(Duration::ZERO));
    let ks = stack.keystone_url("fake-a");
    let (status, tok, _) = auth(&ks, &password_body("demo", "fake-demo", Some("demo"))).await;
    assert_eq!(status, StatusCode::CREATED);
    let compute = format!("{}/compute/v2.1/servers", stack.region_url("RegionOne"));
    assert_eq!(
        get(&compute, tok.as_deref()).await.status(),
        StatusCode::UNAUTHORIZED,
        "expired at birth"
    );

    stack.set_token_ttl(Duration::from_secs(3600));
    let tok = token(&ks, "demo").await;
    let resp = client()
        .get(format!("{ks}/auth/tokens?nocatalog"))
        .header("X-Auth-Token", &tok)
        .header("X-Subject-Token", &tok)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["x-subject-token"], tok.as_str());
    let v: Value = resp.json().await.unwrap();
    assert!(v["token"].get("catalog").is_none());
    let resp = client()
        .get(format!("{ks}/auth/tokens"))
        .header("X-Auth-Token", &tok)
        .header("X-Subject-Token", "gAAAAABbogus")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);

    let del = client()
        .delete(format!("{ks}/auth/tokens"))
        .header("X-Auth-Token", &tok)
        .header("X-Subject-Token", &tok)
        .send()
        .await
        .unwrap();
    assert_eq!(del.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        get(&compute, Some(&tok)).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let tok = token(&ks, "demo").await;
    stack.revoke_all_tokens();
    assert_eq!(
        get(&compute, Some(&tok)).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn projects_need_admin_and_versions_need_nothing() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let admin = token(&ks, "admin").await;
    let demo = token(&ks, "demo").await;
    let v: Value = get(&format!("{ks}/projects"), Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["projects"].as_array().unwrap().len(), 3);
    assert_eq!(
        get(&format!("{ks}/projects"), Some(&demo)).await.status(),
        StatusCode::FORBIDDEN
    );
    let v: Value = get(&format!("{ks}/auth/projects"), Some(&demo))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["projects"][0]["name"], "demo");

    let root = ks.trim_end_matches("/v3");
    let resp = get(&format!("{root}/"), None).await;
    assert_eq!(resp.status(), StatusCode::MULTIPLE_CHOICES);
    assert_eq!(resp.headers()["location"], format!("{ks}/").as_str());
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["versions"]["values"][0]["id"], "v3.14");
    let v: Value = get(&ks, None).await.json().await.unwrap();
    assert_eq!(v["version"]["status"], "stable");
}

#[tokio::test]
async fn per_region_keystones_are_independent() {
    let stack = FakeStack::start(
        Spec::new()
            .cloud("c1", &["r1", "r2"])
            .cloud_per_region_keystone("c2", &["r3", "r4"]),
    );
    let k3 = stack.keystone_url("c2/r3");
    let k4 = stack.keystone_url("c2/r4");
    assert_ne!(k3, k4);
    assert_eq!(stack.keystone_url("c2"), k3);
    let t3 = token(&k3, "demo").await;
    let r3 = format!("{}/compute/v2.1/os-hypervisors", stack.region_url("r3"));
    let r4 = format!("{}/compute/v2.1/os-hypervisors", stack.region_url("r4"));
    assert_eq!(
        get(&r3, Some(&t3)).await.status(),
        StatusCode::NOT_FOUND,
        "valid token, an API the fake does not serve"
    );
    assert_eq!(get(&r4, Some(&t3)).await.status(), StatusCode::UNAUTHORIZED);

    let (_, _, v) = auth(&k4, &password_body("demo", "fake-demo", Some("demo"))).await;
    let regions: Vec<String> = endpoint_regions(&v["token"]["catalog"], "compute")
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(regions, ["r4"; 3]);

    assert_eq!(stack.count("keystone:c2", "POST", "/v3/auth/tokens"), 2);
    assert_eq!(stack.count("keystone:c2/r4", "POST", "/v3/auth/tokens"), 1);

    let yaml = stack.clouds_yaml();
    assert!(yaml.contains(&format!(
        "      - name: r4\n        values:\n          auth:\n            auth_url: {k4}\n"
    )));
    assert!(yaml.contains("  c1-admin:\n"));
}

#[test]
fn clouds_yaml_is_predictable() {
    let stack = FakeStack::start(Spec::demo());
    let ks = stack.keystone_url("fake-a");
    let yaml = stack.clouds_yaml();
    let expected = format!(
        "  fake-a:\n    auth:\n      auth_url: {ks}\n      username: demo\n      password: fake-demo\n      project_name: demo\n      user_domain_name: Default\n      project_domain_name: Default\n    region_name: RegionOne\n    identity_api_version: 3\n    interface: public\n  fake-a-admin:\n    auth:\n      auth_url: {ks}\n      username: admin\n      password: fake-admin\n      project_name: admin\n"
    );
    assert!(yaml.contains(&expected), "{yaml}");
    assert!(!yaml.contains("regions:"));
    assert!(yaml.contains("  fake-b:\n"));
    assert!(yaml.contains("    region_name: RegionThree\n"));
    let path = std::env::temp_dir().join(format!("fakestack-{}.yaml", std::process::id()));
    stack.write_clouds_yaml(&path);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), yaml);
    std::fs::remove_file(path).unwrap();
}
