//! Catalog docs are language-neutral Markdown: this module rewrites them, at the source
//! offsets of a CommonMark parser (`pulldown-cmark`), for the places that show them.
//!
//! - [`rustdoc`], for the generated enum's docs: a code block that does not say `rust` (a
//!   fence without a language, or with another one, ```` ``` ```` and `~~~` alike, of any
//!   length, in lists and block quotes too) gets the info string `text`, and an indented code
//!   block becomes a `text` fence, since rustdoc would compile and run either as a doctest of
//!   the user's crate. A fence whose info string names `rust` stays as written. Links other
//!   than absolute [`is_safe_url`] ones become their text, and raw HTML is escaped.
//! - [`page`], for the Markdown page and the OpenAPI descriptions: code blocks stay as
//!   written, links other than [`is_safe_url`] ones (or relative ones) become their text, raw
//!   HTML is escaped (`<` as `&lt;`), and headings are demoted to level 4 and below, under the
//!   page's own headings.
//!
//! A link's text is kept where the link is dropped. Rewriting can make new Markdown (the
//! text of a dropped link next to brackets), so both functions repeat until nothing is left
//! to rewrite.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// The Markdown extensions that rustdoc and GitHub's pages both read: tables, footnotes,
/// strikethrough and task lists.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Whether a link destination may stay a link: an `http`, `https` or `mailto` URL, or, with
/// `relative`, one without a scheme (`#anchor`, `other.html`). The scheme is read as a
/// browser reads it, ignoring case and the ASCII tabs and line breaks inside it.
pub fn is_safe_url(url: &str, relative: bool) -> bool {
    let url: String = url
        .trim_matches(|c: char| c.is_ascii_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(end) if url[end..].starts_with(':') => {
            let scheme = url[..end].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => relative && !url.starts_with("//"),
    }
}

/// A catalog doc for the generated rustdoc (see the module docs).
pub fn rustdoc(text: &str) -> String {
    to_fixpoint(text, Target::Rustdoc)
}

/// A catalog doc for a Markdown page or an OpenAPI description (see the module docs).
pub fn page(text: &str) -> String {
    to_fixpoint(text, Target::Page)
}

/// A catalog text within one line of a Markdown page (a heading, a list item, a table
/// cell): [`page`] without demoting headings, then [`one_line`], so that no line of the text
/// can start a block.
pub fn page_inline(text: &str) -> String {
    inert_start(&one_line(&to_fixpoint(text, Target::PageInline)))
}

/// One line of Markdown that starts no block where it starts a line: a leading `#`, `>`,
/// list marker, thematic break or tilde is escaped with a backslash (after the digits of an
/// ordered list's marker).
fn inert_start(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after = &line[digits..];
    if digits > 0 && (after.starts_with('.') || after.starts_with(')')) {
        return format!("{}\\{after}", &line[..digits]);
    }
    // A fence was a code block, which `one_line` made a code span: a backtick starts none.
    if line.starts_with(['#', '>', '-', '+', '*', '_', '=', '~', '|']) {
        return format!("\\{line}");
    }
    line.to_owned()
}

/// Whether a text has a code block, fenced or indented, that a one-line place would lose.
pub fn has_code_block(text: &str) -> bool {
    Parser::new_ext(text, options()).any(|event| matches!(event, Event::Start(Tag::CodeBlock(_))))
}

/// Markdown on one line, for a list item or a table cell: each code block becomes a code
/// span of its lines, and every run of white space one space. Rewrite the text first
/// ([`rustdoc`], [`page`]); this adds no link nor HTML.
pub fn one_line(text: &str) -> String {
    let mut edits = Vec::new();
    let mut block: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => block = Some((range.start, String::new())),
            Event::Text(code) => {
                if let Some((_, content)) = &mut block {
                    content.push_str(&code);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((start, content)) = block.take() {
                    let content = content.split_whitespace().collect::<Vec<_>>().join(" ");
                    edits.push(Edit {
                        start,
                        end: range.end,
                        with: code_span(&content),
                    });
                }
            }
            _ => {}
        }
    }
    let text = apply(text, edits);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown inline code that shows `text`: a fence longer than any backtick run in it,
/// padded with a space where the text starts or ends with a backtick.
fn code_span(text: &str) -> String {
    if text.is_empty() {
        return "` `".to_owned();
    }
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Where the rewritten Markdown goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Rustdoc,
    Page,
    PageInline,
}

/// How many times rewriting is repeated at most; one pass is the rule, a second one is rare.
const PASSES: usize = 8;

fn to_fixpoint(text: &str, target: Target) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    rewrite_to_fixpoint(text, target)
}

