//! One diagnostic type for every problem in a catalog, rendered like rustc's own errors.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::source::Source;

/// The rule a diagnostic enforces. Each rule has a stable kebab-case name
/// ([`Rule::name`]) that tools can match on; `docs/catalog-format.md` lists them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// The file is not valid TOML.
    TomlSyntax,
    /// A key the format does not know.
    UnknownKey,
    /// A required key is missing.
    MissingKey,
    /// A value of the wrong TOML type.
    WrongType,
    /// An error name that is not an UpperCamelCase Rust identifier.
    InvalidVariantName,
    /// Two error names (or two enum values) that become the same after normalisation.
    NameCollision,
    /// A `[types.*]` name that is not a usable Rust type name.
    InvalidTypeName,
    /// A field name that is not a snake_case identifier.
    InvalidFieldName,
    /// A field declared but not used in the message.
    UnusedField,
    /// A `{` or `}` without its pair.
    UnbalancedBrace,
    /// `{}`: a placeholder without a name.
    EmptyPlaceholder,
    /// A placeholder name that is not a valid field name.
    InvalidPlaceholderName,
    /// Two placeholders with no literal text between them that a client could not split.
    AdjacentPlaceholders,
    /// A status outside `100..=599`.
    StatusOutOfRange,
    /// An error entry whose status is not an error status (below 400).
    StatusNotAnError,
    /// An error entry whose status is not in the catalog's status table.
    StatusNotInTable,
    /// A code used by several entries without `shared_code = true`.
    DuplicateCode,
    /// Two entries with the same code and status whose templates can match the same message.
    AmbiguousTemplates,
    /// A field type that is not built in, not a catalog enum, and not a path.
    UnknownFieldType,
    /// A catalog enum with no values, duplicate values, or values that are not wire text.
    InvalidEnum,
    /// An example value that does not parse as its field's type, or that makes the example
    /// message split differently.
    InvalidExample,
    /// An empty message.
    EmptyMessage,
    /// An empty code, or one with characters the wire format does not allow.
    InvalidCode,
    /// A retired code used again.
    RetiredCode,
    /// A location of the wire body that is empty or a malformed JSON pointer, a `code_type`
    /// other than `string` or `integer`, or a code header that is not an HTTP header name.
    InvalidWire,
    /// Two members of the wire body at the same place, or one inside another.
    WireConflict,
    /// `[catalog] docs_url` is not an absolute `http` or `https` URL without a fragment.
    InvalidDocsUrl,
    /// `[catalog] problem_base` is not an absolute URI without spaces.
    InvalidProblemBase,
    /// `retry_after` names no field of its entry, or a field that is not an integer.
    InvalidRetryAfter,
    /// A locale tag that is not a well-formed BCP 47 language tag in its canonical case, or
    /// one listed twice in `locales`.
    InvalidLocale,
    /// A locale that `locales` does not list: `default_locale`, or the locale of a
    /// translation.
    UndeclaredLocale,
    /// A translation into the default locale, whose text is the entry's `message` (or the
    /// status's `reason` or `meaning`).
    DuplicateTranslation,
    /// A translated message whose placeholders are not exactly those of the entry's
    /// `message`: one missing, one more, or one used more often than there.
    TranslationPlaceholders,
    /// The catalog file cannot be found or read.
    FileNotReadable,
}

