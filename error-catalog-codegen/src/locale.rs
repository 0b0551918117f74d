//! Locales: the languages of a catalog's texts. Decoding of `default_locale`, `locales` and
//! the tables of translations (`messages`, `reasons`, `meanings`), and the rules on them:
//! [`invalid-locale`](Rule::InvalidLocale), [`undeclared-locale`](Rule::UndeclaredLocale),
//! [`duplicate-translation`](Rule::DuplicateTranslation) and
//! [`translation-placeholders`](Rule::TranslationPlaceholders). The rules that every message
//! follows (its syntax, `empty-message`, `adjacent-placeholders`, `invalid-example`,
//! `ambiguous-templates`) are applied to each translation in [`check`](crate::check), as to
//! the default message.
//!
//! A tag is checked for well-formedness with the `language-tags` crate (RFC 5646's grammar,
//! without a registry lookup), and must be written in the canonical case that the same crate
//! gives (`de-CH`, `zh-Hant-TW`), so that a catalog spells each locale one way.

use std::collections::HashMap;
use std::ops::Range;

use error_catalog_template::Piece;
use toml::de::DeValue;

use crate::diag::{Ctxt, Diagnostic, Rule};
use crate::model::{Catalog, Field, Part, Spanned};
use crate::names;
use crate::toml_shape::{self as shape, Table};

/// `locales = ["en", "de"]`: the array of tags, with its span; `None` when the key is missing
/// or is not an array of strings (reported).
pub(crate) fn declared(cx: &mut Ctxt, table: &Table<'_>) -> Option<Spanned<Vec<Spanned<String>>>> {
    let value = table.get("locales")?;
    let DeValue::Array(array) = value.get_ref() else {
        cx.push(
            shape::wrong_type(
                value.span(),
                "`locales`",
                "an array of strings",
                value.get_ref(),
            )
            .help("list every locale of the catalog, the default one included: `locales = [\"en\", \"de\"]`"),
        );
        return None;
    };
    let mut tags = Vec::new();
    for item in array.iter() {
        match item.get_ref() {
            DeValue::String(text) => tags.push(Spanned::new(text.to_string(), item.span())),
            other => cx.push(shape::wrong_type(
                item.span(),
                "a locale",
                "a string",
                other,
            )),
        }
    }
    Some(Spanned::new(tags, value.span()))
}

