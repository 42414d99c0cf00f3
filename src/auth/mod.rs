//! Keystone sessions: one authentication per distinct identity per run,
//! tokens kept (in memory and in the token cache) until they expire,
//! single-flight re-authentication after a 401.

pub mod cache;
pub mod catalog;
pub(crate) mod discovery;
pub mod keystone;

use crate::config::{AuthConfig, RegionConfig, Secret};
use crate::error::{HintExt, hinted, redact_url};
use crate::http::{Http, Request, TlsIdentity};
use anyhow::Context;
use cache::Cache;
use cache::token::{Identity, Secrets};
use keystone::{Method, Token};
use reqwest::Method as HttpMethod;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A token this close to its expiry is renewed before use.
const EXPIRY_MARGIN_SECS: i64 = 60;

/// Asks the user for a secret with this prompt: `Ok(None)` when nobody can
/// answer (no terminal). The run gives the renderer's prompt; without one,
/// a passcode must come from the flag or the environment.
pub(crate) type AskSecret = fn(String) -> anyhow::Result<Option<String>>;

/// Creates and shares sessions for a run.
pub struct Auth {
    http: Arc<Http>,
    sessions: Mutex<HashMap<IdentityKey, Arc<Session>>>,
    passcode: Option<Secret>,
    ask: Option<AskSecret>,
    /// Serialises passcode prompts so two Keystones don't ask at once.
    prompt: Arc<tokio::sync::Mutex<()>>,
    cache: Option<Arc<Cache>>,
    /// Tokens come from the cache only: nothing logs in.
    cache_only: bool,
}

/// What a session asked for when it may not log in and the cache has no
/// token for it.
#[derive(Debug, thiserror::Error)]
#[error("no cached token")]
pub(crate) struct NoCachedToken;

impl Auth {
    /// Sessions that reuse and keep tokens in `cache`, when there is one.
    pub fn new(http: Arc<Http>, passcode: Option<Secret>, cache: Option<Cache>) -> Self {
        Auth {
            http,
            sessions: Mutex::new(HashMap::new()),
            passcode,
            ask: None,
            prompt: Arc::new(tokio::sync::Mutex::new(())),
            cache: cache.map(Arc::new),
            cache_only: false,
        }
    }

    /// Sessions that ask for a one-time passcode with `ask` when neither
    /// `--os-passcode` nor the cloud gives one.
    pub(crate) fn asking(mut self, ask: AskSecret) -> Self {
        self.ask = Some(ask);
        self
    }

    /// Sessions whose tokens come from the cache only: a session without a
    /// cached token fails with [`NoCachedToken`] instead of logging in.
    pub fn cache_only(mut self) -> Self {
        self.cache_only = true;
        self
    }

    pub(crate) fn cache(&self) -> Option<&Cache> {
        self.cache.as_deref()
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
        let identity = Identity::of(cfg, &redact_url(&auth_url));
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
            ask: self.ask,
            prompt: self.prompt.clone(),
            current: tokio::sync::Mutex::new(None),
            identity,
            cache: self.cache.clone(),
            cache_only: self.cache_only,
            consulted: AtomicBool::new(false),
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

pub(crate) fn tls_identity(cfg: &RegionConfig) -> TlsIdentity {
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
    ask: Option<AskSecret>,
    prompt: Arc<tokio::sync::Mutex<()>>,
    current: tokio::sync::Mutex<Option<Arc<Token>>>,
    /// The token cache's name for this login.
    identity: Identity,
    cache: Option<Arc<Cache>>,
    cache_only: bool,
    /// Whether the cache was looked at: once per run, so a token dropped
    /// after a 401 is not read back.
    consulted: AtomicBool,
    /// A login that failed: every later caller gets its error at once
    /// instead of waiting for a Keystone that just failed, in turn.
    failed: std::sync::Mutex<Option<Arc<anyhow::Error>>>,
    authentications: AtomicU64,
    last_auth_ms: AtomicU64,
}

impl Session {
    pub(crate) fn http(&self) -> &Arc<Http> {
        &self.http
    }

    pub(crate) fn tls(&self) -> &TlsIdentity {
        &self.tls
    }

    pub(crate) fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The Keystone URL as it may be shown: credentials in it masked.
    pub(crate) fn auth_url(&self) -> &str {
        &self.auth_url
    }

    /// How long the last authentication took.
    pub(crate) fn last_auth_ms(&self) -> u64 {
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
        if !self.consulted.swap(true, Ordering::Relaxed)
            && let Some(token) = self.cached_token()
        {
            let token = Arc::new(token);
            *current = Some(token.clone());
            return Ok(token);
        }
        if self.cache_only {
            return Err(anyhow::Error::new(NoCachedToken));
        }
        match self.authenticate().await {
            Ok(token) => {
                if let Some(cache) = &self.cache {
                    cache.store_token(&self.identity, &self.secrets(), &token);
                }
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
    /// already replaced it; the next `token()` authenticates again. A
    /// cached token is dropped from the cache too.
    pub(crate) async fn invalidate(&self, stale: &Arc<Token>) {
        let mut current = self.current.lock().await;
        if current.as_ref().is_some_and(|t| Arc::ptr_eq(t, stale)) {
            *current = None;
            if stale.cached
                && let Some(cache) = &self.cache
            {
                cache.drop_token(&self.identity, &stale.id);
            }
        }
    }

    /// Logs in again when `used` came from the cache: its catalog may be
    /// older than Keystone's (an endpoint added or moved since). Returns
    /// whether the next `token()` is fresh, so that asking again is worth it.
    pub(crate) async fn renew_cached(&self, used: &Arc<Token>) -> bool {
        if !used.cached {
            return false;
        }
        self.invalidate(used).await;
        true
    }

    /// The token cache, unless it is turned off.
    pub(crate) fn cache(&self) -> Option<&Cache> {
        self.cache.as_deref()
    }

    /// This login's entry in the token cache and what it is worth now.
    pub(crate) fn cache_status(&self) -> Option<cache::token::Status> {
        self.cache
            .as_ref()?
            .token_status(&self.identity, &self.secrets())
    }

    /// Removes this login's cached token; true when there was one.
    pub(crate) fn forget(&self) -> bool {
        self.cache
            .as_ref()
            .is_some_and(|c| c.remove_token(&self.identity))
    }

    fn secrets(&self) -> Secrets<'_> {
        Secrets::of(&self.config.auth)
    }

    fn cached_token(&self) -> Option<Token> {
        let token = self
            .cache
            .as_ref()?
            .token(&self.identity, &self.secrets())?;
        if self.http.verbose() > 0 {
            eprintln!(
                "token for {} from the cache ({} left)",
                clouds_phrase(&self.clouds),
                cache::token::left(token.expires_at)
            );
        }
        Some(token)
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
        let cached = self
            .cache
            .as_ref()
            .and_then(|c| c.discovered(catalog::Service::Identity, base));
        let v3 = match cached {
            Some(found) => found.base,
            None => {
                let found =
                    discovery::keystone_v3(&self.http, &self.tls, base, self.timeout).await?;
                if let Some(cache) = &self.cache {
                    cache.store_discovered(catalog::Service::Identity, base, &found);
                }
                found.base
            }
        };
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
        let Some(ask) = self.ask else {
            return Err(missing());
        };
        let _guard = self.prompt.lock().await;
        let prompt = format!(
            "passcode for {} ({})",
            clouds_phrase(&self.clouds),
            self.auth_url
        );
        let code = tokio::task::spawn_blocking(move || ask(prompt))
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
