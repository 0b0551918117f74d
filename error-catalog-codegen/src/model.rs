//! The typed catalog: what `catalog/*.toml` says, with the source span of every part.

use std::ops::Range;

use error_catalog_template::{Class, Piece, Segment};

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
    /// The JSON keys of the error body.
    pub wire: Wire,
    /// The status table, in catalog order.
    pub statuses: Vec<Status>,
    /// The catalog enums, in catalog order.
    pub types: Vec<EnumType>,
    /// The error entries, in catalog order.
    pub entries: Vec<Entry>,
    /// Codes that must never be used again.
    pub retired: Vec<Retired>,
}

/// `[catalog] wire`: the JSON keys of the error body.
#[derive(Clone, Debug)]
pub struct Wire {
    /// Key of the code.
    pub code: Spanned<String>,
    /// Key of the message.
    pub message: Spanned<String>,
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
}

/// A catalog enum, `[types.Name]`.
#[derive(Clone, Debug)]
pub struct EnumType {
    /// The Rust type name; its span is the table's key.
    pub name: Spanned<String>,
    /// The wire values, in order.
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
    /// The parsed template.
    pub pieces: Vec<Piece>,
    /// The span in the file of each placeholder of the template, in order of appearance.
    pub placeholder_spans: Vec<Range<usize>>,
    /// One field per distinct placeholder, in order of first use.
    pub fields: Vec<Field>,
    /// What the error means, or empty.
    pub doc: String,
    /// `shared_code = true`, with its span.
    pub shared_code: Option<Spanned<bool>>,
}

/// One field of an entry: a placeholder and its type.
#[derive(Clone, Debug)]
pub struct Field {
    /// The field name; its span is the placeholder in the message.
    pub name: Spanned<String>,
    /// The Rust identifier: the name, or `r#name` for a keyword.
    pub ident: String,
    /// The resolved type.
    pub ty: FieldType,
    /// The type as written in the catalog (`"String"` when not declared).
    pub ty_text: Spanned<String>,
    /// The example value, given or derived from the type.
    pub example: Spanned<String>,
    /// What the field holds, or empty.
    pub doc: String,
}

/// The type of a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// A primitive integer type, by name (`u32`, `i64`, ...).
    Integer(&'static str),
    /// A catalog enum: the index into [`Catalog::types`].
    Enum(usize),
    /// An external type by path, implementing `Display + FromStr`.
    External(String),
}

/// The primitive integer types a field can have.
pub const INTEGER_TYPES: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// The wire values of every catalog enum as `&str` slices, which [`Class::OneOf`] borrows.
pub struct Classes<'a> {
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
            FieldType::Integer(_) => Class::Integer,
            FieldType::Enum(index) => Class::OneOf(&self.values[*index]),
        }
    }

    /// The compiled template of an entry: literal text and placeholders with their classes.
    pub fn segments<'s>(&'s self, entry: &'s Entry) -> Vec<Segment<'s>> {
        entry
            .pieces
            .iter()
            .map(|piece| match piece {
                Piece::Literal(text) => Segment::Literal(text),
                Piece::Placeholder { name, .. } => Segment::Field(
                    entry
                        .field(name)
                        .map_or(Class::Text, |field| self.class(&field.ty)),
                ),
            })
            .collect()
    }
}

impl Catalog {
    /// The reason phrase of a status in the table, if it is there.
    pub fn reason(&self, code: u16) -> Option<&str> {
        self.statuses
            .iter()
            .find(|status| status.code.value == code)
            .map(|status| status.reason.as_str())
    }

    /// The type as Rust names it in generated code, written relative to the enum's module.
    pub fn rust_type(&self, ty: &FieldType) -> String {
        match ty {
            FieldType::String => "::std::string::String".to_owned(),
            FieldType::Bool => "::core::primitive::bool".to_owned(),
            FieldType::Integer(name) => format!("::core::primitive::{name}"),
            FieldType::Enum(index) => self.types[*index].name.value.clone(),
            FieldType::External(path) => path.clone(),
        }
    }
}

impl Entry {
    /// The field of a placeholder name.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|field| field.name.value == name)
    }

    /// For each placeholder, in order of appearance, the index of its field.
    pub fn placeholder_fields(&self) -> Vec<usize> {
        self.pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Placeholder { name, .. } => {
                    self.fields.iter().position(|f| f.name.value == *name)
                }
                Piece::Literal(_) => None,
            })
            .collect()
    }

    /// The message rendered with every field's example.
    pub fn example_message(&self) -> String {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Literal(text) => text.as_str(),
                Piece::Placeholder { name, .. } => self
                    .field(name)
                    .map_or("", |field| field.example.value.as_str()),
            })
            .collect()
    }
}
