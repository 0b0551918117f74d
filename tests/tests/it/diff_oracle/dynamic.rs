//! An error type for catalogs drawn at run time: the runtime's real server (`Serialize`,
//! `Problem`, `IntoResponse`) and client (`from_http`, `from_response`) drive it through
//! `CatalogError` and the hidden `Generated`, as they drive a generated enum.
//!
//! Its tables are built from the codegen's model of a catalog as `expand/` writes them as
//! static data (`__CATALOG`, `__TABLES`, the `index`, `parts` and `build` arms), leaked, and reached through a thread-local per side ([`Old`], [`New`]), so that
//! values of the two catalogs of one case coexist.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;
use std::net::Ipv4Addr;

use error_catalog::__private::{self as private, Generated, Segment, Value};
use error_catalog::__private::{WireMember, WireNode};
use error_catalog::{CatalogError, CatalogSpec, ErrorSpec, Unrecognized};
use error_catalog_codegen::Catalog;
use error_catalog_codegen::model::{Classes, Entry, FieldType, Part};
use error_catalog_codegen::wire::{Member, Node, Wire};
use error_catalog_template::packed;

/// Which catalog of a case a value belongs to.
pub trait Side: 'static {
    /// The side's name, for messages.
    const NAME: &'static str;
    /// The side's slot.
    fn slot() -> &'static std::thread::LocalKey<Cell<Option<&'static Tables>>>;
}

thread_local! {
    static OLD: Cell<Option<&'static Tables>> = const { Cell::new(None) };
    static NEW: Cell<Option<&'static Tables>> = const { Cell::new(None) };
}

/// The old catalog of a case: the deployed client's.
#[derive(Debug)]
pub struct Old;
/// The new catalog of a case: the new server's.
#[derive(Debug)]
pub struct New;

impl Side for Old {
    const NAME: &'static str = "old";
    fn slot() -> &'static std::thread::LocalKey<Cell<Option<&'static Tables>>> {
        &OLD
    }
}

impl Side for New {
    const NAME: &'static str = "new";
    fn slot() -> &'static std::thread::LocalKey<Cell<Option<&'static Tables>>> {
        &NEW
    }
}

/// Makes `catalog` the catalog of side `S` on this thread.
pub fn install<S: Side>(catalog: &Catalog) -> &'static Tables {
    let tables = tables(catalog);
    S::slot().with(|slot| slot.set(Some(tables)));
    tables
}

fn current<S: Side>() -> &'static Tables {
    S::slot()
        .with(Cell::get)
        .unwrap_or_else(|| panic!("no {} catalog installed", S::NAME))
}

/// The static data of one catalog, and what the generated code knows of each entry.
pub struct Tables {
    /// `__CATALOG`.
    pub catalog: &'static CatalogSpec,
    /// `__TABLES`.
    pub tables: &'static private::Tables,
    /// One per entry, in catalog order.
    pub entries: Vec<EntryModel>,
}

/// An entry as its variant knows it.
pub struct EntryModel {
    /// The template.
    pub parts: Vec<Part>,
    /// The fields, in variant order.
    pub fields: Vec<FieldModel>,
}

/// One field of a variant.
pub struct FieldModel {
    /// The field's name.
    pub name: String,
    /// Its type.
    pub ty: Ty,
    /// Its example, as text.
    pub example: String,
}

/// A field's type, as the variant holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// A primitive integer, by name.
    Int(&'static str),
    /// A catalog enum, with its values.
    Enum(Vec<String>),
    /// `std::net::Ipv4Addr`, the one external type the oracle draws.
    Ipv4,
}

impl Ty {
    /// The text the field holds after `FromStr` parses `text` (and `Display` writes it back),
    /// or `None` when it does not parse: what the generated `build` arm does with a capture.
    pub fn parse(&self, text: &str) -> Option<String> {
        macro_rules! int {
            ($name:expr, $text:expr; $($ty:ident),*) => {
                match $name {
                    $(stringify!($ty) => $text.parse::<$ty>().ok().map(|v| v.to_string()),)*
                    _ => None,
                }
            };
        }
        match self {
            Ty::String => Some(text.to_owned()),
            Ty::Bool => text.parse::<bool>().ok().map(|v| v.to_string()),
            Ty::Int(name) => {
                int!(*name, text; u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize)
            }
            Ty::Enum(values) => values.iter().any(|v| v == text).then(|| text.to_owned()),
            Ty::Ipv4 => text.parse::<Ipv4Addr>().ok().map(|v| v.to_string()),
        }
    }
}

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

