//! Every rule of the catalog format except the TOML shape ones (`toml-syntax`, `unknown-key`,
//! `missing-key`, `wrong-type`, in [`toml_shape`](crate::toml_shape)), each a named function
//! with a comment showing what it rejects. A [`Checked`] catalog comes only from [`load`],
//! once every rule has passed.
//!
//! Most rules look at the decoded [`Catalog`] and run from [`rules`]. A few decide whether a
//! value can enter the model at all (a status that is no number, a template that does not
//! parse, a type that names nothing): decoding calls those where it reads the value.

use std::collections::HashMap;
use std::ops::{Deref, Range};

use error_catalog_template::{Class, Piece, Segment, TemplateErrorKind, split_repeated};

use crate::diag::{Ctxt, Diagnostic, Rule};
use crate::examples::known_external_example;
use crate::model::{
    Catalog, Classes, Entry, EnumType, Field, FieldType, INTEGER_TYPES, Part, Spanned, Translation,
};
use crate::names;
use crate::source::Source;
use crate::wire::{self, CodeType, LocationError, Member};
use crate::{decode, locale, types};

/// A catalog that breaks no rule: what [`expand`](crate::expand::expand) takes. The only way
/// to get one is [`load`](crate::load), so generated code is never made from a catalog that
/// was not checked.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The catalog, which passed every rule.
    catalog: Catalog,
}

impl Checked {
    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The catalog, given up.
    pub fn into_catalog(self) -> Catalog {
        self.catalog
    }
}

impl Deref for Checked {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.catalog
    }
}

/// Decodes `source` and runs every rule; see [`crate::load`].
pub(crate) fn load(source: &Source, error_enum: Option<&str>) -> Result<Checked, Vec<Diagnostic>> {
    let mut cx = Ctxt::new();
    let catalog = decode::catalog(source, &mut cx);
    if let Some(catalog) = &catalog {
        rules(catalog, error_enum, &mut cx);
    }
    let mut diagnostics = cx.check();
    diagnostics.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    for diagnostic in &mut diagnostics {
        diagnostic.locate(source);
    }
    match catalog {
        Some(catalog) if diagnostics.is_empty() => Ok(Checked { catalog }),
        _ => Err(diagnostics),
    }
}

/// Runs every rule on a decoded catalog. `error_enum` is the name of the enum the catalog
/// fills, when there is one.
fn rules(catalog: &Catalog, error_enum: Option<&str>, cx: &mut Ctxt) {
    wire_locations(catalog, cx);
    problem_base(catalog, cx);
    wire_header(catalog, cx);
    integer_codes(catalog, cx);
    docs_url(catalog, cx);
    type_names(catalog, error_enum, cx);
    if let Some(error_enum) = error_enum
        && let Some(diagnostic) = error_enum_name(catalog, error_enum)
    {
        cx.push(diagnostic);
    }
    enum_values(catalog, cx);
    variant_names(catalog, cx);
    retired_code_text(catalog, cx);
    locale::rules(catalog, cx);
    let classes = Classes::new(catalog);
    // Compiled once, for the per-entry rules and for comparing entries two by two: each
    // entry's message, then its translations that could be resolved, in catalog order.
    let templates: Vec<Vec<Template<'_>>> = catalog
        .entries
        .iter()
        .map(|entry| Template::all(entry, &classes))
        .collect();
    for (entry, templates) in catalog.entries.iter().zip(&templates) {
        code_text(entry, cx);
        status(catalog, entry, cx);
        retired(catalog, entry, cx);
        field_names(entry, cx);
        retry_after(entry, cx);
        let examples_ok = external_examples(entry, cx) & examples(catalog, entry, cx);
        empty_message(entry, &entry.message, None, cx);
        for translation in &entry.translations {
            empty_message(entry, &translation.message, Some(translation), cx);
        }
        for (index, template) in templates.iter().enumerate() {
            let adjacent_ok = adjacent_placeholders(entry, template, cx);
            if adjacent_ok && examples_ok {
                example_round_trip(entry, template, cx);
                read_in_its_locale(entry, &templates[..index], template, cx);
            }
        }
    }
    duplicate_codes(catalog, &templates, cx);
}

/// One message of an entry, in the default locale or a translation, compiled.
struct Template<'c> {
    /// The translation, or `None` for the entry's `message`.
    translation: Option<&'c Translation>,
    /// The resolved template.
    parts: &'c [Part],
    /// The template as written, with its span.
    message: &'c Spanned<String>,
    /// The compiled template.
    segments: Vec<Segment<'c>>,
}

