//! `error-catalog docs`: a catalog as a page or a document for others to read.
//!
//! | [`Format`] | what it is |
//! |---|---|
//! | [`Markdown`](Format::Markdown) | the page a developer portal publishes ([`markdown`]) |
//! | [`Html`](Format::Html) | the same page, self-contained HTML ([`html`]) |
//! | [`Openapi`](Format::Openapi) | an OpenAPI 3.1 document of the error body and responses ([`openapi`]) |
//! | [`Json`](Format::Json) | the catalog model, schema `error-catalog/1` ([`json`]) |
//!
//! Every error is reachable by its code: on both pages the first entry with a code has the
//! anchor `#<code>`, and every entry also has `#<code>-<Name>`, which tells apart the entries
//! of a shared code.

use std::path::Path;

use error_catalog_codegen::model::{Catalog, Entry, Field, FieldType};
use error_catalog_codegen::wire::{CodeType, Member};

use crate::Outcome;
use crate::json::Json;

pub mod html;
pub mod json;
pub mod markdown;
pub mod openapi;
mod spec;

/// The output formats of `docs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A Markdown page.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// An OpenAPI 3.1 document, as JSON.
    Openapi,
    /// The catalog model as JSON.
    Json,
}

/// Renders a catalog in `format`.
/// The pages' control characters, which only catalog text can bring, are escaped as `\u{1b}`
/// ([`crate::text::terminal`]): a page printed on a terminal sends it no escape sequence. The
/// JSON documents escape them as JSON does.
pub fn render(catalog: &Catalog, format: Format) -> String {
    match format {
        Format::Markdown => crate::text::terminal(&markdown::render(catalog)),
        Format::Html => crate::text::terminal(&html::render(catalog)),
        Format::Openapi => openapi::render(catalog),
        Format::Json => json::render(catalog),
    }
}

