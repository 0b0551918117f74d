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

/// The hash of an error code that places it in a generated enum's code table: 32-bit FNV-1a
/// over its bytes. The code generator fills the table with it and the client looks codes up
/// with it, so both must use this one function.
pub const fn code_hash(code: &str) -> u32 {
    let bytes = code.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// The open-addressing table of `codes` that [`code_hash`] and linear probing search: a
/// power-of-two number of buckets, at least twice as many as codes, each `0` when empty or
/// one more than the index of the code that landed there.
pub fn code_buckets<S: AsRef<str>>(codes: &[S]) -> Vec<u32> {
    let size = (codes.len() * 2).next_power_of_two().max(2);
    let mask = size - 1;
    let mut buckets = vec![0u32; size];
    for (index, code) in codes.iter().enumerate() {
        let mut at = code_hash(code.as_ref()) as usize & mask;
        while buckets[at] != 0 {
            at = (at + 1) & mask;
        }
        buckets[at] = u32::try_from(index + 1).unwrap_or(u32::MAX);
    }
    buckets
}

/// The index of `code` among the codes that `buckets` were built of ([`code_buckets`]), the
/// code at each index being `code_at(index)`; `None` for a code not there, after at most one
/// pass over the buckets.
pub fn find_code<'c>(
    buckets: &[u32],
    code_at: impl Fn(usize) -> Option<&'c str>,
    code: &str,
) -> Option<usize> {
    let mask = buckets.len().checked_sub(1)?;
    let mut at = code_hash(code) as usize & mask;
    for _ in 0..buckets.len() {
        let index = buckets.get(at)?.checked_sub(1)? as usize;
        if code_at(index)? == code {
            return Some(index);
        }
        at = (at + 1) & mask;
    }
    None
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
    fn every_code_is_found_in_its_buckets_and_no_other() {
        for count in [0, 1, 2, 3, 50, 1_000] {
            let codes: Vec<String> = (0..count).map(|i| format!("{}", i * 7 + 100)).collect();
            let buckets = code_buckets(&codes);
            assert!(buckets.len() >= 2 * count && buckets.len().is_power_of_two());
            let code_at = |index: usize| codes.get(index).map(String::as_str);
            for (index, code) in codes.iter().enumerate() {
                assert_eq!(find_code(&buckets, code_at, code), Some(index));
            }
            for absent in ["", "99", "101", "x"] {
                assert_eq!(find_code(&buckets, code_at, absent), None);
            }
        }
        assert_eq!(find_code(&[], |_| None, "1"), None);
        // A table whose buckets are all full still ends its search.
        let full = ["a", "b"];
        assert_eq!(find_code(&[1, 2], |i| full.get(i).copied(), "c"), None);
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
