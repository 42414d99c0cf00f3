//! Site patterns: `cloud/region` globs (`prod/*`, `*/RegionOne`, `all`)
//! and the shell-style `*` and `?` they are made of.

/// `all`, `cloud/region` globs, or a bare cloud glob meaning all its regions.
pub(crate) fn pattern_matches(pattern: &str, cloud: &str, region: &str) -> bool {
    if pattern == "all" {
        return true;
    }
    let (c, r) = pattern.split_once('/').unwrap_or((pattern, "*"));
    glob(c, cloud) && glob(r, region)
}

/// Whether a pattern names any region of `cloud`.
pub(crate) fn cloud_pattern_matches(pattern: &str, cloud: &str) -> bool {
    pattern == "all" || glob(pattern.split_once('/').map_or(pattern, |(c, _)| c), cloud)
}

/// `*` any run, `?` one character; everything else literal.
pub(crate) fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob("prod*", "prod-eu"));
        assert!(glob("*", ""));
        assert!(glob("Region?ne", "RegionOne"));
        assert!(!glob("prod", "prod-eu"));
        assert!(glob("*One", "RegionOne"));
        assert!(!glob("*Two", "RegionOne"));
    }

    #[test]
    fn patterns() {
        assert!(pattern_matches("all", "a", "b"));
        assert!(pattern_matches("prod/*", "prod", "RegionOne"));
        assert!(pattern_matches("*/RegionOne", "dev", "RegionOne"));
        assert!(!pattern_matches("*/RegionOne", "dev", "RegionTwo"));
        assert!(pattern_matches("dev", "dev", "RegionTwo"));
        assert!(!pattern_matches("dev", "prod", "RegionTwo"));
    }
}
