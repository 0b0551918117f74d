//! The typed catalog: what `catalog/*.toml` says, with the source span of every part, each
//! message template resolved to its fields and each field type to the Rust type it names.
//!
//! Anyone can build these values; only [`load`](crate::load) makes a [`Checked`](crate::Checked)
//! one, which is what code generation takes. The methods here never panic, whatever the
//! values hold.

use std::fmt;
use std::ops::Range;

use error_catalog_template::{Class, Int, Segment};
use quote::ToTokens;

pub use crate::wire::Wire;

/// A value with the byte range it came from in the catalog file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Byte range in the catalog file.
    pub span: Range<usize>,
}

impl<T> Spanned<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Range<usize>) -> Self {
        Spanned { value, span }
    }
}

/// A whole catalog.
#[derive(Clone, Debug)]
pub struct Catalog {
    /// `[catalog] title`.
    pub title: String,
    /// `[catalog] doc`, or empty.
    pub doc: String,
    /// `[catalog] docs_url`: the base URL of the published error page, if any.
    pub docs_url: Option<Spanned<String>>,
    /// `[catalog] problem_base`: the base URI of RFC 9457 problem types, if any; an entry's
    /// type is this base followed by its code.
    pub problem_base: Option<Spanned<String>>,
    /// Where each member of the error body goes.
    pub wire: Wire,
    /// The status table, in catalog order.
    pub statuses: Vec<Status>,
    /// The catalog enums, in catalog order.
    pub types: Vec<EnumType>,
    /// The error entries, in catalog order.
    pub entries: Vec<Entry>,
    /// Codes that must never be used again.
    pub retired: Vec<Retired>,
    /// `[catalog] default_locale` and `locales`: the languages of the catalog's texts.
    pub locales: Locales,
}

/// The languages of a catalog: `[catalog] default_locale`, the language of every `message`,
/// `reason` and `meaning`, and `locales`, every language the catalog has texts in. A catalog
/// with neither is in one unnamed language.
#[derive(Clone, Debug, Default)]
pub struct Locales {
    /// `default_locale`, a BCP 47 tag, if given.
    pub default: Option<Spanned<String>>,
    /// `locales`, in catalog order, with the span of the array; `None` when not given.
    pub declared: Option<Spanned<Vec<Spanned<String>>>>,
}

impl Locales {
    /// The default locale's tag, if the catalog names one.
    pub fn default_tag(&self) -> Option<&str> {
        self.default.as_ref().map(|tag| tag.value.as_str())
    }

    /// Every locale of the catalog as the runtime lists them (`CatalogSpec::locales`), the
    /// order in which a client tries an entry's translations: `locales`, or the default locale
    /// alone when the catalog names only that.
    pub fn list(&self) -> Vec<&str> {
        match &self.declared {
            Some(declared) => declared
                .value
                .iter()
                .map(|tag| tag.value.as_str())
                .collect(),
            None => self.default_tag().into_iter().collect(),
        }
    }

    /// The tags of `locales` other than the default, in catalog order, each once: the
    /// locales that translations are in.
    pub fn translated(&self) -> Vec<&str> {
        let mut tags: Vec<&str> = Vec::new();
        for tag in self.declared.iter().flat_map(|declared| &declared.value) {
            if Some(tag.value.as_str()) != self.default_tag() && !tags.contains(&tag.value.as_str())
            {
                tags.push(&tag.value);
            }
        }
        tags
    }
}

/// A text of the catalog in one locale: a translated status reason or meaning.
#[derive(Clone, Debug)]
pub struct Translated {
    /// The locale; its span is the key (`meanings.de`).
    pub locale: Spanned<String>,
    /// The text, as written.
    pub text: Spanned<String>,
}

