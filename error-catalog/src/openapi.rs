//! OpenAPI 3.1 descriptions of a catalog's errors: the schema of the error body (JSON Schema
//! 2020-12, which OpenAPI 3.1 uses) and one response per HTTP status, each with a named
//! example per entry.
//!
//! Nothing here depends on a framework: every piece is a [`Fragment`] whose
//! [`Serialize`] writes the OpenAPI object, its members in a fixed order. The feature `utoipa`
//! turns the fragments of each generated enum into utoipa's `IntoResponses` and `ToSchema`,
//! and the command-line tool's `docs --format openapi` writes the fragments of a whole catalog
//! into a document: both describe a catalog through this one module.
//!
//! ```
//!
//! #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
//! #[derive(Debug)]
//! pub enum BackupError {}
//!
//! let errors = error_catalog::openapi::errors::<BackupError>();
//! assert_eq!(errors.statuses(), [400, 404, 409, 422]);
//! let response = serde_json::to_value(errors.response(404)).unwrap();
//! let example = &response["content"]["application/json"]["examples"]["StorageNotFound"];
//! assert_eq!(example["summary"], "No storage has this ID.");
//! assert_eq!(
//!     example["value"],
//!     serde_json::json!({"errorCode": "129", "errorMessage": "Storage Details not found for storageId = s-17"}),
//! );
//! ```
//!
//! # What the fragments hold
//!
//! - [`Errors::schema`]: the body in the catalog's wire shape (`[catalog] wire`): an object
//!   that requires each of its members, with a nested object, its members required too, for
//!   each object that a JSON pointer goes through, down to the code (`type: string` with an
//!   `enum` of the documented entries' codes, or `type: integer` with an integer `enum` when
//!   the catalog's `code_type` is `"integer"`; no `enum` when no entry is documented), the
//!   message (`type: string`), the status (`type: integer`), the fields object
//!   (`type: object`) and each constant (`type: string` with a one-value `enum`). With
//!   [`Errors::problem_details`], the RFC 9457 body that [`Problem`](crate::Problem) writes:
//!   `type`, `title`, `status`, `detail` and `code` required, the fields as extension members.
//! - [`Errors::response`]: the response of one status: its description (the status, then
//!   what the status table says it means), the code header when the catalog declares
//!   `wire.header` (a string `enum` of the codes), `Retry-After` when an entry of the status
//!   names a `retry_after` field (an integer of seconds, required when every entry of the
//!   status sends it), and the content in the body's media type (`application/json`, or
//!   `application/problem+json` for problem details) with the schema, inline or as a `$ref`
//!   ([`Errors::schema_ref`]), and one example per documented entry of the status, in catalog
//!   order. An example's name is the entry's name; its `summary` the first line of the
//!   entry's doc (the code and the template when it has none); its `description` the doc,
//!   the help, then the code and the template; its `value` the example body.
//!
//! Descriptions are CommonMark. The catalog's own text goes into them as [`Prose`] writes it:
//! as written by default; the command-line tool rewrites it as on its Markdown page.

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::__private::Generated;
use crate::wire::{WireMember, WireNode};
use crate::{CatalogSpec, CodeType, ErrorSpec};

/// The media type of an error body in the catalog's own shape.
pub const JSON: &str = "application/json";

/// The media type of an RFC 9457 problem details body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// How the catalog's own text (its title, docs, help and status meanings, which are Markdown)
/// is written into the descriptions, which OpenAPI reads as CommonMark. Both methods keep the
/// text as it is by default.
pub trait Prose {
    /// A doc as a block: a paragraph or more.
    fn block<'t>(&self, text: &'t str) -> Cow<'t, str> {
        Cow::Borrowed(text)
    }

    /// Text within one line, such as a title inside a sentence.
    fn inline<'t>(&self, text: &'t str) -> Cow<'t, str> {
        Cow::Borrowed(text)
    }
}

/// The catalog's text as it is written.
#[derive(Clone, Copy, Debug, Default)]
pub struct AsWritten;

impl Prose for AsWritten {}

/// Where a response's content finds the body's schema.
#[derive(Clone, Debug)]
enum SchemaAt {
    /// In the response itself.
    Inline,
    /// At this reference, such as `#/components/schemas/ErrorBody`.
    Ref(String),
}