impl<'c> Template<'c> {
    /// The message of `entry` and each of its translations that resolved; a translation that
    /// did not parse, or whose placeholders are not the entry's, has its own diagnostics.
    fn all(entry: &'c Entry, classes: &'c Classes<'c>) -> Vec<Template<'c>> {
        let default = Template {
            translation: None,
            parts: &entry.parts,
            message: &entry.message,
            segments: classes.segments(entry),
        };
        let translations = entry
            .translations
            .iter()
            .filter(|translation| !translation.parts.is_empty())
            .map(|translation| Template {
                translation: Some(translation),
                parts: &translation.parts,
                message: &translation.message,
                segments: classes.segments_of(entry, &translation.parts),
            });
        std::iter::once(default).chain(translations).collect()
    }

    /// How a diagnostic names the message: `message`, or `the `de` message`.
    fn what(&self) -> String {
        match self.translation {
            None => "message".to_owned(),
            Some(translation) => format!("`{}` message", translation.locale.value),
        }
    }
}

/// Characters a code may contain: ASCII letters, digits, and `_ - . : /`.
pub const CODE_PUNCTUATION: &[char] = &['_', '-', '.', ':', '/'];

/// `docs_url = "errors.html"`, `"https://x.dev/errors#top"`: the base of every entry's link
/// (`{docs_url}#{code}`) is an absolute `http` or `https` URL, with no fragment and no space.
fn docs_url(catalog: &Catalog, cx: &mut Ctxt) {
    let Some(url) = &catalog.docs_url else {
        return;
    };
    let text = url.value.as_str();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    let problem = match rest {
        None => Some(("is not an absolute `http` or `https` URL", "write the full URL of the page, such as `docs_url = \"https://api.example.com/errors\"`".to_owned())),
        Some(host) if host.is_empty() || host.starts_with('/') => {
            Some(("has no host", "write the full URL of the page, such as `docs_url = \"https://api.example.com/errors\"`".to_owned()))
        }
        Some(_) if text.contains('#') => Some((
            "has a fragment",
            format!(
                "each entry's link adds `#` and its code: write the page's URL without `#`, `docs_url = \"{}\"`",
                text.split('#').next().unwrap_or_default()
            ),
        )),
        Some(_) if text.chars().any(|c| c.is_whitespace() || c.is_control()) => Some((
            "contains a space or a control character",
            "write spaces in a URL as `%20`".to_owned(),
        )),
        Some(_) => None,
    };
    if let Some((what, help)) = problem {
        cx.push(
            Diagnostic::new(
                Rule::InvalidDocsUrl,
                url.span.clone(),
                format!("`docs_url` {what}"),
            )
            .label("not a base URL for links")
            .help(help),
        );
    }
}

/// `wire = { code = "error", message = "error" }`, `code = "/error//code"`,
/// `constants = { "/error" = "x" }` with `code = "/error/code"`: every location of the body is
/// a non-empty bare key or a well-formed JSON pointer, and no two members share a place or
/// lie one inside the other. The first of two members keeps its place; the diagnostic is at
/// the second.
fn wire_locations(catalog: &Catalog, cx: &mut Ctxt) {
    let mut placed: Vec<(Member, &Spanned<String>, Vec<String>)> = Vec::new();
    for (member, location) in catalog.wire.members() {
        let keys = match wire::path(&location.value) {
            Ok(keys) => keys,
            Err(problem) => {
                cx.push(location_problem(member, location, &problem));
                continue;
            }
        };
        let clash = placed
            .iter()
            .find(|(_, _, other)| other.starts_with(&keys) || keys.starts_with(other));
        match clash {
            Some((other, other_location, other_keys)) => cx.push(wire_conflict(
                (member, location, &keys),
                (*other, other_location, other_keys),
            )),
            None => placed.push((member, location, keys)),
        }
    }
}

/// The diagnostic for a location that is not a bare key or a JSON pointer.
fn location_problem(
    member: Member,
    location: &Spanned<String>,
    problem: &LocationError,
) -> Diagnostic {
    let text = &location.value;
    let what = member.describe();
    let (message, label, help) = match problem {
        LocationError::Empty => (
            format!("the location of {what} is empty"),
            "empty location".to_owned(),
            "give a key of the error body, such as `\"errorCode\"`, or a JSON pointer to a nested member, such as `\"/error/code\"`".to_owned(),
        ),
        LocationError::SlashInKey => (
            format!("the location of {what}, `{text}`, is a bare key with a `/` in it"),
            "not a JSON pointer".to_owned(),
            format!(
                "a JSON pointer starts with `/`: write `\"/{text}\"`; for a top-level key whose name has a `/`, escape it as `~1`: `\"/{}\"`",
                text.replace('~', "~0").replace('/', "~1")
            ),
        ),
        LocationError::BadEscape(_) => (
            format!("the JSON pointer `{text}` has a `~` that is not `~0` or `~1`"),
            "malformed JSON pointer".to_owned(),
            "in a JSON pointer (RFC 6901), `~0` stands for `~` and `~1` for `/`; write every other `~` as `~0`".to_owned(),
        ),
        LocationError::EmptySegment(n) => (
            format!("the JSON pointer `{text}` has an empty key (segment {n})"),
            "malformed JSON pointer".to_owned(),
            if text == "/" {
                "`\"/\"` alone would be the body itself, which holds the members: give the key after the `/`, such as `\"/error\"`".to_owned()
            } else {
                "each `/` of a pointer starts the name of a key, such as `\"/error/code\"`: remove the extra `/`".to_owned()
            },
        ),
    };
    Diagnostic::new(Rule::InvalidWire, location.span.clone(), message)
        .label(label)
        .help(help)
}

/// The diagnostic for `member` placed where `other`, placed first, already is, or inside
/// or around it.
fn wire_conflict(
    (member, location, keys): (Member, &Spanned<String>, &[String]),
    (other, other_location, other_keys): (Member, &Spanned<String>, &[String]),
) -> Diagnostic {
    let (what, other_what) = (member.describe(), other.describe());
    let constant_on_member =
        matches!(member, Member::Constant(_)) && matches!(other, Member::Code | Member::Message);
    let (message, label, help) = if keys == other_keys {
        if constant_on_member {
            (
                format!(
                    "a constant is at `{}`, where {other_what} goes",
                    location.value
                ),
                format!("{other_what} goes here"),
                format!(
                    "the body holds {other_what} at `{}`: remove the constant",
                    other_location.value
                ),
            )
        } else {
            // `code = "error"` and `message = "/error"` are one place, written two ways.
            let at = if location.value == other_location.value {
                format!("are both at `{}`", location.value)
            } else {
                format!(
                    "are both at `{}` (written `{}` and `{}`)",
                    keys.iter()
                        .map(|key| format!("/{}", key.replace('~', "~0").replace('/', "~1")))
                        .collect::<String>(),
                    other_location.value,
                    location.value
                )
            };
            let (subject, label) = match (member, other) {
                (Member::Constant(_), Member::Constant(_)) => (
                    "two constants".to_owned(),
                    "same place as another constant".to_owned(),
                ),
                _ => (
                    format!("{other_what} and {what}"),
                    format!("same place as {other_what}"),
                ),
            };
            let help = match member {
                Member::Message => "each member of the error body needs its own place, such as `{ code = \"/error/code\", message = \"/error/message\" }`".to_owned(),
                Member::Status => "each member of the error body needs its own place: give the status a key of its own, such as `status = \"/status\"`".to_owned(),
                Member::Fields => "each member of the error body needs its own place: give the fields object a key of its own, such as `fields = \"details\"`".to_owned(),
                _ => format!("each member of the error body needs its own place: move {what}, or remove it"),
            };
            (format!("{subject} {at}"), label, help)
        }
    } else if keys.starts_with(other_keys) {
        (
            format!(
                "{what} at `{}` is inside {other_what} at `{}`",
                location.value, other_location.value
            ),
            format!("inside {other_what}"),
            format!(
                "{other_what} is a value, not an object that can hold other members: move one of the two"
            ),
        )
    } else {
        (
            format!(
                "{what} at `{}` holds {other_what} at `{}`",
                location.value, other_location.value
            ),
            format!("{other_what} is inside this"),
            format!(
                "{what} is a value, not an object that can hold other members: move one of the two"
            ),
        )
    };
    Diagnostic::new(Rule::WireConflict, location.span.clone(), message)
        .label(label)
        .related(other_location.span.clone(), format!("{other_what} is here"))
        .help(help)
}

/// `problem_base = "problems/"`, `"https://x.dev/a b/"`: the base of every RFC 9457 problem
/// type (`{problem_base}{code}`) is an absolute URI (a scheme, such as `https:` or `urn:`),
/// without spaces or control characters.
fn problem_base(catalog: &Catalog, cx: &mut Ctxt) {
    let Some(base) = &catalog.problem_base else {
        return;
    };
    let text = base.value.as_str();
    let scheme = text.split_once(':').map(|(scheme, _)| scheme);
    let has_scheme = scheme.is_some_and(|scheme| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let problem = if !has_scheme {
        Some((
            "is not an absolute URI",
            "a problem type is an absolute URI: write the full base, such as `problem_base = \"https://api.example.com/problems/\"`",
        ))
    } else if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some((
            "contains a space or a control character",
            "write spaces in a URI as `%20`",
        ))
    } else {
        None
    };
    if let Some((what, help)) = problem {
        cx.push(
            Diagnostic::new(
                Rule::InvalidProblemBase,
                base.span.clone(),
                format!("`problem_base` {what}"),
            )
            .label("not a base URI for problem types")
            .help(help),
        );
    }
}

/// `retry_after = "wait"` in an entry without a field `wait`, or whose `wait` is a `String`:
/// the delay before a retry is an integer field of the entry, in seconds.
fn retry_after(entry: &Entry, cx: &mut Ctxt) {
    let Some(name) = &entry.retry_after else {
        return;
    };
    let integers: Vec<&str> = entry
        .fields
        .iter()
        .filter(|field| matches!(field.ty, FieldType::Integer(_)))
        .map(|field| field.name.value.as_str())
        .collect();
    let help = match integers.as_slice() {
        [] => "add an integer field to the message, such as `Retry in {seconds} seconds` with `fields.seconds = \"u32\"`, and name it".to_owned(),
        [one] => format!("the entry's integer field is `{one}`: write `retry_after = \"{one}\"`"),
        many => format!(
            "name one of the entry's integer fields: {}",
            many.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
        ),
    };
    match entry
        .fields
        .iter()
        .find(|field| field.name.value == name.value)
    {
        None => cx.push(
            Diagnostic::new(
                Rule::InvalidRetryAfter,
                name.span.clone(),
                format!(
                    "`{}` has no field `{}` to take the retry delay from",
                    entry.name.value, name.value
                ),
            )
            .label("no such field")
            .help(help),
        ),
        Some(field) if !matches!(field.ty, FieldType::Integer(_)) => cx.push(
            Diagnostic::new(
                Rule::InvalidRetryAfter,
                name.span.clone(),
                format!(
                    "the retry delay `{}` is a `{}`, not an integer number of seconds",
                    name.value, field.ty_text.value
                ),
            )
            .label("not an integer field")
            .related(field.name.span.clone(), "the field is here")
            .help(help),
        ),
        Some(_) => {}
    }
}

/// `header = "x error code"`: the code header's name is a valid HTTP header name.
/// `header = "Content-Type"`, `"retry-after"`, `"Transfer-Encoding"`, `"proxy-status"`: and
/// not one that the response sets itself, that frames the message, or that tells a client,
/// a cache or a browser what to do ([`reserved_header`]): its value would be the code.
fn wire_header(catalog: &Catalog, cx: &mut Ctxt) {
    let Some(header) = &catalog.wire.header else {
        return;
    };
    if http::HeaderName::from_bytes(header.value.as_bytes()).is_err() {
        let what = if header.value.is_empty() {
            "is empty".to_owned()
        } else {
            format!("`{}` is not a valid HTTP header name", header.value)
        };
        cx.push(
            Diagnostic::new(
                Rule::InvalidWire,
                header.span.clone(),
                format!("the code header {what}"),
            )
            .label("not a header name")
            .help("a header name is one token of ASCII letters, digits and ``!#$%&'*+-.^_`|~``, such as `header = \"x-ms-error-code\"`"),
        );
    } else if let Some(reason) = reserved_header(&header.value) {
        cx.push(
            Diagnostic::new(
                Rule::InvalidWire,
                header.span.clone(),
                format!(
                    "the code header `{}` is a reserved header: {reason}",
                    header.value
                ),
            )
            .label("reserved header")
            .note("the response would carry the error code as this header's value")
            .help(
                "name a header of the API's own for the code, such as `header = \"x-error-code\"`",
            ),
        );
    }
}

/// Header names that no catalog may take for its code header, compared without ASCII case,
/// each with the reason; the names that start with one of [`RESERVED_HEADER_PREFIXES`] are
/// reserved too.
pub(crate) const RESERVED_HEADERS: &[(&str, &str)] = &[
    // Set by the response itself (`IntoResponse`, and the HTTP server under it).
    ("content-type", SET_BY_RESPONSE),
    ("content-length", SET_BY_RESPONSE),
    ("retry-after", SET_BY_RESPONSE),
    ("date", SET_BY_RESPONSE),
    // Connection-specific and framing headers (RFC 9110 section 7.6.1, RFC 9112).
    ("connection", FRAMING),
    ("keep-alive", FRAMING),
    ("transfer-encoding", FRAMING),
    ("te", FRAMING),
    ("trailer", FRAMING),
    ("upgrade", FRAMING),
    ("host", FRAMING),
    // Headers a client, a cache or a browser acts on.
    ("set-cookie", ACTED_ON),
    ("set-cookie2", ACTED_ON),
    ("location", ACTED_ON),
    ("refresh", ACTED_ON),
    ("www-authenticate", ACTED_ON),
    ("authentication-info", ACTED_ON),
    ("vary", ACTED_ON),
    ("cache-control", ACTED_ON),
    ("expires", ACTED_ON),
    ("pragma", ACTED_ON),
    ("age", ACTED_ON),
    ("etag", ACTED_ON),
    ("last-modified", ACTED_ON),
    ("allow", ACTED_ON),
    ("accept-ranges", ACTED_ON),
    ("alt-svc", ACTED_ON),
    ("strict-transport-security", ACTED_ON),
    ("clear-site-data", ACTED_ON),
    ("content-security-policy", ACTED_ON),
    ("content-security-policy-report-only", ACTED_ON),
    ("link", ACTED_ON),
];

/// Prefixes of reserved header names, with the reason: `content-*` describe the body
/// (`content-encoding`, `content-language`, `content-range`, ...), `proxy-*` are for proxies
/// (`proxy-authenticate`, `proxy-connection`, `proxy-status`, ...).
pub(crate) const RESERVED_HEADER_PREFIXES: &[(&str, &str)] = &[
    (
        "content-",
        "a `content-*` header describes the body and how to decode it",
    ),
    (
        "proxy-",
        "a `proxy-*` header is for the proxies between server and client",
    ),
];

const SET_BY_RESPONSE: &str = "the response sets it itself";
const FRAMING: &str = "it frames the message or manages the connection";
const ACTED_ON: &str = "clients, caches or browsers act on its value";

/// Why `name` may not be the code header, when it is reserved ([`RESERVED_HEADERS`],
/// [`RESERVED_HEADER_PREFIXES`]), compared without ASCII case.
pub(crate) fn reserved_header(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    RESERVED_HEADERS
        .iter()
        .find(|(reserved, _)| *reserved == lower)
        .or_else(|| {
            RESERVED_HEADER_PREFIXES
                .iter()
                .find(|(prefix, _)| lower.starts_with(prefix))
        })
        .map(|(_, reason)| *reason)
}

/// `code_type = "integer"` with `code = "E12"`, `"007"`, `"99999999999999999999"`: every code,
/// retired ones included, is then an integer as JSON writes it, that fits `i64`.
fn integer_codes(catalog: &Catalog, cx: &mut Ctxt) {
    let code_type = &catalog.wire.code_type;
    if code_type.value != CodeType::Integer {
        return;
    }
    let codes = catalog
        .entries
        .iter()
        .map(|entry| (&entry.code, false))
        .chain(catalog.retired.iter().map(|retired| (&retired.code, true)));
    for (code, retired) in codes {
        let text = code.value.as_str();
        // An empty code, or one with characters no code may have, has its own diagnostic.
        if text.is_empty()
            || wire::integer_code(text).is_some()
            || !text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || CODE_PUNCTUATION.contains(&c))
        {
            continue;
        }
        // How the catalog writes this code with another text: as `code = ".."` in an entry,
        // as the key under `[retired]`.
        let write = |text: &str| {
            if retired {
                format!("`\"{text}\" = ...` under `[retired]`")
            } else {
                format!("`code = \"{text}\"`")
            }
        };
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (problem, help) = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            match text.parse::<i128>().map(i64::try_from) {
                Ok(Ok(0)) => (
                    "is not an integer as JSON writes it",
                    format!("JSON writes zero as `0`: write {}", write("0")),
                ),
                Ok(Ok(number)) => (
                    "is not an integer as JSON writes it",
                    format!(
                        "a JSON number has no leading zeros: write {}",
                        write(&number.to_string())
                    ),
                ),
                _ => (
                    "does not fit a 64-bit signed integer",
                    "`i64` is the widest code the generated code reads and writes: send such codes as strings (remove `code_type`)".to_owned(),
                ),
            }
        } else {
            (
                "is not an integer",
                "with `code_type = \"integer\"`, every code is a decimal integer such as `\"403001\"`; for other codes, remove `code_type`".to_owned(),
            )
        };
        let what = if retired { "retired code" } else { "code" };
        cx.push(
            Diagnostic::new(
                Rule::InvalidCode,
                code.span.clone(),
                format!("{what} `{text}` {problem}, as `code_type = \"integer\"` requires"),
            )
            .label("not an integer code")
            .related(code_type.span.clone(), "codes are integers on the wire")
            .help(help),
        );
    }
}