fn ty_of(catalog: &Catalog, ty: &FieldType) -> Ty {
    match ty {
        FieldType::String => Ty::String,
        FieldType::Bool => Ty::Bool,
        FieldType::Integer(int) => Ty::Int(int.name()),
        FieldType::Enum(index) => Ty::Enum(
            catalog.types[*index]
                .values
                .iter()
                .map(|v| v.value.clone())
                .collect(),
        ),
        FieldType::External(path) if path == "std::net::Ipv4Addr" => Ty::Ipv4,
        FieldType::External(path) => panic!("the oracle does not draw the external type {path}"),
    }
}

/// The tables of `catalog`, as `expand/tables.rs` writes them (`metadata`, `wire_tokens`,
/// `tables`), built at run time and leaked.
pub fn tables(catalog: &Catalog) -> &'static Tables {
    let errors: Vec<ErrorSpec> = catalog
        .entries
        .iter()
        .map(|entry| {
            let fields = leak(
                entry
                    .fields
                    .iter()
                    .map(|f| {
                        private::field_spec(
                            leak_str(&f.name.value),
                            leak_str(&f.ty_text.value),
                            leak_str(&f.example.value),
                            leak_str(&f.doc),
                        )
                    })
                    .collect(),
            );
            let spec = private::error_spec(
                leak_str(&entry.name.value),
                leak_str(&entry.code.value),
                entry.status.value,
                leak_str(&entry.message.value),
                leak_str(&entry.example_message()),
                fields,
                leak_str(&entry.doc),
                leak_str(&entry.help),
                catalog.docs_url(entry).map(|url| leak_str(&url)),
                entry.shared_code.as_ref().is_some_and(|s| s.value),
                entry.is_overlapping(),
                entry.is_retryable(),
                entry.retry_after.as_ref().map(|r| leak_str(&r.value)),
            );
            let messages: Vec<_> = entry
                .translations
                .iter()
                .map(|t| {
                    private::translation(leak_str(&t.locale.value), leak_str(&t.message.value))
                })
                .collect();
            if messages.is_empty() {
                spec
            } else {
                private::with_messages(spec, leak(messages))
            }
        })
        .collect();
    let texts = |texts: &[error_catalog_codegen::model::Translated]| {
        leak(
            texts
                .iter()
                .map(|t| private::translation(leak_str(&t.locale.value), leak_str(&t.text.value)))
                .collect(),
        )
    };
    let statuses = catalog
        .statuses
        .iter()
        .map(|s| {
            let spec =
                private::status_spec(s.code.value, leak_str(&s.reason), leak_str(&s.meaning));
            if s.reasons.is_empty() && s.meanings.is_empty() {
                spec
            } else {
                private::with_status_texts(spec, texts(&s.reasons), texts(&s.meanings))
            }
        })
        .collect();
    let types = catalog
        .types
        .iter()
        .map(|t| {
            let values = t.values.iter().map(|v| leak_str(&v.value)).collect();
            private::type_spec(leak_str(&t.name.value), leak(values), leak_str(&t.doc))
        })
        .collect();
    let retired = catalog
        .retired
        .iter()
        .map(|r| private::retired_spec(leak_str(&r.code.value), leak_str(&r.note)))
        .collect();
    let spec = private::catalog_spec(
        leak_str(&catalog.title),
        leak_str(&catalog.doc),
        catalog.docs_url.as_ref().map(|u| leak_str(&u.value)),
        catalog.problem_base.as_ref().map(|u| leak_str(&u.value)),
        wire_spec(&catalog.wire),
        leak(statuses),
        leak(types),
        leak(errors),
        leak(retired),
    );
    let spec = match catalog.locales.default_tag() {
        Some(default) => private::with_locales(spec, leak_str(default), leak(locale_list(catalog))),
        None => spec,
    };
    let entries = catalog
        .entries
        .iter()
        .map(|entry| EntryModel {
            parts: entry.parts.clone(),
            fields: entry
                .fields
                .iter()
                .map(|f| FieldModel {
                    name: f.name.value.clone(),
                    ty: ty_of(catalog, &f.ty),
                    example: f.example.value.clone(),
                })
                .collect(),
        })
        .collect();
    Box::leak(Box::new(Tables {
        catalog: Box::leak(Box::new(spec)),
        tables: code_tables(catalog),
        entries,
    }))
}

