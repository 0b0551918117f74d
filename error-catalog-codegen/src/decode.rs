//! Decoding: from the TOML tables to the typed [`Catalog`]. Every problem becomes a
//! [`Diagnostic`]; none stops the decoding of the rest.

use std::ops::Range;

use error_catalog_template::Piece;
use toml::de::{DeTable, DeValue};

use crate::check;
use crate::diag::{Ctxt, Diagnostic, Rule};
use crate::examples::default_example;
use crate::model::{
    Catalog, Entry, EnumType, Field, FieldType, Locales, Part, Retired, Spanned, Status,
    Translated, Translation, Wire,
};
use crate::source::Source;
use crate::toml_shape::{self as shape, Table, Value};
use crate::types;
use crate::wire::{CodeType, Constant};
use crate::{locale, names};

/// The keys each table of a catalog knows; any other is [`Rule::UnknownKey`]. The catalog
/// format's JSON Schema, `docs/catalog.schema.json`, lists the same keys (a test below keeps
/// them in step).
pub(crate) mod keys {
    /// The top-level tables.
    pub(crate) const TOP_LEVEL: &[&str] = &["catalog", "status", "types", "errors", "retired"];
    /// `[catalog]`.
    pub(crate) const CATALOG: &[&str] = &[
        "title",
        "doc",
        "docs_url",
        "problem_base",
        "wire",
        "default_locale",
        "locales",
    ];
    /// `[catalog] wire`.
    pub(crate) const WIRE: &[&str] = &[
        "code",
        "message",
        "code_type",
        "status",
        "fields",
        "constants",
        "header",
    ];
    /// `[status.NNN]`.
    pub(crate) const STATUS: &[&str] = &["reason", "meaning", "reasons", "meanings"];
    /// `[types.Name]`.
    pub(crate) const ENUM: &[&str] = &["values", "doc"];
    /// `[errors.Name]`.
    pub(crate) const ENTRY: &[&str] = &[
        "code",
        "status",
        "message",
        "doc",
        "help",
        "shared_code",
        "overlapping",
        "retryable",
        "retry_after",
        "fields",
        "messages",
    ];
    /// The long form of a field, `fields.name = { ... }`.
    pub(crate) const FIELD: &[&str] = &["type", "example", "doc"];
}

/// `wire = { code = "/error/code", message = "/error/message", ... }`. `code` and `message`
/// are required; the rest is optional. Every key is read even when another is broken.
fn wire(cx: &mut Ctxt, table: &Table<'_>, span: &Range<usize>) -> Wire {
    shape::known_keys(cx, table, keys::WIRE, "in `wire`");
    let mut wire = Wire::default();
    if let Some(code) = shape::string(cx, table, "code", span, "`wire`", true) {
        wire.code = code;
    }
    if let Some(message) = shape::string(cx, table, "message", span, "`wire`", true) {
        wire.message = message;
    }
    if let Some(code_type) = shape::string(cx, table, "code_type", span, "`wire`", false) {
        match CodeType::from_name(&code_type.value) {
            Some(value) => wire.code_type = Spanned::new(value, code_type.span),
            None => {
                let mut diagnostic = Diagnostic::new(
                    Rule::InvalidWire,
                    code_type.span.clone(),
                    format!(
                        "`code_type` is `{}`, not `string` or `integer`",
                        code_type.value
                    ),
                )
                .label("unknown code type");
                diagnostic = match names::closest(&code_type.value, ["string", "integer"]) {
                    Some(near) => diagnostic.help(format!("did you mean `code_type = \"{near}\"`?")),
                    None => diagnostic.help(
                        "write `code_type = \"string\"` (the default) for codes sent as JSON strings, or `code_type = \"integer\"` for codes sent as JSON numbers",
                    ),
                };
                cx.push(diagnostic);
            }
        }
    }
    wire.status = shape::string(cx, table, "status", span, "`wire`", false);
    wire.fields = shape::string(cx, table, "fields", span, "`wire`", false);
    wire.header = shape::string(cx, table, "header", span, "`wire`", false);
    if let Some(value) = table.get("constants")
        && let Some((constants, _)) = shape::table(cx, value, "`constants`")
    {
        for (key, value) in constants {
            let location = Spanned::new(key.get_ref().to_string(), key.span());
            match value.get_ref() {
                DeValue::String(text) => wire.constants.push(Constant {
                    location,
                    value: Spanned::new(text.to_string(), value.span()),
                }),
                other => cx.push(
                    shape::wrong_type(
                        value.span(),
                        &format!("the constant at `{}`", location.value),
                        "a string",
                        other,
                    )
                    .help("a constant is a fixed string member of every error body, such as `constants = { \"/kind\" = \"Status\" }`"),
                ),
            }
        }
    }
    wire
}

