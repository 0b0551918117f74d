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
use crate::{ErrorSpec, FieldSpec, TypeSpec};
use error_catalog_template::Segment;
use error_catalog_template::packed::{self, LITERAL};

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
    fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
            // A fresh formatter, with none of the caller's flags.
            Value::Display(value) => fmt::Write::write_fmt(f, format_args!("{value}")),
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

/// The most segments a template can have before its decoding goes to the heap.
const INLINE_SEGMENTS: usize = 16;

/// How generated code renders and matches one entry's messages: its template as words and
/// literals, and whether a value parsed from a message must be rendered again to compare it
/// with the message. A view into the flat arrays of [`Tables`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct EntryTable {
    /// One word per segment ([`packed`]): [`LITERAL`], or a placeholder's field and class.
    words: &'static [u64],
    /// The literal segments, in order.
    literals: &'static [&'static str],
    /// Whether a parsed value may render differently from the text it came from (an
    /// external type, or a field used twice).
    pub(crate) verify: bool,
}

impl EntryTable {
    /// The template that runs from `start` to `end` (each the end of the previous template's
    /// words and literals) in the flat arrays `words` and `literals`; `None` out of them.
    #[inline]
    fn cut(
        (words, literals): (&'static [u64], &'static [&'static str]),
        (words_start, literals_start): (u32, u32),
        (words_end, literals_end): (u32, u32),
        verify: bool,
    ) -> Option<EntryTable> {
        Some(EntryTable {
            words: words.get(words_start as usize..words_end as usize)?,
            literals: literals.get(literals_start as usize..literals_end as usize)?,
            verify,
        })
    }

    /// The template's one literal, when it has no placeholder.
    #[inline]
    pub(crate) fn literal(&self) -> Option<&'static str> {
        match (self.words, self.literals) {
            ([], _) => Some(""),
            ([LITERAL], [text]) => Some(text),
            _ => None,
        }
    }

    /// The field of each placeholder, as an index into the entry's fields, in template order.
    pub(crate) fn slots(&self) -> impl Iterator<Item = u32> + '_ {
        self.words
            .iter()
            .filter(|&&word| word != LITERAL)
            .map(|&word| (word >> 32) as u32)
    }

    /// Whether the template's first and last literals, where it starts or ends with one, are
    /// where `message` has them: a check in constant time before any splitting, which no
    /// message that the entry reads fails.
    #[inline]
    pub(crate) fn may_read(&self, message: &str) -> bool {
        let starts = match (self.words.first(), self.literals.first()) {
            (Some(&LITERAL), Some(first)) => message.starts_with(first),
            _ => true,
        };
        let ends = match (self.words.last(), self.literals.last()) {
            (Some(&LITERAL), Some(last)) => message.ends_with(last),
            _ => true,
        };
        starts && ends
    }