/// The message of an entry in one locale other than the default: `messages.de = "..."`.
#[derive(Clone, Debug)]
pub struct Translation {
    /// The locale; its span is the key.
    pub locale: Spanned<String>,
    /// The message template as written.
    pub message: Spanned<String>,
    /// The template, resolved against the entry's fields as [`Entry::parts`] is; empty when
    /// it could not be parsed or uses a placeholder that is no field of the entry.
    pub parts: Vec<Part>,
}

/// One row of the status table, `[status.NNN]`.
#[derive(Clone, Debug)]
pub struct Status {
    /// The status code; its span is the table's key.
    pub code: Spanned<u16>,
    /// The reason phrase.
    pub reason: String,
    /// What the API means by it, or empty.
    pub meaning: String,
    /// `reasons.<locale>`: the reason phrase in other locales, in catalog order.
    pub reasons: Vec<Translated>,
    /// `meanings.<locale>`: what the API means by it in other locales, in catalog order.
    pub meanings: Vec<Translated>,
}

/// A catalog enum, `[types.Name]`.
#[derive(Clone, Debug)]
pub struct EnumType {
    /// The Rust type name; its span is the table's key.
    pub name: Spanned<String>,
    /// The wire values, in order; empty when `values` is empty, missing or not an array
    /// (reported), so that fields typed with the enum still resolve.
    pub values: Vec<Spanned<String>>,
    /// Rust variant names, one per value.
    pub variants: Vec<String>,
    /// What it means, or empty.
    pub doc: String,
}

/// A retired code, `[retired] "NNN" = "note"`.
#[derive(Clone, Debug)]
pub struct Retired {
    /// The code; its span is the key.
    pub code: Spanned<String>,
    /// Why it was retired.
    pub note: String,
}

/// One error entry, `[errors.Name]`: one variant of the generated enum.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The variant name; its span is the table's key.
    pub name: Spanned<String>,
    /// The code sent on the wire.
    pub code: Spanned<String>,
    /// The HTTP status.
    pub status: Spanned<u16>,
    /// The message template as written.
    pub message: Spanned<String>,
    /// The template, resolved once: literal text, and placeholders that name their field.
    /// Empty when the template could not be parsed.
    pub parts: Vec<Part>,
    /// One field per distinct placeholder, in order of first use.
    pub fields: Vec<Field>,
    /// What the error means, or empty.
    pub doc: String,
    /// What a client or operator should do about the error, or empty.
    pub help: String,
    /// `shared_code = true`, with its span.
    pub shared_code: Option<Spanned<bool>>,
    /// `overlapping = true`, with its span: the template may match the same messages as other
    /// entries of its code and status, and a message that fits several is read as the most
    /// specific.
    pub overlapping: Option<Spanned<bool>>,
    /// `retryable = true|false`, with its span: whether a client may retry the request. Without
    /// it, the status decides ([`Entry::is_retryable`]).
    pub retryable: Option<Spanned<bool>>,
    /// `retry_after = "field"`: the integer field that holds the delay, in seconds, after
    /// which a client may retry.
    pub retry_after: Option<Spanned<String>>,
    /// `messages.<locale>`: the message in other locales, in catalog order.
    pub translations: Vec<Translation>,
}

/// One part of a resolved message template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Literal text, with `{{` and `}}` already turned into single braces.
    Literal(String),
    /// A placeholder.
    Placeholder {
        /// The index of its field in [`Entry::fields`].
        field: usize,
        /// Byte range of the placeholder, braces included, in the catalog file.
        span: Range<usize>,
    },
}

/// One field of an entry: a placeholder and its type.
#[derive(Clone)]
pub struct Field {
    /// The field name; its span is the first placeholder that uses it.
    pub name: Spanned<String>,
    /// The Rust identifier: the name, or the raw identifier `r#name` for a keyword.
    pub ident: syn::Ident,
    /// The type, as the catalog means it.
    pub ty: FieldType,
    /// The type as generated code names it, relative to the enum's module.
    pub rust_type: syn::Type,
    /// The type as written in the catalog (`"String"` when not declared).
    pub ty_text: Spanned<String>,
    /// The example value, given or derived from the type.
    pub example: Spanned<String>,
    /// Whether the catalog gives the example (otherwise it is derived from the type).
    pub example_given: bool,
    /// What the field holds, or empty.
    pub doc: String,
}

