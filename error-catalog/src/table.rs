//! The tables that generated code hands to the runtime, and the run-time functions over them.
//!
//! A generated enum holds, per variant, only what must be per variant: the variant, one arm
//! that projects a value onto its entry's index and its field values ([`Generated::parts`]),
//! one arm that gives the entry's index alone ([`Generated::index`]) and one arm that builds
//! the value from text ([`Generated::build`]). Everything else (rendering the message,
//! serializing the body, problem details, `retry_after`, the examples, finding a code's
//! entries and splitting a message) is a function here, over the static [`Tables`], compiled
//! once in this crate rather than once per variant in every crate that has an enum.

use std::fmt;

use serde::ser::{Serialize, Serializer};

use crate::__private::Generated;
use crate::{ErrorSpec, FieldSpec};
use error_catalog_template::Segment;

/// One field value of an error, as the projection of a generated enum gives it: borrowed from
/// the value, with the field's type kept for serialization.
#[derive(Clone, Copy)]
pub enum Value<'a> {
    /// A `String`, or a generated catalog enum as its wire spelling.
    Str(&'a str),
    /// A `bool`.
    Bool(bool),
    /// An `i8`.
    I8(i8),
    /// An `i16`.
    I16(i16),
    /// An `i32`.
    I32(i32),
    /// An `i64`.
    I64(i64),
    /// An `i128`.
    I128(i128),
    /// An `isize`.
    Isize(isize),
    /// A `u8`.
    U8(u8),
    /// A `u16`.
    U16(u16),
    /// A `u32`.
    U32(u32),
    /// A `u64`.
    U64(u64),
    /// A `u128`.
    U128(u128),
    /// A `usize`.
    Usize(usize),
    /// Any other type (an external type, a catalog enum the user declares), through its
    /// `Display`.
    Display(&'a dyn fmt::Display),
}

impl fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Value(")?;
        self.write(f)?;
        f.write_str(")")
    }
}

impl Value<'_> {
    /// Writes the value as the message shows it. Integers are written by `itoa`, with no
    /// `fmt` machinery; no flag of `f` reaches a value written through its `Display`.
    fn write(&self, f: &mut dyn fmt::Write) -> fmt::Result {
        macro_rules! int {
            ($n:expr) => {
                f.write_str(itoa::Buffer::new().format($n))
            };
        }
        match *self {
            Value::Str(text) => f.write_str(text),
            Value::Bool(value) => f.write_str(if value { "true" } else { "false" }),
            Value::I8(n) => int!(n),
            Value::I16(n) => int!(n),
            Value::I32(n) => int!(n),
            Value::I64(n) => int!(n),
            Value::I128(n) => int!(n),
            Value::Isize(n) => int!(n),
            Value::U8(n) => int!(n),
            Value::U16(n) => int!(n),
            Value::U32(n) => int!(n),
            Value::U64(n) => int!(n),
            Value::U128(n) => int!(n),
            Value::Usize(n) => int!(n),
            Value::Display(value) => f.write_fmt(format_args!("{value}")),
        }
    }

    /// The delay of a `retry_after` field: its value in seconds, unless it is negative or
    /// not an integer that fits a `u64`.
    pub(crate) fn seconds(&self) -> Option<std::time::Duration> {
        let seconds: Option<u64> = match *self {
            Value::I8(n) => n.try_into().ok(),
            Value::I16(n) => n.try_into().ok(),
            Value::I32(n) => n.try_into().ok(),
            Value::I64(n) => n.try_into().ok(),
            Value::I128(n) => n.try_into().ok(),
            Value::Isize(n) => n.try_into().ok(),
            Value::U8(n) => Some(n.into()),
            Value::U16(n) => Some(n.into()),
            Value::U32(n) => Some(n.into()),
            Value::U64(n) => Some(n),
            Value::U128(n) => n.try_into().ok(),
            Value::Usize(n) => n.try_into().ok(),
            Value::Str(_) | Value::Bool(_) | Value::Display(_) => None,
        };
        seconds.map(std::time::Duration::from_secs)
    }
}