    /// For a template of one placeholder of any text, with or without a literal before and
    /// after it: the placeholder's field and its text in `message`, `None` when the message
    /// does not fit. `None` for any other template.
    #[inline]
    pub(crate) fn one_text_field<'m>(&self, message: &'m str) -> Option<(u32, Option<&'m str>)> {
        const TEXT: u64 = 0;
        let text_field = |word: u64| {
            (word != LITERAL && word & 0xffff_ffff == TEXT).then_some((word >> 32) as u32)
        };
        let (slot, prefix, suffix) = match (self.words, self.literals) {
            ([field], []) => (text_field(*field)?, "", ""),
            ([LITERAL, field], [prefix]) => (text_field(*field)?, *prefix, ""),
            ([field, LITERAL], [suffix]) => (text_field(*field)?, "", *suffix),
            ([LITERAL, field, LITERAL], [prefix, suffix]) => {
                (text_field(*field)?, *prefix, *suffix)
            }
            _ => return None,
        };
        let text = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix));
        Some((slot, text))
    }

    /// Whether the template has no placeholder.
    pub(crate) fn is_fixed(&self) -> bool {
        self.words.iter().all(|&word| word == LITERAL)
    }

    /// Calls `then` with the compiled template (the classes of catalog enums from `types`)
    /// and the field of each placeholder, decoded into buffers on the stack, or on the heap
    /// for a template of more than 16 segments.
    #[inline]
    pub(crate) fn with_template<R>(
        &self,
        types: &'static [TypeSpec],
        then: impl FnOnce(&[Segment<'static>], &[u32]) -> R,
    ) -> R {
        let mut literals = self.literals.iter();
        let segments = self.words.iter().map(|&word| {
            let enum_values = |k: u32| types.get(k as usize).map(|ty| ty.values);
            match packed::unpack(word, enum_values) {
                Some((_, class)) => Segment::Field(class),
                None => Segment::Literal(literals.next().copied().unwrap_or("")),
            }
        });
        if self.words.len() <= INLINE_SEGMENTS {
            let mut inline_segments = [Segment::Literal(""); INLINE_SEGMENTS];
            let mut inline_slots = [0u32; INLINE_SEGMENTS];
            let mut count = 0;
            for (place, segment) in inline_segments.iter_mut().zip(segments) {
                *place = segment;
            }
            for (place, slot) in inline_slots.iter_mut().zip(self.slots()) {
                *place = slot;
                count += 1;
            }
            then(&inline_segments[..self.words.len()], &inline_slots[..count])
        } else {
            let segments: Vec<Segment<'static>> = segments.collect();
            let slots: Vec<u32> = self.slots().collect();
            then(&segments, &slots)
        }
    }
}

/// The static tables of a generated enum, as flat arrays of literals: every entry's template
/// as one word per segment and its literal text, one entry after the other, and per entry
/// where its runs end. Flat arrays of plain literals cost the compiler far less than a
/// nested slice of enum values per entry.
#[derive(Clone, Copy, Debug)]
pub struct Tables {
    /// Per entry of the catalog, in catalog order: the end of its words in `words`, the end
    /// of its literals in `literals` (each run starting where the previous entry's ends), and
    /// whether a value parsed from a message is rendered again.
    pub(crate) entries: &'static [(u32, u32, bool)],
    /// Every entry's template, one word per segment ([`packed`]), one entry after the other.
    pub(crate) words: &'static [u64],
    /// Every entry's literal segments, one entry after the other.
    pub(crate) literals: &'static [&'static str],
    /// The codes of the entries that the enum covers, sorted by their bytes, each with the
    /// end of its run in `order` (its start being the previous code's end).
    pub(crate) codes: &'static [(&'static str, u32)],
    /// The open-addressing table of `codes` ([`packed::code_buckets`]).
    pub(crate) buckets: &'static [u32],
    /// For each code in turn, the indices of its covered entries in the order a client
    /// tries them.
    pub(crate) order: &'static [u32],
    /// The entry of each variant, in the enum's order.
    pub(crate) variants: &'static [u32],
    /// The templates of the translated messages; none for a catalog in one language.
    pub(crate) translations: &'static Translations,
}

/// The translated messages of a catalog, as flat arrays of literals as [`Tables`] holds the
/// default ones: per locale, the runs of the entries it translates, in entry order.
#[derive(Clone, Copy, Debug)]
pub struct Translations {
    /// Per locale of the catalog, in the order of [`CatalogSpec::locales`](crate::CatalogSpec):
    /// the locale its texts fall back to (an index of the same list, `u32::MAX` for the
    /// default locale) and the end of its runs in `runs`.
    pub(crate) locales: &'static [(u32, u32)],
    /// Each translated message: its entry, the end of its words and of its literals (each
    /// run starting where the previous one ends), and whether a parsed value is rendered
    /// again ([`EntryTable::verify`]).
    pub(crate) runs: &'static [(u32, u32, u32, bool)],
    /// The templates, one word per segment.
    pub(crate) words: &'static [u64],
    /// The literal segments.
    pub(crate) literals: &'static [&'static str],
}

/// The tables of a catalog without translations.
const NO_TRANSLATIONS: &Translations = &Translations {
    locales: &[],
    runs: &[],
    words: &[],
    literals: &[],
};

impl Translations {
    /// The translated messages of an enum's catalog.
    pub const fn new(
        locales: &'static [(u32, u32)],
        runs: &'static [(u32, u32, u32, bool)],
        words: &'static [u64],
        literals: &'static [&'static str],
    ) -> Self {
        Translations {
            locales,
            runs,
            words,
            literals,
        }
    }

    /// The template of the entry at `index` in the locale at `locale`, if that locale
    /// translates it itself.
    fn own(&self, locale: usize, index: usize) -> Option<EntryTable> {
        let end = self.locales.get(locale)?.1 as usize;
        let start = match locale.checked_sub(1) {
            Some(before) => self.locales.get(before)?.1 as usize,
            None => 0,
        };
        let runs = self.runs.get(start..end)?;
        let at = start
            + runs
                .binary_search_by_key(&index, |run| run.0 as usize)
                .ok()?;
        let (_, words_end, literals_end, verify) = *self.runs.get(at)?;
        let start = match at.checked_sub(1) {
            Some(before) => self.runs.get(before).map(|&(_, w, l, _)| (w, l))?,
            None => (0, 0),
        };
        EntryTable::cut(
            (self.words, self.literals),
            start,
            (words_end, literals_end),
            verify,
        )
    }
}

