//! Escaping catalog text for the pages `docs` writes: one function for HTML, and the few
//! Markdown forms the Markdown page uses.
//!
//! Catalog docs are Markdown ([`docs/catalog-format.md`]); the pages keep their inline code
//! spans, which [`spans`] finds, and treat everything else as text.
//!
//! [`docs/catalog-format.md`]: https://github.com/error-catalog/error-catalog/blob/main/docs/catalog-format.md

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

/// Catalog text (Markdown) as HTML: code spans become `<code>`, everything is escaped, and
/// nothing else of Markdown is interpreted.
pub fn html_inline(text: &str) -> String {
    spans(text)
        .into_iter()
        .map(|span| match span {
            Span::Text(text) => html_escape(text),
            Span::Code(code) => format!("<code>{}</code>", html_escape(strip_one_space(code))),
        })
        .collect()
}

/// CommonMark strips one space on each side of a code span's content when both are there
/// and the content is not all spaces.
fn strip_one_space(code: &str) -> &str {
    match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
        Some(inner) if !code.trim().is_empty() => inner,
        _ => code,
    }
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

/// Catalog text (Markdown) for a Markdown page: kept as Markdown, except that `<` outside
/// code spans is written `&lt;`, so that the text cannot open an HTML tag.
pub fn md_text(text: &str) -> String {
    spans(text)
        .into_iter()
        .map(|span| match span {
            Span::Text(text) => text.replace('<', "&lt;"),
            Span::Code(code) => {
                let fence = "`".repeat(longest_run(code) + 1);
                format!("{fence}{code}{fence}")
            }
        })
        .collect()
}

/// The longest run of backticks in `text`; a code span's own fence is longer.
fn longest_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Markdown for a table cell: [`md_text`] on one line, with `|` escaped (GitHub's tables need
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
    fn html_inline_escapes_text_and_code() {
        assert_eq!(
            html_inline("use `<b>` not <b>x</b>"),
            "use <code>&lt;b&gt;</code> not &lt;b&gt;x&lt;/b&gt;"
        );
        assert_eq!(html_inline("`` `x` ``"), "<code>`x`</code>");
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
    fn md_text_keeps_markdown_but_no_html() {
        assert_eq!(
            md_text("see `<T>` and <script>alert(1)</script>"),
            "see `<T>` and &lt;script>alert(1)&lt;/script>"
        );
        assert_eq!(md_cell("a | b\nc"), "a \\| b c");
    }
}