impl Rule {
    /// Every rule, in the order of the table in `docs/catalog-format.md`.
    pub const ALL: &'static [Rule] = &[
        Rule::TomlSyntax,
        Rule::UnknownKey,
        Rule::MissingKey,
        Rule::WrongType,
        Rule::InvalidVariantName,
        Rule::NameCollision,
        Rule::InvalidTypeName,
        Rule::InvalidFieldName,
        Rule::UnusedField,
        Rule::UnbalancedBrace,
        Rule::EmptyPlaceholder,
        Rule::InvalidPlaceholderName,
        Rule::AdjacentPlaceholders,
        Rule::StatusOutOfRange,
        Rule::StatusNotAnError,
        Rule::StatusNotInTable,
        Rule::DuplicateCode,
        Rule::AmbiguousTemplates,
        Rule::UnknownFieldType,
        Rule::InvalidEnum,
        Rule::InvalidExample,
        Rule::EmptyMessage,
        Rule::InvalidCode,
        Rule::RetiredCode,
        Rule::InvalidWire,
        Rule::WireConflict,
        Rule::InvalidDocsUrl,
        Rule::InvalidProblemBase,
        Rule::InvalidRetryAfter,
        Rule::InvalidLocale,
        Rule::UndeclaredLocale,
        Rule::DuplicateTranslation,
        Rule::TranslationPlaceholders,
        Rule::FileNotReadable,
    ];

    /// The rule's stable name.
    pub fn name(self) -> &'static str {
        self.doc().0
    }

    /// What the rule rejects, in a few words: the text of its row in the table of rules of
    /// `docs/catalog-format.md` ("Validation rules"). Machine-readable reports show it as the
    /// rule's short description.
    pub fn summary(self) -> &'static str {
        self.doc().1
    }

    /// What the rule rejects, in a sentence or two: the rule's full description in
    /// machine-readable reports.
    pub fn description(self) -> &'static str {
        self.doc().2
    }

    /// The one table of the rules' metadata: name, summary and description.
    fn doc(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Rule::TomlSyntax => (
                "toml-syntax",
                "a file that is not valid TOML",
                "The file is not valid TOML. Nothing else is checked until it is.",
            ),
            Rule::UnknownKey => (
                "unknown-key",
                "a key the format does not know",
                "A key that the format does not know, at the top level or in any table. When the key is close to a known one, the help suggests it; otherwise it lists the keys allowed there.",
            ),
            Rule::MissingKey => (
                "missing-key",
                "a required key or table that is missing",
                "A required key or table is missing: `[catalog]`, `title` in `[catalog]`, `code` and `message` in `wire`, `values` in `[types.Name]`, or `code`, `status` and `message` in `[errors.Name]`.",
            ),
            Rule::WrongType => (
                "wrong-type",
                "a value of the wrong TOML type",
                "A value of the wrong TOML type: a table given as something else, a string key given as another type, a `status` that is not an integer, a flag that is not a boolean, `values` that is not an array of strings, or an `example` that is not a string, integer or boolean.",
            ),
            Rule::InvalidVariantName => (
                "invalid-variant-name",
                "an error name that is not an UpperCamelCase Rust identifier",
                "An error name that is not an UpperCamelCase Rust identifier, or that is a keyword (`Self`): each error name becomes a variant of the generated enum.",
            ),
            Rule::NameCollision => (
                "name-collision",
                "two error names, or two enum values, that become the same name",
                "Two error names that differ only in case, or two values of a catalog enum that become the same variant name.",
            ),
            Rule::InvalidTypeName => (
                "invalid-type-name",
                "a catalog enum name that is not a usable Rust type name",
                "A catalog enum name that is not an UpperCamelCase identifier, is a keyword, is a built-in field type, or is a name of Rust's standard prelude.",
            ),
            Rule::InvalidFieldName => (
                "invalid-field-name",
                "a field name that is not a snake_case identifier, or that cannot be one",
                "A field name in `fields` that is not a snake_case identifier, or a field or placeholder named `self`, `super` or `crate`, which cannot be Rust field names even as raw identifiers.",
            ),
            Rule::UnusedField => (
                "unused-field",
                "a declared field that the message does not use",
                "A field declared in `fields` whose placeholder is not in the message: it would have no place in the message and could not be read back.",
            ),
            Rule::UnbalancedBrace => (
                "unbalanced-brace",
                "a `{` or `}` without its pair in a message",
                "A `{` that is not closed, or a `}` that closes nothing, in a message template. Literal braces are written `{{` and `}}`.",
            ),
            Rule::EmptyPlaceholder => (
                "empty-placeholder",
                "`{}` in a message",
                "A placeholder without a name, `{}`: every placeholder names the field it holds.",
            ),
            Rule::InvalidPlaceholderName => (
                "invalid-placeholder-name",
                "a placeholder name that is not a field name",
                "A placeholder whose name is not a snake_case field name.",
            ),
            Rule::AdjacentPlaceholders => (
                "adjacent-placeholders",
                "two placeholders side by side that a client cannot split",
                "Two placeholders with no literal text between them, where the first one's text could contain the second one's first character, so that a client could not tell where one ends.",
            ),
            Rule::StatusOutOfRange => (
                "status-out-of-range",
                "a status that is not a number from 100 to 599",
                "A status that is not an HTTP status code from 100 to 599: the `status` of an entry, or the key of a `[status.NNN]` table.",
            ),
            Rule::StatusNotAnError => (
                "status-not-an-error",
                "an error whose status is below 400",
                "An entry whose status is from 100 to 399: errors use a client (4xx) or server (5xx) error status; lower statuses may appear only in the status table.",
            ),
            Rule::StatusNotInTable => (
                "status-not-in-table",
                "an error whose status has no `[status.NNN]`",
                "An entry whose status has no `[status.NNN]` table in the catalog's status table.",
            ),
            Rule::DuplicateCode => (
                "duplicate-code",
                "a code used by several entries without `shared_code = true`",
                "Two entries with the same code, where at least one of them lacks `shared_code = true`.",
            ),
            Rule::AmbiguousTemplates => (
                "ambiguous-templates",
                "entries with the same code and status whose messages can be the same",
                "Two entries with the same code and status whose templates can match one and the same message, and which do not both say `overlapping = true`: a client could not tell them apart.",
            ),
            Rule::UnknownFieldType => (
                "unknown-field-type",
                "a field type that is not built in, not a catalog enum and not a path",
                "A field type that is not `String`, `bool`, an integer type, a catalog enum of this file, or a path with `::`.",
            ),
            Rule::InvalidEnum => (
                "invalid-enum",
                "a catalog enum with no values, or a value that is not valid",
                "A catalog enum with an empty `values` list, or a value that is listed twice, empty or blank, with a control character or a brace, with spaces at its start or end, or giving no Rust variant name.",
            ),
            Rule::InvalidExample => (
                "invalid-example",
                "an example that is not a value of its type, is missing, or does not split back",
                "An example that is not a valid value of its field's type, a field of an external type without an example, or examples that do not split back out of the example message.",
            ),
            Rule::EmptyMessage => (
                "empty-message",
                "an empty message",
                "An entry whose message is the empty string.",
            ),
            Rule::InvalidCode => (
                "invalid-code",
                "an empty code, one with characters that are not allowed, or, with `code_type = \"integer\"`, one that is not an integer",
                "An empty code, or a code with a character other than ASCII letters, digits, `_`, `-`, `.`, `:` and `/`, in an entry or under `[retired]`; with `code_type = \"integer\"`, a code that is not an integer that fits `i64`.",
            ),
            Rule::RetiredCode => (
                "retired-code",
                "an entry that uses a retired code",
                "An entry whose code is listed in `[retired]`: a retired code is never used again.",
            ),
            Rule::InvalidWire => (
                "invalid-wire",
                "a `wire` location that is not a bare key or a JSON pointer, an unknown `code_type`, or a `header` that is not a header name or is a reserved one",
                "A location of the wire body that is empty, a bare key with a `/`, or a malformed JSON pointer; a `code_type` other than `string` or `integer`; or a code `header` that is not a valid HTTP header name, or that is reserved.",
            ),
            Rule::WireConflict => (
                "wire-conflict",
                "two members of the wire body at one place, or one inside another",
                "Two members of the wire body at the same place, or one inside another: the code, the message, the status, the fields object and every constant each need a place of their own.",
            ),
            Rule::InvalidDocsUrl => (
                "invalid-docs-url",
                "a `docs_url` that is not an absolute `http` or `https` URL without a fragment",
                "A `docs_url` that cannot be the base of the entries' links (`{docs_url}#{code}`): not an absolute `http` or `https` URL, one without a host, one with a fragment, or one with a space or a control character.",
            ),
            Rule::InvalidProblemBase => (
                "invalid-problem-base",
                "a `problem_base` that is not an absolute URI, or that has a space or a control character",
                "A `problem_base` that cannot be the base of the entries' RFC 9457 problem types (`{problem_base}{code}`): not an absolute URI, or one with a space or a control character.",
            ),
            Rule::InvalidRetryAfter => (
                "invalid-retry-after",
                "a `retry_after` that names no field of its entry, or a field that is not an integer",
                "A `retry_after` that names no field of its entry, or a field whose type is not an integer: the delay before a retry is a whole number of seconds.",
            ),
            Rule::InvalidLocale => (
                "invalid-locale",
                "a locale that is not a well-formed BCP 47 tag in its canonical case, or one listed twice",
                "A locale in `default_locale`, `locales` or a translation's key that is not a well-formed BCP 47 language tag (RFC 5646) in its canonical case, or one that `locales` lists twice.",
            ),
            Rule::UndeclaredLocale => (
                "undeclared-locale",
                "a default locale or a translation in a locale that `locales` does not list",
                "The `default_locale`, or the locale of a translated message, reason or meaning, is not listed in `[catalog] locales`.",
            ),
            Rule::DuplicateTranslation => (
                "duplicate-translation",
                "a translation into the default locale",
                "A translation into the catalog's default locale, whose text is already the entry's `message` (or the status's `reason` or `meaning`).",
            ),
            Rule::TranslationPlaceholders => (
                "translation-placeholders",
                "a translation whose placeholders are not exactly those of its `message`",
                "A translated message whose placeholders are not exactly those of the entry's `message`: one missing, one more, or one used more often than there.",
            ),
            Rule::FileNotReadable => (
                "file-not-readable",
                "a catalog file that cannot be found or read",
                "The catalog file cannot be found, cannot be read, or is not UTF-8 text.",
            ),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A secondary place that a diagnostic points at, such as the first of two duplicates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// Byte range in the catalog file.
    pub span: Range<usize>,
    /// What is there.
    pub label: String,
}