/// `[types.job]`, `[types.Self]`, `[types.String]`, `[types.Result]`: a catalog enum needs an
/// UpperCamelCase name that is not a keyword, not a built-in field type, and not a name of the
/// prelude that the generated enum would hide in the user's module. The hint names a name that
/// passes, is not taken, and says to write it where fields use the enum too.
fn type_names(catalog: &Catalog, error_enum: Option<&str>, cx: &mut Ctxt) {
    for (index, ty) in catalog.types.iter().enumerate() {
        let name = &ty.name.value;
        let Some(problem) = type_name_problem(name) else {
            continue;
        };
        let base = Some(names::upper_camel(name)).filter(|base| names::is_upper_camel(base));
        let candidates = base.iter().flat_map(|base| {
            let kinds = ["Kind", "Type", "Value"].map(|suffix| format!("{base}{suffix}"));
            std::iter::once(base.clone()).chain(kinds)
        });
        let suggestion = first_usable(candidates, |candidate| {
            type_name_problem(candidate).is_none()
                && Some(candidate) != error_enum
                && !catalog.types.iter().any(|t| t.name.value == candidate)
        });
        let used = catalog
            .entries
            .iter()
            .flat_map(|e| &e.fields)
            .any(|f| f.ty == FieldType::Enum(index));
        let (label, why) = match problem {
            TypeNameProblem::NotUpperCamel => ("not an UpperCamelCase identifier", None),
            TypeNameProblem::Keyword => ("a Rust keyword", Some("a Rust keyword")),
            TypeNameProblem::BuiltIn => ("a built-in field type", Some("a built-in field type")),
            TypeNameProblem::Prelude => (
                "a name of Rust's prelude",
                Some("a name of Rust's prelude, which the generated enum would hide"),
            ),
        };
        let help = match (why, suggestion) {
            (None, Some(good)) if used => {
                format!("write `[types.{good}]`, and `\"{good}\"` as the type of its fields")
            }
            (None, Some(good)) => format!("write `[types.{good}]`"),
            (None, None) => "catalog enum names are UpperCamelCase, such as `JobKind`".to_owned(),
            (Some(why), Some(good)) if used => format!(
                "`{name}` is {why}: choose another name, such as `{good}`, here and as the type of its fields"
            ),
            (Some(why), Some(good)) => {
                format!("`{name}` is {why}: choose another name, such as `{good}`")
            }
            (Some(why), None) => format!("`{name}` is {why}: choose another name"),
        };
        cx.push(
            Diagnostic::new(
                Rule::InvalidTypeName,
                ty.name.span.clone(),
                format!("`{name}` cannot be the name of a catalog enum"),
            )
            .label(label)
            .help(help),
        );
    }
}

/// Why a name cannot be a catalog enum's, in the order a fix has to address them.
enum TypeNameProblem {
    /// `job`, `bool`, `u32`, `2fa`.
    NotUpperCamel,
    /// `Self`.
    Keyword,
    /// `String`.
    BuiltIn,
    /// `Result`, `Option`, `Vec`.
    Prelude,
}

/// What is wrong with `name` as a catalog enum's name, if anything.
fn type_name_problem(name: &str) -> Option<TypeNameProblem> {
    Some(if !names::is_upper_camel(name) {
        TypeNameProblem::NotUpperCamel
    } else if names::is_keyword(name) {
        TypeNameProblem::Keyword
    } else if name == "String" || name == "bool" || INTEGER_TYPES.contains(&name) {
        TypeNameProblem::BuiltIn
    } else if names::is_prelude(name) {
        TypeNameProblem::Prelude
    } else {
        return None;
    })
}

/// The first candidate name that `usable` accepts, for a hint that fixes the mistake.
fn first_usable(
    candidates: impl IntoIterator<Item = String>,
    usable: impl Fn(&str) -> bool,
) -> Option<String> {
    candidates.into_iter().find(|candidate| usable(candidate))
}

/// `[types.ApiError]` on `pub enum ApiError {}`: a catalog enum cannot take the name of the
/// error enum it is generated next to. Also run by [`expand`](crate::expand::expand), for an
/// enum other than the one the catalog was checked for.
pub(crate) fn error_enum_name(catalog: &Catalog, error_enum: &str) -> Option<Diagnostic> {
    let clash = catalog.types.iter().find(|t| t.name.value == error_enum)?;
    Some(
        Diagnostic::new(
            Rule::InvalidTypeName,
            clash.name.span.clone(),
            format!(
                "catalog enum `{}` has the same name as the error enum",
                clash.name.value
            ),
        )
        .label("catalog enum")
        .help("rename the catalog enum or the error enum"),
    )
}

/// `values = ["A", "A", ""]`: values must be distinct, non-empty wire text that gives a Rust
/// variant name.
fn enum_values(catalog: &Catalog, cx: &mut Ctxt) {
    for ty in &catalog.types {
        let mut seen: HashMap<&str, &Spanned<String>> = HashMap::new();
        let mut variants: HashMap<&str, &Spanned<String>> = HashMap::new();
        for (value, variant) in ty.values.iter().zip(&ty.variants) {
            if let Some(first) = seen.get(value.value.as_str()) {
                cx.push(
                    Diagnostic::new(
                        Rule::InvalidEnum,
                        value.span.clone(),
                        format!(
                            "value `{}` appears twice in `{}`",
                            value.value, ty.name.value
                        ),
                    )
                    .label("duplicate value")
                    .related(first.span.clone(), "first listed here")
                    .help("remove one of them"),
                );
                continue;
            }
            seen.insert(&value.value, value);
            let bad_char = value
                .value
                .chars()
                .find(|c| c.is_control() || *c == '{' || *c == '}');
            let trimmed = value.value.trim();
            let problem = if trimmed.is_empty() {
                Some((
                    "is empty or blank".to_owned(),
                    "empty value",
                    "remove it, or write the text the API sends".to_owned(),
                ))
            } else if let Some(c) = bad_char {
                Some((
                    format!("contains `{}`", c.escape_debug()),
                    if c.is_control() {
                        "control character"
                    } else {
                        "brace"
                    },
                    "values are wire text: write them without control characters or braces"
                        .to_owned(),
                ))
            } else if trimmed != value.value {
                let leading = value.value.starts_with(char::is_whitespace);
                let trailing = value.value.ends_with(char::is_whitespace);
                Some((
                    match (leading, trailing) {
                        (true, true) => "starts and ends with a space",
                        (true, false) => "starts with a space",
                        _ => "ends with a space",
                    }
                    .to_owned(),
                    "space around the text",
                    format!("remove the spaces: write `\"{trimmed}\"`"),
                ))
            } else {
                None
            };
            if let Some((what, label, help)) = problem {
                cx.push(
                    Diagnostic::new(
                        Rule::InvalidEnum,
                        value.span.clone(),
                        format!(
                            "value `{}` of `{}` {what}",
                            value.value.escape_debug(),
                            ty.name.value
                        ),
                    )
                    .label(label)
                    .help(help),
                );
                continue;
            }
            if !names::is_upper_camel(variant) || names::is_keyword(variant) {
                cx.push(
                    Diagnostic::new(
                        Rule::InvalidEnum,
                        value.span.clone(),
                        format!("value `{}` of `{}` gives no Rust variant name", value.value, ty.name.value),
                    )
                    .label(if names::is_keyword(variant) {
                        format!("becomes `{variant}`, a Rust keyword")
                    } else {
                        format!("becomes `{variant}`, not an ASCII UpperCamelCase identifier")
                    })
                    .help("each value names a variant of the generated enum: use values that start with an ASCII letter, are made of ASCII letters, digits, `-` and `_`, and are not a Rust keyword"),
                );
                continue;
            }
            if let Some(first) = variants.get(variant.as_str()) {
                cx.push(
                    Diagnostic::new(
                        Rule::NameCollision,
                        value.span.clone(),
                        format!(
                            "values `{}` and `{}` of `{}` both become variant `{variant}`",
                            first.value, value.value, ty.name.value
                        ),
                    )
                    .label("same variant name")
                    .related(first.span.clone(), "first value here")
                    .help("use values that differ in more than case and punctuation"),
                );
                continue;
            }
            variants.insert(variant, value);
        }
    }
}

/// `[errors.backup_exists]`, `[errors.Self]`, `[errors.HttpError]` + `[errors.HTTPError]`:
/// error names are distinct UpperCamelCase identifiers. The hint names a name that passes and
/// is not taken.
fn variant_names(catalog: &Catalog, cx: &mut Ctxt) {
    let mut seen: HashMap<String, &Entry> = HashMap::new();
    for entry in &catalog.entries {
        let name = &entry.name.value;
        // `Self` is the one UpperCamelCase keyword; `type` is first of all not UpperCamelCase.
        let keyword = names::is_keyword(name) && names::is_upper_camel(name);
        if !names::is_upper_camel(name) || keyword {
            let base = names::upper_camel(name);
            let candidates = [base.clone(), format!("{base}Error")];
            let suggestion = first_usable(candidates, |candidate| {
                names::is_upper_camel(candidate)
                    && !names::is_keyword(candidate)
                    && !catalog.entries.iter().any(|e| {
                        !std::ptr::eq(e, entry) && e.name.value.eq_ignore_ascii_case(candidate)
                    })
            });
            let help = match (keyword, suggestion) {
                (true, Some(good)) => format!(
                    "`{name}` is a Rust keyword and cannot name a variant: choose another name, such as `{good}`"
                ),
                (true, None) => {
                    format!(
                        "`{name}` is a Rust keyword and cannot name a variant: choose another name"
                    )
                }
                (false, Some(good)) => {
                    format!("error names are UpperCamelCase variant names: write `[errors.{good}]`")
                }
                (false, None) => {
                    "error names are UpperCamelCase variant names, such as `StorageNotFound`"
                        .to_owned()
                }
            };
            cx.push(
                Diagnostic::new(
                    Rule::InvalidVariantName,
                    entry.name.span.clone(),
                    format!("`{name}` is not a valid variant name"),
                )
                .label(if keyword {
                    "a Rust keyword"
                } else {
                    "not an UpperCamelCase identifier"
                })
                .help(help),
            );
            continue;
        }
        let normal = name.to_lowercase();
        if let Some(first) = seen.get(&normal) {
            cx.push(
                Diagnostic::new(
                    Rule::NameCollision,
                    entry.name.span.clone(),
                    format!("`{name}` and `{}` differ only in case", first.name.value),
                )
                .label(format!("differs from `{}` only in case", first.name.value))
                .related(first.name.span.clone(), format!("`{}` declared here", first.name.value))
                .help("rename one of them: error names must differ in more than case, because generated docs and tools compare them without case"),
            );
            continue;
        }
        seen.insert(normal, entry);
    }
}

