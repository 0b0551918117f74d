//! The whole catalog model as JSON, for other languages' tooling: schema
//! [`SCHEMA`] (`error-catalog/1`), every key documented in `docs/json-schema.md` and described
//! by the JSON Schema `docs/error-catalog-1.schema.json`.
//!
//! Keys come in a fixed order, every list in catalog order; optional texts are `""` and an
//! absent `docs_url`, `problem_base`, location or `retry_after` is `null`, so that every key is
//! always there.

use error_catalog_codegen::model::{Catalog, Entry, Part};

use super::{example_body_json, type_kind};
use crate::json::{Json, Object, pretty};

/// The value of the top-level `schema` key. Its number changes only when a key is removed or
/// changes meaning; new keys may be added within a version.
pub const SCHEMA: &str = "error-catalog/1";

/// Renders the catalog, pretty-printed.
pub fn render(catalog: &Catalog) -> String {
    let wire = &catalog.wire;
    let constants: Vec<Json> = wire
        .constants
        .iter()
        .map(|constant| {
            Object::new()
                .with("location", &constant.location.value)
                .with("value", &constant.value.value)
                .into()
        })
        .collect();
    let wire = Object::new()
        .with("code", &wire.code.value)
        .with("message", &wire.message.value)
        .with("code_type", wire.code_type.value.name())
        .with("status", wire.status.as_ref().map(|s| s.value.clone()))
        .with("fields", wire.fields.as_ref().map(|f| f.value.clone()))
        .with("constants", constants)
        .with("header", wire.header.as_ref().map(|h| h.value.clone()));
    let statuses: Vec<Json> = catalog
        .statuses
        .iter()
        .map(|status| {
            Object::new()
                .with("code", status.code.value)
                .with("reason", &status.reason)
                .with("meaning", &status.meaning)
                .into()
        })
        .collect();
    let types: Vec<Json> = catalog
        .types
        .iter()
        .map(|ty| {
            Object::new()
                .with("name", &ty.name.value)
                .with(
                    "values",
                    ty.values
                        .iter()
                        .map(|value| Json::from(&value.value))
                        .collect::<Vec<_>>(),
                )
                .with(
                    "variants",
                    ty.variants.iter().map(Json::from).collect::<Vec<_>>(),
                )
                .with("doc", &ty.doc)
                .into()
        })
        .collect();
    let errors: Vec<Json> = catalog
        .entries
        .iter()
        .map(|entry| error(catalog, entry).into())
        .collect();
    let retired: Vec<Json> = catalog
        .retired
        .iter()
        .map(|retired| {
            Object::new()
                .with("code", &retired.code.value)
                .with("note", &retired.note)
                .into()
        })
        .collect();
    let document = Object::new()
        .with("schema", SCHEMA)
        .with("title", &catalog.title)
        .with("doc", &catalog.doc)
        .with(
            "docs_url",
            catalog.docs_url.as_ref().map(|url| url.value.clone()),
        )
        .with(
            "problem_base",
            catalog.problem_base.as_ref().map(|base| base.value.clone()),
        )
        .with("wire", wire)
        .with("statuses", statuses)
        .with("types", types)
        .with("errors", errors)
        .with("retired", retired);
    pretty(&document)
}

/// One entry.
fn error(catalog: &Catalog, entry: &Entry) -> Object {
    let parts: Vec<Json> = entry
        .parts
        .iter()
        .map(|part| match part {
            Part::Literal(text) => Object::new().with("literal", text).into(),
            Part::Placeholder { field, .. } => Object::new()
                .with(
                    "field",
                    entry
                        .fields
                        .get(*field)
                        .map(|field| field.name.value.clone()),
                )
                .into(),
        })
        .collect();
    let fields: Vec<Json> = entry
        .fields
        .iter()
        .map(|field| {
            Object::new()
                .with("name", &field.name.value)
                .with("type", &field.ty_text.value)
                .with("kind", type_kind(&field.ty))
                .with("example", &field.example.value)
                .with("example_given", field.example_given)
                .with("doc", &field.doc)
                .into()
        })
        .collect();
    Object::new()
        .with("name", &entry.name.value)
        .with("code", &entry.code.value)
        .with("status", entry.status.value)
        .with(
            "reason",
            catalog.reason(entry.status.value).unwrap_or_default(),
        )
        .with("message", &entry.message.value)
        .with("parts", parts)
        .with("fields", fields)
        .with("doc", &entry.doc)
        .with("help", &entry.help)
        .with(
            "shared_code",
            entry
                .shared_code
                .as_ref()
                .is_some_and(|shared| shared.value),
        )
        .with("overlapping", entry.is_overlapping())
        .with("retryable", entry.is_retryable())
        .with(
            "retry_after",
            entry.retry_after.as_ref().map(|name| name.value.clone()),
        )
        .with("example_message", entry.example_message())
        .with("example_body", example_body_json(catalog, entry))
        .with("docs_url", catalog.docs_url(entry))
}