/// `expand/tables.rs`'s `verify_rendering`, with the generated catalog enums, for the
/// template `parts` of `entry`.
fn verify_rendering(entry: &Entry, parts: &[error_catalog_codegen::model::Part]) -> bool {
    entry.fields.iter().enumerate().any(|(index, field)| {
        matches!(field.ty, FieldType::External(_))
            || error_catalog_codegen::model::placeholders(parts)
                .filter(|&f| f == index)
                .count()
                > 1
    })
}

/// `expand/tables.rs`'s `locale_list`: `locales`, or the default locale alone.
fn locale_list(catalog: &Catalog) -> Vec<&'static str> {
    match &catalog.locales.declared {
        Some(declared) => declared.value.iter().map(|t| leak_str(&t.value)).collect(),
        None => catalog
            .locales
            .default_tag()
            .map(leak_str)
            .into_iter()
            .collect(),
    }
}

/// Appends the template `parts` of `entry` to `words` and `literals`, as `expand/tables.rs`'s
/// `pack` does.
fn pack(
    catalog: &Catalog,
    entry: &Entry,
    parts: &[error_catalog_codegen::model::Part],
    words: &mut Vec<u64>,
    literals: &mut Vec<&'static str>,
) {
    let u32_of = |index: usize| u32::try_from(index).expect("few entries");
    let classes = Classes::new(catalog);
    let mut slots = error_catalog_codegen::model::placeholders(parts);
    for segment in classes.segments_of(entry, parts) {
        match segment {
            Segment::Literal(text) => {
                words.push(packed::LITERAL);
                literals.push(leak_str(text));
            }
            Segment::Field(class) => {
                let code = packed::class_code(&class, |values| {
                    let at = catalog.types.iter().position(|ty| {
                        ty.values
                            .iter()
                            .map(|v| v.value.as_str())
                            .eq(values.iter().copied())
                    })?;
                    Some(u32_of(at))
                });
                let slot = u32_of(slots.next().expect("one field per placeholder"));
                words.push(packed::field_word(slot, code));
            }
        }
    }
}

/// `__TRANSLATIONS` as `expand/tables.rs` writes it; `None` for a catalog without
/// translations. The fallback of each locale is found with the runtime's own lookup.
fn translations(catalog: &Catalog) -> Option<&'static private::Translations> {
    if catalog.entries.iter().all(|e| e.translations.is_empty()) {
        return None;
    }
    let u32_of = |index: usize| u32::try_from(index).expect("few entries");
    let locales = locale_list(catalog);
    let (mut words, mut literals, mut runs, mut ends) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (at, locale) in locales.iter().enumerate() {
        for (index, entry) in catalog.entries.iter().enumerate() {
            let Some(t) = entry.translation(locale) else {
                continue;
            };
            pack(catalog, entry, &t.parts, &mut words, &mut literals);
            runs.push((
                u32_of(index),
                u32_of(words.len()),
                u32_of(literals.len()),
                verify_rendering(entry, &t.parts),
            ));
        }
        // The parent: the first locale of the list that the tag without its last subtag
        // resolves to, other than itself.
        let parent = locale
            .rfind('-')
            .and_then(|cut| {
                let spec = private::with_locales(
                    private::catalog_spec(
                        "",
                        "",
                        None,
                        None,
                        wire_spec(&catalog.wire),
                        &[],
                        &[],
                        &[],
                        &[],
                    ),
                    "",
                    leak(locales.clone()),
                );
                spec.locale(&locale[..cut])
                    .and_then(|found| locales.iter().position(|l| *l == found))
            })
            .filter(|&p| p != at)
            .map_or(u32::MAX, u32_of);
        ends.push((parent, u32_of(runs.len())));
    }
    Some(Box::leak(Box::new(private::Translations::new(
        leak(ends),
        leak(runs),
        leak(words),
        leak(literals),
    ))))
}

