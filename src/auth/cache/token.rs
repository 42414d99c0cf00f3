//! Cached tokens: one file per identity, named by a hash of what decides
//! which token Keystone issues (URL, auth type, user or application
//! credential, scope). The file keeps the token, its expiry, catalog and
//! roles, and a salted hash of the secrets it was issued for, never the
//! secrets: a changed password, secret or token in clouds.yaml makes the
//! cached token unusable.

use super::{Cache, digest_name, hex, now, unique};
use crate::auth::catalog::Catalog;
use crate::auth::keystone::Token;
use crate::config::{AuthConfig, RegionConfig, Secret};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub(super) const KIND: &str = "tokens";

/// A cached token is used until this close to its expiry.
pub(crate) const REUSE_MARGIN_SECS: i64 = 300;

/// Entries untouched for this long belong to identities no longer in use.
const PRUNE_AFTER: std::time::Duration = std::time::Duration::from_secs(7 * 24 * 3600);

/// What identifies a token: everything but the secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    auth_url: String,
    auth_type: String,
    user_id: Option<String>,
    username: Option<String>,
    user_domain_id: Option<String>,
    user_domain_name: Option<String>,
    application_credential_id: Option<String>,
    application_credential_name: Option<String>,
    project_id: Option<String>,
    project_name: Option<String>,
    project_domain_id: Option<String>,
    project_domain_name: Option<String>,
    domain_id: Option<String>,
    domain_name: Option<String>,
    system_scope: Option<String>,
    trust_id: Option<String>,
}

impl Identity {
    pub fn of(cfg: &RegionConfig, auth_url: &str) -> Identity {
        let a: &AuthConfig = &cfg.auth;
        Identity {
            auth_url: auth_url.trim_end_matches('/').to_string(),
            auth_type: cfg.auth_type.clone(),
            user_id: a.user_id.clone(),
            username: a.username.clone(),
            user_domain_id: a.user_domain_id.clone(),
            user_domain_name: a.user_domain_name.clone(),
            application_credential_id: a.application_credential_id.clone(),
            application_credential_name: a.application_credential_name.clone(),
            project_id: a.project_id.clone(),
            project_name: a.project_name.clone(),
            project_domain_id: a.project_domain_id.clone(),
            project_domain_name: a.project_domain_name.clone(),
            domain_id: a.domain_id.clone(),
            domain_name: a.domain_name.clone(),
            system_scope: a.system_scope.clone(),
            trust_id: a.trust_id.clone(),
        }
    }

    fn file_name(&self) -> String {
        digest_name(self)
    }
}

/// The secrets a token was issued for. A one-time passcode is not one of
/// them: a token from a TOTP login stays usable for its life.
pub struct Secrets<'a>(Vec<(&'static str, &'a str)>);

impl<'a> Secrets<'a> {
    pub fn of(auth: &'a AuthConfig) -> Secrets<'a> {
        let named = [
            ("password", auth.password.as_ref().map(Secret::expose)),
            (
                "application_credential_secret",
                auth.application_credential_secret
                    .as_ref()
                    .map(Secret::expose),
            ),
            ("token", auth.token.as_ref().map(Secret::expose)),
            // Credentials written into the URL are secrets too; the
            // identity has the URL with them masked.
            (
                "auth_url",
                auth.auth_url
                    .as_deref()
                    .filter(|u| crate::error::redact_url(u) != *u),
            ),
        ];
        Secrets(
            named
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v)))
                .collect(),
        )
    }

    fn hash(&self, salt: &str) -> String {
        let mut h = Sha256::new();
        h.update(salt.as_bytes());
        for (name, secret) in &self.0 {
            h.update([0]);
            h.update(name.as_bytes());
            h.update([0]);
            h.update(secret.as_bytes());
        }
        hex(&h.finalize())
    }
}

/// One cached token as stored.
#[derive(Serialize, Deserialize)]
struct Entry {
    identity: Identity,
    salt: String,
    secret_hash: String,
    token: String,
    expires_at: i64,
    catalog: Catalog,
    project_id: Option<String>,
    project_name: Option<String>,
    domain_id: Option<String>,
    domain_name: Option<String>,
    user_id: Option<String>,
    user_name: Option<String>,
    roles: Vec<String>,
    system: bool,
}

impl Entry {
    fn token(self) -> Token {
        Token {
            id: Secret::new(self.token),
            expires_at: Some(self.expires_at),
            catalog: self.catalog,
            project_id: self.project_id,
            project_name: self.project_name,
            domain_id: self.domain_id,
            domain_name: self.domain_name,
            user_id: self.user_id,
            user_name: self.user_name,
            roles: self.roles,
            system: self.system,
            cached: true,
        }
    }
}

