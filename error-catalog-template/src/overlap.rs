//! Whether two templates can match the same message ([`overlap`]), and whether every message
//! of one template also matches another ([`uncovered`]), with the exact automata that
//! [`split`](crate::split) uses.

use std::collections::{HashMap, VecDeque};

use crate::automaton::{Automaton, State};
use crate::split::Segment;

/// Whether some message matches both templates; returns the shortest such message.
///
/// Placeholders are read by their [`Class`](crate::Class) exactly as [`split`](crate::split)
/// reads them ([`Class::accepts`](crate::Class::accepts)): text matches anything, an integer
/// only its canonical form within its type's range (a `u8` never matches `256` nor `007`),
/// a boolean or enum exactly one of its values. Text placeholders get some text in the
/// witness when the templates can meet that way. The search explores pairs of states of both
/// templates, so its cost is bounded by the product of their sizes.
pub fn overlap(a: &[Segment<'_>], b: &[Segment<'_>]) -> Option<String> {
    // A witness with some text in each text placeholder reads better; only if there is none
    // do empty placeholders count.
    shortest_common(&Automaton::new(a, true), &Automaton::new(b, true))
        .or_else(|| shortest_common(&Automaton::new(a, false), &Automaton::new(b, false)))
}

/// `state` and the states that leaving placeholders there leads to, without reading.
fn closure(automaton: &Automaton, state: State) -> Vec<State> {
    let mut out = vec![state];
    let mut at = state;
    while let Some((_, next)) = automaton.exit(at) {
        out.push(next);
        at = next;
    }
    out
}

/// A state of each of the two automata.
type Pair = (State, State);

/// Breadth-first search over pairs of states for the shortest text both automata accept.
fn shortest_common(x: &Automaton, y: &Automaton) -> Option<String> {
    let start = (x.start(), y.start());
    let mut queue = VecDeque::from([start]);
    // For each pair of states reached: the pair it was reached from, and the character read.
    let mut seen: HashMap<Pair, Option<(Pair, char)>> = HashMap::from([(start, None)]);
    while let Some(pair @ (p, q)) = queue.pop_front() {
        let (ps, qs) = (closure(x, p), closure(y, q));
        let done = |a: &Automaton, states: &[State]| states.iter().any(|&s| a.is_final(s));
        if done(x, &ps) && done(y, &qs) {
            let mut text = Vec::new();
            let mut at = pair;
            while let Some(Some((prev, c))) = seen.get(&at) {
                text.push(*c);
                at = *prev;
            }
            return Some(text.into_iter().rev().collect());
        }
        for &p in &ps {
            for &q in &qs {
                let candidates: Vec<char> = match (x.reads(p), y.reads(q)) {
                    (None, None) => vec!['x'],
                    (Some(s), None) | (None, Some(s)) => s,
                    (Some(s), Some(t)) => s.into_iter().filter(|c| t.contains(c)).collect(),
                };
                for c in candidates {
                    let (Some(np), Some(nq)) = (x.step(p, c), y.step(q, c)) else {
                        continue;
                    };
                    let next = (np, nq);
                    if let std::collections::hash_map::Entry::Vacant(e) = seen.entry(next) {
                        e.insert(Some((pair, c)));
                        queue.push_back(next);
                    }
                }
            }
        }
    }
    None
}

/// The shortest message that `new` matches and `old` does not; `None` when every message
/// `new` matches, `old` matches too (the language of `new` is included in that of `old`).
///
/// Placeholders are read by their [`Class`](crate::Class) as [`split`](crate::split) reads
/// them, as in [`overlap`]: a `u16` placeholder where `old` has a `u8` gives the witness `256`,
/// an enum that gained a value gives that value, and a template that only renames its
/// placeholders gives `None`. Each placeholder is read on its own: a placeholder that appears
/// twice may hold two different texts, as a template's segments do not say which
/// placeholders are the same field.
///
/// Like [`overlap`], the witness gives text placeholders of `new` some text when such a
/// witness exists, and is the shortest of those (in characters); only when there is none does
/// it leave some empty, and it is then the shortest message `new` matches and `old` does not.
///
/// The search runs `new`'s automaton against `old`'s made deterministic as it goes (each
/// step of `old` is the set of states it can be in), breadth first, so its cost is bounded by
/// the number of states of `new` times the number of such sets reached, which for templates
/// is small: the sets are determined by how far `old` has got and the last few characters.
pub fn uncovered(new: &[Segment<'_>], old: &[Segment<'_>]) -> Option<String> {
    let old = Automaton::new(old, false);
    shortest_uncovered(&Automaton::new(new, true), &old)
        .or_else(|| shortest_uncovered(&Automaton::new(new, false), &old))
}

