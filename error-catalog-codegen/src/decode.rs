//! Decoding: from the TOML tables to the typed [`Catalog`]. Every problem becomes a
//! [`Diagnostic`]; none stops the decoding of the rest.

use std::ops::Range;

use error_catalog_template::{Piece, TemplateErrorKind};
use toml::de::{DeTable, DeValue};

use crate::diag::{Ctxt, Diagnostic, Rule};
use crate::examples::{default_example, known_external_example};
use crate::model::{
    Catalog, Entry, EnumType, Field, FieldType, Part, Retired, Spanned, Status, Wire,
};
use crate::names;
use crate::source::Source;
use crate::toml_shape::{self as shape, Table, Value};
use crate::types::{self, resolve_type};

/// Default JSON keys of the error body, when `[catalog] wire` is not given.
const DEFAULT_WIRE: (&str, &str) = ("code", "message");

/// Parses `source` into a catalog. The catalog is `None` when the file is not valid TOML or
/// lacks the `[catalog]` table; otherwise it holds every entry that could be read whole.
pub(crate) fn catalog(source: &Source, cx: &mut Ctxt) -> Option<Catalog> {
    let (root, errors) = DeTable::parse_recoverable(source.text());
    if !errors.is_empty() {
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            cx.push(shape::toml_error(source, error.message().trim(), span));
        }
        return None;
    }
    let root = root.into_inner();
    let decoder = Decoder { source };
    shape::known_keys(
        cx,
        &root,
        &["catalog", "status", "types", "errors", "retired"],
        "at the top level",
    );

    let header = match root.get("catalog") {
        Some(value) => shape::table(cx, value, "`[catalog]`"),
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
        Some((table, span)) => decoder.header(cx, table, span),
        None => (String::new(), String::new(), decoder.default_wire()),
    };

    let types = root
        .get("types")
        .and_then(|v| shape::table(cx, v, "`[types]`"))
        .map(|(table, _)| decoder.types(cx, table))
        .unwrap_or_default();
    let statuses = root
        .get("status")
        .and_then(|v| shape::table(cx, v, "`[status]`"))
        .map(|(table, _)| decoder.statuses(cx, table))
        .unwrap_or_default();
    let retired = root
        .get("retired")
        .and_then(|v| shape::table(cx, v, "`[retired]`"))
        .map(|(table, _)| decoder.retired(cx, table))
        .unwrap_or_default();
    let entries = root
        .get("errors")
        .and_then(|v| shape::table(cx, v, "`[errors]`"))
        .map(|(table, _)| decoder.entries(cx, table, &types))
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

/// Decodes the tables of one catalog file.
struct Decoder<'s> {
    /// The file, for the spans of headers and of text inside strings.
    source: &'s Source,
}