/// A field in the body: integers and `bool`s as themselves, the rest as strings.
impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Value::Str(text) => serializer.serialize_str(text),
            Value::Bool(value) => serializer.serialize_bool(value),
            Value::I8(n) => serializer.serialize_i8(n),
            Value::I16(n) => serializer.serialize_i16(n),
            Value::I32(n) => serializer.serialize_i32(n),
            Value::I64(n) => serializer.serialize_i64(n),
            Value::I128(n) => serializer.serialize_i128(n),
            Value::Isize(n) => n.serialize(serializer),
            Value::U8(n) => serializer.serialize_u8(n),
            Value::U16(n) => serializer.serialize_u16(n),
            Value::U32(n) => serializer.serialize_u32(n),
            Value::U64(n) => serializer.serialize_u64(n),
            Value::U128(n) => serializer.serialize_u128(n),
            Value::Usize(n) => n.serialize(serializer),
            Value::Display(value) => serializer.collect_str(value),
        }
    }
}

/// How generated code renders and matches one entry's messages: its compiled template, the
/// field of each placeholder, and whether a value parsed from a message must be rendered
/// again to compare it with the message. A view into the flat arrays of [`Tables`].
#[derive(Clone, Copy, Debug)]
pub struct EntryTable {
    /// The template: literal text and placeholders with the class of their field's type.
    pub(crate) segments: &'static [Segment<'static>],
    /// The field of each placeholder, as an index into the entry's fields, in template order.
    pub(crate) slots: &'static [u32],
    /// Whether a parsed value may render differently from the text it came from (an
    /// external type, or a field used twice).
    pub(crate) verify: bool,
}

impl EntryTable {
    /// The template's one literal, when it has no placeholder.
    fn literal(&self) -> Option<&'static str> {
        match self.segments {
            [] => Some(""),
            [Segment::Literal(text)] => Some(text),
            _ => None,
        }
    }
}

/// The static tables of a generated enum, as flat arrays of literals: one array of every
/// entry's template segments, one of every entry's placeholder slots, and per entry where its
/// runs end. Flat arrays of plain values cost the compiler far less than a nested slice per
/// entry.
#[derive(Clone, Copy, Debug)]
pub struct Tables {
    /// Per entry of the catalog, in catalog order: the end of its segments in `segments`,
    /// the end of its slots in `slots` (each run starting where the previous entry's ends),
    /// and whether a value parsed from a message is rendered again ([`EntryTable::verify`]).
    pub(crate) entries: &'static [(u32, u32, bool)],
    /// Every entry's template, one after the other.
    pub(crate) segments: &'static [Segment<'static>],
    /// Every entry's placeholders, each as the index of its field in the entry, one entry
    /// after the other.
    pub(crate) slots: &'static [u32],
    /// The codes of the entries that the enum covers, sorted by their bytes, each with the
    /// end of its run in `order` (its start being the previous code's end).
    pub(crate) codes: &'static [(&'static str, u32)],
    /// For each code in turn, the indices of its covered entries in the order a client
    /// tries them.
    pub(crate) order: &'static [u32],
    /// The entry of each variant, in the enum's order.
    pub(crate) variants: &'static [u32],
}

impl Tables {
    /// The tables of an enum.
    pub const fn new(
        entries: &'static [(u32, u32, bool)],
        segments: &'static [Segment<'static>],
        slots: &'static [u32],
        codes: &'static [(&'static str, u32)],
        order: &'static [u32],
        variants: &'static [u32],
    ) -> Self {
        Tables {
            entries,
            segments,
            slots,
            codes,
            order,
            variants,
        }
    }

    /// The indices of the covered entries with `code`, in the order a client tries them:
    /// a binary search of the sorted codes. Empty for a code the enum does not know.
    pub fn entries_of(&self, code: &str) -> &'static [u32] {
        let Ok(at) = self.codes.binary_search_by(|(c, _)| (*c).cmp(code)) else {
            return &[];
        };
        let start = at
            .checked_sub(1)
            .and_then(|before| self.codes.get(before))
            .map_or(0, |(_, end)| *end as usize);
        let end = self.codes.get(at).map_or(0, |(_, end)| *end as usize);
        self.order.get(start..end).unwrap_or(&[])
    }

    /// The table of the entry at `index`; `None` for an index out of the tables or runs out
    /// of the arrays, which no generated code gives.
    pub(crate) fn entry(&self, index: usize) -> Option<EntryTable> {
        let (segments_end, slots_end, verify) = *self.entries.get(index)?;
        let (segments_start, slots_start) = match index.checked_sub(1) {
            Some(before) => {
                let (segments, slots, _) = *self.entries.get(before)?;
                (segments, slots)
            }
            None => (0, 0),
        };
        Some(EntryTable {
            segments: self
                .segments
                .get(segments_start as usize..segments_end as usize)?,
            slots: self.slots.get(slots_start as usize..slots_end as usize)?,
            verify,
        })
    }
}

