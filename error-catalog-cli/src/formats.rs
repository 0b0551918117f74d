//! The formats of `check` and `diff` (`--format human|json|sarif|github`): the human one,
//! and three for machines, which all write the same findings to stdout.
//!
//! - `json`: one JSON object a line in the shape of rustc's diagnostics
//!   (`--error-format=json`, as cargo's `--message-format json` passes them on): `level`,
//!   `message`, the rule as `code.code`, `spans` with the file, byte offsets and 1-based
//!   lines and columns (columns in characters, the end exclusive, as rustc counts them),
//!   `children` for notes and help, and `rendered`, the human text; then one summary line,
//!   `{"$message_type":"summary",...}`.
//! - `sarif`: one SARIF 2.1.0 log with one run, one rule per rule name used (its short and
//!   full description and a help URI into `docs/catalog-format.md`), and results with
//!   relative URIs, regions and fingerprints that no line number enters, so that a finding
//!   keeps its fingerprint when lines are added above it.
//! - `github`: GitHub Actions workflow commands, `::error file=…,line=…::message`, which
//!   GitHub shows as annotations on the file.
//!
//! No colours in any of them. The rules' names, summaries and descriptions come from the
//! one table of each rule type ([`Rule`], [`DiffRule`]).

use std::fmt::Write as _;
use std::ops::Range;

use error_catalog_codegen::diff::{Class, DiffRule};
use error_catalog_codegen::{Diagnostic, Rule, Source};

use crate::json::{Json, Object, compact, pretty};

/// The output formats of `check` and `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// For people: `check`'s diagnostics as the compiler shows them (on stderr), `diff`'s
    /// one line per change.
    Human,
    /// One JSON object a line in the shape of rustc's diagnostics, then a summary line.
    Json,
    /// One SARIF 2.1.0 log, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands, shown as annotations.
    Github,
}

/// The repository, from the package's metadata: the SARIF tool's home and the base of the
/// rules' help.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The page of a rule in the format document: `docs/catalog-format.md#<rule>`, on the
/// repository's main branch. Each rule has a heading of its name there, whose anchor is the
/// name.
pub fn help_uri(rule: &str) -> String {
    format!("{REPOSITORY}/blob/main/docs/catalog-format.md#{rule}")
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Level {
    /// A catalog error, or a breaking change.
    Error,
    /// A compatible change.
    Note,
}

impl Level {
    /// The level in rustc's JSON and in SARIF.
    fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Note => "note",
        }
    }

    /// The workflow command of GitHub Actions.
    fn github(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Note => "notice",
        }
    }
}

/// A rule as the machine formats describe it.
#[derive(Clone, Debug)]
pub(crate) struct RuleInfo {
    /// The stable name.
    name: &'static str,
    /// What it is about, in a few words.
    summary: &'static str,
    /// What it is about, in full.
    description: String,
    /// The level of its findings.
    level: Level,
}

impl RuleInfo {
    /// A rule of `check`: every diagnostic is an error.
    pub(crate) fn check(rule: Rule) -> Self {
        RuleInfo {
            name: rule.name(),
            summary: rule.summary(),
            description: rule.description().to_owned(),
            level: Level::Error,
        }
    }

    /// A rule of `diff`: breaking changes are errors, compatible ones notes. The full
    /// description says which, and why.
    pub(crate) fn diff(rule: DiffRule) -> Self {
        let (level, class) = match rule.class() {
            Class::Breaking => (
                Level::Error,
                "Breaking: clients deployed against the old catalog can go wrong, or the \
                 catalog takes back something it published.",
            ),
            Class::Compatible => (
                Level::Note,
                "Compatible: nothing a deployed client relies on changed.",
            ),
        };
        RuleInfo {
            name: rule.name(),
            summary: rule.summary(),
            description: format!("{} {class}", rule.description()),
            level,
        }
    }
}

