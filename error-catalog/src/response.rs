//! The client side: turning a status and a response body back into a typed error.

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroU32;
use std::time::Duration;

use http::{HeaderMap, StatusCode};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use crate::__private::Generated;
use crate::table::{EntryTable, Parts};
use crate::wire::{WireMember, WireNode};
use crate::{CatalogSpec, ErrorSpec, WireSpec};

/// The `visit_*` methods of a visitor for the kinds of JSON value it does not read: each
/// consumes the value (skipping arrays and objects member by member, without recursion) and
/// gives `$value`.
macro_rules! reject_other_values {
    ($value:expr; $($kind:ident),+) => {
        $(reject_other_values!(@ $kind, $value);)+
    };
    (@ str, $value:expr) => {
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
    (@ bool, $value:expr) => {
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
    (@ i64, $value:expr) => {
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
    (@ u64, $value:expr) => {
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
    (@ f64, $value:expr) => {
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
    (@ unit, $value:expr) => {
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
    (@ seq, $value:expr) => {
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok($value)
        }
    };
    (@ map, $value:expr) => {
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok($value)
        }
    };
}

/// A response that could not be turned into a variant of the catalog's error enum.
///
/// It keeps everything that was received, the status and, where the body had them, the raw
/// code and message, and says which of three cases it is ([`UnrecognizedKind`]), so that a
/// client can still act on it: fall back on the status, log the message, or show it.
///
/// Tests of code that handles it can build one with [`Unrecognized::new`].
#[derive(Clone)]
pub struct Unrecognized {
    status: StatusCode,
    code: Option<String>,
    message: Option<String>,
    kind: UnrecognizedKind,
    catalog: &'static CatalogSpec,
    /// The delay of the `Retry-After` header in whole seconds, plus one. Four bytes beside
    /// the status, in what was padding: an `Unrecognized`, and every `Result` that holds one,
    /// is no larger for it.
    retry_after: Option<NonZeroU32>,
}

/// Why a response was not recognized.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnrecognizedKind {
    /// The code is in the catalog, but the message did not fit the template of any entry
    /// with that code, or a field did not parse as its type: the server is likely newer or
    /// older than the catalog. [`Unrecognized::entries`] lists the entries of that code.
    MessageMismatch,
    /// The code is not in the catalog. Fall back on the HTTP status
    /// ([`Unrecognized::status`]).
    UnknownCode,
    /// The body is not an error body of this catalog at all.
    NotAnErrorBody(BodyError),
}

/// Why a body is not an error body of the catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyError {
    /// The body is not valid JSON (or has text after the JSON value).
    NotJson(JsonError),
    /// The body is JSON, but not an object.
    NotAnObject,
    /// Nothing is at the location of the code or the message (a key of the top-level
    /// object, or a JSON pointer), as the catalog writes it.
    MissingKey(&'static str),
    /// The message at this location is not a string.
    NotAString(&'static str),
    /// The code at this location is neither a string nor an integer.
    CodeNotAStringOrInteger(&'static str),
}

/// Writes what `write` writes, with the formatter's width and precision applied to the text
/// as a whole, as for a `str` (and as the generated `Display` of an error does); without
/// either, straight into the formatter.
fn padded(
    f: &mut fmt::Formatter<'_>,
    write: impl Fn(&mut fmt::Formatter<'_>) -> fmt::Result,
) -> fmt::Result {
    struct Text<W>(W);
    impl<W: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Text<W> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            (self.0)(f)
        }
    }
    if f.width().is_none() && f.precision().is_none() {
        write(f)
    } else {
        crate::table::pad(f, &Text(write))
    }
}

/// The reason as a sentence; a width or precision applies to it as a whole.
impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        padded(f, |f| self.write(f))
    }
}

impl BodyError {
    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::NotJson(error) => write!(f, "the body is not JSON: {error}"),
            BodyError::NotAnObject => f.write_str("the body is not a JSON object"),
            BodyError::MissingKey(key) if key.starts_with('/') => {
                write!(f, "the body has nothing at `{key}`")
            }
            BodyError::MissingKey(key) => write!(f, "the body has no `{key}` key"),
            BodyError::NotAString(key) => write!(f, "the body's `{key}` is not a string"),
            BodyError::CodeNotAStringOrInteger(key) => {
                write!(f, "the body's `{key}` is neither a string nor an integer")
            }
        }
    }
}

impl std::error::Error for BodyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BodyError::NotJson(error) => Some(error),
            _ => None,
        }
    }
}

/// Where and why a body failed to parse as JSON.
#[derive(Clone, PartialEq, Eq)]
pub struct JsonError(Box<JsonErrorParts>);

/// Boxed, so that a rare error keeps `Unrecognized`, and every `Result` that holds it, small.
#[derive(Clone, PartialEq, Eq)]
struct JsonErrorParts {
    message: String,
    line: usize,
    column: usize,
}

impl JsonError {
    fn new(error: &serde_json::Error) -> Self {
        let (line, column) = (error.line(), error.column());
        let text = error.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
        JsonError(Box::new(JsonErrorParts {
            message,
            line,
            column,
        }))
    }