/// One value of a generated enum, projected: its entry and its field values.
#[derive(Clone, Copy)]
pub(crate) struct Parts<'a> {
    /// The entry's metadata.
    pub(crate) spec: &'static ErrorSpec,
    /// The entry's table.
    pub(crate) table: EntryTable,
    /// The value of each field, in the entry's order.
    pub(crate) values: &'a [Value<'a>],
}

impl<'a> Parts<'a> {
    /// The parts of the entry at `index` of the enum `E` with `values`; `None` only for an
    /// index out of the tables, which no generated code gives.
    pub(crate) fn of<E: Generated>(index: usize, values: &'a [Value<'a>]) -> Option<Self> {
        Some(Parts {
            spec: E::catalog().errors.get(index)?,
            table: E::tables().entry(index)?,
            values,
        })
    }

    /// Each field's metadata with its value.
    pub(crate) fn fields(&self) -> impl Iterator<Item = (&'static FieldSpec, &Value<'a>)> {
        self.spec.fields.iter().zip(self.values)
    }

    /// The message as one string, when the template has no placeholder.
    pub(crate) fn literal(&self) -> Option<&'static str> {
        self.table.literal()
    }

    /// Writes the rendered message: each literal as it is, each placeholder's value as
    /// [`Value`] writes it.
    pub(crate) fn render(&self, f: &mut dyn fmt::Write) -> fmt::Result {
        let mut slots = self.table.slots.iter();
        for segment in self.table.segments {
            match segment {
                Segment::Literal(text) => f.write_str(text)?,
                Segment::Field(_) => {
                    let value = slots
                        .next()
                        .and_then(|&slot| self.values.get(slot as usize))
                        .ok_or(fmt::Error)?;
                    value.write(f)?;
                }
            }
        }
        Ok(())
    }

    /// The delay of the entry's `retry_after` field, if it has one.
    pub(crate) fn retry_after(&self) -> Option<std::time::Duration> {
        let name = self.spec.retry_after?;
        self.fields()
            .find(|(field, _)| field.name == name)
            .and_then(|(_, value)| value.seconds())
    }
}

/// The rendered message.
impl fmt::Display for Parts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(f)
    }
}