/// `states` and every state that leaving placeholders from them leads to, sorted: the set of
/// states a deterministic view of `automaton` is in.
fn closed(automaton: &Automaton, states: impl IntoIterator<Item = State>) -> Vec<State> {
    let mut out: Vec<State> = states
        .into_iter()
        .flat_map(|state| closure(automaton, state))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// One character for each way the states of `set` can treat a character: each character one
/// of them reads explicitly, and first one that none of them does (which only text
/// placeholders read, all alike), a letter when possible so that witnesses read well.
fn representatives(automaton: &Automaton, set: &[State]) -> Vec<char> {
    let mut explicit: Vec<char> = set
        .iter()
        .filter_map(|&state| automaton.reads(state))
        .flatten()
        .collect();
    explicit.sort_unstable();
    explicit.dedup();
    // `explicit` is finite, so some character is not in it.
    let fresh = "xyzabcdefghijklmnopqrstuvw0123456789"
        .chars()
        .chain(('\u{C0}'..).take(explicit.len() + 1))
        .find(|c| explicit.binary_search(c).is_err());
    fresh.into_iter().chain(explicit).collect()
}

/// A state of `new` and the set of states `old` is in, after the same text.
type Config = (State, Vec<State>);

/// Breadth-first search for the shortest text that `x` accepts and `y` does not.
fn shortest_uncovered(x: &Automaton, y: &Automaton) -> Option<String> {
    let start: Config = (x.start(), closed(y, [y.start()]));
    // Each configuration reached, with the one it was reached from and the character read.
    let mut reached: Vec<(Config, Option<(usize, char)>)> = vec![(start.clone(), None)];
    let mut index: HashMap<Config, usize> = HashMap::from([(start, 0)]);
    let mut next = 0;
    while let Some(((p, set), _)) = reached.get(next) {
        let (p, set) = (*p, set.clone());
        let at = next;
        next += 1;
        let ps = closure(x, p);
        let x_done = ps.iter().any(|&s| x.is_final(s));
        if x_done && !set.iter().any(|&s| y.is_final(s)) {
            let mut text = Vec::new();
            let mut walk = at;
            while let Some((_, Some((from, c)))) = reached.get(walk) {
                text.push(*c);
                walk = *from;
            }
            return Some(text.into_iter().rev().collect());
        }
        for &p in &ps {
            let chars = match x.reads(p) {
                Some(chars) => chars,
                None => representatives(y, &set),
            };
            for c in chars {
                let Some(np) = x.step(p, c) else {
                    continue;
                };
                let nset = closed(y, set.iter().filter_map(|&q| y.step(q, c)));
                let config = (np, nset);
                if !index.contains_key(&config) {
                    index.insert(config.clone(), reached.len());
                    reached.push((config, Some((at, c))));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::{Class, Int};

    const T: Segment<'static> = Segment::Field(Class::Text);

    fn int(int: Int) -> Segment<'static> {
        Segment::Field(Class::Integer(int))
    }

    #[test]
    fn overlap_finds_shortest_witness() {
        let a = [Segment::Literal("id "), T];
        let b = [Segment::Literal("id "), int(Int::U32)];
        assert_eq!(overlap(&a, &b).as_deref(), Some("id 0"));
        let c = [Segment::Literal("id "), Segment::Field(Class::Bool)];
        assert_eq!(overlap(&b, &c), None);
        assert_eq!(overlap(&a, &c).as_deref(), Some("id true"));
        let d = [Segment::Literal("name "), T];
        assert_eq!(overlap(&a, &d), None);
        let e = [T, Segment::Literal(" found")];
        let f = [Segment::Literal("nothing "), T];
        assert_eq!(overlap(&e, &f).as_deref(), Some("nothing found"));
        // Text placeholders get some text in the witness when they can.
        let g = [Segment::Literal("Not found: "), T];
        assert_eq!(overlap(&g, &g).as_deref(), Some("Not found: x"));
        // And none when they must be empty for the templates to meet.
        let h = [Segment::Literal("Not found: "), T, Segment::Literal("!")];
        let i = [Segment::Literal("Not found: !")];
        assert_eq!(overlap(&h, &i).as_deref(), Some("Not found: !"));
    }

    #[test]
    fn overlap_of_enums() {
        const JOBS: &[&str] = &["EXPORT", "IMPORT"];
        const OTHER: &[&str] = &["IMPORT", "RESTORE"];
        let a = [Segment::Literal("job="), Segment::Field(Class::OneOf(JOBS))];
        let b = [
            Segment::Literal("job="),
            Segment::Field(Class::OneOf(OTHER)),
        ];
        assert_eq!(overlap(&a, &b).as_deref(), Some("job=IMPORT"));
        let c = [Segment::Literal("job=EXPORT")];
        assert_eq!(overlap(&a, &c).as_deref(), Some("job=EXPORT"));
        assert_eq!(overlap(&b, &c), None);
        let prefixes = [Segment::Field(Class::OneOf(&["EX", "EXPORTS"]))];
        assert_eq!(overlap(&a[1..], &prefixes), None);
    }

    #[test]
    fn overlap_of_integer_ranges() {
        let n = |ty| [Segment::Literal("n="), int(ty)];
        let lit = |text| [Segment::Literal(text)];
        assert_eq!(overlap(&n(Int::U8), &lit("n=256")), None);
        assert_eq!(
            overlap(&n(Int::U8), &lit("n=255")).as_deref(),
            Some("n=255")
        );
        assert_eq!(overlap(&n(Int::U8), &lit("n=1000")), None);
        assert_eq!(
            overlap(&n(Int::I8), &lit("n=-128")).as_deref(),
            Some("n=-128")
        );
        assert_eq!(overlap(&n(Int::I8), &lit("n=-129")), None);
        assert_eq!(overlap(&n(Int::I8), &lit("n=128")), None);
        assert_eq!(overlap(&n(Int::U8), &lit("n=-1")), None);
        // Only the canonical form: no leading zeros, no `+`, no `-0`.
        assert_eq!(overlap(&n(Int::U32), &lit("n=007")), None);
        assert_eq!(overlap(&n(Int::I32), &lit("n=+7")), None);
        assert_eq!(overlap(&n(Int::I32), &lit("n=-0")), None);
        let max = format!("n={}", u128::MAX);
        let over = "n=340282366920938463463374607431768211456";
        assert_eq!(
            overlap(&n(Int::U128), &lit(&max)).as_deref(),
            Some(&max[..])
        );
        assert_eq!(overlap(&n(Int::U128), &lit(over)), None);
        let min = format!("n={}", i128::MIN);
        assert_eq!(
            overlap(&n(Int::I128), &lit(&min)).as_deref(),
            Some(&min[..])
        );
        // Two integer types meet on the values they share.
        assert_eq!(overlap(&n(Int::U8), &n(Int::I8)).as_deref(), Some("n=0"));
        let negative = [Segment::Literal("n=-"), T];
        assert_eq!(overlap(&n(Int::U64), &negative), None);
        assert_eq!(overlap(&n(Int::I64), &negative).as_deref(), Some("n=-1"));
        // A text that must follow a lone zero is empty; after `0` no digit can come.
        let zero = [Segment::Literal("n=0"), T];
        assert_eq!(overlap(&n(Int::U32), &zero).as_deref(), Some("n=0"));
        let zero_then_digit = [Segment::Literal("n=0"), T, Segment::Literal("1")];
        assert_eq!(overlap(&n(Int::U32), &zero_then_digit), None);
        // A u8 and a text with a literal after it: the witness is a number in range.
        let tail = [Segment::Literal("n="), T, Segment::Literal("5")];
        assert_eq!(overlap(&n(Int::U8), &tail).as_deref(), Some("n=15"));
        // With text between `3` and `5` it would be 300 or more: only the empty text fits.
        let three = [Segment::Literal("n=3"), T, Segment::Literal("5")];
        assert_eq!(overlap(&n(Int::U8), &three).as_deref(), Some("n=35"));
        let over = [Segment::Literal("n=3"), T, Segment::Literal("05")];
        assert_eq!(overlap(&n(Int::U8), &over), None);
    }
}

#[cfg(test)]
mod uncovered_tests {
    use super::*;
    use crate::class::{Class, Int};
    use crate::split::tests::split_vec;
    use crate::split::{Segment, render};
    use crate::test_rng::Rng;

    const T: Segment<'static> = Segment::Field(Class::Text);
    const JOBS: &[&str] = &["EXPORT", "IMPORT"];
    const MORE_JOBS: &[&str] = &["EXPORT", "IMPORT", "RESTORE"];

    fn int(int: Int) -> Segment<'static> {
        Segment::Field(Class::Integer(int))
    }

    fn lit(text: &str) -> Segment<'_> {
        Segment::Literal(text)
    }

    #[test]
    fn a_changed_literal_is_uncovered() {
        let old = [lit("Storage Details not found for storageId = "), T];
        let new = [lit("Storage not found: "), T];
        assert_eq!(
            uncovered(&new, &old).as_deref(),
            Some("Storage not found: x")
        );
        assert_eq!(
            uncovered(&old, &new).as_deref(),
            Some("Storage Details not found for storageId = x")
        );
        // One character more or less is enough.
        let dot = [lit("Storage not found: "), T, lit(".")];
        assert_eq!(uncovered(&dot, &new), None, "the text takes the dot");
        assert_eq!(
            uncovered(&new, &dot).as_deref(),
            Some("Storage not found: x")
        );
    }

    #[test]
    fn the_same_template_and_renamed_placeholders_are_covered() {
        let old = [
            lit("job="),
            Segment::Field(Class::OneOf(JOBS)),
            lit(" id="),
            T,
        ];
        assert_eq!(uncovered(&old, &old), None);
        // Segments carry no names: a renamed placeholder is the same segment.
        let same = [
            lit("job="),
            Segment::Field(Class::OneOf(JOBS)),
            lit(" id="),
            T,
        ];
        assert_eq!(uncovered(&same, &old), None);
        assert_eq!(uncovered(&[], &[]), None);
        assert_eq!(uncovered(&[lit("a")], &[]).as_deref(), Some("a"));
        assert_eq!(uncovered(&[], &[lit("a")]).as_deref(), Some(""));
    }

    #[test]
    fn widened_text_is_uncovered_and_narrowed_text_is_covered() {
        // The new template drops the literal after the text: `a x` has no ` b`.
        let old = [lit("a "), T, lit(" b")];
        let new = [lit("a "), T];
        assert_eq!(uncovered(&new, &old).as_deref(), Some("a x"));
        // The other way, the old text takes ` b` too.
        assert_eq!(uncovered(&old, &new), None);
        // A text where there was a number: any letter is no number.
        let number = [lit("id "), int(Int::U32)];
        let text = [lit("id "), T];
        assert_eq!(uncovered(&text, &number).as_deref(), Some("id x"));
        assert_eq!(uncovered(&number, &text), None);
        // The text avoids the characters the old template reads explicitly.
        let old = [lit("N: "), T, lit("x!")];
        let new = [lit("N: "), T, lit("!")];
        assert_eq!(uncovered(&new, &old).as_deref(), Some("N: y!"));
        // A text added after a literal: the old template ends with the literal.
        let old = [lit("a"), T, lit("b")];
        let new = [lit("a"), T, lit("b"), T];
        assert_eq!(uncovered(&new, &old).as_deref(), Some("axbx"));
        // A text removed where it may be empty: its messages are still matched.
        assert_eq!(uncovered(&old, &new), None);
        // Text added after text: the old text takes both.
        let old = [lit("a"), T];
        let new = [lit("a"), T, lit("!"), T];
        assert_eq!(uncovered(&new, &old), None);
        let old = [lit("ab"), T];
        let new = [lit("a"), T];
        assert_eq!(uncovered(&new, &old).as_deref(), Some("ax"));
        let old = [lit("a"), T, lit("b")];
        let new = [lit("a"), T, lit("b"), T, lit("b")];
        assert_eq!(uncovered(&new, &old), None, "the old text takes `xbx`");
        // An enum value that is empty: `a` is the one message left.
        let new = [lit("a"), Segment::Field(Class::OneOf(&["", "x"]))];
        let old = [lit("ax")];
        assert_eq!(uncovered(&new, &old).as_deref(), Some("a"));
    }

    #[test]
    fn integer_ranges() {
        let n = |ty| [lit("n="), int(ty)];
        // Widening keeps the old messages, but new ones exceed the old range.
        assert_eq!(
            uncovered(&n(Int::U16), &n(Int::U8)).as_deref(),
            Some("n=256")
        );
        assert_eq!(uncovered(&n(Int::U8), &n(Int::U16)), None);
        assert_eq!(
            uncovered(&n(Int::U64), &n(Int::U32)).as_deref(),
            Some("n=4294967296")
        );
        assert_eq!(uncovered(&n(Int::I8), &n(Int::U8)).as_deref(), Some("n=-1"));
        assert_eq!(
            uncovered(&n(Int::U8), &n(Int::I8)).as_deref(),
            Some("n=128")
        );
        assert_eq!(
            uncovered(&n(Int::I16), &n(Int::I8)).as_deref(),
            Some("n=128")
        );
        let minus = |ty| [lit("n=-"), int(ty)];
        assert_eq!(
            uncovered(&minus(Int::U8), &n(Int::I8)).as_deref(),
            Some("n=-0")
        );
        assert_eq!(uncovered(&n(Int::I8), &n(Int::I16)), None);
        assert_eq!(
            uncovered(&n(Int::U128), &n(Int::I128)).as_deref(),
            Some(format!("n={}", i128::MAX as u128 + 1).as_str())
        );
        assert_eq!(uncovered(&n(Int::U64), &n(Int::U128)), None);
        // A number and the literal digits it can be.
        assert_eq!(uncovered(&[lit("n=7")], &n(Int::U8)), None);
        assert_eq!(
            uncovered(&[lit("n=007")], &n(Int::U8)).as_deref(),
            Some("n=007")
        );
        assert_eq!(
            uncovered(&n(Int::U8), &[lit("n=7")]).as_deref(),
            Some("n=0")
        );
        // A number and a text after it: the old text takes what the number does not.
        let tail = [lit("n="), int(Int::U8), T];
        assert_eq!(uncovered(&n(Int::U16), &tail), None);
        assert_eq!(uncovered(&tail, &n(Int::U16)).as_deref(), Some("n=0x"));
    }

    #[test]
    fn enums_and_booleans() {
        let job = |values| [lit("job="), Segment::Field(Class::OneOf(values))];
        // A value gained: the new value is a message old clients do not match.
        assert_eq!(
            uncovered(&job(MORE_JOBS), &job(JOBS)).as_deref(),
            Some("job=RESTORE")
        );
        // A value lost: every message is still matched.
        assert_eq!(uncovered(&job(JOBS), &job(MORE_JOBS)), None);
        assert_eq!(uncovered(&job(JOBS), &[lit("job="), T]), None);
        assert_eq!(
            uncovered(&[lit("job="), T], &job(JOBS)).as_deref(),
            Some("job=x")
        );
        // Values that are prefixes of others.
        let short = job(&["EX"]);
        assert_eq!(uncovered(&job(JOBS), &short).as_deref(), Some("job=EXPORT"));
        assert_eq!(uncovered(&short, &job(JOBS)).as_deref(), Some("job=EX"));
        // `bool` is the enum of its two texts.
        let flag = [lit("ok="), Segment::Field(Class::Bool)];
        let texts = [lit("ok="), Segment::Field(Class::OneOf(&["true", "false"]))];
        let three = [
            lit("ok="),
            Segment::Field(Class::OneOf(&["true", "false", "no"])),
        ];
        assert_eq!(uncovered(&flag, &texts), None);
        assert_eq!(uncovered(&texts, &flag), None);
        assert_eq!(uncovered(&three, &flag).as_deref(), Some("ok=no"));
        // An enum without values matches nothing, and is matched by nothing.
        let empty = job(&[]);
        assert_eq!(uncovered(&empty, &job(JOBS)), None);
        assert_eq!(uncovered(&job(JOBS), &empty).as_deref(), Some("job=EXPORT"));
    }

    #[test]
    fn adjacent_placeholders_and_multibyte_text() {
        const UNITS: &[&str] = &["KB", "MB", "GB"];
        let old = [
            lit("is "),
            int(Int::U64),
            Segment::Field(Class::OneOf(UNITS)),
        ];
        let new = [
            lit("is "),
            int(Int::U64),
            Segment::Field(Class::OneOf(&["KB", "MB", "GB", "TB"])),
        ];
        assert_eq!(uncovered(&new, &old).as_deref(), Some("is 0TB"));
        assert_eq!(uncovered(&old, &new), None);
        let old = [lit("日本 "), T, lit(" é")];
        let new = [lit("日本 "), T, lit(" e")];
        assert_eq!(uncovered(&new, &old).as_deref(), Some("日本 x e"));
    }

    /// The characters a template can read explicitly: those of its literals and values.
    fn alphabet(templates: &[&[Segment<'_>]]) -> Vec<char> {
        let mut chars: Vec<char> = "x-0123456789truefals".chars().collect();
        for segment in templates.iter().copied().flatten() {
            match segment {
                Segment::Literal(text) => chars.extend(text.chars()),
                Segment::Field(Class::OneOf(values)) => {
                    chars.extend(values.iter().flat_map(|v| v.chars()))
                }
                Segment::Field(_) => {}
            }
        }
        chars.sort_unstable();
        chars.dedup();
        chars
    }

    /// Every text of `len` characters of `alphabet`, in turn.
    fn texts(alphabet: &[char], len: u32) -> impl Iterator<Item = String> + '_ {
        let count = alphabet.len().pow(len);
        (0..count).map(move |mut n| {
            (0..len)
                .map(|_| {
                    let c = alphabet[n % alphabet.len()];
                    n /= alphabet.len();
                    c
                })
                .collect()
        })
    }

    const CLASSES: &[Class<'static>] = &[
        Class::Text,
        Class::Text,
        Class::Integer(Int::U8),
        Class::Integer(Int::I8),
        Class::Integer(Int::U16),
        Class::Bool,
        Class::OneOf(&["a", "ab", "a=b", "-7"]),
        Class::OneOf(&["a", "ab"]),
        Class::OneOf(&["", "7", "70", "b"]),
        Class::OneOf(&["true", "no"]),
    ];

    /// A random template with up to three placeholders, possibly side by side.
    fn template<'a>(rng: &mut Rng, literals: &'a [String]) -> Vec<Segment<'a>> {
        let mut segments = Vec::new();
        for (i, literal) in literals.iter().enumerate() {
            if !literal.is_empty() {
                segments.push(Segment::Literal(literal.as_str()));
            }
            if i + 1 < literals.len() && rng.below(4) > 0 {
                segments.push(Segment::Field(CLASSES[rng.below(CLASSES.len())]));
            }
        }
        segments
    }

    /// `segments` with one change: a placeholder of another class, a literal cut short, or a
    /// placeholder removed or added; so that about half the pairs are included.
    fn mutate<'a>(rng: &mut Rng, segments: &[Segment<'a>]) -> Vec<Segment<'a>> {
        let mut out = segments.to_vec();
        if out.is_empty() {
            return vec![Segment::Field(Class::Text)];
        }
        let at = rng.below(out.len());
        match (rng.below(4), out[at]) {
            (0 | 1, Segment::Field(_)) => {
                out[at] = Segment::Field(CLASSES[rng.below(CLASSES.len())])
            }
            (0 | 1, Segment::Literal(text)) => {
                let cut = text.char_indices().nth(rng.below(text.chars().count() + 1));
                out[at] = Segment::Literal(cut.map_or(text, |(i, _)| &text[..i]));
            }
            (2, _) => {
                out.remove(at);
            }
            _ => out.insert(at, Segment::Field(CLASSES[rng.below(CLASSES.len())])),
        }
        out
    }

    /// Against the client's own splitter and a brute force over short messages: a witness
    /// splits with `new` and not with `old`, and no shorter message does when empty texts are
    /// allowed; with no witness, renderings of `new` split with `old`, and so does every
    /// short message that splits with `new`.
    #[test]
    fn uncovered_agrees_with_split_and_brute_force() {
        let mut rng = Rng(0x5EED_D1FF);
        let (mut found, mut covered, mut shortest_checked) = (0, 0, 0);
        for _ in 0..3_000 {
            let literals: Vec<String> = (0..3).map(|_| rng.text(2)).collect();
            let first = template(&mut rng, &literals);
            let second = if rng.below(3) == 0 {
                let other: Vec<String> = (0..3).map(|_| rng.text(2)).collect();
                // Leaked so that both templates borrow text that lives long enough.
                template(&mut rng, Box::leak(other.into_boxed_slice()))
            } else {
                mutate(&mut rng, &first)
            };
            let (new, old) = if rng.below(2) == 0 {
                (first, second)
            } else {
                (second, first)
            };
            let alphabet = alphabet(&[&new, &old]);
            let splits = |segments: &[Segment<'_>], m: &str| split_vec(segments, m).is_some();
            match uncovered(&new, &old) {
                Some(witness) => {
                    found += 1;
                    assert!(
                        splits(&new, &witness),
                        "{new:?} / {old:?}: {witness:?} not in new"
                    );
                    assert!(
                        !splits(&old, &witness),
                        "{new:?} / {old:?}: {witness:?} in old"
                    );
                    let exact = shortest_uncovered(
                        &Automaton::new(&new, false),
                        &Automaton::new(&old, false),
                    )
                    .expect("a witness with text is a witness");
                    let len = exact.chars().count() as u32;
                    assert!(len <= witness.chars().count() as u32);
                    if len <= 3 {
                        shortest_checked += 1;
                        for shorter in (0..len).flat_map(|n| texts(&alphabet, n)) {
                            assert!(
                                !splits(&new, &shorter) || splits(&old, &shorter),
                                "{new:?} / {old:?}: {shorter:?} is shorter than {exact:?}"
                            );
                        }
                    }
                }
                None => {
                    covered += 1;
                    for _ in 0..20 {
                        let values = crate::random::values_for(&mut rng, &new);
                        let values: Vec<&str> = values.iter().map(String::as_str).collect();
                        let message = render(&new, &values);
                        assert!(splits(&old, &message), "{new:?} / {old:?} on {message:?}");
                    }
                    for message in (0..=2).flat_map(|n| texts(&alphabet, n)) {
                        assert!(
                            !splits(&new, &message) || splits(&old, &message),
                            "{new:?} / {old:?} on {message:?}"
                        );
                    }
                }
            }
        }
        // Both answers must have been exercised, and the shortest check too.
        assert!(
            found > 800 && covered > 500,
            "{found} uncovered, {covered} covered"
        );
        assert!(
            shortest_checked > 300,
            "only {shortest_checked} shortest checks"
        );
    }
}