    /// What the parser found wrong, such as `"EOF while parsing an object"`.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The 1-based line of the body where parsing stopped.
    pub fn line(&self) -> usize {
        self.0.line
    }

    /// The column, in bytes, of that line where parsing stopped, as `serde_json` counts it:
    /// 1 for the first byte, 0 when the line ended before any byte could be read.
    pub fn column(&self) -> usize {
        self.0.column
    }
}

impl fmt::Debug for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonError")
            .field("message", &self.0.message)
            .field("line", &self.0.line)
            .field("column", &self.0.column)
            .finish()
    }
}

/// The parser's message and where it stopped; a width or precision applies to the text as a
/// whole.
impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        padded(f, |f| {
            write!(
                f,
                "{} at line {} column {}",
                self.0.message, self.0.line, self.0.column
            )
        })
    }
}

impl std::error::Error for JsonError {}

impl Unrecognized {
    /// What was received from a server using `catalog`, and why it is not one of its errors.
    ///
    /// ```
    /// # #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
    /// # #[derive(Debug)]
    /// # pub enum BackupError {}
    /// use error_catalog::{Unrecognized, UnrecognizedKind};
    ///
    /// let error = Unrecognized::new(BackupError::catalog(), http::StatusCode::NOT_FOUND, UnrecognizedKind::UnknownCode)
    ///     .with_code("999")
    ///     .with_message("No such thing");
    /// assert_eq!(error.code(), Some("999"));
    /// ```
    pub fn new(catalog: &'static CatalogSpec, status: StatusCode, kind: UnrecognizedKind) -> Self {
        Unrecognized {
            status,
            code: None,
            message: None,
            kind,
            catalog,
            retry_after: None,
        }
    }

    /// Sets the code that was received.
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets the message that was received.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Sets the delay that the response's `Retry-After` header asked for, in whole seconds
    /// (a fraction of a second counts as one; a delay of more than `u32::MAX - 1` seconds,
    /// some 136 years, is kept as that).
    pub fn with_retry_after(mut self, delay: Duration) -> Self {
        let seconds = crate::retry::round_up(delay).as_secs();
        let stored = u32::try_from(seconds).map_or(u32::MAX, |s| s.saturating_add(1));
        self.retry_after = NonZeroU32::new(stored);
        self
    }

    /// The HTTP status that was received.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// How long the server asked the client to wait before it retries: the response's
    /// `Retry-After` header, when it was read with
    /// [`CatalogError::from_http`](crate::CatalogError::from_http) or
    /// [`from_http_response`](crate::CatalogError::from_http_response) and held a number of
    /// seconds or an HTTP-date (counted from the time the response was read, rounded up to
    /// whole seconds, zero when past); see [`retry_after`](crate::retry_after()). `None`
    /// without the header, when it held anything else, or for a value built from a body
    /// alone ([`CatalogError::from_response`](crate::CatalogError::from_response)).
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
            .map(|stored| Duration::from_secs(u64::from(stored.get() - 1)))
    }

    /// Whether the request may be retried, judging by the status alone: 429 Too Many
    /// Requests, 503 Service Unavailable or 504 Gateway Timeout, the statuses whose entries
    /// are retryable unless the catalog says otherwise. An unrecognized response has no entry
    /// to say otherwise.
    pub fn is_retryable(&self) -> bool {
        matches!(self.status.as_u16(), 429 | 503 | 504)
    }

    /// The error code that was received, if the body had one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The error message that was received, if the body had one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Which case this is.
    pub fn kind(&self) -> &UnrecognizedKind {
        &self.kind
    }

    /// The catalog the response was checked against.
    pub fn catalog(&self) -> &'static CatalogSpec {
        self.catalog
    }

    /// The catalog entries with the received code (empty for an unknown code or no code).
    pub fn entries(&self) -> impl Iterator<Item = &'static ErrorSpec> + '_ {
        let code = self.code.as_deref();
        self.catalog
            .errors
            .iter()
            .filter(move |spec| Some(spec.code) == code)
    }

    /// Whether the received status is a client error (4xx).
    pub fn is_client_error(&self) -> bool {
        self.status.is_client_error()
    }

    /// Whether the received status is a server error (5xx).
    pub fn is_server_error(&self) -> bool {
        self.status.is_server_error()
    }

    /// Takes everything that was received: the status, the code and message if any, and
    /// why they are not an error of the catalog.
    pub fn into_parts(self) -> (StatusCode, Option<String>, Option<String>, UnrecognizedKind) {
        (self.status, self.code, self.message, self.kind)
    }
}

/// What was received, and the catalog by its title only: the catalog itself is static
/// metadata, several kilobytes that a log line has no use for. The `Retry-After` delay is
/// shown only when there is one.
impl fmt::Debug for Unrecognized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Unrecognized");
        debug
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("kind", &self.kind)
            .field("catalog", &self.catalog.title);
        // The delay only when the response asked for one, as most do not.
        if let Some(delay) = self.retry_after() {
            debug.field("retry_after", &delay);
        }
        debug.finish()
    }
}

impl PartialEq for Unrecognized {
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status
            && self.code == other.code
            && self.message == other.message
            && self.kind == other.kind
            && std::ptr::eq(self.catalog, other.catalog)
            && self.retry_after == other.retry_after
    }
}