/// One problem found in a catalog.
///
/// Built with [`Diagnostic::new`] or [`Diagnostic::file`] and the builder methods; its fields
/// can be read, and new fields may be added in later versions.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule that is broken.
    pub rule: Rule,
    /// What is wrong, in one line.
    pub message: String,
    /// Byte range in the catalog file, or `None` for a problem with the file as a whole.
    pub span: Option<Range<usize>>,
    /// The label under the span.
    pub label: Option<String>,
    /// Other places the problem involves.
    pub related: Vec<Related>,
    /// Facts that explain the problem.
    pub notes: Vec<String>,
    /// How to fix it, where a fix is known.
    pub help: Option<String>,
    /// Where the span starts, as a file name, line and column; set once the diagnostic is
    /// tied to its source (by [`crate::load`], [`crate::check`] and [`Report::new`]).
    pub location: Option<Location>,
}

/// A place in a catalog file, as editors and terminals show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file, as named in diagnostics.
    pub file: String,
    /// The 1-based line.
    pub line: usize,
    /// The 1-based column, in characters.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One line: `file:line:col: message [rule]`. [`Diagnostic::render`] gives the full form.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "{} [{}]", self.message, self.rule)
    }
}

impl Diagnostic {
    /// A diagnostic at `span` in the catalog file.
    pub fn new(rule: Rule, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            message: message.into(),
            span: Some(span),
            label: None,
            related: Vec::new(),
            notes: Vec::new(),
            help: None,
            location: None,
        }
    }

    /// Ties the diagnostic to `source`, setting its [`location`](Self::location).
    pub fn locate(&mut self, source: &Source) {
        self.location = self.line_col(source).map(|(line, column)| Location {
            file: source.name().to_owned(),
            line,
            column,
        });
    }

    /// A diagnostic about the file as a whole.
    pub fn file(rule: Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            span: None,
            ..Diagnostic::new(rule, 0..0, message)
        }
    }

    /// Sets the label under the primary span.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Points at another place too.
    pub fn related(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            label: label.into(),
        });
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Sets the hint.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The 1-based line and column of the diagnostic in `source`.
    pub fn line_col(&self, source: &Source) -> Option<(usize, usize)> {
        self.span.as_ref().map(|span| source.line_col(span.start))
    }

    /// Renders the diagnostic like rustc: the message, `--> file:line:col`, the quoted lines
    /// with carets under the spans, then notes and the hint. No colours.
    pub fn render(&self, source: &Source) -> String {
        self.render_with(source, false)
    }

    /// [`render`](Self::render), with rustc's colours (ANSI escapes) when `color` is true, for
    /// a terminal. Without colours, the text is exactly what [`render`](Self::render) gives.
    pub fn render_with(&self, source: &Source, color: bool) -> String {
        let title = Level::ERROR.primary_title(format!("{} [{}]", self.message, self.rule));
        let snippet = || Snippet::source(source.text()).path(source.name());
        // Places on the primary span's lines are drawn with it; others get a note of their
        // own, as rustc does for "first defined here".
        let lines = |span: &Range<usize>| {
            let span = source.clamp(span);
            source.line_col(span.start).0..=source.line_col(span.end).0
        };
        let (near, far): (Vec<&Related>, Vec<&Related>) = match &self.span {
            Some(span) => self.related.iter().partition(|related| {
                let (primary, other) = (lines(span), lines(&related.span));
                other.start() <= primary.end() && primary.start() <= other.end()
            }),
            None => (Vec::new(), self.related.iter().collect()),
        };
        let mut group: Group<'_> = match &self.span {
            Some(span) => {
                let mut primary = snippet().annotation(
                    AnnotationKind::Primary
                        .span(source.clamp(span))
                        .label(self.label.as_deref()),
                );
                for related in near {
                    primary = primary.annotation(
                        AnnotationKind::Context
                            .span(source.clamp(&related.span))
                            .label(related.label.as_str()),
                    );
                }
                title.element(primary)
            }
            None => title.element(Origin::path(source.name())),
        };
        for note in &self.notes {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let mut groups = vec![group];
        for related in far {
            groups.push(Level::NOTE.secondary_title(related.label.as_str()).element(
                snippet().annotation(AnnotationKind::Context.span(source.clamp(&related.span))),
            ));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&groups)
    }
}

