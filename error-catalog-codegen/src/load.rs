//! From TOML text to the typed [`Catalog`], checking the shape of every table and value on
//! the way. Every problem becomes a [`Diagnostic`]; none stops the loading of the rest.

use std::ops::Range;

use error_catalog_template::{Piece, TemplateErrorKind};
use toml::Spanned as TomlSpanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Ctxt, Diagnostic, Rule};
use crate::model::{
    Catalog, Entry, EnumType, Field, FieldType, INTEGER_TYPES, Retired, Spanned, Status, Wire,
};
use crate::names;
use crate::source::Source;

type Table<'i> = DeTable<'i>;
type Value<'i> = TomlSpanned<DeValue<'i>>;

/// Default JSON keys of the error body, when `[catalog] wire` is not given.
pub const DEFAULT_WIRE: (&str, &str) = ("code", "message");

/// Parses `source` into a catalog. The catalog is `None` when the file is not valid TOML or
/// lacks the `[catalog]` table; otherwise it holds every entry that could be read whole.
pub(crate) fn load(source: &Source, cx: &mut Ctxt) -> Option<Catalog> {
    let (root, errors) = DeTable::parse_recoverable(source.text());
    if !errors.is_empty() {
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            cx.push(toml_error(source, error.message().trim(), span));
        }
        return None;
    }
    let root = root.into_inner();
    let loader = Loader { source };
    loader.known_keys(
        cx,
        &root,
        &["catalog", "status", "types", "errors", "retired"],
        "at the top level",
    );

    let header = match root.get("catalog") {
        Some(value) => loader.table(cx, value, "`[catalog]`"),
        None => {
            cx.push(
                Diagnostic::new(Rule::MissingKey, 0..0, "missing `[catalog]` table")
                    .label("the catalog starts here")
                    .help("start the file with `[catalog]` and `title = \"...\"`"),
            );
            return None;
        }
    };
    let (title, doc, wire) = match header {
        Some((table, span)) => loader.header(cx, table, span),
        None => (String::new(), String::new(), loader.default_wire()),
    };

    let types = root
        .get("types")
        .and_then(|v| loader.table(cx, v, "`[types]`"))
        .map(|(table, _)| loader.types(cx, table))
        .unwrap_or_default();
    let statuses = root
        .get("status")
        .and_then(|v| loader.table(cx, v, "`[status]`"))
        .map(|(table, _)| loader.statuses(cx, table))
        .unwrap_or_default();
    let retired = root
        .get("retired")
        .and_then(|v| loader.table(cx, v, "`[retired]`"))
        .map(|(table, _)| loader.retired(cx, table))
        .unwrap_or_default();
    let entries = root
        .get("errors")
        .and_then(|v| loader.table(cx, v, "`[errors]`"))
        .map(|(table, _)| loader.entries(cx, table, &types))
        .unwrap_or_default();

    Some(Catalog {
        title,
        doc,
        wire,
        statuses,
        types,
        entries,
        retired,
    })
}

struct Loader<'s> {
    source: &'s Source,
}

