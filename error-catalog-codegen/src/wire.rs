//! The wire shape of the error body (`[catalog] wire`): where the code, the message, the
//! HTTP status and the fixed members go, as bare keys or JSON pointers (RFC 6901), and the
//! object tree they make.
//!
//! One layout serves every side: the generated `Serialize` and the client's reader walk the
//! tree that [`Wire::layout`] builds (the generated code stores it as static data), and the
//! documentation's example bodies come from [`Wire::body`], which writes the same bytes.
//!
//! # Order
//!
//! Members are placed in a fixed order: the code, the message, the status, then the constants
//! in the order the catalog writes them. An object holds its members in the order they were
//! placed, and an object that a pointer creates takes its place when its first member is
//! placed. So `code = "/error/code"`, `message = "/error/message"` and
//! `constants = { "/kind" = "Error" }` give `{"error":{"code":..,"message":..},"kind":"Error"}`.

use std::fmt;

use crate::model::{Entry, FieldType, Spanned};

/// The default key of the code, when `[catalog] wire` does not give one.
pub const DEFAULT_CODE: &str = "code";
/// The default key of the message, when `[catalog] wire` does not give one.
pub const DEFAULT_MESSAGE: &str = "message";

/// `[catalog] wire`: where each member of the error body goes.
///
/// A location is a bare key (a member of the top-level object, taken literally, dots and all)
/// or, when it starts with `/`, a JSON pointer (RFC 6901) into nested objects.
#[derive(Clone, Debug)]
pub struct Wire {
    /// Where the code goes (`code`); `"code"` by default.
    pub code: Spanned<String>,
    /// Where the message goes (`message`); `"message"` by default.
    pub message: Spanned<String>,
    /// How the code is written (`code_type`); a string by default. Its span is empty when
    /// the catalog does not say.
    pub code_type: Spanned<CodeType>,
    /// Where the HTTP status goes as well, as a JSON integer (`status`), if anywhere.
    pub status: Option<Spanned<String>>,
    /// Where an object of the entry's typed fields goes (`fields`), if anywhere: each field
    /// under its name, integers as JSON numbers, `bool`s as JSON booleans, the rest as
    /// strings.
    pub fields: Option<Spanned<String>>,
    /// Fixed string members (`constants`), in catalog order.
    pub constants: Vec<Constant>,
    /// A response header that carries the code as well (`header`), if any.
    pub header: Option<Spanned<String>>,
}

impl Default for Wire {
    /// The flat body of two top-level strings, `{"code":"..","message":".."}`.
    fn default() -> Self {
        Wire {
            code: Spanned::new(DEFAULT_CODE.to_owned(), 0..0),
            message: Spanned::new(DEFAULT_MESSAGE.to_owned(), 0..0),
            code_type: Spanned::new(CodeType::String, 0..0),
            status: None,
            fields: None,
            constants: Vec::new(),
            header: None,
        }
    }
}

/// How the code is written on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeType {
    /// A JSON string: `"code":"127"`.
    String,
    /// A JSON number: `"code":403001`. Every code of the catalog is then a decimal integer
    /// that fits `i64`, written without sign `+` or leading zeros.
    Integer,
}

impl CodeType {
    /// The name the catalog uses: `"string"` or `"integer"`.
    pub fn name(self) -> &'static str {
        match self {
            CodeType::String => "string",
            CodeType::Integer => "integer",
        }
    }

    /// The code type a name gives, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "string" => Some(CodeType::String),
            "integer" => Some(CodeType::Integer),
            _ => None,
        }
    }
}

/// One fixed member of the body (`constants = { "/kind" = "Status" }`).
#[derive(Clone, Debug)]
pub struct Constant {
    /// Where it goes; its span is the key in the catalog.
    pub location: Spanned<String>,
    /// The string it always holds.
    pub value: Spanned<String>,
}

/// A member of the error body: what a leaf of the [`Wire::layout`] tree holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Member {
    /// The error code.
    Code,
    /// The rendered message.
    Message,
    /// The HTTP status, as a JSON integer.
    Status,
    /// The object of the entry's typed fields.
    Fields,
    /// The constant at this index of [`Wire::constants`].
    Constant(usize),
}

impl Member {
    /// What the member is, for diagnostics: "the code", "a constant".
    pub fn describe(self) -> &'static str {
        match self {
            Member::Code => "the code",
            Member::Message => "the message",
            Member::Status => "the status",
            Member::Fields => "the fields object",
            Member::Constant(_) => "a constant",
        }
    }
}