/// Collects the diagnostics found while a catalog is read and checked, so that every problem
/// is reported, not only the first (serde_derive's `Ctxt`). Whoever creates one must take the
/// diagnostics out with [`Ctxt::check`]; dropping it unchecked is a bug that debug builds
/// catch.
pub(crate) struct Ctxt {
    /// The diagnostics so far; `None` once taken.
    diagnostics: Option<Vec<Diagnostic>>,
}

impl Ctxt {
    /// An empty collector.
    pub(crate) fn new() -> Self {
        Ctxt {
            diagnostics: Some(Vec::new()),
        }
    }

    /// Records a diagnostic.
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        if let Some(diagnostics) = &mut self.diagnostics {
            diagnostics.push(diagnostic);
        }
    }

    /// Takes the diagnostics out, in the order they were found.
    pub(crate) fn check(mut self) -> Vec<Diagnostic> {
        self.diagnostics.take().unwrap_or_default()
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        debug_assert!(
            self.diagnostics.is_none() || std::thread::panicking(),
            "diagnostics were collected but never checked"
        );
    }
}

/// Every diagnostic of one catalog, in file order, with the source they point into.
#[derive(Clone, Debug)]
pub struct Report {
    /// The catalog file, when it could be read.
    pub source: Source,
    /// The diagnostics, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// A report of `diagnostics`, sorted into file order.
    pub fn new(source: Source, mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
        for diagnostic in &mut diagnostics {
            diagnostic.locate(&source);
        }
        Report {
            source,
            diagnostics,
        }
    }

