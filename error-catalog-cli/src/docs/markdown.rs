//! The catalog as the Markdown page a developer portal publishes: the base of the RFC 9457
//! problem types if the catalog declares one, how an error goes on the wire (for the flat body
//! `{"code":..,"message":..}` one sentence; for any other shape a table of the body's members,
//! their locations and values; and the header that carries the code, if any), the status
//! table, an index of the errors, then each error with its anchor, status, message template,
//! whether it is retryable (and the field of its retry delay), fields, doc, help, example
//! message and example body, then the catalog enums and the retired codes.
//!
//! Catalog docs are Markdown and stay Markdown, code blocks included, except that raw HTML is
//! escaped, links keep only the `http(s)`, `mailto` and relative ones, and headings are
//! demoted under the page's; text within a line (the title, a status, a table cell) is kept on
//! it, and a doc with a code block in a table cell is HTML there; code spans are fenced to
//! survive any backtick in the text ([`crate::text`]). Control characters of catalog text are
//! escaped as `\u{1b}` ([`super::render`]).

use std::fmt::Write as _;

use error_catalog_codegen::model::Catalog;

use super::{
    entry_anchor, example_body, field_enum, first_with_code, retry_text, sharing, status_text,
    type_anchor, wire_rows,
};
use crate::text::{html_escape, md_block, md_cell, md_cell_doc, md_code, md_inline};

/// Renders the page.
pub fn render(catalog: &Catalog) -> String {
    let mut out = String::new();
    // Writing to a `String` cannot fail.
    let _ = write_page(&mut out, catalog);
    out
}

fn write_page(out: &mut String, catalog: &Catalog) -> std::fmt::Result {
    writeln!(out, "# {}", md_inline(&catalog.title))?;
    if !catalog.doc.is_empty() {
        writeln!(out, "\n{}", md_block(&catalog.doc))?;
    }
    if let Some(url) = &catalog.docs_url {
        writeln!(
            out,
            "\nThis page is published at [{}]({}).",
            md_cell(&md_code(&url.value)),
            link_destination(&url.value)
        )?;
    }
    if let Some(base) = &catalog.problem_base {
        writeln!(
            out,
            "\nIn RFC 9457 problem details, an error's `type` is {} followed by its code.",
            md_code(&base.value)
        )?;
    }
    write_wire(out, catalog)?;

    if !catalog.statuses.is_empty() {
        writeln!(out, "\n## Status codes\n")?;
        writeln!(out, "| Status code | Reason | Meaning |")?;
        writeln!(out, "|---|---|---|")?;
        for status in &catalog.statuses {
            writeln!(
                out,
                "| {} | {} | {} |",
                status.code.value,
                md_cell(&md_inline(&status.reason)),
                md_cell_doc(&status.meaning)
            )?;
        }
    }

    writeln!(out, "\n## Error codes")?;
    if catalog.entries.is_empty() {
        writeln!(out, "\nThe catalog lists no errors.")?;
    } else {
        writeln!(out, "\n| Code | Status | Error | Message |")?;
        writeln!(out, "|---|---|---|---|")?;
        for entry in &catalog.entries {
            writeln!(
                out,
                "| [{}](#{}) | {} | {} | {} |",
                md_cell(&md_code(&entry.code.value)),
                entry_anchor(entry),
                md_cell(&md_inline(&status_text(catalog, entry.status.value))),
                entry.name.value,
                md_cell(&md_code(&entry.message.value)),
            )?;
        }
    }
    for (index, entry) in catalog.entries.iter().enumerate() {
        writeln!(out)?;
        if first_with_code(catalog, index) {
            writeln!(out, "<a id=\"{}\"></a>", html_escape(&entry.code.value))?;
        }
        writeln!(
            out,
            "<a id=\"{}\"></a>\n",
            html_escape(&entry_anchor(entry))
        )?;
        writeln!(
            out,
            "### {} {}\n",
            md_code(&entry.code.value),
            entry.name.value
        )?;
        if !entry.doc.is_empty() {
            writeln!(out, "{}\n", md_block(&entry.doc))?;
        }
        writeln!(
            out,
            "- **Status:** {}",
            md_inline(&status_text(catalog, entry.status.value))
        )?;
        writeln!(out, "- **Message:** {}", md_code(&entry.message.value))?;
        writeln!(out, "- **Retryable:** {}", retry_text(entry, md_code))?;
        let others = sharing(catalog, entry);
        if !others.is_empty() {
            let links: Vec<String> = others
                .iter()
                .map(|other| format!("[{}](#{})", other.name.value, entry_anchor(other)))
                .collect();
            writeln!(out, "- **Shares its code with:** {}", links.join(", "))?;
        }
        writeln!(
            out,
            "- **Example message:** {}",
            md_code(&entry.example_message())
        )?;
        if !entry.fields.is_empty() {
            writeln!(out, "\n| Field | Type | Example | Description |")?;
            writeln!(out, "|---|---|---|---|")?;
            for field in &entry.fields {
                let ty = match field_enum(catalog, field) {
                    Some(ty) => format!(
                        "[{}](#{})",
                        md_code(&ty.name.value),
                        type_anchor(&ty.name.value)
                    ),
                    None => md_code(&field.ty_text.value),
                };
                writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    md_cell(&md_code(&field.name.value)),
                    md_cell(&ty),
                    md_cell(&md_code(&field.example.value)),
                    md_cell_doc(&field.doc),
                )?;
            }
        }
        if !entry.help.is_empty() {
            writeln!(out, "\n**Help:** {}", md_block(&entry.help))?;
        }
        let body = example_body(catalog, entry);
        let fence = fence(&body);
        writeln!(out, "\nExample body:\n\n{fence}json\n{body}\n{fence}")?;
    }

    if !catalog.types.is_empty() {
        writeln!(out, "\n## Types")?;
        for ty in &catalog.types {
            let anchor = type_anchor(&ty.name.value);
            writeln!(out, "\n<a id=\"{}\"></a>\n", html_escape(&anchor))?;
            writeln!(out, "### {}\n", ty.name.value)?;
            if !ty.doc.is_empty() {
                writeln!(out, "{}\n", md_block(&ty.doc))?;
            }
            let values: Vec<String> = ty.values.iter().map(|v| md_code(&v.value)).collect();
            writeln!(out, "Values: {}.", values.join(", "))?;
        }
    }

    if !catalog.retired.is_empty() {
        writeln!(out, "\n## Retired codes\n")?;
        writeln!(
            out,
            "These codes were used once and are never used again; a client that receives one \
             treats it as an unknown code.\n"
        )?;
        writeln!(out, "| Code | Note |")?;
        writeln!(out, "|---|---|")?;
        for retired in &catalog.retired {
            writeln!(
                out,
                "| {} | {} |",
                md_cell(&md_code(&retired.code.value)),
                md_cell_doc(&retired.note)
            )?;
        }
    }
    Ok(())
}

