//! The on-disk cache that lets repeat runs skip Keystone and version
//! documents: one file per identity (tokens) or per endpoint (discovery)
//! under the user cache directory. The directories are 0700 and the files
//! 0600, every write is a temp file renamed into place (so a concurrent
//! run reads the old file or the new one, never half of one), and a file
//! that cannot be trusted (unreadable, corrupt, from another version of
//! osprey, readable by others) is ignored and later replaced: the cache
//! never makes a command fail.

pub mod discovery;
pub mod token;

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
    pub fn user() -> Option<Cache> {
        directories::ProjectDirs::from("", "", "osprey").map(|d| Cache::at(d.cache_dir()))
    }

    pub fn at(root: impl Into<PathBuf>) -> Cache {
        Cache { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn path(&self, kind: &str, name: &str) -> PathBuf {
        self.root.join(kind).join(format!("{name}.json"))
    }

    /// The entry named `name` of `kind` with the time it was written, or
    /// `None` for anything that is not a trustworthy entry of this version.
    fn read<T: DeserializeOwned>(&self, kind: &str, name: &str) -> Option<(T, i64)> {
        let path = self.path(kind, name);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > MAX_FILE || !private(&meta) {
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
        std::fs::remove_file(self.path(kind, name)).is_ok()
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

    fn entries(&self, kind: &str) -> impl Iterator<Item = PathBuf> {
        std::fs::read_dir(self.root.join(kind))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "tmp"))
    }

    /// The directory of `kind`, made private: created 0700, and narrowed to
    /// 0700 when an older or hand-made one is wider.
    fn dir(&self, kind: &str) -> std::io::Result<PathBuf> {
        let dir = self.root.join(kind);
        for d in [&self.root, &dir] {
            match std::fs::symlink_metadata(d) {
                Ok(meta) if meta.is_dir() => {
                    if !private(&meta) {
                        set_private_dir(d)?;
                    }
                }
                Ok(_) => {
                    return Err(std::io::Error::other(format!(
                        "{} is not a directory",
                        d.display()
                    )));
                }
                Err(_) => create_private_dir(d)?,
            }
        }
        Ok(dir)
    }
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
pub fn now() -> i64 {
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

#[cfg(unix)]
fn private(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o077 == 0
}

#[cfg(not(unix))]
fn private(_: &std::fs::Metadata) -> bool {
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

#[cfg(unix)]
fn set_private_dir(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn set_private_dir(_: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests;
