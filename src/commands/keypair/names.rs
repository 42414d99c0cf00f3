//! Which keypair names a Nova takes, by the microversion it imports at: a
//! name a target cannot take is a conflict in the plan, with the reason,
//! rather than a 400 at apply time.
//!
//! Nova's schema (`nova/api/validation/parameter_types.py`,
//! `keypair_name_special_chars` and its `_v292` variant): 1 to 255
//! characters, none of them whitespace at either end, each one of
//! `[_\- a-zA-Z0-9]`, and from 2.92 also `@` and `.`.

/// The first microversion whose keypair names may hold `@` and `.`.
const SPECIAL: (u32, u32) = (2, 92);

/// Nova's `maxLength` for a keypair name, in characters.
const MAX_CHARS: usize = 255;

/// Why a Nova importing at microversion `mv` refuses `name`, or `None`
/// when it takes it. A name that no microversion takes says so, so the
/// reason is the same at every target.
pub(crate) fn refusal(name: &str, mv: (u32, u32)) -> Option<String> {
    let chars = name.chars().count();
    if chars == 0 {
        return Some("no nova accepts an empty keypair name".to_string());
    }
    if chars > MAX_CHARS {
        return Some(format!(
            "no nova accepts a keypair name longer than {MAX_CHARS} characters (this one has {chars})"
        ));
    }
    if let Some(c) = name.chars().find(|c| !allowed(*c, SPECIAL)) {
        return Some(format!("no nova accepts {} in a keypair name", shown(c)));
    }
    if name.starts_with(' ') || name.ends_with(' ') {
        return Some("no nova accepts a keypair name that starts or ends with a space".to_string());
    }
    let c = name.chars().find(|c| !allowed(*c, mv))?;
    Some(format!(
        "nova at this site (microversion {}.{}) does not accept {} in a keypair name; it needs {}.{}",
        mv.0,
        mv.1,
        shown(c),
        SPECIAL.0,
        SPECIAL.1
    ))
}

/// Whether a name may hold `c` at microversion `mv`.
fn allowed(c: char, mv: (u32, u32)) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '-' | ' ')
        || (mv >= SPECIAL && matches!(c, '@' | '.'))
}

/// A character as the reason shows it: quoted, and escaped when it would
/// not print (a tab, a newline).
fn shown(c: char) -> String {
    format!("'{}'", c.escape_debug())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: (u32, u32) = (2, 87);
    const NEW: (u32, u32) = (2, 92);

    #[test]
    fn before_2_92_only_letters_digits_space_dash_and_underscore() {
        for name in ["deploy", "ops key_2-b", "A", &"k".repeat(255)] {
            assert_eq!(refusal(name, OLD), None, "{name}");
            assert_eq!(refusal(name, NEW), None, "{name}");
        }
        assert_eq!(
            refusal("ops@host.example", OLD).as_deref(),
            Some(
                "nova at this site (microversion 2.87) does not accept '@' in a keypair name; it needs 2.92"
            )
        );
        assert_eq!(
            refusal("host.example", (2, 1)).as_deref(),
            Some(
                "nova at this site (microversion 2.1) does not accept '.' in a keypair name; it needs 2.92"
            )
        );
    }

    #[test]
    fn from_2_92_at_and_dot_too() {
        assert_eq!(refusal("ops@host.example", NEW), None);
        assert_eq!(refusal("ops@host.example", (2, 104)), None);
    }

    #[test]
    fn what_no_nova_takes_says_so_at_every_microversion() {
        for mv in [OLD, NEW] {
            assert_eq!(
                refusal("team/deploy", mv).as_deref(),
                Some("no nova accepts '/' in a keypair name")
            );
            assert_eq!(
                refusal(&"k".repeat(256), mv).as_deref(),
                Some(
                    "no nova accepts a keypair name longer than 255 characters (this one has 256)"
                )
            );
            assert_eq!(
                refusal("", mv).as_deref(),
                Some("no nova accepts an empty keypair name")
            );
            assert_eq!(
                refusal(" deploy", mv).as_deref(),
                Some("no nova accepts a keypair name that starts or ends with a space")
            );
            assert_eq!(
                refusal("tab\there", mv).as_deref(),
                Some("no nova accepts '\\t' in a keypair name")
            );
            assert_eq!(
                refusal("clé", mv).as_deref(),
                Some("no nova accepts 'é' in a keypair name")
            );
        }
    }
}