/// A table of texts by locale, such as `messages.de = "..."` or `meanings = { de = "..." }`:
/// each locale with its text, in file order. A value that is not a string is reported and
/// left out.
pub(crate) fn texts(
    cx: &mut Ctxt,
    table: &Table<'_>,
    key: &str,
) -> Vec<(Spanned<String>, Spanned<String>)> {
    let Some(value) = table.get(key) else {
        return Vec::new();
    };
    let Some((texts, _)) = shape::table(cx, value, &format!("`{key}`")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (locale, text) in texts {
        let locale = Spanned::new(locale.get_ref().to_string(), locale.span());
        match text.get_ref() {
            DeValue::String(value) => {
                out.push((locale, Spanned::new(value.to_string(), text.span())));
            }
            other => cx.push(
                shape::wrong_type(
                    text.span(),
                    &format!("`{key}.{}`", locale.value),
                    "a string",
                    other,
                )
                .help(format!(
                    "write the text in the locale `{}`: `{key}.{} = \"...\"`",
                    locale.value, locale.value
                )),
            ),
        }
    }
    out
}

/// The parts of the translation of an entry's message into `locale`, its template parsed into
/// `pieces`: each placeholder resolved to the entry's field of its name. `{x}` where the entry
/// has no field `x`, a field of the entry that the translation leaves out, and a placeholder
/// used more often than in `message` (which may repeat a placeholder, and its translations
/// then too) are [`translation-placeholders`](Rule::TranslationPlaceholders) errors; the parts
/// are then empty.
pub(crate) fn resolve(
    cx: &mut Ctxt,
    in_file: impl Fn(Range<usize>) -> Range<usize>,
    (entry, default): (&Spanned<String>, &[Part]),
    fields: &[Field],
    (locale, message): (&Spanned<String>, &Spanned<String>),
    pieces: Vec<Piece>,
) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut ok = true;
    let uses = |field: usize| {
        default
            .iter()
            .filter(|part| matches!(part, Part::Placeholder { field: f, .. } if *f == field))
            .count()
    };
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let names = || {
        fields
            .iter()
            .map(|field| format!("`{{{}}}`", field.name.value))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for piece in pieces {
        let (name, span) = match piece {
            Piece::Literal(text) => {
                parts.push(Part::Literal(text));
                continue;
            }
            Piece::Placeholder { name, span } => (name, in_file(span)),
        };
        let Some(field) = fields.iter().position(|field| field.name.value == name) else {
            ok = false;
            let help = match names::closest(&name, fields.iter().map(|f| f.name.value.as_str())) {
                Some(near) => format!(
                    "did you mean `{{{near}}}`? A translation uses exactly the placeholders of `message`"
                ),
                None if fields.is_empty() => {
                    "`message` has no placeholder: write the translation without one".to_owned()
                }
                None => format!(
                    "a translation uses exactly the placeholders of `message`: {}",
                    names()
                ),
            };
            cx.push(
                Diagnostic::new(
                    Rule::TranslationPlaceholders,
                    span,
                    format!(
                        "`{{{name}}}` of the `{}` message of `{}` is not a placeholder of its `message`",
                        locale.value, entry.value
                    ),
                )
                .label("no such field")
                .related(message_span(default, fields), "the fields are the placeholders of this message")
                .help(help),
            );
            continue;
        };
        let count = seen.entry(field).or_insert(0);
        *count += 1;
        if *count == 2 && uses(field) < 2 {
            ok = false;
            cx.push(
                Diagnostic::new(
                    Rule::TranslationPlaceholders,
                    span.clone(),
                    format!(
                        "`{{{name}}}` appears more than once in the `{}` message of `{}`, and once in its `message`",
                        locale.value, entry.value
                    ),
                )
                .label("used again here")
                .help("use each placeholder as often as `message` does: a client reads one value from one place"),
            );
        }
        parts.push(Part::Placeholder { field, span });
    }
    let missing: Vec<&Field> = fields
        .iter()
        .enumerate()
        .filter(|(index, _)| !seen.contains_key(index))
        .map(|(_, field)| field)
        .collect();
    if !missing.is_empty() {
        ok = false;
        let list = missing
            .iter()
            .map(|field| format!("`{{{}}}`", field.name.value))
            .collect::<Vec<_>>()
            .join(", ");
        cx.push(
            Diagnostic::new(
                Rule::TranslationPlaceholders,
                message.span.clone(),
                format!(
                    "the `{}` message of `{}` leaves out {list}",
                    locale.value, entry.value
                ),
            )
            .label(if missing.len() == 1 {
                "a placeholder is missing"
            } else {
                "placeholders are missing"
            })
            .help(format!(
                "a translation uses every placeholder of `message`, so that a client reads the same fields in every locale: add {list}"
            )),
        );
    }
    if ok { parts } else { Vec::new() }
}

/// The span of the default message, for a related label: its first placeholder's field, or,
/// for a message without one, nothing better than the entry's first field (none: empty).
fn message_span(default: &[Part], fields: &[Field]) -> Range<usize> {
    default
        .iter()
        .find_map(|part| match part {
            Part::Placeholder { span, .. } => Some(span.clone()),
            Part::Literal(_) => None,
        })
        .or_else(|| fields.first().map(|field| field.name.span.clone()))
        .unwrap_or(0..0)
}

/// Every rule on the catalog's locales: each tag well-formed
/// ([`invalid-locale`](Rule::InvalidLocale)), listed once, every locale used declared
/// ([`undeclared-locale`](Rule::UndeclaredLocale)), no translation into the default locale
/// ([`duplicate-translation`](Rule::DuplicateTranslation)), and `locales` with its
/// `default_locale` ([`missing-key`](Rule::MissingKey)).
pub(crate) fn rules(catalog: &Catalog, cx: &mut Ctxt) {
    let locales = &catalog.locales;
    let default = locales
        .default
        .as_ref()
        .filter(|tag| well_formed(tag, "the default locale", cx));
    let mut declared: Vec<&Spanned<String>> = Vec::new();
    if let Some(list) = &locales.declared {
        for tag in &list.value {
            if !well_formed(tag, "listed in `locales`", cx) {
                continue;
            }
            if let Some(first) = declared.iter().find(|first| first.value == tag.value) {
                cx.push(
                    Diagnostic::new(
                        Rule::InvalidLocale,
                        tag.span.clone(),
                        format!("locale `{}` is listed twice in `locales`", tag.value),
                    )
                    .label("listed again")
                    .related(first.span.clone(), "first listed here")
                    .help("remove one of them"),
                );
                continue;
            }
            declared.push(tag);
        }
        if locales.default.is_none() {
            let first = list
                .value
                .first()
                .map_or("en", |tag| tag.value.as_str())
                .to_owned();
            cx.push(
                Diagnostic::new(
                    Rule::MissingKey,
                    list.span.clone(),
                    "missing `default_locale` in `[catalog]`, which `locales` needs",
                )
                .label("the catalog's locales")
                .help(format!(
                    "add the locale of every `message`, `reason` and `meaning`, such as `default_locale = \"{first}\"`"
                )),
            );
        }
    }
    let others: Vec<String> = declared
        .iter()
        .filter(|tag| default.is_none_or(|default| default.value != tag.value))
        .map(|tag| format!("`{}`", tag.value))
        .collect();
    let list_help = |tag: &str| match &locales.declared {
        Some(_) if others.is_empty() => format!("add `\"{tag}\"` to `locales`"),
        Some(_) => format!(
            "add `\"{tag}\"` to `locales`, or write the text in one of its other locales: {}",
            others.join(", ")
        ),
        None => format!(
            "declare the catalog's locales in `[catalog]`, such as `default_locale = \"en\"` and `locales = [\"en\", \"{tag}\"]`"
        ),
    };
    if let (Some(default), Some(list)) = (default, &locales.declared)
        && !declared.iter().any(|tag| tag.value == default.value)
    {
        cx.push(
            Diagnostic::new(
                Rule::UndeclaredLocale,
                default.span.clone(),
                format!(
                    "the default locale `{}` is not in `locales`",
                    default.value
                ),
            )
            .label("not listed in `locales`")
            .related(list.span.clone(), "the catalog's locales")
            .help(format!(
                "`locales` lists every locale of the catalog, the default one included: add `\"{}\"` to it",
                default.value
            )),
        );
    }
    let statuses = catalog.statuses.iter().flat_map(|status| {
        let what = format!("status {}", status.code.value);
        let reasons = status
            .reasons
            .iter()
            .map(move |text| (&text.locale, "reasons", "`reason`"));
        let meanings = status
            .meanings
            .iter()
            .map(move |text| (&text.locale, "meanings", "`meaning`"));
        reasons.chain(meanings).map(move |t| (t, what.clone()))
    });
    let entries = catalog.entries.iter().flat_map(|entry| {
        entry.translations.iter().map(|translation| {
            (
                (&translation.locale, "messages", "`message`"),
                format!("`{}`", entry.name.value),
            )
        })
    });
    for ((locale, key, default_key), owner) in statuses.chain(entries) {
        if !well_formed(locale, &format!("a locale of `{key}` of {owner}"), cx) {
            continue;
        }
        if default.is_some_and(|default| default.value == locale.value) {
            cx.push(
                Diagnostic::new(
                    Rule::DuplicateTranslation,
                    locale.span.clone(),
                    format!(
                        "`{key}.{}` of {owner} is in the default locale, whose text is its {default_key}",
                        locale.value
                    ),
                )
                .label("the default locale")
                .help(format!(
                    "remove `{key}.{}`: {default_key} is the text in `{}`",
                    locale.value, locale.value
                )),
            );
            continue;
        }
        if !declared.iter().any(|tag| tag.value == locale.value) {
            cx.push(
                Diagnostic::new(
                    Rule::UndeclaredLocale,
                    locale.span.clone(),
                    format!(
                        "`{key}.{}` of {owner} is in a locale that `locales` does not list",
                        locale.value
                    ),
                )
                .label("undeclared locale")
                .help(list_help(&locale.value)),
            );
        }
    }
}

/// Whether `tag` is a well-formed BCP 47 tag in its canonical case; reports it otherwise,
/// with `what` (where the tag is) as the label.
fn well_formed(tag: &Spanned<String>, what: &str, cx: &mut Ctxt) -> bool {
    let text = tag.value.as_str();
    let (problem, help) = match language_tags::LanguageTag::parse(text) {
        Ok(parsed) if parsed.as_str() == text => return true,
        Ok(parsed) => (
            "is not written in the canonical case".to_owned(),
            format!(
                "write `{}`: the language in lowercase, a script in title case, a region in uppercase",
                parsed.as_str()
            ),
        ),
        Err(error) => {
            let near = text.replace('_', "-");
            let help = match language_tags::LanguageTag::parse(&near) {
                Ok(parsed) if near != text => format!(
                    "subtags are separated by `-`, not `_`: write `{}`",
                    parsed.as_str()
                ),
                _ => "a locale is a BCP 47 language tag, such as `en`, `de-CH` or `zh-Hant-TW`"
                    .to_owned(),
            };
            (
                format!("is not a well-formed BCP 47 language tag: {error}"),
                help,
            )
        }
    };
    cx.push(
        Diagnostic::new(
            Rule::InvalidLocale,
            tag.span.clone(),
            format!("locale `{}` {problem}", text.escape_debug()),
        )
        .label(what)
        .help(help),
    );
    false
}
