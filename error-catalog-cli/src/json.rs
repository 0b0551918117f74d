//! JSON output whose object keys keep the order they are written in (`serde_json::Value`
//! sorts them), and the error body of an entry, in the wire's shape.

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

/// The JSON error body of an entry: the code under the wire's code key, then the message
/// under its message key, as the generated `Serialize` writes it.
#[derive(Clone, Debug)]
pub(crate) struct Body<'a> {
    /// The wire's code key.
    pub(crate) code_key: &'a str,
    /// The wire's message key.
    pub(crate) message_key: &'a str,
    /// The code.
    pub(crate) code: &'a str,
    /// The message.
    pub(crate) message: String,
}

impl From<Body<'_>> for Json {
    fn from(body: Body<'_>) -> Self {
        Json::Object(
            Object::new()
                .with(body.code_key, body.code)
                .with(body.message_key, body.message),
        )
    }
}

impl Body<'_> {
    /// The body as a server sends it: compact JSON.
    pub(crate) fn to_json(&self) -> String {
        compact(&Json::from(self.clone()))
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
    fn the_body_is_the_wire_shape() {
        let body = Body {
            code_key: "message",
            message_key: "code",
            code: "1",
            message: "a \"quoted\" \\ text\n".to_owned(),
        };
        assert_eq!(
            body.to_json(),
            r#"{"message":"1","code":"a \"quoted\" \\ text\n"}"#
        );
    }
}
