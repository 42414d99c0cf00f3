//! Error helpers: `hint:` lines carried inside an error, the exit codes,
//! and URLs made fit to show (their credentials masked).

use std::borrow::Cow;
use std::fmt;

/// How the process ends: 0 success, 1 findings, 2 error, 130 interrupted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    Success,
    Findings,
    Error,
    Interrupted,
}

impl ExitStatus {
    pub fn code(self) -> i32 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
            ExitStatus::Interrupted => 130,
        }
    }
}

/// An error (or a layer around one) that carries `hint:` lines for the user.
#[derive(Debug)]
pub(crate) struct Hinted {
    message: Option<String>,
    hints: Vec<String>,
    source: Option<anyhow::Error>,
}

impl fmt::Display for Hinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.message, &self.source) {
            (Some(m), _) => f.write_str(m),
            // A bare hint layer shows its source's message, so `{}` of the
            // whole error still reads well when printed without the chain.
            (None, Some(s)) => write!(f, "{s}"),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for Hinted {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match (&self.message, &self.source) {
            (Some(_), Some(s)) => Some(s.as_ref()),
            // Without a message of its own the layer stands for its source:
            // skip the source's top so the chain does not repeat it.
            (None, Some(s)) => s.source(),
            _ => None,
        }
    }
}

/// A new error with a message and one hint line.
pub(crate) fn hinted(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Hinted {
        message: Some(message.into()),
        hints: vec![hint.into()],
        source: None,
    })
}