/// Calls `then` with the parts of `error`, and gives what it returns; `None` only for a
/// projection out of the tables, which no generated code gives.
pub(crate) fn with_parts<E: Generated, R>(
    error: &E,
    then: impl FnOnce(Parts<'_>) -> R,
) -> Option<R> {
    let mut then = Some(then);
    let mut result = None;
    error.parts(&mut |index, values| {
        if let (Some(then), Some(parts)) = (then.take(), Parts::of::<E>(index, values)) {
            result = Some(then(parts));
        }
    });
    result
}

/// The body of the generated `Display`.
pub(crate) fn display<E: Generated>(error: &E, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    // A width or a precision applies to the message as a whole, as for a `str`; without
    // them the message is written straight to the formatter.
    if f.width().is_some() || f.precision().is_some() {
        return pad(f, error);
    }
    with_parts(error, |parts| parts.render(f)).unwrap_or(Err(fmt::Error))
}

/// Writes `message` with the width, precision, fill and alignment of `f`, as for a `str`.
pub(crate) fn pad(f: &mut fmt::Formatter<'_>, message: &dyn fmt::Display) -> fmt::Result {
    f.pad(&message.to_string())
}

/// The body of the generated `retry_after`.
pub(crate) fn retry_after<E: Generated>(error: &E) -> Option<std::time::Duration> {
    with_parts(error, |parts| parts.retry_after()).flatten()
}

/// The body of the generated `examples()`: one value of each variant, in the enum's order,
/// with the catalog's example in every field.
pub(crate) fn examples<E: Generated>() -> Vec<E> {
    let (catalog, tables) = (E::catalog(), E::tables());
    let mut texts = Vec::new();
    tables
        .variants
        .iter()
        .filter_map(|&index| {
            let index = index as usize;
            let spec = catalog.errors.get(index)?;
            let table = tables.entry(index)?;
            texts.clear();
            texts.extend(table.slots.iter().map(|&slot| {
                spec.fields
                    .get(slot as usize)
                    .map_or("", |field| field.example)
            }));
            Some(E::build(index, &texts).unwrap_or_else(|placeholder| {
                let field = table
                    .slots
                    .get(placeholder)
                    .and_then(|&slot| spec.fields.get(slot as usize));
                let (name, ty, example) = field.map_or(("?", "?", "?"), |field| {
                    (field.name, field.ty, field.example)
                });
                panic!(
                    "the example {example:?} of field `{name}` of `{}` does not parse as `{ty}`",
                    spec.name
                )
            }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: Value<'_>) -> String {
        let mut out = String::new();
        value.write(&mut out).unwrap();
        out
    }

    #[test]
    fn values_write_as_their_types_display() {
        assert_eq!(written(Value::I8(i8::MIN)), i8::MIN.to_string());
        assert_eq!(written(Value::I128(i128::MIN)), i128::MIN.to_string());
        assert_eq!(written(Value::U128(u128::MAX)), u128::MAX.to_string());
        assert_eq!(written(Value::Isize(-3)), "-3");
        assert_eq!(written(Value::Usize(0)), "0");
        assert_eq!(written(Value::Bool(true)), "true");
        assert_eq!(written(Value::Str("a{b}")), "a{b}");
        let address = std::net::Ipv4Addr::new(10, 0, 0, 1);
        assert_eq!(written(Value::Display(&address)), "10.0.0.1");
    }

    #[test]
    fn negative_and_oversized_delays_are_none() {
        assert_eq!(Value::I32(-1).seconds(), None);
        assert_eq!(Value::U128(u128::MAX).seconds(), None);
        assert_eq!(
            Value::U8(3).seconds(),
            Some(std::time::Duration::from_secs(3))
        );
        assert_eq!(Value::Str("3").seconds(), None);
    }

    #[test]
    fn entries_are_runs_of_the_flat_arrays() {
        static TABLES: Tables = Tables::new(
            &[(1, 0, false), (4, 2, true), (4, 2, false)],
            &[
                Segment::Literal("a"),
                Segment::Literal("b "),
                Segment::Field(error_catalog_template::Class::Text),
                Segment::Field(error_catalog_template::Class::Bool),
            ],
            &[1, 0],
            &[],
            &[],
            &[],
        );
        let first = TABLES.entry(0).unwrap();
        assert_eq!(
            (first.segments.len(), first.slots, first.verify),
            (1, &[][..], false)
        );
        let second = TABLES.entry(1).unwrap();
        assert_eq!(
            (second.segments.len(), second.slots, second.verify),
            (3, &[1, 0][..], true)
        );
        let third = TABLES.entry(2).unwrap();
        assert_eq!((third.segments.len(), third.slots.len()), (0, 0));
        assert!(TABLES.entry(3).is_none());
    }

    #[test]
    fn codes_are_found_by_binary_search() {
        static TABLES: Tables = Tables::new(
            &[],
            &[],
            &[],
            &[("1", 1), ("10", 3), ("2", 3), ("B", 4)],
            &[4, 0, 2, 1],
            &[],
        );
        assert_eq!(TABLES.entries_of("1"), [4]);
        assert_eq!(TABLES.entries_of("10"), [0, 2]);
        assert_eq!(TABLES.entries_of("2"), [] as [u32; 0]);
        assert_eq!(TABLES.entries_of("B"), [1]);
        assert_eq!(TABLES.entries_of("3"), [] as [u32; 0]);
        assert_eq!(TABLES.entries_of(""), [] as [u32; 0]);
    }
}