/// One finding, as every machine format writes it.
#[derive(Debug)]
pub(crate) struct Item<'s> {
    /// The rule it reports.
    pub(crate) rule: RuleInfo,
    /// What is wrong or what changed, in one line.
    pub(crate) message: String,
    /// The file the spans point into.
    pub(crate) source: &'s Source,
    /// The primary span, or `None` for the file as a whole.
    pub(crate) span: Option<Range<usize>>,
    /// The label under the primary span.
    pub(crate) label: Option<String>,
    /// Other places, with their labels.
    pub(crate) related: Vec<(Range<usize>, String)>,
    /// Notes and help: (`"note"` or `"help"`, text).
    pub(crate) children: Vec<(&'static str, String)>,
    /// The human rendering.
    pub(crate) rendered: String,
    /// More keys for its JSON line.
    pub(crate) extra: Vec<(&'static str, Json)>,
    /// What tells it apart from other findings of its rule and file, without its place:
    /// the base of its fingerprint.
    pub(crate) identity: String,
}

impl<'s> Item<'s> {
    /// A diagnostic of `check` (or of a catalog that `diff` could not load).
    pub(crate) fn diagnostic(diagnostic: &Diagnostic, source: &'s Source) -> Self {
        let mut children: Vec<(&'static str, String)> = diagnostic
            .notes
            .iter()
            .map(|note| ("note", note.clone()))
            .collect();
        children.extend(diagnostic.help.iter().map(|help| ("help", help.clone())));
        let quoted = diagnostic
            .span
            .as_ref()
            .map_or("", |span| text_at(source, span));
        Item {
            rule: RuleInfo::check(diagnostic.rule),
            message: diagnostic.message.clone(),
            source,
            span: diagnostic.span.clone(),
            label: diagnostic.label.clone(),
            related: diagnostic
                .related
                .iter()
                .map(|related| (related.span.clone(), related.label.clone()))
                .collect(),
            children,
            rendered: format!("{}\n", diagnostic.render(source)),
            extra: Vec::new(),
            identity: format!(
                "{}\0{quoted}\0{}",
                diagnostic.message,
                diagnostic.label.as_deref().unwrap_or("")
            ),
        }
    }

    /// The message with its notes, help and other places, one a line: the text of a SARIF
    /// result or a GitHub annotation.
    fn full_message(&self) -> String {
        let mut text = self.message.clone();
        for (span, label) in &self.related {
            let at = Located::new(self.source, span);
            let _ = write!(
                text,
                "\nnote: {label} ({}:{}:{})",
                self.source.name(),
                at.line_start,
                at.column_start
            );
        }
        for (level, child) in &self.children {
            let _ = write!(text, "\n{level}: {child}");
        }
        text
    }
}

/// The text a span covers, kept inside the text and on character boundaries.
fn text_at<'t>(source: &'t Source, span: &Range<usize>) -> &'t str {
    let span = source.clamp(span);
    source.text().get(span).unwrap_or("")
}

/// A span with its lines and columns: 1-based, columns in characters, the end column
/// exclusive (the column after the last character), as rustc and SARIF count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Located {
    byte_start: usize,
    byte_end: usize,
    line_start: usize,
    column_start: usize,
    line_end: usize,
    column_end: usize,
}

impl Located {
    fn new(source: &Source, span: &Range<usize>) -> Self {
        let span = source.clamp(span);
        let (line_start, column_start) = source.line_col(span.start);
        let (line_end, column_end) = source.line_col(span.end);
        Located {
            byte_start: span.start,
            byte_end: span.end,
            line_start,
            column_start,
            line_end,
            column_end,
        }
    }
}

/// rustc's `text` of a span: each of its lines, whole (without the line break), with the
/// columns it highlights there.
fn span_lines(source: &Source, at: &Located) -> Vec<Json> {
    let text = source.text();
    let first = text
        .get(..at.byte_start)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1);
    let mut out = Vec::new();
    let lines = text.get(first..).unwrap_or("").split('\n');
    for (number, line) in (at.line_start..=at.line_end).zip(lines) {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let start = if number == at.line_start {
            at.column_start
        } else {
            1
        };
        let end = if number == at.line_end {
            at.column_end
        } else {
            line.chars().count() + 1
        };
        out.push(
            Object::new()
                .with("text", line)
                .with("highlight_start", start)
                .with("highlight_end", end)
                .into(),
        );
    }
    out
}

/// A span of rustc's JSON.
fn rustc_span(source: &Source, span: &Range<usize>, primary: bool, label: Option<&str>) -> Json {
    let at = Located::new(source, span);
    Object::new()
        .with("file_name", source.name())
        .with("byte_start", at.byte_start)
        .with("byte_end", at.byte_end)
        .with("line_start", at.line_start)
        .with("line_end", at.line_end)
        .with("column_start", at.column_start)
        .with("column_end", at.column_end)
        .with("is_primary", primary)
        .with("text", span_lines(source, &at))
        .with("label", label)
        .with("suggested_replacement", None::<String>)
        .with("suggestion_applicability", None::<String>)
        .with("expansion", None::<String>)
        .into()
}

