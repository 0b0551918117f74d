//! Static metadata of a catalog, as the generated code stores it.

/// The whole catalog: its title, wire format, status table, types and error entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CatalogSpec {
    /// The catalog's title (`[catalog] title`).
    pub title: &'static str,
    /// The catalog's description (`[catalog] doc`), or `""`.
    pub doc: &'static str,
    /// The base URL of the published error page (`[catalog] docs_url`), if any.
    pub docs_url: Option<&'static str>,
    /// The base URI of the catalog's RFC 9457 problem types (`[catalog] problem_base`), if
    /// any: an entry's problem type is this base followed by its code.
    pub problem_base: Option<&'static str>,
    /// Where each member of the error body goes.
    pub wire: WireSpec,
    /// The status table (`[status.*]`), in catalog order.
    pub statuses: &'static [StatusSpec],
    /// The catalog enums (`[types.*]`), in catalog order.
    pub types: &'static [TypeSpec],
    /// Every error entry (`[errors.*]`), in catalog order.
    pub errors: &'static [ErrorSpec],
    /// Codes that were published once and must never be used again (`[retired]`).
    pub retired: &'static [RetiredSpec],
    /// The locale of every message, reason and meaning (`[catalog] default_locale`), if the
    /// catalog names one.
    pub default_locale: Option<&'static str>,
    /// Every locale the catalog has texts in (`[catalog] locales`), the default one
    /// included, in catalog order; empty for a catalog in one language.
    pub locales: &'static [&'static str],
}

impl CatalogSpec {
    /// The catalog's locale that a text requested in `locale` is looked up in, along the
    /// fallback chain of RFC 4647's lookup: the tag itself, then the tag with its last subtag
    /// removed, and so on (`de-CH-1996`, `de-CH`, `de`), compared without ASCII case; the
    /// default locale when none of them is one of [`locales`](Self::locales). `None` for a
    /// catalog that names no locale at all.
    ///
    /// A text that a locale does not translate falls back along the same chain: a message of
    /// `de-CH` that the catalog does not translate into `de-CH` is its `de` message, or its
    /// message in the default locale.
    pub fn locale(&self, locale: &str) -> Option<&'static str> {
        crate::locale::resolve(self, locale)
            .and_then(|index| self.locales.get(index).copied())
            .or(self.default_locale)
    }
}

/// A text of the catalog in one locale other than the default: a translated message, reason
/// or meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Translation {
    /// The locale, a BCP 47 tag as the catalog writes it, such as `"de-CH"`.
    pub locale: &'static str,
    /// The text in that locale: for a message, its template with `{name}` placeholders.
    pub text: &'static str,
}

/// The text in `locale` of a text whose translations are `translations` and whose text in the
/// default locale is `default`, along the fallback chain of [`CatalogSpec::locale`].
pub(crate) fn text_in(
    translations: &'static [Translation],
    default: &'static str,
    locale: &str,
) -> &'static str {
    crate::locale::fallbacks(locale)
        .find_map(|tag| {
            translations
                .iter()
                .find(|translation| translation.locale.eq_ignore_ascii_case(tag))
        })
        .map_or(default, |translation| translation.text)
}

/// Where each member of the error body goes (`[catalog] wire`).
///
/// A location is a bare key (a member of the top-level object, dots and all) or, when it
/// starts with `/`, a JSON pointer (RFC 6901) into nested objects, as the catalog writes it.
/// The generated `Serialize` writes the code, the message, the status and the constants in
/// that order, each object where its first member goes; `from_response` reads the code and
/// the message and ignores every other member.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct WireSpec {
    /// Where the code goes, for example `"errorCode"` or `"/error/code"`.
    pub code: &'static str,
    /// Where the rendered message goes, for example `"errorMessage"` or `"/error/message"`.
    pub message: &'static str,
    /// Whether the code is sent as a JSON string or a JSON number (`code_type`).
    pub code_type: CodeType,
    /// Where the HTTP status goes as well, as a JSON integer (`status`), if anywhere.
    pub status: Option<&'static str>,
    /// Where the object of the error's typed fields goes (`fields`), if anywhere.
    pub fields: Option<&'static str>,
    /// The fixed string members of every body (`constants`), in catalog order.
    pub constants: &'static [ConstantSpec],
    /// The response header that carries the code as well (`header`), as the catalog spells
    /// it, if any; [`WireSpec::header_name`] gives it as an [`http::HeaderName`].
    pub header: Option<&'static str>,
    /// The object tree of the body, built from the locations at compile time.
    pub(crate) layout: &'static [crate::wire::WireMember],
}

/// The catalog's keys; the object tree they make is an internal form of the same.
impl std::fmt::Debug for WireSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WireSpec")
            .field("code", &self.code)
            .field("message", &self.message)
            .field("code_type", &self.code_type)
            .field("status", &self.status)
            .field("fields", &self.fields)
            .field("constants", &self.constants)
            .field("header", &self.header)
            .finish()
    }
}