impl Eq for Unrecognized {}

/// What was received and why it is not recognized; a width or precision applies to the text
/// as a whole.
impl fmt::Display for Unrecognized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        padded(f, |f| self.write(f))
    }
}

impl Unrecognized {
    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unrecognized error response ({}): ", self.status)?;
        let code = self.code.as_deref().unwrap_or_default();
        match &self.kind {
            UnrecognizedKind::MessageMismatch => {
                write!(f, "the message does not fit code `{code}`")?
            }
            UnrecognizedKind::UnknownCode => write!(f, "unknown code `{code}`")?,
            UnrecognizedKind::NotAnErrorBody(reason) => {
                write!(f, "not an error body: {reason}")?;
                if self.code.is_some() {
                    write!(f, " (code `{code}`)")?;
                }
            }
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Unrecognized {
    /// The JSON parser's error, when the body was not JSON.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            UnrecognizedKind::NotAnErrorBody(BodyError::NotJson(error)) => Some(error),
            _ => None,
        }
    }
}

/// The code and message read from a body; borrowed when the JSON had no escapes.
#[derive(Default)]
struct WireBody<'b> {
    code: Option<Cow<'b, str>>,
    message: Option<Cow<'b, str>>,
    /// The fields object, when the shape has one and the body sent it: each member with a
    /// string, integer or boolean value, as text.
    fields: Option<FieldTexts<'b>>,
}

/// Reads the code and the message from one object of the body, where the catalog's object
/// tree puts them, ignoring every other member, into a [`Read`] that keeps what was read even
/// when the JSON breaks off later.
struct Level<'r, 'de> {
    members: &'static [WireMember],
    read: &'r mut Read<'de>,
    /// Whether to note the members that make the object problem details
    /// ([`Read::problem_signs`]): at the top level only.
    problem: bool,
}

/// Which member of an object of the tree a key is, if any, and, when `problem` is set (the
/// top level of a body that may be problem details), which of [`PROBLEM_SIGNS`] it is, as a
/// bit.
struct KeySeed {
    members: &'static [WireMember],
    problem: bool,
}

/// The members of RFC 9457 that make a body problem details rather than the catalog's shape,
/// when the top-level object has all of them ([`Read::problem_signs`]).
const PROBLEM_SIGNS: [&str; 3] = ["type", "status", "detail"];

/// [`Read::problem_signs`] when every one of [`PROBLEM_SIGNS`] was seen.
const ALL_PROBLEM_SIGNS: u8 = (1 << PROBLEM_SIGNS.len()) - 1;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = (Option<WireNode>, u8);
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = (Option<WireNode>, u8);
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
        let node = self
            .members
            .iter()
            .find(|member| member.key == key)
            .map(|member| member.node);
        let sign = match PROBLEM_SIGNS.iter().position(|sign| *sign == key) {
            Some(index) if self.problem => 1 << index,
            _ => 0,
        };
        Ok((node, sign))
    }
}

/// A string value, or (for codes) an integer written as its decimal text.
struct Text {
    allow_integer: bool,
}

impl<'de> DeserializeSeed<'de> for Text {
    type Value = Option<Cow<'de, str>>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Text {
    type Value = Option<Cow<'de, str>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(self.allow_integer.then(|| Cow::Owned(v.to_string())))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(self.allow_integer.then(|| Cow::Owned(v.to_string())))
    }
    reject_other_values!(None; f64, bool, unit, seq, map);
}

/// Reads the fields object: each member whose value is a string, an integer or a boolean, as
/// text; other members are left out, and a value that is not an object gives `None`.
struct FieldsSeed;

impl<'de> DeserializeSeed<'de> for FieldsSeed {
    type Value = Option<FieldTexts<'de>>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FieldsSeed {
    type Value = Option<FieldTexts<'de>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of fields")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = FieldTexts::new();
        while let Some(key) = map.next_key_seed(Key)? {
            if let Some(value) = map.next_value_seed(Scalar)? {
                // A repeated key: the last one wins, as everywhere in the body
                // ([`FieldTexts::get`]).
                fields.push(key, Some(value));
            }
        }
        Ok(Some(fields))
    }
    reject_other_values!(None; seq, str, bool, i64, u64, f64, unit);
}

/// A key, borrowed from the body when it has no escapes (`Cow<str>`'s own `Deserialize`
/// always copies).
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// A field's value as text: a string as it is, an integer in decimal, a boolean as `true` or
/// `false`; `None` for anything else.
struct Scalar;

impl<'de> DeserializeSeed<'de> for Scalar {
    type Value = Option<Cow<'de, str>>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scalar {
    type Value = Option<Cow<'de, str>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, an integer or a boolean")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(if v { "true" } else { "false" })))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_string())))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_string())))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_string())))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_string())))
    }
    reject_other_values!(None; f64, unit, seq, map);
}

/// What reading the object gave: each wire key absent, not a string, or its text.
#[derive(Default)]
struct Read<'b> {
    body: WireBody<'b>,
    code_seen: bool,
    message_seen: bool,
    /// Which of [`PROBLEM_SIGNS`] the top-level object has, a bit each, when the catalog's
    /// own shape does not have them all.
    problem_signs: u8,
}