/// `expand/tables.rs`'s `wire_tokens`.
fn wire_spec(wire: &Wire) -> error_catalog::WireSpec {
    fn object(members: &[(String, Node)], wire: &Wire) -> &'static [WireMember] {
        leak(
            members
                .iter()
                .map(|(key, node)| WireMember {
                    key: leak_str(key),
                    node: match node {
                        Node::Object(children) => WireNode::Object(object(children, wire)),
                        Node::Member(Member::Code) => WireNode::Code,
                        Node::Member(Member::Message) => WireNode::Message,
                        Node::Member(Member::Status) => WireNode::Status,
                        Node::Member(Member::Fields) => WireNode::Fields,
                        Node::Member(Member::Constant(index)) => WireNode::Constant(
                            wire.constants
                                .get(*index)
                                .map_or("", |c| leak_str(&c.value.value)),
                        ),
                    },
                })
                .collect(),
        )
    }
    let constants = wire
        .constants
        .iter()
        .map(|c| private::constant_spec(leak_str(&c.location.value), leak_str(&c.value.value)))
        .collect();
    private::wire_spec(
        leak_str(&wire.code.value),
        leak_str(&wire.message.value),
        wire.code_type.value == error_catalog_codegen::wire::CodeType::Integer,
        wire.status.as_ref().map(|s| leak_str(&s.value)),
        wire.fields.as_ref().map(|s| leak_str(&s.value)),
        leak(constants),
        wire.header.as_ref().map(|s| leak_str(&s.value)),
        object(&wire.layout(), wire),
    )
}

/// `__TABLES` as `expand/tables.rs` writes it: every entry's segments and slots one after
/// the other with where each entry's runs end, the codes sorted by their bytes, each with its
/// entries in the order a client tries them, and every entry a variant.
fn code_tables(catalog: &Catalog) -> &'static private::Tables {
    let u32_of = |index: usize| u32::try_from(index).expect("few entries");
    let (mut words, mut literals, mut entries) = (Vec::new(), Vec::new(), Vec::new());
    for entry in &catalog.entries {
        pack(catalog, entry, &entry.parts, &mut words, &mut literals);
        entries.push((
            u32_of(words.len()),
            u32_of(literals.len()),
            verify_rendering(entry, &entry.parts),
        ));
    }
    let mut codes = catalog.entries_by_code(|_| true);
    codes.sort_unstable_by(|(a, _), (b, _)| a.as_bytes().cmp(b.as_bytes()));
    let mut ends = Vec::new();
    let mut order = Vec::new();
    for (code, indices) in codes {
        order.extend(indices.iter().copied().map(u32_of));
        ends.push((leak_str(code), u32_of(order.len())));
    }
    let variants = (0..catalog.entries.len()).map(u32_of).collect();
    let names: Vec<&str> = ends.iter().map(|(code, _)| *code).collect();
    let buckets = packed::code_buckets(&names);
    let tables = private::Tables::new(
        leak(entries),
        leak(words),
        leak(literals),
        leak(ends),
        leak(buckets),
        leak(order),
        leak(variants),
    );
    let tables = match translations(catalog) {
        Some(translations) => tables.localized(translations),
        None => tables,
    };
    Box::leak(Box::new(tables))
}

/// A value of an entry of side `S`'s catalog: the entry's index and each field's text, in
/// variant order, as the field's `Display` writes it.
pub struct Dyn<S> {
    /// The entry's index in its catalog.
    pub entry: usize,
    /// Each field's text.
    pub values: Vec<String>,
    side: PhantomData<S>,
}

impl<S: Side> Dyn<S> {
    /// The value of entry `entry` whose fields parse from `texts`, or `None`.
    pub fn new(entry: usize, texts: &[String]) -> Option<Self> {
        let model = current::<S>().entries.get(entry)?;
        if texts.len() != model.fields.len() {
            return None;
        }
        let values = model
            .fields
            .iter()
            .zip(texts)
            .map(|(field, text)| field.ty.parse(text))
            .collect::<Option<Vec<String>>>()?;
        Some(Dyn {
            entry,
            values,
            side: PhantomData,
        })
    }

