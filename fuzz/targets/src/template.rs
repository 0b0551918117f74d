//! The `template` target: the template crate's `split` against a reference, on the templates
//! of the catalogs of [`crate::catalogs`] and on arbitrary templates.
//!
//! Input: the first byte picks the mode.
//!
//! - Even: a catalog template. One byte picks the catalog, one byte the entry; the rest
//!   (UTF-8, lossily) is a message, split along the entry's template. One more byte before the
//!   message picks a second entry of the same catalog, for `overlap` and `uncovered`.
//! - Odd: an arbitrary template. A length byte and that many bytes of template source
//!   (lossily UTF-8) go to `parse`; each distinct placeholder then takes a byte that picks its
//!   class and a length byte and that many bytes of text for its value (a text its class
//!   rejects is replaced by one it accepts). The rendering of the template with those values
//!   is split; so is the rest of the input, as a message.
//!
//! Properties: `split` says whether a reading exists and, when one does, gives the reading the
//! crate documents, the one whose tuple of capture lengths is lexicographically smallest,
//! which a memoized depth-first search ([`reference_split`]) finds; its captures render back
//! to the message; a rendering always splits. A witness of `overlap` splits along both
//! templates, one of `uncovered` along the new template only. `parse` reports spans that lie
//! on character boundaries of the source.

use std::collections::HashSet;

use arbitrary::Unstructured;
use error_catalog_codegen::model::Classes;
use error_catalog_template::{
    Class, Int, Piece, Segment, overlap, parse, render, split, uncovered,
};

use crate::catalogs;

/// Messages longer than this are split but not compared with the reference search, whose
/// time grows with the square of the length.
pub const REFERENCE_MAX: usize = 256;

/// The value sets a `OneOf` placeholder of an arbitrary template can have.
const ONE_OF: &[&[&str]] = &[
    &["EXPORT", "IMPORT"],
    &["a", "ab", "b"],
    &["", "x"],
    &["1", "-1", "10"],
    &["é", "日本", "{", "}"],
];

/// The integer types a placeholder of an arbitrary template can have.
const INTS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// The target.
pub fn run(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        catalog_template(rest);
    } else {
        arbitrary_template(rest);
    }
}

fn catalog_template(data: &[u8]) {
    let [catalog, entry, other, message @ ..] = data else {
        return;
    };
    let checked = catalogs::checked();
    let catalog = &checked[usize::from(*catalog) % checked.len()];
    if catalog.entries.is_empty() {
        return;
    }
    let classes = Classes::new(catalog);
    let pick = |byte: u8| &catalog.entries[usize::from(byte) % catalog.entries.len()];
    let segments = classes.segments(pick(*entry));
    let message = String::from_utf8_lossy(message);
    check_split(&segments, &message);
    let others = classes.segments(pick(*other));
    check_split(&others, &message);
    check_overlap(&segments, &others);
}

fn arbitrary_template(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(len) = u.arbitrary::<u8>() else {
        return;
    };
    let Ok(source) = u.bytes(usize::from(len)) else {
        return;
    };
    let source = String::from_utf8_lossy(source);
    let pieces = match parse(&source) {
        Ok(pieces) => pieces,
        Err(errors) => {
            assert!(!errors.is_empty(), "parse failed without an error");
            for error in errors {
                assert!(
                    source.get(error.span.clone()).is_some(),
                    "span {:?} of {error} is not a range of {source:?}",
                    error.span,
                );
            }
            return;
        }
    };
    // The class of each distinct placeholder, in order of first use.
    let mut names: Vec<&str> = Vec::new();
    let mut field_classes: Vec<Class<'static>> = Vec::new();
    for piece in &pieces {
        if let Piece::Placeholder { name, span } = piece {
            assert_eq!(
                source.get(span.clone()),
                Some(format!("{{{name}}}").as_str()),
                "the span of a placeholder"
            );
            if !names.contains(&name.as_str()) {
                names.push(name);
                field_classes.push(class(u.arbitrary::<u8>().unwrap_or(0)));
            }
        }
    }
    let values: Vec<String> = field_classes
        .iter()
        .map(|class| value(class, &mut u))
        .collect();
    let segments: Vec<Segment<'_>> = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Literal(text) => Segment::Literal(text),
            Piece::Placeholder { name, .. } => {
                let index = names.iter().position(|n| n == name).expect("collected");
                Segment::Field(field_classes[index])
            }
        })
        .collect();
    // One value per placeholder, in template order: a repeated name repeats its value.
    let in_order: Vec<&str> = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Placeholder { name, .. } => {
                let index = names.iter().position(|n| n == name).expect("collected");
                Some(values[index].as_str())
            }
            Piece::Literal(_) => None,
        })
        .collect();
    let rendering = render(&segments, &in_order);
    let fits = check_split(&segments, &rendering);
    assert!(
        fits,
        "the rendering {rendering:?} of {segments:?} does not split"
    );
    let message = String::from_utf8_lossy(u.take_rest());
    check_split(&segments, &message);
}