impl Tables {
    /// The tables of an enum.
    pub const fn new(
        entries: &'static [(u32, u32, bool)],
        words: &'static [u64],
        literals: &'static [&'static str],
        codes: &'static [(&'static str, u32)],
        buckets: &'static [u32],
        order: &'static [u32],
        variants: &'static [u32],
    ) -> Self {
        Tables {
            entries,
            words,
            literals,
            codes,
            buckets,
            order,
            variants,
            translations: NO_TRANSLATIONS,
        }
    }

    /// The tables with the templates of the catalog's translated messages.
    pub const fn localized(self, translations: &'static Translations) -> Self {
        Tables {
            translations,
            ..self
        }
    }

    /// The template of the entry at `index` in the locale at `locale` of the catalog's
    /// locales, along the fallback chain (the locale, the locales it falls back to, the
    /// default), with the locale it is in (`None` for the default). `None` for an index out
    /// of the tables.
    pub(crate) fn entry_in(
        &self,
        index: usize,
        locale: Option<usize>,
    ) -> Option<(EntryTable, Option<usize>)> {
        let mut at = locale;
        // A chain is never longer than the list of locales; the bound guards a hand-made
        // table whose chain loops.
        for _ in 0..=self.translations.locales.len() {
            let Some(here) = at else { break };
            if let Some(table) = self.translations.own(here, index) {
                return Some((table, Some(here)));
            }
            at = self
                .translations
                .locales
                .get(here)
                .map(|&(parent, _)| parent as usize)
                .filter(|&parent| parent != u32::MAX as usize);
        }
        Some((self.entry(index)?, None))
    }

    /// Every template of the entry at `index`: its message in the default locale, then its
    /// own translations, in the order of the catalog's locales; what a client tries a message
    /// against.
    pub(crate) fn templates(&self, index: usize) -> impl Iterator<Item = EntryTable> + '_ {
        let translations = self.translations;
        self.entry(index).into_iter().chain(
            (0..translations.locales.len())
                .filter_map(move |locale| translations.own(locale, index)),
        )
    }

    /// The indices of the covered entries with `code`, in the order a client tries them:
    /// a hash table lookup. Empty for a code the enum does not know.
    #[inline]
    pub fn entries_of(&self, code: &str) -> &'static [u32] {
        let code_at = |index: usize| self.codes.get(index).map(|(code, _)| *code);
        let Some(at) = packed::find_code(self.buckets, code_at, code) else {
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
    #[inline]
    pub(crate) fn entry(&self, index: usize) -> Option<EntryTable> {
        let (words_end, literals_end, verify) = *self.entries.get(index)?;
        let start = match index.checked_sub(1) {
            Some(before) => self.entries.get(before).map(|&(w, l, _)| (w, l))?,
            None => (0, 0),
        };
        EntryTable::cut(
            (self.words, self.literals),
            start,
            (words_end, literals_end),
            verify,
        )
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
    pub(crate) fn render(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut literals = self.table.literals.iter();
        for &word in self.table.words {
            if word == LITERAL {
                f.write_str(literals.next().ok_or(fmt::Error)?)?;
            } else {
                let slot = (word >> 32) as usize;
                self.values.get(slot).ok_or(fmt::Error)?.write(f)?;
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

/// [`with_parts`] with the template of the value's entry in the locale at `locale` of the
/// catalog's locales, along the fallback chain ([`Tables::entry_in`]); `then` also gets the
/// locale the template is in (`None` for the default).
pub(crate) fn with_parts_in<E: Generated, R>(
    error: &E,
    locale: Option<usize>,
    then: impl FnOnce(Parts<'_>, Option<usize>) -> R,
) -> Option<R> {
    let mut then = Some(then);
    let mut result = None;
    error.parts(&mut |index, values| {
        let (Some(then), Some(spec), Some((table, used))) = (
            then.take(),
            E::catalog().errors.get(index),
            E::tables().entry_in(index, locale),
        ) else {
            return;
        };
        result = Some(then(
            Parts {
                spec,
                table,
                values,
            },
            used,
        ));
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
    E::tables()
        .variants
        .iter()
        .filter_map(|&index| match example::<E>(index as usize) {
            Ok(value) => Some(value),
            Err(why) if why.is_empty() => None,
            Err(why) => panic!("{why}"),
        })
        .collect()
}

/// The value of the entry at `index` with the catalog's example in every field; `Err` with
/// why when the example of a field does not parse as its type (an external type, which the
/// build cannot check), or with `""` for an index out of the tables.
pub(crate) fn example<E: Generated>(index: usize) -> Result<E, String> {
    let (catalog, tables) = (E::catalog(), E::tables());
    let (Some(spec), Some(table)) = (catalog.errors.get(index), tables.entry(index)) else {
        return Err(String::new());
    };
    let texts: Vec<&str> = table
        .slots()
        .map(|slot| {
            spec.fields
                .get(slot as usize)
                .map_or("", |field| field.example)
        })
        .collect();
    E::build(index, &texts).map_err(|placeholder| {
        let field = table
            .slots()
            .nth(placeholder)
            .and_then(|slot| spec.fields.get(slot as usize));
        let (name, ty, example) = field.map_or(("?", "?", "?"), |field| {
            (field.name, field.ty, field.example)
        });
        format!(
            "the example {example:?} of field `{name}` of `{}` does not parse as `{ty}`",
            spec.name
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: Value<'_>) -> String {
        struct Written<'v>(Value<'v>);
        impl fmt::Display for Written<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.write(f)
            }
        }
        // The caller's flags reach no value: no padding here.
        format!("{:>40}", Written(value))
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
        use error_catalog_template::{Class, Int};

        static TYPES: [TypeSpec; 1] = [TypeSpec {
            name: "Job",
            values: &["EXPORT", "IMPORT"],
            doc: "",
        }];
        let words = [
            LITERAL,
            LITERAL,
            packed::field_word(1, packed::class_code(&Class::Integer(Int::I16), |_| None)),
            packed::field_word(0, packed::class_code(&Class::OneOf(&["A"]), |_| Some(0))),
            packed::field_word(2, packed::class_code(&Class::Bool, |_| None)),
        ];
        let tables = Tables::new(
            &[(1, 1, false), (5, 2, true), (5, 2, false)],
            Box::leak(Box::new(words)),
            &["a", "b "],
            &[],
            &[],
            &[],
            &[],
        );
        let first = tables.entry(0).unwrap();
        assert_eq!((first.literal(), first.verify), (Some("a"), false));
        let second = tables.entry(1).unwrap();
        second.with_template(&TYPES, |segments, slots| {
            assert_eq!(
                segments,
                [
                    Segment::Literal("b "),
                    Segment::Field(Class::Integer(Int::I16)),
                    Segment::Field(Class::OneOf(&["EXPORT", "IMPORT"])),
                    Segment::Field(Class::Bool),
                ]
            );
            assert_eq!(slots, [1, 0, 2]);
        });
        assert!(second.verify);
        let third = tables.entry(2).unwrap();
        assert_eq!((third.literal(), third.is_fixed()), (Some(""), true));
        assert!(tables.entry(3).is_none());
    }

    #[test]
    fn codes_are_found_in_their_hash_table() {
        let codes: &'static [(&'static str, u32)] = &[("1", 1), ("10", 3), ("2", 3), ("B", 4)];
        let names: Vec<&str> = codes.iter().map(|(code, _)| *code).collect();
        let buckets = Box::leak(packed::code_buckets(&names).into_boxed_slice());
        let tables = Tables::new(&[], &[], &[], codes, buckets, &[4, 0, 2, 1], &[]);
        assert_eq!(tables.entries_of("1"), [4]);
        assert_eq!(tables.entries_of("10"), [0, 2]);
        assert_eq!(tables.entries_of("2"), [] as [u32; 0]);
        assert_eq!(tables.entries_of("B"), [1]);
        assert_eq!(tables.entries_of("3"), [] as [u32; 0]);
        assert_eq!(tables.entries_of(""), [] as [u32; 0]);
    }
}