    fn model(&self) -> &'static EntryModel {
        &current::<S>().entries[self.entry]
    }

    /// The entry's name.
    pub fn name(&self) -> &'static str {
        self.spec().name
    }

    /// The text of the field named `name`, if the entry has it.
    pub fn field(&self, name: &str) -> Option<&str> {
        let at = self.model().fields.iter().position(|f| f.name == name)?;
        self.values.get(at).map(String::as_str)
    }
}

impl<S> Clone for Dyn<S> {
    fn clone(&self) -> Self {
        Dyn {
            entry: self.entry,
            values: self.values.clone(),
            side: PhantomData,
        }
    }
}

impl<S> fmt::Debug for Dyn<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dyn")
            .field("entry", &self.entry)
            .field("values", &self.values)
            .finish()
    }
}

/// The generated `Display`: the runtime's, over the tables and `parts`.
impl<S: Side> fmt::Display for Dyn<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        private::display(self, f)
    }
}

impl<S: Side> std::error::Error for Dyn<S> {}

impl<S: Side> CatalogError for Dyn<S> {
    fn catalog() -> &'static CatalogSpec {
        current::<S>().catalog
    }

    fn spec(&self) -> &'static ErrorSpec {
        &current::<S>().catalog.errors[self.entry]
    }

    fn from_parts(
        status: http::StatusCode,
        code: &str,
        message: &str,
    ) -> Result<Self, Unrecognized> {
        private::from_parts::<Self>(status, code, message)
    }

    fn from_response(status: http::StatusCode, body: &[u8]) -> Result<Self, Unrecognized> {
        private::from_response::<Self>(status, body)
    }

    fn from_http(
        status: http::StatusCode,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<Self, Unrecognized> {
        private::from_http::<Self>(status, headers, body)
    }

    /// The generated `retry_after`.
    fn retry_after(&self) -> Option<std::time::Duration> {
        private::retry_after(self)
    }
}

impl<S: Side> Generated for Dyn<S> {
    fn tables() -> &'static private::Tables {
        current::<S>().tables
    }

    fn index(&self) -> usize {
        self.entry
    }

    /// The generated `parts` arm: strings, catalog enums and the external type as text,
    /// integers and `bool`s as themselves.
    fn parts(&self, visit: &mut dyn FnMut(usize, &[Value<'_>])) {
        let values: Vec<Value<'_>> = self
            .model()
            .fields
            .iter()
            .zip(&self.values)
            .map(|(field, text)| match &field.ty {
                Ty::Bool => Value::Bool(text == "true"),
                Ty::Int(name) if name.starts_with('i') => {
                    text.parse().map_or(Value::Str(text), Value::I128)
                }
                Ty::Int(_) => text.parse().map_or(Value::Str(text), Value::U128),
                Ty::String | Ty::Enum(_) | Ty::Ipv4 => Value::Str(text),
            })
            .collect();
        visit(self.entry, &values);
    }

    /// The generated `build` arm: each field parsed from the text of its first placeholder.
    fn build(index: usize, text: &[&str]) -> Result<Self, usize> {
        let model = current::<S>().entries.get(index).ok_or(usize::MAX)?;
        let placeholders: Vec<usize> = model
            .parts
            .iter()
            .filter_map(|part| match part {
                Part::Placeholder { field, .. } => Some(*field),
                Part::Literal(_) => None,
            })
            .collect();
        let mut texts = Vec::new();
        for (field, model) in model.fields.iter().enumerate() {
            let capture = placeholders.iter().position(|&f| f == field).unwrap_or(0);
            let text = text.get(capture).ok_or(usize::MAX)?;
            if model.ty.parse(text).is_none() {
                return Err(capture);
            }
            texts.push((*text).to_owned());
        }
        Dyn::new(index, &texts).ok_or(usize::MAX)
    }
}

impl<S: Side> serde::Serialize for Dyn<S> {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        private::serialize(self, serializer)
    }
}
