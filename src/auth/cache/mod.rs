//! The on-disk cache that lets repeat runs skip Keystone and version
//! documents: one file per identity (tokens) or per endpoint (discovery)
//! under the user cache directory. The directories are 0700 and the files
//! 0600, every write is a temp file renamed into place (so a concurrent
//! run reads the old file or the new one, never half of one), and a file
//! that cannot be trusted (unreadable, corrupt, from another version of
//! osprey, readable by others) is ignored and later replaced: the cache
//! never makes a command fail.
//!
//! Every read, write and delete first checks the directories it goes
//! through: a symlink, a directory of another user or one open to others
//! is not used, since the files there may not be osprey's to read or
//! remove. Only regular files of this user with the names osprey gives
//! its entries and temp files are ever deleted.

pub(crate) mod discovery;
pub mod token;

use crate::error::hinted;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The layout of every cache file; a file of another layout is ignored.
const FORMAT: u32 = 1;

/// A file larger than this is not a cache entry osprey wrote (a catalog of
/// a big cloud is a few hundred KiB).
const MAX_FILE: u64 = 16 << 20;

/// The hex digits of an entry's name ([`digest_name`]) and of the unique
/// part of a temp file's name ([`unique`]).
const NAME_DIGITS: usize = 32;
const UNIQUE_DIGITS: usize = 24;

/// The cache's directory tree.
#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
}

/// What each file holds around its payload: enough to refuse one written
/// by another layout or another version of osprey.
#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    format: u32,
    osprey: String,
    /// Seconds since the epoch.
    written_at: i64,
    entry: T,
}

impl Cache {
    /// The cache under the user's cache directory (`$XDG_CACHE_HOME/osprey`
    /// on Linux), or none when there is no home directory to put it in.
    pub(crate) fn user() -> Option<Cache> {
        directories::ProjectDirs::from("", "", "osprey").map(|d| Cache::at(d.cache_dir()))
    }

    pub fn at(root: impl Into<PathBuf>) -> Cache {
        Cache { root: root.into() }
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    fn path(&self, kind: &str, name: &str) -> PathBuf {
        self.root.join(kind).join(format!("{name}.json"))
    }

    /// The entry named `name` of `kind` with the time it was written, or
    /// `None` for anything that is not a trustworthy entry of this version.
    fn read<T: DeserializeOwned>(&self, kind: &str, name: &str) -> Option<(T, i64)> {
        self.existing_dir(kind)?;
        let path = self.path(kind, name);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > MAX_FILE || !private(&meta) || !owned(&meta) {
            return None;
        }
        let bytes = std::fs::read(&path).ok()?;
        let envelope: Envelope<T> = serde_json::from_slice(&bytes).ok()?;
        (envelope.format == FORMAT && envelope.osprey == env!("CARGO_PKG_VERSION"))
            .then_some((envelope.entry, envelope.written_at))
    }

    /// Writes the entry atomically. A failure only costs the next run a
    /// request, so the caller may ignore it.
    fn write<T: Serialize>(&self, kind: &str, name: &str, entry: &T) -> std::io::Result<()> {
        let dir = self.dir(kind)?;
        let envelope = Envelope {
            format: FORMAT,
            osprey: env!("CARGO_PKG_VERSION").to_string(),
            written_at: now(),
            entry,
        };
        let bytes = serde_json::to_vec(&envelope).map_err(std::io::Error::other)?;
        let tmp = dir.join(format!(".{name}.{}.{}.tmp", std::process::id(), unique()));
        let written = (|| {
            let mut file = create_private(&tmp)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            std::fs::rename(&tmp, self.path(kind, name))
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }

    /// Removes one entry; true when there was one.
    fn remove(&self, kind: &str, name: &str) -> bool {
        self.existing_dir(kind).is_some()
            && removable(&self.path(kind, name))
            && std::fs::remove_file(self.path(kind, name)).is_ok()
    }

    /// Removes every entry of `kind` (and stray temp files); returns how many.
    fn clear(&self, kind: &str) -> usize {
        self.entries(kind)
            .filter(|p| std::fs::remove_file(p).is_ok())
            .filter(|p| !is_temp(p))
            .count()
    }

    /// Removes entries and leftover temp files not written for `age`: the
    /// entries of identities and endpoints no longer in use.
    fn prune(&self, kind: &str, age: Duration) {
        let now = SystemTime::now();
        for path in self.entries(kind) {
            let old = std::fs::symlink_metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|d| d > age);
            if old {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    /// The files of `kind` that osprey wrote: its names, regular files of
    /// this user, in a directory the cache may use.
    fn entries(&self, kind: &str) -> impl Iterator<Item = PathBuf> {
        self.existing_dir(kind)
            .and_then(|dir| std::fs::read_dir(dir).ok())
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_str().is_some_and(ours))
            .map(|e| e.path())
            .filter(|p| removable(p))
    }

    /// The directory of `kind` when it and the root exist and may be used.
    fn existing_dir(&self, kind: &str) -> Option<PathBuf> {
        let dir = self.root.join(kind);
        (usable(&self.root) == Ok(true) && usable(&dir) == Ok(true)).then_some(dir)
    }

    /// The directory of `kind` for a write: created 0700 where missing,
    /// refused where it exists and may not be used.
    fn dir(&self, kind: &str) -> std::io::Result<PathBuf> {
        let dir = self.root.join(kind);
        for d in [&self.root, &dir] {
            let there =
                usable(d).map_err(|why| std::io::Error::other(format!("{} {why}", d.display())))?;
            if !there {
                create_private_dir(d)?;
                // Checked again: something else may have been put there.
                if usable(d) != Ok(true) {
                    return Err(std::io::Error::other(format!(
                        "{} is not a private directory",
                        d.display()
                    )));
                }
            }
        }
        Ok(dir)
    }

    /// Whether the cache's directories may be used: an error naming the
    /// first that may not, with what to do about it. Directories not made
    /// yet are fine: osprey makes them private.
    pub(crate) fn check(&self) -> anyhow::Result<()> {
        for dir in [
            self.root.clone(),
            self.root.join(token::KIND),
            self.root.join(discovery::KIND),
        ] {
            let Err(refusal) = usable(&dir) else {
                continue;
            };
            let shown = dir.display();
            let hint = match refusal {
                Refusal::Open(_) => format!("make it private: chmod 700 {shown}"),
                Refusal::Unreadable(_) => format!("check the permissions of {shown}"),
                _ => format!(
                    "remove it (rm {shown}) and osprey makes a private directory there on its \
                     next run, or set XDG_CACHE_HOME to a directory of your own"
                ),
            };
            return Err(hinted(format!("directory {shown} {refusal}"), hint));
        }
        Ok(())
    }
}

/// Why a directory may not hold the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Refusal {
    Symlink,
    NotDirectory,
    NotOwned,
    /// Its permission bits (group or others may use it).
    Open(u32),
    Unreadable(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Symlink => f.write_str("is a symlink"),
            Refusal::NotDirectory => f.write_str("is not a directory"),
            Refusal::NotOwned => f.write_str("belongs to another user"),
            Refusal::Open(mode) => write!(f, "is open to others (mode {mode:04o})"),
            Refusal::Unreadable(e) => write!(f, "cannot be checked ({e})"),
        }
    }
}

/// Whether `dir` is there (`false`: not yet made) and, when it is, may be
/// used: a directory, not a symlink to one, of this user, closed to others.
fn usable(dir: &Path) -> Result<bool, Refusal> {
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Refusal::Unreadable(e.to_string())),
    };
    if meta.file_type().is_symlink() {
        Err(Refusal::Symlink)
    } else if !meta.is_dir() {
        Err(Refusal::NotDirectory)
    } else if !owned(&meta) {
        Err(Refusal::NotOwned)
    } else if !private(&meta) {
        Err(Refusal::Open(mode(&meta)))
    } else {
        Ok(true)
    }
}