/// Adds a hint line to an existing error without changing its message.
pub(crate) trait HintExt<T> {
    fn hint(self, hint: impl Into<String>) -> anyhow::Result<T>;
    fn with_hint<S: Into<String>>(self, hint: impl FnOnce() -> S) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> HintExt<T> for Result<T, E> {
    fn hint(self, hint: impl Into<String>) -> anyhow::Result<T> {
        self.map_err(|e| add_hint(e.into(), hint.into()))
    }
    fn with_hint<S: Into<String>>(self, hint: impl FnOnce() -> S) -> anyhow::Result<T> {
        self.map_err(|e| add_hint(e.into(), hint().into()))
    }
}

pub(crate) fn add_hint(err: anyhow::Error, hint: String) -> anyhow::Error {
    anyhow::Error::new(Hinted {
        message: None,
        hints: vec![hint],
        source: Some(err),
    })
}

/// Advice a lower layer attaches to an error of its own type without
/// changing its message or hiding it from downcasts:
/// `anyhow::Error::new(e).context(Advice("…"))`. It reads as nothing in
/// the message and as a `hint:` line.
#[derive(Debug)]
pub(crate) struct Advice(pub &'static str);

impl fmt::Display for Advice {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

/// The marker of type `M` (a silent context layer such as
/// [`crate::http::Unanswered`]) attached anywhere in `err`, the outermost
/// first: on a context layer, or below a hint layer that wraps another
/// error.
pub(crate) fn marker<M>(err: &anyhow::Error) -> Option<&M>
where
    M: fmt::Display + fmt::Debug + Send + Sync + 'static,
{
    if let Some(m) = err.downcast_ref::<M>() {
        return Some(m);
    }
    err.chain()
        .filter_map(|c| c.downcast_ref::<Hinted>()?.source.as_ref())
        .find_map(marker::<M>)
}

/// The same error again, for a second reader of one failure (every target
/// of a failed read): its one-line message and its hints. Markers are not
/// copied.
pub(crate) fn copied(err: &anyhow::Error) -> anyhow::Error {
    let (message, hints) = describe(err);
    anyhow::Error::new(Hinted {
        message: Some(message),
        hints,
        source: None,
    })
}

/// The error as one line (its causes joined by `: `) and its hint lines.
pub fn describe(err: &anyhow::Error) -> (String, Vec<String>) {
    let mut parts: Vec<String> = Vec::new();
    let mut hints: Vec<String> = Vec::new();
    let mut hinted_message_pending = false;
    for cause in err.chain() {
        if let Some(h) = cause.downcast_ref::<Hinted>() {
            for line in &h.hints {
                if !hints.contains(line) {
                    hints.push(line.clone());
                }
            }
            match &h.message {
                Some(m) => push_part(&mut parts, m),
                // Message-less layer: its source's top comes next in our
                // own walk only if we take it from the wrapped error.
                None => {
                    if let Some(s) = &h.source {
                        let (msg, more) = describe(s);
                        push_part(&mut parts, &msg);
                        for line in more {
                            if !hints.contains(&line) {
                                hints.push(line);
                            }
                        }
                        hinted_message_pending = true;
                    }
                }
            }
            if hinted_message_pending {
                break;
            }
            continue;
        }
        push_part(&mut parts, &cause.to_string());
    }
    if let Some(Advice(line)) = err.downcast_ref::<Advice>()
        && !hints.iter().any(|h| h == line)
    {
        hints.push(line.to_string());
    }
    (parts.join(": "), hints)
}

fn push_part(parts: &mut Vec<String>, part: &str) {
    let part = part.trim();
    if part.is_empty() {
        return;
    }
    // reqwest and hyper repeat their source's text in their own message.
    if let Some(last) = parts.last()
        && (last.ends_with(part) || last == part)
    {
        return;
    }
    parts.push(part.to_string());
}

/// The candidate closest to `name` by edit distance, when near enough to be
/// a typo (for `did you mean` hints): one slip (a letter wrong, missing,
/// extra, or two swapped), or a third of the name. Two slips in a short
/// word make another word (`nope` is not `name`).
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let (best, distance) = candidates
        .iter()
        .map(|c| (*c, distance(name, c)))
        .min_by_key(|(_, d)| *d)?;
    (distance <= 1 || distance * 3 <= name.chars().count()).then_some(best)
}

/// Edit distance where two neighbouring letters swapped are one edit
/// (optimal string alignment).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // d[i][j]: the distance between a[..i] and b[..j].
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// What stands in for a credential inside a URL.
const URL_MASK: &str = "<masked>";

/// `url` fit for any output: the password in its userinfo masked
/// (`http://admin:<masked>@host/`). A userinfo without a password is masked
/// whole (`https://<masked>@host/`), because a lone user part is often a
/// token; pip shows index URLs the same way. A string that is not a URL
/// loses everything before its last `@`, since no parser can say where its
/// credentials end. Any other string comes back as it is.
pub(crate) fn redact_url(url: &str) -> Cow<'_, str> {
    // The userinfo is what precedes the last `@` of the authority, which
    // ends at the first `/`, `?` or `#` (or `\\`, for http and https).
    let start = url.find("://").map_or(0, |i| i + 3);
    let rest = &url[start..];
    let parsed = url::Url::parse(url).ok().filter(|_| start > 0);
    if let Some(u) = &parsed
        && u.username().is_empty()
        && u.password().is_none()
    {
        return Cow::Borrowed(url);
    }
    let authority = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let at = match (&parsed, rest[..authority].rfind('@')) {
        (Some(_), Some(at)) => at,
        // Unparsable: its `@` may sit past a `/` that was meant to be
        // part of a password.
        _ => match rest[..rest.find(['?', '#']).unwrap_or(rest.len())].rfind('@') {
            Some(at) => {
                return Cow::Owned(format!("{}{URL_MASK}{}", &url[..start], &rest[at..]));
            }
            None => return Cow::Borrowed(url),
        },
    };
    let shown_user = match rest[..at].split_once(':') {
        Some((user, _)) => format!("{user}:{URL_MASK}"),
        None => URL_MASK.to_string(),
    };
    Cow::Owned(format!("{}{shown_user}{}", &url[..start], &rest[at..]))
}

/// The run was cut short by Ctrl-C.
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub(crate) struct Interrupted;

#[cfg(test)]
mod tests {
    #[test]
    fn closest_names_within_reach() {
        assert_eq!(
            closest("mc-a-dem", &["mc-a-demo", "mc-b-demo"]),
            Some("mc-a-demo")
        );
        assert_eq!(closest("corez", &["cores", "ram"]), Some("cores"));
        assert_eq!(closest("zzzzzzzzzzzz", &["a", "b"]), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    use super::*;

    #[test]
    fn a_copy_reads_as_the_original_without_its_silent_layers() {
        let original = add_hint(
            anyhow::anyhow!("connection reset")
                .context(Advice("advice"))
                .context("GET /file"),
            "try again".into(),
        )
        .context("reading the source");
        let copy = copied(&original);
        assert_eq!(describe(&copy), describe(&original));
        assert_eq!(
            describe(&copy).0,
            "reading the source: GET /file: connection reset"
        );
    }

    #[test]
    fn a_guess_is_one_slip_away_or_a_third_of_the_name() {
        let columns = ["name", "region", "status"];
        assert_eq!(closest("Regoin", &columns), Some("region"));
        assert_eq!(closest("nme", &columns), Some("name"));
        assert_eq!(closest("dmeo", &["demo", "admin"]), Some("demo"));
        // Two slips in four letters are another word, not a typo.
        assert_eq!(closest("nope", &columns), None);
        assert_eq!(closest("regoinz", &columns), Some("region"));
    }
    use anyhow::Context;

    #[test]
    fn hints_travel_through_context_layers() {
        let base: anyhow::Result<()> = Err(hinted("bad password", "check clouds.yaml"));
        let err = base.context("authenticating to a/RegionOne").unwrap_err();
        let (msg, hints) = describe(&err);
        assert_eq!(msg, "authenticating to a/RegionOne: bad password");
        assert_eq!(hints, vec!["check clouds.yaml".to_string()]);
    }

    #[test]
    fn urls_lose_their_credentials() {
        for (url, shown) in [
            (
                "http://admin:secret@host:5000/v3",
                "http://admin:<masked>@host:5000/v3",
            ),
            ("https://tok3n@host/v3", "https://<masked>@host/v3"),
            ("http://admin:p@ss@host/", "http://admin:<masked>@host/"),
            (
                "http://u:pw@[::1]:5000/v3?x=a@b#c@d",
                "http://u:<masked>@[::1]:5000/v3?x=a@b#c@d",
            ),
            (
                "http://admin:pa/ss@host:5000/v3",
                "http://<masked>@host:5000/v3",
            ),
            ("admin:secret@host:5000/v3", "<masked>@host:5000/v3"),
            ("http://admin:@host/", "http://admin:<masked>@host/"),
        ] {
            assert_eq!(redact_url(url), shown, "{url}");
            assert!(!redact_url(url).contains("secret"));
        }
        for plain in [
            "http://host:5000/v3",
            "http://host/v3/users/a@b",
            "http://host/v3?name=a@b",
            "",
            "not a url",
        ] {
            assert!(matches!(redact_url(plain), Cow::Borrowed(u) if u == plain));
        }
    }

    #[test]
    fn added_hint_keeps_the_message() {
        let base: anyhow::Result<()> = Err(anyhow::anyhow!("connection refused"));
        let err = base
            .context("GET http://x")
            .hint("is the service running?")
            .context("site a/b")
            .unwrap_err();
        let (msg, hints) = describe(&err);
        assert_eq!(msg, "site a/b: GET http://x: connection refused");
        assert_eq!(hints, vec!["is the service running?".to_string()]);
    }
}