/// The Rust type is shown as its tokens (syn's own `Debug` needs its `extra-traits` feature).
impl fmt::Debug for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Field")
            .field("name", &self.name)
            .field("ident", &self.ident)
            .field("ty", &self.ty)
            .field("rust_type", &self.rust_type.to_token_stream().to_string())
            .field("ty_text", &self.ty_text)
            .field("example", &self.example)
            .field("example_given", &self.example_given)
            .field("doc", &self.doc)
            .finish()
    }
}

/// The type of a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// A primitive integer type, by name (`u32`, `i64`, ...).
    Integer(Int),
    /// A catalog enum: the index into [`Catalog::types`].
    Enum(usize),
    /// An external type by path, implementing `Display + FromStr`: the path as written.
    External(String),
}

/// The primitive integer types a field can have.
pub const INTEGER_TYPES: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// The wire values of every catalog enum as `&str` slices, which [`Class::OneOf`] borrows.
pub struct Classes<'a> {
    /// The values of each catalog enum, by index into [`Catalog::types`].
    values: Vec<Vec<&'a str>>,
}

impl<'a> Classes<'a> {
    /// Collects the values of `catalog`'s enums.
    pub fn new(catalog: &'a Catalog) -> Self {
        let values = catalog
            .types
            .iter()
            .map(|ty| ty.values.iter().map(|v| v.value.as_str()).collect())
            .collect();
        Classes { values }
    }

    /// What text a field type renders as.
    pub fn class(&self, ty: &FieldType) -> Class<'_> {
        match ty {
            FieldType::String | FieldType::External(_) => Class::Text,
            FieldType::Bool => Class::Bool,
            FieldType::Integer(int) => Class::Integer(*int),
            FieldType::Enum(index) => {
                Class::OneOf(self.values.get(*index).map_or(&[], Vec::as_slice))
            }
        }
    }

    /// The compiled template of an entry: literal text and placeholders with their classes.
    pub fn segments<'s>(&'s self, entry: &'s Entry) -> Vec<Segment<'s>> {
        self.segments_of(entry, &entry.parts)
    }

    /// The compiled template of `parts`, the message of `entry` in some locale.
    pub fn segments_of<'s>(&'s self, entry: &'s Entry, parts: &'s [Part]) -> Vec<Segment<'s>> {
        parts
            .iter()
            .map(|part| match part {
                Part::Literal(text) => Segment::Literal(text),
                Part::Placeholder { field, .. } => Segment::Field(
                    entry
                        .fields
                        .get(*field)
                        .map_or(Class::Text, |field| self.class(&field.ty)),
                ),
            })
            .collect()
    }
}

impl Catalog {
    /// The link to an entry on the published error page: `{docs_url}#{code}`, when the
    /// catalog has a `docs_url`. Codes use only characters that a URL fragment allows.
    pub fn docs_url(&self, entry: &Entry) -> Option<String> {
        let base = &self.docs_url.as_ref()?.value;
        Some(format!("{base}#{}", entry.code.value))
    }

