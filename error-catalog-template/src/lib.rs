//! Message templates of [error-catalog](https://docs.rs/error-catalog): the one template
//! engine that both build time and run time use.
//!
//! A template is the wire text of an error message with named placeholders:
//! `"Storage region = {region} is not eligible for the org:{org_id}"`. `{{` and `}}` stand
//! for literal braces. Generated code stores a template as [`Segment`]s: literal text, and
//! placeholders each with the [`Class`] of text its field's type renders as.
//!
//! - [`split`] matches a received message against a template's segments and gives the
//!   text of each placeholder; [`split_repeated`] does the same for a template that uses a
//!   field in several places, which must then hold the same text; [`render`] puts texts back
//!   into a template.
//! - With the `build` feature (for the code generator): [`parse`] turns template source into
//!   [`Piece`]s, keeping the byte span of every placeholder so that a diagnostic can point at
//!   it, and reports every mistake at once; [`overlap`] decides whether two templates can
//!   match the same message, and gives one such message as a witness; [`uncovered`] decides
//!   whether every message of one template matches another, and gives one that does not;
//!   and [`Class::separable_from`] tells whether two placeholders can be side by side.
//!
//! # How a message is split
//!
//! A *reading* of a message is a text for each placeholder such that its class accepts it
//! ([`Class::accepts`]: text, any text, the empty text too; an integer, exactly what its type
//! displays, in its range, so not `+1`, `007`, `-0` nor, for a `u8`, `256`; a boolean, `true`
//! or `false`; an enum, exactly one of its wire values) and the template, with these texts in
//! place of its placeholders, is exactly the message. [`split`] finds a reading whenever one
//! exists.
//!
//! When a message has several readings, the one chosen gives the first placeholder the
//! shortest text possible; then, of the readings that give the first placeholder that text,
//! the one that gives the second placeholder the shortest text possible; and so on: the
//! reading whose tuple of capture lengths is lexicographically smallest. For example, with
//! `"Invalid cloudId={cloud_id} for job={job} with externalId={external_id}"` where `job`
//! is an enum of `EXPORT` and `IMPORT`, the message
//! `"Invalid cloudId=a for job=b for job=IMPORT with externalId=x"` is read as
//! `cloud_id = "a for job=b"`, `job = "IMPORT"`, `external_id = "x"`: ending `cloud_id` at
//! the first ` for job=` would leave `b` for `job`, which is no job.
//!
//! Most messages are read at first sight: each placeholder ends where the literal text after
//! it next occurs, the template's last literal is matched at the very end of the message,
//! and a placeholder directly followed by another takes the longest run of characters its
//! class can contain, when the second one's class rejects the empty text and cannot start
//! with a character the first one's can contain. When every text so cut is accepted by its
//! class, that is the reading the rule chooses, found without allocating. (For templates
//! with literal text between every two placeholders, earlier versions cut messages exactly
//! this way and stopped there: the reading chosen is theirs whenever their cuts gave texts
//! that parse.) Otherwise the template is run
//! as an automaton over the message, all readings at once: for each character, at most one
//! thread per state of the automaton (a literal character, a trie node of an enum, a state of
//! an integer's digits), each carrying where the placeholders it has left ended. That takes
//! time proportional to the message's length times the number of states (times the number
//! of placeholders, for copying those positions), and memory proportional to the number of
//! states times the number of placeholders, whatever the message's length.
//!
//! The rule is deterministic, and since every capture is a substring of the message, putting
//! the captures back into the template gives back exactly the message that was split.
//!
//! # Fields used several times
//!
//! A template may use a field in several places (`"{word} said {word}"`); [`split`] knows
//! nothing of fields and reads each place on its own. [`split_repeated`] is told which
//! placeholders are the same field, and reads only readings in which each field has the
//! same text in all its places; of these it chooses by the same rule, the tuple of capture
//! lengths, one per placeholder in template order, lexicographically smallest (which orders
//! readings as the lengths of the fields, in the order they first appear, do). With
//! `"{word} said {word}"`, [`split`] reads `" said said  said"` as `""` and `"said  said"`;
//! [`split_repeated`] reads it as `" said"` twice. It starts from [`split`]'s reading, which
//! is its answer when its repeated texts agree, and otherwise searches depth first, bounded
//! to [`STEPS_PER_BYTE`] steps per byte of message: a message that needs more has no
//! reading, rather than a wrong one.
//!
//! # Features
//!
//! - `build` (off by default): the build-time parts, [`parse`], [`Piece`], [`TemplateError`],
//!   [`is_field_name`], [`overlap`], [`uncovered`] and [`Class::separable_from`]. A client,
//!   which only splits and renders, compiles without them.
//!
#![cfg_attr(not(feature = "build"), doc = "[`parse`]: #features")]
#![cfg_attr(not(feature = "build"), doc = "[`Piece`]: #features")]
#![cfg_attr(not(feature = "build"), doc = "[`TemplateError`]: #features")]
#![cfg_attr(not(feature = "build"), doc = "[`is_field_name`]: #features")]
#![cfg_attr(not(feature = "build"), doc = "[`overlap`]: #features")]
#![cfg_attr(not(feature = "build"), doc = "[`uncovered`]: #features")]
#![cfg_attr(not(feature = "build"), doc = "[`Class::separable_from`]: #features")]
#![forbid(unsafe_code)]

mod automaton;
mod class;
#[cfg(feature = "build")]
mod overlap;
pub mod packed;
#[cfg(feature = "build")]
mod parse;
mod problem;
#[cfg(test)]
mod random;
mod repeat;
mod split;

pub use class::{Class, Int};
#[cfg(feature = "build")]
pub use overlap::{overlap, uncovered};
#[cfg(feature = "build")]
pub use parse::{Piece, TemplateError, TemplateErrorKind, is_field_name, parse};
pub use problem::{PROBLEM_RESERVED, member_is_escaped, problem_field, problem_member};
pub use repeat::{STEPS_PER_BYTE, split_repeated};
pub use split::{Segment, render, split};

#[cfg(test)]
mod test_rng {
    /// xorshift64*: a small deterministic generator, so failures reproduce.
    pub(crate) struct Rng(pub(crate) u64);

    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        pub(crate) fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        /// Text from a small alphabet with multi-byte characters, so that literals recur.
        pub(crate) fn text(&mut self, max: usize) -> String {
            const ALPHABET: &[&str] = &["a", "b", " ", "=", "é", "{", "}", "0", "7", "-", "日"];
            (0..self.below(max + 1))
                .map(|_| ALPHABET[self.below(ALPHABET.len())])
                .collect()
        }
    }
}
