//! YAML read into the JSON values the loader works on, the way PyYAML's
//! `safe_load` builds Python values.
//!
//! A hand-written visitor rather than `serde_yaml::Value` for two reasons:
//! an integer beyond 64 bits (PyYAML makes any integer a Python `int`) must
//! not fail the file, and the value is built in one pass, without a second
//! tree to convert.

use super::python::{Dict, py_float_repr, py_repr, py_str};
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

/// Marks a custom error whose message is about the document's shape (tags,
/// merge keys) rather than its syntax, so the caller can hint at the shape.
pub(crate) const SHAPE_MARK: &str = "\u{1}shape: ";

/// Reads one YAML document.
pub(crate) fn from_str(text: &str) -> Result<Value, serde_yaml::Error> {
    #[cfg(test)]
    READS.with(|n| n.set(n.get() + 1));
    Node.deserialize(serde_yaml::Deserializer::from_str(text))
}

#[cfg(test)]
thread_local! {
    /// How many documents this thread has read: tests count them to see
    /// that loading stays linear.
    pub(crate) static READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A YAML node of any kind.
#[derive(Clone, Copy)]
struct Node;

impl<'de> DeserializeSeed<'de> for Node {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        de.deserialize_any(self)
    }
}

fn shape<E: de::Error>(msg: impl fmt::Display) -> E {
    E::custom(format!("{SHAPE_MARK}{msg}"))
}

impl<'de> Visitor<'de> for Node {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Value, E> {
        Ok(Value::from(i))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Value, E> {
        Ok(Value::from(u))
    }

    // Python's int has no size limit. JSON numbers here do, so a wider
    // integer keeps its digits as text: what `str()` of it gives, which is
    // all openstacksdk does with a number it does not range-check.
    fn visit_i128<E: de::Error>(self, i: i128) -> Result<Value, E> {
        Ok(Value::String(i.to_string()))
    }

    fn visit_u128<E: de::Error>(self, u: u128) -> Result<Value, E> {
        Ok(Value::String(u.to_string()))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Value, E> {
        // JSON has no inf/nan; every consumer stringifies floats anyway
        // (normalize_keys), so keep Python's spelling.
        Ok(serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(py_float_repr(f))))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        de.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(v) = seq.next_element_seed(self)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    /// PyYAML's mapping: `<<` merge keys flattened (merged keys first, the
    /// mapping's own keys override them; of several merged mappings the
    /// earlier wins), scalar keys made strings as `str()` would, and a key
    /// that appears again keeps its first position but takes the later
    /// value. A key written twice is an error, as serde_yaml has it.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut merged: Vec<(String, Value)> = Vec::new();
        let mut own = Dict::with_capacity(map.size_hint().unwrap_or(0));
        // serde_yaml tells `1` from `'1'`, though both become the key "1":
        // keys that were not strings are tracked apart, once there is one.
        let mut classes: Option<HashSet<(u8, String)>> = None;
        let mut merge_seen = false;
        while let Some((class, text)) = map.next_key_seed(Key {
            own: &own,
            classes: &mut classes,
            merge_seen: &mut merge_seen,
        })? {
            let value = map.next_value_seed(self)?;
            if class == 0 && text == "<<" {
                match value {
                    Value::Object(sub) => merged.extend(sub),
                    Value::Array(items) => {
                        let mut subs = Vec::with_capacity(items.len());
                        for item in items {
                            match item {
                                Value::Object(sub) => subs.push(sub),
                                _ => {
                                    return Err(shape("a `<<` merge list may only hold mappings"));
                                }
                            }
                        }
                        // PyYAML reverses the list so that earlier mappings win.
                        for sub in subs.into_iter().rev() {
                            merged.extend(sub);
                        }
                    }
                    _ => return Err(shape("a `<<` merge takes a mapping or a list of mappings")),
                }
                continue;
            }
            own.insert(text, value);
        }
        if merged.is_empty() {
            return Ok(Value::Object(own));
        }
        let mut out = Dict::with_capacity(merged.len() + own.len());
        for (k, v) in merged.into_iter().chain(own) {
            out.insert(k, v);
        }
        Ok(Value::Object(out))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (tag, _) = data.variant::<String>()?;
        // serde_yaml hands the tag over without its leading `!`.
        Err(shape(format!("unsupported yaml tag !{tag}")))
    }
}

/// A mapping key of the mapping that has read `own`: its class and text.
/// It is checked inside its own visit, so that serde_yaml places an error
/// (a key that is not a scalar, or one written twice) at the key rather
/// than at the start of its mapping.
struct Key<'a> {
    own: &'a Dict,
    classes: &'a mut Option<HashSet<(u8, String)>>,
    merge_seen: &'a mut bool,
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = (u8, String);

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(u8, String), D::Error> {
        de.deserialize_any(self)
    }
}