impl Decoder<'_> {
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
        shape::known_keys(cx, table, &["title", "doc", "wire"], "in `[catalog]`");
        let span = shape::header_span(self.source.text(), span);
        let title = shape::string(cx, table, "title", &span, "`[catalog]`", true)
            .map(|s| s.value)
            .unwrap_or_default();
        let doc = shape::string(cx, table, "doc", &span, "`[catalog]`", false)
            .map(|s| s.value)
            .unwrap_or_default();
        let mut wire = self.default_wire();
        if let Some(value) = table.get("wire")
            && let Some((wire_table, wire_span)) = shape::table(cx, value, "`wire`")
        {
            shape::known_keys(cx, wire_table, &["code", "message"], "in `wire`");
            let code = shape::string(cx, wire_table, "code", &wire_span, "`wire`", true);
            let message = shape::string(cx, wire_table, "message", &wire_span, "`wire`", true);
            if let Some(code) = code {
                wire.code = code;
            }
            if let Some(message) = message {
                wire.message = message;
            }
        }
        (title, doc, wire)
    }

    /// `[types.*]`.
    fn types(&self, cx: &mut Ctxt, table: &Table<'_>) -> Vec<EnumType> {
        let mut types = Vec::new();
        for (key, value) in table {
            let name = Spanned::new(key.get_ref().to_string(), key.span());
            let what = format!("`[types.{}]`", name.value);
            let Some((body, span)) = shape::table(cx, value, &what) else {
                continue;
            };
            shape::known_keys(cx, body, &["values", "doc"], &format!("in {what}"));
            let doc = shape::string(cx, body, "doc", &span, &what, false)
                .map(|s| s.value)
                .unwrap_or_default();
            let values = match body.get("values") {
                None => {
                    cx.push(shape::missing(name.span.clone(), "values", &what));
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
                                    other => cx.push(shape::wrong_type(
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
                            cx.push(shape::wrong_type(
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
            let Some((body, span)) = shape::table(cx, value, &what) else {
                continue;
            };
            shape::known_keys(cx, body, &["reason", "meaning"], &format!("in {what}"));
            let reason = shape::string(cx, body, "reason", &span, &what, false)
                .map(|s| s.value)
                .or_else(|| names::canonical_reason(code).map(str::to_owned))
                .unwrap_or_default();
            let meaning = shape::string(cx, body, "meaning", &span, &what, false)
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
                        shape::wrong_type(value.span(), "a retired code's note", "a string", other)
                            .help(format!(
                                "write `\"{}\" = \"why it was retired\"`",
                                key.get_ref()
                            )),
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
        let (body, _) = shape::table(cx, value, &what)?;
        shape::known_keys(
            cx,
            body,
            &["code", "status", "message", "doc", "shared_code", "fields"],
            &format!("in {what}"),
        );
        let owner = name.span.clone();
        let code = shape::string(cx, body, "code", &owner, &what, true);
        let status = match body.get("status") {
            None => {
                if !shape::misspelt(body, "status") {
                    cx.push(shape::missing(owner.clone(), "status", &what));
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
                        shape::wrong_type(value.span(), "`status`", "an integer", value.get_ref())
                            .help(format!("write it as a number: `status = {text}`")),
                    );
                    None
                }
                other => {
                    cx.push(shape::wrong_type(
                        value.span(),
                        "`status`",
                        "an integer",
                        other,
                    ));
                    None
                }
            },
        };
        let message = shape::string(cx, body, "message", &owner, &what, true);
        let doc = shape::string(cx, body, "doc", &owner, &what, false)
            .map(|s| s.value)
            .unwrap_or_default();
        let shared_code = body
            .get("shared_code")
            .and_then(|value| match value.get_ref() {
                DeValue::Boolean(b) => Some(Spanned::new(*b, value.span())),
                other => {
                    cx.push(shape::wrong_type(
                        value.span(),
                        "`shared_code`",
                        "a boolean",
                        other,
                    ));
                    None
                }
            });
        let declared = match body.get("fields") {
            Some(value) => match shape::table(cx, value, "`fields`") {
                Some((fields, _)) => self.declared_fields(cx, fields, types),
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        let (code, status, message) = (code?, status?, message?);
        let pieces = self.template(cx, &message);
        let (parts, fields) = self.resolve_template(cx, &name, &message, pieces, declared, types);
        Some(Entry {
            name,
            code,
            status,
            message,
            parts,
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
                    let span = shape::in_string(self.source.text(), message, error.span.clone());
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
                    shape::known_keys(
                        cx,
                        long,
                        &["type", "example", "doc"],
                        &format!("in field `{}`", name.value),
                    );
                    let ty = shape::string(cx, long, "type", &value.span(), "the field", false)
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
                                cx.push(shape::wrong_type(
                                    example.span(),
                                    "`example`",
                                    "a string",
                                    other,
                                ));
                                None
                            }
                        });
                    let doc = shape::string(cx, long, "doc", &value.span(), "the field", false)
                        .map(|s| s.value)
                        .unwrap_or_default();
                    (ty, example, doc)
                }
                other => {
                    cx.push(
                        shape::wrong_type(value.span(), &format!("field `{}`", name.value), "a type name or a table", other)
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

    /// Joins the placeholders of the template with the declared fields: each placeholder
    /// becomes a part that names its field, and each distinct placeholder a field. `pieces` is
    /// `None` when the template could not be parsed: its placeholders are then unknown, so no
    /// declared field is reported as unused.
    fn resolve_template(
        &self,
        cx: &mut Ctxt,
        entry: &Spanned<String>,
        message: &Spanned<String>,
        pieces: Option<Vec<Piece>>,
        declared: Vec<Declared>,
        types: &[EnumType],
    ) -> (Vec<Part>, Vec<Field>) {
        let template_ok = pieces.is_some();
        let mut parts = Vec::new();
        let mut fields: Vec<Field> = Vec::new();
        for piece in pieces.unwrap_or_default() {
            let (name, span) = match piece {
                Piece::Literal(text) => {
                    parts.push(Part::Literal(text));
                    continue;
                }
                Piece::Placeholder { name, span } => {
                    (name, shape::in_string(self.source.text(), message, span))
                }
            };
            // A name used twice is one field.
            if let Some(index) = fields.iter().position(|f| f.name.value == name) {
                parts.push(Part::Placeholder { field: index, span });
                continue;
            }
            let name = Spanned::new(name, span.clone());
            let Some(ident) = field_ident(cx, &name) else {
                continue;
            };
            let declared = declared.iter().find(|d| d.name.value == name.value);
            let field = match declared {
                Some(d) => {
                    let (ty, rust_type) = d.ty.clone().unwrap_or_else(types::fallback);
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
                        rust_type,
                        ty_text: d.ty_text.clone(),
                        example,
                        doc: d.doc.clone(),
                    }
                }
                None => {
                    let (ty, rust_type) = types::fallback();
                    Field {
                        example: Spanned::new(
                            default_example(&name.value, &ty, types),
                            span.clone(),
                        ),
                        name,
                        ident,
                        ty,
                        rust_type,
                        ty_text: Spanned::new("String".to_owned(), span.clone()),
                        doc: String::new(),
                    }
                }
            };
            parts.push(Part::Placeholder {
                field: fields.len(),
                span,
            });
            fields.push(field);
        }
        for d in declared.iter().filter(|_| template_ok) {
            if !fields.iter().any(|f| f.name.value == d.name.value) {
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
        (parts, fields)
    }
}

/// A field as declared in an entry's `fields` table.
struct Declared {
    /// The field name; its span is the key.
    name: Spanned<String>,
    /// The resolved type, `None` when the type is unknown (and reported).
    ty: Option<(FieldType, syn::Type)>,
    /// The type as written, trimmed.
    ty_text: Spanned<String>,
    /// The example, if given.
    example: Option<Spanned<String>>,
    /// The field's docs, or empty.
    doc: String,
}

/// The Rust identifier of a field: its name, or a raw identifier for a keyword. A keyword
/// that cannot be raw is reported, and keeps its plain identifier so the field exists.
fn field_ident(cx: &mut Ctxt, name: &Spanned<String>) -> Option<syn::Ident> {
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
    }
    names::field_ident(&name.value)
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
