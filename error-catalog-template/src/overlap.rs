//! Whether two templates can match the same message, with the exact automata that
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