/// [`to_fixpoint`] through the parser, whatever the text.
fn rewrite_to_fixpoint(text: &str, target: Target) -> String {
    let mut text = text.to_owned();
    for pass in 0..PASSES {
        match rewrite(&text, target, pass == 0) {
            Some(next) => text = next,
            None => return text,
        }
    }
    // Text that keeps making new Markdown: shown as text, every bracket and tag escaped.
    text.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('<', "&lt;")
}

/// Whether `text` is one line of prose that no rewrite changes: it has no line break, starts
/// with a letter or digit, and holds no character that can start a code span or block, a
/// link, raw HTML, an entity, emphasis, a heading or a table. Most catalog docs are such
/// sentences; they skip the Markdown parser, which is the bulk of the macro's work on them.
fn is_plain(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    ' ' | '.'
                        | ','
                        | ';'
                        | ':'
                        | '\''
                        | '"'
                        | '('
                        | ')'
                        | '/'
                        | '?'
                        | '%'
                        | '+'
                        | '-'
                        | '='
                        | '@'
                )
        })
}

/// One edit: replace the source between two offsets.
struct Edit {
    start: usize,
    end: usize,
    with: String,
}

/// A link or image being dropped: its start, and where its text starts and ends so far.
struct Dropped {
    start: usize,
    end: usize,
    text: Option<(usize, usize)>,
}

/// One pass: the rewritten text, or `None` when there is nothing to rewrite. Headings are
/// demoted in the `first` pass only.
fn rewrite(text: &str, target: Target, first: bool) -> Option<String> {
    let mut edits: Vec<Edit> = Vec::new();
    // Links and images being dropped, innermost last, and how deep inside kept ones we are.
    let mut dropped: Vec<Dropped> = Vec::new();
    let mut links: Vec<bool> = Vec::new();
    let mut in_code_block = false;
    let mut indented: Option<Indented> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        // Every event inside a dropped link widens its text, except the link's own end.
        let own_end = matches!(event, Event::End(TagEnd::Link | TagEnd::Image))
            && links.last() == Some(&false);
        if let Some(link) = dropped.last_mut().filter(|_| !own_end) {
            let inner = link.text.get_or_insert((range.start, range.end));
            inner.0 = inner.0.min(range.start);
            inner.1 = inner.1.max(range.end);
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code_block = true;
                match kind {
                    CodeBlockKind::Fenced(info)
                        if target == Target::Rustdoc && !says_rust(&info) =>
                    {
                        edits.push(info_edit(text, range.start));
                    }
                    CodeBlockKind::Indented if target == Target::Rustdoc => {
                        indented = Some(Indented::new(text, range.start));
                    }
                    _ => {}
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                if let Some(block) = indented.take() {
                    edits.push(block.finish());
                }
            }
            Event::Text(code) if in_code_block => {
                if let Some(block) = &mut indented {
                    block.line(&code, range.end);
                }
            }
            Event::Text(_) => {
                escape_lt(text, range.start, range.end, true, &mut edits);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                escape_lt(text, range.start, range.end, false, &mut edits);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) => {
                let relative = target != Target::Rustdoc;
                // An email autolink's destination has no `mailto:`.
                let keep = link_type == LinkType::Email || is_safe_url(&dest_url, relative);
                if keep {
                    links.push(true);
                } else {
                    links.push(false);
                    dropped.push(Dropped {
                        start: range.start,
                        end: range.end,
                        text: None,
                    });
                }
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if links.pop() == Some(false)
                    && let Some(link) = dropped.pop()
                {
                    match link.text {
                        Some((start, end)) => {
                            edits.push(Edit {
                                start: link.start,
                                end: start,
                                with: String::new(),
                            });
                            edits.push(Edit {
                                start: end,
                                end: link.end,
                                with: String::new(),
                            });
                        }
                        None => edits.push(Edit {
                            start: link.start,
                            end: link.end,
                            with: String::new(),
                        }),
                    }
                }
            }
            Event::Start(Tag::Heading { level, .. }) if target == Target::Page && first => {
                edits.push(heading_edit(text, range.start, range.end, level));
            }
            _ => {}
        }
    }
    if edits.is_empty() {
        return None;
    }
    let out = apply(text, edits);
    (out != text).then_some(out)
}

