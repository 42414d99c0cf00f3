//! The request log and the counters tests assert on.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::state::lock;

/// One request as a listener received it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    /// Order of arrival, across all listeners.
    pub seq: u64,
    /// The listener: `keystone:<cloud>` (`keystone:<cloud>/<region>` for
    /// per-region Keystones) or the region name.
    pub target: String,
    pub method: String,
    /// The full path, service prefix included (`/compute/v2.1/servers`), no query.
    pub path: String,
    pub query: Option<String>,
    /// The status sent, or 0 while none was (latency, a hang fault).
    pub status: u16,
    /// Every request header, values unredacted (tokens included), names lower-case.
    pub headers: Vec<(String, String)>,
}

impl Recorded {
    /// The first value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// How many requests went to one (target, method, path).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub target: String,
    pub method: String,
    pub path: String,
    pub count: usize,
}

/// Whether a counting key names a recorded target: exactly, or
/// `keystone:<cloud>` for every per-region Keystone of that cloud.
pub(crate) fn key_matches(key: &str, target: &str) -> bool {
    key == target
        || (key.starts_with("keystone:")
            && target.len() > key.len()
            && target.starts_with(key)
            && target.as_bytes()[key.len()] == b'/')
}

/// The log keeps this many requests, dropping the oldest, so a demo left
/// running for days stays small.
pub(crate) const KEEP: usize = 50_000;

#[derive(Debug, Default)]
pub(crate) struct Journal {
    inner: Mutex<(u64, VecDeque<Recorded>)>,
}

impl Journal {
    /// Logs a request on arrival and returns its sequence number.
    pub fn record(
        &self,
        target: &str,
        method: &str,
        path: &str,
        query: Option<&str>,
        headers: Vec<(String, String)>,
    ) -> u64 {
        let mut inner = lock(&self.inner);
        inner.0 += 1;
        let seq = inner.0;
        if inner.1.len() >= KEEP {
            inner.1.pop_front();
        }
        inner.1.push_back(Recorded {
            seq,
            target: target.to_owned(),
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.map(str::to_owned),
            status: 0,
            headers,
        });
        seq
    }

    /// Sets the status of a logged request (if still logged).
    pub fn finish(&self, seq: u64, status: u16) {
        let mut inner = lock(&self.inner);
        if let Some(r) = inner.1.iter_mut().rev().find(|r| r.seq == seq) {
            r.status = status;
        }
    }

    pub fn all(&self) -> Vec<Recorded> {
        lock(&self.inner).1.iter().cloned().collect()
    }

    pub fn clear(&self) {
        lock(&self.inner).1.clear();
    }

    /// Requests to `key` with `method` (case-insensitive) and exactly `path`.
    pub fn count(&self, key: &str, method: &str, path: &str) -> usize {
        lock(&self.inner)
            .1
            .iter()
            .filter(|r| {
                key_matches(key, &r.target)
                    && r.method.eq_ignore_ascii_case(method)
                    && r.path == path
            })
            .count()
    }

    /// Every (target, method, path) seen, with its count, in first-seen order.
    pub fn counts(&self) -> Vec<Count> {
        let inner = lock(&self.inner);
        let mut out: Vec<Count> = Vec::new();
        for r in &inner.1 {
            match out
                .iter_mut()
                .find(|c| c.target == r.target && c.method == r.method && c.path == r.path)
            {
                Some(c) => c.count += 1,
                None => out.push(Count {
                    target: r.target.clone(),
                    method: r.method.clone(),
                    path: r.path.clone(),
                    count: 1,
                }),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keystone_key_covers_per_region_keystones() {
        assert!(key_matches("keystone:c2", "keystone:c2"));
        assert!(key_matches("keystone:c2", "keystone:c2/r3"));
        assert!(!key_matches("keystone:c2", "keystone:c22"));
        assert!(!key_matches("RegionOne", "RegionOneB"));
    }

    #[test]
    fn counts_and_statuses() {
        let j = Journal::default();
        let a = j.record("RegionOne", "GET", "/compute/v2.1", None, vec![]);
        j.record("RegionOne", "GET", "/compute/v2.1", Some("a=b"), vec![]);
        j.finish(a, 200);
        assert_eq!(j.count("RegionOne", "get", "/compute/v2.1"), 2);
        assert_eq!(j.all()[0].status, 200);
        assert_eq!(j.all()[1].status, 0);
        assert_eq!(j.counts()[0].count, 2);
        j.clear();
        assert_eq!(j.count("RegionOne", "GET", "/compute/v2.1"), 0);
    }
}