/// A node of the body's object tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// An object, its members in body order.
    Object(Vec<(String, Node)>),
    /// A member's value.
    Member(Member),
}

/// Why a location is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocationError {
    /// The location is the empty string.
    Empty,
    /// A bare key with a `/`, which is most likely a pointer without its leading `/`.
    SlashInKey,
    /// A `~` not followed by `0` or `1` in a pointer, at this byte offset of the location.
    BadEscape(usize),
    /// An empty segment in a pointer (`/`, `/error//code`, `/error/`): the segment's number,
    /// from 1.
    EmptySegment(usize),
}

impl fmt::Display for LocationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LocationError::Empty => f.write_str("the location is empty"),
            LocationError::SlashInKey => f.write_str("a bare key contains `/`"),
            LocationError::BadEscape(_) => {
                f.write_str("`~` in a JSON pointer is not followed by `0` or `1`")
            }
            LocationError::EmptySegment(n) => {
                write!(f, "segment {n} of the JSON pointer is empty")
            }
        }
    }
}

/// The keys from the top-level object down to a member: a bare key is one key; a JSON pointer
/// (`/error/code`) is split at `/`, each segment unescaped (`~1` is `/`, `~0` is `~`).
///
/// ```
/// use error_catalog_codegen::wire::{LocationError, path};
///
/// assert_eq!(path("errorCode"), Ok(vec!["errorCode".to_owned()]));
/// assert_eq!(path("odata.error"), Ok(vec!["odata.error".to_owned()]));
/// assert_eq!(path("/odata.error/message/value").unwrap().len(), 3);
/// assert_eq!(path("/a~1b/~0c"), Ok(vec!["a/b".to_owned(), "~c".to_owned()]));
/// assert_eq!(path("/error/~2"), Err(LocationError::BadEscape(7)));
/// assert_eq!(path("error/code"), Err(LocationError::SlashInKey));
/// ```
pub fn path(location: &str) -> Result<Vec<String>, LocationError> {
    if location.is_empty() {
        return Err(LocationError::Empty);
    }
    let Some(pointer) = location.strip_prefix('/') else {
        if location.contains('/') {
            return Err(LocationError::SlashInKey);
        }
        return Ok(vec![location.to_owned()]);
    };
    let mut keys = Vec::new();
    let mut offset = 1;
    for (index, segment) in pointer.split('/').enumerate() {
        if segment.is_empty() {
            return Err(LocationError::EmptySegment(index + 1));
        }
        let mut key = String::with_capacity(segment.len());
        let mut chars = segment.char_indices();
        while let Some((at, c)) = chars.next() {
            if c != '~' {
                key.push(c);
                continue;
            }
            match chars.next() {
                Some((_, '0')) => key.push('~'),
                Some((_, '1')) => key.push('/'),
                _ => return Err(LocationError::BadEscape(offset + at)),
            }
        }
        keys.push(key);
        offset += segment.len() + 1;
    }
    Ok(keys)
}

