//! Query strings as the Python services read and rebuild them: decoded pairs in order, re-encoded as `urlencode` does.

/// A request's query string: decoded `(key, value)` pairs in the order
/// sent, repeated keys kept (webob's `MultiDict`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Query(Vec<(String, String)>);

impl Query {
    /// Parses `a=1&b=x+y&c=%2F`; a key without `=` has an empty value.
    pub fn parse(raw: Option<&str>) -> Query {
        let pairs = raw
            .unwrap_or_default()
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                (decode(k), decode(v))
            })
            .collect();
        Query(pairs)
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// Python's `d[key] = value` on a dict: replaces the value where the
    /// key is (dropping repeats), or appends it.
    pub fn replace(&mut self, key: &str, value: &str) {
        match self.0.iter().position(|(k, _)| k == key) {
            Some(i) => {
                self.0[i].1 = value.to_owned();
                let mut seen = 0;
                self.0.retain(|(k, _)| {
                    if k != key {
                        return true;
                    }
                    seen += 1;
                    seen == 1
                });
            }
            None => self.0.push((key.to_owned(), value.to_owned())),
        }
    }

    /// webob's `MultiDict.__setitem__`: removes every `key`, then appends it.
    pub fn put_last(&mut self, key: &str, value: &str) {
        self.remove(key);
        self.0.push((key.to_owned(), value.to_owned()));
    }

    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    /// Nova's `OrderedDict(sorted(request.params.items()))`: sorted, the last
    /// value of a repeated key winning.
    pub fn sorted_dict(&self) -> Query {
        let mut pairs = self.0.clone();
        pairs.sort();
        let mut out: Vec<(String, String)> = Vec::new();
        for (k, v) in pairs {
            match out.iter_mut().find(|(o, _)| *o == k) {
                Some(slot) => slot.1 = v,
                None => out.push((k, v)),
            }
        }
        Query(out)
    }

    /// Python's `urllib.parse.urlencode`: `quote_plus` on keys and values.
    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| format!("{}={}", quote_plus(k), quote_plus(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Python's `urllib.parse.quote_plus`: letters, digits and `_.-~` stay,
/// a space becomes `+`, every other byte `%XX`.
pub(crate) fn quote_plus(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(b as char);
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rebuilds_like_python() {
        let mut q = Query::parse(Some("limit=2&name=a+b%2Fc&fields=id&fields=name&flag"));
        assert_eq!(q.get("name"), Some("a b/c"));
        assert_eq!(q.all("fields"), ["id", "name"]);
        assert_eq!(q.get("flag"), Some(""));
        q.replace("limit", "3");
        q.put_last("marker", "x y");
        assert_eq!(
            q.encode(),
            "limit=3&name=a+b%2Fc&fields=id&fields=name&flag=&marker=x+y"
        );
        let sorted = Query::parse(Some("marker=a&limit=1&all_tenants=1")).sorted_dict();
        assert_eq!(sorted.encode(), "all_tenants=1&limit=1&marker=a");
        assert_eq!(Query::parse(Some("bad=%zz&end=%4")).get("bad"), Some("%zz"));
        assert_eq!(Query::parse(Some("end=%4")).get("end"), Some("%4"));
    }
}