impl Key<'_> {
    fn accept<E: de::Error>(self, key: Value) -> Result<(u8, String), E> {
        let (class, text) = match key {
            Value::String(s) => (0, s),
            Value::Null => (1, py_str(&key)),
            Value::Bool(_) => (2, py_str(&key)),
            Value::Number(ref n) if n.is_f64() => (3, py_str(&key)),
            Value::Number(_) => (4, py_str(&key)),
            other => {
                return Err(shape(format!(
                    "mapping key {} is not a scalar",
                    py_repr(&other)
                )));
            }
        };
        let repeated = if class == 0 && text == "<<" {
            std::mem::replace(self.merge_seen, true)
        } else if class == 0 && self.classes.is_none() {
            self.own.contains_key(&text)
        } else {
            let own = self.own;
            let seen = self
                .classes
                .get_or_insert_with(|| own.keys().map(|k| (0, k.clone())).collect());
            !seen.insert((class, text.clone()))
        };
        if repeated {
            return Err(de::Error::custom(format_args!(
                "duplicate entry with key {text:?}"
            )));
        }
        Ok((class, text))
    }
}

/// Each kind of node is read as [`Node`] reads it, then accepted as a key.
impl<'de> Visitor<'de> for Key<'_> {
    type Value = (u8, String);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        self.accept(Node.visit_bool(b)?)
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Self::Value, E> {
        self.accept(Node.visit_i64(i)?)
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Self::Value, E> {
        self.accept(Node.visit_u64(u)?)
    }

    fn visit_i128<E: de::Error>(self, i: i128) -> Result<Self::Value, E> {
        self.accept(Node.visit_i128(i)?)
    }

    fn visit_u128<E: de::Error>(self, u: u128) -> Result<Self::Value, E> {
        self.accept(Node.visit_u128(u)?)
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Self::Value, E> {
        self.accept(Node.visit_f64(f)?)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        self.accept(Value::String(s.to_string()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
        self.accept(Value::String(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.accept(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.accept(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.accept(Node.visit_seq(seq)?)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.accept(Node.visit_map(map)?)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.accept(Node.visit_enum(data)?)
    }
}

/// A document whose `clouds:` block was cut out, cloud by cloud.
pub(crate) struct Split {
    /// The document without the block's lines: `clouds:` is left with no
    /// value (null).
    pub(crate) rest: String,
    /// Each cloud's lines, in order: the line with its name and the more
    /// indented lines below it.
    pub(crate) clouds: Vec<Range<usize>>,
}

/// Cuts a block-style `clouds:` mapping into one piece of text per cloud,
/// when the document's layout makes that safe to do by lines.
///
/// Why: serde_yaml holds every event of a document in memory while it is
/// read (about 120 bytes an event), and one tree of JSON maps per cloud
/// costs two kilobytes more; a 10 MB file of 75,000 clouds needed over half
/// a gigabyte. Each piece is read on its own, one at a time, and again
/// whenever its cloud is resolved.
///
/// The cut is by indentation only, so it is checked rather than trusted:
/// the caller reads each piece and the rest, and falls back to reading the
/// whole document unless each piece is a mapping of exactly one key, the
/// rest has `clouds` with no value and no name repeats. A cut through a
/// quoted scalar or a flow collection leaves a piece that does not parse,
/// an alias to an anchor in another piece does not resolve, and lines that
/// are not keys at the clouds' indentation are never cut at; `None` for
/// layouts this does not handle (tabs, a sequence, flow style).
pub(crate) fn split_clouds(text: &str) -> Option<Split> {
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').map(|line| {
        let start = offset;
        offset += line.len();
        (start, line)
    });
    // `clouds:` at the left margin, nothing after it but a comment. Only
    // spaces count as blank here and below: YAML has its own idea of tabs
    // and of other white space, which is left to the whole-document reader.
    let block_start = loop {
        let (start, line) = lines.next()?;
        if let Some(after) = line.strip_prefix("clouds:") {
            let after = after.trim_end_matches(['\n', '\r']);
            let comment = after.trim_start_matches(' ');
            if comment.is_empty() || (after.starts_with(' ') && comment.starts_with('#')) {
                break start + line.len();
            }
            return None;
        }
    };
    let mut indent = None;
    let mut clouds: Vec<Range<usize>> = Vec::new();
    let mut block_end = text.len();
    for (start, line) in lines {
        let body = line.trim_start_matches(' ');
        if body.starts_with('\t') {
            return None;
        }
        let content = body.trim_end_matches(['\n', '\r']);
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let depth = line.len() - body.len();
        if depth == 0 {
            block_end = start;
            break;
        }
        let n = *indent.get_or_insert(depth);
        if depth < n {
            return None;
        }
        if depth == n {
            // Sequences, flow collections, explicit keys, anchors, aliases
            // and tags at the clouds' level: read the whole document.
            if body.starts_with([
                '-', '?', ':', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`',
            ]) {
                return None;
            }
            if let Some(last) = clouds.last_mut() {
                last.end = start;
            }
            clouds.push(start..text.len());
        } else if clouds.is_empty() {
            return None;
        }
    }
    if let Some(last) = clouds.last_mut() {
        last.end = block_end;
    }
    let mut rest = String::with_capacity(block_start + text.len() - block_end);
    rest.push_str(&text[..block_start]);
    rest.push_str(&text[block_end..]);
    Some(Split { rest, clouds })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn issue_7_integers_beyond_64_bits_keep_their_digits() {
        let v = from_str("a: 99999999999999999999999\nb: -99999999999999999999999\nc: 1e400\n")
            .unwrap();
        assert_eq!(
            v,
            json!({"a": "99999999999999999999999", "b": "-99999999999999999999999", "c": "1e400"})
        );
    }

    #[test]
    fn scalars_and_keys_as_python_has_them() {
        let v = from_str("1: a\ntrue: .nan\n~: .inf\n1.5: -.inf\n").unwrap();
        assert_eq!(
            v,
            json!({"1": "a", "True": "nan", "None": "inf", "1.5": "-inf"})
        );
    }

    #[test]
    fn duplicates_tags_and_complex_keys_are_errors() {
        let err = from_str("a: 1\na: 2\n").unwrap_err().to_string();
        assert!(err.starts_with("duplicate entry with key \"a\""), "{err}");
        // At the repeated key, not at the start of its mapping.
        let err = from_str("x: 1\ng:\n  lab:\n    - a\n  other: []\n  lab: []\n").unwrap_err();
        let at = err.location().map(|l| (l.line(), l.column()));
        assert_eq!(at, Some((6, 3)), "{err}");
        assert!(err.to_string().starts_with("g: duplicate entry"), "{err}");
        // Different YAML values with the same text are different keys.
        assert_eq!(from_str("1: a\n'1': b\n").unwrap(), json!({"1": "b"}));
        let err = from_str("a: !foo x\n").unwrap_err().to_string();
        assert!(err.contains("unsupported yaml tag !foo"), "{err}");
        let err = from_str("? [1]\n: 2\n").unwrap_err().to_string();
        assert!(err.contains("mapping key [1] is not a scalar"), "{err}");
    }

    #[test]
    fn clouds_are_cut_by_indentation() {
        let text =
            "a: 1\nclouds:  # mine\n  one:\n    auth: {x: 1}\n\n# note\n  two: {}\nafter: 2\n";
        let split = split_clouds(text).unwrap();
        assert_eq!(split.rest, "a: 1\nclouds:  # mine\nafter: 2\n");
        let pieces: Vec<&str> = split.clouds.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            pieces,
            ["  one:\n    auth: {x: 1}\n\n# note\n", "  two: {}\n"]
        );
        // Layouts left to the whole-document reader.
        for text in [
            "clouds: {a: {}}\n",
            "clouds:\n  - a\n",
            "clouds:\n    a: {}\n  b: {}\n",
            "clouds:\n  *x : {}\n",
            "clouds:\n\ta: {}\n",
            "clouds:\n\t\n",
            "clouds:#x\n  a: {}\n",
        ] {
            assert!(split_clouds(text).is_none(), "{text:?}");
        }
        let split = split_clouds("x: 1\n").map(|s| s.clouds.len());
        assert_eq!(split, None);
    }
}
