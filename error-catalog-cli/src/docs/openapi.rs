//! The catalog as an OpenAPI 3.1.0 document (JSON), for an API's own document to reference or
//! merge:
//!
//! - `components.schemas.ErrorBody`: the error body, an object that requires both wire keys,
//!   the code a string `enum` of every code of the catalog, the message a string;
//! - `components.responses.Status<code><Reason>` (such as `Status404NotFound`): one response
//!   per status that entries use, its body a `$ref` to `ErrorBody`, with one named example
//!   per entry of that status (the key is the entry's name; `summary` its code and message
//!   template, `description` its doc and help, `value` its example body), so that errors
//!   that share a status stay distinct in Swagger UI and Redoc.
//!
//! `info.title` and `info.description` are the catalog's; `info.version` is `"0"`, since a
//! catalog has no version of its own. `paths` is empty: an API's operations refer to the
//! responses, as `$ref: '#/components/responses/Status404NotFound'`.

use error_catalog_codegen::model::Catalog;

use super::{example_body, status_meaning, status_text, statuses_used};
use crate::json::{Json, Object, pretty};

/// The OpenAPI version the document follows.
pub const OPENAPI_VERSION: &str = "3.1.0";

/// The name of the error body's schema under `components.schemas`.
pub const BODY_SCHEMA: &str = "ErrorBody";

/// Renders the document, pretty-printed.
pub fn render(catalog: &Catalog) -> String {
    let mut info = Object::new().with("title", &catalog.title);
    if !catalog.doc.is_empty() {
        info.insert("description", &catalog.doc);
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

/// The schema of the error body.
fn body_schema(catalog: &Catalog) -> Object {
    let mut codes: Vec<&str> = Vec::new();
    for entry in &catalog.entries {
        if !codes.contains(&entry.code.value.as_str()) {
            codes.push(&entry.code.value);
        }
    }
    let (code_key, message_key) = (&catalog.wire.code.value, &catalog.wire.message.value);
    let code = Object::new()
        .with("type", "string")
        .with(
            "description",
            "The error code, which tells the errors apart.",
        )
        .with(
            "enum",
            codes.into_iter().map(Json::from).collect::<Vec<_>>(),
        );
    let message = Object::new().with("type", "string").with(
        "description",
        "The message, which follows the template of its error.",
    );
    Object::new()
        .with("type", "object")
        .with(
            "description",
            format!("The error body of the {}.", catalog.title),
        )
        .with(
            "required",
            vec![Json::from(code_key), Json::from(message_key)],
        )
        .with(
            "properties",
            Object::new()
                .with(code_key, code)
                .with(message_key, message),
        )
}

/// The response of one status: the error body, with an example per entry of the status.
fn response(catalog: &Catalog, status: u16) -> Object {
    let mut examples = Object::new();
    for entry in catalog.entries.iter().filter(|e| e.status.value == status) {
        let mut example = Object::new().with(
            "summary",
            format!("{}: {}", entry.code.value, entry.message.value),
        );
        let description: Vec<&str> = [entry.doc.as_str(), entry.help.as_str()]
            .into_iter()
            .filter(|text| !text.is_empty())
            .collect();
        if !description.is_empty() {
            example.insert("description", description.join("\n\n"));
        }
        example.insert("value", example_body(catalog, entry));
        examples.insert(&entry.name.value, example);
    }
    let meaning = status_meaning(catalog, status);
    let description = if meaning.is_empty() {
        status_text(catalog, status)
    } else {
        format!("{}: {meaning}", status_text(catalog, status))
    };
    let media = Object::new()
        .with(
            "schema",
            Object::new().with("$ref", format!("#/components/schemas/{BODY_SCHEMA}")),
        )
        .with("examples", examples);
    Object::new()
        .with("description", description)
        .with("content", Object::new().with("application/json", media))
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