/// `message = "{self} left"`: `self`, `super` and `crate` cannot name a field, not even as raw
/// identifiers.
fn field_names(entry: &Entry, cx: &mut Ctxt) {
    for field in &entry.fields {
        let name = &field.name;
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
    }
}

/// `code = ""`, `code = "1 27"`: an entry's code is non-empty and uses only letters, digits and
/// [`CODE_PUNCTUATION`].
fn code_text(entry: &Entry, cx: &mut Ctxt) {
    code_rule(
        &entry.code,
        "code",
        || format!("`{}` has an empty code", entry.name.value),
        "give the code the API sends, such as `code = \"127\"`",
        cx,
    );
}

/// `[retired] "" = "..."`, `"1 05" = "..."`: a retired code follows the rule of every code.
/// (A code retired twice, even once as `101` and once as `"101"`, is a duplicate TOML key.)
fn retired_code_text(catalog: &Catalog, cx: &mut Ctxt) {
    for retired in &catalog.retired {
        code_rule(
            &retired.code,
            "retired code",
            || "a retired code is empty".to_owned(),
            "write the code that was retired as the key, such as `\"101\" = \"why it was retired\"`",
            cx,
        );
    }
}

/// The rule of [`code_text`] and [`retired_code_text`]: `what` names the code in messages,
/// `empty` and `empty_help` say what an empty one is and how to fix it.
fn code_rule(
    code: &Spanned<String>,
    what: &str,
    empty: impl FnOnce() -> String,
    empty_help: &str,
    cx: &mut Ctxt,
) {
    if code.value.is_empty() {
        cx.push(
            Diagnostic::new(Rule::InvalidCode, code.span.clone(), empty())
                .label("empty code")
                .help(empty_help),
        );
        return;
    }
    if let Some(bad) = code
        .value
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && !CODE_PUNCTUATION.contains(c))
    {
        cx.push(
            Diagnostic::new(
                Rule::InvalidCode,
                code.span.clone(),
                format!("{what} `{}` contains `{}`", code.value, bad.escape_debug()),
            )
            .label("character not allowed in a code")
            .help("codes use ASCII letters, digits and `_ - . : /` only"),
        );
    }
}

/// `message = ""`, `messages.de = ""`: the message, and each translation of it.
fn empty_message(
    entry: &Entry,
    message: &Spanned<String>,
    translation: Option<&Translation>,
    cx: &mut Ctxt,
) {
    if message.value.is_empty() {
        let (what, help) = match translation {
            None => (
                "an empty message".to_owned(),
                "write the message exactly as the API sends it".to_owned(),
            ),
            Some(translation) => (
                format!("an empty `{}` message", translation.locale.value),
                format!(
                    "write the message exactly as the API sends it in `{}`, or remove the translation: the message in the default locale stands in for it",
                    translation.locale.value
                ),
            ),
        };
        cx.push(
            Diagnostic::new(
                Rule::EmptyMessage,
                message.span.clone(),
                format!("`{}` has {what}", entry.name.value),
            )
            .label("empty message")
            .help(help),
        );
    }
}

/// `status = 200` on an error; `status = 418` with no `[status.418]`.
fn status(catalog: &Catalog, entry: &Entry, cx: &mut Ctxt) {
    let status = &entry.status;
    if status.value < 400 {
        cx.push(
            Diagnostic::new(
                Rule::StatusNotAnError,
                status.span.clone(),
                format!(
                    "`{}` has status {}, which is not an error status",
                    entry.name.value, status.value
                ),
            )
            .label("below 400")
            .help("errors use a client (4xx) or server (5xx) error status"),
        );
    } else if catalog.reason(status.value).is_none() {
        let reason = names::canonical_reason(status.value).unwrap_or("...");
        cx.push(
            Diagnostic::new(
                Rule::StatusNotInTable,
                status.span.clone(),
                format!(
                    "status {} of `{}` is not in the status table",
                    status.value, entry.name.value
                ),
            )
            .label("no `[status.".to_owned() + &status.value.to_string() + "]`")
            .help(format!(
                "add it to the table:\n[status.{}]\nreason = \"{reason}\"",
                status.value
            )),
        );
    }
}

/// `code = "101"` where `[retired]` lists `"101"`.
fn retired(catalog: &Catalog, entry: &Entry, cx: &mut Ctxt) {
    if let Some(retired) = catalog
        .retired
        .iter()
        .find(|r| r.code.value == entry.code.value)
    {
        let mut diagnostic = Diagnostic::new(
            Rule::RetiredCode,
            entry.code.span.clone(),
            format!(
                "code `{}` of `{}` is retired",
                entry.code.value, entry.name.value
            ),
        )
        .label("retired code")
        .related(retired.code.span.clone(), "retired here")
        .help("clients may still act on the old meaning: give this error a new code");
        if !retired.note.is_empty() {
            diagnostic = diagnostic.note(format!("retired because: {}", retired.note));
        }
        cx.push(diagnostic);
    }
}

/// `"{id}{name}"`: two placeholders side by side, where the first could swallow the second; in
/// the message and in each translation.
fn adjacent_placeholders(entry: &Entry, template: &Template<'_>, cx: &mut Ctxt) -> bool {
    let mut ok = true;
    // Segments are compiled from the parts, one for one.
    for (parts, segments) in template.parts.windows(2).zip(template.segments.windows(2)) {
        let (
            [
                Part::Placeholder {
                    field: a,
                    span: a_span,
                },
                Part::Placeholder {
                    field: b,
                    span: b_span,
                },
            ],
            [Segment::Field(first), Segment::Field(second)],
        ) = (parts, segments)
        else {
            continue;
        };
        if first.separable_from(second) {
            continue;
        }
        ok = false;
        let name = |index: &usize| {
            entry
                .fields
                .get(*index)
                .map_or("", |f| f.name.value.as_str())
        };
        let (a, b) = (name(a), name(b));
        cx.push(
            Diagnostic::new(
                Rule::AdjacentPlaceholders,
                a_span.start..b_span.end,
                format!("placeholders `{{{a}}}` and `{{{b}}}` have no text between them"),
            )
            .label("a client cannot tell where one ends and the other starts")
            .help("put literal text between them, or give the first a type (an integer, `bool` or a catalog enum) that cannot contain the second one's first character"),
        );
    }
    ok
}

/// `fields.id = "acme::Id"`: a field of an external type needs an example, unless it is one of
/// the well-known types whose example is derived.
fn external_examples(entry: &Entry, cx: &mut Ctxt) -> bool {
    let mut ok = true;
    for field in &entry.fields {
        let FieldType::External(path) = &field.ty else {
            continue;
        };
        if field.example_given || known_external_example(path).is_some() {
            continue;
        }
        ok = false;
        let (name, ty) = (&field.name.value, &field.ty_text.value);
        cx.push(
            Diagnostic::new(
                Rule::InvalidExample,
                field.ty_text.span.clone(),
                format!("field `{name}` of external type `{ty}` has no example"),
            )
            .label("no example can be derived for this type")
            .help(format!(
                "give one as the type would display it: `fields.{name} = {{ type = \"{ty}\", example = \"...\" }}`"
            )),
        );
    }
    ok
}