/// One finding as a line of rustc's JSON (without the line break).
fn json_line(item: &Item<'_>) -> String {
    let mut spans: Vec<Json> = Vec::new();
    if let Some(span) = &item.span {
        spans.push(rustc_span(item.source, span, true, item.label.as_deref()));
    }
    for (span, label) in &item.related {
        spans.push(rustc_span(item.source, span, false, Some(label)));
    }
    let children: Vec<Json> = item
        .children
        .iter()
        .map(|(level, text)| {
            Object::new()
                .with("message", text)
                .with("code", None::<String>)
                .with("level", *level)
                .with("spans", Vec::<Json>::new())
                .with("children", Vec::<Json>::new())
                .with("rendered", None::<String>)
                .into()
        })
        .collect();
    let mut object = Object::new()
        .with("$message_type", "diagnostic")
        .with("message", &item.message)
        .with(
            "code",
            Object::new()
                .with("code", item.rule.name)
                .with("explanation", None::<String>),
        )
        .with("level", item.rule.level.name())
        .with("spans", spans)
        .with("children", children)
        .with("rendered", &item.rendered);
    for (key, value) in &item.extra {
        object.insert(*key, value.clone());
    }
    compact(&object)
}

/// Writes `items` in `format`, closed (for `json`) by `summary`, whose `$message_type` and
/// counts of each level come first. [`Format::Human`] gives each item's rendering.
pub(crate) fn render(format: Format, items: &[Item<'_>], summary: Object) -> String {
    match format {
        Format::Human => items.iter().map(|item| item.rendered.as_str()).collect(),
        Format::Json => {
            let mut out = String::new();
            for item in items {
                out.push_str(&json_line(item));
                out.push('\n');
            }
            let count = |level| items.iter().filter(|i| i.rule.level == level).count();
            let mut line = Object::new()
                .with("$message_type", "summary")
                .with("errors", count(Level::Error))
                .with("warnings", 0usize)
                .with("notes", count(Level::Note));
            for (key, value) in summary.into_entries() {
                line.insert(key, value);
            }
            out.push_str(&compact(&line));
            out.push('\n');
            out
        }
        Format::Sarif => sarif(items),
        Format::Github => items.iter().map(github_line).collect(),
    }
}

/// The artifact of a file: a relative URI reference, its characters other than unreserved
/// ones and `/` percent-encoded, or a `file:` URI for a file outside the current directory.
/// Returns the URI and whether it is relative.
fn artifact_uri(source: &Source) -> (String, bool) {
    let name = source.name().replace('\\', "/");
    let absolute = std::path::Path::new(source.name()).is_absolute() || name.starts_with('/');
    if absolute {
        let path = source.path().display().to_string().replace('\\', "/");
        let path = if path.starts_with('/') {
            path
        } else {
            // A Windows path, `C:/...`.
            format!("/{path}")
        };
        (format!("file://{}", percent_encode(&path)), false)
    } else {
        (percent_encode(&name), true)
    }
}

/// `text` with every byte but ASCII letters, digits, `-`, `.`, `_`, `~` and `/` written as
/// `%XX`.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A SARIF physical location: the file and, for a span, its region.
fn physical_location(source: &Source, span: Option<&Range<usize>>) -> Object {
    let (uri, relative) = artifact_uri(source);
    let mut artifact = Object::new().with("uri", uri);
    if relative {
        artifact.insert("uriBaseId", "%SRCROOT%");
    }
    let mut location = Object::new().with("artifactLocation", artifact);
    if let Some(span) = span {
        let at = Located::new(source, span);
        location.insert(
            "region",
            Object::new()
                .with("startLine", at.line_start)
                .with("startColumn", at.column_start)
                .with("endLine", at.line_end)
                .with("endColumn", at.column_end),
        );
    }
    location
}

/// `text` with its first letter upper case: a summary as a title.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// 64-bit FNV-1a: a hash that is the same on every machine and in every release, which the
/// fingerprints need (std's hasher promises neither).
fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The SARIF log of `items`.
fn sarif(items: &[Item<'_>]) -> String {
    let mut rules: Vec<&RuleInfo> = Vec::new();
    for item in items {
        if !rules.iter().any(|rule| rule.name == item.rule.name) {
            rules.push(&item.rule);
        }
    }
    let descriptors: Vec<Json> = rules
        .iter()
        .map(|rule| {
            Object::new()
                .with("id", rule.name)
                .with(
                    "shortDescription",
                    Object::new().with("text", capitalized(rule.summary)),
                )
                .with(
                    "fullDescription",
                    Object::new().with("text", rule.description.as_str()),
                )
                .with("helpUri", help_uri(rule.name))
                .with(
                    "defaultConfiguration",
                    Object::new().with("level", rule.level.name()),
                )
                .into()
        })
        .collect();
    // Findings with the same rule, file and identity are told apart by their order.
    let mut seen: Vec<String> = Vec::new();
    let results: Vec<Json> = items
        .iter()
        .map(|item| {
            let (uri, _) = artifact_uri(item.source);
            let key = format!("{}\0{uri}\0{}", item.rule.name, item.identity);
            let occurrence = seen.iter().filter(|k| **k == key).count() + 1;
            seen.push(key.clone());
            let index = rules
                .iter()
                .position(|rule| rule.name == item.rule.name)
                .unwrap_or(0);
            let mut result = Object::new()
                .with("ruleId", item.rule.name)
                .with("ruleIndex", index)
                .with("level", item.rule.level.name())
                .with("message", Object::new().with("text", item.full_message()))
                .with(
                    "locations",
                    vec![Json::from(Object::new().with(
                        "physicalLocation",
                        physical_location(item.source, item.span.as_ref()),
                    ))],
                );
            if !item.related.is_empty() {
                let related: Vec<Json> = item
                    .related
                    .iter()
                    .enumerate()
                    .map(|(id, (span, label))| {
                        Object::new()
                            .with("id", id)
                            .with(
                                "physicalLocation",
                                physical_location(item.source, Some(span)),
                            )
                            .with("message", Object::new().with("text", label.as_str()))
                            .into()
                    })
                    .collect();
                result.insert("relatedLocations", related);
            }
            result.insert(
                "partialFingerprints",
                Object::new().with(
                    "errorCatalog/v1",
                    format!("{:016x}:{occurrence}", fnv1a(&key)),
                ),
            );
            if !item.extra.is_empty() {
                let mut properties = Object::new();
                for (key, value) in &item.extra {
                    properties.insert(*key, value.clone());
                }
                result.insert("properties", properties);
            }
            result.into()
        })
        .collect();
    let driver = Object::new()
        .with("name", "error-catalog")
        .with("version", env!("CARGO_PKG_VERSION"))
        .with("informationUri", REPOSITORY)
        .with("rules", descriptors);
    let run = Object::new()
        .with("tool", Object::new().with("driver", driver))
        .with("columnKind", "unicodeCodePoints")
        .with("results", results);
    pretty(
        &Object::new()
            .with("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
            .with("version", "2.1.0")
            .with("runs", vec![Json::from(run)]),
    )
}

/// Escapes the message of a workflow command: `%`, CR and LF.
pub fn github_escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command: as [`github_escape_data`], and `:` and
/// `,`.
pub fn github_escape_property(text: &str) -> String {
    github_escape_data(text)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// One finding as a workflow command of GitHub Actions, with its line break.
fn github_line(item: &Item<'_>) -> String {
    let mut properties = vec![("file", item.source.name().to_owned())];
    if let Some(span) = &item.span {
        let at = Located::new(item.source, span);
        properties.extend([
            ("line", at.line_start.to_string()),
            ("col", at.column_start.to_string()),
            ("endLine", at.line_end.to_string()),
            ("endColumn", at.column_end.to_string()),
        ]);
    }
    properties.push(("title", item.rule.name.to_owned()));
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", github_escape_property(value)))
        .collect();
    format!(
        "::{} {}::{}\n",
        item.rule.level.github(),
        properties.join(","),
        github_escape_data(&item.full_message())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_data_and_properties() {
        assert_eq!(
            github_escape_data("50% a\r\nb: c, d"),
            "50%25 a%0D%0Ab: c, d"
        );
        assert_eq!(
            github_escape_property("50% a\r\nb: c, d"),
            "50%25 a%0D%0Ab%3A c%2C d"
        );
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            percent_encode("a b/ü,c:%.toml"),
            "a%20b/%C3%BC%2Cc%3A%25.toml"
        );
        let source = Source::new("dir/my catalog.toml", "/w/dir/my catalog.toml", "");
        assert_eq!(
            artifact_uri(&source),
            ("dir/my%20catalog.toml".to_owned(), true)
        );
        let source = Source::new("/elsewhere/c.toml", "/elsewhere/c.toml", "");
        assert_eq!(
            artifact_uri(&source),
            ("file:///elsewhere/c.toml".to_owned(), false)
        );
    }

    #[test]
    fn columns_are_characters_and_the_end_is_exclusive() {
        let source = Source::new("a.toml", "/a.toml", "k = \"é\"\nname = 1\r\nx = 2\n");
        let name = source.text().find("name").unwrap_or(0);
        let at = Located::new(&source, &(name..name + 4));
        assert_eq!(
            (at.line_start, at.column_start, at.line_end, at.column_end),
            (2, 1, 2, 5)
        );
        // `"é"` is 4 bytes but 3 characters.
        let at = Located::new(&source, &(4..8));
        assert_eq!((at.column_start, at.column_end), (5, 8));
        // Over two lines: each line whole, without its line break.
        let at = Located::new(&source, &(name..name + 15));
        let lines = compact(&Json::from(span_lines(&source, &at)));
        assert_eq!(
            lines,
            r#"[{"text":"name = 1","highlight_start":1,"highlight_end":9},{"text":"x = 2","highlight_start":1,"highlight_end":6}]"#
        );
    }

    #[test]
    fn fnv1a_is_the_standard_one() {
        // The published test vectors of 64-bit FNV-1a.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a("foobar"), 0x8594_4171_f739_67e8);
    }
}
