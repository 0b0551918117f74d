//! Randomized tests of [`split`] against a brute-force reference: random templates of every
//! class, and messages that are renderings of random values, with or without noise.

use crate::automaton::SLOW_CALLS;
use crate::class::{Class, Int};
use crate::split::tests::{slow_vec, split_vec};
use crate::split::{Segment, render};
use crate::test_rng::Rng;

/// Every reading of `message`, tried with each placeholder's text from shortest to longest,
/// so the first one found has the lexicographically smallest tuple of lengths.
fn brute_force<'m>(segments: &[Segment<'_>], message: &'m str) -> Option<Vec<&'m str>> {
    fn go<'m>(
        segments: &[Segment<'_>],
        message: &'m str,
        at: usize,
        out: &mut Vec<&'m str>,
    ) -> bool {
        match segments.split_first() {
            None => at == message.len(),
            Some((Segment::Literal(lit), rest)) => {
                message[at..].starts_with(lit) && go(rest, message, at + lit.len(), out)
            }
            Some((Segment::Field(class), rest)) => {
                for end in (at..=message.len()).filter(|&end| message.is_char_boundary(end)) {
                    let text = &message[at..end];
                    if class.accepts(text) {
                        out.push(text);
                        if go(rest, message, end, out) {
                            return true;
                        }
                        out.pop();
                    }
                }
                false
            }
        }
    }
    let mut out = Vec::new();
    go(segments, message, 0, &mut out).then_some(out)
}

const CLASSES: &[Class<'static>] = &[
    Class::Text,
    Class::Text,
    Class::Integer(Int::U8),
    Class::Integer(Int::I8),
    Class::Integer(Int::U16),
    Class::Integer(Int::I64),
    Class::Integer(Int::U128),
    Class::Bool,
    // Values that share prefixes and contain the literals' characters.
    Class::OneOf(&["a", "ab", "a=b", "é", "日b", "-7"]),
    Class::OneOf(&["", "7", "70", "b"]),
];

/// A random accepted text for each placeholder of `segments`, in order.
pub(crate) fn values_for(rng: &mut Rng, segments: &[Segment<'_>]) -> Vec<String> {
    segments
        .iter()
        .filter_map(|s| match s {
            Segment::Field(class) => Some(value(rng, class)),
            Segment::Literal(_) => None,
        })
        .collect()
}

/// A value of `class` that its class accepts, as text.
fn value(rng: &mut Rng, class: &Class<'_>) -> String {
    match class {
        Class::Text => rng.text(4),
        Class::Integer(int) => {
            let candidates = [
                rng.below(10).to_string(),
                (rng.below(300) as i64 - 150).to_string(),
                int.limit(false).to_string(),
                format!("-{}", int.limit(true)),
                (int.limit(false) / 10 + rng.below(3) as u128).to_string(),
            ];
            let text = &candidates[rng.below(candidates.len())];
            if int.accepts(text) {
                text.clone()
            } else {
                "0".to_owned()
            }
        }
        Class::Bool => ["true", "false"][rng.below(2)].to_owned(),
        Class::OneOf(values) => values[rng.below(values.len())].to_owned(),
    }
}

/// Some random damage: a character inserted, removed or replaced.
fn noise(rng: &mut Rng, message: &str) -> String {
    let mut chars: Vec<char> = message.chars().collect();
    for _ in 0..=rng.below(2) {
        let insert = rng.text(1).chars().next().unwrap_or('7');
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 => chars.insert(at, insert),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            _ if at < chars.len() => chars[at] = insert,
            _ => chars.push(insert),
        }
    }
    chars.into_iter().collect()
}

/// A random template of up to four placeholders, possibly side by side, and at times with
/// literals split in two segments or empty ones.
fn template<'a>(rng: &mut Rng, literals: &'a [String]) -> Vec<Segment<'a>> {
    let mut segments = Vec::new();
    for (i, literal) in literals.iter().enumerate() {
        if rng.below(8) == 0 {
            let cut = (0..=literal.len())
                .filter(|&at| literal.is_char_boundary(at))
                .nth(rng.below(literal.chars().count() + 1))
                .unwrap_or(0);
            segments.push(Segment::Literal(&literal[..cut]));
            segments.push(Segment::Literal(&literal[cut..]));
        } else if !literal.is_empty() {
            segments.push(Segment::Literal(literal.as_str()));
        }
        if i + 1 < literals.len() && rng.below(4) > 0 {
            segments.push(Segment::Field(CLASSES[rng.below(CLASSES.len())]));
        }
    }
    segments
}

