//! `osprey --version`: the package version, then the git revision and
//! build date when built from a checkout (issue 19).

use crate::common;

/// `a1b2c3d` or `a1b2c3d-dirty`, a space, `YYYY-MM-DD`.
fn is_build(meta: &str) -> bool {
    let Some((rev, date)) = meta.split_once(' ') else {
        return false;
    };
    let hash = rev.strip_suffix("-dirty").unwrap_or(rev);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let d: Vec<&str> = date.split('-').collect();
    hash.len() >= 7
        && hash
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        && d.len() == 3
        && digits(d[0], 4)
        && digits(d[1], 2)
        && digits(d[2], 2)
}

#[test]
fn version_names_revision_and_build_date() {
    let env = common::Env::new();
    let out = env.command(&["--version"]).output().unwrap();
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    let line = line.strip_suffix('\n').expect("one line");
    let rest = line
        .strip_prefix(concat!("osprey ", env!("CARGO_PKG_VERSION")))
        .unwrap_or_else(|| panic!("{line:?}"));
    // Built from this checkout (the tests run in one when it is there).
    let checkout = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".git")
        .exists();
    match rest.strip_prefix(" (").and_then(|r| r.strip_suffix(')')) {
        Some(meta) => assert!(is_build(meta), "{line:?}"),
        None => assert!(rest.is_empty() && !checkout, "{line:?}"),
    }
}

#[test]
fn build_metadata_format() {
    assert!(is_build("a1b2c3d 2026-12-06"));
    assert!(is_build("a1b2c3d-dirty 2026-12-06"));
    assert!(!is_build("a1b2c3d"));
    assert!(!is_build("A1B2C3D 2026-12-06"));
    assert!(!is_build("a1b2c3d 26-12-06"));
}
