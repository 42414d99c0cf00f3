use super::token::{Identity, Secrets, State};
use super::*;
use crate::auth::catalog::{Catalog, Service};
use crate::auth::discovery::Discovered;
use crate::auth::keystone::Token;
use crate::config::{RegionConfig, Secret};
use serde_json::json;
use std::path::Path;

fn config(password: &str, project: &str) -> RegionConfig {
    let dict = json!({
        "auth_type": "password",
        "auth": {
            "auth_url": "http://ks:5000/v3",
            "username": "demo",
            "user_domain_name": "Default",
            "password": password,
            "project_name": project,
            "project_domain_name": "Default",
        },
    });
    let serde_json::Value::Object(dict) = dict else {
        unreachable!()
    };
    RegionConfig::from_dict("c", None, dict, Some(Path::new("/home/u")), Path::new("/"))
}

fn identity(cfg: &RegionConfig) -> Identity {
    Identity::of(cfg, cfg.auth.auth_url.as_deref().unwrap())
}

fn token(id: &str, expires_in: i64) -> Token {
    Token {
        id: Secret::new(id),
        expires_at: Some(now() + expires_in),
        catalog: Catalog::default(),
        project_id: Some("p1".into()),
        project_name: Some("demo".into()),
        domain_id: None,
        domain_name: None,
        user_id: Some("u1".into()),
        user_name: Some("demo".into()),
        roles: vec!["member".into()],
        system: false,
        cached: false,
    }
}

fn only_file(dir: &Path) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().unwrap()
}

#[test]
fn a_stored_token_comes_back_for_the_same_identity_and_secrets() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path());
    let cfg = config("s3cret", "demo");
    let id = identity(&cfg);
    cache.store_token(&id, &Secrets::of(&cfg.auth), &token("tok-1", 3600));
    let back = cache.token(&id, &Secrets::of(&cfg.auth)).unwrap();
    assert_eq!(back.id.expose(), "tok-1");
    assert!(back.cached);
    assert_eq!(back.scope(), "project demo");
    // Another scope is another identity.
    let other = config("s3cret", "admin");
    assert!(
        cache
            .token(&identity(&other), &Secrets::of(&other.auth))
            .is_none()
    );
}

#[test]
fn a_changed_password_never_reuses_the_token() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path());
    let cfg = config("old", "demo");
    let id = identity(&cfg);
    cache.store_token(&id, &Secrets::of(&cfg.auth), &token("tok-1", 3600));
    let changed = config("new", "demo");
    assert_eq!(
        identity(&changed),
        id,
        "the password is not part of the identity"
    );
    assert!(cache.token(&id, &Secrets::of(&changed.auth)).is_none());
    let status = cache
        .token_status(&id, &Secrets::of(&changed.auth))
        .unwrap();
    assert_eq!(status.state, State::CredentialsChanged);
}

#[test]
fn the_file_holds_neither_the_password_nor_anything_readable_by_others() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path().join("osprey"));
    let cfg = config("pa55word-in-clear", "demo");
    cache.store_token(
        &identity(&cfg),
        &Secrets::of(&cfg.auth),
        &token("tok-1", 3600),
    );
    let file = only_file(&tmp.path().join("osprey/tokens"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("pa55word-in-clear"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&tmp.path().join("osprey")), 0o700);
        assert_eq!(mode(&tmp.path().join("osprey/tokens")), 0o700);
    }
}

#[test]
fn a_token_close_to_its_expiry_is_not_reused() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path());
    let cfg = config("s", "demo");
    let id = identity(&cfg);
    cache.store_token(&id, &Secrets::of(&cfg.auth), &token("tok-1", 299));
    assert!(cache.token(&id, &Secrets::of(&cfg.auth)).is_none());
    let status = cache.token_status(&id, &Secrets::of(&cfg.auth)).unwrap();
    assert_eq!(status.state, State::Expired);
    cache.store_token(&id, &Secrets::of(&cfg.auth), &token("tok-2", 301));
    assert!(cache.token(&id, &Secrets::of(&cfg.auth)).is_some());
}

