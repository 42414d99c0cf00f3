//! Keystone sessions: one authentication per distinct identity per run,
//! tokens kept until they expire, single-flight re-authentication after a 401.

pub mod catalog;
pub mod discovery;
pub mod keystone;

use crate::config::{AuthConfig, RegionConfig, Secret};
use crate::error::{HintExt, hinted, redact_url};
use crate::http::{Http, Request, TlsIdentity};
use anyhow::Context;
use keystone::{Method, Token};
use reqwest::Method as HttpMethod;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A token this close to its expiry is renewed before use.
const EXPIRY_MARGIN_SECS: i64 = 60;

/// Creates and shares sessions for a run.
pub struct Auth {
    http: Arc<Http>,
    sessions: Mutex<HashMap<IdentityKey, Arc<Session>>>,
    passcode: Option<Secret>,
    /// Serialises passcode prompts so two Keystones don't ask at once.
    prompt: Arc<tokio::sync::Mutex<()>>,
}

impl Auth {
    pub fn new(http: Arc<Http>, passcode: Option<Secret>) -> Self {
        Auth {
            http,
            sessions: Mutex::new(HashMap::new()),
            passcode,
            prompt: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    /// The session for this region's identity: shared with every other
    /// region or cloud that has the same Keystone, credentials and TLS settings.
    pub fn session(&self, cfg: &RegionConfig, timeout: Duration) -> anyhow::Result<Arc<Session>> {
        let methods = keystone::methods(cfg)?;
        let auth_url = cfg.auth.auth_url.clone().ok_or_else(|| {
            hinted(
                format!("{}: auth.auth_url is not set", location(cfg)),
                "add the Keystone URL, e.g. `auth_url: https://keystone.example.com:5000/v3`",
            )
        })?;
        let key = identity_key(cfg, &auth_url);
        let mut sessions = lock(&self.sessions);
        if let Some(s) = sessions.get(&key) {
            lock(&s.clouds).insert(cfg.cloud.clone());
            return Ok(s.clone());
        }
        let session = Arc::new(Session {
            label: cfg.cloud.clone(),
            clouds: Arc::new(Mutex::new(BTreeSet::from([cfg.cloud.clone()]))),
            auth_url: redact_url(&auth_url).into_owned(),
            url: auth_url,
            config: cfg.clone(),
            methods,
            tls: tls_identity(cfg),
            timeout,
            http: self.http.clone(),
            passcode: self.passcode.clone(),
            prompt: self.prompt.clone(),
            current: tokio::sync::Mutex::new(None),
            failed: std::sync::Mutex::new(None),
            authentications: AtomicU64::new(0),
            last_auth_ms: AtomicU64::new(0),
        });
        sessions.insert(key, session.clone());
        Ok(session)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn tls_identity(cfg: &RegionConfig) -> TlsIdentity {
    TlsIdentity {
        verify: cfg.verify,
        cacert: cfg.cacert.clone(),
        cert: cfg.cert.clone(),
        key: cfg.key.clone(),
    }
}

fn location(cfg: &RegionConfig) -> String {
    match &cfg.source {
        Some(p) => format!("{}: clouds.{}", p.display(), cfg.cloud),
        None => format!("cloud {}", cfg.cloud),
    }
}

/// Everything that decides which token Keystone would issue.
#[derive(PartialEq, Eq, Hash)]
struct IdentityKey {
    auth_url: String,
    auth_type: String,
    /// Without the URL (compared trimmed, above) and the one-time passcode.
    auth: AuthConfig,
    tls: TlsIdentity,
}

fn identity_key(cfg: &RegionConfig, auth_url: &str) -> IdentityKey {
    IdentityKey {
        auth_url: auth_url.trim_end_matches('/').to_string(),
        auth_type: cfg.auth_type.clone(),
        auth: AuthConfig {
            auth_url: None,
            passcode: None,
            ..cfg.auth.clone()
        },
        tls: tls_identity(cfg),
    }
}

/// A failed login, shared by every site that uses it: it reads, and
/// chains, as the error it holds.
#[derive(Debug)]
struct Failed(Arc<anyhow::Error>);

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for Failed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// One Keystone identity and its current token.
pub struct Session {
    /// The cloud whose configuration the login uses.
    label: String,
    /// Every cloud that shares the login, for messages.
    clouds: Clouds,
    /// The Keystone URL as configured, credentials included: for requests only.
    url: String,
    /// The same with any credentials in it masked, for every message.
    auth_url: String,
    config: RegionConfig,
    methods: Vec<Method>,
    tls: TlsIdentity,
    timeout: Duration,
    http: Arc<Http>,
    passcode: Option<Secret>,
    prompt: Arc<tokio::sync::Mutex<()>>,
    current: tokio::sync::Mutex<Option<Arc<Token>>>,
    /// A login that failed: every later caller gets its error at once
    /// instead of waiting for a Keystone that just failed, in turn.
    failed: std::sync::Mutex<Option<Arc<anyhow::Error>>>,
    authentications: AtomicU64,
    last_auth_ms: AtomicU64,
}

impl Session {
    pub fn http(&self) -> &Arc<Http> {
        &self.http
    }

    pub fn tls(&self) -> &TlsIdentity {
        &self.tls
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The Keystone URL as it may be shown: credentials in it masked.
    pub fn auth_url(&self) -> &str {
        &self.auth_url
    }

    /// How long the last authentication took.
    pub fn last_auth_ms(&self) -> u64 {
        self.last_auth_ms.load(Ordering::Relaxed)
    }

    /// A valid token, authenticating first if there is none or it is about
    /// to expire. Concurrent callers wait for one authentication.
    pub async fn token(&self) -> anyhow::Result<Arc<Token>> {
        let mut current = self.current.lock().await;
        if let Some(t) = current.as_ref()
            && !expiring(t)
        {
            return Ok(t.clone());
        }
        if let Some(failed) = self
            .failed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
        {
            return Err(anyhow::Error::new(Failed(failed.clone())));
        }
        match self.authenticate().await {
            Ok(token) => {
                let token = Arc::new(token);
                *current = Some(token.clone());
                Ok(token)
            }
            Err(e) => {
                let e = Arc::new(e);
                *self.failed.lock().unwrap_or_else(|p| p.into_inner()) = Some(e.clone());
                Err(anyhow::Error::new(Failed(e)))
            }
        }
    }

    /// Drops `stale` after a service rejected it, unless another task has
    /// already replaced it; the next `token()` authenticates again.
    pub async fn invalidate(&self, stale: &Arc<Token>) {
        let mut current = self.current.lock().await;
        if current.as_ref().is_some_and(|t| Arc::ptr_eq(t, stale)) {
            *current = None;
        }
    }

    async fn authenticate(&self) -> anyhow::Result<Token> {
        let started = Instant::now();
        let result = self.authenticate_inner().await;
        self.last_auth_ms
            .store(started.elapsed().as_millis() as u64, Ordering::Relaxed);
        self.authentications.fetch_add(1, Ordering::Relaxed);
        result.context(Authenticating {
            auth_url: self.auth_url.clone(),
            clouds: self.clouds.clone(),
        })
    }

    async fn authenticate_inner(&self) -> anyhow::Result<Token> {
        let tokens_url = self.tokens_url().await?;
        let passcode = if self.methods.contains(&Method::Totp) {
            self.passcode().await?
        } else {
            None
        };
        let body = keystone::request_body(&self.config, &self.methods, passcode.as_ref())?;
        let req = Request::new(HttpMethod::POST, &tokens_url, self.timeout).json(body);
        let resp = self.http.send(&self.tls, &req).await?;
        if resp.status.as_u16() == 401 {
            return Err(hinted(
                format!(
                    "keystone rejected the credentials (401): {}",
                    crate::http::error_message(&resp.body)
                ),
                "check username, password (or secret) and the project and domain names in clouds.yaml",
            ));
        }
        let resp = resp.ok()?;
        let body: Value = resp.json()?;
        keystone::parse_token(resp.header("x-subject-token"), &body)
    }

    /// `{auth_url}/auth/tokens`, finding the v3 API first when auth_url is unversioned.
    async fn tokens_url(&self) -> anyhow::Result<String> {
        let base = self.url.trim_end_matches('/');
        if base.ends_with("/v3") {
            return Ok(format!("{base}/auth/tokens"));
        }
        if base.ends_with("/v2.0") {
            return Err(hinted(
                format!(
                    "auth_url {} is Keystone v2.0, which osprey does not support",
                    redact_url(base)
                ),
                "use the Keystone v3 URL (usually the same host with /v3)",
            ));
        }
        let v3 = discovery::keystone_v3(&self.http, &self.tls, base, self.timeout).await?;
        Ok(format!("{}/auth/tokens", v3.trim_end_matches('/')))
    }

    async fn passcode(&self) -> anyhow::Result<Option<Secret>> {
        if let Some(p) = &self.passcode {
            return Ok(Some(p.clone()));
        }
        if self.config.auth.passcode.is_some() {
            return Ok(None);
        }
        let missing = || {
            hinted(
                format!(
                    "cloud {} needs a one-time passcode (auth_type {})",
                    self.label, self.config.auth_type
                ),
                "pass --os-passcode or set OS_PASSCODE",
            )
        };
        if !crate::render::prompt::interactive() {
            return Err(missing());
        }
        let _guard = self.prompt.lock().await;
        let prompt = format!(
            "passcode for {} ({})",
            clouds_phrase(&self.clouds),
            self.auth_url
        );
        let code = tokio::task::spawn_blocking(move || crate::render::prompt::secret(prompt))
            .await
            .context("passcode prompt")?
            .context("reading the passcode")
            .hint("pass --os-passcode or set OS_PASSCODE")?
            .ok_or_else(missing)?;
        Ok(Some(Secret::new(code)))
    }
}

/// The clouds that share one login; more join as their sites are set up.
type Clouds = Arc<Mutex<BTreeSet<String>>>;

/// `cloud a` or `clouds a, b`.
fn clouds_phrase(clouds: &Clouds) -> String {
    let clouds = lock(clouds);
    let names: Vec<&str> = clouds.iter().map(String::as_str).collect();
    match names.as_slice() {
        [one] => format!("cloud {one}"),
        _ => format!("clouds {}", names.join(", ")),
    }
}

/// What a failed login says it was doing. It names the clouds sharing the
/// login when it is shown, not when it failed: a cloud whose sites are set
/// up after the first failure (its `regions:` are listed, so it needed no
/// catalog) shares that failure and is named in it too.
#[derive(Debug)]
struct Authenticating {
    auth_url: String,
    clouds: Clouds,
}

impl fmt::Display for Authenticating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "authenticating to {} as {}",
            self.auth_url,
            clouds_phrase(&self.clouds)
        )
    }
}

fn expiring(t: &Token) -> bool {
    let Some(at) = t.expires_at else { return false };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    at - now < EXPIRY_MARGIN_SECS
}
