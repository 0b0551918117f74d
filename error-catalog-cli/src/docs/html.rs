//! The catalog as one self-contained HTML page: the content of the Markdown page, with its
//! style inline, no script, and nothing loaded from elsewhere, readable on a phone and on a
//! desktop.
//!
//! Every catalog text is escaped ([`html_escape`](crate::text::html_escape)); catalog docs are
//! Markdown rendered as HTML ([`html_block`]): code blocks as
//! `<pre><code>`, headings demoted under the page's, raw HTML as text, images as their text,
//! and links only to `http(s)`, `mailto` and relative addresses. Each error is an
//! `<article>`: the first entry with a code has `id="<code>"`, and every entry's heading has
//! `id="<code>-<Name>"`. Nothing is loaded from elsewhere; the links that leave the page are
//! the catalog's `docs_url` and those its docs write.

use std::fmt::Write as _;

use error_catalog_codegen::model::{Catalog, Entry, Part};

use super::{
    entry_anchor, example_body, field_enum, first_with_code, retry_text, sharing, status_meaning,
    status_text, type_anchor, wire_rows,
};
use crate::text::{html_block, html_escape as esc, html_inline_doc};

/// The page's style: system fonts, a readable measure, tables that scroll sideways on a
/// narrow screen, light and dark colours, and the targeted error highlighted.
const STYLE: &str = r#"
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --bg: #ffffff;
  --panel: #f6f8fa; --line: #d0d7de; --accent: #0969da; --client: #9a6700; --server: #cf222e; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #161b22; --line: #30363d;
    --accent: #4493f8; --client: #d29922; --server: #f85149; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font-size: .9em; }
code { background: var(--panel); border-radius: 4px; padding: .1em .3em; overflow-wrap: anywhere; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem;
  margin: .3rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { background: none; padding: 0; }
var { font-style: normal; color: var(--accent); font-weight: 600; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: 1rem 0 0; list-style: none; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); }
td.num, th.num { white-space: nowrap; }
article { border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0;
  scroll-margin-top: 1rem; }
article:target, article:has(h3:target) { outline: 3px solid var(--accent); }
.status { display: inline-block; font-weight: 600; border-radius: 999px; padding: 0 .6rem;
  border: 1px solid currentColor; color: var(--client); white-space: nowrap; }
