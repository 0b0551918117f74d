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
    /// The rule's stable name.
    pub fn name(self) -> &'static str {
        match self {
            Rule::TomlSyntax => "toml-syntax",
            Rule::UnknownKey => "unknown-key",
            Rule::MissingKey => "missing-key",
            Rule::WrongType => "wrong-type",
            Rule::InvalidVariantName => "invalid-variant-name",
            Rule::NameCollision => "name-collision",
            Rule::InvalidTypeName => "invalid-type-name",
            Rule::InvalidFieldName => "invalid-field-name",
            Rule::UnusedField => "unused-field",
            Rule::UnbalancedBrace => "unbalanced-brace",
            Rule::EmptyPlaceholder => "empty-placeholder",
            Rule::InvalidPlaceholderName => "invalid-placeholder-name",
            Rule::AdjacentPlaceholders => "adjacent-placeholders",
            Rule::StatusOutOfRange => "status-out-of-range",
            Rule::StatusNotAnError => "status-not-an-error",
            Rule::StatusNotInTable => "status-not-in-table",
            Rule::DuplicateCode => "duplicate-code",
            Rule::AmbiguousTemplates => "ambiguous-templates",
            Rule::UnknownFieldType => "unknown-field-type",
            Rule::InvalidEnum => "invalid-enum",
            Rule::InvalidExample => "invalid-example",
            Rule::EmptyMessage => "empty-message",
            Rule::InvalidCode => "invalid-code",
            Rule::RetiredCode => "retired-code",
            Rule::InvalidWire => "invalid-wire",
            Rule::WireConflict => "wire-conflict",
            Rule::InvalidDocsUrl => "invalid-docs-url",
            Rule::InvalidProblemBase => "invalid-problem-base",
            Rule::InvalidRetryAfter => "invalid-retry-after",
            Rule::InvalidLocale => "invalid-locale",
            Rule::UndeclaredLocale => "undeclared-locale",
            Rule::DuplicateTranslation => "duplicate-translation",
            Rule::TranslationPlaceholders => "translation-placeholders",
            Rule::FileNotReadable => "file-not-readable",
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
            let span = clamp(span, source);
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
                        .span(clamp(span, source))
                        .label(self.label.as_deref()),
                );
                for related in near {
                    primary = primary.annotation(
                        AnnotationKind::Context
                            .span(clamp(&related.span, source))
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
                snippet().annotation(AnnotationKind::Context.span(clamp(&related.span, source))),
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

/// Keeps a span inside the text and on character boundaries, so rendering cannot fail.
fn clamp(span: &Range<usize>, source: &Source) -> Range<usize> {
    let text = source.text();
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
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