/// A file the cache may delete: a regular file (a symlink's target is
/// never touched) of this user.
fn removable(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && owned(&m))
}

/// Whether `name` is one osprey gives its files: an entry
/// (`<digest>.json`) or a temp file (`.<digest>.<pid>.<unique>.tmp`).
fn ours(name: &str) -> bool {
    let hex = |s: &str, n: usize| {
        s.len() == n
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    };
    if let Some(digest) = name.strip_suffix(".json") {
        return hex(digest, NAME_DIGITS);
    }
    let Some(parts) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let parts: Vec<&str> = parts.split('.').collect();
    matches!(parts.as_slice(), [digest, pid, unique]
        if hex(digest, NAME_DIGITS)
            && !pid.is_empty()
            && pid.bytes().all(|b| b.is_ascii_digit())
            && hex(unique, UNIQUE_DIGITS))
}

fn is_temp(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "tmp")
}

/// A file name for `parts`: the SHA-256 of their JSON, so names reveal
/// nothing of what they identify and any change in a part is a new name.
fn digest_name<T: Serialize>(parts: &T) -> String {
    let json = serde_json::to_vec(parts).unwrap_or_default();
    hex(&Sha256::digest(&json)[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Seconds since the epoch.
pub(crate) fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A value no other write of this or a concurrent process repeats: for
/// temp file names and salts.
fn unique() -> String {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let stack = &n as *const u64 as usize;
    let seed = format!("{}:{nanos}:{n}:{stack}", std::process::id());
    hex(&Sha256::digest(seed.as_bytes())[..12])
}

fn private(meta: &std::fs::Metadata) -> bool {
    mode(meta) & 0o077 == 0
}

#[cfg(unix)]
fn mode(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode(_: &std::fs::Metadata) -> u32 {
    0o700
}

/// Whether this process's user owns the file or directory.
#[cfg(unix)]
fn owned(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    meta.uid() == unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn owned(_: &std::fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

#[cfg(unix)]
fn create_private_dir(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
}

#[cfg(not(unix))]
fn create_private_dir(path: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(path)
}

#[cfg(test)]
mod tests;