impl<'de> DeserializeSeed<'de> for Level<'_, 'de> {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Level<'_, 'de> {
    /// Whether the JSON value is an object.
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let read = self.read;
        let seed = || KeySeed {
            members: self.members,
            problem: self.problem,
        };
        while let Some((node, sign)) = map.next_key_seed(seed())? {
            read.problem_signs |= sign;
            // A repeated key overwrites the earlier one, at every level: the last occurrence
            // wins, as in JavaScript's `JSON.parse` and `serde_json::Value`, so that a client
            // and a proxy that logs the body agree on what was sent. A repeated object
            // replaces what the earlier one held, even when it is not an object.
            match node {
                Some(WireNode::Code) => {
                    read.code_seen = true;
                    read.body.code = map.next_value_seed(Text {
                        allow_integer: true,
                    })?;
                }
                Some(WireNode::Message) => {
                    read.message_seen = true;
                    read.body.message = map.next_value_seed(Text {
                        allow_integer: false,
                    })?;
                }
                Some(WireNode::Fields) => {
                    read.body.fields = map.next_value_seed(FieldsSeed)?;
                }
                Some(node @ WireNode::Object(members)) if node.holds_what_is_read() => {
                    if node.holds(WireNode::Code) {
                        read.code_seen = false;
                        read.body.code = None;
                    }
                    if node.holds(WireNode::Message) {
                        read.message_seen = false;
                        read.body.message = None;
                    }
                    if node.holds(WireNode::Fields) {
                        read.body.fields = None;
                    }
                    map.next_value_seed(Level {
                        members,
                        read,
                        problem: false,
                    })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(true)
    }
    reject_other_values!(false; seq, str, bool, i64, u64, f64, unit);
}

/// The code, message and fields read from an error body.
pub(crate) struct Received<'b> {
    code: Cow<'b, str>,
    message: Cow<'b, str>,
    fields: Option<FieldTexts<'b>>,
}

/// Whether the catalog's own shape has every member of [`PROBLEM_SIGNS`] at its top level:
/// then its own bodies look like problem details, and are read in its shape first unless the
/// shape has a fields object that the body lacks (its own bodies always have it).
fn shaped_like_a_problem(wire: WireSpec) -> bool {
    PROBLEM_SIGNS
        .iter()
        .all(|sign| wire.layout.iter().any(|member| member.key == *sign))
}

/// Reads the code, message and fields of an error body, in one pass whatever its size. On
/// failure, whatever was read is kept. With the read, whether the body is problem details
/// (feature `problem-details`): a top-level object with `type`, `status` and `detail`, unless
/// the catalog's own shape has them too and either has no fields object or the body has it.
fn read_body(wire: WireSpec, body: &[u8]) -> (BodyRead<'_>, bool) {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let mut read = Read::default();
    let object = Level {
        members: wire.layout,
        read: &mut read,
        problem: cfg!(feature = "problem-details"),
    }
    .deserialize(&mut deserializer)
    .and_then(|object| deserializer.end().map(|()| object));
    let problem = read.problem_signs == ALL_PROBLEM_SIGNS
        && (!shaped_like_a_problem(wire) || wire.fields.is_some() && read.body.fields.is_none());
    let read = match object {
        Ok(true) => read_parts(wire, read),
        Ok(false) => Err((read.body, BodyError::NotAnObject)),
        Err(error) => Err((read.body, BodyError::NotJson(JsonError::new(&error)))),
    };
    let problem = problem && read_is_an_object(&read);
    (read, problem)
}

/// Whether the body was a JSON object (of any members).
fn read_is_an_object(read: &BodyRead<'_>) -> bool {
    !matches!(
        read,
        Err((_, BodyError::NotAnObject | BodyError::NotJson(_)))
    )
}

/// The code, message and fields of a body that is a JSON object, or why it is not an error
/// body of the catalog.
fn read_parts<'b>(wire: WireSpec, read: Read<'b>) -> BodyRead<'b> {
    match read.body {
        WireBody {
            code: Some(code),
            message: Some(message),
            fields,
        } => Ok(Received {
            code,
            message,
            fields,
        }),
        WireBody { code: None, .. } => {
            let problem = if read.code_seen {
                BodyError::CodeNotAStringOrInteger(wire.code)
            } else {
                BodyError::MissingKey(wire.code)
            };
            Err((read.body, problem))
        }
        WireBody { message: None, .. } => {
            let problem = if read.message_seen {
                BodyError::NotAString(wire.message)
            } else {
                BodyError::MissingKey(wire.message)
            };
            Err((read.body, problem))
        }
    }
}

/// Checks that `value` displays as exactly `expected`, without building a `String`.
pub(crate) fn displays_as(value: &dyn fmt::Display, expected: &str) -> bool {
    struct Compare<'e> {
        rest: &'e str,
    }
    impl fmt::Write for Compare<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            match self.rest.strip_prefix(s) {
                Some(rest) => {
                    self.rest = rest;
                    Ok(())
                }
                None => Err(fmt::Error),
            }
        }
    }
    let mut compare = Compare { rest: expected };
    fmt::write(&mut compare, format_args!("{value}")).is_ok() && compare.rest.is_empty()
}

