//! An image's data hashed as it passes osprey, in the algorithm the source
//! recorded its hash in, and checked against that hash before any target
//! is called good.

use crate::api::image::ContentHash;
use crate::error::hinted;
use crate::http::Inspect;
use aws_lc_rs::digest;
use bytes::Bytes;
use md5::{Digest, Md5};

/// A running digest in one of Glance's `os_hash_algo`s.
enum Running {
    /// SHA-256, SHA-384 or SHA-512.
    Sha2(digest::Context),
    /// A Glance older than multihash reports only its MD5 `checksum`.
    Md5(Md5),
}

/// Hashes a stream and checks it against the source's recorded hash.
pub(crate) struct Check {
    expected: ContentHash,
    running: Running,
    /// Where the data comes from, for the error.
    from: String,
}

impl Check {
    /// `Err` for an algorithm osprey cannot compute (the copy is refused
    /// before anything is made).
    pub(crate) fn new(expected: &ContentHash, from: &str) -> anyhow::Result<Check> {
        let running = match expected.algo.as_str() {
            "sha256" => Running::Sha2(digest::Context::new(&digest::SHA256)),
            "sha384" => Running::Sha2(digest::Context::new(&digest::SHA384)),
            "sha512" => Running::Sha2(digest::Context::new(&digest::SHA512)),
            "md5" => Running::Md5(Md5::new()),
            other => {
                return Err(hinted(
                    format!(
                        "{from}: the source's hash algorithm {other} is not one osprey can check"
                    ),
                    "osprey checks sha256, sha384, sha512 and md5",
                ));
            }
        };
        Ok(Check {
            expected: expected.clone(),
            running,
            from: from.to_string(),
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Inspect for Check {
    fn chunk(&mut self, chunk: &Bytes) {
        match &mut self.running {
            Running::Sha2(h) => h.update(chunk),
            Running::Md5(h) => h.update(chunk),
        }
    }

    fn finish(self) -> anyhow::Result<()> {
        let got = match self.running {
            Running::Sha2(h) => hex(h.finish().as_ref()),
            Running::Md5(h) => hex(&h.finalize()),
        };
        if got == self.expected.value {
            return Ok(());
        }
        Err(hinted(
            format!(
                "{}: the data read hashes to {}:{got}, not the {} the source recorded",
                self.from, self.expected.algo, self.expected
            ),
            "the source's data is damaged or changed during the read; check the image there",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(algo: &str, value: &str) -> Check {
        Check::new(
            &ContentHash {
                algo: algo.into(),
                value: value.into(),
            },
            "c/r image x",
        )
        .unwrap()
    }

    #[test]
    fn each_algorithm_checks_the_whole_stream() {
        // The digests of "abc".
        let cases = [
            ("md5", "900150983cd24fb0d6963f7d28e17f72"),
            (
                "sha256",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            (
                "sha512",
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            ),
        ];
        for (algo, value) in cases {
            let mut c = check(algo, value);
            c.chunk(&Bytes::from_static(b"a"));
            c.chunk(&Bytes::from_static(b"bc"));
            c.finish().unwrap();
            let mut wrong = check(algo, value);
            wrong.chunk(&Bytes::from_static(b"abd"));
            let e = wrong.finish().unwrap_err().to_string();
            assert!(e.contains("not the"), "{e}");
        }
        let crc = ContentHash {
            algo: "crc32".into(),
            value: "x".into(),
        };
        assert!(Check::new(&crc, "x").is_err());
    }
}