impl Loader<'_> {
    /// Reports every key of `table` that is not in `known`, with a suggestion for near misses.
    fn known_keys(&self, cx: &mut Ctxt, table: &Table<'_>, known: &[&str], place: &str) {
        for key in table.keys() {
            if known.contains(&key.get_ref().as_ref()) {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                Rule::UnknownKey,
                key.span(),
                format!("unknown key `{}` {place}", key.get_ref()),
            )
            .label("unknown key");
            diagnostic = match names::closest(key.get_ref(), known.iter().copied()) {
                Some(near) => diagnostic.help(format!("did you mean `{near}`?")),
                None => diagnostic.help(format!(
                    "the keys allowed here are {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            };
            cx.push(diagnostic);
        }
    }

    /// The value as a table, or a diagnostic.
    fn table<'v, 'i>(
        &self,
        cx: &mut Ctxt,
        value: &'v Value<'i>,
        what: &str,
    ) -> Option<(&'v Table<'i>, Range<usize>)> {
        match value.get_ref() {
            DeValue::Table(table) => Some((table, value.span())),
            other => {
                cx.push(wrong_type(value.span(), what, "a table", other));
                None
            }
        }
    }

    /// A required or optional string value.
    fn string(
        &self,
        cx: &mut Ctxt,
        table: &Table<'_>,
        key: &str,
        owner: &Range<usize>,
        owner_name: &str,
        required: bool,
    ) -> Option<Spanned<String>> {
        let Some(value) = table.get(key) else {
            if required && !misspelt(table, key) {
                cx.push(missing(owner.clone(), key, owner_name));
            }
            return None;
        };
        match value.get_ref() {
            DeValue::String(text) => Some(Spanned::new(text.to_string(), value.span())),
            other => {
                let mut diagnostic =
                    wrong_type(value.span(), &format!("`{key}`"), "a string", other);
                if let DeValue::Integer(int) = other {
                    diagnostic = diagnostic.help(format!(
                        "write it as a string: `{key} = \"{}\"`",
                        int.as_str()
                    ));
                }
                cx.push(diagnostic);
                None
            }
        }
    }

    fn default_wire(&self) -> Wire {
        Wire {
            code: Spanned::new(DEFAULT_WIRE.0.to_owned(), 0..0),
            message: Spanned::new(DEFAULT_WIRE.1.to_owned(), 0..0),
        }
    }

    /// `[catalog]`: title, doc and wire keys.
    fn header(
        &self,
        cx: &mut Ctxt,
        table: &Table<'_>,
        span: Range<usize>,
    ) -> (String, String, Wire) {
        self.known_keys(cx, table, &["title", "doc", "wire"], "in `[catalog]`");
        let span = self.header_span(span);
        let title = self
            .string(cx, table, "title", &span, "`[catalog]`", true)
            .map(|s| s.value)
            .unwrap_or_default();
        let doc = self
            .string(cx, table, "doc", &span, "`[catalog]`", false)
            .map(|s| s.value)
            .unwrap_or_default();
        let mut wire = self.default_wire();
        if let Some(value) = table.get("wire")
            && let Some((wire_table, wire_span)) = self.table(cx, value, "`wire`")
        {
            self.known_keys(cx, wire_table, &["code", "message"], "in `wire`");
            let code = self.string(cx, wire_table, "code", &wire_span, "`wire`", true);
            let message = self.string(cx, wire_table, "message", &wire_span, "`wire`", true);
            if let Some(code) = code {
                wire.code = code;
            }
            if let Some(message) = message {
                wire.message = message;
            }
        }
        (title, doc, wire)
    }

    /// The span of a table header such as `[catalog]`: the first line of the table's value.
    fn header_span(&self, span: Range<usize>) -> Range<usize> {
        let text = self.source.text();
        let start = span.start.min(text.len());
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        start..end.min(span.end.max(start))
    }

    /// `[types.*]`.
    fn types(&self, cx: &mut Ctxt, table: &Table<'_>) -> Vec<EnumType> {
        let mut types = Vec::new();
        for (key, value) in table {
            let name = Spanned::new(key.get_ref().to_string(), key.span());
            let what = format!("`[types.{}]`", name.value);
            let Some((body, span)) = self.table(cx, value, &what) else {
                continue;
            };
            self.known_keys(cx, body, &["values", "doc"], &format!("in {what}"));
            let doc = self
                .string(cx, body, "doc", &span, &what, false)
                .map(|s| s.value)
                .unwrap_or_default();
            let values = match body.get("values") {
                None => {
                    cx.push(missing(name.span.clone(), "values", &what));
                    continue;
                }
                Some(values) => {
                    match values.get_ref() {
                        DeValue::Array(array) => {
                            let mut out = Vec::new();
                            for item in array.iter() {
                                match item.get_ref() {
                                    DeValue::String(text) => {
                                        out.push(Spanned::new(text.to_string(), item.span()))
                                    }
                                    other => cx.push(wrong_type(
                                        item.span(),
                                        "an enum value",
                                        "a string",
                                        other,
                                    )),
                                }
                            }
                            if array.iter().next().is_none() {
                                cx.push(
                                Diagnostic::new(
                                    Rule::InvalidEnum,
                                    values.span(),
                                    format!("catalog enum `{}` has no values", name.value),
                                )
                                .label("empty list")
                                .help("list the wire spellings: `values = [\"EXPORT\", \"IMPORT\"]`"),
                            );
                                continue;
                            }
                            out
                        }
                        other => {
                            cx.push(wrong_type(
                                values.span(),
                                "`values`",
                                "an array of strings",
                                other,
                            ));
                            continue;
                        }
                    }
                }
            };
            let variants = values
                .iter()
                .map(|v| names::upper_camel(&v.value))
                .collect();
            types.push(EnumType {
                name,
                values,
                variants,
                doc,
            });
        }
        types
    }

    /// `[status.*]`.
    fn statuses(&self, cx: &mut Ctxt, table: &Table<'_>) -> Vec<Status> {
        let mut statuses = Vec::new();
        for (key, value) in table {
            let what = format!("`[status.{}]`", key.get_ref());
            let code = match key.get_ref().parse::<u16>() {
                // `[status.0404]` would be a second row for 404.
                Ok(code) if (100..=599).contains(&code) && code.to_string() == **key.get_ref() => {
                    code
                }
                _ => {
                    cx.push(
                        Diagnostic::new(
                            Rule::StatusOutOfRange,
                            key.span(),
                            format!("`{}` is not an HTTP status code", key.get_ref()),
                        )
                        .label("expected a number from 100 to 599")
                        .help("HTTP status codes are three-digit numbers from 100 to 599, written without leading zeros, such as `[status.404]`"),
                    );
                    continue;
                }
            };
            let Some((body, span)) = self.table(cx, value, &what) else {
                continue;
            };
            self.known_keys(cx, body, &["reason", "meaning"], &format!("in {what}"));
            let reason = self
                .string(cx, body, "reason", &span, &what, false)
                .map(|s| s.value)
                .or_else(|| names::canonical_reason(code).map(str::to_owned))
                .unwrap_or_default();
            let meaning = self
                .string(cx, body, "meaning", &span, &what, false)
                .map(|s| s.value)
                .unwrap_or_default();
            statuses.push(Status {
                code: Spanned::new(code, key.span()),
                reason,
                meaning,
            });
        }
        statuses
    }

    /// `[retired]`: code = "note".
    fn retired(&self, cx: &mut Ctxt, table: &Table<'_>) -> Vec<Retired> {
        let mut retired = Vec::new();
        for (key, value) in table {
            let note = match value.get_ref() {
                DeValue::String(note) => note.to_string(),
                other => {
                    cx.push(
                        wrong_type(value.span(), "a retired code's note", "a string", other).help(
                            format!("write `\"{}\" = \"why it was retired\"`", key.get_ref()),
                        ),
                    );
                    continue;
                }
            };
            retired.push(Retired {
                code: Spanned::new(key.get_ref().to_string(), key.span()),
                note,
            });
        }
        retired
    }

    /// `[errors.*]`.
    fn entries(&self, cx: &mut Ctxt, table: &Table<'_>, types: &[EnumType]) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (key, value) in table {
            let name = Spanned::new(key.get_ref().to_string(), key.span());
            if let Some(entry) = self.entry(cx, name, value, types) {
                entries.push(entry);
            }
        }
        entries
    }

    fn entry(
        &self,
        cx: &mut Ctxt,
        name: Spanned<String>,
        value: &Value<'_>,
        types: &[EnumType],
    ) -> Option<Entry> {
        let what = format!("`[errors.{}]`", name.value);
        let (body, _) = self.table(cx, value, &what)?;
        self.known_keys(
            cx,
            body,
            &["code", "status", "message", "doc", "shared_code", "fields"],
            &format!("in {what}"),
        );
        let owner = name.span.clone();
        let code = self.string(cx, body, "code", &owner, &what, true);
        let status = match body.get("status") {
            None => {
                if !misspelt(body, "status") {
                    cx.push(missing(owner.clone(), "status", &what));
                }
                None
            }
            Some(value) => match value.get_ref() {
                DeValue::Integer(int) => match int.as_str().replace('_', "").parse::<i64>() {
                    Ok(n) if (100..=599).contains(&n) && int.radix() == 10 => {
                        Some(Spanned::new(n as u16, value.span()))
                    }
                    _ => {
                        cx.push(
                            Diagnostic::new(
                                Rule::StatusOutOfRange,
                                value.span(),
                                format!(
                                    "status `{}` is not an HTTP status code",
                                    self.source.text().get(value.span()).unwrap_or_default()
                                ),
                            )
                            .label("not a number from 100 to 599")
                            .help("errors use a client (4xx) or server (5xx) status: write the one the API sends with this error, such as `status = 404`"),
                        );
                        None
                    }
                },
                DeValue::String(text) => {
                    cx.push(
                        wrong_type(value.span(), "`status`", "an integer", value.get_ref())
                            .help(format!("write it as a number: `status = {text}`")),
                    );
                    None
                }
                other => {
                    cx.push(wrong_type(value.span(), "`status`", "an integer", other));
                    None
                }
            },
        };
        let message = self.string(cx, body, "message", &owner, &what, true);
        let doc = self
            .string(cx, body, "doc", &owner, &what, false)
            .map(|s| s.value)
            .unwrap_or_default();
        let shared_code = body
            .get("shared_code")
            .and_then(|value| match value.get_ref() {
                DeValue::Boolean(b) => Some(Spanned::new(*b, value.span())),
                other => {
                    cx.push(wrong_type(
                        value.span(),
                        "`shared_code`",
                        "a boolean",
                        other,
                    ));
                    None
                }
            });
        let declared = match body.get("fields") {
            Some(value) => match self.table(cx, value, "`fields`") {
                Some((fields, _)) => self.declared_fields(cx, fields, types),
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        let (code, status, message) = (code?, status?, message?);
        let pieces = self.template(cx, &message);
        let fields = self.fields(cx, &name, &message, pieces.as_deref(), declared, types);
        let pieces = pieces.unwrap_or_default();
        let placeholder_spans = pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Placeholder { span, .. } => Some(self.in_string(&message, span.clone())),
                Piece::Literal(_) => None,
            })
            .collect();
        Some(Entry {
            name,
            code,
            status,
            message,
            pieces,
            placeholder_spans,
            fields,
            doc,
            shared_code,
        })
    }

    /// Parses a message template, reporting its mistakes at their place in the file.
    /// `None` when it has any.
    fn template(&self, cx: &mut Ctxt, message: &Spanned<String>) -> Option<Vec<Piece>> {
        match error_catalog_template::parse(&message.value) {
            Ok(pieces) => Some(pieces),
            Err(errors) => {
                for error in errors {
                    let span = self.in_string(message, error.span.clone());
                    let diagnostic = match &error.kind {
                        TemplateErrorKind::UnclosedBrace => Diagnostic::new(
                            Rule::UnbalancedBrace,
                            span,
                            "unclosed `{` in message template",
                        )
                        .label("this `{` is never closed")
                        .help("close the placeholder with `}`, or write `{{` for a literal `{`"),
                        TemplateErrorKind::UnopenedBrace => Diagnostic::new(
                            Rule::UnbalancedBrace,
                            span,
                            "unmatched `}` in message template",
                        )
                        .label("this `}` closes nothing")
                        .help("write `}}` for a literal `}`"),
                        TemplateErrorKind::EmptyPlaceholder => Diagnostic::new(
                            Rule::EmptyPlaceholder,
                            span,
                            "empty placeholder `{}` in message template",
                        )
                        .label("placeholder without a name")
                        .help("name the placeholder after what it holds, such as `{storage_id}`: the name becomes the variant's field"),
                        TemplateErrorKind::InvalidName(bad) => Diagnostic::new(
                            Rule::InvalidPlaceholderName,
                            span,
                            format!("placeholder `{{{bad}}}` is not a valid field name"),
                        )
                        .label("not a snake_case identifier")
                        .help(match names::snake_case(bad).filter(|good| !names::is_unraw_keyword(good)) {
                            Some(good) => format!("placeholders are snake_case field names: write `{{{good}}}`"),
                            None => "placeholders are snake_case field names, such as `{org_id}`".to_owned(),
                        }),
                        _ => Diagnostic::new(Rule::UnbalancedBrace, span, error.to_string()),
                    };
                    cx.push(diagnostic);
                }
                None
            }
        }
    }

    /// The byte range in the file of `range` inside a string value's text. When the string
    /// has escapes, the offsets do not line up, and the whole value is the span.
    fn in_string(&self, value: &Spanned<String>, range: Range<usize>) -> Range<usize> {
        let raw = self
            .source
            .text()
            .get(value.span.clone())
            .unwrap_or_default();
        for quote in ["\"\"\"", "'''", "\"", "'"] {
            let Some(inner) = raw.strip_prefix(quote).and_then(|r| r.strip_suffix(quote)) else {
                continue;
            };
            let (inner, skipped) = match inner.strip_prefix('\n') {
                Some(rest) if quote.len() == 3 => (rest, 1),
                _ => (inner, 0),
            };
            if inner == value.value {
                let start = value.span.start + quote.len() + skipped;
                return start + range.start..start + range.end;
            }
        }
        value.span.clone()
    }

    /// The `fields` table of an entry.
    fn declared_fields(
        &self,
        cx: &mut Ctxt,
        table: &Table<'_>,
        types: &[EnumType],
    ) -> Vec<Declared> {
        let mut declared = Vec::new();
        for (key, value) in table {
            let name = Spanned::new(key.get_ref().to_string(), key.span());
            if !error_catalog_template::is_field_name(&name.value) {
                let help = match names::snake_case(&name.value) {
                    Some(good) => format!(
                        "field names are snake_case: write `{good}`, and `{{{good}}}` in the message"
                    ),
                    None => "field names are snake_case identifiers, such as `org_id`".to_owned(),
                };
                cx.push(
                    Diagnostic::new(
                        Rule::InvalidFieldName,
                        name.span.clone(),
                        format!("field name `{}` is not a snake_case identifier", name.value),
                    )
                    .label("invalid field name")
                    .help(help),
                );
                continue;
            }
            let (ty_text, example, doc) = match value.get_ref() {
                DeValue::String(ty) => (
                    Spanned::new(ty.to_string(), value.span()),
                    None,
                    String::new(),
                ),
                DeValue::Table(long) => {
                    self.known_keys(
                        cx,
                        long,
                        &["type", "example", "doc"],
                        &format!("in field `{}`", name.value),
                    );
                    let ty = self
                        .string(cx, long, "type", &value.span(), "the field", false)
                        .unwrap_or_else(|| Spanned::new("String".to_owned(), value.span()));
                    let example = long
                        .get("example")
                        .and_then(|example| match example.get_ref() {
                            DeValue::String(text) => {
                                Some(Spanned::new(text.to_string(), example.span()))
                            }
                            DeValue::Integer(int) => {
                                Some(Spanned::new(int.as_str().to_owned(), example.span()))
                            }
                            DeValue::Boolean(b) => {
                                Some(Spanned::new(b.to_string(), example.span()))
                            }
                            other => {
                                cx.push(wrong_type(example.span(), "`example`", "a string", other));
                                None
                            }
                        });
                    let doc = self
                        .string(cx, long, "doc", &value.span(), "the field", false)
                        .map(|s| s.value)
                        .unwrap_or_default();
                    (ty, example, doc)
                }
                other => {
                    cx.push(
                        wrong_type(value.span(), &format!("field `{}`", name.value), "a type name or a table", other)
                            .help(format!("write `fields.{} = \"String\"` or `fields.{} = {{ type = \"u32\", example = \"42\" }}`", name.value, name.value)),
                    );
                    continue;
                }
            };
            let ty_text = Spanned::new(ty_text.value.trim().to_owned(), ty_text.span);
            let ty = resolve_type(cx, &ty_text, types);
            declared.push(Declared {
                name,
                ty,
                ty_text,
                example,
                doc,
            });
        }
        declared
    }

    /// Joins the placeholders of the template with the declared fields. `pieces` is `None`
    /// when the template could not be parsed: its placeholders are then unknown, so no
    /// declared field is reported as unused.
    fn fields(
        &self,
        cx: &mut Ctxt,
        entry: &Spanned<String>,
        message: &Spanned<String>,
        pieces: Option<&[Piece]>,
        declared: Vec<Declared>,
        types: &[EnumType],
    ) -> Vec<Field> {
        let template_ok = pieces.is_some();
        let pieces = pieces.unwrap_or_default();
        let mut fields: Vec<Field> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for piece in pieces {
            let Piece::Placeholder { name, span } = piece else {
                continue;
            };
            // A name used twice is one field, and a bad name is reported once.
            if seen.contains(&name.as_str()) {
                continue;
            }
            seen.push(name);
            let span = self.in_string(message, span.clone());
            let name = Spanned::new(name.clone(), span.clone());
            let Some(ident) = field_ident(cx, &name) else {
                continue;
            };
            let field = match declared.iter().find(|d| d.name.value == name.value) {
                Some(d) => {
                    let ty = d.ty.clone().unwrap_or(FieldType::String);
                    let example = d.example.clone().unwrap_or_else(|| {
                        Spanned::new(
                            default_example(&name.value, &ty, types),
                            d.ty_text.span.clone(),
                        )
                    });
                    let derivable = match &ty {
                        FieldType::External(path) => known_external_example(path).is_some(),
                        _ => true,
                    };
                    if d.ty.is_some() && d.example.is_none() && !derivable {
                        cx.push(
                            Diagnostic::new(
                                Rule::InvalidExample,
                                d.ty_text.span.clone(),
                                format!("field `{}` of external type `{}` has no example", name.value, d.ty_text.value),
                            )
                            .label("no example can be derived for this type")
                            .help(format!(
                                "give one as the type would display it: `fields.{} = {{ type = \"{}\", example = \"...\" }}`",
                                name.value, d.ty_text.value
                            )),
                        );
                    }
                    Field {
                        name,
                        ident,
                        ty,
                        ty_text: d.ty_text.clone(),
                        example,
                        doc: d.doc.clone(),
                    }
                }
                None => Field {
                    example: Spanned::new(
                        default_example(&name.value, &FieldType::String, types),
                        span.clone(),
                    ),
                    name,
                    ident,
                    ty: FieldType::String,
                    ty_text: Spanned::new("String".to_owned(), span),
                    doc: String::new(),
                },
            };
            fields.push(field);
        }
        for d in declared.iter().filter(|_| template_ok) {
            if !fields.iter().any(|f| f.name.value == d.name.value)
                && !pieces
                    .iter()
                    .any(|p| matches!(p, Piece::Placeholder { name, .. } if *name == d.name.value))
            {
                cx.push(
                    Diagnostic::new(
                        Rule::UnusedField,
                        d.name.span.clone(),
                        format!(
                            "field `{}` of `{}` is not used in its message",
                            d.name.value, entry.value
                        ),
                    )
                    .label("declared here")
                    .related(
                        message.span.clone(),
                        "no `{".to_owned() + &d.name.value + "}` in this message",
                    )
                    .help(format!(
                        "add `{{{}}}` to the message, or remove the field",
                        d.name.value
                    )),
                );
            }
        }
        fields
    }
}

/// A field as declared in an entry's `fields` table.
struct Declared {
    name: Spanned<String>,
    ty: Option<FieldType>,
    ty_text: Spanned<String>,
    example: Option<Spanned<String>>,
    doc: String,
}

/// The Rust identifier of a field: its name, or a raw identifier for a keyword.
fn field_ident(cx: &mut Ctxt, name: &Spanned<String>) -> Option<String> {
    if names::is_unraw_keyword(&name.value) {
        cx.push(
            Diagnostic::new(
                Rule::InvalidFieldName,
                name.span.clone(),
                format!("`{}` cannot be a field name", name.value),
            )
            .label("a Rust keyword that cannot be a raw identifier")
            .help(format!(
                "rename the placeholder, such as `{{{}_id}}`",
                name.value
            )),
        );
        return None;
    }
    Some(if names::is_keyword(&name.value) {
        format!("r#{}", name.value)
    } else {
        name.value.clone()
    })
}

/// Resolves a type as written in the catalog.
fn resolve_type(cx: &mut Ctxt, ty: &Spanned<String>, types: &[EnumType]) -> Option<FieldType> {
    let text = ty.value.trim();
    if text == "String" {
        return Some(FieldType::String);
    }
    if text == "bool" {
        return Some(FieldType::Bool);
    }
    if let Some(int) = INTEGER_TYPES.iter().find(|&&t| t == text) {
        return Some(FieldType::Integer(int));
    }
    if let Some(index) = types.iter().position(|t| t.name.value == text) {
        return Some(FieldType::Enum(index));
    }
    if text.contains("::") && syn::parse_str::<syn::Path>(text).is_ok() {
        return Some(FieldType::External(text.to_owned()));
    }
    if matches!(text, "f32" | "f64") {
        cx.push(
            Diagnostic::new(
                Rule::UnknownFieldType,
                ty.span.clone(),
                format!("unknown field type `{}`", ty.value),
            )
            .label("floating-point fields are not supported")
            .help(
                "a float rarely renders back to the text it was parsed from: use `String`, \
                 or an external type by path that implements `Display + FromStr`",
            ),
        );
        return None;
    }
    let known = ["String", "bool"]
        .into_iter()
        .chain(INTEGER_TYPES.iter().copied())
        .chain(types.iter().map(|t| t.name.value.as_str()));
    let mut diagnostic = Diagnostic::new(
        Rule::UnknownFieldType,
        ty.span.clone(),
        format!("unknown field type `{}`", ty.value),
    )
    .label("not a known type");
    diagnostic = match names::closest(text, known) {
        Some(near) => diagnostic.help(format!("did you mean `{near}`?")),
        None => diagnostic.help(
            "use `String`, `bool`, an integer type such as `u32`, a catalog enum from `[types.*]`, \
             or an external type by its full path, such as `uuid::Uuid`",
        ),
    };
    cx.push(diagnostic);
    None
}

/// The example of a well-known external type, which needs no example in the catalog.
pub(crate) fn known_external_example(path: &str) -> Option<&'static str> {
    let path = path.trim_start_matches("::");
    let path = ["std::", "core::"]
        .iter()
        .find_map(|root| path.strip_prefix(root))
        .unwrap_or(path);
    Some(match path {
        "uuid::Uuid" => "67e55044-10b1-426f-9247-bb680e5fe0c8",
        "net::IpAddr" | "net::Ipv4Addr" => "192.0.2.1",
        "net::Ipv6Addr" => "2001:db8::1",
        "net::SocketAddr" | "net::SocketAddrV4" => "192.0.2.1:8080",
        "num::NonZeroU8" | "num::NonZeroU16" | "num::NonZeroU32" | "num::NonZeroU64"
        | "num::NonZeroUsize" | "num::NonZeroI8" | "num::NonZeroI16" | "num::NonZeroI32"
        | "num::NonZeroI64" | "num::NonZeroIsize" => "42",
        _ => return None,
    })
}