#[test]
fn untrusted_files_are_ignored_then_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path());
    let cfg = config("s", "demo");
    let id = identity(&cfg);
    let secrets = Secrets::of(&cfg.auth);
    cache.store_token(&id, &secrets, &token("tok-1", 3600));
    let file = only_file(&tmp.path().join("tokens"));
    let good = std::fs::read_to_string(&file).unwrap();
    let set = |text: &str| {
        std::fs::remove_file(&file).unwrap();
        std::fs::write(&file, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    };
    for bad in [
        "",
        "{not json",
        &good.replace("\"format\":1", "\"format\":99"),
        &good.replace(env!("CARGO_PKG_VERSION"), "0.0.0-other"),
        &good[..good.len() / 2],
    ] {
        set(bad);
        assert!(cache.token(&id, &secrets).is_none(), "{bad}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        set(&good);
        assert!(cache.token(&id, &secrets).is_some());
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(
            cache.token(&id, &secrets).is_none(),
            "a file others can read"
        );
    }
    cache.store_token(&id, &secrets, &token("tok-2", 3600));
    assert_eq!(cache.token(&id, &secrets).unwrap().id.expose(), "tok-2");
}

#[test]
fn a_stale_token_is_dropped_only_while_it_is_still_the_cached_one() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path());
    let cfg = config("s", "demo");
    let id = identity(&cfg);
    let secrets = Secrets::of(&cfg.auth);
    cache.store_token(&id, &secrets, &token("tok-2", 3600));
    cache.drop_token(&id, &Secret::new("tok-1"));
    assert!(
        cache.token(&id, &secrets).is_some(),
        "another run's newer token stays"
    );
    cache.drop_token(&id, &Secret::new("tok-2"));
    assert!(cache.token(&id, &secrets).is_none());
}

#[test]
fn concurrent_writers_and_readers_never_see_half_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config("s", "demo");
    let id = identity(&cfg);
    std::thread::scope(|scope| {
        for w in 0..4 {
            let (cache, cfg, id) = (Cache::at(tmp.path()), &cfg, &id);
            scope.spawn(move || {
                for i in 0..50 {
                    let t = token(&format!("tok-{w}-{i}"), 3600);
                    cache.store_token(id, &Secrets::of(&cfg.auth), &t);
                }
            });
        }
        for _ in 0..4 {
            let (cache, cfg, id) = (Cache::at(tmp.path()), &cfg, &id);
            scope.spawn(move || {
                let mut seen = 0;
                for _ in 0..200 {
                    if let Some(t) = cache.token(id, &Secrets::of(&cfg.auth)) {
                        assert!(t.id.expose().starts_with("tok-"));
                        seen += 1;
                    }
                }
                seen
            });
        }
    });
    let cache = Cache::at(tmp.path());
    assert!(cache.token(&id, &Secrets::of(&cfg.auth)).is_some());
    // No temp file is left behind.
    only_file(&tmp.path().join("tokens"));
}

#[test]
fn discovery_is_kept_a_day_and_dropped_on_demand() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path());
    let found = Discovered {
        base: "http://nova/v2.1".into(),
        version: Some("v2.1".into()),
        max_microversion: Some("2.96".into()),
    };
    cache.store_discovered(Service::Compute, "http://nova/", &found);
    assert_eq!(
        cache.discovered(Service::Compute, "http://nova"),
        Some(found.clone())
    );
    assert_eq!(cache.discovered(Service::Network, "http://nova"), None);
    let file = only_file(&tmp.path().join("discovery"));
    let text = std::fs::read_to_string(&file).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["written_at"] = json!(now() - discovery::TTL_SECS - 1);
    std::fs::write(&file, doc.to_string()).unwrap();
    assert_eq!(
        cache.discovered(Service::Compute, "http://nova"),
        None,
        "older than a day"
    );
    cache.store_discovered(Service::Compute, "http://nova", &found);
    cache.drop_discovered(Service::Compute, "http://nova");
    assert_eq!(cache.discovered(Service::Compute, "http://nova"), None);
}

#[test]
fn clearing_counts_entries_not_temp_files() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path());
    for project in ["a", "b"] {
        let cfg = config("s", project);
        cache.store_token(&identity(&cfg), &Secrets::of(&cfg.auth), &token("t", 3600));
    }
    std::fs::write(tmp.path().join("tokens/.x.1.2.tmp"), "half").unwrap();
    assert_eq!(cache.clear_tokens(), 2);
    assert_eq!(
        std::fs::read_dir(tmp.path().join("tokens"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn credentials_in_the_url_are_secrets_too() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path());
    let mut cfg = config("s", "demo");
    cfg.auth.auth_url = Some("http://u:one@ks:5000/v3".into());
    let id = Identity::of(&cfg, "http://u:***@ks:5000/v3");
    cache.store_token(&id, &Secrets::of(&cfg.auth), &token("tok-1", 3600));
    assert!(cache.token(&id, &Secrets::of(&cfg.auth)).is_some());
    cfg.auth.auth_url = Some("http://u:two@ks:5000/v3".into());
    assert!(
        cache.token(&id, &Secrets::of(&cfg.auth)).is_none(),
        "another password in the URL"
    );
}