.status.s5 { color: var(--server); }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .35rem 1rem; margin: .75rem 0; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; min-width: 0; }
.none { color: var(--muted); }
footer { color: var(--muted); font-size: .9rem; padding-top: 2rem; padding-bottom: 2rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  dl { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dd { margin-bottom: .5rem; }
  article { padding: .75rem; }
  table, tbody, tr, td { display: block; width: 100%; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  td { border: 0; padding: .1rem 0; }
  td:empty { display: none; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
}
"#;

/// Renders the page.
pub fn render(catalog: &Catalog) -> String {
    let mut out = String::new();
    // Writing to a `String` cannot fail.
    let _ = write_page(&mut out, catalog);
    out
}

fn write_page(out: &mut String, catalog: &Catalog) -> std::fmt::Result {
    let title = esc(&catalog.title);
    writeln!(out, "<!DOCTYPE html>")?;
    // The page's language: the catalog's (or, for a page in a locale, that locale's).
    let lang = esc(catalog.locales.default_tag().unwrap_or("en"));
    writeln!(out, "<html lang=\"{lang}\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<meta name=\"generator\" content=\"error-catalog\">")?;
    writeln!(out, "<title>{title}: error codes</title>")?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;

    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{title}</h1>")?;
    out.push_str(&html_block(&catalog.doc));
    write_wire(out, catalog)?;
    if let Some(base) = &catalog.problem_base {
        writeln!(
            out,
            "<p>In RFC 9457 problem details, an error's <code>type</code> is <code>{}</code> followed by its code.</p>",
            esc(&base.value)
        )?;
    }
    if let Some(url) = catalog
        .docs_url
        .as_ref()
        .filter(|url| is_web_url(&url.value))
    {
        writeln!(
            out,
            "<p>Published at <a href=\"{0}\">{0}</a>.</p>",
            esc(&url.value)
        )?;
    }
    writeln!(out, "<nav aria-label=\"Contents\"><ul>")?;
    if !catalog.statuses.is_empty() {
        writeln!(out, "<li><a href=\"#statuses\">Status codes</a></li>")?;
    }
    writeln!(out, "<li><a href=\"#errors\">Error codes</a></li>")?;
    if !catalog.types.is_empty() {
        writeln!(out, "<li><a href=\"#types\">Types</a></li>")?;
    }
    if !catalog.retired.is_empty() {
        writeln!(out, "<li><a href=\"#retired\">Retired codes</a></li>")?;
    }
    writeln!(out, "</ul></nav>")?;
    writeln!(out, "</header>")?;

    writeln!(out, "<main>")?;
    if !catalog.statuses.is_empty() {
        writeln!(out, "<section id=\"statuses\">")?;
        writeln!(out, "<h2>Status codes</h2>")?;
        writeln!(out, "<div class=\"table\"><table>")?;
        writeln!(
            out,
            "<thead><tr><th class=\"num\">Status code</th><th>Reason</th><th>Meaning</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for status in &catalog.statuses {
            writeln!(
                out,
                "<tr><td class=\"num\" data-label=\"Status code\">{}</td><td data-label=\"Reason\">{}</td><td data-label=\"Meaning\">{}</td></tr>",
                status.code.value,
                esc(&status.reason),
                html_inline_doc(&status.meaning)
            )?;
        }
        writeln!(out, "</tbody></table></div>")?;
        writeln!(out, "</section>")?;
    }

    writeln!(out, "<section id=\"errors\">")?;
    writeln!(out, "<h2>Error codes</h2>")?;
    if catalog.entries.is_empty() {
        writeln!(out, "<p>The catalog lists no errors.</p>")?;
    } else {
        writeln!(out, "<div class=\"table\"><table>")?;
        writeln!(
            out,
            "<thead><tr><th>Code</th><th class=\"num\">Status</th><th>Message</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for entry in &catalog.entries {
            writeln!(
                out,
                "<tr><td data-label=\"Code\"><a href=\"#{}\"><code>{}</code></a></td><td class=\"num\" data-label=\"Status\">{}</td><td data-label=\"Message\">{}</td></tr>",
                esc(&entry_anchor(entry)),
                esc(&entry.code.value),
                esc(&status_text(catalog, entry.status.value)),
                template(entry)
            )?;
        }
        writeln!(out, "</tbody></table></div>")?;
    }
    for (index, entry) in catalog.entries.iter().enumerate() {
        write_entry(out, catalog, index, entry)?;
    }
    writeln!(out, "</section>")?;

    if !catalog.types.is_empty() {
        writeln!(out, "<section id=\"types\">")?;
        writeln!(out, "<h2>Types</h2>")?;
        for ty in &catalog.types {
            writeln!(
                out,
                "<article id=\"{}\">",
                esc(&type_anchor(&ty.name.value))
            )?;
            writeln!(out, "<h3>{}</h3>", esc(&ty.name.value))?;
            out.push_str(&html_block(&ty.doc));
            let values: Vec<String> = ty
                .values
                .iter()
                .map(|value| format!("<code>{}</code>", esc(&value.value)))
                .collect();
            writeln!(out, "<p>Values: {}.</p>", values.join(", "))?;
            writeln!(out, "</article>")?;
        }
        writeln!(out, "</section>")?;
    }

    if !catalog.retired.is_empty() {
        writeln!(out, "<section id=\"retired\">")?;
        writeln!(out, "<h2>Retired codes</h2>")?;
        writeln!(
            out,
            "<p>These codes were used once and are never used again; a client that receives one \
             treats it as an unknown code.</p>"
        )?;
        writeln!(out, "<div class=\"table\"><table>")?;
        writeln!(out, "<thead><tr><th>Code</th><th>Note</th></tr></thead>")?;
        writeln!(out, "<tbody>")?;
        for retired in &catalog.retired {
            writeln!(
                out,
                "<tr><td data-label=\"Code\"><code>{}</code></td><td data-label=\"Note\">{}</td></tr>",
                esc(&retired.code.value),
                html_inline_doc(&retired.note)
            )?;
        }
        writeln!(out, "</tbody></table></div>")?;
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</main>")?;
    writeln!(out, "<footer>Generated by error-catalog.</footer>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")?;
    Ok(())
}

/// How an error goes on the wire: the flat body in one sentence, any other shape as a table
/// of its members; then the header that carries the code, if any.
fn write_wire(out: &mut String, catalog: &Catalog) -> std::fmt::Result {
    let wire = &catalog.wire;
    if wire.is_flat() {
        writeln!(
            out,
            "<p>An error response has an HTTP status and a JSON body with two keys: the error code \
             under <code>{}</code> and the message under <code>{}</code>.</p>",
            esc(&wire.code.value),
            esc(&wire.message.value)
        )?;
    } else {
        writeln!(
            out,
            "<p>An error response has an HTTP status and a JSON body with these members; a \
             location that starts with <code>/</code> is a JSON pointer (RFC 6901) into nested \
             objects, any other is a top-level key.</p>"
        )?;
        writeln!(out, "<div class=\"table\"><table>")?;
        writeln!(
            out,
            "<thead><tr><th>Member</th><th>Location</th><th>Value</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for row in wire_rows(catalog) {
            let value = match &row.value {
                Some(value) => format!("{} <code>{}</code>", row.holds, esc(value)),
                None => row.holds.to_owned(),
            };
            writeln!(
                out,
                "<tr><td data-label=\"Member\">{}</td><td data-label=\"Location\"><code>{}</code></td><td data-label=\"Value\">{value}</td></tr>",
                row.member,
                esc(row.location)
            )?;
        }
        writeln!(out, "</tbody></table></div>")?;
    }
    if let Some(header) = &wire.header {
        writeln!(
            out,
            "<p>The response header <code>{}</code> carries the error code too.</p>",
            esc(&header.value)
        )?;
    }
    Ok(())
}

/// One error: its heading, doc, status, template, fields, help and examples.
fn write_entry(
    out: &mut String,
    catalog: &Catalog,
    index: usize,
    entry: &Entry,
) -> std::fmt::Result {
    let status = entry.status.value;
    if first_with_code(catalog, index) {
        writeln!(out, "<article id=\"{}\">", esc(&entry.code.value))?;
    } else {
        writeln!(out, "<article>")?;
    }
    let anchor = esc(&entry_anchor(entry));
    writeln!(
        out,
        "<h3 id=\"{anchor}\"><a href=\"#{anchor}\"><code>{}</code></a> {}</h3>",
        esc(&entry.code.value),
        esc(&entry.name.value)
    )?;
    out.push_str(&html_block(&entry.doc));
    writeln!(out, "<dl>")?;
    let class = if status >= 500 { "status s5" } else { "status" };
    let meaning = status_meaning(catalog, status);
    write!(
        out,
        "<dt>Status</dt><dd><span class=\"{class}\">{}</span>",
        esc(&status_text(catalog, status))
    )?;
    if !meaning.is_empty() {
        write!(out, " {}", html_inline_doc(meaning))?;
    }
    writeln!(out, "</dd>")?;
    writeln!(
        out,
        "<dt>Message</dt><dd><code>{}</code></dd>",
        template(entry)
    )?;
    writeln!(
        out,
        "<dt>Retryable</dt><dd>{}</dd>",
        retry_text(entry, |name| format!("<code>{}</code>", esc(name)))
    )?;
    let others = sharing(catalog, entry);
    if !others.is_empty() {
        let links: Vec<String> = others
            .iter()
            .map(|other| {
                format!(
                    "<a href=\"#{}\">{}</a>",
                    esc(&entry_anchor(other)),
                    esc(&other.name.value)
                )
            })
            .collect();
        writeln!(
            out,
            "<dt>Shares its code with</dt><dd>{}</dd>",
            links.join(", ")
        )?;
    }
    if !entry.help.is_empty() {
        writeln!(
            out,
            "<dt>Help</dt><dd>{}</dd>",
            html_inline_doc(&entry.help)
        )?;
    }
    writeln!(out, "</dl>")?;
    if !entry.fields.is_empty() {
        writeln!(out, "<div class=\"table\"><table>")?;
        writeln!(
            out,
            "<thead><tr><th>Field</th><th>Type</th><th>Example</th><th>Description</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for field in &entry.fields {
            let ty = match field_enum(catalog, field) {
                Some(ty) => format!(
                    "<a href=\"#{}\"><code>{}</code></a>",
                    esc(&type_anchor(&ty.name.value)),
                    esc(&ty.name.value)
                ),
                None => format!("<code>{}</code>", esc(&field.ty_text.value)),
            };
            writeln!(
                out,
                "<tr><td data-label=\"Field\"><code>{}</code></td><td data-label=\"Type\">{ty}</td><td data-label=\"Example\"><code>{}</code></td><td data-label=\"Description\">{}</td></tr>",
                esc(&field.name.value),
                esc(&field.example.value),
                html_inline_doc(&field.doc)
            )?;
        }
        writeln!(out, "</tbody></table></div>")?;
    }
    writeln!(
        out,
        "<p>Example message:</p>\n<pre><code>{}</code></pre>",
        esc(&entry.example_message())
    )?;
    writeln!(
        out,
        "<p>Example body:</p>\n<pre><code>{}</code></pre>",
        esc(&example_body(catalog, entry))
    )?;
    writeln!(out, "</article>")?;
    Ok(())
}

/// The message template with its placeholders marked as `<var>{name}</var>`.
fn template(entry: &Entry) -> String {
    if entry.parts.is_empty() {
        return esc(&entry.message.value);
    }
    entry
        .parts
        .iter()
        .map(|part| match part {
            Part::Literal(text) => esc(text),
            Part::Placeholder { field, .. } => {
                let name = entry
                    .fields
                    .get(*field)
                    .map_or("", |field| field.name.value.as_str());
                format!("<var>{{{}}}</var>", esc(name))
            }
        })
        .collect()
}

/// Whether a URL may be a link of the page: an `http` or `https` one, as the catalog format
/// requires of `docs_url`.
fn is_web_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}