/// `error-catalog docs CATALOG --format FORMAT [-o FILE] [--locale LOCALE]`: the rendered
/// catalog on stdout, or in `output`, whose missing directories are created; with `locale`,
/// the catalog as a reader of that locale sees it (`Catalog::in_locale`). A catalog that does
/// not load gets its diagnostics, as `check` shows them, and exit code 1; so does a file that
/// cannot be written. A locale that the catalog does not have is a usage error (exit code 2).
pub fn run(
    path: &Path,
    format: Format,
    output: Option<&Path>,
    locale: Option<&str>,
    color: bool,
) -> Outcome {
    let loaded = match crate::load_or_report(path, color) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let localized;
    let catalog = match locale {
        None => loaded.checked.catalog(),
        Some(locale) => {
            let locales = &loaded.checked.locales;
            let mut known: Vec<&str> = locales
                .declared
                .iter()
                .flat_map(|declared| declared.value.iter().map(|tag| tag.value.as_str()))
                .collect();
            if let Some(default) = locales.default_tag().filter(|tag| !known.contains(tag)) {
                known.push(default);
            }
            let found = error_catalog_codegen::model::fallback_tags(locale)
                .into_iter()
                .any(|tag| known.iter().any(|k| k.eq_ignore_ascii_case(tag)));
            if !found {
                let list = if known.is_empty() {
                    "it names none (`default_locale`, `locales`)".to_owned()
                } else {
                    format!(
                        "its locales are {}",
                        known
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                return Outcome::error(
                    crate::EXIT_USAGE,
                    format!("`{}` has no locale `{locale}`: {list}", path.display()),
                );
            }
            localized = loaded.checked.in_locale(locale);
            &localized
        }
    };
    crate::emit(render(catalog, format), output)
}

/// A status as the pages show it: `404 Not Found`, or `404` when the table gives no reason.
pub(crate) fn status_text(catalog: &Catalog, status: u16) -> String {
    match catalog.reason(status) {
        Some(reason) if !reason.is_empty() => format!("{status} {reason}"),
        _ => status.to_string(),
    }
}

/// What the status table says a status means, or empty.
pub(crate) fn status_meaning(catalog: &Catalog, status: u16) -> &str {
    catalog
        .statuses
        .iter()
        .find(|row| row.code.value == status)
        .map_or("", |row| row.meaning.as_str())
}

/// Whether an entry is retryable, as the pages say it: `yes` or `no`, then, when the entry
/// names a `retry_after` field, where the delay comes from. `code` formats a name as code in
/// the page's markup.
pub(crate) fn retry_text(entry: &Entry, code: impl Fn(&str) -> String) -> String {
    let mut text = if entry.is_retryable() { "yes" } else { "no" }.to_owned();
    if let Some(name) = &entry.retry_after {
        text.push_str(&format!(
            "; the delay is the field {} in seconds, sent as the {} header",
            code(&name.value),
            code("Retry-After")
        ));
    }
    text
}

/// The example body of an entry, as compact JSON: its code, example message, status and
/// fields in the catalog's wire shape, exactly as a server sends it ([`Wire::entry_body`]).
///
/// [`Wire::entry_body`]: error_catalog_codegen::wire::Wire::entry_body
pub(crate) fn example_body(catalog: &Catalog, entry: &Entry) -> String {
    catalog.wire.entry_body(entry)
}

/// [`example_body`] as a JSON value, for a JSON document, its members in the body's order.
pub(crate) fn example_body_json(catalog: &Catalog, entry: &Entry) -> Json {
    Json::parse(&example_body(catalog, entry))
}

/// One member of the error body, as the pages' wire table shows it.
pub(crate) struct WireRow<'a> {
    /// What the member is: `code`, `message`, `status` or `constant`.
    pub(crate) member: &'static str,
    /// Its location, as the catalog writes it.
    pub(crate) location: &'a str,
    /// What it holds, in words.
    pub(crate) holds: &'static str,
    /// For a constant, its value as JSON (`"Status"`), shown as code after `holds`.
    pub(crate) value: Option<String>,
}

/// The members of the error body, in body order (the code, the message, the status, then the
/// constants), for the pages to show the wire shape when it is not the flat one.
pub(crate) fn wire_rows(catalog: &Catalog) -> Vec<WireRow<'_>> {
    let wire = &catalog.wire;
    wire.members()
        .map(|(member, location)| {
            let (name, holds, value) = match member {
                Member::Code => (
                    "code",
                    match wire.code_type.value {
                        CodeType::String => "the error code, a JSON string",
                        CodeType::Integer => "the error code, a JSON number",
                    },
                    None,
                ),
                Member::Message => ("message", "the message, a JSON string", None),
                Member::Status => ("status", "the HTTP status, a JSON number", None),
                Member::Fields => (
                    "fields",
                    "the error's typed fields, an object: each under its name, integers as JSON numbers, `bool`s as JSON booleans, the rest as strings",
                    None,
                ),
                Member::Constant(index) => (
                    "constant",
                    "always",
                    wire.constants.get(index).map(|constant| {
                        serde_json::Value::from(constant.value.value.as_str()).to_string()
                    }),
                ),
            };
            WireRow {
                member: name,
                location: &location.value,
                holds,
                value,
            }
        })
        .collect()
}

/// The anchor of one entry: `<code>-<Name>`.
pub(crate) fn entry_anchor(entry: &Entry) -> String {
    format!("{}-{}", entry.code.value, entry.name.value)
}

/// Whether the entry at `index` is the first with its code, which takes the anchor `<code>`.
pub(crate) fn first_with_code(catalog: &Catalog, index: usize) -> bool {
    let code = &catalog.entries[index].code.value;
    !catalog.entries[..index]
        .iter()
        .any(|entry| &entry.code.value == code)
}

/// The other entries with the same code as `entry`, for a shared code.
pub(crate) fn sharing<'a>(catalog: &'a Catalog, entry: &'a Entry) -> Vec<&'a Entry> {
    catalog
        .entries
        .iter()
        .filter(|other| other.code.value == entry.code.value && other.name != entry.name)
        .collect()
}

/// The catalog enum a field has as its type, if any.
pub(crate) fn field_enum<'a>(
    catalog: &'a Catalog,
    field: &Field,
) -> Option<&'a error_catalog_codegen::model::EnumType> {
    match field.ty {
        FieldType::Enum(index) => catalog.types.get(index),
        _ => None,
    }
}

/// The kind of a field type, as the JSON schema names it.
pub(crate) fn type_kind(ty: &FieldType) -> &'static str {
    match ty {
        FieldType::String => "string",
        FieldType::Bool => "bool",
        FieldType::Integer(_) => "integer",
        FieldType::Enum(_) => "enum",
        FieldType::External(_) => "external",
    }
}

/// The anchor of a catalog enum on the pages.
pub(crate) fn type_anchor(name: &str) -> String {
    format!("type-{name}")
}
