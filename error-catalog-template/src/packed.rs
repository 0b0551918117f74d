//! A compiled template packed into plain integers, as generated code stores it: one word per
//! segment, either [`LITERAL`] (the entry's next literal text, kept beside the words) or a
//! placeholder's [`field_word`], the index of its field and the class of its type. The code
//! generator packs ([`field_word`], [`class_code`]); the runtime unpacks ([`unpack`]).
//!
//! ```
//! use error_catalog_template::packed::{self, LITERAL};
//! use error_catalog_template::{Class, Int};
//!
//! let word = packed::field_word(2, packed::class_code(&Class::Integer(Int::U32), |_| None));
//! assert_ne!(word, LITERAL);
//! assert_eq!(packed::unpack(word, |_| None), Some((2, Class::Integer(Int::U32))));
//! assert_eq!(packed::unpack(LITERAL, |_| None), None);
//! ```

use crate::{Class, Int};

/// The word of a literal segment.
pub const LITERAL: u64 = u64::MAX;

/// The class code of [`Class::Text`].
const TEXT: u32 = 0;

/// The class code of [`Class::Bool`].
const BOOL: u32 = 1;

/// The class code of the first integer type; the others follow in [`Int::ALL`]'s order.
const FIRST_INTEGER: u32 = 2;

/// The class code of the first catalog enum; the `k`-th enum is `FIRST_ENUM + k`.
const FIRST_ENUM: u32 = FIRST_INTEGER + Int::ALL.len() as u32;

/// The word of a placeholder: the index of its field in the entry (high half) and the code of
/// its class (low half, [`class_code`]). Never [`LITERAL`] for a class code below `u32::MAX`.
pub const fn field_word(slot: u32, class: u32) -> u64 {
    ((slot as u64) << 32) | class as u64
}

/// The code of a class: `0` any text, `1` a `bool`, `2..=13` an integer type ([`Int::ALL`] in
/// order), `14 + k` a value of the catalog's `k`-th enum, whose index `enum_index` gives from
/// the class's values. Values of no enum of the catalog are packed as any text, which matches
/// more and never less.
pub fn class_code(class: &Class<'_>, enum_index: impl FnOnce(&[&str]) -> Option<u32>) -> u32 {
    match class {
        Class::Text => TEXT,
        Class::Bool => BOOL,
        Class::Integer(int) => FIRST_INTEGER + *int as u32,
        Class::OneOf(values) => match enum_index(values) {
            Some(index) if index < u32::MAX - FIRST_ENUM => FIRST_ENUM + index,
            _ => TEXT,
        },
    }
}

/// The field index and class of a placeholder's word, the values of the `k`-th catalog enum
/// being `enum_values(k)`; `None` for [`LITERAL`]. An enum that `enum_values` does not know
/// matches nothing.
pub fn unpack<'a>(
    word: u64,
    enum_values: impl FnOnce(u32) -> Option<&'a [&'a str]>,
) -> Option<(u32, Class<'a>)> {
    if word == LITERAL {
        return None;
    }
    let (slot, code) = ((word >> 32) as u32, word as u32);
    let class = match code {
        TEXT => Class::Text,
        BOOL => Class::Bool,
        code if code < FIRST_ENUM => Int::ALL
            .get((code - FIRST_INTEGER) as usize)
            .map_or(Class::OneOf(&[]), |&int| Class::Integer(int)),
        code => Class::OneOf(enum_values(code - FIRST_ENUM).unwrap_or(&[])),
    };
    Some((slot, class))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_unpacks_as_it_was_packed() {
        const VALUES: &[&str] = &["EXPORT", "IMPORT"];
        let classes = [Class::Text, Class::Bool, Class::OneOf(VALUES)]
            .into_iter()
            .chain(Int::ALL.map(Class::Integer));
        for (slot, class) in [0, 1, 7, u32::MAX]
            .into_iter()
            .zip(classes.cycle().take(60))
        {
            let code = class_code(&class, |values| (values == VALUES).then_some(3));
            let word = field_word(slot, code);
            assert_ne!(word, LITERAL);
            let enums = |k: u32| (k == 3).then_some(VALUES);
            assert_eq!(unpack(word, enums), Some((slot, class)), "{class:?}");
        }
    }

    #[test]
    fn unknown_codes_match_nothing_and_unknown_enums_any_text() {
        assert_eq!(
            unpack(field_word(0, 9_999), |_| None),
            Some((0, Class::OneOf(&[])))
        );
        assert_eq!(class_code(&Class::OneOf(&["A"]), |_| None), TEXT);
    }
}
