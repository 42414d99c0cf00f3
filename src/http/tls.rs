//! TLS: the rustls configuration of a TLS identity, built as reqwest builds
//! its own, once per identity and then shared by every client of it.
//!
//! reqwest builds a configuration for each client it builds, and with the
//! platform verifier that means loading the system's roots (and reading
//! `cacert`, `cert` and `key`) every time: far too slow and large for a
//! client per site. So osprey builds the configuration here, the way
//! reqwest 0.13's `ClientBuilder::build` does for the options osprey used
//! to set (`add_root_certificate`, `identity`, `danger_accept_invalid_certs`),
//! and hands it to each client with `tls_backend_preconfigured`.

use super::TlsIdentity;
use crate::error::HintExt;
use anyhow::Context;
use rustls::DigitallySignedStruct;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::{self, PemObject, SectionKind};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{ClientConfig, SignatureScheme};
use std::path::Path;
use std::sync::Arc;

/// The configuration every client of `tls` shares.
pub(super) fn client_config(tls: &TlsIdentity) -> anyhow::Result<ClientConfig> {
    // Read even with `verify: false`, as reqwest's builder was given them:
    // a broken path is reported either way.
    let roots = match &tls.cacert {
        Some(path) => read_cacert(path)?,
        None => Vec::new(),
    };
    let identity = match &tls.cert {
        Some(cert) => Some((cert, read_identity(cert, tls.key.as_deref())?)),
        None => None,
    };
    // reqwest's provider: one the program installed, else aws-lc-rs.
    let provider = CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(rustls::crypto::aws_lc_rs::default_provider()));
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_protocol_versions(rustls::ALL_VERSIONS)
        .context("building the HTTP client")?;
    let verifier: Arc<dyn ServerCertVerifier> = if !tls.verify {
        Arc::new(AnyCertificate)
    } else if roots.is_empty() {
        Arc::new(
            rustls_platform_verifier::Verifier::new(provider)
                .context("building the HTTP client")?,
        )
    } else {
        Arc::new(
            rustls_platform_verifier::Verifier::new_with_extra_roots(roots, provider)
                .context("building the HTTP client")?,
        )
    };
    let builder = builder
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    let mut config = match identity {
        // A key that does not match the certificate shows here.
        Some((cert, (certs, key))) => builder
            .with_client_auth_cert(certs, key)
            .with_context(|| unusable(cert))
            .hint(IDENTITY_HINT)?,
        None => builder.with_no_client_auth(),
    };
    // A preconfigured configuration is used as it is: without ALPN the
    // connection would never be HTTP/2.
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

/// The CA certificates of a `cacert` PEM bundle (none: the system's only).
fn read_cacert(path: &Path) -> anyhow::Result<Vec<CertificateDer<'static>>> {
    let pem = std::fs::read(path)
        .with_context(|| format!("reading cacert {}", path.display()))
        .hint("set `cacert` in clouds.yaml to a readable PEM file of CA certificates")?;
    CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| anyhow::anyhow!("invalid certificate encoding"))
        .with_context(|| format!("cacert {} is not a PEM certificate bundle", path.display()))
        .hint("`cacert` takes PEM text (-----BEGIN CERTIFICATE-----), not DER")
}

const IDENTITY_HINT: &str = "`cert` needs a PEM certificate and `key` its PEM private key \
                             (or `cert` alone holding both)";

fn unusable(cert: &Path) -> String {
    format!(
        "client cert {} and its key are not a usable PEM identity",
        cert.display()
    )
}

/// The client certificate chain and its key: `cert` then `key`, read as one
/// PEM text (the key may be in `cert`), with reqwest's `Identity::from_pem`
/// rules: the last key, and every certificate in order.
fn read_identity(
    cert: &Path,
    key: Option<&Path>,
) -> anyhow::Result<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)> {
    let mut text = std::fs::read(cert)
        .with_context(|| format!("reading client cert {}", cert.display()))
        .hint("set `cert` in clouds.yaml to a readable PEM file")?;
    if let Some(key) = key {
        text.push(b'\n');
        text.extend(
            std::fs::read(key)
                .with_context(|| format!("reading client key {}", key.display()))
                .hint("set `key` in clouds.yaml to a readable PEM file")?,
        );
    }
    let not_usable = || unusable(cert);
    let mut certs = Vec::new();
    let mut keys = Vec::new();
    let mut reader = std::io::Cursor::new(text);
    loop {
        let section = pem::from_buf(&mut reader)
            .map_err(|_| anyhow::anyhow!("Invalid identity PEM file"))
            .with_context(not_usable)
            .hint(IDENTITY_HINT)?;
        match section {
            None => break,
            Some((SectionKind::Certificate, der)) => certs.push(der.into()),
            Some((SectionKind::PrivateKey, der)) => keys.push(PrivateKeyDer::Pkcs8(der.into())),
            Some((SectionKind::RsaPrivateKey, der)) => keys.push(PrivateKeyDer::Pkcs1(der.into())),
            Some((SectionKind::EcPrivateKey, der)) => keys.push(PrivateKeyDer::Sec1(der.into())),
            Some(_) => {
                return Err(anyhow::anyhow!("No valid certificate was found"))
                    .with_context(not_usable)
                    .hint(IDENTITY_HINT);
            }
        }
    }
    match keys.pop() {
        Some(key) if !certs.is_empty() => Ok((certs, key)),
        _ => Err(anyhow::anyhow!("private key or certificate not found"))
            .with_context(not_usable)
            .hint(IDENTITY_HINT),
    }
}

/// `verify: false`: any certificate is accepted. This is reqwest's own
/// verifier for `danger_accept_invalid_certs`, kept as it is so that a test
/// cloud that worked before still does: it does not check the handshake's
/// signatures either (with any certificate accepted, they would prove
/// nothing), and it offers the same schemes.
#[derive(Debug)]
struct AnyCertificate;

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        vec![
            SignatureScheme::RSA_PKCS1_SHA1,
            SignatureScheme::ECDSA_SHA1_Legacy,
            SignatureScheme::RSA_PKCS1_SHA256,
            SignatureScheme::ECDSA_NISTP256_SHA256,
            SignatureScheme::RSA_PKCS1_SHA384,
            SignatureScheme::ECDSA_NISTP384_SHA384,
            SignatureScheme::RSA_PKCS1_SHA512,
            SignatureScheme::ECDSA_NISTP521_SHA512,
            SignatureScheme::RSA_PSS_SHA256,
            SignatureScheme::RSA_PSS_SHA384,
            SignatureScheme::RSA_PSS_SHA512,
            SignatureScheme::ED25519,
            SignatureScheme::ED448,
        ]
    }
}
