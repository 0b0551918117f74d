//! The catalog as an OpenAPI 3.1.0 document (JSON), for an API's own document to reference or
//! merge:
//!
//! - `components.schemas.ErrorBody`: the error body in the catalog's wire shape
//!   (`[catalog] wire`), as JSON Schema 2020-12 (which OpenAPI 3.1 uses): an object that
//!   requires each of its members, with a nested `type: object` schema, its members
//!   `required` too, for each object that a JSON pointer goes through, down to:
//!   - the code: `type: string` with an `enum` of every code of the catalog, or, with
//!     `code_type = "integer"`, `type: integer` with an integer `enum` (no `enum` for a
//!     catalog without errors, where it would match nothing);
//!   - the message: `type: string`;
//!   - the status, when `wire.status` gives its location: `type: integer`;
//!   - each constant of `wire.constants`: `type: string` with `const: "<value>"`;
//!
//!   members in the order the body has them (the order of
//!   [`Wire::layout`](error_catalog_codegen::wire::Wire::layout));
//! - `components.responses.Status<code><Reason>` (such as `Status404NotFound`): one response
//!   per status that entries use, its body a `$ref` to `ErrorBody`, with one named example
//!   per entry of that status (the key is the entry's name; `summary` its code and message
//!   template, `description` its doc and help, `value` its example body, exactly as
//!   [`Wire::body`](error_catalog_codegen::wire::Wire::body) writes it), so that errors
//!   that share a status stay distinct in Swagger UI and Redoc. When `wire.header` names a
//!   header that carries the code too, each response declares it under `headers`, required,
//!   a string `enum` of the codes. When an entry of the status names a `retry_after` field,
//!   the response declares the `Retry-After` header as well, an integer number of seconds,
//!   required when every entry of the status sends it: each names a `retry_after` field of an
//!   unsigned type of at most 64 bits (a negative value, or one beyond `u64`, sends none).
//!
//! Descriptions are CommonMark: catalog docs in them are rewritten as on the Markdown page
//! ([`md_block`]: raw HTML escaped, only `http(s)`, `mailto` and
//! relative links). `info.title` and `info.description` are the catalog's; `info.version` is `"0"`, since a
//! catalog has no version of its own. `paths` is empty: an API's operations refer to the
//! responses, as `$ref: '#/components/responses/Status404NotFound'`.

use error_catalog_codegen::model::{Catalog, FieldType};
use error_catalog_codegen::wire::{CodeType, Member, Node, integer_code};

use super::{example_body_json, status_meaning, status_text, statuses_used};
use crate::json::{Json, Object, pretty};
use crate::text::{md_block, md_inline};

/// The OpenAPI version the document follows.
pub const OPENAPI_VERSION: &str = "3.1.0";

/// The name of the error body's schema under `components.schemas`.
pub const BODY_SCHEMA: &str = "ErrorBody";

/// Renders the document, pretty-printed.
pub fn render(catalog: &Catalog) -> String {
    let mut info = Object::new().with("title", &catalog.title);
    if !catalog.doc.is_empty() {
        info.insert("description", md_block(&catalog.doc));
    }
    info.insert("version", "0");

    let mut responses = Object::new();
    for status in statuses_used(catalog) {
        responses.insert(response_name(catalog, status), response(catalog, status));
    }
    let document = Object::new()
        .with("openapi", OPENAPI_VERSION)
        .with("info", info)
        .with("paths", Object::new())
        .with(
            "components",
            Object::new()
                .with(
                    "schemas",
                    Object::new().with(BODY_SCHEMA, body_schema(catalog)),
                )
                .with("responses", responses),
        );
    pretty(&document)
}

/// Every code of the catalog, once each, in catalog order.
fn codes(catalog: &Catalog) -> Vec<&str> {
    let mut codes: Vec<&str> = Vec::new();
    for entry in &catalog.entries {
        if !codes.contains(&entry.code.value.as_str()) {
            codes.push(&entry.code.value);
        }
    }
    codes
}

/// The schema of the error body: the object tree of
/// [`Wire::layout`](error_catalog_codegen::wire::Wire::layout).
fn body_schema(catalog: &Catalog) -> Object {
    let description = format!("The error body of the {}.", md_inline(&catalog.title));
    object_schema(catalog, &catalog.wire.layout(), Some(description))
}

/// The schema of one object of the body: `type: object`, every member required.
fn object_schema(
    catalog: &Catalog,
    members: &[(String, Node)],
    description: Option<String>,
) -> Object {
    let mut object = Object::new().with("type", "object");
    if let Some(description) = description {
        object.insert("description", description);
    }
    let mut properties = Object::new();
    for (key, node) in members {
        let schema = match node {
            Node::Object(children) => object_schema(catalog, children, None),
            Node::Member(member) => member_schema(catalog, *member),
        };
        properties.insert(key, schema);
    }
    object
        .with(
            "required",
            members
                .iter()
                .map(|(key, _)| Json::from(key))
                .collect::<Vec<_>>(),
        )
        .with("properties", properties)
}