    /// Renders every diagnostic, separated by blank lines.
    pub fn render(&self) -> String {
        self.render_with(false)
    }

    /// [`render`](Self::render), with colours when `color` is true
    /// ([`Diagnostic::render_with`]).
    pub fn render_with(&self, color: bool) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render_with(&self.source, color))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

impl std::ops::Deref for Report {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

impl<'r> IntoIterator for &'r Report {
    type Item = &'r Diagnostic;
    type IntoIter = std::slice::Iter<'r, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.diagnostics.iter()
    }
}

impl IntoIterator for Report {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.diagnostics.into_iter()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Report {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_rustc() {
        let source = Source::new(
            "catalog/api.toml",
            "/x/catalog/api.toml",
            "[catalog]\ntitle = 1\n",
        );
        let diagnostic = Diagnostic::new(Rule::WrongType, 18..19, "`title` must be a string")
            .label("expected a string")
            .help("write `title = \"My API\"`");
        let text = diagnostic.render(&source);
        println!("{text}");
        assert!(
            text.starts_with("error: `title` must be a string [wrong-type]\n"),
            "{text}"
        );
        assert!(text.contains(" --> catalog/api.toml:2:9\n"), "{text}");
        assert!(text.contains("2 | title = 1\n"), "{text}");
        assert!(text.contains("  |         ^ expected a string"), "{text}");
        assert!(
            text.contains("= help: write `title = \"My API\"`"),
            "{text}"
        );
    }

    #[test]
    fn colours_only_when_asked() {
        let source = Source::new("api.toml", "/x/api.toml", "[catalog]\ntitle = 1\n");
        let diagnostic = Diagnostic::new(Rule::WrongType, 18..19, "`title` must be a string")
            .label("expected a string");
        let plain = diagnostic.render_with(&source, false);
        assert_eq!(plain, diagnostic.render(&source));
        assert!(!plain.contains('\x1b'), "{plain}");
        let styled = diagnostic.render_with(&source, true);
        assert!(styled.contains("\x1b["), "{styled}");
        // The same text once the escapes are taken out.
        let mut stripped = String::new();
        let mut rest = styled.as_str();
        while let Some(start) = rest.find('\x1b') {
            stripped.push_str(&rest[..start]);
            let end = rest[start..]
                .find('m')
                .map_or(rest.len(), |m| start + m + 1);
            rest = &rest[end..];
        }
        stripped.push_str(rest);
        assert_eq!(stripped, plain);
    }
}
