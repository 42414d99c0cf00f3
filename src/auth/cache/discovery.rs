//! Cached version discovery: the versioned base URL and maximum
//! microversion found for a service's catalog URL, kept a day. Version
//! documents are public and the same for every user, so entries are per
//! URL, not per identity.

use super::{Cache, digest_name, now};
use crate::auth::catalog::Service;
use crate::auth::discovery::Discovered;
use serde::{Deserialize, Serialize};

pub(super) const KIND: &str = "discovery";

/// How long a version document is trusted.
pub(crate) const TTL_SECS: i64 = 24 * 3600;

#[derive(Serialize, Deserialize)]
struct Entry {
    service: String,
    url: String,
    found: Discovered,
}

fn name(service: Service, url: &str) -> String {
    digest_name(&(service.name(), url.trim_end_matches('/')))
}

impl Cache {
    /// What discovery found for `url` in the last day.
    pub(crate) fn discovered(&self, service: Service, url: &str) -> Option<Discovered> {
        let (entry, written_at) = self.read::<Entry>(KIND, &name(service, url))?;
        let same = entry.service == service.name() && entry.url == url.trim_end_matches('/');
        (same && now() - written_at < TTL_SECS).then_some(entry.found)
    }

    pub(crate) fn store_discovered(&self, service: Service, url: &str, found: &Discovered) {
        let entry = Entry {
            service: service.name().to_string(),
            url: url.trim_end_matches('/').to_string(),
            found: found.clone(),
        };
        self.prune(KIND, std::time::Duration::from_secs(TTL_SECS as u64));
        let _ = self.write(KIND, &name(service, url), &entry);
    }

    /// Forgets what was found for `url`: a call there was refused for the
    /// version or microversion the entry implied.
    pub(crate) fn drop_discovered(&self, service: Service, url: &str) {
        self.remove(KIND, &name(service, url));
    }

    /// Removes every discovery entry; returns how many there were.
    pub(crate) fn clear_discovered(&self) -> usize {
        self.clear(KIND)
    }
}