/// The schema of one member of the body.
fn member_schema(catalog: &Catalog, member: Member) -> Object {
    let wire = &catalog.wire;
    match member {
        Member::Code => {
            let codes = codes(catalog);
            let integers: Vec<i64> = codes.iter().filter_map(|c| integer_code(c)).collect();
            // A checked catalog with integer codes has only integers; a code that is not one
            // is sent as a string.
            let (ty, values): (Json, Vec<Json>) = match wire.code_type.value {
                CodeType::Integer if integers.len() == codes.len() => (
                    "integer".into(),
                    integers
                        .into_iter()
                        .map(|n| Json::Value(n.into()))
                        .collect(),
                ),
                CodeType::Integer => (
                    vec![Json::from("integer"), Json::from("string")].into(),
                    codes
                        .into_iter()
                        .map(|c| integer_code(c).map_or(Json::from(c), |n| Json::Value(n.into())))
                        .collect(),
                ),
                CodeType::String => ("string".into(), codes.into_iter().map(Json::from).collect()),
            };
            let schema = Object::new().with("type", ty).with(
                "description",
                "The error code, which tells the errors apart.",
            );
            // An empty `enum` would match no code: a catalog without errors says only the type.
            if values.is_empty() {
                schema
            } else {
                schema.with("enum", values)
            }
        }
        Member::Message => Object::new().with("type", "string").with(
            "description",
            "The message, which follows the template of its error.",
        ),
        Member::Status => Object::new()
            .with("type", "integer")
            .with("description", "The HTTP status of the response."),
        Member::Fields => Object::new().with("type", "object").with(
            "description",
            "The error's typed fields, each under its name: integers as numbers, booleans as booleans, the rest as strings.",
        ),
        Member::Constant(index) => {
            let value = wire
                .constants
                .get(index)
                .map_or("", |constant| constant.value.value.as_str());
            Object::new()
                .with("type", "string")
                .with("description", "Always the same value.")
                .with("const", value)
        }
    }
}

/// The response of one status: the error body, with an example per entry of the status.
fn response(catalog: &Catalog, status: u16) -> Object {
    let mut examples = Object::new();
    for entry in catalog.entries.iter().filter(|e| e.status.value == status) {
        let mut example = Object::new().with(
            "summary",
            format!("{}: {}", entry.code.value, entry.message.value),
        );
        let description: Vec<String> = [entry.doc.as_str(), entry.help.as_str()]
            .into_iter()
            .filter(|text| !text.is_empty())
            .map(md_block)
            .collect();
        if !description.is_empty() {
            example.insert("description", description.join("\n\n"));
        }
        example.insert("value", example_body_json(catalog, entry));
        examples.insert(&entry.name.value, example);
    }
    let meaning = status_meaning(catalog, status);
    let status_text = md_inline(&status_text(catalog, status));
    let description = if meaning.is_empty() {
        status_text
    } else {
        format!("{status_text}: {}", md_block(meaning))
    };
    let media = Object::new()
        .with(
            "schema",
            Object::new().with("$ref", format!("#/components/schemas/{BODY_SCHEMA}")),
        )
        .with("examples", examples);
    let mut response = Object::new().with("description", description);
    let mut headers = Object::new();
    if let Some(header) = &catalog.wire.header {
        let codes: Vec<Json> = codes(catalog).into_iter().map(Json::from).collect();
        let schema = Object::new().with("type", "string").with("enum", codes);
        headers.insert(
            &header.value,
            Object::new()
                .with("description", "The error code, as in the body.")
                .with("required", true)
                .with("schema", schema),
        );
    }
    if let Some(header) = retry_after_header(catalog, status) {
        headers.insert("Retry-After", header);
    }
    if !headers.is_empty() {
        response.insert("headers", headers);
    }
    response.with("content", Object::new().with("application/json", media))
}

/// The `Retry-After` header of a status's response, when an entry of the status names a
/// `retry_after` field: the delay in whole seconds, required when every entry of the status
/// sends it, which an entry does only when its field cannot be negative nor beyond `u64`
/// (the server sends no header for such a value).
fn retry_after_header(catalog: &Catalog, status: u16) -> Option<Object> {
    let entries: Vec<_> = catalog
        .entries
        .iter()
        .filter(|e| e.status.value == status)
        .collect();
    let with: Vec<String> = entries
        .iter()
        .filter_map(|entry| {
            let field = entry.retry_after.as_ref()?;
            Some(format!("`{}` of {}", field.value, entry.name.value))
        })
        .collect();
    if with.is_empty() {
        return None;
    }
    let always_sent = entries.iter().all(|entry| {
        entry
            .retry_after_field()
            .is_some_and(|field| match &field.ty {
                FieldType::Integer(int) => {
                    matches!(int.name(), "u8" | "u16" | "u32" | "u64" | "usize")
                }
                _ => false,
            })
    });
    Some(
        Object::new()
            .with(
                "description",
                format!(
                    "How many seconds to wait before retrying: the field {}.",
                    with.join(", the field ")
                ),
            )
            .with("required", always_sent)
            .with(
                "schema",
                Object::new().with("type", "integer").with("minimum", 0u16),
            ),
    )
}

/// The name of a status's response under `components.responses`: `Status`, the code, and the
/// reason in UpperCamelCase (`Status404NotFound`), in ASCII letters and digits only, which
/// every tool accepts in a component name.
pub fn response_name(catalog: &Catalog, status: u16) -> String {
    let reason = catalog.reason(status).unwrap_or_default();
    let camel: String = error_catalog_codegen::names::upper_camel(reason)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("Status{status}{camel}")
}
