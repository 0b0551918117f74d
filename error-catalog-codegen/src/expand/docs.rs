//! The rustdoc of the generated enum and of each variant, and the variants' declarations.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Plan, variant_ident};
use crate::markdown;
use crate::model::{Catalog, Entry};
use crate::wire::{CodeType, Wire};

/// Markdown inline code that survives backticks in the text.
pub(super) fn code_span(text: &str) -> String {
    // The common case, text with no backtick and no line break, needs no search.
    if !text.is_empty() && !text.contains(['`', '\r', '\n']) {
        return format!("`{text}`");
    }
    // A line break would end a table row or a list item; a code span shows it as a space.
    let text = &text.replace("\r\n", " ").replace(['\r', '\n'], " ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// `text` as one `#[doc]` attribute, each line after a space as `///` writes it: one
/// attribute rather than one per line, so that the macro hands the compiler a few tokens per
/// variant, not a few per line of its docs.
pub(super) fn doc_lines(text: &str) -> TokenStream {
    let mut doc = String::with_capacity(text.len() + text.len() / 16);
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            doc.push('\n');
        }
        if !line.is_empty() {
            doc.push(' ');
            doc.push_str(line);
        }
    }
    if doc.is_empty() {
        return TokenStream::new();
    }
    quote!(#[doc = #doc])
}

fn status_text(catalog: &Catalog, status: u16) -> String {
    match catalog.reason(status) {
        // In the enum's table too: a `|` would end the cell.
        Some(reason) if !reason.is_empty() => {
            format!("{status} {}", inline_doc(reason).replace('|', "\\|"))
        }
        _ => status.to_string(),
    }
}

/// Catalog Markdown as a block of the generated rustdoc: code blocks that rustdoc would run
/// as doctests marked `text`, unsafe links as their text, raw HTML escaped
/// ([`markdown::rustdoc`]).
pub(super) fn block_doc(text: &str) -> String {
    markdown::rustdoc(text).trim_end().to_owned()
}

/// Catalog Markdown within one line of the generated rustdoc (a list item, a table cell, an
/// emphasis): [`block_doc`] on one line, its code blocks as code spans, so that the text can
/// end no item and start no block.
fn inline_doc(text: &str) -> String {
    markdown::one_line(&markdown::rustdoc(text))
}

/// The enum's docs: after the user's own, if any, a summary and a table of every entry.
pub(super) fn enum_doc(
    catalog: &Catalog,
    plan: &Plan,
    path: &str,
    after_user_docs: bool,
) -> TokenStream {
    let mut doc = String::new();
    if after_user_docs {
        doc.push('\n');
    }
    doc.push_str(&format!(
        "Errors of the *{}*, generated from {}.\n",
        inline_doc(&catalog.title),
        code_span(path)
    ));
    if !catalog.doc.is_empty() {
        doc.push_str(&format!("\n{}\n", block_doc(&catalog.doc)));
    }
    if !catalog.wire.is_flat() || catalog.wire.header.is_some() {
        doc.push_str(&format!("\n{}\n", wire_doc(&catalog.wire)));
    }
    doc.push_str("\n| Variant | Code | Status | Message |\n|---|---|---|---|\n");
    for (_, entry) in plan.entries(catalog) {
        let message = code_span(&entry.message.value).replace('|', "\\|");
        doc.push_str(&format!(
            "| [`{name}`](Self::{name}) | {} | {} | {message} |\n",
            code_span(&entry.code.value).replace('|', "\\|"),
            status_text(catalog, entry.status.value),
            name = entry.name.value,
        ));
    }
    doc_lines(&doc)
}

/// One sentence on where the body puts each member, for a shape other than the flat one.
fn wire_doc(wire: &Wire) -> String {
    let code_type = match wire.code_type.value {
        CodeType::String => "",
        CodeType::Integer => " (a JSON number)",
    };
    let mut parts = vec![
        format!("the code at `{}`{code_type}", wire.code.value),
        format!("the message at `{}`", wire.message.value),
    ];
    if let Some(status) = &wire.status {
        parts.push(format!("the HTTP status at `{}`", status.value));
    }
    for constant in &wire.constants {
        parts.push(format!(
            "`{}` always `{}`",
            constant.location.value,
            serde_json::Value::from(constant.value.value.as_str())
        ));
    }
    let mut doc = format!("The error body has {}.", parts.join(", "));
    if let Some(header) = &wire.header {
        doc.push_str(&format!(
            " The `{}` response header carries the code as well.",
            header.value
        ));
    }
    doc
}

/// The wire body a server sends for `entry` with its example message, as `Serialize`
/// writes it.
fn example_body(catalog: &Catalog, entry: &Entry) -> String {
    catalog.wire.entry_body(entry)
}

pub(super) fn variant_decl(catalog: &Catalog, entry: &Entry) -> TokenStream {
    let mut doc = String::new();
    if !entry.doc.is_empty() {
        doc.push_str(&format!("{}\n\n", block_doc(&entry.doc)));
    }
    doc.push_str(&format!("- **Code:** {}\n", code_span(&entry.code.value)));
    doc.push_str(&format!(
        "- **Status:** {}\n",
        status_text(catalog, entry.status.value)
    ));
    doc.push_str(&format!(
        "- **Message:** {}\n",
        code_span(&entry.message.value)
    ));
    if !entry.fields.is_empty() {
        doc.push_str("- **Fields:**\n");
        for field in &entry.fields {
            doc.push_str(&format!(
                "  - `{}`: `{}`, for example {}",
                field.name.value,
                field.ty_text.value,
                code_span(&field.example.value)
            ));
            if !field.doc.is_empty() {
                doc.push_str(&format!(". {}", inline_doc(&field.doc)));
            }
            doc.push('\n');
        }
        doc.push_str(&format!(
            "- **Example:** {}\n",
            code_span(&entry.example_message())
        ));
    }
    doc.push_str(&format!(
        "- **Example body:** {}\n",
        code_span(&example_body(catalog, entry))
    ));
    if let Some(url) = catalog.docs_url(entry) {
        doc.push_str(&format!("- **Documentation:** <{url}>\n"));
    }
    if !entry.help.is_empty() {
        doc.push_str(&format!("\n**Help:** {}\n", block_doc(&entry.help)));
    }
    if entry.is_overlapping()
        && catalog.entries.iter().any(|other| {
            !std::ptr::eq(other, entry)
                && other.is_overlapping()
                && other.code.value == entry.code.value
                && other.status.value == entry.status.value
        })
    {
        doc.push_str(&format!(
            "\nOverlaps other entries of code `{}` and status {}: a message that fits several is read as the most specific, the one whose template has the most literal characters, ties in catalog order.\n",
            entry.code.value, entry.status.value
        ));
    }
    let doc = doc_lines(&doc);
    let variant = variant_ident(entry);
    if entry.fields.is_empty() {
        return quote!(#doc #variant,);
    }
    let fields = entry.fields.iter().map(|field| {
        let (ident, ty) = (&field.ident, &field.rust_type);
        let mut text = format!("`{{{}}}`", field.name.value);
        if !field.doc.is_empty() {
            text.push_str(&format!(": {}", block_doc(&field.doc)));
        }
        let example = code_span(&field.example.value);
        if text.contains('\n') {
            // After a block (a code block ends only at its closing fence), a paragraph.
            text.push_str(&format!("\n\nExample: {example}."));
        } else {
            text.push_str(&format!(" (example: {example})"));
        }
        let doc = doc_lines(&text);
        quote!(#doc #ident: #ty,)
    });
    quote!(#doc #variant { #(#fields)* },)
}
