//! The shape of the TOML: tables, strings, known and missing keys, value types, and TOML's
//! own syntax errors, each turned into a diagnostic.

use std::ops::Range;

use toml::Spanned as TomlSpanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Ctxt, Diagnostic, Rule};
use crate::model::Spanned;
use crate::names;
use crate::source::Source;

/// A TOML table as parsed, with the span of every key and value.
pub(crate) type Table<'i> = DeTable<'i>;
/// A TOML value with its span.
pub(crate) type Value<'i> = TomlSpanned<DeValue<'i>>;

/// Reports every key of `table` that is not in `known`, with a suggestion for near misses.
pub(crate) fn known_keys(cx: &mut Ctxt, table: &Table<'_>, known: &[&str], place: &str) {
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
pub(crate) fn table<'v, 'i>(
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
pub(crate) fn string(
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
            let mut diagnostic = wrong_type(value.span(), &format!("`{key}`"), "a string", other);
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

/// An optional boolean value.
pub(crate) fn boolean(cx: &mut Ctxt, table: &Table<'_>, key: &str) -> Option<Spanned<bool>> {
    let value = table.get(key)?;
    match value.get_ref() {
        DeValue::Boolean(b) => Some(Spanned::new(*b, value.span())),
        other => {
            let mut diagnostic = wrong_type(value.span(), &format!("`{key}`"), "a boolean", other);
            diagnostic = match other {
                DeValue::String(text) if matches!(text.as_ref(), "true" | "false") => {
                    diagnostic.help(format!("write it without quotes: `{key} = {text}`"))
                }
                _ => diagnostic.help(format!("write `{key} = true` or `{key} = false`")),
            };
            cx.push(diagnostic);
            None
        }
    }
}

/// The span of a table header such as `[catalog]`: the first line of the table's value.
pub(crate) fn header_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = span.start.min(text.len());
    let rest = text.get(start..).unwrap_or_default();
    let end = rest.find('\n').map_or(text.len(), |i| start + i);
    start..end.min(span.end.max(start))
}

/// The byte range in the file of `range` inside a string value's text. When the string
/// has escapes, the offsets do not line up, and the whole value is the span.
pub(crate) fn in_string(text: &str, value: &Spanned<String>, range: Range<usize>) -> Range<usize> {
    let raw = text.get(value.span.clone()).unwrap_or_default();
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

/// A TOML syntax error, with the duplicate key named and a hint for the common mistakes.
pub(crate) fn toml_error(source: &Source, message: &str, span: Range<usize>) -> Diagnostic {
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
pub(crate) fn misspelt(table: &Table<'_>, key: &str) -> bool {
    table
        .keys()
        .any(|k| k.get_ref() != key && names::closest(k.get_ref(), [key]).is_some())
}

/// A required key that is not there, with an example of it.
pub(crate) fn missing(span: Range<usize>, key: &str, owner: &str) -> Diagnostic {
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

/// A value of the wrong TOML type.
pub(crate) fn wrong_type(
    span: Range<usize>,
    what: &str,
    expected: &str,
    found: &DeValue<'_>,
) -> Diagnostic {
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
