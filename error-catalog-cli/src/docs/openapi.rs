//! The catalog as an OpenAPI 3.1.0 document (JSON), for an API's own document to reference or
//! merge. The schema and the responses are those of the runtime's OpenAPI writer
//! ([`error_catalog::openapi`], which also gives the `utoipa` feature's `IntoResponses`), for
//! every entry of the catalog:
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
//!   - the fields object, when `wire.fields` gives its location: `type: object`;
//!   - each constant of `wire.constants`: `type: string` with a one-value `enum`;
//!
//!   members in the order the body has them (the order of
//!   [`Wire::layout`](error_catalog_codegen::wire::Wire::layout));
//! - `components.responses.Status<code><Reason>` (such as `Status404NotFound`): one response
//!   per status that entries use, its body a `$ref` to `ErrorBody`, with one named example
//!   per entry of that status (the key is the entry's name; `summary` the first line of its
//!   doc, or its code and message template when it has no doc; `description` its doc, its
//!   help, then its code and template; `value` its example body, exactly as
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

use std::borrow::Cow;

use error_catalog::openapi::{Errors, Prose};
use error_catalog_codegen::model::Catalog;

use super::example_body_json;
use crate::json::{Json, Object, pretty};
use crate::text::{md_block, md_inline};

/// The OpenAPI version the document follows.
pub const OPENAPI_VERSION: &str = "3.1.0";

/// The name of the error body's schema under `components.schemas`.
pub const BODY_SCHEMA: &str = "ErrorBody";

/// Catalog text as the Markdown page writes it ([`md_block`], [`md_inline`]).
struct PageMarkdown;

impl Prose for PageMarkdown {
    fn block<'t>(&self, text: &'t str) -> Cow<'t, str> {
        Cow::Owned(md_block(text))
    }

    fn inline<'t>(&self, text: &'t str) -> Cow<'t, str> {
        Cow::Owned(md_inline(text))
    }
}

/// Renders the document, pretty-printed.
pub fn render(catalog: &Catalog) -> String {
    let mut info = Object::new().with("title", &catalog.title);
    if !catalog.doc.is_empty() {
        info.insert("description", md_block(&catalog.doc));
    }
    info.insert("version", "0");

    let examples = catalog
        .entries
        .iter()
        .enumerate()
        .map(|(index, entry)| (index, Ok(example_body_json(catalog, entry))));
    let errors = Errors::new(super::spec::catalog_spec(catalog), examples)
        .schema_ref(format!("#/components/schemas/{BODY_SCHEMA}"))
        .prose(&PageMarkdown);
    let mut responses = Object::new();
    for status in errors.statuses() {
        responses.insert(
            response_name(catalog, status),
            fragment(&errors.response(status)),
        );
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
                    Object::new().with(BODY_SCHEMA, fragment(&errors.schema())),
                )
                .with("responses", responses),
        );
    pretty(&document)
}

/// A fragment of the runtime's OpenAPI writer in the document, its members in their order.
fn fragment(fragment: &impl serde::Serialize) -> Json {
    // The fragments hold strings, integers, booleans and the example bodies, which the
    // catalog's wire shape writes: nothing that fails to serialize.
    Json::parse(&serde_json::to_string(fragment).unwrap_or_default())
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