/// `fields.count = { type = "u8", example = "300" }`: an example must parse as its type and
/// be written the way the type displays it. `false` also for a field of an enum without
/// values, whose examples cannot be checked.
fn examples(catalog: &Catalog, entry: &Entry, cx: &mut Ctxt) -> bool {
    let mut ok = true;
    for field in &entry.fields {
        let example = &field.example.value;
        let problem = match &field.ty {
            FieldType::String | FieldType::External(_) => None,
            FieldType::Bool => {
                (example != "true" && example != "false").then(|| "`true` or `false`".to_owned())
            }
            FieldType::Integer(int) => (!int.accepts(example)).then(|| {
                format!(
                    "a `{}` written in decimal, without leading zeros or `+`",
                    int.name()
                )
            }),
            FieldType::Enum(index) => {
                let Some(ty) = catalog.types.get(*index).filter(|ty| !ty.values.is_empty()) else {
                    // An enum without values is reported as such; no example could be one of
                    // its values, nor split back from a message.
                    ok = false;
                    continue;
                };
                (!ty.values.iter().any(|v| v.value == *example)).then(|| {
                    format!(
                        "one of the values of `{}`: {}",
                        ty.name.value,
                        ty.values
                            .iter()
                            .map(|v| format!("`{}`", v.value))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
            }
        };
        if let Some(expected) = problem {
            ok = false;
            cx.push(
                Diagnostic::new(
                    Rule::InvalidExample,
                    field.example.span.clone(),
                    format!(
                        "example `{example}` of field `{}` is not a valid `{}`",
                        field.name.value, field.ty_text.value
                    ),
                )
                .label("invalid example")
                .help(format!("the example must be {expected}")),
            );
        }
    }
    ok
}

/// `message = "{a} = {b}"` with `a`'s example `"x = y"`: the example message must split back
/// into the examples, or a client would read it differently; in every locale.
fn example_round_trip(entry: &Entry, template: &Template<'_>, cx: &mut Ctxt) {
    let placeholders: Vec<&Field> = crate::model::placeholders(template.parts)
        .filter_map(|index| entry.fields.get(index))
        .collect();
    let message = entry.example_message_of(template.parts);
    let expected: Vec<&str> = placeholders
        .iter()
        .map(|field| field.example.value.as_str())
        .collect();
    // Read as a client reads it: a field used several times with the same text each time.
    let keys: Vec<usize> = crate::model::placeholders(template.parts).collect();
    let mut captures = vec![""; expected.len()];
    let got =
        split_repeated(&template.segments, &keys, &message, &mut captures).then_some(captures);
    if got.as_deref() == Some(&expected[..]) {
        return;
    }
    let Some(field) = placeholders
        .iter()
        .zip(got.iter().flatten())
        .find(|(field, text)| field.example.value != **text)
        .map(|(field, _)| *field)
        .or(entry.fields.first())
    else {
        return;
    };
    let reading = match &got {
        Some(parts) => placeholders
            .iter()
            .zip(parts)
            .map(|(field, text)| format!("{} = `{text}`", field.name.value))
            .collect::<Vec<_>>()
            .join(", "),
        None => "no match".to_owned(),
    };
    let mut diagnostic = Diagnostic::new(
        Rule::InvalidExample,
        field.example.span.clone(),
        format!(
            "the example {} of `{}` does not split back into its examples",
            template.what(),
            entry.name.value
        ),
    )
    .label("this example contains text that follows its placeholder");
    if let Some(translation) = template.translation {
        diagnostic = diagnostic.related(translation.message.span.clone(), "in this translation");
    }
    cx.push(
        diagnostic
            .note(format!("the example message is `{message}`"))
            .note(format!("a client reads it as {reading}"))
            .help("choose an example without the message's literal text in it"),
    );
}

/// `message = "Error: {detail}"` with `messages.de = "{detail}"` and `detail`'s example
/// `"Error: disk"`: a client reads a message in any locale, trying the entry's message first,
/// then its translations in catalog order, so the example message of each translation must
/// not be read by an earlier one with other values (here the English message reads the German
/// example as `detail = "disk"`). `earlier` are the templates the client tries before
/// `template`.
fn read_in_its_locale(
    entry: &Entry,
    earlier: &[Template<'_>],
    template: &Template<'_>,
    cx: &mut Ctxt,
) {
    let message = entry.example_message_of(template.parts);
    for other in earlier {
        let keys: Vec<usize> = crate::model::placeholders(other.parts).collect();
        let mut captures = vec![""; keys.len()];
        if !split_repeated(&other.segments, &keys, &message, &mut captures) {
            continue;
        }
        let Some((field, text)) = keys
            .iter()
            .zip(&captures)
            .filter_map(|(&key, text)| entry.fields.get(key).map(|field| (field, *text)))
            .find(|(field, text)| field.example.value != *text)
        else {
            continue;
        };
        cx.push(
            Diagnostic::new(
                Rule::InvalidExample,
                field.example.span.clone(),
                format!(
                    "the example {} of `{}` reads as its {}, with other values",
                    template.what(),
                    entry.name.value,
                    other.what()
                ),
            )
            .label("this example contains text of another locale's message")
            .related(other.message.span.clone(), "a client tries this message first")
            .note(format!("the example message is `{message}`"))
            .note(format!(
                "a client reads it with the {} as {} = `{text}`",
                other.what(),
                field.name.value
            ))
            .help("a client reads a message in any locale, the default first: choose an example without the other message's literal text in it, or make the literal text of the two messages differ"),
        );
        return;
    }
}

/// `code = "110"` twice: a shared code needs `shared_code = true` on every entry using it, and
/// entries that share a code and a status need templates that no message can match both,
/// unless both say `overlapping = true`.
fn duplicate_codes(catalog: &Catalog, templates: &[Vec<Template<'_>>], cx: &mut Ctxt) {
    let mut first_by_code: HashMap<&str, &Entry> = HashMap::new();
    for (index, entry) in catalog.entries.iter().enumerate() {
        let Some(first) = first_by_code.get(entry.code.value.as_str()).copied() else {
            first_by_code.insert(&entry.code.value, entry);
            continue;
        };
        let shared = |e: &Entry| e.shared_code.as_ref().is_some_and(|s| s.value);
        if !shared(first) || !shared(entry) {
            let missing: Vec<&str> = [first, entry]
                .iter()
                .filter(|e| !shared(e))
                .map(|e| e.name.value.as_str())
                .collect();
            cx.push(
                Diagnostic::new(
                    Rule::DuplicateCode,
                    entry.code.span.clone(),
                    format!(
                        "code `{}` is used by both `{}` and `{}`",
                        entry.code.value, first.name.value, entry.name.value
                    ),
                )
                .label(format!("used again by `{}`", entry.name.value))
                .related(first.code.span.clone(), format!("first used by `{}`", first.name.value))
                .help(format!(
                    "give `{}` its own code, or, if the API really sends one code for both, add `shared_code = true` to {}",
                    entry.name.value,
                    missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(" and ")
                )),
            );
            continue;
        }
        let Some(here) = templates.get(index) else {
            continue;
        };
        for (earlier, earlier_templates) in catalog.entries.iter().zip(templates).take(index) {
            if earlier.code.value != entry.code.value || earlier.status.value != entry.status.value
            {
                continue;
            }
            if earlier.is_overlapping() && entry.is_overlapping() {
                continue;
            }
            // A client reads a message in any locale: every message of one entry against
            // every message of the other.
            for this in here.iter().filter(|t| matches_some_message(&t.segments)) {
                for that in earlier_templates
                    .iter()
                    .filter(|t| matches_some_message(&t.segments))
                {
                    let Some(witness) =
                        error_catalog_template::overlap(&that.segments, &this.segments)
                    else {
                        continue;
                    };
                    let missing: Vec<String> = [earlier, entry]
                        .iter()
                        .filter(|e| !e.is_overlapping())
                        .map(|e| format!("`{}`", e.name.value))
                        .collect();
                    let messages = if this.translation.is_none() && that.translation.is_none() {
                        "their messages".to_owned()
                    } else {
                        format!(
                            "the {} of `{}` and the {} of `{}`",
                            that.what(),
                            earlier.name.value,
                            this.what(),
                            entry.name.value
                        )
                    };
                    cx.push(
                        Diagnostic::new(
                            Rule::AmbiguousTemplates,
                            this.message.span.clone(),
                            format!(
                                "`{}` and `{}` share code `{}` and status {}, and {messages} can be the same",
                                earlier.name.value, entry.name.value, entry.code.value, entry.status.value
                            ),
                        )
                        .label("this template")
                        .related(that.message.span.clone(), "can match the same message as this one")
                        .note(format!("both match the message `{witness}`"))
                        .help(format!(
                            "a client could not tell them apart: make the literal text of the messages differ, give them different codes, or, if the overlap is intended, add `overlapping = true` to {}; a client then reads a message that fits both as the most specific entry, the one whose template has the most literal characters, ties in catalog order",
                            missing.join(" and ")
                        )),
                    );
                }
            }
        }
    }
}

/// Whether a compiled template matches any message at all: not when a placeholder's enum has
/// no values (reported as `invalid-enum`), so that such a template is reported once, and not
/// again as overlapping nothing.
fn matches_some_message(segments: &[Segment<'_>]) -> bool {
    !segments
        .iter()
        .any(|s| matches!(s, Segment::Field(Class::OneOf(values)) if values.is_empty()))
}

// Rules on a value as it is read: decoding calls them, because the model cannot hold what
// they reject.

/// `[status.0404]`, `[status.99]`, `[status.abc]`: a status table key is an HTTP status, a
/// number from 100 to 599 written without leading zeros (`0404` would be a second row for 404).
pub(crate) fn status_key(key: &str, span: Range<usize>, cx: &mut Ctxt) -> Option<u16> {
    match key.parse::<u16>() {
        Ok(code) if (100..=599).contains(&code) && code.to_string() == key => Some(code),
        _ => {
            cx.push(
                Diagnostic::new(
                    Rule::StatusOutOfRange,
                    span,
                    format!("`{key}` is not an HTTP status code"),
                )
                .label("expected a number from 100 to 599")
                .help("HTTP status codes are three-digit numbers from 100 to 599, written without leading zeros, such as `[status.404]`"),
            );
            None
        }
    }
}

/// `status = 700`, `status = 0x194`: an entry's status is a decimal number from 100 to 599.
/// `number` is the TOML integer's value when it is written in decimal, `written` its text.
pub(crate) fn status_value(
    number: Option<i64>,
    written: &str,
    span: Range<usize>,
    cx: &mut Ctxt,
) -> Option<u16> {
    if let Some(number) = number
        && let Ok(code) = u16::try_from(number)
        && (100..=599).contains(&code)
    {
        return Some(code);
    }
    cx.push(
        Diagnostic::new(
            Rule::StatusOutOfRange,
            span,
            format!("status `{written}` is not an HTTP status code"),
        )
        .label("not a number from 100 to 599")
        .help("errors use a client (4xx) or server (5xx) status: write the one the API sends with this error, such as `status = 404`"),
    );
    None
}

/// `"{id"`, `"id}"`, `"{}"`, `"{orgId}"`: a message template parses. Every mistake is reported,
/// at its place in the file (`in_file` maps a range of the message's text there); `None` when
/// there is any.
pub(crate) fn template(
    message: &Spanned<String>,
    in_file: impl Fn(Range<usize>) -> Range<usize>,
    cx: &mut Ctxt,
) -> Option<Vec<Piece>> {
    let errors = match error_catalog_template::parse(&message.value) {
        Ok(pieces) => return Some(pieces),
        Err(errors) => errors,
    };
    for error in errors {
        let span = in_file(error.span.clone());
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

/// `fields.orgId = "u32"`: a declared field name is a snake_case identifier.
pub(crate) fn declared_field_name(name: &Spanned<String>, cx: &mut Ctxt) -> bool {
    if error_catalog_template::is_field_name(&name.value) {
        return true;
    }
    let help = match names::snake_case(&name.value) {
        Some(good) => {
            format!("field names are snake_case: write `{good}`, and `{{{good}}}` in the message")
        }
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
    false
}

/// `fields.id = "u32"` in an entry whose message has no `{id}`: every declared field is used.
pub(crate) fn unused_field(
    entry: &Spanned<String>,
    message: &Spanned<String>,
    field: &Spanned<String>,
    cx: &mut Ctxt,
) {
    cx.push(
        Diagnostic::new(
            Rule::UnusedField,
            field.span.clone(),
            format!(
                "field `{}` of `{}` is not used in its message",
                field.value, entry.value
            ),
        )
        .label("declared here")
        .related(
            message.span.clone(),
            "no `{".to_owned() + &field.value + "}` in this message",
        )
        .help(format!(
            "add `{{{}}}` to the message, or remove the field",
            field.value
        )),
    );
}

/// `values = []`: a catalog enum has at least one value.
pub(crate) fn enum_not_empty(name: &Spanned<String>, values: Range<usize>, cx: &mut Ctxt) {
    cx.push(
        Diagnostic::new(
            Rule::InvalidEnum,
            values,
            format!("catalog enum `{}` has no values", name.value),
        )
        .label("empty list")
        .help("list the wire spellings: `values = [\"EXPORT\", \"IMPORT\"]`"),
    );
}

/// `fields.id = "string"`, `fields.ratio = "f64"`: a field type is built in (`String`, `bool`,
/// an integer), a catalog enum, or an external type by its path. Resolves it (see
/// [`types::resolve`]), or reports it.
pub(crate) fn field_type(
    ty: &Spanned<String>,
    enums: &[EnumType],
    cx: &mut Ctxt,
) -> Option<(FieldType, syn::Type)> {
    let text = ty.value.trim();
    if let Some(resolved) = types::resolve(text, enums) {
        return Some(resolved);
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
        .chain(enums.iter().map(|t| t.name.value.as_str()));
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
    fn docs_urls() {
        let with = |url: &str| {
            rules(&format!(
                "[catalog]\ntitle = \"T\"\ndocs_url = {url:?}\n\n[status.404]\n\n\
                 [errors.A]\ncode = \"1\"\nstatus = 404\nmessage = \"m\"\n"
            ))
        };
        for good in [
            "https://api.example.com/errors",
            "http://localhost:8080/docs/errors.html",
            "https://x.dev/errors?lang=en",
        ] {
            assert_eq!(with(good), [], "{good}");
        }
        for bad in [
            "errors.html",
            "/errors",
            "ftp://x.dev/errors",
            "https://",
            "https:///errors",
            "https://x.dev/errors#top",
            "https://x.dev/my errors",
            "",
        ] {
            assert_eq!(with(bad), [Rule::InvalidDocsUrl], "{bad}");
        }
    }

    #[test]
    fn a_broken_template_does_not_make_its_fields_unused() {
        let text = format!(
            "{HEADER}[errors.A]\ncode = \"1\"\nstatus = 404\nmessage = \"x {{id}} y {{name\"\n\
             fields.id = {{ type = \"u32\", example = \"3\" }}\n"
        );
        assert_eq!(rules(&text), [Rule::UnbalancedBrace]);
    }

    #[test]
    fn an_example_used_twice_splits_back_with_the_same_text_in_both_places() {
        let with = |example: &str| {
            rules(&format!(
                "{HEADER}[errors.A]\ncode = \"1\"\nstatus = 404\n\
                 message = \"{{word}} said {{word}}\"\n\
                 fields.word = {{ type = \"String\", example = {example:?} }}\n"
            ))
        };
        assert_eq!(with("hello"), []);
        // Read as a client reads it: `" said"` twice, not `""` and `"said  said"`.
        assert_eq!(with(" said"), []);
        assert_eq!(with("said said"), []);
        // Distinct fields are still read each on its own.
        let two = format!(
            "{HEADER}[errors.A]\ncode = \"1\"\nstatus = 404\nmessage = \"{{a}} said {{b}}\"\n\
             fields.a = {{ type = \"String\", example = \" said\" }}\n\
             fields.b = {{ type = \"String\", example = \" said\" }}\n"
        );
        assert_eq!(rules(&two), [Rule::InvalidExample]);
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

    /// An entry whose field is typed with the catalog enum `Job`, after `types` (the body of
    /// `[types.Job]`, or a whole `[types]` section when it starts with `[`).
    fn with_job_field(types: &str) -> String {
        format!(
            "{HEADER}{types}\n\n[errors.A]\ncode = \"1\"\nstatus = 404\nmessage = \"job {{job}}\"\n\
             fields.job = \"Job\"\n"
        )
    }

    #[test]
    fn an_enum_without_values_still_types_its_fields() {
        let cases: &[(&str, Rule)] = &[
            ("[types.Job]\nvalues = []", Rule::InvalidEnum),
            ("[types.Job]\ndoc = \"d\"", Rule::MissingKey),
            ("[types.Job]\nvalues = \"EXPORT\"", Rule::WrongType),
            ("[types.Job]\nvalues = [1]", Rule::WrongType),
            // Misspelt: the unknown key suggests `values`; no missing-key besides.
            ("[types.Job]\nvalue = [\"EXPORT\"]", Rule::UnknownKey),
            ("[types]\nJob = \"EXPORT\"", Rule::WrongType),
        ];
        for (types, rule) in cases {
            assert_eq!(rules(&with_job_field(types)), [*rule], "{types}");
        }
    }

    #[test]
    fn an_enum_without_values_makes_no_template_ambiguous() {
        // `A` and `B` share a code and a status; `{job}` can match no text at all.
        let text = format!(
            "{HEADER}[types.Job]\nvalues = []\n\n\
             [errors.A]\ncode = \"1\"\nstatus = 404\nshared_code = true\nmessage = \"x {{job}}\"\n\
             fields.job = \"Job\"\n\n\
             [errors.B]\ncode = \"1\"\nstatus = 404\nshared_code = true\nmessage = \"x {{name}}\"\n"
        );
        assert_eq!(rules(&text), [Rule::InvalidEnum]);
    }

    /// Two entries of code `1` and status 404 whose templates overlap, with `a` and `b` added
    /// to their tables.
    fn overlapping_pair(a: &str, b: &str) -> String {
        format!(
            "{HEADER}[errors.A]\ncode = \"1\"\nstatus = 404\nshared_code = true\nmessage = \"{{message}}\"\n{a}\n\n\
             [errors.B]\ncode = \"1\"\nstatus = 404\nshared_code = true\nmessage = \"quota {{name}} exceeded\"\n{b}\n"
        )
    }

    /// A catalog in `en` and `de` whose entry `A` (status 404) has the message `message` and
    /// the lines `extra` besides.
    fn localized(message: &str, extra: &str) -> String {
        format!(
            "[catalog]\ntitle = \"T\"\ndefault_locale = \"en\"\nlocales = [\"en\", \"de\"]\n\n\
             [status.404]\n\n[errors.A]\ncode = \"1\"\nstatus = 404\nmessage = {message:?}\n{extra}\n"
        )
    }

    #[test]
    fn translations_follow_the_rules_of_every_message() {
        let with = |message: &str, de: &str, extra: &str| {
            rules(&localized(
                message,
                &format!("messages.de = {de:?}\n{extra}"),
            ))
        };
        assert_eq!(with("{a} and {b}", "{b} und {a}", ""), []);
        // A placeholder repeated in `message` may be repeated in a translation.
        assert_eq!(with("{w} said {w}", "{w} sagte {w}", ""), []);
        assert_eq!(with("{w} said {w}", "{w} sagte", ""), []);
        assert_eq!(
            with("{w} said", "{w} sagte {w}", ""),
            [Rule::TranslationPlaceholders]
        );
        assert_eq!(with("x {a}", "y", ""), [Rule::TranslationPlaceholders]);
        assert_eq!(with("x", "y {a}", ""), [Rule::TranslationPlaceholders]);
        assert_eq!(with("x {a}", "y {a", ""), [Rule::UnbalancedBrace]);
        assert_eq!(
            with("x {a}", "", ""),
            [Rule::TranslationPlaceholders, Rule::EmptyMessage]
        );
        assert_eq!(
            with("{n} x {a}", "{n}{a}", "fields.n = \"u32\""),
            [Rule::AdjacentPlaceholders]
        );
        // The German example message must split back too.
        assert_eq!(
            with(
                "{a} x {b}",
                "{a} und {b}",
                "fields.a = { type = \"String\", example = \"p und q\" }"
            ),
            [Rule::InvalidExample]
        );
    }

    #[test]
    fn locales_are_declared_well_formed_tags() {
        let head = "[catalog]\ntitle = \"T\"\n";
        let tail = "\n[status.404]\n\n[errors.A]\ncode = \"1\"\nstatus = 404\nmessage = \"m\"\n";
        let with = |header: &str, entry: &str| rules(&format!("{head}{header}{tail}{entry}"));
        assert_eq!(with("default_locale = \"en\"\n", ""), []);
        assert_eq!(
            with("locales = [\"en\", \"de\"]\n", "messages.de = \"n\"\n"),
            [Rule::MissingKey]
        );
        assert_eq!(with("", "messages.de = \"n\"\n"), [Rule::UndeclaredLocale]);
        assert_eq!(
            with("default_locale = \"en\"\n", "messages.de = \"n\"\n"),
            [Rule::UndeclaredLocale]
        );
        assert_eq!(
            with("default_locale = \"en\"\nlocales = [\"de\"]\n", ""),
            [Rule::UndeclaredLocale]
        );
        assert_eq!(
            with(
                "default_locale = \"en\"\nlocales = [\"en\", \"zh-Hant-TW\", \"es-419\", \"sr-Latn\"]\n",
                "messages.zh-Hant-TW = \"n\"\nmessages.es-419 = \"o\"\n"
            ),
            []
        );
        for bad in ["de_CH", "de-ch", "EN", "", "x", "de--CH", "toolonglanguage"] {
            assert_eq!(
                with(
                    &format!("default_locale = {bad:?}\nlocales = [{bad:?}]\n"),
                    ""
                ),
                [Rule::InvalidLocale, Rule::InvalidLocale],
                "{bad}"
            );
        }
        assert_eq!(
            with("default_locale = \"en\"\nlocales = \"en\"\n", ""),
            [Rule::WrongType]
        );
        assert_eq!(
            with(
                "default_locale = \"en\"\nlocales = [\"en\", \"de\"]\n",
                "messages.de = 3\n"
            ),
            [Rule::WrongType]
        );
    }

    #[test]
    fn each_example_message_reads_back_in_its_own_locale() {
        let with = |message: &str, de: &str, example: &str| {
            rules(&localized(
                message,
                &format!(
                    "messages.de = {de:?}\nfields.d = {{ type = \"String\", example = {example:?} }}"
                ),
            ))
        };
        // The English message, tried first, reads `Error: disk` as `d = "disk"`.
        assert_eq!(
            with("Error: {d}", "{d}", "Error: disk"),
            [Rule::InvalidExample]
        );
        assert_eq!(with("Error: {d}", "{d}", "disk"), []);
        assert_eq!(with("Error: {d}", "Fehler: {d}", "Error: disk"), []);
        assert_eq!(with("Error {d}", "Error {d}", "x"), []);
    }

    #[test]
    fn overlapping_templates_are_allowed_only_when_both_entries_say_so() {
        let yes = "overlapping = true";
        let no = "overlapping = false";
        assert_eq!(rules(&overlapping_pair(yes, yes)), []);
        for (a, b) in [(yes, ""), ("", yes), (yes, no), ("", "")] {
            assert_eq!(
                rules(&overlapping_pair(a, b)),
                [Rule::AmbiguousTemplates],
                "{a:?} {b:?}"
            );
        }
        assert_eq!(
            rules(&overlapping_pair(yes, "overlapping = \"yes\"")),
            [Rule::AmbiguousTemplates, Rule::WrongType]
        );
    }

    /// The label and the hint of the one diagnostic `text` gives, checked for `error_enum`.
    fn hint(text: &str, error_enum: Option<&str>) -> (String, String) {
        let source = Source::new("t.toml", "/t.toml", text);
        let diagnostics = match error_enum {
            Some(name) => crate::load_enum(&source, name),
            None => crate::load(&source),
        }
        .unwrap_err();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let d = &diagnostics[0];
        (d.label.clone().unwrap(), d.help.clone().unwrap())
    }

    #[test]
    fn type_name_hints_give_a_name_that_passes() {
        let enums = |types: &str| format!("{HEADER}{types}");
        let cases = [
            (
                "[types.job]\nvalues = [\"A\"]",
                None,
                "not an UpperCamelCase identifier",
                "write `[types.Job]`",
            ),
            // `String` and `Result` would be rejected again.
            (
                "[types.string]\nvalues = [\"A\"]",
                None,
                "not an UpperCamelCase identifier",
                "write `[types.StringKind]`",
            ),
            (
                "[types.result]\nvalues = [\"A\"]",
                None,
                "not an UpperCamelCase identifier",
                "write `[types.ResultKind]`",
            ),
            (
                "[types.u8]\nvalues = [\"A\"]",
                None,
                "not an UpperCamelCase identifier",
                "write `[types.U8]`",
            ),
            (
                "[types.2fa]\nvalues = [\"A\"]",
                None,
                "not an UpperCamelCase identifier",
                "catalog enum names are UpperCamelCase, such as `JobKind`",
            ),
            (
                "[types.Self]\nvalues = [\"A\"]",
                None,
                "a Rust keyword",
                "`Self` is a Rust keyword: choose another name, such as `SelfKind`",
            ),
            (
                "[types.String]\nvalues = [\"A\"]",
                None,
                "a built-in field type",
                "`String` is a built-in field type: choose another name, such as `StringKind`",
            ),
            (
                "[types.Result]\nvalues = [\"A\"]",
                None,
                "a name of Rust's prelude",
                "`Result` is a name of Rust's prelude, which the generated enum would hide: choose another name, such as `ResultKind`",
            ),
            // Names taken by another catalog enum or by the error enum are not suggested.
            (
                "[types.Result]\nvalues = [\"A\"]\n[types.ResultKind]\nvalues = [\"B\"]",
                None,
                "a name of Rust's prelude",
                "`Result` is a name of Rust's prelude, which the generated enum would hide: choose another name, such as `ResultType`",
            ),
            (
                "[types.Result]\nvalues = [\"A\"]",
                Some("ResultKind"),
                "a name of Rust's prelude",
                "`Result` is a name of Rust's prelude, which the generated enum would hide: choose another name, such as `ResultType`",
            ),
        ];
        for (types, error_enum, label, help) in cases {
            assert_eq!(
                hint(&enums(types), error_enum),
                (label.to_owned(), help.to_owned()),
                "{types}"
            );
        }
    }

    /// A catalog with `wire` in `[catalog]` and one entry of code `code`, then `rest`.
    fn with_wire(wire: &str, code: &str, rest: &str) -> String {
        format!(
            "[catalog]\ntitle = \"T\"\nwire = {wire}\n\n[status.404]\nreason = \"Not Found\"\n\n\
             [errors.A]\ncode = {code:?}\nstatus = 404\nmessage = \"m\"\n\n{rest}"
        )
    }

    /// The rule, the text under the span and the message of each diagnostic `text` gives.
    fn diagnostics(text: &str) -> Vec<(Rule, String, String)> {
        let source = Source::new("t.toml", "/t.toml", text);
        match crate::load(&source) {
            Ok(_) => Vec::new(),
            Err(diagnostics) => diagnostics
                .into_iter()
                .map(|d| {
                    let span = d.span.clone().unwrap_or(0..0);
                    (d.rule, text[span].to_owned(), d.message.clone())
                })
                .collect(),
        }
    }

    #[test]
    fn wire_shapes_of_real_apis_pass() {
        let good = [
            // Kubernetes `Status`.
            r#"{ code = "/reason", message = "/message", status = "/code", constants = { "/kind" = "Status", "/apiVersion" = "v1", "/status" = "Failure" } }"#,
            // OData, as Azure Table storage sends it.
            r#"{ code = "/odata.error/code", message = "/odata.error/message/value", constants = { "/odata.error/message/lang" = "en-US" } }"#,
            // A bare key is one top-level key, dots and all.
            r#"{ code = "odata.error", message = "odata.message" }"#,
            r#"{ code = "errorCode", message = "errorMessage" }"#,
            // `~1` is `/` and `~0` is `~`; a bare key may hold a `~`.
            r#"{ code = "/a~1b/code", message = "/a~1b/~0message" }"#,
            r#"{ code = "~code", message = "/~0message" }"#,
            // Siblings under one object, and a place that only looks like a prefix.
            r#"{ code = "/error/code", message = "/error/message", constants = { "/error/target" = "x", "/errors" = "y" } }"#,
            r#"{ code = "/error/code", message = "/error/codes" }"#,
            r#"{ code = "/error/code", message = "/error/message", header = "X-MS-Error-Code" }"#,
            r#"{ code = "code", message = "message", header = "x-ms-error-code" }"#,
            r#"{ code = "code", message = "message", code_type = "string" }"#,
        ];
        for wire in good {
            assert_eq!(diagnostics(&with_wire(wire, "E1", "")), [], "{wire}");
        }
        let integer =
            r#"{ code = "/error/code", message = "/error/message", code_type = "integer" }"#;
        for code in [
            "0",
            "403001",
            "-5",
            "9223372036854775807",
            "-9223372036854775808",
        ] {
            let text = with_wire(
                integer,
                code,
                "[retired]\n\"-1\" = \"gone\"\n\"17\" = \"gone\"\n",
            );
            assert_eq!(diagnostics(&text), [], "{code}");
        }
    }

    #[test]
    fn malformed_wire_locations_are_invalid_wire_at_the_location() {
        let cases = [
            (r#"{ code = "", message = "m" }"#, r#""""#),
            (
                r#"{ code = "c", message = "error/message" }"#,
                r#""error/message""#,
            ),
            (
                r#"{ code = "/error/~code", message = "m" }"#,
                r#""/error/~code""#,
            ),
            (
                r#"{ code = "/error/code~", message = "m" }"#,
                r#""/error/code~""#,
            ),
            (
                r#"{ code = "/error//code", message = "m" }"#,
                r#""/error//code""#,
            ),
            (r#"{ code = "/error/", message = "m" }"#, r#""/error/""#),
            (r#"{ code = "/", message = "m" }"#, r#""/""#),
            (
                r#"{ code = "c", message = "m", status = "a/b" }"#,
                r#""a/b""#,
            ),
            // A constant's location is its key.
            (
                r#"{ code = "c", message = "m", constants = { "/kind/" = "x" } }"#,
                r#""/kind/""#,
            ),
            (
                r#"{ code = "c", message = "m", constants = { "" = "x" } }"#,
                r#""""#,
            ),
            (
                r#"{ code = "c", message = "m", code_type = "number" }"#,
                r#""number""#,
            ),
            (
                r#"{ code = "c", message = "m", code_type = "Integer" }"#,
                r#""Integer""#,
            ),
            (
                r#"{ code = "c", message = "m", header = "x error code" }"#,
                r#""x error code""#,
            ),
            (r#"{ code = "c", message = "m", header = "" }"#, r#""""#),
            (
                r#"{ code = "c", message = "m", header = "x-código" }"#,
                r#""x-código""#,
            ),
        ];
        for (wire, at) in cases {
            let found = diagnostics(&with_wire(wire, "1", ""));
            assert_eq!(found.len(), 1, "{wire}: {found:?}");
            assert_eq!(
                (found[0].0, found[0].1.as_str()),
                (Rule::InvalidWire, at),
                "{wire}"
            );
        }
    }

    #[test]
    fn reserved_code_headers_are_invalid_wire_at_the_header() {
        for header in [
            "content-type",
            "Content-Type",
            "CONTENT-LENGTH",
            "retry-after",
            "Retry-After",
            "date",
            "connection",
            "keep-alive",
            "Transfer-Encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "proxy-authenticate",
            "Proxy-Connection",
            "proxy-status",
            "content-encoding",
            "Content-Language",
            "content-range",
            "content-security-policy",
            "set-cookie",
            "Location",
            "www-authenticate",
            "vary",
            "cache-control",
            "etag",
        ] {
            let wire = format!(r#"{{ code = "c", message = "m", header = "{header}" }}"#);
            let found = diagnostics(&with_wire(&wire, "1", ""));
            assert_eq!(found.len(), 1, "{header}: {found:?}");
            assert_eq!(found[0].0, Rule::InvalidWire, "{header}");
            assert_eq!(found[0].1, format!("\"{header}\""), "{header}");
            assert!(
                found[0].2.starts_with(&format!(
                    "the code header `{header}` is a reserved header: "
                )),
                "{}",
                found[0].2
            );
        }
        // Names that only resemble reserved ones are the API's own.
        for header in [
            "x-content-type",
            "content",
            "x-retry-after",
            "tee",
            "x-error-code",
            "error-code",
            "proxy",
            "x-ms-error-code",
        ] {
            let wire = format!(r#"{{ code = "c", message = "m", header = "{header}" }}"#);
            assert_eq!(diagnostics(&with_wire(&wire, "1", "")), [], "{header}");
        }
        let text = with_wire(
            r#"{ code = "c", message = "m", header = "Content-Type" }"#,
            "1",
            "",
        );
        assert_eq!(
            hint(&text, None),
            (
                "reserved header".to_owned(),
                "name a header of the API's own for the code, such as `header = \"x-error-code\"`"
                    .to_owned()
            )
        );
        let found = diagnostics(&text);
        assert_eq!(
            found[0].2,
            "the code header `Content-Type` is a reserved header: the response sets it itself"
        );
    }

    #[test]
    fn a_pointer_of_one_slash_is_not_told_to_lose_it() {
        let text = with_wire(r#"{ code = "/", message = "m" }"#, "1", "");
        assert_eq!(
            hint(&text, None).1,
            "`\"/\"` alone would be the body itself, which holds the members: give the key after the `/`, such as `\"/error\"`"
        );
        let text = with_wire(r#"{ code = "/error/", message = "m" }"#, "1", "");
        assert!(hint(&text, None).1.ends_with("remove the extra `/`"));
    }

    #[test]
    fn the_code_type_suggests_the_near_name() {
        let text = with_wire(
            r#"{ code = "c", message = "m", code_type = "integr" }"#,
            "1",
            "",
        );
        let (label, help) = hint(&text, None);
        assert_eq!(label, "unknown code type");
        assert_eq!(help, "did you mean `code_type = \"integer\"`?");
    }

    #[test]
    fn members_at_one_place_or_one_inside_another_conflict() {
        // (wire, the text under the span, the message)
        let cases = [
            (
                r#"{ code = "error", message = "error" }"#,
                r#""error""#,
                "the code and the message are both at `error`",
            ),
            (
                r#"{ code = "error", message = "/error" }"#,
                r#""/error""#,
                "the code and the message are both at `/error` (written `error` and `/error`)",
            ),
            (
                r#"{ code = "/error", message = "/error/message" }"#,
                r#""/error/message""#,
                "the message at `/error/message` is inside the code at `/error`",
            ),
            (
                r#"{ code = "/error/code", message = "/error" }"#,
                r#""/error""#,
                "the message at `/error` holds the code at `/error/code`",
            ),
            (
                r#"{ code = "/error/code", message = "/message", constants = { "/error" = "x" } }"#,
                r#""/error""#,
                "a constant at `/error` holds the code at `/error/code`",
            ),
            (
                r#"{ code = "/reason", message = "/message", constants = { "/reason" = "NotFound" } }"#,
                r#""/reason""#,
                "a constant is at `/reason`, where the code goes",
            ),
            (
                r#"{ code = "/reason", message = "/message", status = "/message" }"#,
                r#""/message""#,
                "the message and the status are both at `/message`",
            ),
            (
                r#"{ code = "c", message = "m", status = "/c/status" }"#,
                r#""/c/status""#,
                "the status at `/c/status` is inside the code at `c`",
            ),
            (
                r#"{ code = "c", message = "m", constants = { "kind" = "x", "/kind" = "y" } }"#,
                r#""/kind""#,
                "two constants are both at `/kind` (written `kind` and `/kind`)",
            ),
            (
                r#"{ code = "c", message = "m", status = "s", constants = { "/s/x" = "y" } }"#,
                r#""/s/x""#,
                "a constant at `/s/x` is inside the status at `s`",
            ),
            (
                r#"{ code = "/error/code", message = "/error/message", fields = "/error/message" }"#,
                r#""/error/message""#,
                "the message and the fields object are both at `/error/message`",
            ),
            (
                r#"{ code = "c", message = "m", fields = "/m/details" }"#,
                r#""/m/details""#,
                "the fields object at `/m/details` is inside the message at `m`",
            ),
        ];
        for (wire, at, message) in cases {
            let found = diagnostics(&with_wire(wire, "1", ""));
            assert_eq!(
                found,
                [(Rule::WireConflict, at.to_owned(), message.to_owned())],
                "{wire}"
            );
        }
    }

    #[test]
    fn integer_codes_are_canonical_i64() {
        let integer = r#"{ code = "c", message = "m", code_type = "integer" }"#;
        let cases = [
            (
                "E12",
                "with `code_type = \"integer\"`, every code is a decimal integer such as `\"403001\"`; for other codes, remove `code_type`",
            ),
            (
                "1.5",
                "with `code_type = \"integer\"`, every code is a decimal integer such as `\"403001\"`; for other codes, remove `code_type`",
            ),
            (
                "-",
                "with `code_type = \"integer\"`, every code is a decimal integer such as `\"403001\"`; for other codes, remove `code_type`",
            ),
            (
                "007",
                "a JSON number has no leading zeros: write `code = \"7\"`",
            ),
            (
                "-07",
                "a JSON number has no leading zeros: write `code = \"-7\"`",
            ),
            ("-0", "JSON writes zero as `0`: write `code = \"0\"`"),
            (
                "9223372036854775808",
                "`i64` is the widest code the generated code reads and writes: send such codes as strings (remove `code_type`)",
            ),
            (
                "-9223372036854775809",
                "`i64` is the widest code the generated code reads and writes: send such codes as strings (remove `code_type`)",
            ),
            (
                "123456789012345678901234567890123456789012",
                "`i64` is the widest code the generated code reads and writes: send such codes as strings (remove `code_type`)",
            ),
        ];
        for (code, help) in cases {
            let text = with_wire(integer, code, "");
            assert_eq!(rules(&text), [Rule::InvalidCode], "{code}");
            assert_eq!(
                hint(&text, None),
                ("not an integer code".to_owned(), help.to_owned()),
                "{code}"
            );
        }
        // Retired codes too, with their own spelling in the help.
        let text = with_wire(integer, "1", "[retired]\n\"007\" = \"gone\"\n");
        assert_eq!(
            diagnostics(&text),
            [(
                Rule::InvalidCode,
                "\"007\"".to_owned(),
                "retired code `007` is not an integer as JSON writes it, as `code_type = \"integer\"` requires"
                    .to_owned()
            )]
        );
        assert_eq!(
            hint(&text, None).1,
            "a JSON number has no leading zeros: write `\"7\" = ...` under `[retired]`"
        );
        // Codes with characters no code may have, or no code at all, get only their own
        // diagnostic; string codes may be anything allowed.
        assert_eq!(rules(&with_wire(integer, "1 2", "")), [Rule::InvalidCode]);
        assert_eq!(rules(&with_wire(integer, "", "")), [Rule::InvalidCode]);
        assert_eq!(rules(&with_wire(integer, "+1", "")), [Rule::InvalidCode]);
        let string = r#"{ code = "c", message = "m" }"#;
        assert_eq!(
            rules(&with_wire(string, "007", "[retired]\n\"E1\" = \"x\"\n")),
            []
        );
    }

    #[test]
    fn wire_shape_problems_are_each_reported_once() {
        let wire = r#"{ code = "error/code", message = "", status = "/x//y", code_type = "int", header = "a b", constants = { "/kind" = 1, "/k~x" = "v", "/q" = "1", "q" = "2" }, contants = {} }"#;
        let text = with_wire(wire, "E1", "[retired]\n\"E2\" = \"gone\"\n");
        let found: Vec<(Rule, String)> = diagnostics(&text)
            .into_iter()
            .map(|(rule, at, _)| (rule, at))
            .collect();
        let expected = [
            (Rule::InvalidWire, r#""error/code""#),
            (Rule::InvalidWire, r#""""#),
            (Rule::InvalidWire, r#""/x//y""#),
            (Rule::InvalidWire, r#""int""#),
            (Rule::InvalidWire, r#""a b""#),
            (Rule::WrongType, "1"),
            (Rule::InvalidWire, r#""/k~x""#),
            (Rule::WireConflict, r#""q""#),
            (Rule::UnknownKey, "contants"),
        ]
        .map(|(rule, at)| (rule, at.to_owned()));
        assert_eq!(found, expected);
        // A conflict in the shape does not hide the codes that are not integers.
        let integer = r#"{ code = "code", message = "code", code_type = "integer" }"#;
        let text = with_wire(integer, "E1", "[retired]\n\"E2\" = \"gone\"\n");
        assert_eq!(
            rules(&text),
            [Rule::WireConflict, Rule::InvalidCode, Rule::InvalidCode]
        );
    }

    #[test]
    fn variant_name_hints_give_a_name_that_passes() {
        let entries = |names: &[&str]| {
            let mut text = HEADER.to_owned();
            for (i, name) in names.iter().enumerate() {
                text += &format!(
                    "[errors.{name}]\ncode = \"{i}\"\nstatus = 404\nmessage = \"m{i}\"\n\n"
                );
            }
            text
        };
        let cases: [(&[&str], &str, &str); 5] = [
            (
                &["storage_not_found"],
                "not an UpperCamelCase identifier",
                "error names are UpperCamelCase variant names: write `[errors.StorageNotFound]`",
            ),
            // The obvious name is taken, in any case.
            (
                &["storage_not_found", "StorageNotFound"],
                "not an UpperCamelCase identifier",
                "error names are UpperCamelCase variant names: write `[errors.StorageNotFoundError]`",
            ),
            (
                &["type"],
                "not an UpperCamelCase identifier",
                "error names are UpperCamelCase variant names: write `[errors.Type]`",
            ),
            (
                &["self"],
                "not an UpperCamelCase identifier",
                "error names are UpperCamelCase variant names: write `[errors.SelfError]`",
            ),
            (
                &["Self"],
                "a Rust keyword",
                "`Self` is a Rust keyword and cannot name a variant: choose another name, such as `SelfError`",
            ),
        ];
        for (names, label, help) in cases {
            assert_eq!(
                hint(&entries(names), None),
                (label.to_owned(), help.to_owned()),
                "{names:?}"
            );
        }
    }

    #[test]
    fn problem_bases() {
        let with = |base: &str| {
            rules(&format!(
                "[catalog]\ntitle = \"T\"\nproblem_base = {base:?}\n\n[status.404]\n\n\
                 [errors.A]\ncode = \"1\"\nstatus = 404\nmessage = \"m\"\n"
            ))
        };
        for good in [
            "https://api.example.com/problems/",
            "https://api.example.com/problems#",
            "urn:example:problems:",
            "tag:example.com,2026:problems/",
        ] {
            assert_eq!(with(good), [], "{good}");
        }
        for bad in [
            "problems/",
            "/problems/",
            "",
            "1http://x.dev/",
            "https://x.dev/my problems/",
            "https://x.dev/\tproblems/",
        ] {
            assert_eq!(with(bad), [Rule::InvalidProblemBase], "{bad}");
        }
    }

    /// An entry of status 429 with the fields `limit: u32`, `client: String`, `wait: i64`, and
    /// `extra` added to its table.
    fn rate_limited(extra: &str) -> String {
        format!(
            "[catalog]\ntitle = \"T\"\n\n[status.429]\n\n\
             [errors.A]\ncode = \"1\"\nstatus = 429\n\
             message = \"{{limit}} requests for {{client}}; retry in {{wait}} seconds\"\n\
             fields.limit = \"u32\"\nfields.wait = \"i64\"\n{extra}\n"
        )
    }

    #[test]
    fn retry_after_names_an_integer_field_of_the_entry() {
        assert_eq!(rules(&rate_limited("")), []);
        assert_eq!(rules(&rate_limited("retry_after = \"limit\"")), []);
        assert_eq!(rules(&rate_limited("retry_after = \"wait\"")), []);
        assert_eq!(
            rules(&rate_limited("retry_after = \"delay\"")),
            [Rule::InvalidRetryAfter]
        );
        assert_eq!(
            rules(&rate_limited("retry_after = \"client\"")),
            [Rule::InvalidRetryAfter]
        );
        assert_eq!(rules(&rate_limited("retry_after = 30")), [Rule::WrongType]);
    }

    #[test]
    fn retry_after_help_names_the_integer_fields() {
        let text = rate_limited("retry_after = \"client\"");
        let source = Source::new("t.toml", "/t.toml", text.as_str());
        let diagnostics = crate::load(&source).unwrap_err();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let span = diagnostics[0].span.clone().unwrap();
        assert_eq!(&text[span], "\"client\"");
        let rendered = format!("{diagnostics:?}");
        assert!(
            rendered.contains("`limit`, `wait`"),
            "the help lists the integer fields: {rendered}"
        );
    }

    #[test]
    fn retryable_is_a_boolean() {
        assert_eq!(rules(&rate_limited("retryable = false")), []);
        assert_eq!(rules(&rate_limited("retryable = true")), []);
        assert_eq!(
            rules(&rate_limited("retryable = \"no\"")),
            [Rule::WrongType]
        );
    }

    /// An entry whose message is `message`, every field a `String`.
    fn with_message(message: &str) -> String {
        format!("{HEADER}[errors.A]\ncode = \"1\"\nstatus = 404\nmessage = {message:?}\n")
    }

    #[test]
    fn fields_named_like_problem_members_never_collide() {
        // `field_type` is written `field_field_type` in problem details, so it sits next to
        // `type` (`field_type`) as every other pair does.
        for message in [
            "a {type} b",
            "a {field_type} b",
            "a {type} b {title} c {status} d {detail} e {instance} f {code} g",
            "a {type} b {field_type} c {field_field_type} d",
            "a {field_code} b {code} c",
            "a {field_instance} b {instance} c",
        ] {
            assert_eq!(rules(&with_message(message)), [], "{message}");
        }
    }
}