/// The class a byte picks.
fn class(byte: u8) -> Class<'static> {
    match byte % 4 {
        0 => Class::Text,
        1 => Class::Bool,
        2 => Class::Integer(
            Int::from_name(INTS[usize::from(byte / 4) % INTS.len()]).expect("an integer type"),
        ),
        _ => Class::OneOf(ONE_OF[usize::from(byte / 4) % ONE_OF.len()]),
    }
}

/// A text that `class` accepts, from the input when it gives one.
fn value(class: &Class<'_>, u: &mut Unstructured<'_>) -> String {
    let len = u.arbitrary::<u8>().unwrap_or(0);
    let bytes = u.bytes(usize::from(len)).unwrap_or(&[]);
    let text = String::from_utf8_lossy(bytes).into_owned();
    if class.accepts(&text) {
        return text;
    }
    let first = usize::from(bytes.first().copied().unwrap_or(0));
    match class {
        Class::Bool => ["true", "false"][first % 2].to_owned(),
        Class::OneOf(values) if !values.is_empty() => values[first % values.len()].to_owned(),
        Class::Integer(int) => {
            let number = (first as i64 - 128).to_string();
            if int.accepts(&number) {
                number
            } else {
                first.to_string()
            }
        }
        _ => String::new(),
    }
}

/// Splits `message` along `segments` and checks the result against [`reference_split`];
/// returns whether it fits.
fn check_split(segments: &[Segment<'_>], message: &str) -> bool {
    let fields = segments
        .iter()
        .filter(|s| matches!(s, Segment::Field(_)))
        .count();
    let mut captures = vec![""; fields];
    let fits = split(segments, message, &mut captures);
    if fits {
        assert_eq!(
            render(segments, &captures),
            message,
            "the captures {captures:?} of {message:?} along {segments:?} do not render back",
        );
        let classes = segments.iter().filter_map(|s| match s {
            Segment::Field(class) => Some(class),
            Segment::Literal(_) => None,
        });
        for (class, capture) in classes.zip(&captures) {
            assert!(
                class.accepts(capture),
                "{class:?} rejects the capture {capture:?} of {message:?} along {segments:?}"
            );
        }
    }
    if message.len() <= REFERENCE_MAX {
        let expected = reference_split(segments, message);
        let got = fits.then(|| captures.iter().map(|c| c.len()).collect::<Vec<_>>());
        assert_eq!(
            got, expected,
            "split of {message:?} along {segments:?}: capture lengths (left) are not the \
             reference's (right)",
        );
    }
    // A wrong number of slots is `false`, never a panic.
    assert!(!split(segments, message, &mut vec![""; fields + 1]));
    fits
}

/// The lengths of the captures of the reading whose tuple of lengths is lexicographically
/// smallest, or `None` when no reading exists: a depth-first search that tries each
/// placeholder's shortest text first, and remembers the (segment, position) pairs from which
/// no reading completes.
pub fn reference_split(segments: &[Segment<'_>], message: &str) -> Option<Vec<usize>> {
    fn go(
        segments: &[Segment<'_>],
        message: &str,
        at: usize,
        pos: usize,
        dead: &mut HashSet<(usize, usize)>,
        lengths: &mut Vec<usize>,
    ) -> bool {
        if at == segments.len() {
            return pos == message.len();
        }
        if dead.contains(&(at, pos)) {
            return false;
        }
        let found = match &segments[at] {
            Segment::Literal(lit) => {
                message[pos..].starts_with(lit)
                    && go(segments, message, at + 1, pos + lit.len(), dead, lengths)
            }
            Segment::Field(class) => (pos..=message.len())
                .filter(|end| message.is_char_boundary(*end))
                .any(|end| {
                    if !class.accepts(&message[pos..end]) {
                        return false;
                    }
                    lengths.push(end - pos);
                    if go(segments, message, at + 1, end, dead, lengths) {
                        return true;
                    }
                    lengths.pop();
                    false
                }),
        };
        if !found {
            dead.insert((at, pos));
        }
        found
    }
    let mut lengths = Vec::new();
    go(segments, message, 0, 0, &mut HashSet::new(), &mut lengths).then_some(lengths)
}

/// `overlap` and `uncovered` of two templates, checked against their witnesses.
fn check_overlap(a: &[Segment<'_>], b: &[Segment<'_>]) {
    let fits = |segments: &[Segment<'_>], message: &str| {
        let fields = segments
            .iter()
            .filter(|s| matches!(s, Segment::Field(_)))
            .count();
        split(segments, message, &mut vec![""; fields])
    };
    if let Some(witness) = overlap(a, b) {
        assert!(
            fits(a, &witness) && fits(b, &witness),
            "the overlap witness {witness:?} does not fit both {a:?} and {b:?}"
        );
    }
    if let Some(witness) = uncovered(a, b) {
        assert!(
            fits(a, &witness) && !fits(b, &witness),
            "the uncovered witness {witness:?} fits {b:?} or not {a:?}"
        );
    }
}
