//! A loaded catalog as the runtime's static metadata ([`CatalogSpec`]), which the OpenAPI
//! writer of the runtime ([`error_catalog::openapi`]) reads: the same metadata that the
//! generated code holds (`expand/tables.rs` writes it as static data), built at run time and
//! leaked, once per rendered document.

use error_catalog::__private::{self as private, WireMember, WireNode};
use error_catalog::{CatalogSpec, ErrorSpec, WireSpec};
use error_catalog_codegen::model::Catalog;
use error_catalog_codegen::wire::{CodeType, Member, Node, Wire};

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// The metadata of `catalog`, as `expand/tables.rs`'s `metadata` writes it.
pub(crate) fn catalog_spec(catalog: &Catalog) -> &'static CatalogSpec {
    let errors: Vec<ErrorSpec> = catalog
        .entries
        .iter()
        .map(|entry| {
            let fields = entry
                .fields
                .iter()
                .map(|f| {
                    private::field_spec(
                        leak_str(&f.name.value),
                        leak_str(&f.ty_text.value),
                        leak_str(&f.example.value),
                        leak_str(&f.doc),
                    )
                })
                .collect();
            private::error_spec(
                leak_str(&entry.name.value),
                leak_str(&entry.code.value),
                entry.status.value,
                leak_str(&entry.message.value),
                leak_str(&entry.example_message()),
                leak(fields),
                leak_str(&entry.doc),
                leak_str(&entry.help),
                catalog.docs_url(entry).map(|url| leak_str(&url)),
                entry.shared_code.as_ref().is_some_and(|s| s.value),
                entry.is_overlapping(),
                entry.is_retryable(),
                entry.retry_after.as_ref().map(|r| leak_str(&r.value)),
            )
        })
        .collect();
    let statuses = catalog
        .statuses
        .iter()
        .map(|s| private::status_spec(s.code.value, leak_str(&s.reason), leak_str(&s.meaning)))
        .collect();
    let types = catalog
        .types
        .iter()
        .map(|t| {
            let values = t.values.iter().map(|v| leak_str(&v.value)).collect();
            private::type_spec(leak_str(&t.name.value), leak(values), leak_str(&t.doc))
        })
        .collect();
    let retired = catalog
        .retired
        .iter()
        .map(|r| private::retired_spec(leak_str(&r.code.value), leak_str(&r.note)))
        .collect();
    Box::leak(Box::new(private::catalog_spec(
        leak_str(&catalog.title),
        leak_str(&catalog.doc),
        catalog.docs_url.as_ref().map(|u| leak_str(&u.value)),
        catalog.problem_base.as_ref().map(|u| leak_str(&u.value)),
        wire_spec(&catalog.wire),
        leak(statuses),
        leak(types),
        leak(errors),
        leak(retired),
    )))
}

/// The wire shape, as `expand/tables.rs`'s `wire_tokens` writes it: the locations, and the
/// object tree of [`Wire::layout`].
fn wire_spec(wire: &Wire) -> WireSpec {
    fn object(members: &[(String, Node)], wire: &Wire) -> &'static [WireMember] {
        let members = members
            .iter()
            .map(|(key, node)| WireMember {
                key: leak_str(key),
                node: match node {
                    Node::Object(children) => WireNode::Object(object(children, wire)),
                    Node::Member(Member::Code) => WireNode::Code,
                    Node::Member(Member::Message) => WireNode::Message,
                    Node::Member(Member::Status) => WireNode::Status,
                    Node::Member(Member::Fields) => WireNode::Fields,
                    Node::Member(Member::Constant(index)) => WireNode::Constant(
                        wire.constants
                            .get(*index)
                            .map_or("", |c| leak_str(&c.value.value)),
                    ),
                },
            })
            .collect();
        leak(members)
    }
    let constants = wire
        .constants
        .iter()
        .map(|c| private::constant_spec(leak_str(&c.location.value), leak_str(&c.value.value)))
        .collect();
    private::wire_spec(
        leak_str(&wire.code.value),
        leak_str(&wire.message.value),
        wire.code_type.value == CodeType::Integer,
        wire.status.as_ref().map(|s| leak_str(&s.value)),
        wire.fields.as_ref().map(|s| leak_str(&s.value)),
        leak(constants),
        wire.header.as_ref().map(|s| leak_str(&s.value)),
        object(&wire.layout(), wire),
    )
}
