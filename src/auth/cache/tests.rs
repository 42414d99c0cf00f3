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

/// A temp dir closed to others, as the cache wants its root.
fn private_tempdir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    tmp
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
    let tmp = private_tempdir();
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
    let tmp = private_tempdir();
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
    let tmp = private_tempdir();
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
    let tmp = private_tempdir();
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
    let tmp = private_tempdir();
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
    let tmp = private_tempdir();
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
    let tmp = private_tempdir();
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
    let tmp = private_tempdir();
    let cache = Cache::at(tmp.path());
    let found = Discovered {
        base: "http://nova/v2.1".into(),
        version: Some("v2.1".into()),
        max_microversion: Some("2.96".into()),
        status: None,
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
    let tmp = private_tempdir();
    let cache = Cache::at(tmp.path());
    for project in ["a", "b"] {
        let cfg = config("s", project);
        cache.store_token(&identity(&cfg), &Secrets::of(&cfg.auth), &token("t", 3600));
    }
    let temp = format!(".{}.1234.{}.tmp", "0".repeat(32), "a".repeat(24));
    std::fs::write(tmp.path().join("tokens").join(temp), "half").unwrap();
    assert_eq!(cache.clear_tokens(), 2);
    assert_eq!(
        std::fs::read_dir(tmp.path().join("tokens"))
            .unwrap()
            .count(),
        0
    );
}

/// Files osprey did not write, each as a directory of the cache may hold them.
#[cfg(unix)]
fn foreign_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let files: Vec<_> = ["old.json", "keep.json", "x.tmp"]
        .iter()
        .map(|n| dir.join(n))
        .collect();
    for f in &files {
        std::fs::write(f, "not osprey's").unwrap();
    }
    // Older than any entry is kept: what the clean-up removes.
    let old = std::time::SystemTime::now() - Duration::from_secs(30 * 24 * 3600);
    let file = std::fs::File::options()
        .write(true)
        .open(&files[0])
        .unwrap();
    file.set_modified(old).unwrap();
    files
}

#[cfg(unix)]
fn assert_all_there(files: &[std::path::PathBuf]) {
    for f in files {
        assert_eq!(
            std::fs::read_to_string(f).unwrap(),
            "not osprey's",
            "{}",
            f.display()
        );
    }
}

#[cfg(unix)]
#[test]
fn issue_14_a_symlinked_cache_directory_is_never_used() {
    let tmp = private_tempdir();
    let elsewhere = tmp.path().join("elsewhere");
    let cfg = config("s", "demo");
    let id = identity(&cfg);
    // The root a symlink, then the root real and its `tokens` a symlink.
    for (link, files_in) in [
        (tmp.path().join("a/osprey"), elsewhere.join("tokens")),
        (tmp.path().join("b/osprey/tokens"), elsewhere.clone()),
    ] {
        use std::os::unix::fs::PermissionsExt;
        let files = foreign_files(&files_in);
        for dir in link.ancestors().skip(1).take_while(|d| d != &tmp.path()) {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        let cache = Cache::at(if link.ends_with("tokens") {
            link.parent().unwrap().to_path_buf()
        } else {
            link.clone()
        });
        let err = cache.check().unwrap_err().to_string();
        assert_eq!(err, format!("directory {} is a symlink", link.display()));
        cache.store_token(&id, &Secrets::of(&cfg.auth), &token("tok-1", 3600));
        assert!(cache.token(&id, &Secrets::of(&cfg.auth)).is_none());
        assert_eq!(cache.clear_tokens(), 0);
        assert!(!cache.remove_token(&id));
        assert_all_there(&files);
        assert_eq!(std::fs::read_dir(&files_in).unwrap().count(), 3);
        std::fs::remove_file(&link).unwrap();
        std::fs::remove_dir_all(&elsewhere).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn issue_14_a_directory_open_to_others_is_not_used_nor_narrowed() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = private_tempdir();
    let root = tmp.path().join("osprey");
    let files = foreign_files(&root.join("tokens"));
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o700)).unwrap();
    let tokens = root.join("tokens");
    std::fs::set_permissions(&tokens, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cache = Cache::at(&root);
    let err = cache.check().unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "directory {} is open to others (mode 0755)",
            tokens.display()
        )
    );
    let cfg = config("s", "demo");
    cache.store_token(
        &identity(&cfg),
        &Secrets::of(&cfg.auth),
        &token("tok-1", 3600),
    );
    assert_eq!(cache.clear_tokens(), 0);
    assert_all_there(&files);
    assert_eq!(std::fs::read_dir(&tokens).unwrap().count(), 3);
    let mode = std::fs::metadata(&tokens).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o755, "left as it was");
}

#[cfg(unix)]
#[test]
fn issue_14_only_files_osprey_names_and_made_are_deleted() {
    let tmp = private_tempdir();
    let cache = Cache::at(tmp.path().join("osprey"));
    let cfg = config("s", "demo");
    let id = identity(&cfg);
    cache.store_token(&id, &Secrets::of(&cfg.auth), &token("tok-1", 3600));
    assert!(cache.check().is_ok());
    let tokens = tmp.path().join("osprey/tokens");
    let mut files = foreign_files(&tokens);
    // A symlink with an entry's name: the link may go, never its target.
    let target = foreign_files(&tmp.path().join("target"));
    let link = tokens.join(format!("{}.json", "b".repeat(32)));
    std::os::unix::fs::symlink(&target[1], &link).unwrap();
    // A directory with a temp file's name.
    let dir = tokens.join(format!(".{}.1.{}.tmp", "c".repeat(32), "d".repeat(24)));
    std::fs::create_dir(&dir).unwrap();
    assert_eq!(cache.clear_tokens(), 1, "the one entry osprey wrote");
    files.push(target[1].clone());
    assert_all_there(&files);
    assert!(dir.is_dir());
    assert!(link.symlink_metadata().is_ok());
    // The clean-up of old entries spares the old foreign file too.
    cache.store_token(&id, &Secrets::of(&cfg.auth), &token("tok-2", 3600));
    assert_all_there(&files);
}

#[test]
fn issue_14_osprey_knows_its_own_file_names() {
    let digest = "0123456789abcdef0123456789abcdef";
    let unique = "0123456789abcdef01234567";
    assert!(ours(&format!("{digest}.json")));
    assert!(ours(&format!(".{digest}.42.{unique}.tmp")));
    for other in [
        "keep.json",
        "x.tmp",
        ".x.1.2.tmp",
        &format!("{}.json", digest.to_uppercase()),
        &format!("{digest}0.json"),
        &format!(".{digest}..{unique}.tmp"),
        &format!(".{digest}.4x.{unique}.tmp"),
        &format!(".{digest}.42.{unique}.tmp.json"),
    ] {
        assert!(!ours(other), "{other}");
    }
}

#[test]
fn credentials_in_the_url_are_secrets_too() {
    let tmp = private_tempdir();
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