/// The most placeholders a template can have before captures go to the heap.
const INLINE_CAPTURES: usize = 16;

fn not_an_error_body(
    catalog: &'static CatalogSpec,
    status: StatusCode,
    partial: WireBody<'_>,
    reason: BodyError,
) -> Unrecognized {
    let mut unrecognized =
        Unrecognized::new(catalog, status, UnrecognizedKind::NotAnErrorBody(reason));
    unrecognized.code = partial.code.map(Cow::into_owned);
    unrecognized.message = partial.message.map(Cow::into_owned);
    unrecognized
}

/// The client-side algorithm behind a generated `from_response`: [`from_http`] without
/// headers. A body of the catalog's shape goes straight to [`from_parts`]; what was read of
/// any other, and of problem details, goes to the fallbacks of [`from_http`].
pub(crate) fn from_response<E: Generated>(
    status: StatusCode,
    body: &[u8],
) -> Result<E, Unrecognized> {
    match read_body(E::catalog().wire, body) {
        (Ok(received), false) => from_parts::<E>(
            status,
            &received.code,
            &received.message,
            received.fields.as_ref(),
        ),
        (read, problem) => answer::<E>(status, &HeaderMap::new(), body, read, problem),
    }
}

/// What [`read_problem`] read of an RFC 9457 problem details body.
#[cfg(feature = "problem-details")]
struct ProblemRead<'b> {
    code: Cow<'b, str>,
    /// `None` when the problem has no `detail` member, and `type` and `status` instead.
    detail: Option<Cow<'b, str>>,
    fields: FieldTexts<'b>,
}

/// The code, detail and fields of an RFC 9457 problem details body (feature
/// `problem-details`), as [`Problem`](crate::Problem) writes it: `code` (a string or an
/// integer) and `detail` (a string) at the top level, and as fields every other top-level
/// member whose value is a string, an integer or a boolean, under the name of the field whose
/// member it is ([`error_catalog_template::problem_field`]: `field_type` is the field `type`,
/// `field_field_type` the field `field_type`); `type`, `title`, `status` and `instance` are
/// left out, and so is a member that is no field's (`field_name`). Of a key given twice, the
/// last one counts, in one pass whatever the number of members. `None` when the body is not a
/// JSON object with a code and either a detail or, for a problem without one, `type` and
/// `status`.
#[cfg(feature = "problem-details")]
fn read_problem(body: &[u8]) -> Option<ProblemRead<'_>> {
    #[derive(Default)]
    struct ProblemBody<'b> {
        code: Option<Cow<'b, str>>,
        detail: Option<Cow<'b, str>>,
        detail_seen: bool,
        /// Whether `type` and `status` were seen, a bit each.
        standard: u8,
        fields: FieldTexts<'b>,
    }

    impl<'de> Visitor<'de> for ProblemBody<'de> {
        type Value = Option<Self>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a problem details object")
        }
        fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
            while let Some(key) = map.next_key_seed(Key)? {
                match &*key {
                    "code" => {
                        self.code = map.next_value_seed(Text {
                            allow_integer: true,
                        })?
                    }
                    "detail" => {
                        self.detail_seen = true;
                        self.detail = map.next_value_seed(Text {
                            allow_integer: false,
                        })?
                    }
                    "type" | "status" => {
                        self.standard |= if &*key == "type" { 1 } else { 2 };
                        map.next_value::<IgnoredAny>()?;
                    }
                    _ => match field_of_member(key) {
                        Some(name) => match map.next_value_seed(Scalar)? {
                            Some(value) => self.fields.push(name, Some(value)),
                            // A repeated member whose last value is not a field's drops it.
                            None => self.fields.push(name, None),
                        },
                        // `title`, `instance`, and members that are no field's.
                        None => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    },
                }
            }
            Ok(Some(self))
        }
        reject_other_values!(None; seq, str, bool, i64, u64, f64, unit);
    }

    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let read = de::Deserializer::deserialize_any(&mut deserializer, ProblemBody::default())
        .and_then(|read| deserializer.end().map(|()| read))
        .ok()??;
    // A detail that is there but not a string is not a problem without a detail.
    if read.detail.is_none() && (read.detail_seen || read.standard != 3) {
        return None;
    }
    Some(ProblemRead {
        code: read.code?,
        detail: read.detail,
        fields: read.fields,
    })
}