impl WireSpec {
    /// The code header (`header`) as an [`http::HeaderName`], if the catalog declares one.
    /// The catalog's validation guarantees that the name is valid.
    pub fn header_name(&self) -> Option<http::HeaderName> {
        http::HeaderName::from_bytes(self.header?.as_bytes()).ok()
    }
}

/// How the code is written in the error body (`[catalog] wire.code_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeType {
    /// A JSON string, `"code":"127"`: the default.
    String,
    /// A JSON number, `"code":403001`: every code of the catalog is a decimal integer that
    /// fits `i64`.
    Integer,
}

/// A fixed string member of every error body (`[catalog] wire.constants`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ConstantSpec {
    /// Where it goes: a bare key or a JSON pointer.
    pub location: &'static str,
    /// The string it always holds.
    pub value: &'static str,
}

/// One row of the status table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct StatusSpec {
    /// The HTTP status code.
    pub code: u16,
    /// The reason phrase, for example `"Conflict"`.
    pub reason: &'static str,
    /// What the API means by this status, or `""`.
    pub meaning: &'static str,
    /// The reason phrase in other locales (`reasons.<locale>`), in catalog order.
    pub reasons: &'static [Translation],
    /// What the API means by this status in other locales (`meanings.<locale>`), in catalog
    /// order.
    pub meanings: &'static [Translation],
}

impl StatusSpec {
    /// The reason phrase in `locale`, falling back along the tag to the default locale's
    /// (see [`CatalogSpec::locale`]).
    pub fn reason_in(&self, locale: &str) -> &'static str {
        text_in(self.reasons, self.reason, locale)
    }

    /// What the API means by this status in `locale`, falling back along the tag to the
    /// default locale's (see [`CatalogSpec::locale`]).
    pub fn meaning_in(&self, locale: &str) -> &'static str {
        text_in(self.meanings, self.meaning, locale)
    }
}

/// A catalog-defined enum (`[types.*]`): a field type whose values are fixed wire strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TypeSpec {
    /// The Rust type name, as the catalog's key gives it.
    pub name: &'static str,
    /// The values, as spelled on the wire, in catalog order.
    pub values: &'static [&'static str],
    /// What the type means, or `""`.
    pub doc: &'static str,
}

/// A retired code: published once, never to be used again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RetiredSpec {
    /// The code.
    pub code: &'static str,
    /// Why it was retired, or `""`.
    pub note: &'static str,
}

/// One error entry of the catalog: one variant of the generated enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ErrorSpec {
    /// The variant name.
    pub name: &'static str,
    /// The error code sent on the wire.
    pub code: &'static str,
    /// The HTTP status sent with this error.
    pub status: u16,
    /// The message template, with `{name}` placeholders, as written in the catalog.
    pub message: &'static str,
    pub(crate) example_message: &'static str,
    /// One field per placeholder, in order of first use in the template.
    pub fields: &'static [FieldSpec],
    /// What the error means, or `""`.
    pub doc: &'static str,
    /// What a client or operator should do about the error (`help`), or `""`.
    pub help: &'static str,
    /// The entry's link on the published error page, `{docs_url}#{code}`, when the catalog
    /// has a `docs_url`.
    pub docs_url: Option<&'static str>,
    /// Whether other entries share this entry's code (`shared_code = true`).
    pub shared_code: bool,
    /// Whether the entry says `overlapping = true`: its template may match the same messages
    /// as other entries of its code and status, and a client reads a message that fits several
    /// as the most specific, the one whose template has the most literal characters, ties in
    /// catalog order.
    pub overlapping: bool,
    /// Whether a client may retry the request that got this error: `retryable` when the entry
    /// says, otherwise whether the status is 429, 503 or 504.
    pub retryable: bool,
    /// The field that holds the delay in seconds after which a client may retry
    /// (`retry_after`), if the entry names one.
    pub retry_after: Option<&'static str>,
    /// The message template in other locales (`messages.<locale>`), in catalog order.
    pub messages: &'static [Translation],
}

impl ErrorSpec {
    /// The status as an [`http::StatusCode`].
    pub fn status_code(&self) -> http::StatusCode {
        crate::__private::status(self.status)
    }

    /// The message rendered with every field's example value, as a server would send it.
    pub fn example_message(&self) -> &'static str {
        self.example_message
    }

    /// The message template in `locale`, falling back along the tag to the template of the
    /// default locale, [`message`](Self::message) (see [`CatalogSpec::locale`]).
    pub fn message_in(&self, locale: &str) -> &'static str {
        text_in(self.messages, self.message, locale)
    }
}

/// One field of an error entry: one placeholder of its template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct FieldSpec {
    /// The field (placeholder) name.
    pub name: &'static str,
    /// The type as written in the catalog: `"String"`, `"u32"`, `"Job"`, `"uuid::Uuid"`.
    pub ty: &'static str,
    /// An example value, as it appears in the message.
    pub example: &'static str,
    /// What the field holds, or `""`.
    pub doc: &'static str,
}