/// Parses `source` into a catalog. The catalog is `None` when the file is not valid TOML or
/// lacks the `[catalog]` table; otherwise it holds every entry that could be read whole.
pub(crate) fn catalog(source: &Source, cx: &mut Ctxt) -> Option<Catalog> {
    let (root, errors) = DeTable::parse_recoverable(source.text());
    if !errors.is_empty() {
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            cx.push(shape::toml_error(source, error.message().trim(), span));
        }
        return None;
    }
    let root = root.into_inner();
    let decoder = Decoder { source };
    shape::known_keys(cx, &root, keys::TOP_LEVEL, "at the top level");

    let header = match root.get("catalog") {
        Some(value) => shape::table(cx, value, "`[catalog]`"),
        None => {
            cx.push(
                Diagnostic::new(Rule::MissingKey, 0..0, "missing `[catalog]` table")
                    .label("the catalog starts here")
                    .help("start the file with `[catalog]` and `title = \"...\"`"),
            );
            return None;
        }
    };
    let Header {
        title,
        doc,
        docs_url,
        problem_base,
        wire,
        locales,
    } = match header {
        Some((table, span)) => decoder.header(cx, table, span),
        None => Header {
            title: String::new(),
            doc: String::new(),
            docs_url: None,
            problem_base: None,
            wire: Wire::default(),
            locales: Locales::default(),
        },
    };

    let types = root
        .get("types")
        .and_then(|v| shape::table(cx, v, "`[types]`"))
        .map(|(table, _)| decoder.types(cx, table))
        .unwrap_or_default();
    let statuses = root
        .get("status")
        .and_then(|v| shape::table(cx, v, "`[status]`"))
        .map(|(table, _)| decoder.statuses(cx, table))
        .unwrap_or_default();
    let retired = root
        .get("retired")
        .and_then(|v| shape::table(cx, v, "`[retired]`"))
        .map(|(table, _)| decoder.retired(cx, table))
        .unwrap_or_default();
    let entries = root
        .get("errors")
        .and_then(|v| shape::table(cx, v, "`[errors]`"))
        .map(|(table, _)| decoder.entries(cx, table, &types))
        .unwrap_or_default();

    Some(Catalog {
        title,
        doc,
        docs_url,
        problem_base,
        wire,
        statuses,
        types,
        entries,
        retired,
        locales,
    })
}

/// What `[catalog]` says.
struct Header {
    title: String,
    doc: String,
    docs_url: Option<Spanned<String>>,
    problem_base: Option<Spanned<String>>,
    wire: Wire,
    locales: Locales,
}

/// Decodes the tables of one catalog file.
struct Decoder<'s> {
    /// The file, for the spans of headers and of text inside strings.
    source: &'s Source,
}