    /// The catalog as a reader of `locale` sees it: each entry's message, and each status's
    /// reason and meaning, in that locale, falling back along the tag as the runtime does
    /// (`de-CH`, `de`, then the default locale's text), and `locales.default` that locale,
    /// when the catalog has it. Everything else is as it is; a locale the catalog does not
    /// have gives the catalog unchanged.
    pub fn in_locale(&self, locale: &str) -> Catalog {
        let mut out = self.clone();
        let chain = fallback_tags(locale);
        let pick = |translations: &mut dyn Iterator<Item = (&str, usize)>| {
            let found: Vec<(&str, usize)> = translations.collect();
            chain.iter().find_map(|tag| {
                found
                    .iter()
                    .find(|(l, _)| l.eq_ignore_ascii_case(tag))
                    .map(|&(_, at)| at)
            })
        };
        for entry in &mut out.entries {
            let mut locales = entry
                .translations
                .iter()
                .enumerate()
                .map(|(at, t)| (t.locale.value.as_str(), at));
            if let Some(at) = pick(&mut locales) {
                let translation = entry.translations[at].clone();
                entry.message = translation.message;
                entry.parts = translation.parts;
            }
        }
        for status in &mut out.statuses {
            let mut reasons = status
                .reasons
                .iter()
                .enumerate()
                .map(|(at, t)| (t.locale.value.as_str(), at));
            if let Some(at) = pick(&mut reasons) {
                status.reason = status.reasons[at].text.value.clone();
            }
            let mut meanings = status
                .meanings
                .iter()
                .enumerate()
                .map(|(at, t)| (t.locale.value.as_str(), at));
            if let Some(at) = pick(&mut meanings) {
                status.meaning = status.meanings[at].text.value.clone();
            }
        }
        let declared = self.locales.declared.iter().flat_map(|d| &d.value);
        if let Some(tag) = chain
            .iter()
            .find_map(|tag| declared.clone().find(|l| l.value.eq_ignore_ascii_case(tag)))
        {
            out.locales.default = Some(tag.clone());
        }
        out
    }

    /// The reason phrase of a status in the table, if it is there.
    pub fn reason(&self, code: u16) -> Option<&str> {
        self.statuses
            .iter()
            .find(|status| status.code.value == code)
            .map(|status| status.reason.as_str())
    }

    /// Each code of the entries that `covers` (by index), in catalog order, with the indices
    /// of its entries in the order a client tries them: catalog order, except that among the
    /// entries that say `overlapping = true` and share a status, the most specific
    /// ([`Entry::specificity`]) comes first, ties in catalog order. Such entries are sorted
    /// among the places they hold; every other index stays where it is, so a catalog without
    /// the key is tried in catalog order, and the client's "received status first" grouping
    /// keeps the order within each status.
    pub fn entries_by_code(&self, covers: impl Fn(usize) -> bool) -> Vec<(&str, Vec<usize>)> {
        let mut codes: Vec<(&str, Vec<usize>)> = Vec::new();
        let mut places: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (index, entry) in self.entries.iter().enumerate() {
            if !covers(index) {
                continue;
            }
            let code = entry.code.value.as_str();
            match places.get(code).and_then(|&place| codes.get_mut(place)) {
                Some((_, indices)) => indices.push(index),
                None => {
                    places.insert(code, codes.len());
                    codes.push((code, vec![index]));
                }
            }
        }
        for (_, indices) in &mut codes {
            self.prefer_most_specific(indices);
        }
        codes
    }

    /// Sorts the overlapping entries of each status among `indices` (one code's entries, in
    /// catalog order) most specific first: see [`Catalog::entries_by_code`].
    fn prefer_most_specific(&self, indices: &mut [usize]) {
        let mut statuses: Vec<u16> = Vec::new();
        for &index in indices.iter() {
            let entry = &self.entries[index];
            if entry.is_overlapping() && !statuses.contains(&entry.status.value) {
                statuses.push(entry.status.value);
            }
        }
        for status in statuses {
            let places: Vec<usize> = (0..indices.len())
                .filter(|&place| {
                    let entry = &self.entries[indices[place]];
                    entry.is_overlapping() && entry.status.value == status
                })
                .collect();
            let mut group: Vec<usize> = places.iter().map(|&place| indices[place]).collect();
            group.sort_by_key(|&index| std::cmp::Reverse(self.entries[index].specificity()));
            for (place, index) in places.into_iter().zip(group) {
                indices[place] = index;
            }
        }
    }
}

