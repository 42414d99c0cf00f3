//! A typed row written straight into one value per column: its fields are
//! serialized one by one into their column's place, with no map per row
//! (and no key copied into each) on the way.

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeMap, SerializeStruct};
use serde_json::Value;

/// The cells of `item` for `columns`, or `None` when it is not a struct or
/// a map of named fields (the caller then takes the slow way).
pub(super) fn cells<T: Serialize>(item: &T, columns: &[String]) -> Option<Vec<Option<Value>>> {
    let mut cells = vec![None; columns.len()];
    item.serialize(Row {
        columns,
        cells: &mut cells,
    })
    .ok()?;
    Some(cells)
}

/// Why an item is not a row.
#[derive(Debug)]
pub(super) struct NotARow(String);

impl std::fmt::Display for NotARow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotARow {}

impl ser::Error for NotARow {
    fn custom<M: std::fmt::Display>(msg: M) -> Self {
        NotARow(msg.to_string())
    }
}

fn not_a_row<T>() -> Result<T, NotARow> {
    Err(NotARow("not a struct or map".to_string()))
}

/// Takes a struct or a map; its fields land in their columns.
struct Row<'a> {
    columns: &'a [String],
    cells: &'a mut Vec<Option<Value>>,
}

impl Row<'_> {
    /// Puts a field's value in its column; a field that is no column is
    /// not shown in any format, so it is not kept.
    fn put<V: Serialize + ?Sized>(&mut self, key: &str, value: &V) -> Result<(), NotARow> {
        if let Some(at) = self.columns.iter().position(|c| c == key) {
            let value = value
                .serialize(serde_json::value::Serializer)
                .map_err(|e| NotARow(e.to_string()))?;
            self.cells[at] = Some(value);
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for Row<'a> {
    type Ok = ();
    type Error = NotARow;
    type SerializeSeq = Impossible<(), NotARow>;
    type SerializeTuple = Impossible<(), NotARow>;
    type SerializeTupleStruct = Impossible<(), NotARow>;
    type SerializeTupleVariant = Impossible<(), NotARow>;
    type SerializeMap = Fields<'a>;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Impossible<(), NotARow>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'a>, NotARow> {
        Ok(Fields {
            row: self,
            key: None,
        })
    }

    // `#[serde(flatten)]` makes a struct serialize as a map.
    fn serialize_map(self, _: Option<usize>) -> Result<Fields<'a>, NotARow> {
        Ok(Fields {
            row: self,
            key: None,
        })
    }

    fn serialize_bool(self, _: bool) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_i8(self, _: i8) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_i16(self, _: i16) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_i32(self, _: i32) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_i64(self, _: i64) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_u8(self, _: u8) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_u16(self, _: u16) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_u32(self, _: u32) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_u64(self, _: u64) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_f32(self, _: f32) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_f64(self, _: f64) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_char(self, _: char) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_str(self, _: &str) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_none(self) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_unit(self) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotARow> {
        not_a_row()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotARow> {
        not_a_row()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotARow> {
        not_a_row()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotARow> {
        not_a_row()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotARow> {
        not_a_row()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotARow> {
        not_a_row()
    }
}

/// A row's fields as they come: a struct's by name, a map's by key.
struct Fields<'a> {
    row: Row<'a>,
    /// A map's key, between `serialize_key` and `serialize_value`.
    key: Option<String>,
}

impl SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = NotARow;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotARow> {
        self.row.put(key, value)
    }

    fn end(self) -> Result<(), NotARow> {
        Ok(())
    }
}

impl SerializeMap for Fields<'_> {
    type Ok = ();
    type Error = NotARow;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), NotARow> {
        match key.serialize(serde_json::value::Serializer) {
            Ok(Value::String(k)) => {
                self.key = Some(k);
                Ok(())
            }
            _ => not_a_row(),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotARow> {
        let key = self
            .key
            .take()
            .ok_or_else(|| NotARow("a value without its key".into()))?;
        self.row.put(&key, value)
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), NotARow> {
        self.serialize_key(key)?;
        self.serialize_value(value)
    }

    fn end(self) -> Result<(), NotARow> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Key {
        cloud: String,
        region: String,
    }

    #[derive(Serialize)]
    struct Flat {
        #[serde(flatten)]
        key: Key,
        limit: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        in_use: Option<i64>,
        specs: BTreeMap<String, String>,
        not_a_column: bool,
    }

    fn columns(names: &[&str]) -> Vec<String> {
        names.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn fields_land_in_their_columns_as_the_slow_way_puts_them() {
        let row = Flat {
            key: Key {
                cloud: "c".into(),
                region: "r".into(),
            },
            limit: -1,
            in_use: None,
            specs: [("a".to_string(), "b".to_string())].into(),
            not_a_column: true,
        };
        let cols = columns(&["cloud", "region", "limit", "in_use", "specs"]);
        let cells = cells(&row, &cols).unwrap();
        assert_eq!(
            cells,
            vec![
                Some(json!("c")),
                Some(json!("r")),
                Some(json!(-1)),
                None,
                Some(json!({"a": "b"})),
            ]
        );
        // The same as the map the slow way makes, column by column.
        let slow = serde_json::to_value(&row).unwrap();
        for (c, cell) in cols.iter().zip(&cells) {
            assert_eq!(slow.get(c), cell.as_ref(), "{c}");
        }
    }

    #[test]
    fn a_value_that_is_no_row_is_refused() {
        assert!(cells(&3, &columns(&["x"])).is_none());
        assert!(cells(&vec![1, 2], &columns(&["x"])).is_none());
    }
}