/// The errors that an operation can return, as OpenAPI describes them: the entries of a
/// catalog that an enum covers (or any others), each with its example body of type `B`.
///
/// [`errors`] documents a generated enum, its example values serialized as the server sends
/// them; [`Errors::new`] any entries of any catalog, with example bodies the caller gives.
pub struct Errors<'p, B> {
    catalog: &'static CatalogSpec,
    /// The documented entries, as indices into the catalog's entries, in catalog order, each
    /// with its example body, or why it has none.
    examples: Vec<(usize, Result<B, String>)>,
    problem: bool,
    schema_at: SchemaAt,
    prose: &'p dyn Prose,
}

impl<B> std::fmt::Debug for Errors<'_, B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Errors")
            .field("catalog", &self.catalog.title)
            .field(
                "entries",
                &self
                    .examples
                    .iter()
                    .map(|(index, _)| index)
                    .collect::<Vec<_>>(),
            )
            .field("problem", &self.problem)
            .field("schema_at", &self.schema_at)
            .finish()
    }
}

/// The errors of a generated enum (the attribute's, a build script's, or a
/// `#[derive(CatalogError)]` enum's): the entries its variants hold, each with the value of
/// `E::examples()` for its variant as the example. Serializing that value gives the example
/// body: exactly what the server sends for it.
///
/// An entry whose example value cannot be built (the catalog's example of a field of an
/// external type that does not parse as that type, which `E::examples()` panics on) is
/// documented without an example value, its description saying why.
pub fn errors<E: Generated>() -> Errors<'static, E> {
    Errors::new(E::catalog(), examples::<E>())
}

/// [`errors`] written as RFC 9457 problem details (feature `problem-details`): the examples
/// are the bodies that [`Problem`](crate::Problem) writes, in `application/problem+json`.
#[cfg(feature = "problem-details")]
pub fn problems<E: Generated>() -> Errors<'static, crate::Problem<E>> {
    let examples = examples::<E>()
        .into_iter()
        .map(|(index, example)| (index, example.map(crate::Problem)));
    Errors::new(E::catalog(), examples).problem_details()
}

/// The entries that `E` covers without their examples, for the schema alone, which needs no
/// example value built.
#[cfg(feature = "utoipa")]
pub(crate) fn schema_only<E: Generated>() -> Errors<'static, ()> {
    let covered = E::tables().variants.iter().map(|&index| index as usize);
    Errors::new(
        E::catalog(),
        covered.map(|index| (index, Err(String::new()))),
    )
}

/// Each entry that `E` covers, in catalog order, with its example value or why it has none.
fn examples<E: Generated>() -> Vec<(usize, Result<E, String>)> {
    let mut covered: Vec<usize> = E::tables()
        .variants
        .iter()
        .map(|&index| index as usize)
        .collect();
    covered.sort_unstable();
    covered.dedup();
    covered
        .into_iter()
        .map(|index| (index, crate::table::example::<E>(index)))
        .collect()
}

impl<'p, B> Errors<'p, B> {
    /// The entries at `examples` (indices into `catalog.errors`, any order, an index out of
    /// the catalog ignored, one given twice documented once), each with its example body,
    /// or with why it has none.
    pub fn new(
        catalog: &'static CatalogSpec,
        examples: impl IntoIterator<Item = (usize, Result<B, String>)>,
    ) -> Self {
        let mut examples: Vec<(usize, Result<B, String>)> = examples
            .into_iter()
            .filter(|(index, _)| *index < catalog.errors.len())
            .collect();
        examples.sort_by_key(|(index, _)| *index);
        examples.dedup_by_key(|(index, _)| *index);
        Errors {
            catalog,
            examples,
            problem: false,
            schema_at: SchemaAt::Inline,
            prose: &AsWritten,
        }
    }

    /// The bodies are RFC 9457 problem details (`application/problem+json`) rather than the
    /// catalog's own shape: the schema is the problem's, and the example bodies are
    /// expected to be problems.
    pub fn problem_details(mut self) -> Self {
        self.problem = true;
        self
    }

    /// Each response refers to the body's schema at `reference` (such as
    /// `#/components/schemas/ErrorBody`) instead of holding it inline.
    pub fn schema_ref(mut self, reference: impl Into<String>) -> Self {
        self.schema_at = SchemaAt::Ref(reference.into());
        self
    }

    /// Writes the catalog's text into descriptions with `prose`.
    pub fn prose(mut self, prose: &'p dyn Prose) -> Self {
        self.prose = prose;
        self
    }