/// The example of a field with none given: one derived from its type.
fn default_example(name: &str, ty: &FieldType, types: &[EnumType]) -> String {
    match ty {
        // Letters and digits only, so that the example is unlikely to contain the literal text
        // that follows its placeholder and so splits back from the example message.
        FieldType::External(path) => {
            known_external_example(path).map_or_else(|| name.replace('_', ""), str::to_owned)
        }
        FieldType::String => name.replace('_', ""),
        FieldType::Bool => "true".to_owned(),
        FieldType::Integer(_) => "42".to_owned(),
        FieldType::Enum(index) => types[*index]
            .values
            .first()
            .map(|v| v.value.clone())
            .unwrap_or_default(),
    }
}

/// A TOML syntax error, with the duplicate key named and a hint for the common mistakes.
fn toml_error(source: &Source, message: &str, span: Range<usize>) -> Diagnostic {
    let text = source.text().get(span.clone()).unwrap_or("").trim();
    let diagnostic = Diagnostic::new(Rule::TomlSyntax, span, format!("invalid TOML: {message}"));
    if message == "duplicate key" && !text.is_empty() {
        return Diagnostic {
            message: format!("invalid TOML: duplicate key `{text}`"),
            ..diagnostic
        }
        .label("set a second time here")
        .help(format!(
            "a key can be set only once in a table: remove one of the two `{text}` keys, or rename one"
        ));
    }
    if message.contains("string") && message.contains("expected `\"`") {
        return diagnostic
            .label("the string is not closed before the end of the line")
            .help("end the string with `\"` on the same line; write `\"\"\"` around text that spans several lines");
    }
    diagnostic
        .label("here")
        .help("see https://toml.io for the TOML syntax")
}