#[test]
fn split_finds_exactly_the_brute_force_reading() {
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    let (mut matched, mut unmatched, mut slow, mut slow_matched) = (0, 0, 0, 0);
    for _ in 0..30_000 {
        let literals: Vec<String> = (0..5).map(|_| rng.text(2)).collect();
        let segments = template(&mut rng, &literals);
        let values = values_for(&mut rng, &segments);
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let mut message = render(&segments, &values);
        if rng.below(3) == 0 {
            message = noise(&mut rng, &message);
        }
        if message.len() > 40 {
            continue;
        }
        let expected = brute_force(&segments, &message);
        let before = SLOW_CALLS.with(std::cell::Cell::get);
        let got = split_vec(&segments, &message);
        let used_slow = SLOW_CALLS.with(std::cell::Cell::get) > before;
        assert_eq!(got, expected, "{segments:?} on {message:?}");
        assert_eq!(
            slow_vec(&segments, &message),
            expected,
            "full search: {segments:?} on {message:?}"
        );
        if let Some(captures) = &got {
            assert_eq!(render(&segments, captures), message);
            matched += 1;
        } else {
            unmatched += 1;
        }
        if used_slow {
            slow += 1;
            slow_matched += usize::from(got.is_some());
        }
    }
    // The property must have been exercised both ways, and on both paths.
    assert!(matched > 10_000, "only {matched} matched");
    let fast_matched = matched - slow_matched;
    assert!(
        fast_matched > 5_000,
        "only {fast_matched} matched at first sight"
    );
    assert!(unmatched > 3_000, "only {unmatched} did not match");
    assert!(slow > 2_000, "only {slow} took the full search");
    assert!(
        slow_matched > 500,
        "only {slow_matched} matched on the full search"
    );
}

#[test]
fn split_output_always_renders_back_to_the_message() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut matched = 0;
    for _ in 0..20_000 {
        let literals: Vec<String> = (0..4).map(|_| rng.text(3)).collect();
        let segments = template(&mut rng, &literals);
        // Renderings of the template with values of the classes, with any text, and noise.
        let values: Vec<String> = match rng.below(3) {
            0 => segments
                .iter()
                .filter_map(|s| match s {
                    Segment::Field(class) => Some(value(&mut rng, class)),
                    Segment::Literal(_) => None,
                })
                .collect(),
            _ => (0..4).map(|_| rng.text(4)).collect(),
        };
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let message = if rng.below(3) > 0 {
            render(&segments, &values)
        } else {
            rng.text(12)
        };
        if let Some(captures) = split_vec(&segments, &message) {
            matched += 1;
            assert_eq!(
                render(&segments, &captures),
                message,
                "{segments:?} split {message:?} into {captures:?}"
            );
            let classes = segments.iter().filter_map(|s| match s {
                Segment::Field(class) => Some(class),
                Segment::Literal(_) => None,
            });
            for (class, text) in classes.zip(&captures) {
                assert!(
                    class.accepts(text),
                    "{class:?} got {text:?} from {message:?}"
                );
            }
        }
    }
    // The property must have been exercised, not vacuously true.
    assert!(matched > 4_000, "only {matched} messages matched");
}

#[test]
fn templates_that_are_all_text_always_split_their_renderings() {
    let mut rng = Rng(7);
    let mut adjacent = 0;
    for _ in 0..20_000 {
        let literals: Vec<String> = (0..3).map(|_| rng.text(3)).collect();
        let mut segments = Vec::new();
        for (i, literal) in literals.iter().enumerate() {
            if !literal.is_empty() {
                segments.push(Segment::Literal(literal.as_str()));
            }
            if i < 2 {
                segments.push(Segment::Field(Class::Text));
            }
        }
        adjacent += usize::from(
            segments
                .windows(2)
                .any(|w| matches!(w, [Segment::Field(_), Segment::Field(_)])),
        );
        let values: Vec<String> = (0..3).map(|_| rng.text(5)).collect();
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let message = render(&segments, &values);
        let captures = split_vec(&segments, &message)
            .unwrap_or_else(|| panic!("{segments:?} did not split its rendering {message:?}"));
        assert_eq!(render(&segments, &captures), message);
    }
    // Text side by side splits too: the first text is empty.
    assert!(
        adjacent > 1_000,
        "only {adjacent} with adjacent placeholders"
    );
}

/// The build-time overlap check and the client agree: a witness splits with both
/// templates, and when there is none, no rendering of one splits with the other.
#[cfg(feature = "build")]
#[test]
fn overlap_agrees_with_split() {
    let mut rng = Rng(0x0BAD_5EED);
    let (mut overlapping, mut disjoint) = (0, 0);
    for _ in 0..3_000 {
        let mut literals: Vec<Vec<String>> = (0..2)
            .map(|_| (0..3).map(|_| rng.text(2)).collect())
            .collect();
        // Templates with the same literals and other placeholders overlap more often.
        if rng.below(2) == 0 {
            literals[1] = literals[0].clone();
        }
        let a = template(&mut rng, &literals[0]);
        let b = template(&mut rng, &literals[1]);
        match crate::overlap(&a, &b) {
            Some(witness) => {
                overlapping += 1;
                assert!(split_vec(&a, &witness).is_some(), "{a:?} on {witness:?}");
                assert!(split_vec(&b, &witness).is_some(), "{b:?} on {witness:?}");
            }
            None => {
                disjoint += 1;
                for _ in 0..20 {
                    let values = values_for(&mut rng, &a);
                    let values: Vec<&str> = values.iter().map(String::as_str).collect();
                    let message = render(&a, &values);
                    assert_eq!(
                        split_vec(&b, &message),
                        None,
                        "{a:?} / {b:?} on {message:?}"
                    );
                }
            }
        }
    }
    assert!(
        overlapping > 300 && disjoint > 300,
        "{overlapping} overlapping, {disjoint} disjoint"
    );
}