/// The statuses whose errors are retryable unless an entry says otherwise: 429 Too Many
/// Requests, 503 Service Unavailable and 504 Gateway Timeout.
pub const RETRYABLE_STATUSES: &[u16] = &[429, 503, 504];

/// The standard members of an RFC 9457 problem details object, and `code`, the extension
/// member that carries the error code: a field with one of these names is written as
/// `field_<name>` among a problem's extension members ([`problem_member`]).
pub const PROBLEM_RESERVED: &[&str] = &error_catalog_template::PROBLEM_RESERVED;

/// The name of a field's extension member in an RFC 9457 problem details object: its own
/// name, or `field_<name>` for a name in [`PROBLEM_RESERVED`] or one that starts with
/// `field_`, so that no two fields share a member and a client gets each field back
/// ([`error_catalog_template::problem_member`], which the runtime's reader inverts).
pub fn problem_member(field: &str) -> String {
    error_catalog_template::problem_member(field).into_owned()
}

impl Entry {
    /// Whether a client may retry the request: `retryable` when the entry says, otherwise
    /// whether the status is one of [`RETRYABLE_STATUSES`].
    pub fn is_retryable(&self) -> bool {
        match &self.retryable {
            Some(retryable) => retryable.value,
            None => RETRYABLE_STATUSES.contains(&self.status.value),
        }
    }

    /// The field named by `retry_after`, if the entry has it.
    pub fn retry_after_field(&self) -> Option<&Field> {
        let name = &self.retry_after.as_ref()?.value;
        self.fields.iter().find(|field| &field.name.value == name)
    }

    /// Whether the entry says `overlapping = true`.
    pub fn is_overlapping(&self) -> bool {
        self.overlapping.as_ref().is_some_and(|o| o.value)
    }

    /// How specific the template is: the number of its literal characters (`{{` counts as
    /// one). Among overlapping entries of one code and status, a client reads a message as the
    /// most specific entry whose template fits it, ties in catalog order.
    pub fn specificity(&self) -> usize {
        self.parts
            .iter()
            .map(|part| match part {
                Part::Literal(text) => text.chars().count(),
                Part::Placeholder { .. } => 0,
            })
            .sum()
    }

    /// For each placeholder, in order of appearance, the index of its field.
    pub fn placeholders(&self) -> impl Iterator<Item = usize> + '_ {
        placeholders(&self.parts)
    }

    /// The message rendered with every field's example.
    pub fn example_message(&self) -> String {
        self.example_message_of(&self.parts)
    }

    /// The translation into `locale`, if the entry has one.
    pub fn translation(&self, locale: &str) -> Option<&Translation> {
        self.translations
            .iter()
            .find(|translation| translation.locale.value == locale)
    }

    /// `parts`, the message of the entry in some locale, rendered with every field's example.
    pub fn example_message_of(&self, parts: &[Part]) -> String {
        parts
            .iter()
            .map(|part| match part {
                Part::Literal(text) => text.as_str(),
                Part::Placeholder { field, .. } => self
                    .fields
                    .get(*field)
                    .map_or("", |field| field.example.value.as_str()),
            })
            .collect()
    }
}

/// For each placeholder of `parts`, in order of appearance, the index of its field.
pub fn placeholders(parts: &[Part]) -> impl Iterator<Item = usize> + '_ {
    parts.iter().filter_map(|part| match part {
        Part::Placeholder { field, .. } => Some(*field),
        Part::Literal(_) => None,
    })
}

/// The tags a text requested in `tag` is looked up in, in order, as RFC 4647's lookup
/// truncates a language range and as the runtime falls back: `de-CH-1996`, `de-CH`, `de` (a
/// singleton left at the end goes with the subtag after it).
pub fn fallback_tags(tag: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut current = tag.trim();
    while !current.is_empty() {
        out.push(current);
        let Some(at) = current.rfind('-') else { break };
        current = &current[..at];
        if let Some(before) = current.rfind('-')
            && current.len() - before == 2
        {
            current = &current[..before];
        }
    }
    out
}
