//! End-to-end: the token and discovery cache shared between runs: reused
//! within a token's life, never for other credentials, dropped on a 401,
//! ignored when it cannot be trusted, shown by `auth status`, removed by
//! `auth logout`, and off with `--no-token-cache`.

use crate::common::{Env, demo};
use fakestack::{FakeStack, Spec};
use std::path::PathBuf;

fn logins(stack: &FakeStack) -> usize {
    stack
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/v3/auth/tokens")
        .count()
}

/// GETs of a version document: a Keystone's or a service's root.
fn version_reads(stack: &FakeStack) -> usize {
    const ROOTS: [&str; 11] = [
        "",
        "/v3",
        "/compute",
        "/compute/v2.1",
        "/network",
        "/network/v2.0",
        "/image",
        "/image/v2",
        "/volume",
        "/volume/v3",
        "/placement",
    ];
    stack
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && ROOTS.contains(&r.path.trim_end_matches('/')))
        .count()
}

fn cache_files(env: &Env, kind: &str) -> Vec<PathBuf> {
    match std::fs::read_dir(env.path().join("home/.cache/osprey").join(kind)) {
        Ok(dir) => dir.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

const SITES: [&str; 5] = ["--sites", "all", "sites", "-f", "json"];

#[test]
fn a_second_run_within_the_tokens_life_logs_in_nowhere() {
    let stack = FakeStack::start(Spec::demo());
    // Unversioned auth URLs: a run without the cache reads Keystone's
    // version document before it logs in.
    let yaml = stack.clouds_yaml().replace("/v3\n", "\n");
    let env = Env::with_clouds(&yaml);
    let first = env.run(&SITES);
    first.assert_code(0);
    assert_eq!(
        logins(&stack),
        4,
        "one per identity: fake-a, fake-b and their admins"
    );
    // One per Keystone at least; at most one per identity, as identities
    // that log in at once may all miss the discovery cache.
    let reads = version_reads(&stack);
    assert!((2..=4).contains(&reads), "{reads}: {:?}", stack.requests());
    stack.reset_counters();
    let second = env.run(&SITES);
    second.assert_code(0);
    assert_eq!(second.sites(), first.sites());
    let rows = second.json();
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .all(|r| r["latency_ms"].is_null()),
        "no login was timed: {rows}"
    );
    assert_eq!(logins(&stack), 0);
    assert_eq!(version_reads(&stack), 0);
    assert!(stack.requests().is_empty(), "{:?}", stack.requests());
}

#[test]
fn the_cache_is_private_and_holds_no_password() {
    let (_stack, env) = demo();
    env.run(&SITES).assert_code(0);
    let files = cache_files(&env, "tokens");
    assert_eq!(files.len(), 4, "{files:?}");
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(
            !text.contains("fake-demo") && !text.contains("fake-admin"),
            "{text}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", f.display());
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = env.path().join("home/.cache/osprey/tokens");
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
}

#[test]
fn a_changed_password_logs_in_again() {
    let (stack, env) = demo();
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    assert_eq!(logins(&stack), 1);
    // The same identity with another password: the cached token is not
    // used, so Keystone judges the new password (and refuses it).
    let yaml = stack.clouds_yaml().replacen("fake-demo", "changed", 1);
    let changed = Env::with_clouds(&yaml);
    std::fs::create_dir_all(changed.path().join("home")).unwrap();
    copy_dir(
        &env.path().join("home/.cache"),
        &changed.path().join("home/.cache"),
    );
    let run = changed.run(&["--os-cloud", "fake-a", "sites"]);
    run.assert_code(2);
    assert!(run.stderr.contains("401"), "{}", run.stderr);
    assert_eq!(logins(&stack), 2);
    // The old password still finds its token.
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    assert_eq!(logins(&stack), 2);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}

#[test]
fn a_revoked_cached_token_logs_in_once_and_succeeds() {
    let (stack, env) = demo();
    env.run(&["--os-cloud", "fake-a", "quota", "show"])
        .assert_code(0);
    stack.revoke_all_tokens();
    stack.reset_counters();
    let run = env.run(&["--os-cloud", "fake-a", "quota", "show", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(logins(&stack), 1, "{:?}", stack.requests());
    // The new token is cached in turn.
    stack.reset_counters();
    env.run(&["--os-cloud", "fake-a", "quota", "show"])
        .assert_code(0);
    assert_eq!(logins(&stack), 0);
}

#[test]
fn a_corrupt_or_open_cache_file_is_ignored_and_replaced() {
    let (stack, env) = demo();
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    let [file] = cache_files(&env, "tokens").try_into().unwrap();
    std::fs::write(&file, "{\"format\": 1, \"osprey\": ").unwrap();
    stack.reset_counters();
    let run = env.run(&["--os-cloud", "fake-a", "sites"]);
    run.assert_code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(logins(&stack), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Readable by others: not trusted.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        stack.reset_counters();
        env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
        assert_eq!(logins(&stack), 1);
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "replaced by a private file");
    }
    stack.reset_counters();
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    assert_eq!(logins(&stack), 0, "the replacement is used");
}

#[test]
fn the_cache_can_be_turned_off() {
    let (stack, mut env) = demo();
    env.run(&["--no-token-cache", "--os-cloud", "fake-a", "sites"])
        .assert_code(0);
    env.run(&["--no-token-cache", "--os-cloud", "fake-a", "sites"])
        .assert_code(0);
    assert_eq!(logins(&stack), 2);
    env.set("OSPREY_NO_TOKEN_CACHE", "1");
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    assert_eq!(logins(&stack), 3);
    assert!(cache_files(&env, "tokens").is_empty());
    let run = env.run(&["auth", "status"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("the token cache is off"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: "), "{}", run.stderr);
}

#[test]
fn auth_status_shows_each_sites_token_without_logging_in() {
    let (stack, env) = demo();
    let before = env.run(&["--sites", "all", "auth", "status", "-f", "json"]);
    before.assert_code(0);
    let rows = before.json();
    let rows = rows.as_array().unwrap();
    // Regions come from catalogs, and nothing is cached yet.
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| r["region"] == "*" && r["token"] == "none"),
        "{rows:?}"
    );
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    stack.reset_counters();
    let after = env.run(&[
        "--os-cloud",
        "fake-a,fake-b",
        "auth",
        "status",
        "-f",
        "json",
    ]);
    after.assert_code(0);
    assert!(stack.requests().is_empty(), "{:?}", stack.requests());
    let rows = after.json();
    let rows = rows.as_array().unwrap();
    let a1 = after.row("fake-a", "RegionOne");
    assert_eq!(a1["token"], "valid");
    assert_eq!(a1["user"], "demo");
    assert_eq!(a1["scope"], "project demo");
    assert!(a1["left"].as_str().unwrap().ends_with('m'), "{a1}");
    assert!(a1["expires_at"].as_str().unwrap().ends_with('Z'), "{a1}");
    assert_eq!(after.row("fake-a", "RegionTwo")["token"], "valid");
    assert_eq!(after.row("fake-b", "*")["token"], "none");
    assert_eq!(rows.len(), 3);
    // Never the token itself.
    let [file] = cache_files(&env, "tokens").try_into().unwrap();
    let entry: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let token = entry["entry"]["token"].as_str().unwrap();
    assert!(!after.stdout.contains(token) && !after.stderr.contains(token));
    let table = env.run(&["--os-cloud", "fake-a", "auth", "status"]);
    assert!(!table.stdout.contains(token));
}

#[test]
fn auth_logout_removes_the_selected_clouds_tokens() {
    let (stack, env) = demo();
    env.run(&SITES).assert_code(0);
    assert_eq!(cache_files(&env, "tokens").len(), 4);
    let run = env.run(&["--os-cloud", "fake-a", "auth", "logout", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(run.json()[0]["cloud"], "fake-a");
    assert_eq!(run.json()[0]["removed"], true);
    assert_eq!(cache_files(&env, "tokens").len(), 3);
    stack.reset_counters();
    env.run(&SITES).assert_code(0);
    assert_eq!(logins(&stack), 1, "fake-a logs in again, the others do not");
    let run = env.run(&["auth", "logout", "--all"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains("removed 4 cached tokens"),
        "{}",
        run.stderr
    );
    assert!(cache_files(&env, "tokens").is_empty());
    stack.reset_counters();
    env.run(&SITES).assert_code(0);
    assert_eq!(logins(&stack), 4);
}

#[test]
fn runs_at_the_same_time_share_the_cache_safely() {
    let (stack, env) = demo();
    let children: Vec<_> = (0..6)
        .map(|_| {
            env.command(&SITES)
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("run osprey")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0));
    }
    assert!(logins(&stack) >= 4);
    stack.reset_counters();
    env.run(&SITES).assert_code(0);
    assert_eq!(logins(&stack), 0);
    let leftovers: Vec<_> = cache_files(&env, "tokens")
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_cached_microversion_spares_the_negotiation_and_is_dropped_when_refused() {
    let stack = FakeStack::start(Spec::demo().compute_max_microversion("2.40"));
    let env = Env::with_clouds(&stack.clouds_yaml());
    let quota = [
        "--os-cloud",
        "fake-b",
        "quota",
        "show",
        "--service",
        "compute",
    ];
    env.run(&quota).assert_code(0);
    let refused = |stack: &FakeStack| stack.requests().iter().filter(|r| r.status == 406).count();
    assert_eq!(refused(&stack), 1, "{:?}", stack.requests());
    assert_eq!(version_reads(&stack), 1);
    stack.reset_counters();
    env.run(&quota).assert_code(0);
    assert_eq!(refused(&stack), 0);
    assert_eq!(version_reads(&stack), 0);
    // A cached maximum the service no longer offers: refused, dropped,
    // discovered again.
    let [file] = cache_files(&env, "discovery").try_into().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"2.40\""), "{text}");
    std::fs::write(&file, text.replace("\"2.40\"", "\"2.90\"")).unwrap();
    stack.reset_counters();
    env.run(&quota).assert_code(0);
    assert_eq!(refused(&stack), 1);
    assert_eq!(version_reads(&stack), 1);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"2.40\""), "{text}");
}

#[test]
fn a_cached_catalog_without_a_needed_service_is_renewed_once() {
    let (stack, env) = demo();
    let nova = format!("{}/compute/v2.1", stack.region_url("RegionOne"));
    stack.set_endpoint("RegionOne", "compute", None);
    let quota = [
        "--os-cloud",
        "fake-a",
        "quota",
        "show",
        "--service",
        "compute",
        "-f",
        "json",
    ];
    let run = env.run(&quota);
    run.assert_code(2);
    assert!(run.stderr.contains("RegionOne"), "{}", run.stderr);
    // Nova is back: the cached catalog does not know.
    stack.set_endpoint("RegionOne", "compute", Some(&nova));
    stack.reset_counters();
    let run = env.run(&quota);
    run.assert_code(0);
    assert_eq!(
        logins(&stack),
        1,
        "one fresh login for the site that lacked it"
    );
    // The fresh token is cached: the next run logs in nowhere.
    stack.reset_counters();
    env.run(&quota).assert_code(0);
    assert_eq!(logins(&stack), 0);
}

#[test]
fn a_cached_endpoint_that_refuses_connections_is_renewed_once() {
    let (stack, env) = demo();
    let nova = format!("{}/compute/v2.1", stack.region_url("RegionOne"));
    let gone = format!("{}/compute/v2.1", stack.closed_url());
    stack.set_endpoint("RegionOne", "compute", Some(&gone));
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    // Nova moved back: the cached catalog still names the dead address.
    stack.set_endpoint("RegionOne", "compute", Some(&nova));
    stack.reset_counters();
    let quota = [
        "--os-cloud",
        "fake-a",
        "quota",
        "show",
        "--service",
        "compute",
    ];
    let run = env.run(&quota);
    run.assert_code(0);
    assert_eq!(logins(&stack), 1);

    // Still refused after the fresh login: the site fails, once, and the
    // other region is printed.
    stack.set_endpoint("RegionOne", "compute", Some(&gone));
    env.run(&["--no-token-cache", "--os-cloud", "fake-a", "sites"])
        .assert_code(0);
    std::fs::remove_dir_all(env.path().join("home/.cache/osprey")).unwrap();
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    stack.reset_counters();
    let run = env.run(&[&quota[..], &["-f", "json"]].concat());
    run.assert_code(2);
    assert!(
        run.stderr.contains("error: fake-a/RegionOne:") && run.stderr.contains("could not connect"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("fake-a/RegionTwo"), "{}", run.stderr);
    assert_eq!(logins(&stack), 1);
}

#[test]
fn version_reads_no_file_and_opens_no_connection() {
    let env = Env::new();
    let strace = std::process::Command::new("strace").arg("-V").output();
    if strace.is_err() {
        // Without strace, what can still be seen: no cache, and an answer
        // even where the configuration cannot be read.
        let mut env = env;
        env.set("OS_CLIENT_CONFIG_FILE", "/nonexistent/clouds.yaml");
        let run = env.run(&["--version"]);
        run.assert_code(0);
        assert!(!env.path().join("home/.cache").exists());
        return;
    }
    let mut cmd = std::process::Command::new("strace");
    cmd.args(["-f", "-qq", "-e", "trace=openat,open,connect,mkdir,mkdirat"])
        .arg(env!("CARGO_BIN_EXE_osprey"))
        .arg("--version")
        .env("HOME", env.path().join("home"))
        .env("XDG_CACHE_HOME", env.path().join("home/.cache"));
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("osprey "));
    let trace = String::from_utf8_lossy(&out.stderr);
    let touched: Vec<&str> = trace
        .lines()
        .filter(|l| l.contains('('))
        // The loader's libraries, and the Rust runtime's stack guard.
        .filter(|l| !l.contains(".so") && !l.contains("/etc/ld.so") && !l.contains("/proc/self/"))
        .collect();
    assert!(touched.is_empty(), "{touched:#?}");
}

#[test]
fn a_cached_token_without_a_needed_role_is_renewed_once() {
    let (stack, env) = demo();
    let admin = ["--os-cloud", "fake-a-admin", "ip", "list", "--all-projects"];
    env.run(&admin).assert_code(0);
    // The cached token predates the admin role: the roles in the file say
    // so, Keystone now says otherwise.
    let [file] = cache_files(&env, "tokens").try_into().unwrap();
    let mut entry: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    entry["entry"]["roles"] = serde_json::json!(["member", "reader"]);
    std::fs::write(&file, entry.to_string()).unwrap();
    stack.reset_counters();
    let run = env.run(&admin);
    run.assert_code(0);
    assert_eq!(logins(&stack), 1, "{}", run.stderr);
}

/// Files osprey did not write, one of them older than the clean-up's age.
#[cfg(unix)]
fn foreign_files(dir: &std::path::Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let files: Vec<PathBuf> = ["old.json", "keep.json", "x.tmp"]
        .iter()
        .map(|n| dir.join(n))
        .collect();
    for f in &files {
        std::fs::write(f, "not osprey's").unwrap();
    }
    let month_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(30 * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&files[0])
        .unwrap()
        .set_modified(month_ago)
        .unwrap();
    files
}

#[cfg(unix)]
fn private_dir(dir: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[cfg(unix)]
#[test]
fn issue_14_a_symlinked_cache_directory_is_neither_used_nor_cleared() {
    let (stack, env) = demo();
    let cache = env.path().join("home/.cache");
    let elsewhere = env.path().join("elsewhere");
    // `osprey` a symlink, then `osprey` real and its `tokens` a symlink.
    for (link, files_in) in [
        (cache.join("osprey"), elsewhere.join("tokens")),
        (cache.join("osprey/tokens"), elsewhere.clone()),
    ] {
        let files = foreign_files(&files_in);
        private_dir(link.parent().unwrap());
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        let there = || {
            for f in &files {
                assert_eq!(std::fs::read_to_string(f).unwrap(), "not osprey's");
            }
            assert_eq!(std::fs::read_dir(&files_in).unwrap().count(), 3);
        };

        stack.reset_counters();
        let run = env.run(&["--os-cloud", "fake-a", "sites"]);
        run.assert_code(0);
        let warnings: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("warning: "))
            .collect();
        assert_eq!(
            warnings,
            [format!(
                "warning: not using the token cache: directory {} is a symlink",
                link.display()
            )],
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("hint: "), "{}", run.stderr);
        assert_eq!(logins(&stack), 1, "the run logged in without the cache");
        there();

        let run = env.run(&["auth", "logout", "--all"]);
        run.assert_code(2);
        assert_eq!(
            run.stderr.lines().next().unwrap(),
            format!(
                "error: cannot clear the token cache: directory {} is a symlink",
                link.display()
            ),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.lines().skip(1).all(|l| l.starts_with("hint: ")),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("hint: "), "{}", run.stderr);
        there();
        std::fs::remove_file(&link).unwrap();
        std::fs::remove_dir_all(&elsewhere).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn issue_14_a_cache_directory_open_to_others_is_not_used() {
    use std::os::unix::fs::PermissionsExt;
    let (stack, env) = demo();
    let root = env.path().join("home/.cache/osprey");
    let files = foreign_files(&root.join("tokens"));
    private_dir(&root);
    std::fs::set_permissions(root.join("tokens"), std::fs::Permissions::from_mode(0o775)).unwrap();
    let run = env.run(&["--os-cloud", "fake-a", "sites"]);
    run.assert_code(0);
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.starts_with("warning: "))
            .count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("is open to others (mode 0775)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: make it private: chmod 700"),
        "{}",
        run.stderr
    );
    let run = env.run(&["auth", "logout", "--all"]);
    run.assert_code(2);
    for f in &files {
        assert_eq!(std::fs::read_to_string(f).unwrap(), "not osprey's");
    }
    assert_eq!(cache_files(&env, "tokens").len(), 3);
    // Made private, the directory is used again, and only osprey's own
    // entries are ever removed from it.
    std::fs::set_permissions(root.join("tokens"), std::fs::Permissions::from_mode(0o700)).unwrap();
    let run = env.run(&["--os-cloud", "fake-a", "sites"]);
    run.assert_code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(cache_files(&env, "tokens").len(), 4);
    stack.reset_counters();
    env.run(&["--os-cloud", "fake-a", "sites"]).assert_code(0);
    assert_eq!(logins(&stack), 0);
    let run = env.run(&["auth", "logout", "--all"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains("removed 1 cached token "),
        "{}",
        run.stderr
    );
    for f in &files {
        assert_eq!(std::fs::read_to_string(f).unwrap(), "not osprey's");
    }
}