impl Decoder<'_> {
    /// `[catalog]`: title, doc, docs URL and wire shape.
    fn header(&self, cx: &mut Ctxt, table: &Table<'_>, span: Range<usize>) -> Header {
        shape::known_keys(cx, table, keys::CATALOG, "in `[catalog]`");
        let span = shape::header_span(self.source.text(), span);
        let title = shape::string(cx, table, "title", &span, "`[catalog]`", true)
            .map(|s| s.value)
            .unwrap_or_default();
        let doc = shape::string(cx, table, "doc", &span, "`[catalog]`", false)
            .map(|s| s.value)
            .unwrap_or_default();
        let docs_url = shape::string(cx, table, "docs_url", &span, "`[catalog]`", false);
        let problem_base = shape::string(cx, table, "problem_base", &span, "`[catalog]`", false);
        let wire = match table.get("wire") {
            Some(value) => match shape::table(cx, value, "`wire`") {
                Some((wire_table, wire_span)) => wire(cx, wire_table, &wire_span),
                None => Wire::default(),
            },
            None => Wire::default(),
        };
        let locales = Locales {
            default: shape::string(cx, table, "default_locale", &span, "`[catalog]`", false),
            declared: locale::declared(cx, table),
        };
        Header {
            title,
            doc,
            docs_url,
            problem_base,
            wire,
            locales,
        }
    }

    /// `[types.*]`. Every enum is kept, even one whose body is broken (reported here), so
    /// that the fields typed with it still resolve: one mistake, one diagnostic.
    fn types(&self, cx: &mut Ctxt, table: &Table<'_>) -> Vec<EnumType> {
        let mut types = Vec::new();
        for (key, value) in table {
            let name = Spanned::new(key.get_ref().to_string(), key.span());
            let what = format!("`[types.{}]`", name.value);
            let (values, doc) = match shape::table(cx, value, &what) {
                Some((body, span)) => self.enum_body(cx, &name, &what, body, span),
                None => (Vec::new(), String::new()),
            };
            let variants = values
                .iter()
                .map(|v| names::upper_camel(&v.value))
                .collect();
            types.push(EnumType {
                name,
                values,
                variants,
                doc,
            });
        }
        types
    }

    /// The body of `[types.Name]`: its values (none when `values` is missing, empty or not an
    /// array) and its docs.
    fn enum_body(
        &self,
        cx: &mut Ctxt,
        name: &Spanned<String>,
        what: &str,
        body: &Table<'_>,
        span: Range<usize>,
    ) -> (Vec<Spanned<String>>, String) {
        shape::known_keys(cx, body, keys::ENUM, &format!("in {what}"));
        let doc = shape::string(cx, body, "doc", &span, what, false)
            .map(|s| s.value)
            .unwrap_or_default();
        let Some(values) = body.get("values") else {
            if !shape::misspelt(body, "values") {
                cx.push(shape::missing(name.span.clone(), "values", what));
            }
            return (Vec::new(), doc);
        };
        let array = match values.get_ref() {
            DeValue::Array(array) => array,
            DeValue::String(text) => {
                cx.push(
                    shape::wrong_type(
                        values.span(),
                        "`values`",
                        "an array of strings",
                        values.get_ref(),
                    )
                    .help(format!("write the value in a list: `values = [{text:?}]`")),
                );
                return (Vec::new(), doc);
            }
            other => {
                cx.push(shape::wrong_type(
                    values.span(),
                    "`values`",
                    "an array of strings",
                    other,
                ));
                return (Vec::new(), doc);
            }
        };
        if array.iter().next().is_none() {
            check::enum_not_empty(name, values.span(), cx);
        }
        let mut out = Vec::new();
        for item in array.iter() {
            match item.get_ref() {
                DeValue::String(text) => out.push(Spanned::new(text.to_string(), item.span())),
                other => cx.push(shape::wrong_type(
                    item.span(),
                    "an enum value",
                    "a string",
                    other,
                )),
            }
        }
        (out, doc)
    }

    /// `[status.*]`.
    fn statuses(&self, cx: &mut Ctxt, table: &Table<'_>) -> Vec<Status> {
        let mut statuses = Vec::new();
        for (key, value) in table {
            let what = format!("`[status.{}]`", key.get_ref());
            let Some(code) = check::status_key(key.get_ref(), key.span(), cx) else {
                continue;
            };
            let Some((body, span)) = shape::table(cx, value, &what) else {
                continue;
            };
            shape::known_keys(cx, body, keys::STATUS, &format!("in {what}"));
            let reason = shape::string(cx, body, "reason", &span, &what, false)
                .map(|s| s.value)
                .or_else(|| names::canonical_reason(code).map(str::to_owned))
                .unwrap_or_default();
            let meaning = shape::string(cx, body, "meaning", &span, &what, false)
                .map(|s| s.value)
                .unwrap_or_default();
            let translated = |cx: &mut Ctxt, key: &str| {
                locale::texts(cx, body, key)
                    .into_iter()
                    .map(|(locale, text)| Translated { locale, text })
                    .collect()
            };
            let reasons = translated(cx, "reasons");
            let meanings = translated(cx, "meanings");
            statuses.push(Status {
                code: Spanned::new(code, key.span()),
                reason,
                meaning,
                reasons,
                meanings,
            });
        }
        statuses
    }

    /// `[retired]`: code = "note".
    fn retired(&self, cx: &mut Ctxt, table: &Table<'_>) -> Vec<Retired> {
        let mut retired = Vec::new();
        for (key, value) in table {
            let note = match value.get_ref() {
                DeValue::String(note) => note.to_string(),
                other => {
                    cx.push(
                        shape::wrong_type(value.span(), "a retired code's note", "a string", other)
                            .help(format!(
                                "write `\"{}\" = \"why it was retired\"`",
                                key.get_ref()
                            )),
                    );
                    continue;
                }
            };
            retired.push(Retired {
                code: Spanned::new(key.get_ref().to_string(), key.span()),
                note,
            });
        }
        retired
    }

    /// `[errors.*]`.
    fn entries(&self, cx: &mut Ctxt, table: &Table<'_>, types: &[EnumType]) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (key, value) in table {
            let name = Spanned::new(key.get_ref().to_string(), key.span());
            if let Some(entry) = self.entry(cx, name, value, types) {
                entries.push(entry);
            }
        }
        entries
    }

    fn entry(
        &self,
        cx: &mut Ctxt,
        name: Spanned<String>,
        value: &Value<'_>,
        types: &[EnumType],
    ) -> Option<Entry> {
        let what = format!("`[errors.{}]`", name.value);
        let (body, _) = shape::table(cx, value, &what)?;
        shape::known_keys(cx, body, keys::ENTRY, &format!("in {what}"));
        let owner = name.span.clone();
        let code = shape::string(cx, body, "code", &owner, &what, true);
        let status = match body.get("status") {
            None => {
                if !shape::misspelt(body, "status") {
                    cx.push(shape::missing(owner.clone(), "status", &what));
                }
                None
            }
            Some(value) => match value.get_ref() {
                DeValue::Integer(int) => {
                    let number = (int.radix() == 10)
                        .then(|| int.as_str().replace('_', "").parse::<i64>().ok())
                        .flatten();
                    let written = self.source.text().get(value.span()).unwrap_or_default();
                    check::status_value(number, written, value.span(), cx)
                        .map(|code| Spanned::new(code, value.span()))
                }
                DeValue::String(text) => {
                    cx.push(
                        shape::wrong_type(value.span(), "`status`", "an integer", value.get_ref())
                            .help(format!("write it as a number: `status = {text}`")),
                    );
                    None
                }
                other => {
                    cx.push(shape::wrong_type(
                        value.span(),
                        "`status`",
                        "an integer",
                        other,
                    ));
                    None
                }
            },
        };
        let message = shape::string(cx, body, "message", &owner, &what, true);
        let doc = shape::string(cx, body, "doc", &owner, &what, false)
            .map(|s| s.value)
            .unwrap_or_default();
        let help = shape::string(cx, body, "help", &owner, &what, false)
            .map(|s| s.value)
            .unwrap_or_default();
        let shared_code = shape::boolean(cx, body, "shared_code");
        let overlapping = shape::boolean(cx, body, "overlapping");
        let retryable = shape::boolean(cx, body, "retryable");
        let retry_after = shape::string(cx, body, "retry_after", &owner, &what, false);
        let declared = match body.get("fields") {
            Some(value) => match shape::table(cx, value, "`fields`") {
                Some((fields, _)) => self.declared_fields(cx, fields, types),
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        let texts = locale::texts(cx, body, "messages");
        let (code, status, message) = (code?, status?, message?);
        let text = self.source.text();
        let pieces = check::template(
            &message,
            |range| shape::in_string(text, &message, range),
            cx,
        );
        let template_ok = pieces.is_some();
        let (parts, fields) = self.resolve_template(cx, &name, &message, pieces, declared, types);
        let translations = texts
            .into_iter()
            .map(|(locale, message)| {
                let in_file = |range| shape::in_string(text, &message, range);
                let pieces = check::template(&message, in_file, cx);
                // Without the default's fields, the translation's placeholders are unknown.
                let parts = match pieces.filter(|_| template_ok) {
                    Some(pieces) => locale::resolve(
                        cx,
                        in_file,
                        (&name, &parts),
                        &fields,
                        (&locale, &message),
                        pieces,
                    ),
                    None => Vec::new(),
                };
                Translation {
                    locale,
                    message,
                    parts,
                }
            })
            .collect();
        Some(Entry {
            name,
            code,
            status,
            message,
            parts,
            fields,
            doc,
            help,
            shared_code,
            overlapping,
            retryable,
            retry_after,
            translations,
        })
    }

    /// The `fields` table of an entry.
    fn declared_fields(
        &self,
        cx: &mut Ctxt,
        table: &Table<'_>,
        types: &[EnumType],
    ) -> Vec<Declared> {
        let mut declared = Vec::new();
        for (key, value) in table {
            let name = Spanned::new(key.get_ref().to_string(), key.span());
            if !check::declared_field_name(&name, cx) {
                continue;
            }
            let (ty_text, example, doc) = match value.get_ref() {
                DeValue::String(ty) => (
                    Spanned::new(ty.to_string(), value.span()),
                    None,
                    String::new(),
                ),
                DeValue::Table(long) => {
                    shape::known_keys(cx, long, keys::FIELD, &format!("in field `{}`", name.value));
                    let ty = shape::string(cx, long, "type", &value.span(), "the field", false)
                        .unwrap_or_else(|| Spanned::new("String".to_owned(), value.span()));
                    let example = long
                        .get("example")
                        .and_then(|example| match example.get_ref() {
                            DeValue::String(text) => {
                                Some(Spanned::new(text.to_string(), example.span()))
                            }
                            DeValue::Integer(int) => {
                                Some(Spanned::new(int.as_str().to_owned(), example.span()))
                            }
                            DeValue::Boolean(b) => {
                                Some(Spanned::new(b.to_string(), example.span()))
                            }
                            other => {
                                cx.push(shape::wrong_type(
                                    example.span(),
                                    "`example`",
                                    "a string",
                                    other,
                                ));
                                None
                            }
                        });
                    let doc = shape::string(cx, long, "doc", &value.span(), "the field", false)
                        .map(|s| s.value)
                        .unwrap_or_default();
                    (ty, example, doc)
                }
                other => {
                    cx.push(
                        shape::wrong_type(value.span(), &format!("field `{}`", name.value), "a type name or a table", other)
                            .help(format!("write `fields.{} = \"String\"` or `fields.{} = {{ type = \"u32\", example = \"42\" }}`", name.value, name.value)),
                    );
                    continue;
                }
            };
            let ty_text = Spanned::new(ty_text.value.trim().to_owned(), ty_text.span);
            let ty = check::field_type(&ty_text, types, cx);
            declared.push(Declared {
                name,
                ty,
                ty_text,
                example,
                doc,
            });
        }
        declared
    }

    /// Joins the placeholders of the template with the declared fields: each placeholder
    /// becomes a part that names its field, and each distinct placeholder a field. `pieces` is
    /// `None` when the template could not be parsed: its placeholders are then unknown, so no
    /// declared field is reported as unused.
    fn resolve_template(
        &self,
        cx: &mut Ctxt,
        entry: &Spanned<String>,
        message: &Spanned<String>,
        pieces: Option<Vec<Piece>>,
        declared: Vec<Declared>,
        types: &[EnumType],
    ) -> (Vec<Part>, Vec<Field>) {
        let template_ok = pieces.is_some();
        let mut parts = Vec::new();
        let mut fields: Vec<Field> = Vec::new();
        for piece in pieces.unwrap_or_default() {
            let (name, span) = match piece {
                Piece::Literal(text) => {
                    parts.push(Part::Literal(text));
                    continue;
                }
                Piece::Placeholder { name, span } => {
                    (name, shape::in_string(self.source.text(), message, span))
                }
            };
            // A name used twice is one field.
            if let Some(index) = fields.iter().position(|f| f.name.value == name) {
                parts.push(Part::Placeholder { field: index, span });
                continue;
            }
            let name = Spanned::new(name, span.clone());
            // Placeholder names are field names: the template's rules made sure of it.
            let Some(ident) = names::field_ident(&name.value) else {
                continue;
            };
            let declared = declared.iter().find(|d| d.name.value == name.value);
            let field = match declared {
                Some(d) => {
                    let (ty, rust_type) = d.ty.clone().unwrap_or_else(types::fallback);
                    let example = d.example.clone().unwrap_or_else(|| {
                        Spanned::new(
                            default_example(&name.value, &ty, types),
                            d.ty_text.span.clone(),
                        )
                    });
                    Field {
                        name,
                        ident,
                        ty,
                        rust_type,
                        ty_text: d.ty_text.clone(),
                        example_given: d.example.is_some(),
                        example,
                        doc: d.doc.clone(),
                    }
                }
                None => {
                    let (ty, rust_type) = types::fallback();
                    Field {
                        example: Spanned::new(
                            default_example(&name.value, &ty, types),
                            span.clone(),
                        ),
                        name,
                        ident,
                        ty,
                        rust_type,
                        ty_text: Spanned::new("String".to_owned(), span.clone()),
                        example_given: false,
                        doc: String::new(),
                    }
                }
            };
            parts.push(Part::Placeholder {
                field: fields.len(),
                span,
            });
            fields.push(field);
        }
        for d in declared.iter().filter(|_| template_ok) {
            if !fields.iter().any(|f| f.name.value == d.name.value) {
                check::unused_field(entry, message, &d.name, cx);
            }
        }
        (parts, fields)
    }
}

/// A field as declared in an entry's `fields` table.
struct Declared {
    /// The field name; its span is the key.
    name: Spanned<String>,
    /// The resolved type, `None` when the type is unknown (and reported).
    ty: Option<(FieldType, syn::Type)>,
    /// The type as written, trimmed.
    ty_text: Spanned<String>,
    /// The example, if given.
    example: Option<Spanned<String>>,
    /// The field's docs, or empty.
    doc: String,
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value as Json;

    use super::keys;
    use crate::diag::Rule;
    use crate::source::Source;

    /// The catalog format's JSON Schema, for editors; the workspace's copy, which this crate's
    /// package does not include.
    fn schema() -> Json {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/catalog.schema.json");
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|error| panic!("{path}: {error}: the test runs in the workspace"));
        serde_json::from_str(&text).expect("the schema is JSON")
    }

    /// The schema object that a `$ref` such as `#/definitions/entry` names.
    fn object_at<'s>(schema: &'s Json, reference: &str) -> &'s Json {
        let pointer = reference.strip_prefix('#').expect("a local reference");
        schema
            .pointer(pointer)
            .unwrap_or_else(|| panic!("no {pointer} in the schema"))
    }

    /// The schema object at `pointer`, following a `$ref` to `#/definitions/...`.
    fn object<'s>(schema: &'s Json, pointer: &str) -> &'s Json {
        let mut at = schema
            .pointer(pointer)
            .unwrap_or_else(|| panic!("no {pointer} in the schema"));
        while let Some(reference) = at.get("$ref").and_then(Json::as_str) {
            at = object_at(schema, reference);
        }
        at
    }

    /// Each table of the loader, and where the schema describes it.
    const TABLES: [(&str, &[&str], &str); 7] = [
        ("the top level", keys::TOP_LEVEL, ""),
        ("[catalog]", keys::CATALOG, "/properties/catalog"),
        ("wire", keys::WIRE, "/properties/catalog/properties/wire"),
        (
            "[status.NNN]",
            keys::STATUS,
            "/properties/status/additionalProperties",
        ),
        (
            "[types.Name]",
            keys::ENUM,
            "/properties/types/additionalProperties",
        ),
        (
            "[errors.Name]",
            keys::ENTRY,
            "/properties/errors/additionalProperties",
        ),
        ("a field's table", keys::FIELD, "/definitions/field/anyOf/1"),
    ];

    #[test]
    fn the_schema_knows_exactly_the_keys_the_loader_knows() {
        let schema = schema();
        for (table, known, pointer) in TABLES {
            let object = object(&schema, pointer);
            let properties: BTreeSet<&str> = object["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{table}: no properties at {pointer}"))
                .keys()
                .map(String::as_str)
                .collect();
            let known: BTreeSet<&str> = known.iter().copied().collect();
            assert_eq!(properties, known, "{table} ({pointer})");
            assert_eq!(
                object["additionalProperties"],
                Json::Bool(false),
                "{table}: the loader rejects unknown keys, so the schema must too"
            );
            for key in &known {
                let property = &object["properties"][key];
                // Taplo's hover shows the description of what `allOf` or `$ref` leads to, not
                // the property's own: a property has one or the other.
                let description = match property["allOf"][0].get("$ref").or(property.get("$ref")) {
                    Some(reference) => {
                        assert!(
                            property.get("description").is_none(),
                            "{table}: `{key}`'s own description would not show"
                        );
                        let target = reference.as_str().expect("a reference");
                        object_at(&schema, target)["description"].as_str()
                    }
                    None => property["description"].as_str(),
                };
                assert!(
                    description.is_some_and(|d| !d.is_empty()),
                    "{table}: `{key}` has no description for editors"
                );
            }
        }
    }

    /// What the loader reports missing in a catalog whose tables are all empty is what the
    /// schema requires, table by table.
    #[test]
    fn the_schema_requires_exactly_the_keys_the_loader_requires() {
        let schema = schema();
        let mut required: BTreeSet<(String, String)> = BTreeSet::new();
        for (table, _, pointer) in TABLES {
            if let Some(keys) = object(&schema, pointer)["required"].as_array() {
                for key in keys {
                    let key = key.as_str().expect("a key").to_owned();
                    required.insert((table.to_owned(), key));
                }
            }
        }

        let mut missing = BTreeSet::new();
        let empty = "[catalog]\nwire = {}\n\n[status.404]\n\n[types.Job]\n\n\
                     [errors.Gone]\nfields.id = {}\n";
        for text in [empty, ""] {
            let source = Source::new("t.toml", "/t.toml", text);
            let diagnostics = crate::load(&source).err().unwrap_or_default();
            for diagnostic in diagnostics {
                assert_eq!(diagnostic.rule, Rule::MissingKey, "{}", diagnostic.message);
                let message = diagnostic.message;
                let (key, owner) = match message.as_str() {
                    "missing `[catalog]` table" => ("catalog", "the top level"),
                    other => other
                        .strip_prefix("missing `")
                        .and_then(|rest| rest.split_once("` in "))
                        .expect("a missing key in a table"),
                };
                let table = match owner {
                    "`[types.Job]`" => "[types.Name]",
                    "`[errors.Gone]`" => "[errors.Name]",
                    "`wire`" => "wire",
                    owner => owner.trim_matches('`'),
                };
                missing.insert((table.to_owned(), key.to_owned()));
            }
        }
        assert_eq!(missing, required);
    }
}
