//! HTTPS for [`Spec::tls`](crate::Spec::tls): a CA made at start, certificates
//! it signs for 127.0.0.1 and for a client, and a listener that hands
//! `axum::serve` TLS streams.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::server::WebPkiClientVerifier;
use tokio_rustls::rustls::{self, RootCertStore, ServerConfig};
use tokio_rustls::server::TlsStream;

/// A client that connects and then says nothing is dropped after this.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The CA, the client identity (PEM) and the server side of a TLS estate.
pub(crate) struct Pki {
    pub ca_pem: String,
    pub client_cert_pem: String,
    pub client_key_pem: String,
    pub acceptor: TlsAcceptor,
}

fn other(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("making the TLS certificates: {e}"))
}

impl Pki {
    /// A new CA (ECDSA P-256), a server certificate for `127.0.0.1` (IP SAN;
    /// rustls does not match IP addresses against DNS names) and `localhost`,
    /// and a client certificate. With `require_client_cert`, listeners refuse
    /// a client without a certificate signed by the CA.
    pub fn generate(require_client_cert: bool) -> io::Result<Self> {
        let ca_key = KeyPair::generate().map_err(other)?;
        let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(other)?;
        // A name of its own: verifiers find an issuer by name, so two stacks'
        // CAs with one name would fail as a bad signature, not an unknown CA.
        let serial = uuid::Uuid::new_v4().simple().to_string();
        ca.distinguished_name.push(
            DnType::CommonName,
            format!("fakestack test CA {}", &serial[..8]),
        );
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let ca_cert = ca.self_signed(&ca_key).map_err(other)?;
        let issuer = Issuer::new(ca, ca_key);

        let leaf = |names: Vec<String>, cn: &str, usage: ExtendedKeyUsagePurpose| {
            let key = KeyPair::generate().map_err(other)?;
            let mut params = CertificateParams::new(names).map_err(other)?;
            params.distinguished_name.push(DnType::CommonName, cn);
            params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
            params.extended_key_usages = vec![usage];
            let cert = params.signed_by(&key, &issuer).map_err(other)?;
            Ok::<_, io::Error>((cert, key))
        };
        // `CertificateParams::new` makes "127.0.0.1" an IP address SAN.
        let (server_cert, server_key) = leaf(
            vec!["127.0.0.1".into(), "localhost".into()],
            "fakestack",
            ExtendedKeyUsagePurpose::ServerAuth,
        )?;
        let (client_cert, client_key) = leaf(
            Vec::new(),
            "fakestack client",
            ExtendedKeyUsagePurpose::ClientAuth,
        )?;

        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        // In TLS 1.3 the server judges the client's certificate after the
        // client has finished its handshake, so a refused client may see
        // only a closed connection, or the alert, as timing has it. TLS 1.2
        // refuses inside the handshake: the client always gets the alert.
        let versions: &[&rustls::SupportedProtocolVersion] = if require_client_cert {
            &[&rustls::version::TLS12]
        } else {
            rustls::DEFAULT_VERSIONS
        };
        let builder = ServerConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(versions)
            .map_err(other)?;
        let builder = if require_client_cert {
            let mut roots = RootCertStore::empty();
            roots.add(ca_cert.der().clone()).map_err(other)?;
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(other)?;
            builder.with_client_cert_verifier(verifier)
        } else {
            builder.with_no_client_auth()
        };
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()));
        let chain: Vec<CertificateDer<'static>> = vec![server_cert.der().clone()];
        let mut config = builder.with_single_cert(chain, key).map_err(other)?;
        // axum::serve speaks HTTP/1.1 only here (no `http2` feature).
        config.alpn_protocols = vec![b"http/1.1".to_vec()];

        Ok(Self {
            ca_pem: ca_cert.pem(),
            client_cert_pem: client_cert.pem(),
            client_key_pem: client_key.serialize_pem(),
            acceptor: TlsAcceptor::from(Arc::new(config)),
        })
    }
}

/// A TCP listener whose connections come out of a TLS handshake. Handshakes
/// run concurrently, so a stalled client does not block the others.
pub(crate) struct TlsListener {
    tcp: TcpListener,
    acceptor: TlsAcceptor,
    handshakes: JoinSet<Option<(TlsStream<TcpStream>, SocketAddr)>>,
}

impl TlsListener {
    pub fn new(tcp: TcpListener, acceptor: TlsAcceptor) -> Self {
        Self {
            tcp,
            acceptor,
            handshakes: JoinSet::new(),
        }
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            tokio::select! {
                accepted = self.tcp.accept() => match accepted {
                    Ok((stream, addr)) => {
                        let acceptor = self.acceptor.clone();
                        self.handshakes.spawn(async move {
                            // A failed handshake (a client that does not trust
                            // the CA, or has no certificate when one is
                            // required) ends here: the client got the alert.
                            let tls = tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream))
                                .await
                                .ok()?
                                .ok()?;
                            Some((tls, addr))
                        });
                    }
                    // Out of file descriptors or the like: give closing
                    // connections a moment, as axum's TcpListener does.
                    Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
                },
                Some(done) = self.handshakes.join_next() => {
                    if let Ok(Some(ready)) = done {
                        return ready;
                    }
                }
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}