    /// The catalog.
    pub fn catalog(&self) -> &'static CatalogSpec {
        self.catalog
    }

    /// The media type of the bodies: [`JSON`], or [`PROBLEM_JSON`] for problem details.
    pub fn media_type(&self) -> &'static str {
        if self.problem { PROBLEM_JSON } else { JSON }
    }

    /// The documented entries, in catalog order.
    pub fn entries(&self) -> impl Iterator<Item = &'static ErrorSpec> + '_ {
        self.examples
            .iter()
            .filter_map(|(index, _)| self.catalog.errors.get(*index))
    }

    /// The statuses of the documented entries, each once: in the order of the catalog's
    /// status table, then any that the table lacks, in catalog order.
    pub fn statuses(&self) -> Vec<u16> {
        let mut statuses: Vec<u16> = self
            .catalog
            .statuses
            .iter()
            .map(|row| row.code)
            .filter(|&code| self.entries().any(|entry| entry.status == code))
            .collect();
        for entry in self.entries() {
            if !statuses.contains(&entry.status) {
                statuses.push(entry.status);
            }
        }
        statuses
    }

    /// The codes of the documented entries, each once, in catalog order.
    pub fn codes(&self) -> Vec<&'static str> {
        let mut seen = std::collections::HashSet::new();
        self.entries()
            .map(|entry| entry.code)
            .filter(|code| seen.insert(*code))
            .collect()
    }

    /// The schema of the body (see the [module docs](self)).
    pub fn schema(&self) -> Fragment<'_, B> {
        Fragment(if self.problem {
            self.problem_schema()
        } else {
            self.body_schema()
        })
    }

    /// The response of `status`, with an example per documented entry of that status (see
    /// the [module docs](self)); a status that no documented entry has gives a response with
    /// no example.
    pub fn response(&self, status: u16) -> Fragment<'_, B> {
        Fragment(self.response_node(status))
    }

    /// The status as a description says it: `404 Not Found`, with the catalog's reason
    /// phrase or else the canonical one, or `404` when neither exists.
    pub fn status_text(&self, status: u16) -> String {
        match reason(self.catalog, status) {
            Some(reason) => format!("{status} {reason}"),
            None => status.to_string(),
        }
    }

    fn body_schema(&self) -> Node<'_, B> {
        let title = self.prose.inline(self.catalog.title);
        let description = format!("The error body of the {title}.");
        self.object_schema(self.catalog.wire.layout, Some(description))
    }

    /// The schema of one object of the body: `type: object`, every member required.
    fn object_schema(
        &self,
        members: &'static [WireMember],
        description: Option<String>,
    ) -> Node<'_, B> {
        let mut object = Map::new().with("type", "object");
        if let Some(description) = description {
            object.insert("description", description);
        }
        let required = members.iter().map(|m| Node::from(m.key)).collect();
        let properties = members
            .iter()
            .map(|member| {
                let schema = match member.node {
                    WireNode::Object(children) => self.object_schema(children, None),
                    node => self.member_schema(node),
                };
                (Cow::Borrowed(member.key), schema)
            })
            .collect();
        object
            .with("required", Node::List(required))
            .with("properties", Node::Map(Map(properties)))
            .into()
    }

    /// The schema of one member of the body.
    fn member_schema(&self, node: WireNode) -> Node<'_, B> {
        match node {
            WireNode::Code => self.code_schema(),
            WireNode::Message => Map::new()
                .with("type", "string")
                .with("description", MESSAGE)
                .into(),
            WireNode::Status => Map::new()
                .with("type", "integer")
                .with("description", STATUS)
                .into(),
            WireNode::Fields => Map::new()
                .with("type", "object")
                .with("description", FIELDS)
                .into(),
            WireNode::Constant(value) => Map::new()
                .with("type", "string")
                .with("description", "Always the same value.")
                .with("enum", Node::List(vec![Node::from(value)]))
                .into(),
            // The layout's objects are walked by `object_schema`.
            WireNode::Object(members) => self.object_schema(members, None),
        }
    }

    /// The schema of the code: a string or integer `enum` of the documented codes.
    fn code_schema(&self) -> Node<'_, B> {
        let codes = self.codes();
        let integers: Vec<i64> = codes.iter().filter_map(|c| c.parse().ok()).collect();
        // A catalog with integer codes has only codes that parse (the macro checked them); a
        // hand-made one that does not is sent as a string, as the body's serializer does.
        let (ty, values): (Node<'_, B>, Vec<Node<'_, B>>) = match self.catalog.wire.code_type {
            CodeType::Integer if integers.len() == codes.len() => (
                "integer".into(),
                integers.into_iter().map(Node::Int).collect(),
            ),
            CodeType::Integer => (
                Node::List(vec!["integer".into(), "string".into()]),
                codes
                    .into_iter()
                    .map(|c| c.parse().map_or(Node::from(c), Node::Int))
                    .collect(),
            ),
            _ => ("string".into(), codes.into_iter().map(Node::from).collect()),
        };
        let schema = Map::new().with("type", ty).with("description", CODE);
        // An empty `enum` would match no code: without entries the schema says only the type.
        if values.is_empty() {
            schema.into()
        } else {
            schema.with("enum", Node::List(values)).into()
        }
    }

    /// The schema of the problem details body that `Problem` writes.
    fn problem_schema(&self) -> Node<'_, B> {
        let title = self.prose.inline(self.catalog.title);
        let description = format!(
            "An error of the {title} as RFC 9457 problem details; the error's fields follow as \
             extension members, each under its name (`field_<name>` for a name that a member \
             above has, or that starts with `field_`)."
        );
        let members = [
            (
                "type",
                Map::new()
                    .with("type", "string")
                    .with("description", "The problem type, a URI."),
            ),
            (
                "title",
                Map::new()
                    .with("type", "string")
                    .with("description", "The reason phrase of the status."),
            ),
            (
                "status",
                Map::new()
                    .with("type", "integer")
                    .with("description", STATUS),
            ),
            (
                "detail",
                Map::new()
                    .with("type", "string")
                    .with("description", MESSAGE),
            ),
        ];
        let required = ["type", "title", "status", "detail", "code"]
            .into_iter()
            .map(Node::from)
            .collect();
        let mut properties: Vec<(Cow<'_, str>, Node<'_, B>)> = members
            .into_iter()
            .map(|(key, schema)| (Cow::Borrowed(key), schema.into()))
            .collect();
        properties.push((Cow::Borrowed("code"), self.code_schema()));
        Map::new()
            .with("type", "object")
            .with("description", description)
            .with("required", Node::List(required))
            .with("properties", Node::Map(Map(properties)))
            .into()
    }

    fn response_node(&self, status: u16) -> Node<'_, B> {
        let mut examples = Map::new();
        for (index, body) in &self.examples {
            let Some(entry) = self.catalog.errors.get(*index) else {
                continue;
            };
            if entry.status != status {
                continue;
            }
            let mut example = Map::new().with("summary", summary(entry));
            let mut description: Vec<Cow<'_, str>> = [entry.doc, entry.help]
                .into_iter()
                .filter(|text| !text.is_empty())
                .map(|text| self.prose.block(text))
                .collect();
            description.push(Cow::Owned(format!(
                "Code {}, message template {}.",
                code_span(entry.code),
                code_span(entry.message)
            )));
            if let Err(why) = body {
                description.push(Cow::Owned(format!("(No example value: {why}.)")));
            }
            example.insert("description", description.join("\n\n"));
            if let Ok(body) = body {
                example.insert("value", Node::Body(body));
            }
            examples.insert(entry.name, example);
        }
        let status_text = self.status_text(status);
        let status_text = self.prose.inline(&status_text);
        let meaning = self
            .catalog
            .statuses
            .iter()
            .find(|row| row.code == status)
            .map_or("", |row| row.meaning);
        let description = if meaning.is_empty() {
            status_text.into_owned()
        } else {
            format!("{status_text}: {}", self.prose.block(meaning))
        };
        let schema = match &self.schema_at {
            SchemaAt::Inline => self.schema().0,
            SchemaAt::Ref(reference) => Map::new().with("$ref", reference.as_str()).into(),
        };
        let media = Map::new().with("schema", schema).with("examples", examples);
        let mut response = Map::new().with("description", description);
        let mut headers = Map::new();
        if let Some(header) = self.catalog.wire.header {
            let codes = self.codes().into_iter().map(Node::from).collect();
            let schema = Map::new()
                .with("type", "string")
                .with("enum", Node::List(codes));
            headers.insert(
                header,
                Map::new()
                    .with("description", "The error code, as in the body.")
                    .with("required", Node::Bool(true))
                    .with("schema", schema),
            );
        }
        if let Some(header) = self.retry_after_header(status) {
            headers.insert("Retry-After", header);
        }
        if !headers.0.is_empty() {
            response.insert("headers", headers);
        }
        response
            .with("content", Map::new().with(self.media_type(), media))
            .into()
    }

    /// The `Retry-After` header of a status's response, when a documented entry of the status
    /// names a `retry_after` field: the delay in whole seconds, required when every entry of
    /// the status sends it, which an entry does only when its field is unsigned (the server
    /// sends no header for a negative value) and at most 64 bits wide.
    fn retry_after_header(&self, status: u16) -> Option<Map<'_, B>> {
        let entries: Vec<&ErrorSpec> = self.entries().filter(|e| e.status == status).collect();
        let with: Vec<String> = entries
            .iter()
            .filter_map(|entry| Some(format!("`{}` of {}", entry.retry_after?, entry.name)))
            .collect();
        if with.is_empty() {
            return None;
        }
        let always_sent = entries.iter().all(|entry| {
            entry
                .retry_after
                .and_then(|name| entry.fields.iter().find(|field| field.name == name))
                .is_some_and(|field| matches!(field.ty, "u8" | "u16" | "u32" | "u64" | "usize"))
        });
        Some(
            Map::new()
                .with(
                    "description",
                    format!(
                        "How many seconds to wait before retrying: the field {}.",
                        with.join(", the field ")
                    ),
                )
                .with("required", Node::Bool(always_sent))
                .with(
                    "schema",
                    Map::new()
                        .with("type", "integer")
                        .with("minimum", Node::Int(0)),
                ),
        )
    }
}