/// The field whose problem details member is `member`, borrowed from it as it was.
#[cfg(feature = "problem-details")]
fn field_of_member(member: Cow<'_, str>) -> Option<Cow<'_, str>> {
    let name = error_catalog_template::problem_field(&member)?;
    // The field's name is the end of the member's.
    let start = member.len() - name.len();
    Some(match member {
        Cow::Borrowed(member) => Cow::Borrowed(&member[start..]),
        Cow::Owned(mut member) => {
            member.drain(..start);
            Cow::Owned(member)
        }
    })
}

/// The client-side algorithm behind `CatalogError::from_parts`: the entries of `code`, in
/// the order of `entries_of` but those of the received status first, are tried one by one.
///
/// Without `fields`, the message is split along each entry's template and every field parsed
/// from its text. With `fields` (the body's fields object), each field is parsed from its
/// value there instead, and the value is accepted only if it renders to exactly the message:
/// fields and message that disagree are a `MessageMismatch`.
pub(crate) fn from_parts<E: Generated>(
    status: StatusCode,
    code: &str,
    message: &str,
    fields: Option<&FieldTexts<'_>>,
) -> Result<E, Unrecognized> {
    let catalog = E::catalog();
    let unrecognized = |kind| {
        Unrecognized::new(catalog, status, kind)
            .with_code(code)
            .with_message(message)
    };
    let tables = E::tables();
    let entries = tables.entries_of(code);
    if entries.is_empty() {
        return Err(unrecognized(UnrecognizedKind::UnknownCode));
    }
    // Entries whose status matches the received one are tried first, each group in the order
    // of `entries_of`.
    let status_matches = |index: &&u32| {
        catalog
            .errors
            .get(**index as usize)
            .is_some_and(|spec| spec.status == status.as_u16())
    };
    // A code of one entry (the common case) has nothing to order.
    let single = entries.len() == 1;
    let ordered = entries
        .iter()
        .filter(|index| single || status_matches(index))
        .chain(
            entries
                .iter()
                .filter(|index| !single && !status_matches(index)),
        );
    let mut inline = [""; INLINE_CAPTURES];
    let mut spilled = Vec::new();
    'entries: for &index in ordered {
        let index = index as usize;
        let Some(spec) = catalog.errors.get(index) else {
            continue;
        };
        let Some(default) = tables.entry(index) else {
            continue;
        };
        // The message in the default locale, then each translation: a client reads a message
        // in any of the catalog's locales.
        for table in tables.templates(index) {
            // With several entries to try, those whose literal ends do not fit are skipped
            // before any decoding; a single entry's splitting checks the same first.
            if entries.len() > 1 && !table.may_read(message) {
                continue;
            }
            // A template without placeholders reads exactly its text.
            if let Some(text) = table.literal() {
                if text == message
                    && let Ok(value) = E::build(index, &[])
                {
                    return Ok(value);
                }
                continue;
            }
            let tried = match table.one_text_field(message) {
                // A template with one placeholder of any text between optional literals (the
                // commonest kind) is split without decoding it.
                Some((slot, text)) => try_entry::<E>(
                    index,
                    spec,
                    (default, table),
                    &[slot],
                    message,
                    fields,
                    &mut inline[..1],
                    |captures: &mut [&str]| match (text, captures) {
                        (Some(text), [capture]) => {
                            *capture = text;
                            true
                        }
                        _ => false,
                    },
                ),
                None => table.with_template(catalog.types, |segments, slots| {
                    let captures: &mut [&str] = if slots.len() <= INLINE_CAPTURES {
                        &mut inline[..slots.len()]
                    } else {
                        spilled.resize(slots.len(), "");
                        &mut spilled
                    };
                    try_entry::<E>(
                        index,
                        spec,
                        (default, table),
                        slots,
                        message,
                        fields,
                        captures,
                        |captures: &mut [&str]| {
                            // A field used several times holds the same text in each place.
                            error_catalog_template::split_repeated(
                                segments, slots, message, captures,
                            )
                        },
                    )
                }),
            };
            match tried {
                Tried::Value(value) => return Ok(value),
                Tried::Next => {}
                Tried::Contradicted => break 'entries,
            }
        }
    }
    Err(unrecognized(UnrecognizedKind::MessageMismatch))
}

/// What trying one entry on a message gave.
enum Tried<E> {
    /// The entry reads the message: this value.
    Value(E),
    /// The entry does not read it; the next may.
    Next,
    /// The body's fields contradict a message that this entry's template reads: no later,
    /// less specific entry may read it.
    Contradicted,
}

