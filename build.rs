//! Build metadata for `osprey --version`: the git revision (with `-dirty`
//! when the tree has changes) and the build date, when built from a
//! checkout. Outside one (a crate tarball, no git installed) only the date
//! is known, and the version line is the package version alone.
//!
//! The date is UTC `YYYY-MM-DD`, from `SOURCE_DATE_EPOCH` when it is set so
//! that a reproducible build gets the same binary twice.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let suffix = match revision() {
        Some(rev) => format!(" ({rev} {})", date()),
        None => String::new(),
    };
    println!("cargo:rustc-env=OSPREY_VERSION_SUFFIX={suffix}");
}

/// `a1b2c3d` or `a1b2c3d-dirty`, and the files whose change moves it
/// declared to cargo; `None` when this is not the top of a git checkout.
fn revision() -> Option<String> {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    // A crate unpacked inside some other repository must not take its
    // revision: only a checkout whose top level is this crate counts.
    let top = git(&manifest, &["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(&manifest).ok()? {
        return None;
    }
    let rev = git(&manifest, &["rev-parse", "--short", "HEAD"])?;
    // In a worktree `.git` is a file: ask git where HEAD and the refs are.
    let git_dir = manifest.join(git(&manifest, &["rev-parse", "--git-dir"])?);
    let common = manifest.join(git(&manifest, &["rev-parse", "--git-common-dir"])?);
    rerun_if_changed(&git_dir.join("HEAD"));
    if let Some(head_ref) = git(&manifest, &["symbolic-ref", "-q", "HEAD"]) {
        rerun_if_changed(&common.join(head_ref));
    }
    rerun_if_changed(&common.join("packed-refs"));
    // The dirty mark follows the sources; these are rebuilt on change anyway.
    for path in ["src", "Cargo.toml", "Cargo.lock"] {
        rerun_if_changed(&manifest.join(path));
    }
    let clean = Command::new("git")
        .args(["diff", "--quiet", "HEAD", "--"])
        .current_dir(&manifest)
        .status()
        .ok()?;
    Some(if clean.success() {
        rev
    } else {
        format!("{rev}-dirty")
    })
}

fn rerun_if_changed(path: &Path) {
    if path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// The build date, UTC.
fn date() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    let (y, m, d) = civil(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