const CODE: &str = "The error code, which tells the errors apart.";
const MESSAGE: &str = "The message, which follows the template of its error.";
const STATUS: &str = "The HTTP status of the response.";
const FIELDS: &str = "The error's typed fields, each under its name: integers as numbers, booleans as booleans, the rest as strings.";

/// The reason phrase of `status`: the catalog's, else the canonical one.
fn reason(catalog: &CatalogSpec, status: u16) -> Option<&'static str> {
    catalog
        .statuses
        .iter()
        .find(|row| row.code == status && !row.reason.is_empty())
        .map(|row| row.reason)
        .or_else(|| http::StatusCode::from_u16(status).ok()?.canonical_reason())
}

/// An example's summary, which OpenAPI reads as plain text: the first line of the entry's
/// doc, or its code and template when it has no doc.
fn summary(entry: &ErrorSpec) -> String {
    match entry
        .doc
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
    {
        Some(line) => line.to_owned(),
        None => format!("{}: {}", entry.code, entry.message),
    }
}

/// `text` as a CommonMark code span, which shows it literally: delimited by one backtick more
/// than its longest run of backticks, with a space inside each end when it starts or ends
/// with a backtick or a space.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with(['`', ' ']) || text.ends_with(['`', ' ']) {
        " "
    } else {
        ""
    };
    // Line breaks in a code span are spaces; a template has none, but a code might.
    let text = text.replace(['\n', '\r'], " ");
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A piece of an OpenAPI document (a schema, a response): its [`Serialize`] writes the
/// object, members in a fixed order.
pub struct Fragment<'a, B>(Node<'a, B>);