/// Tries the entry at `index` (its metadata `spec`, whose placeholders hold the fields at
/// `slots`) in the template `table`, its message in one locale, on `message`, with the body's
/// fields object if any;
/// `captures` has room for one text per placeholder, and `split` splits the message along
/// the entry's template into them, saying whether it fits.
#[allow(clippy::too_many_arguments)]
#[inline]
fn try_entry<'m, E: Generated>(
    index: usize,
    spec: &'static ErrorSpec,
    (default, table): (EntryTable, EntryTable),
    slots: &[u32],
    message: &'m str,
    fields: Option<&'m FieldTexts<'_>>,
    captures: &mut [&'m str],
    split: impl Fn(&mut [&'m str]) -> bool,
) -> Tried<E> {
    // The fields object gives every placeholder its text when it has them all; otherwise
    // (an older server, a proxy that trimmed it) the message is split as without it.
    let from_fields = fields.is_some_and(|fields| {
        slots
            .iter()
            .zip(captures.iter_mut())
            .all(|(&slot, capture)| {
                match spec
                    .fields
                    .get(slot as usize)
                    .and_then(|field| fields.get(field.name))
                {
                    Some(value) => {
                        *capture = value;
                        true
                    }
                    None => false,
                }
            })
    });
    let verify = if from_fields {
        true
    } else {
        if !split(captures) {
            return Tried::Next;
        }
        table.verify
    };
    if let Ok(value) = build_from::<E>(index, default, slots, captures) {
        // An external type may parse text it renders differently, and fields read from the
        // fields object may disagree with the message: such a value is not the received
        // message. Entries whose fields always render as parsed skip the comparison; fields
        // read from the fields object are always compared with the message.
        if !verify || renders_as(&value, spec, table, message) {
            return Tried::Value(value);
        }
    }
    // Fields that contradict a message this entry's template reads make the body
    // contradictory: a later, less specific entry (a catch-all) must not read it as
    // something the server did not mean.
    if from_fields
        && split(captures)
        && build_from::<E>(index, default, slots, captures)
            .is_ok_and(|value| renders_as(&value, spec, table, message))
    {
        return Tried::Contradicted;
    }
    Tried::Next
}

/// The value of the entry at `index` from `captures`, the texts of the placeholders of one of
/// its templates, whose fields are `slots`: `E::build` takes the texts in the order of the
/// placeholders of the entry's template in the default locale, `default`, so a translation's
/// texts are put in that order first (each field's text where the default template has it, in
/// every place when it repeats it).
fn build_from<E: Generated>(
    index: usize,
    default: EntryTable,
    slots: &[u32],
    captures: &[&str],
) -> Result<E, usize> {
    if default.slots().eq(slots.iter().copied()) {
        return E::build(index, captures);
    }
    let text_of = |field: u32| {
        slots
            .iter()
            .position(|&slot| slot == field)
            .and_then(|at| captures.get(at).copied())
            .unwrap_or("")
    };
    let count = default.slots().count();
    if count <= INLINE_CAPTURES {
        let mut ordered = [""; INLINE_CAPTURES];
        for (place, field) in ordered.iter_mut().zip(default.slots()) {
            *place = text_of(field);
        }
        E::build(index, &ordered[..count])
    } else {
        let ordered: Vec<&str> = default.slots().map(text_of).collect();
        E::build(index, &ordered)
    }
}

/// Whether `value`, of the entry `spec`, renders in the template `table` (its message in one
/// locale) as exactly `message`, without building a `String`.
fn renders_as<E: Generated>(
    value: &E,
    spec: &'static ErrorSpec,
    table: EntryTable,
    message: &str,
) -> bool {
    let mut same = false;
    value.parts(&mut |_, values| {
        same = displays_as(
            &Parts {
                spec,
                table,
                values,
            },
            message,
        );
    });
    same
}

/// The fields object of a body (or a problem's extension members): each member in the order
/// received, with its value as text, or `None` for a value that is no field's.
///
/// Reading appends, at a constant cost per member however many came before it; a field is
/// looked up from the end ([`get`](Self::get)), so that of a key given twice the last one
/// counts. Only the placeholders of the entries tried are looked up, so a body with many
/// members that are no field's costs time linear in its size, and no more memory than a
/// list of them.
#[derive(Default)]
pub(crate) struct FieldTexts<'b> {
    members: Vec<(Cow<'b, str>, Option<Cow<'b, str>>)>,
}

impl<'b> FieldTexts<'b> {
    fn new() -> Self {
        FieldTexts::default()
    }

    /// Appends a member.
    fn push(&mut self, name: Cow<'b, str>, value: Option<Cow<'b, str>>) {
        self.members.push((name, value));
    }

    /// The value of the last member named `name`, if it is a field's.
    fn get(&self, name: &str) -> Option<&Cow<'b, str>> {
        self.members
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .and_then(|(_, value)| value.as_ref())
    }
}

/// The code in the catalog's code header (`wire.header`), if the catalog declares one and
/// the response has it as UTF-8 text that is not blank.
fn header_code(wire: WireSpec, headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(wire.header?)?;
    let code = std::str::from_utf8(value.as_bytes()).ok()?.trim();
    (!code.is_empty()).then_some(code)
}

