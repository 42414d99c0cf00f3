//! The field names a response struct reads, taken from its `Deserialize`
//! (renames included), so that a `fields=` query asks for exactly what the
//! struct reads: a field added to the struct is asked for with it.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

/// The fields `T` reads, in declaration order; empty for a non-struct.
pub(crate) fn of<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut recorder = Recorder(&[]);
    // The recorder refuses everything: it only listens for the one call a
    // struct makes with its field names.
    let _ = T::deserialize(&mut recorder);
    recorder.0
}

struct Recorder(&'static [&'static str]);

impl<'de> Deserializer<'de> for &mut Recorder {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = fields;
        Err(de::Error::custom("recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Thing {
        id: String,
        #[serde(default, rename = "router:external")]
        external: bool,
    }

    #[test]
    fn a_structs_fields_are_its_wire_names() {
        assert_eq!(of::<Thing>(), ["id", "router:external"]);
        // The names asked for are the names read.
        let t: Thing = serde_json::from_str(r#"{"id": "n1", "router:external": true}"#).unwrap();
        assert_eq!((t.id.as_str(), t.external), ("n1", true));
        assert!(of::<String>().is_empty());
    }
}