impl<B: Serialize> Serialize for Fragment<'_, B> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<B> std::fmt::Debug for Fragment<'_, B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fragment(..)")
    }
}

/// A JSON value whose objects keep the order their members were added in, with the example
/// bodies in place.
enum Node<'a, B> {
    Str(Cow<'a, str>),
    Int(i64),
    Bool(bool),
    List(Vec<Node<'a, B>>),
    Map(Map<'a, B>),
    /// An example body, serialized as it is.
    Body(&'a B),
}

/// A JSON object whose members keep their order.
struct Map<'a, B>(Vec<(Cow<'a, str>, Node<'a, B>)>);

impl<'a, B> Map<'a, B> {
    fn new() -> Self {
        Map(Vec::new())
    }

    fn insert(&mut self, key: impl Into<Cow<'a, str>>, value: impl Into<Node<'a, B>>) {
        self.0.push((key.into(), value.into()));
    }

    fn with(mut self, key: impl Into<Cow<'a, str>>, value: impl Into<Node<'a, B>>) -> Self {
        self.insert(key, value);
        self
    }
}

impl<'a, B> From<&'a str> for Node<'a, B> {
    fn from(text: &'a str) -> Self {
        Node::Str(Cow::Borrowed(text))
    }
}

impl<B> From<String> for Node<'_, B> {
    fn from(text: String) -> Self {
        Node::Str(Cow::Owned(text))
    }
}

impl<'a, B> From<Map<'a, B>> for Node<'a, B> {
    fn from(map: Map<'a, B>) -> Self {
        Node::Map(map)
    }
}