/// What reading a body gave: its code, message and fields, or what was read of it and why it
/// is not an error body.
type BodyRead<'b> = Result<Received<'b>, (WireBody<'b>, BodyError)>;

/// The client-side algorithm of an HTTP response, given what `read_body` read of `body` and
/// whether it is problem details, through `parts` (a code, a message and maybe fields) or
/// `without_message` (a code alone):
///
/// - problem details (feature `problem-details`), as [`read_problem`] reads them: a body
///   that `read_body` says is one, or that lacks the catalog's code or message;
/// - a body of the catalog's shape;
/// - a body with the catalog's code but no message, through `without_message`;
/// - a body without a code, when the catalog's code header has one: the header's code with
///   the body's message, if any;
///
/// then adds the delay of the `Retry-After` header to whatever is not recognized.
#[allow(clippy::too_many_arguments)]
fn read_http<'b, E>(
    catalog: &'static CatalogSpec,
    status: StatusCode,
    headers: &HeaderMap,
    body: &'b [u8],
    read: BodyRead<'b>,
    problem: bool,
    parts: impl FnOnce(&str, &str, Option<&FieldTexts<'_>>) -> Result<E, Unrecognized>,
    without_message: impl FnOnce(&str) -> Result<E, Unrecognized>,
) -> Result<E, Unrecognized> {
    // The body is read again only as problem details.
    #[cfg(not(feature = "problem-details"))]
    let _ = (body, problem);
    // A problem details body, and a body without the catalog's code or message, and only
    // such a body, is read again as RFC 9457 problem details (feature `problem-details`): the
    // common path costs nothing.
    #[cfg(feature = "problem-details")]
    if (problem || matches!(read, Err((_, BodyError::MissingKey(_)))))
        && let Some(problem) = read_problem(body)
    {
        let result = match &problem.detail {
            Some(detail) => parts(&problem.code, detail, Some(&problem.fields)),
            None => without_message(&problem.code),
        };
        return result.map_err(|unrecognized| with_retry_after(unrecognized, headers));
    }
    let result = match read {
        Ok(received) => parts(&received.code, &received.message, received.fields.as_ref()),
        // The code without a message, as with the code header alone.
        Err((
            WireBody {
                code: Some(code), ..
            },
            BodyError::MissingKey(key),
        )) if key == catalog.wire.message => without_message(&code),
        Err((partial, reason)) => {
            // The body's code, when it has one, wins over the header's.
            match header_code(catalog.wire, headers) {
                Some(code) if partial.code.is_none() => match partial.message.as_deref() {
                    Some(message) => parts(code, message, partial.fields.as_ref()),
                    None => without_message(code),
                },
                _ => Err(not_an_error_body(catalog, status, partial, reason)),
            }
        }
    };
    result.map_err(|unrecognized| with_retry_after(unrecognized, headers))
}

/// `unrecognized` with the delay of the `Retry-After` header, if the response has one.
fn with_retry_after(unrecognized: Unrecognized, headers: &HeaderMap) -> Unrecognized {
    match crate::retry_after(headers) {
        Some(delay) => unrecognized.with_retry_after(delay),
        None => unrecognized,
    }
}

/// The trait's default `from_http`, for an implementation that is not generated: as
/// [`from_http`], through `from_parts`; a code without a message gives the first entry of
/// that code (received status first) without placeholders, if `from_parts` reads its message
/// as that entry.
pub(crate) fn http_then<E: crate::CatalogError>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<E, Unrecognized> {
    let catalog = E::catalog();
    let (read, problem) = read_body(catalog.wire, body);
    read_http(
        catalog,
        status,
        headers,
        body,
        read,
        problem,
        |code, message, _| E::from_parts(status, code, message),
        |code| {
            let of_code = |spec: &&ErrorSpec| spec.code == code && spec.fields.is_empty();
            let at_status = |spec: &&ErrorSpec| spec.status == status.as_u16();
            let spec = catalog
                .errors
                .iter()
                .filter(of_code)
                .filter(at_status)
                .chain(
                    catalog
                        .errors
                        .iter()
                        .filter(of_code)
                        .filter(|s| !at_status(s)),
                )
                .next();
            let kind = if catalog.errors.iter().any(|spec| spec.code == code) {
                UnrecognizedKind::MessageMismatch
            } else {
                UnrecognizedKind::UnknownCode
            };
            let unrecognized = || Unrecognized::new(catalog, status, kind.clone()).with_code(code);
            let spec = spec.ok_or_else(unrecognized)?;
            match E::from_parts(status, code, spec.example_message()) {
                // Entry names are unique in a catalog.
                Ok(value) if value.spec().name == spec.name => Ok(value),
                _ => Err(unrecognized()),
            }
        },
    )
}

/// The client-side algorithm behind a generated `from_http`: [`from_response`], with the
/// code header and the `Retry-After` header.
pub(crate) fn from_http<E: Generated>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<E, Unrecognized> {
    let (read, problem) = read_body(E::catalog().wire, body);
    answer::<E>(status, headers, body, read, problem)
}

/// [`read_http`] for a generated enum, given what was read of `body` and whether it is
/// problem details.
fn answer<'b, E: Generated>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &'b [u8],
    read: BodyRead<'b>,
    problem: bool,
) -> Result<E, Unrecognized> {
    read_http(
        E::catalog(),
        status,
        headers,
        body,
        read,
        problem,
        |code, message, fields| from_parts::<E>(status, code, message, fields),
        |code| without_message::<E>(status, code),
    )
}

/// The value of a code received without a message: the first entry of `code` whose template
/// has no placeholders, those of the received status first.
fn without_message<E: Generated>(status: StatusCode, code: &str) -> Result<E, Unrecognized> {
    let (catalog, tables) = (E::catalog(), E::tables());
    let entries = tables.entries_of(code);
    let unrecognized = |kind| Err(Unrecognized::new(catalog, status, kind).with_code(code));
    if entries.is_empty() {
        return unrecognized(UnrecognizedKind::UnknownCode);
    }
    let at_status = |index: &&u32| {
        catalog
            .errors
            .get(**index as usize)
            .is_some_and(|spec| spec.status == status.as_u16())
    };
    let ordered = entries
        .iter()
        .filter(at_status)
        .chain(entries.iter().filter(|index| !at_status(index)));
    for &index in ordered {
        let index = index as usize;
        let fixed = tables.entry(index).is_some_and(|table| table.is_fixed());
        if let Some(Ok(value)) = fixed.then(|| E::build(index, &[])) {
            return Ok(value);
        }
    }
    unrecognized(UnrecognizedKind::MessageMismatch)
}
