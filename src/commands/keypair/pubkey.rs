//! Local public keys (`.pub` files): checked before anything is sent, and
//! fingerprinted as Nova does (MD5 of the key blob, colon hex), so the
//! fingerprint osprey shows equals the one Nova returns.

use crate::error::hinted;
use base64::Engine;
use md5::{Digest, Md5};
use std::path::Path;

/// The key types Nova imports.
const TYPES: [&str; 5] = [
    "ssh-rsa",
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
];

/// A public key in OpenSSH's one-line form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PublicKey {
    /// The line as Nova stores it: type, base64 and comment.
    pub(crate) line: String,
    pub(crate) fingerprint: String,
}

/// The most a public key file may hold: an RSA key of 16384 bits is under
/// 3 KiB, so anything larger is not a `.pub` file.
const MAX_KEY_FILE: u64 = 64 << 10;

/// Reads and checks a `.pub` file.
pub(crate) fn read(path: &Path) -> anyhow::Result<PublicKey> {
    let shown = path.display();
    let text = read_bounded(path).map_err(|why| {
        hinted(
            format!("--public-key {shown}: {why}"),
            "pass the public key file, e.g. ~/.ssh/id_ed25519.pub",
        )
    })?;
    let text = String::from_utf8(text).map_err(|_| {
        hinted(
            format!("--public-key {shown}: not a text file"),
            "pass the .pub file that ssh-keygen wrote",
        )
    })?;
    parse(&text).map_err(|why| {
        let hint = if text.contains("PRIVATE KEY") {
            format!(
                "pass the public half ({}.pub), never the private key",
                shown
            )
        } else {
            "pass the .pub file that ssh-keygen wrote (one line: type, key, comment)".to_string()
        };
        hinted(format!("--public-key {shown}: {why}"), hint)
    })
}

/// The bytes of a regular file of at most [`MAX_KEY_FILE`], or why not.
/// The file's type is checked before it is opened, and it is opened
/// without blocking, so a device is never read and a FIFO never waited on.
fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let kind = |meta: &std::fs::Metadata| {
        let size = meta.len();
        if meta.is_dir() {
            Err("is a directory".to_string())
        } else if !meta.is_file() {
            Err("is not a regular file (a device, a FIFO or a socket)".to_string())
        } else if size > MAX_KEY_FILE {
            Err(format!(
                "is {} bytes, more than a public key file holds (at most {} KiB)",
                size,
                MAX_KEY_FILE >> 10
            ))
        } else {
            Ok(())
        }
    };
    kind(&std::fs::metadata(path).map_err(|e| e.to_string())?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| e.to_string())?;
    // What was opened, in case the path changed since it was checked.
    kind(&file.metadata().map_err(|e| e.to_string())?)?;
    let mut bytes = Vec::new();
    file.take(MAX_KEY_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_KEY_FILE {
        return Err(format!(
            "grew past {} KiB while it was read",
            MAX_KEY_FILE >> 10
        ));
    }
    Ok(bytes)
}

/// Checks one public key line.
pub(crate) fn parse(text: &str) -> Result<PublicKey, String> {
    if text.contains("PRIVATE KEY") {
        return Err("this is a private key".to_string());
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let line = match lines.as_slice() {
        [] => return Err("the file is empty".to_string()),
        [one] => *one,
        _ => return Err(format!("{} keys in one file; pass one", lines.len())),
    };
    let mut parts = line.split_whitespace();
    let (Some(kind), Some(data)) = (parts.next(), parts.next()) else {
        return Err("not an OpenSSH public key (type and key expected)".to_string());
    };
    if !TYPES.contains(&kind) {
        return Err(format!(
            "key type '{kind}' is not one Nova imports ({})",
            TYPES.join(", ")
        ));
    }
    let blob = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|_| "the key is not valid base64".to_string())?;
    // The blob starts with its own type, as a length-prefixed string.
    let inner = blob
        .get(..4)
        .map(|n| u32::from_be_bytes([n[0], n[1], n[2], n[3]]) as usize)
        .and_then(|n| blob.get(4..4 + n));
    if inner != Some(kind.as_bytes()) {
        return Err(format!("the key data is not a {kind} key"));
    }
    Ok(PublicKey {
        line: line.to_string(),
        fingerprint: fingerprint(&blob),
    })
}

/// Nova's fingerprint of an SSH key: MD5 of the blob, colon-separated hex.
fn fingerprint(blob: &[u8]) -> String {
    Md5::digest(blob)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_is_novas() {
        // From the minicloud: Nova's answer to importing this key.
        let key = parse(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIV5pVOBmgC/VmSpYq7Clh1m+9JKKzXlkD6MaVuDQssc root@vm\n",
        )
        .unwrap();
        assert_eq!(
            key.fingerprint,
            "91:3a:12:9d:16:00:9b:88:ac:25:4c:9a:17:0a:ab:bc"
        );
        assert!(key.line.ends_with("root@vm"));
    }

    #[test]
    fn bad_keys_say_what_is_wrong() {
        let err = |t: &str| parse(t).unwrap_err();
        assert_eq!(err(""), "the file is empty");
        assert_eq!(err("\n# comment\n"), "the file is empty");
        assert!(err("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n").contains("private key"));
        assert!(err("hello world").contains("not one Nova imports"));
        assert!(err("ssh-ed25519 !!!notbase64").contains("base64"));
        // An RSA blob declared as ed25519.
        assert!(err("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQAB").contains("not a ssh-ed25519 key"));
        assert!(err("ssh-ed25519").contains("type and key expected"));
        let two = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIV5pVOBmgC/VmSpYq7Clh1m+9JKKzXlkD6MaVuDQssc a\n\
                   ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIV5pVOBmgC/VmSpYq7Clh1m+9JKKzXlkD6MaVuDQssc b\n";
        assert!(err(two).contains("2 keys"));
    }
}