/// Whether `table` has a key that looks like a misspelling of `key`: the unknown-key
/// diagnostic already suggests `key`, so a missing-key one would say the same thing twice.
fn misspelt(table: &Table<'_>, key: &str) -> bool {
    table
        .keys()
        .any(|k| k.get_ref() != key && names::closest(k.get_ref(), [key]).is_some())
}

fn missing(span: Range<usize>, key: &str, owner: &str) -> Diagnostic {
    let example = match (key, owner) {
        ("code", "`wire`") => "code = \"errorCode\"",
        ("message", "`wire`") => "message = \"errorMessage\"",
        (key, _) => match key {
            "code" => "code = \"127\"",
            "status" => "status = 409",
            "message" => "message = \"Conflicting Storage name = {storage_name}\"",
            "title" => "title = \"My API\"",
            "values" => "values = [\"EXPORT\", \"IMPORT\"]",
            _ => "",
        },
    };
    let diagnostic = Diagnostic::new(
        Rule::MissingKey,
        span,
        format!("missing `{key}` in {owner}"),
    )
    .label(format!("`{key}` is required here"));
    if example.is_empty() {
        diagnostic
    } else {
        diagnostic.help(format!("add `{example}`"))
    }
}

fn wrong_type(span: Range<usize>, what: &str, expected: &str, found: &DeValue<'_>) -> Diagnostic {
    let found = match found {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    };
    Diagnostic::new(
        Rule::WrongType,
        span,
        format!("{what} must be {expected}, not {found}"),
    )
    .label(format!("expected {expected}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<Rule> {
        let source = Source::new("t.toml", "/t.toml", text);
        match crate::load(&source) {
            Ok(_) => Vec::new(),
            Err(diagnostics) => diagnostics.iter().map(|d| d.rule).collect(),
        }
    }

    const HEADER: &str = "[catalog]\ntitle = \"T\"\n\n[status.404]\nreason = \"Not Found\"\n\n";

    #[test]
    fn a_broken_template_does_not_make_its_fields_unused() {
        let text = format!(
            "{HEADER}[errors.A]\ncode = \"1\"\nstatus = 404\nmessage = \"x {{id}} y {{name\"\n\
             fields.id = {{ type = \"u32\", example = \"3\" }}\n"
        );
        assert_eq!(rules(&text), [Rule::UnbalancedBrace]);
    }

    #[test]
    fn adjacent_placeholders_point_at_the_pair_even_when_one_repeats() {
        let text = format!(
            "{HEADER}[errors.A]\ncode = \"1\"\nstatus = 404\nmessage = \"{{a}} x {{n}}{{a}}\"\n\
             fields.n = \"u32\"\n"
        );
        let source = Source::new("t.toml", "/t.toml", text.as_str());
        let diagnostics = crate::load(&source).unwrap_err();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(diagnostics[0].rule, Rule::AdjacentPlaceholders);
        let span = diagnostics[0].span.clone().unwrap();
        assert_eq!(&text[span], "{n}{a}");
    }

    #[test]
    fn a_placeholder_that_cannot_be_a_field_is_reported_once() {
        let text = format!(
            "{HEADER}[errors.A]\ncode = \"1\"\nstatus = 404\nmessage = \"x {{self}} y {{self}}\"\n"
        );
        assert_eq!(rules(&text), [Rule::InvalidFieldName]);
    }
}