/// `text` with `edits` made; an edit that overlaps an earlier one is skipped.
fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|edit| (edit.start, edit.end));
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for edit in edits {
        // Edits never overlap; one that would is skipped rather than trusted.
        if edit.start < at || edit.end < edit.start || edit.end > text.len() {
            continue;
        }
        out.push_str(&text[at..edit.start]);
        out.push_str(&edit.with);
        at = edit.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Whether a fence's info string names `rust`, as rustdoc reads it: words separated by
/// commas or spaces, one of them `rust`.
fn says_rust(info: &str) -> bool {
    info.split(|c: char| c == ',' || c.is_whitespace())
        .any(|word| word == "rust")
}

/// The edit that makes a fence's info string `text`: the fence at `start` is a run of
/// backticks or tildes, its info string the rest of the line.
fn info_edit(text: &str, start: usize) -> Edit {
    let rest = &text[start..];
    let fence = rest.bytes().take_while(|&b| b == b'`' || b == b'~').count();
    let line_end = rest.find('\n').map_or(text.len(), |n| start + n);
    let line_end = if text[..line_end].ends_with('\r') {
        line_end - 1
    } else {
        line_end
    };
    let info_start = (start + fence).min(line_end);
    Edit {
        start: info_start,
        end: line_end,
        with: "text".to_owned(),
    }
}

/// An indented code block being turned into a `text` fence: each of its lines is written
/// after the container prefix of its first line (a list item's indentation, a block quote's
/// `> `), without the four columns of indentation.
struct Indented {
    start: usize,
    prefix: String,
    code: String,
    end: usize,
}

impl Indented {
    fn new(text: &str, content: usize) -> Self {
        let line_start = text[..content].rfind('\n').map_or(0, |n| n + 1);
        let mut prefix = &text[line_start..content];
        // The four columns of indentation: spaces, or a tab.
        for _ in 0..4 {
            match prefix.strip_suffix(' ') {
                Some(shorter) => prefix = shorter,
                None => break,
            }
        }
        if prefix.len() == text[line_start..content].len() {
            prefix = prefix.strip_suffix('\t').unwrap_or(prefix);
        }
        Self {
            start: line_start,
            prefix: prefix.to_owned(),
            code: String::new(),
            end: content,
        }
    }

    fn line(&mut self, code: &str, end: usize) {
        self.code.push_str(code);
        self.end = end;
    }

    fn finish(self) -> Edit {
        let longest = self
            .code
            .split(|c| c != '`')
            .map(str::len)
            .max()
            .unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        let prefix = &self.prefix;
        let mut with = format!("{prefix}{fence}text\n");
        for line in self.code.lines() {
            with.push_str(prefix);
            with.push_str(line);
            with.push('\n');
        }
        with.push_str(&format!("{prefix}{fence}"));
        if self.code.ends_with('\n') {
            with.push('\n');
        }
        Edit {
            start: self.start,
            end: self.end,
            with,
        }
    }
}

fn escape_lt(text: &str, start: usize, end: usize, unescaped_only: bool, edits: &mut Vec<Edit>) {
    for (offset, _) in text[start..end].match_indices('<') {
        let at = start + offset;
        if unescaped_only && text[..at].ends_with('\\') {
            continue;
        }
        edits.push(Edit {
            start: at,
            end: at + 1,
            with: "&lt;".to_owned(),
        });
    }
}

/// A heading of a doc, demoted under the page's own (`###` for an entry): level 4 and below.
fn heading_edit(text: &str, start: usize, end: usize, level: HeadingLevel) -> Edit {
    let level = match level {
        HeadingLevel::H1 => 4,
        HeadingLevel::H2 => 5,
        _ => 6,
    };
    let hashes = "#".repeat(level);
    let source = &text[start..end];
    if source.starts_with('#') {
        let run = source.bytes().take_while(|&b| b == b'#').count();
        return Edit {
            start,
            end: start + run,
            with: hashes,
        };
    }
    // A setext heading: its lines, then a line of `=` or `-`; as one ATX line.
    let body = source.trim_end_matches(['\n', '\r']);
    let body = body.rfind('\n').map_or(body, |n| &body[..n]);
    let line = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let newline = if source.ends_with('\n') { "\n" } else { "" };
    Edit {
        start,
        end,
        with: format!("{hashes} {line}{newline}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_text_is_what_the_parser_leaves_unchanged() {
        // Every sentence the fast path takes is one that the rewrite leaves as it is, for
        // every target: sentences drawn from the characters it accepts.
        let alphabet: Vec<char> = "aZ09 .,;:'\"()/?%+-=@".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut plain = 0;
        for _ in 0..3_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            if !is_plain(&text) {
                continue;
            }
            plain += 1;
            for target in [Target::Rustdoc, Target::Page, Target::PageInline] {
                assert_eq!(rewrite_to_fixpoint(&text, target), text, "{text:?}");
            }
        }
        assert!(plain > 300, "{plain}");
        for text in [
            "", " a", "a\nb", "a `b`", "a <b>", "a [b](c)", "a *b*", "a # b", "a & b",
        ] {
            assert!(!is_plain(text), "{text:?}");
        }
    }

    use super::*;

    #[test]
    fn fences_that_do_not_say_rust_become_text() {
        assert_eq!(rustdoc("a\n```\nx\n```\n"), "a\n```text\nx\n```\n");
        assert_eq!(rustdoc("~~~~ json {.x}\n{}\n~~~~"), "~~~~text\n{}\n~~~~");
        assert_eq!(rustdoc("````should_panic\nx\n````"), "````text\nx\n````");
        assert_eq!(
            rustdoc("- a\n\n  ```\n  x\n  ```\n"),
            "- a\n\n  ```text\n  x\n  ```\n"
        );
        assert_eq!(rustdoc("> ```py\n> x\n> ```"), "> ```text\n> x\n> ```");
        // `rust` as a word of the info string keeps the block as written.
        for kept in [
            "```rust\nlet x = 1;\n```",
            "```rust,ignore\nx\n```",
            "``` ignore rust\nx\n```",
        ] {
            assert_eq!(rustdoc(kept), kept);
        }
        // Not a fence: inline code of three backticks.
        assert_eq!(rustdoc("a ```x``` b"), "a ```x``` b");
    }

    #[test]
    fn indented_code_becomes_a_text_fence() {
        assert_eq!(
            rustdoc("a\n\n    code\n      more\n\nb"),
            "a\n\n```text\ncode\n  more\n```\n\nb"
        );
        assert_eq!(
            rustdoc("- item\n\n      in list\n      two\n"),
            "- item\n\n  ```text\n  in list\n  two\n  ```\n"
        );
        assert_eq!(
            rustdoc("> quote\n>\n>     one\n>     two\n"),
            "> quote\n>\n> ```text\n> one\n> two\n> ```\n"
        );
        assert_eq!(rustdoc("    ```\n    x"), "````text\n```\nx\n````");
        // The page keeps code blocks as written.
        assert_eq!(page("a\n\n    code\n"), "a\n\n    code\n");
    }

    #[test]
    fn unsafe_links_become_text() {
        assert_eq!(page("[x](javascript:alert(1)) y"), "x y");
        assert_eq!(page("![a *b*](data:text/html,x)"), "a *b*");
        assert_eq!(page("<javascript:alert(1)>"), "javascript:alert(1)");
        assert_eq!(
            page("[x]\n\n[x]: JavaScript:alert(1)"),
            "x\n\n[x]: JavaScript:alert(1)"
        );
        assert_eq!(page("[](javascript:x)"), "");
        for kept in [
            "[x](https://a.dev/b)",
            "[x](mailto:a@b.dev)",
            "[x](#anchor)",
            "<a@b.dev>",
        ] {
            assert_eq!(page(kept), kept);
        }
        // Rustdoc resolves a relative link as an intra-doc link: it becomes text.
        assert_eq!(
            rustdoc("[x](#anchor) [y](https://a.dev)"),
            "x [y](https://a.dev)"
        );
        assert!(!is_safe_url(" java\tscript:x", true));
        assert!(is_safe_url("HTTPS://x", false));
        assert!(!is_safe_url("//evil.dev", true));
    }

    #[test]
    fn html_is_escaped_and_headings_demoted() {
        assert_eq!(
            page("a <script>alert(1)</script> and `<b>`"),
            "a &lt;script>alert(1)&lt;/script> and `<b>`"
        );
        assert_eq!(page("<div>\nhi\n</div>"), "&lt;div>\nhi\n&lt;/div>");
        assert_eq!(page("a < b \\< c"), "a &lt; b \\< c");
        assert_eq!(
            page("# One\n\nSet\nhead\n---\n"),
            "#### One\n\n##### Set head\n"
        );
        assert_eq!(rustdoc("# One"), "# One");
        assert_eq!(page_inline("a\n# b [c](javascript:x)\n\n  d"), "a # b c d");
        assert_eq!(page_inline("# a\nb"), "\\# a b");
        assert_eq!(page_inline("12) a"), "12\\) a");
        assert_eq!(page_inline("```rust"), "` `");
        assert_eq!(page_inline("- a"), "\\- a");
        assert!(has_code_block("a\n\n    b") && !has_code_block("a ```b```"));
    }

    #[test]
    fn one_line_makes_code_blocks_code_spans() {
        assert_eq!(one_line("a:\n\n```text\nx  y\nz\n```\n\nb"), "a: `x y z` b");
        assert_eq!(one_line("a\n\n    `q`\n"), "a `` `q` ``");
    }

    #[test]
    fn nested_links_settle() {
        let out = page("[[a](javascript:1)](javascript:2)");
        assert!(!out.contains("javascript:1)"), "{out}");
        let again = page(&out);
        assert_eq!(again, out);
    }
}