impl Wire {
    /// Every member and its location, in body order: the code, the message, the status and
    /// the fields if any, then the constants.
    pub fn members(&self) -> impl Iterator<Item = (Member, &Spanned<String>)> + '_ {
        [(Member::Code, &self.code), (Member::Message, &self.message)]
            .into_iter()
            .chain(self.status.iter().map(|status| (Member::Status, status)))
            .chain(self.fields.iter().map(|fields| (Member::Fields, fields)))
            .chain(
                self.constants
                    .iter()
                    .enumerate()
                    .map(|(index, constant)| (Member::Constant(index), &constant.location)),
            )
    }

    /// The body's object tree: the top-level object's members, in body order (see the
    /// [module docs](self)). A member whose location is malformed, or that another member
    /// already holds or lies under, is left out: a checked catalog has none.
    pub fn layout(&self) -> Vec<(String, Node)> {
        let mut root = Vec::new();
        for (member, location) in self.members() {
            if let Ok(keys) = path(&location.value) {
                place(&mut root, &keys, member);
            }
        }
        root
    }

    /// Whether the body is today's flat shape: the code and the message as top-level keys,
    /// the code a string, and nothing else.
    pub fn is_flat(&self) -> bool {
        self.code_type.value == CodeType::String
            && self.status.is_none()
            && self.fields.is_none()
            && self.constants.is_empty()
            && !self.code.value.starts_with('/')
            && !self.message.value.starts_with('/')
    }

    /// The error body a server sends, as compact JSON, exactly as the generated `Serialize`
    /// writes it: `code` as a string, or as a number when the code type is an integer and the
    /// code is one.
    pub fn body(&self, code: &str, message: &str, status: u16) -> String {
        self.body_with_fields(code, message, status, &[])
    }

    /// The error body a server sends for `entry` with every field's example, exactly as the
    /// generated `Serialize` writes it.
    pub fn entry_body(&self, entry: &Entry) -> String {
        let fields: Vec<(&str, FieldValue<'_>)> = entry
            .fields
            .iter()
            .map(|field| {
                let text = field.example.value.as_str();
                let value = match field.ty {
                    FieldType::Integer(_) | FieldType::Bool => FieldValue::Raw(text),
                    _ => FieldValue::String(text),
                };
                (field.name.value.as_str(), value)
            })
            .collect();
        self.body_with_fields(
            &entry.code.value,
            &entry.example_message(),
            entry.status.value,
            &fields,
        )
    }

    /// The error body with `fields` in the fields object, if the shape has one. The body of
    /// [`Wire::body`] has an empty fields object.
    pub fn body_with_fields(
        &self,
        code: &str,
        message: &str,
        status: u16,
        fields: &[(&str, FieldValue<'_>)],
    ) -> String {
        let mut out = String::new();
        write_object(
            &mut out,
            &self.layout(),
            &|member, out: &mut String| match member {
                Member::Code => match (self.code_type.value, integer_code(code)) {
                    (CodeType::Integer, Some(number)) => out.push_str(&number.to_string()),
                    _ => push_json_string(out, code),
                },
                Member::Message => push_json_string(out, message),
                Member::Status => out.push_str(&status.to_string()),
                Member::Fields => write_members(out, fields, |value, out| match value {
                    FieldValue::Raw(text) => out.push_str(text),
                    FieldValue::String(text) => push_json_string(out, text),
                }),
                Member::Constant(index) => push_json_string(
                    out,
                    self.constants
                        .get(index)
                        .map_or("", |constant| constant.value.value.as_str()),
                ),
            },
        );
        out
    }
}

/// A field's value in the fields object of a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldValue<'a> {
    /// Written as is, already JSON: an integer's digits, `true` or `false`.
    Raw(&'a str),
    /// Written as a JSON string.
    String(&'a str),
}

/// The code as the integer `code_type = "integer"` sends, if it is one written the way
/// JSON writes numbers: decimal, no `+`, no leading zero, fitting `i64`.
pub fn integer_code(code: &str) -> Option<i64> {
    let number: i64 = code.parse().ok()?;
    (number.to_string() == code).then_some(number)
}

/// Puts `member` at `keys` in the tree, creating objects on the way; does nothing when the
/// place is taken or under a member.
fn place(members: &mut Vec<(String, Node)>, keys: &[String], member: Member) {
    let Some((first, rest)) = keys.split_first() else {
        return;
    };
    let existing = members.iter_mut().find(|(key, _)| key == first);
    match (existing, rest.is_empty()) {
        (None, true) => members.push((first.clone(), Node::Member(member))),
        (None, false) => {
            let mut children = Vec::new();
            place(&mut children, rest, member);
            members.push((first.clone(), Node::Object(children)));
        }
        (Some((_, Node::Object(children))), false) => place(children, rest, member),
        (Some(_), _) => {}
    }
}

fn write_object(out: &mut String, members: &[(String, Node)], leaf: &dyn Fn(Member, &mut String)) {
    write_members(out, members, |node, out| match node {
        Node::Object(children) => write_object(out, children, leaf),
        Node::Member(member) => leaf(*member, out),
    });
}

/// A JSON object of `members`, each value written by `value`.
fn write_members<K: AsRef<str>, V>(
    out: &mut String,
    members: &[(K, V)],
    mut value: impl FnMut(&V, &mut String),
) {
    out.push('{');
    for (index, (key, member)) in members.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_json_string(out, key.as_ref());
        out.push(':');
        value(member, out);
    }
    out.push('}');
}

fn push_json_string(out: &mut String, text: &str) {
    out.push_str(&serde_json::Value::from(text).to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire(code: &str, message: &str) -> Wire {
        Wire {
            code: Spanned::new(code.to_owned(), 0..0),
            message: Spanned::new(message.to_owned(), 0..0),
            ..Wire::default()
        }
    }

    fn constant(location: &str, value: &str) -> Constant {
        Constant {
            location: Spanned::new(location.to_owned(), 0..0),
            value: Spanned::new(value.to_owned(), 0..0),
        }
    }

    #[test]
    fn pointers_follow_rfc_6901() {
        let keys = |p| path(p).unwrap();
        assert_eq!(keys("/error/code"), ["error", "code"]);
        assert_eq!(keys("/a~01"), ["a~1"]);
        assert_eq!(keys("/a~10"), ["a/0"]);
        assert_eq!(keys("/ /x.y"), [" ", "x.y"]);
        assert_eq!(keys("/0"), ["0"]);
        assert_eq!(keys("~weird"), ["~weird"]);
        assert_eq!(keys("/é/ü~1"), ["é", "ü/"]);
        assert_eq!(path(""), Err(LocationError::Empty));
        assert_eq!(path("/"), Err(LocationError::EmptySegment(1)));
        assert_eq!(path("/error/"), Err(LocationError::EmptySegment(2)));
        assert_eq!(path("/a//b"), Err(LocationError::EmptySegment(2)));
        assert_eq!(path("/a~"), Err(LocationError::BadEscape(2)));
        assert_eq!(path("/a/b~x"), Err(LocationError::BadEscape(4)));
        assert_eq!(path("a/b"), Err(LocationError::SlashInKey));
    }

    #[test]
    fn the_default_is_flat() {
        let wire = Wire::default();
        assert!(wire.is_flat());
        assert_eq!(
            wire.body("127", "No", 409),
            r#"{"code":"127","message":"No"}"#
        );
    }

    #[test]
    fn objects_appear_where_their_first_member_is_placed() {
        let mut wire = wire("/reason", "/message");
        wire.status = Some(Spanned::new("/code".to_owned(), 0..0));
        wire.constants = vec![
            constant("/kind", "Status"),
            constant("/apiVersion", "v1"),
            constant("/status", "Failure"),
        ];
        assert!(!wire.is_flat());
        assert_eq!(
            wire.body("NotFound", "pods \"grafana\" not found", 404),
            r#"{"reason":"NotFound","message":"pods \"grafana\" not found","code":404,"kind":"Status","apiVersion":"v1","status":"Failure"}"#
        );

        let mut odata = self::wire("/odata.error/code", "/odata.error/message/value");
        odata.constants = vec![constant("/odata.error/message/lang", "en-US")];
        assert_eq!(
            odata.body("TableNotFound", "The table does not exist.", 404),
            r#"{"odata.error":{"code":"TableNotFound","message":{"value":"The table does not exist.","lang":"en-US"}}}"#
        );

        let mut mixed = self::wire("/error/code", "message");
        mixed.constants = vec![constant("/error/target", "x"), constant("top", "y")];
        assert_eq!(
            mixed.body("E", "m", 400),
            r#"{"error":{"code":"E","target":"x"},"message":"m","top":"y"}"#
        );
    }

    #[test]
    fn integer_codes_are_numbers_when_they_are_integers() {
        let mut wire = wire("/error/code", "/error/message");
        wire.code_type.value = CodeType::Integer;
        assert_eq!(
            wire.body("403001", "m", 403),
            r#"{"error":{"code":403001,"message":"m"}}"#
        );
        assert_eq!(
            wire.body("-5", "m", 403),
            r#"{"error":{"code":-5,"message":"m"}}"#
        );
        assert_eq!(
            wire.body("007", "m", 403),
            r#"{"error":{"code":"007","message":"m"}}"#
        );
        assert_eq!(integer_code("9223372036854775807"), Some(i64::MAX));
        assert_eq!(integer_code("9223372036854775808"), None);
        assert_eq!(integer_code("+1"), None);
        assert_eq!(integer_code("-0"), None);
        assert_eq!(integer_code(""), None);
    }

    #[test]
    fn a_taken_place_keeps_its_first_member() {
        let mut wire = wire("/error", "/error/message");
        wire.constants = vec![constant("/error", "x"), constant("bad//", "y")];
        assert_eq!(
            wire.layout(),
            [("error".to_owned(), Node::Member(Member::Code))]
        );
    }
}
