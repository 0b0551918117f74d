//! JSON output whose object keys keep the order they are written in (`serde_json::Value`
//! sorts them), and JSON text read back into that order ([`Json::parse`]), so that a body
//! that [`Wire::body`](error_catalog_codegen::wire::Wire::body) wrote keeps its members'
//! order inside a larger document.

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
    /// An integer, exact whatever its type (`serde_json::Value` holds at most 64 bits).
    Integer(Integer),
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

    /// The keys and values, in order.
    pub(crate) fn into_entries(self) -> Vec<(String, Json)> {
        self.0
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
            Json::Integer(integer) => integer.serialize(serializer),
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
    /// JSON text as a [`Json`], its objects' members in the order of the text and its
    /// integers exact, whatever their size (`u128::MAX` too: `serde_json` alone would read a
    /// float). Text that is not JSON becomes a JSON string of itself; the bodies read here are
    /// always JSON.
    pub(crate) fn parse(text: &str) -> Json {
        let mut reader = Reader { text, at: 0 };
        match reader.value() {
            Some(value) if reader.rest().trim().is_empty() => value,
            _ => Json::from(text),
        }
    }
}

/// An integer of any primitive type, written exactly.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Integer {
    /// Zero and above.
    Unsigned(u128),
    /// Below zero.
    Negative(i128),
}

impl Serialize for Integer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Integer::Unsigned(n) => serializer.serialize_u128(n),
            Integer::Negative(n) => serializer.serialize_i128(n),
        }
    }
}

/// A JSON reader that keeps member order and exact integers.
struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        let found = self.rest().starts_with(token);
        if found {
            self.at += token.len();
        }
        found
    }

    fn value(&mut self) -> Option<Json> {
        self.skip_space();
        match self.rest().bytes().next()? {
            b'{' => {
                self.at += 1;
                let mut object = Object::new();
                if self.eat("}") {
                    return Some(Json::Object(object));
                }
                loop {
                    self.skip_space();
                    let key = self.string()?;
                    if !self.eat(":") {
                        return None;
                    }
                    object.insert(key, self.value()?);
                    if self.eat("}") {
                        return Some(Json::Object(object));
                    }
                    if !self.eat(",") {
                        return None;
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat("]") {
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value()?);
                    if self.eat("]") {
                        return Some(Json::Array(items));
                    }
                    if !self.eat(",") {
                        return None;
                    }
                }
            }
            b'"' => self.string().map(Json::from),
            b't' if self.eat("true") => Some(Json::from(true)),
            b'f' if self.eat("false") => Some(Json::from(false)),
            b'n' if self.eat("null") => Some(Json::Value(Value::Null)),
            _ => self.number(),
        }
    }

    /// A string at the reader, unescaped by `serde_json`.
    fn string(&mut self) -> Option<String> {
        let rest = self.rest();
        if !rest.starts_with('"') {
            return None;
        }
        let mut escaped = false;
        let end = rest.char_indices().skip(1).find_map(|(i, c)| {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => return Some(i + 1),
                _ => {}
            }
            None
        })?;
        let string = serde_json::from_str(&rest[..end]).ok()?;
        self.at += end;
        Some(string)
    }

    /// A number: an integer exactly, any other through `serde_json`.
    fn number(&mut self) -> Option<Json> {
        let rest = self.rest();
        let end = rest
            .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
            .unwrap_or(rest.len());
        let text = &rest[..end];
        let integer = text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        let value = if let Some(n) = integer.then(|| text.parse::<u128>().ok()).flatten() {
            Json::Integer(Integer::Unsigned(n))
        } else if let Some(n) = integer.then(|| text.parse::<i128>().ok()).flatten() {
            Json::Integer(Integer::Negative(n))
        } else {
            Json::Value(
                serde_json::from_str::<serde_json::Number>(text)
                    .ok()?
                    .into(),
            )
        };
        self.at += end;
        Some(value)
    }
}

/// Pretty-printed JSON with a final line break. Serializing a [`Json`] cannot fail: every key
/// is a string and every number finite.
pub(crate) fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Compact JSON, on one line.
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
        assert_eq!(compact(&Json::parse("[1,2")), r#""[1,2""#);
    }

    #[test]
    fn parsing_keeps_every_integer_exact() {
        let text = format!(
            "[{},{},{},{},{},{},0,-0,1e3,-2.5]",
            u64::MAX,
            i64::MIN,
            u128::MAX,
            i128::MIN,
            i128::MAX,
            i64::MAX
        );
        // Other numbers go through `serde_json`, as before.
        let expected = text.replace("-0,", "0,").replace("1e3", "1000.0");
        assert_eq!(compact(&Json::parse(&text)), expected);
        assert_eq!(
            pretty(&Json::parse(r#"{"a":{"b":[]},"c":{}}"#)),
            "{\n  \"a\": {\n    \"b\": []\n  },\n  \"c\": {}\n}\n"
        );
    }
}