/// The time left until `expires_at` as `1h02m`, `14m` or `expired`.
pub(crate) fn left(expires_at: Option<i64>) -> String {
    let Some(at) = expires_at else {
        return "no expiry".to_string();
    };
    let secs = at - now();
    if secs <= 0 {
        return "expired".to_string();
    }
    let (h, m) = (secs / 3600, secs % 3600 / 60);
    match (h, m) {
        (0, 0) => format!("{secs}s"),
        (0, m) => format!("{m}m"),
        (h, m) => format!("{h}h{m:02}m"),
    }
}

/// What a cached entry is worth to a run with these credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    /// Usable until [`REUSE_MARGIN_SECS`] before its expiry.
    Valid,
    /// Expired, or too close to it to be used.
    Expired,
    /// Issued for other secrets than clouds.yaml now holds.
    CredentialsChanged,
}

impl State {
    pub(crate) fn name(self) -> &'static str {
        match self {
            State::Valid => "valid",
            State::Expired => "expired",
            State::CredentialsChanged => "credentials changed",
        }
    }
}

/// A cached entry as `auth status` shows it: never the token.
pub(crate) struct Status {
    pub(crate) state: State,
    pub(crate) token: Token,
}

impl Cache {
    /// The cached token of `identity`, if it was issued for `secrets` and
    /// is not about to expire.
    pub(crate) fn token(&self, identity: &Identity, secrets: &Secrets) -> Option<Token> {
        let status = self.token_status(identity, secrets)?;
        (status.state == State::Valid).then_some(status.token)
    }

    /// The cached entry of `identity` and what it is worth, if there is one.
    pub(crate) fn token_status(&self, identity: &Identity, secrets: &Secrets) -> Option<Status> {
        let (entry, _) = self.read::<Entry>(KIND, &identity.file_name())?;
        // A hash collision of two identities would hand out another's token.
        if entry.identity != *identity {
            return None;
        }
        let state = if secrets.hash(&entry.salt) != entry.secret_hash {
            State::CredentialsChanged
        } else if entry.expires_at - now() < REUSE_MARGIN_SECS {
            State::Expired
        } else {
            State::Valid
        };
        Some(Status {
            state,
            token: entry.token(),
        })
    }

    /// Keeps a token that Keystone just issued. A token without an expiry
    /// is not kept: nothing would say when to stop using it.
    pub fn store_token(&self, identity: &Identity, secrets: &Secrets, token: &Token) {
        let Some(expires_at) = token.expires_at else {
            return;
        };
        let salt = unique();
        let entry = Entry {
            identity: identity.clone(),
            secret_hash: secrets.hash(&salt),
            salt,
            token: token.id.expose().to_string(),
            expires_at,
            catalog: token.catalog.clone(),
            project_id: token.project_id.clone(),
            project_name: token.project_name.clone(),
            domain_id: token.domain_id.clone(),
            domain_name: token.domain_name.clone(),
            user_id: token.user_id.clone(),
            user_name: token.user_name.clone(),
            roles: token.roles.clone(),
            system: token.system,
        };
        self.prune(KIND, PRUNE_AFTER);
        let _ = self.write(KIND, &identity.file_name(), &entry);
    }

    /// Drops the cached token of `identity` if it is still `stale` (a
    /// concurrent run may have replaced it with a good one).
    pub(crate) fn drop_token(&self, identity: &Identity, stale: &Secret) {
        let name = identity.file_name();
        if let Some((entry, _)) = self.read::<Entry>(KIND, &name)
            && entry.token != stale.expose()
        {
            return;
        }
        self.remove(KIND, &name);
    }

    /// Removes the cached token of `identity`; true when there was one.
    pub(crate) fn remove_token(&self, identity: &Identity) -> bool {
        self.remove(KIND, &identity.file_name())
    }

    /// Removes every cached token; returns how many there were.
    pub(crate) fn clear_tokens(&self) -> usize {
        self.clear(KIND)
    }
}

impl Cache {
    /// The regions the catalog cached for `identity` names, whatever its
    /// token is worth now; no secret is needed to read them.
    pub(crate) fn cached_regions(&self, identity: &Identity) -> std::collections::BTreeSet<String> {
        match self.read::<Entry>(KIND, &identity.file_name()) {
            Some((entry, _)) if entry.identity == *identity => entry.catalog.regions(),
            _ => Default::default(),
        }
    }
}
