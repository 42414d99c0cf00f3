//! `Secret`: a password, token or credential secret that cannot be printed by
//! accident.

use serde::{Deserialize, Deserializer};
use std::fmt;

/// What every printed secret looks like.
pub(crate) const MASK: &str = "<masked>";

/// Keys whose values are credentials (compared after `-` → `_`): masked in
/// `config show` and in traces, and a file holding one must not be readable
/// by others.
pub(crate) const SECRET_KEYS: &[&str] = &[
    "password",
    "token",
    "auth_token",
    "application_credential_secret",
    "passcode",
];

/// A secret string. `Debug` and `Display` print `<masked>`; the value is only
/// reachable through [`Secret::expose`], so a leak has to be spelled out.
///
/// There is deliberately no `Serialize`: rows and traces that need to show a
/// secret (`config show --unmask`) call `expose` by name.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Secret(String);

impl Secret {
    pub(crate) fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret in clear text.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_string())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_mask_the_value() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), "<masked>");
        assert_eq!(format!("{s}"), "<masked>");
        assert_eq!(format!("{:?}", Some(s.clone())), "Some(<masked>)");
        assert_eq!(s.expose(), "hunter2");
    }

    #[test]
    fn deserializes_from_a_string() {
        let s: Secret = serde_json::from_str("\"pw\"").unwrap();
        assert_eq!(s.expose(), "pw");
    }
}