impl<B: Serialize> Serialize for Node<'_, B> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Str(text) => serializer.serialize_str(text),
            Node::Int(n) => serializer.serialize_i64(*n),
            Node::Bool(value) => serializer.serialize_bool(*value),
            Node::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Map(Map(members)) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key.as_ref(), value)?;
                }
                map.end()
            }
            Node::Body(body) => body.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::__private::{catalog_spec, error_spec, field_spec, status_spec, wire_spec};

    const LAYOUT: &[WireMember] = &[
        WireMember {
            key: "error",
            node: WireNode::Object(&[
                WireMember {
                    key: "code",
                    node: WireNode::Code,
                },
                WireMember {
                    key: "message",
                    node: WireNode::Message,
                },
            ]),
        },
        WireMember {
            key: "kind",
            node: WireNode::Constant("Error"),
        },
    ];

    const fn entry(
        name: &'static str,
        code: &'static str,
        status: u16,
        doc: &'static str,
        fields: &'static [crate::FieldSpec],
        retry_after: Option<&'static str>,
    ) -> ErrorSpec {
        error_spec(
            name,
            code,
            status,
            "Failed {n}",
            "Failed 1",
            fields,
            doc,
            "",
            None,
            false,
            false,
            false,
            retry_after,
        )
    }

    static ERRORS: [ErrorSpec; 4] = [
        entry(
            "Busy",
            "7",
            503,
            "",
            &[field_spec("n", "u32", "1", "")],
            Some("n"),
        ),
        entry("Gone", "x", 404, "\n  First line.\nSecond line.", &[], None),
        entry(
            "Late",
            "7",
            503,
            "Late.",
            &[field_spec("n", "i32", "1", "")],
            Some("n"),
        ),
        entry("Same", "7", 404, "Same code.", &[], None),
    ];

    static CATALOG: CatalogSpec = catalog_spec(
        "Hand-made",
        "",
        None,
        None,
        wire_spec(
            "/error/code",
            "/error/message",
            true,
            None,
            None,
            &[],
            Some("x-code"),
            LAYOUT,
        ),
        &[status_spec(404, "Gone Away", "The thing is gone.")],
        &[],
        &ERRORS,
        &[],
    );

    fn errors(indices: &[usize]) -> Errors<'static, Value> {
        Errors::new(
            &CATALOG,
            indices
                .iter()
                .map(|&index| (index, Ok(json!({"at": index})))),
        )
    }

    fn json(fragment: Fragment<'_, Value>) -> Value {
        serde_json::to_value(fragment).unwrap()
    }

    #[test]
    fn statuses_follow_the_table_then_the_catalog_and_codes_appear_once() {
        let errors = errors(&[3, 0, 9, 1, 0]);
        assert_eq!(errors.entries().count(), 3, "9 is out of the catalog");
        assert_eq!(errors.statuses(), [404, 503]);
        assert_eq!(errors.codes(), ["7", "x"]);
        assert_eq!(errors.status_text(404), "404 Gone Away");
        assert_eq!(errors.status_text(503), "503 Service Unavailable");
        assert_eq!(errors.status_text(599), "599");
    }

    #[test]
    fn a_code_that_is_not_an_integer_makes_the_type_either() {
        let schema = json(errors(&[0, 1]).schema());
        let code = &schema["properties"]["error"]["properties"]["code"];
        assert_eq!(code["type"], json!(["integer", "string"]));
        assert_eq!(code["enum"], json!([7, "x"]));
        assert_eq!(schema["required"], json!(["error", "kind"]));
        assert_eq!(schema["properties"]["kind"]["enum"], json!(["Error"]));

        let code = &json(errors(&[0, 2]).schema())["properties"]["error"]["properties"]["code"];
        assert_eq!(code["type"], "integer");
        assert_eq!(code["enum"], json!([7]));
    }

    #[test]
    fn no_entry_gives_a_code_of_any_value() {
        let code = &json(errors(&[]).schema())["properties"]["error"]["properties"]["code"];
        assert!(code.get("enum").is_none());
        assert_eq!(code["type"], "integer");
    }

    #[test]
    fn examples_have_the_entry_name_first_doc_line_and_code_and_template() {
        let errors = Errors::new(
            &CATALOG,
            [
                (1, Ok(json!({"gone": true}))),
                (3, Err("the example of `n` does not parse".to_owned())),
            ],
        );
        let response = json(errors.response(404));
        assert_eq!(response["description"], "404 Gone Away: The thing is gone.");
        let examples = &response["content"]["application/json"]["examples"];
        assert_eq!(examples["Gone"]["summary"], "First line.");
        assert_eq!(
            examples["Gone"]["description"],
            "\n  First line.\nSecond line.\n\nCode `x`, message template `Failed {n}`."
        );
        assert_eq!(examples["Gone"]["value"], json!({"gone": true}));
        // No value, and the description says why.
        assert!(examples["Same"].get("value").is_none());
        assert!(
            examples["Same"]["description"]
                .as_str()
                .unwrap()
                .ends_with("(No example value: the example of `n` does not parse.)")
        );
        let header = &response["headers"]["x-code"];
        assert_eq!(header["schema"]["enum"], json!(["x", "7"]));
        assert_eq!(header["required"], true);
        assert!(response["headers"].get("Retry-After").is_none());
    }

    #[test]
    fn a_summary_without_doc_is_the_code_and_template() {
        let response = json(errors(&[0]).response(503));
        let busy = &response["content"]["application/json"]["examples"]["Busy"];
        assert_eq!(busy["summary"], "7: Failed {n}");
        assert_eq!(busy["value"], json!({"at": 0}));
    }

    #[test]
    fn retry_after_is_required_when_every_entry_sends_it() {
        let header = |indices: &[usize]| {
            json(errors(indices).response(503))["headers"]["Retry-After"].clone()
        };
        assert_eq!(header(&[0])["required"], true);
        assert_eq!(
            header(&[0])["description"],
            "How many seconds to wait before retrying: the field `n` of Busy."
        );
        // An `i32` may be negative, and a negative delay sends no header.
        assert_eq!(header(&[0, 2])["required"], false);
        assert_eq!(
            header(&[0, 2])["schema"],
            json!({"type": "integer", "minimum": 0})
        );
    }

    #[test]
    fn a_response_can_refer_to_its_schema_and_be_problem_details() {
        let errors = errors(&[1]).schema_ref("#/components/schemas/E");
        let response = json(errors.response(404));
        assert_eq!(
            response["content"]["application/json"]["schema"],
            json!({"$ref": "#/components/schemas/E"})
        );
        let problem = errors.problem_details();
        assert_eq!(problem.media_type(), PROBLEM_JSON);
        let schema = json(problem.schema());
        assert_eq!(
            schema["required"],
            json!(["type", "title", "status", "detail", "code"])
        );
        assert_eq!(schema["properties"]["code"]["enum"], json!(["x"]));
        assert!(
            json(problem.response(404))["content"]
                .get(PROBLEM_JSON)
                .is_some()
        );
    }

    #[test]
    fn prose_rewrites_the_catalogs_text_only() {
        struct Shout;
        impl Prose for Shout {
            fn block<'t>(&self, text: &'t str) -> Cow<'t, str> {
                Cow::Owned(text.to_uppercase())
            }
            fn inline<'t>(&self, text: &'t str) -> Cow<'t, str> {
                Cow::Owned(format!("*{text}*"))
            }
        }
        let errors = errors(&[3]).prose(&Shout);
        let response = json(errors.response(404));
        assert_eq!(
            response["description"],
            "*404 Gone Away*: THE THING IS GONE."
        );
        let same = &response["content"]["application/json"]["examples"]["Same"];
        assert_eq!(same["summary"], "Same code.");
        assert_eq!(
            same["description"],
            "SAME CODE.\n\nCode `7`, message template `Failed {n}`."
        );
        assert_eq!(
            json(errors.schema())["description"],
            "The error body of the *Hand-made*."
        );
    }

    #[test]
    fn code_spans_show_backticks_literally() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a `b` c"), "``a `b` c``");
        assert_eq!(code_span("`x``"), "``` `x`` ```");
        assert_eq!(code_span(" a"), "`  a `");
        assert_eq!(code_span("a\nb"), "`a b`");
    }
}