/// How an error goes on the wire: the flat body in one sentence, any other shape as a table
/// of its members; then the header that carries the code, if any.
fn write_wire(out: &mut String, catalog: &Catalog) -> std::fmt::Result {
    let wire = &catalog.wire;
    if wire.is_flat() {
        writeln!(
            out,
            "\nAn error response has an HTTP status and a JSON body with two keys: the error code \
             under {} and the message under {}.",
            md_code(&wire.code.value),
            md_code(&wire.message.value)
        )?;
    } else {
        writeln!(
            out,
            "\nAn error response has an HTTP status and a JSON body with these members; a \
             location that starts with `/` is a JSON pointer (RFC 6901) into nested objects, \
             any other is a top-level key.\n"
        )?;
        writeln!(out, "| Member | Location | Value |")?;
        writeln!(out, "|---|---|---|")?;
        for row in wire_rows(catalog) {
            let value = match &row.value {
                Some(value) => format!("{} {}", row.holds, md_code(value)),
                None => row.holds.to_owned(),
            };
            writeln!(
                out,
                "| {} | {} | {} |",
                row.member,
                md_cell(&md_code(row.location)),
                md_cell(&value)
            )?;
        }
    }
    if let Some(header) = &wire.header {
        writeln!(
            out,
            "\nThe response header {} carries the error code too.",
            md_code(&header.value)
        )?;
    }
    Ok(())
}

/// A fence for a code block: three backticks, or more than the longest run in the text.
fn fence(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

/// A URL as a Markdown link destination: the characters that would end or break it are
/// percent-encoded.
fn link_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_outgrow_the_text() {
        assert_eq!(fence("{}"), "```");
        assert_eq!(fence("a ```` b"), "`````");
        assert_eq!(
            link_destination("https://x.dev/a (b)"),
            "https://x.dev/a%20%28b%29"
        );
    }
}
