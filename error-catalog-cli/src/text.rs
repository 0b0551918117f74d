//! Catalog text for the pages `docs` writes and the terminal `explain` writes to.
//!
//! Catalog docs are Markdown ([`docs/catalog-format.md`]), read by a CommonMark parser
//! (`pulldown-cmark`, through [`error_catalog_codegen::markdown`]). On the Markdown page a doc
//! stays Markdown ([`md_block`]): code blocks as written, links other than `http(s)`,
//! `mailto` and relative ones as their text, raw HTML escaped, headings demoted under the
//! page's; a text within a line ([`md_inline`], [`md_cell_doc`]) cannot break it. The HTML
//! page renders docs to HTML ([`html_block`], [`html_inline_doc`]), every text escaped, the
//! same links kept, no image loaded. [`terminal`] escapes what a terminal would obey.
//!
//! [`docs/catalog-format.md`]: https://github.com/error-catalog/error-catalog/blob/main/docs/catalog-format.md

use error_catalog_codegen::diff::escape_controls;
use error_catalog_codegen::markdown;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Escapes text for HTML, in element content and in quoted attribute values alike: `&`, `<`,
/// `>`, `"` and `'`. Every catalog text that reaches the HTML page goes through here.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A catalog doc as a block of the Markdown page ([`markdown::page`]).
pub fn md_block(text: &str) -> String {
    markdown::page(text).trim_end().to_owned()
}

/// Catalog text within one line of the Markdown page (a heading, a list item): its line
/// breaks are spaces and its code blocks code spans, so that it starts no block
/// ([`markdown::page_inline`]).
pub fn md_inline(text: &str) -> String {
    markdown::page_inline(text)
}

/// A catalog doc in a table cell of the Markdown page: [`md_inline`] with `|` escaped; a doc
/// with a code block is HTML instead ([`html_block`]), its code block a `<pre>` whose lines
/// end with `<br>`, so that the block stays a block on the row's one line.
pub fn md_cell_doc(text: &str) -> String {
    if !markdown::has_code_block(text) {
        return md_cell(&md_inline(text));
    }
    let html = html_block(text);
    let mut out = String::with_capacity(html.len());
    let mut in_pre = false;
    let mut rest = html.as_str();
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<pre>") {
            in_pre = true;
        } else if rest.starts_with("</pre>") {
            in_pre = false;
        }
        match c {
            '\n' if in_pre => out.push_str("<br>"),
            '\n' => out.push(' '),
            '|' => out.push_str("&#124;"),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out.trim_end().to_owned()
}

/// A catalog doc as HTML: CommonMark rendered by pulldown-cmark's HTML writer, after the
/// Markdown page's rewriting ([`markdown::page`]), with every raw HTML tag as escaped text,
/// images as their text (the page loads nothing) and only [`markdown::is_safe_url`] links.
pub fn html_block(text: &str) -> String {
    let source = markdown::page(text);
    let mut dropped: Vec<bool> = Vec::new();
    let events = Parser::new_ext(&source, markdown::options()).filter_map(|event| {
        Some(match event {
            Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
            Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
            Event::Start(Tag::Image { .. }) => {
                dropped.push(true);
                return None;
            }
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let drop = !markdown::is_safe_url(dest_url, true);
                dropped.push(drop);
                if drop {
                    return None;
                }
                event
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if dropped.pop().unwrap_or(true) {
                    return None;
                }
                event
            }
            event => event,
        })
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Catalog text within a table cell or a definition of the HTML page: [`md_inline`] as
/// inline HTML, or, when the text has a code block, [`html_block`].
pub fn html_inline_doc(text: &str) -> String {
    if markdown::has_code_block(text) {
        return html_block(text);
    }
    let html = html_block(&md_inline(text));
    let html = html.trim_end();
    match html
        .strip_prefix("<p>")
        .and_then(|inner| inner.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => html.to_owned(),
    }
}

/// Text for a terminal: each line with its control characters escaped, as `diff` escapes its
/// findings ([`escape_controls`]), so that catalog text sends the terminal no escape
/// sequence; line breaks and tabs stay.
pub fn terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        // A line break of `\r\n`, and tabs, move the cursor as text does: kept.
        let (line, cr) = match line.strip_suffix('\r') {
            Some(line) => (line, "\r"),
            None => (line, ""),
        };
        let cells: Vec<_> = line.split('\t').map(escape_controls).collect();
        out.push_str(&cells.join("\t"));
        out.push_str(cr);
    }
    out
}

