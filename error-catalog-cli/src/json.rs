//! JSON output whose object keys keep the order they are written in (`serde_json::Value`
//! sorts them), and JSON text read back into that order ([`Json::parse`]), so that a body
//! that [`Wire::body`](error_catalog_codegen::wire::Wire::body) wrote keeps its members'
//! order inside a larger document.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

/// A JSON value whose objects keep their keys' order.
#[derive(Clone, Debug)]
pub(crate) enum Json {
    /// A value with no object inside (a string, number, boolean, null, or array of those).
    Value(Value),
    /// An object.
    Object(Object),
    /// An array.
    Array(Vec<Json>),
}

/// A JSON object whose keys keep their order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Object(Vec<(String, Json)>);

impl Object {
    /// An empty object.
    pub(crate) fn new() -> Self {
        Object::default()
    }

    /// Adds a key at the end.
    pub(crate) fn insert(&mut self, key: impl Into<String>, value: impl Into<Json>) {
        self.0.push((key.into(), value.into()));
    }

    /// Whether the object has no key.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// [`insert`](Self::insert), for building in one expression.
    pub(crate) fn with(mut self, key: impl Into<String>, value: impl Into<Json>) -> Self {
        self.insert(key, value);
        self
    }
}

impl From<Value> for Json {
    fn from(value: Value) -> Self {
        Json::Value(value)
    }
}

impl From<Object> for Json {
    fn from(object: Object) -> Self {
        Json::Object(object)
    }
}

impl From<Vec<Json>> for Json {
    fn from(array: Vec<Json>) -> Self {
        Json::Array(array)
    }
}

impl From<&str> for Json {
    fn from(text: &str) -> Self {
        Json::Value(Value::from(text))
    }
}

impl From<String> for Json {
    fn from(text: String) -> Self {
        Json::Value(Value::from(text))
    }
}

impl From<&String> for Json {
    fn from(text: &String) -> Self {
        Json::Value(Value::from(text.as_str()))
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Self {
        Json::Value(Value::from(value))
    }
}

impl From<u16> for Json {
    fn from(value: u16) -> Self {
        Json::Value(Value::from(value))
    }
}

impl From<usize> for Json {
    fn from(value: usize) -> Self {
        Json::Value(Value::from(value))
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Self {
        value.map_or(Json::Value(Value::Null), Into::into)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Value(value) => value.serialize(serializer),
            Json::Object(object) => object.serialize(serializer),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

impl Serialize for Object {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl Json {
    /// JSON text as a [`Json`], its objects' members in the order of the text. Text that is
    /// not JSON becomes a JSON string of itself; the bodies read here are always JSON.
    pub(crate) fn parse(text: &str) -> Json {
        serde_json::from_str(text).unwrap_or_else(|_| Json::from(text))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

/// Reads any JSON value, keeping the order of object members.
struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json::from(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Value(Value::from(value)))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Value(Value::from(value)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json, E> {
        Ok(Json::Value(Value::from(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json::from(value))
    }

    fn visit_string<E>(self, value: String) -> Result<Json, E> {
        Ok(Json::from(value))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Value(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut object = Object::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            object.insert(key, value);
        }
        Ok(Json::Object(object))
    }
}

/// Pretty-printed JSON with a final line break. Serializing a [`Json`] cannot fail: every key
/// is a string and every number finite.
pub(crate) fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Compact JSON.
#[cfg(test)]
pub(crate) fn compact(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_keep_their_order() {
        let object = Object::new()
            .with("z", 1u16)
            .with(
                "a",
                vec![Json::from(Object::new().with("y", true).with("b", "x"))],
            )
            .with("n", None::<String>);
        assert_eq!(
            compact(&object),
            r#"{"z":1,"a":[{"y":true,"b":"x"}],"n":null}"#
        );
    }

    #[test]
    fn parsing_keeps_the_order_of_members() {
        for text in [
            r#"{"z":{"y":"1","b":{"x":-2,"a":[true,null,1.5]}},"a":"q\"uoted\n"}"#,
            r#"{"reason":"NotFound","message":"m","code":404,"kind":"Status"}"#,
            r#"{"odata.error":{"code":"T","message":{"value":"v","lang":"en-US"}}}"#,
            r#"{"error":{"code":403001,"message":"m"}}"#,
            "[]",
            "\"text\"",
        ] {
            assert_eq!(compact(&Json::parse(text)), text);
        }
        assert_eq!(compact(&Json::parse("{not json")), r#""{not json""#);
    }
}
