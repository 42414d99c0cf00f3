//! SSH and X.509 public keys as Nova reads them (fingerprints), and the RSA keypairs Nova generates.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use md5::{Digest, Md5};

/// The key types `cryptography`'s `load_ssh_public_key` accepts.
const SSH_TYPES: [&str; 8] = [
    "ssh-rsa",
    "ssh-dss",
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

/// `aa:bb:…`: lower-case hex pairs joined by colons.
fn colon_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Nova's fingerprint of an OpenSSH public key line (`type base64 [comment]`):
/// MD5 of the decoded key blob in colon hex. `None` when the line is not a
/// key `cryptography` would load: an unknown type, bad base64, or a blob
/// whose embedded type is not the line's.
pub(crate) fn fingerprint(public_key: &str) -> Option<String> {
    let mut fields = public_key.split_whitespace();
    let kind = fields.next()?;
    if !SSH_TYPES.contains(&kind) {
        return None;
    }
    let blob = STANDARD.decode(fields.next()?).ok()?;
    let len = u32::from_be_bytes(blob.get(..4)?.try_into().ok()?) as usize;
    if blob.get(4..4 + len)? != kind.as_bytes() {
        return None;
    }
    Some(colon_hex(&Md5::digest(&blob)))
}

/// Nova's fingerprint of an `x509` keypair: SHA-1 of the certificate's DER.
pub(crate) fn x509_fingerprint(pem: &str) -> Option<String> {
    let body: String = pem
        .lines()
        .skip_while(|l| !l.starts_with("-----BEGIN CERTIFICATE-----"))
        .skip(1)
        .take_while(|l| !l.starts_with("-----END CERTIFICATE-----"))
        .collect();
    let der = STANDARD
        .decode(body.trim())
        .ok()
        .filter(|d| !d.is_empty())?;
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA1_FOR_LEGACY_USE_ONLY, &der);
    Some(colon_hex(digest.as_ref()))
}

/// What Nova returns for a keypair it generates (paramiko, RSA 2048): the
/// PKCS#1 private key PEM and `ssh-rsa … Generated-by-Nova`.
pub(crate) fn generate() -> Result<(String, String), String> {
    let pair = rcgen::KeyPair::generate_rsa_for(&rcgen::PKCS_RSA_SHA256, rcgen::RsaKeySize::_2048)
        .map_err(|e| format!("cannot generate an RSA key: {e}"))?;
    let (n, e) = rsa_public(pair.public_key_raw()).ok_or("cannot read the RSA public key")?;
    let mut blob = Vec::new();
    for part in [b"ssh-rsa".as_slice(), e, n] {
        blob.extend_from_slice(&(part.len() as u32).to_be_bytes());
        blob.extend_from_slice(part);
    }
    let public = format!("ssh-rsa {} Generated-by-Nova", STANDARD.encode(&blob));
    let der = pair.serialize_der();
    let pkcs1 = pkcs8_inner(&der).ok_or("cannot read the RSA private key")?;
    let b64 = STANDARD.encode(pkcs1);
    let mut pem = String::from("-----BEGIN RSA PRIVATE KEY-----\n");
    for line in b64.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END RSA PRIVATE KEY-----\n");
    Ok((pem, public))
}

/// One DER element at the start of `der`: (tag, content, rest).
fn element(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let tag = *der.first()?;
    let first = *der.get(1)?;
    let (len, start) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        let bytes = der.get(2..2 + n)?;
        (
            bytes
                .iter()
                .fold(0usize, |acc, b| acc << 8 | usize::from(*b)),
            2 + n,
        )
    };
    let content = der.get(start..start + len)?;
    Some((tag, content, &der[start + len..]))
}

/// `RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }`:
/// the two integers' bytes, already in SSH's `mpint` form.
fn rsa_public(der: &[u8]) -> Option<(&[u8], &[u8])> {
    let (0x30, seq, _) = element(der)? else {
        return None;
    };
    let (0x02, n, rest) = element(seq)? else {
        return None;
    };
    let (0x02, e, _) = element(rest)? else {
        return None;
    };
    Some((n, e))
}

/// The `privateKey` OCTET STRING of a PKCS#8 `PrivateKeyInfo` (for RSA,
/// the PKCS#1 `RSAPrivateKey`).
fn pkcs8_inner(der: &[u8]) -> Option<&[u8]> {
    let (0x30, seq, _) = element(der)? else {
        return None;
    };
    let (_, _, rest) = element(seq)?;
    let (_, _, rest) = element(rest)?;
    let (0x04, key, _) = element(rest)? else {
        return None;
    };
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_matches_the_minicloud_sample() {
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIV5pVOBmgC/VmSpYq7Clh1m+9JKKzXlkD6MaVuDQssc root@vm";
        assert_eq!(
            fingerprint(key).as_deref(),
            Some("91:3a:12:9d:16:00:9b:88:ac:25:4c:9a:17:0a:ab:bc")
        );
        assert_eq!(
            fingerprint(
                "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIIV5pVOBmgC/VmSpYq7Clh1m+9JKKzXlkD6MaVuDQssc"
            ),
            None
        );
        assert_eq!(fingerprint("ssh-ed25519 !!!"), None);
        assert_eq!(fingerprint("not a key"), None);
    }

    #[test]
    fn generated_keys_fingerprint_and_look_like_paramikos() {
        let (private, public) = generate().unwrap();
        assert!(private.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
        assert!(
            public.starts_with("ssh-rsa AAAAB3NzaC1yc2E") && public.ends_with(" Generated-by-Nova")
        );
        assert!(fingerprint(&public).is_some());
    }
}