/// A piece of catalog text: plain text, or the content of an inline code span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span<'a> {
    /// Text outside code spans.
    Text(&'a str),
    /// The content of a code span, between its backtick fences (not trimmed).
    Code(&'a str),
}

/// Splits `text` into plain text and inline code spans, as CommonMark finds them: a run of
/// backticks opens a span that the next run of the same length closes; a run that nothing
/// closes is plain text.
pub fn spans(text: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    // Start of the text not yet emitted, and where to look for the next opening run.
    let (mut emitted, mut at) = (0, 0);
    while let Some(offset) = text[at..].find('`') {
        let open = at + offset;
        let fence = run_length(&text[open..]);
        let content = open + fence;
        match closing_run(&text[content..], fence) {
            Some(close) => {
                if emitted < open {
                    out.push(Span::Text(&text[emitted..open]));
                }
                out.push(Span::Code(&text[content..content + close]));
                emitted = content + close + fence;
                at = emitted;
            }
            None => at = content,
        }
    }
    if emitted < text.len() {
        out.push(Span::Text(&text[emitted..]));
    }
    out
}

/// The number of backticks at the start of `text`.
fn run_length(text: &str) -> usize {
    text.bytes().take_while(|&b| b == b'`').count()
}

/// The offset in `text` of the first run of exactly `fence` backticks.
fn closing_run(text: &str, fence: usize) -> Option<usize> {
    let mut at = 0;
    while let Some(offset) = text[at..].find('`') {
        let start = at + offset;
        let length = run_length(&text[start..]);
        if length == fence {
            return Some(start);
        }
        at = start + length;
    }
    None
}

/// Markdown inline code that shows `text` exactly: a fence longer than any backtick run in
/// the text, padded with a space when the text starts or ends with a backtick. Line breaks
/// become spaces, which is how Markdown shows them in a code span anyway, so that no line of
/// the text can start a block.
pub fn md_code(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    if text.is_empty() {
        // No code span is empty; one space is the closest.
        return "` `".to_owned();
    }
    let fence = "`".repeat(longest_run(&text) + 1);
    // A backtick next to the fence would lengthen it; and CommonMark strips one space from
    // each side of the content, unless it is all spaces.
    let touches_fence = text.starts_with('`') || text.ends_with('`');
    let strippable = text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty();
    let pad = if touches_fence || strippable { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// The longest run of backticks in `text`; a code span's own fence is longer.
fn longest_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Markdown for a table cell: one line, with `|` escaped (GitHub's tables need
/// `\|`, also inside code spans).
pub fn md_cell(markdown: &str) -> String {
    markdown
        .replace("\r\n", " ")
        .replace(['\r', '\n'], " ")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escape_escapes_every_special_character() {
        assert_eq!(
            html_escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(html_escape("plain é"), "plain é");
    }

    #[test]
    fn spans_follow_commonmark_fences() {
        assert_eq!(
            spans("an `errorCode` and ``a ` b``"),
            [
                Span::Text("an "),
                Span::Code("errorCode"),
                Span::Text(" and "),
                Span::Code("a ` b"),
            ]
        );
        // An unclosed run is text, and a longer run does not close a shorter one.
        assert_eq!(spans("a `b"), [Span::Text("a `b")]);
        assert_eq!(spans("`a``"), [Span::Text("`a``")]);
        assert_eq!(spans("``"), [Span::Text("``")]);
        assert_eq!(spans(""), []);
    }

    #[test]
    fn md_code_survives_backticks_and_line_breaks() {
        assert_eq!(md_code("a {b}"), "`a {b}`");
        assert_eq!(md_code("a`b"), "``a`b``");
        assert_eq!(md_code("`a"), "`` `a ``");
        assert_eq!(md_code("a\n# b"), "`a # b`");
        assert_eq!(md_code(""), "` `");
        // One space each side would be stripped: padded to keep them.
        assert_eq!(md_code(" a "), "`  a  `");
        assert_eq!(md_code("  "), "`  `");
    }

    #[test]
    fn md_cell_escapes_pipes_and_line_breaks() {
        assert_eq!(md_cell("a | b\nc"), "a \\| b c");
    }

    #[test]
    fn docs_with_code_blocks_keep_them_in_cells() {
        assert_eq!(md_cell_doc("a | `b`\n# c"), "a \\| `b` # c");
        assert_eq!(
            md_cell_doc("a|b:\n\n```\nx|y\nz\n```"),
            "<p>a&#124;b:</p> <pre><code>x&#124;y<br>z<br></code></pre>"
        );
        assert_eq!(html_inline_doc("# a <b>"), "# a &lt;b&gt;");
        assert_eq!(
            terminal("a\u{1b}[2J\tb\r\nc\u{7}"),
            "a\\u{1b}[2J\tb\r\nc\\u{7}"
        );
    }
}
