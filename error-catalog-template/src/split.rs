//! Compiled templates as generated code stores them, and the client's side: [`split`] and
//! [`render`].

use crate::automaton;
use crate::class::Class;

/// One part of a compiled template, as generated code stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Segment<'a> {
    /// Literal text that must match exactly.
    Literal(&'a str),
    /// A placeholder whose text is of this class.
    Field(Class<'a>),
}

/// Splits `message` along `segments`: writes the text of each placeholder, in order, into
/// `captures`, which must have exactly one slot per [`Segment::Field`]. Returns whether the
/// message fits (`false`, never a panic, if `captures` has the wrong length). On `false` the
/// slots' contents are unspecified.
///
/// The message fits when some texts that the placeholders' classes accept
/// ([`Class::accepts`]) render, in place of the placeholders, to exactly `message`; of all
/// such readings, the one written into `captures` gives the first placeholder the shortest
/// text possible, then the second, and so on. See the crate documentation.
///
/// Runs in time linear in `message.len()` (times the template's size when the message needs
/// the full search), and allocates nothing unless it needs that search.
#[inline]
pub fn split<'m>(segments: &[Segment<'_>], message: &'m str, captures: &mut [&'m str]) -> bool {
    match first_cuts(segments, message, captures) {
        Cuts::Fit => true,
        Cuts::NoReading => false,
        Cuts::Unsure => automaton::split(segments, message, captures),
    }
}

/// What the fast path found.
#[derive(Debug, PartialEq, Eq)]
enum Cuts {
    /// The captures are the chosen reading.
    Fit,
    /// No reading exists, or `captures` has the wrong length.
    NoReading,
    /// The full search must decide.
    Unsure,
}

#[cfg(test)]
thread_local! {
    /// Bytes of message that the fast path's literal searches and runs went over, on this
    /// thread, for the linearity tests.
    pub(crate) static SCANNED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
fn scanned(bytes: usize) {
    SCANNED.with(|c| c.set(c.get() + bytes as u64));
}

/// The fast path: each placeholder ends where the literal after it next occurs, the template's
/// last literal is anchored at the end of the message, and a placeholder followed directly by
/// another takes the longest run of characters its class can contain; then every capture
/// must be accepted by its class.
///
/// When it gives a reading whose every capture is accepted, that reading is the one the
/// crate's rule chooses. Suppose another reading gave the `k`th placeholder a shorter text,
/// the ones before it the same. Both readings start that placeholder at the same position
/// `p`. If a literal follows it, the other reading has that literal at a position before the
/// first one found after `p`, and before the anchored tail: impossible. If nothing follows
/// it but the tail, both end it where the tail starts. If a placeholder follows, this path
/// only takes the run when the next class rejects the empty text and cannot start with any
/// character this class can contain: the other reading's next placeholder would start, inside
/// the run, with a character this class can contain.
///
/// When it finds no place for a literal, in a template where no two placeholders are side by
/// side and no two literals are, no reading exists, even with every placeholder read as any
/// text: by induction, each literal is found at or before where any reading has it, so the
/// search never fails when a reading exists. It then answers [`Cuts::NoReading`]; every other
/// failure is left to the full search.
///
/// It answers [`Cuts::NoReading`] too when `captures` does not have one slot per placeholder.
#[inline]
fn first_cuts<'m>(segments: &[Segment<'_>], message: &'m str, captures: &mut [&'m str]) -> Cuts {
    // What failing to place a literal means; only worked out when that happens.
    let no_place = || {
        if is_sure(segments) {
            Cuts::NoReading
        } else {
            Cuts::Unsure
        }
    };
    // The last literal, when the template ends with one, is anchored at the end of the message.
    let (body, tail) = match segments.split_last() {
        Some((Segment::Literal(last), body)) if !body.is_empty() => (body, Some(*last)),
        _ => (segments, None),
    };
    let end = match tail {
        Some(tail) => match message.strip_suffix(tail) {
            Some(rest) => rest.len(),
            // Every reading ends with the last literal.
            None => return Cuts::NoReading,
        },
        None => message.len(),
    };
    let mut pos = 0;
    let mut field = 0;
    for (i, segment) in body.iter().enumerate() {
        match *segment {
            Segment::Literal(lit) => {
                if !message[pos..end].starts_with(lit) {
                    // The first segment is final whatever the template; after a placeholder
                    // the literal was found there, so this is after another literal.
                    return if i == 0 { Cuts::NoReading } else { no_place() };
                }
                pos += lit.len();
            }
            Segment::Field(class) => {
                let stop = match body.get(i + 1) {
                    None => end,
                    Some(Segment::Literal(lit)) => {
                        match memchr::memmem::find(&message.as_bytes()[pos..end], lit.as_bytes()) {
                            Some(j) => {
                                #[cfg(test)]
                                scanned(j + lit.len());
                                pos + j
                            }
                            None => {
                                #[cfg(test)]
                                scanned(end - pos);
                                return no_place();
                            }
                        }
                    }
                    Some(Segment::Field(next)) => {
                        // The longest run is only sure to be the reading chosen when the
                        // next placeholder cannot be empty nor start inside the run.
                        if !class.is_bounded()
                            || next.accepts("")
                            || !class.never_contains_start_of(next)
                        {
                            return Cuts::Unsure;
                        }
                        let run = message[pos..end]
                            .char_indices()
                            .find(|&(_, c)| !class.can_contain(c))
                            .map_or(end, |(j, _)| pos + j);
                        #[cfg(test)]
                        scanned(run - pos);
                        run
                    }
                };
                let text = &message[pos..stop];
                if !class.accepts(text) {
                    return Cuts::Unsure;
                }
                let Some(slot) = captures.get_mut(field) else {
                    return Cuts::NoReading;
                };
                *slot = text;
                field += 1;
                pos = stop;
            }
        }
    }
    if field != captures.len() {
        Cuts::NoReading
    } else if pos == end {
        Cuts::Fit
    } else {
        // Only a template of literals alone, or ending with two literals, gets here.
        no_place()
    }
}

/// Whether every two placeholders of the template have literal text between them, and no
/// two literal segments are side by side: then failing to place a literal means that no
/// reading exists (see [`first_cuts`]).
fn is_sure(segments: &[Segment<'_>]) -> bool {
    segments.windows(2).all(|pair| {
        !matches!(
            pair,
            [Segment::Literal(_), Segment::Literal(_)] | [Segment::Field(_), Segment::Field(_)]
        )
    })
}

/// Renders `segments` with `values` in place of the placeholders, in order. Missing values
/// render as nothing.
pub fn render(segments: &[Segment<'_>], values: &[&str]) -> String {
    let mut out = String::new();
    let mut values = values.iter();
    for segment in segments {
        match segment {
            Segment::Literal(lit) => out.push_str(lit),
            Segment::Field(_) => out.push_str(values.next().copied().unwrap_or("")),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::automaton::{Automaton, SLOW_CALLS, STEPS};
    use crate::class::Int;

    const T: Segment<'static> = Segment::Field(Class::Text);
    const JOBS: &[&str] = &["EXPORT", "IMPORT"];

    fn int(int: Int) -> Segment<'static> {
        Segment::Field(Class::Integer(int))
    }

    fn field_count(segments: &[Segment<'_>]) -> usize {
        segments
            .iter()
            .filter(|s| matches!(s, Segment::Field(_)))
            .count()
    }

    /// [`split`] into a fresh vector.
    pub(crate) fn split_vec<'m>(
        segments: &[Segment<'_>],
        message: &'m str,
    ) -> Option<Vec<&'m str>> {
        let mut captures = vec![""; field_count(segments)];
        split(segments, message, &mut captures).then_some(captures)
    }

    /// The full search alone, without the fast path.
    pub(crate) fn slow_vec<'m>(segments: &[Segment<'_>], message: &'m str) -> Option<Vec<&'m str>> {
        let mut captures = vec![""; field_count(segments)];
        automaton::split(segments, message, &mut captures).then_some(captures)
    }

    fn counter(c: &'static std::thread::LocalKey<std::cell::Cell<u64>>) -> u64 {
        c.with(std::cell::Cell::get)
    }

    /// Runs `f`, and returns what it returned with how much it added to a counter.
    fn counting<R>(
        c: &'static std::thread::LocalKey<std::cell::Cell<u64>>,
        f: impl FnOnce() -> R,
    ) -> (R, u64) {
        let before = counter(c);
        let out = f();
        (out, counter(c) - before)
    }

    #[test]
    fn splits_leftmost_shortest_with_anchored_tail() {
        let segs = [
            Segment::Literal("id="),
            T,
            Segment::Literal(" and "),
            T,
            Segment::Literal("."),
        ];
        assert_eq!(
            split_vec(&segs, "id=a and b and c.").unwrap(),
            vec!["a", "b and c"]
        );
        assert_eq!(split_vec(&segs, "id= and ."), Some(vec!["", ""]));
        assert_eq!(split_vec(&segs, "id=a and b"), None);
        assert_eq!(split_vec(&segs, "xd=a and b."), None);
        let tail = [T, Segment::Literal(".")];
        assert_eq!(split_vec(&tail, "1.2.").unwrap(), vec!["1.2"]);
        assert_eq!(split_vec(&[Segment::Literal("x")], "x"), Some(vec![]));
        assert_eq!(split_vec(&[Segment::Literal("x")], "xy"), None);
        assert_eq!(split_vec(&[], ""), Some(vec![]));
        assert_eq!(split_vec(&[], "x"), None);
    }

    #[test]
    fn tail_literal_cannot_overlap_earlier_text() {
        let segs = [T, Segment::Literal("-"), T, Segment::Literal("-")];
        assert_eq!(split_vec(&segs, "x-"), None);
        assert_eq!(split_vec(&segs, "x--"), Some(vec!["x", ""]));
    }

    #[test]
    fn literals_in_several_segments() {
        let segs = [T, Segment::Literal("a"), Segment::Literal("b")];
        assert_eq!(split_vec(&segs, "xabyab"), Some(vec!["xaby"]));
        assert_eq!(split_vec(&segs, "xaby"), None);
        let segs = [
            Segment::Literal("a"),
            Segment::Literal(""),
            Segment::Literal("b"),
        ];
        assert_eq!(split_vec(&segs, "ab"), Some(vec![]));
        assert_eq!(split_vec(&segs, "abb"), None);
        let segs = [int(Int::U8), Segment::Literal(""), int(Int::U8)];
        assert_eq!(split_vec(&segs, "255255"), Some(vec!["255", "255"]));
    }

    #[test]
    fn adjacent_bounded_field_takes_its_run() {
        const UNITS: &[&str] = &["KB", "MB"];
        let segs = [int(Int::U32), Segment::Field(Class::OneOf(UNITS))];
        let (captures, slow) = counting(&SLOW_CALLS, || split_vec(&segs, "12MB"));
        assert_eq!(captures.unwrap(), vec!["12", "MB"]);
        assert_eq!(slow, 0, "a separable pair is read at first sight");
        assert_eq!(split_vec(&segs, "12GB"), None);
        assert_eq!(split_vec(&segs, "012MB"), None);
    }

    #[test]
    fn adjacent_fields_that_are_not_separable_still_split() {
        // Text before an integer: the text is as short as can be.
        let text_first = [T, int(Int::U32)];
        assert_eq!(split_vec(&text_first, "a1"), Some(vec!["a", "1"]));
        assert_eq!(split_vec(&text_first, "a12"), Some(vec!["a", "12"]));
        assert_eq!(split_vec(&text_first, "12"), Some(vec!["", "12"]));
        assert_eq!(split_vec(&text_first, "a"), None);
        // An integer before text: the integer is as short as can be, so one digit.
        let int_first = [int(Int::U32), T];
        assert_eq!(split_vec(&int_first, "12ab"), Some(vec!["1", "2ab"]));
        // Values that share a prefix.
        let shared = [
            Segment::Field(Class::OneOf(&["a", "ab"])),
            Segment::Field(Class::OneOf(&["bc", "c"])),
        ];
        assert_eq!(split_vec(&shared, "abc"), Some(vec!["a", "bc"]));
        assert_eq!(split_vec(&shared, "ac"), Some(vec!["a", "c"]));
        // The second placeholder may be empty, so the first's longest run is not forced.
        let empty = [
            Segment::Field(Class::OneOf(&["a", "aa"])),
            Segment::Field(Class::OneOf(&["", "b"])),
            Segment::Field(Class::OneOf(&["", "a"])),
            Segment::Literal("!"),
        ];
        assert_eq!(split_vec(&empty, "aa!"), Some(vec!["a", "", "a"]));
        assert_eq!(split_vec(&empty, "aab!"), Some(vec!["aa", "b", ""]));
        // Two integers: the first as short as can be.
        let two = [int(Int::U8), int(Int::U8)];
        assert_eq!(split_vec(&two, "255255"), Some(vec!["255", "255"]));
        assert_eq!(split_vec(&two, "1234"), Some(vec!["1", "234"]));
        assert_eq!(split_vec(&two, "10"), Some(vec!["1", "0"]));
        assert_eq!(split_vec(&two, "100"), Some(vec!["10", "0"]));
    }

    #[test]
    fn cloud_id_that_contains_the_next_literal() {
        let segs = [
            Segment::Literal("Invalid cloudId="),
            T,
            Segment::Literal(" for job="),
            Segment::Field(Class::OneOf(JOBS)),
            Segment::Literal(" with externalId="),
            T,
        ];
        let message = "Invalid cloudId=a for job=b for job=IMPORT with externalId=x";
        assert_eq!(
            split_vec(&segs, message),
            Some(vec!["a for job=b", "IMPORT", "x"])
        );
        // The common case is read at first sight.
        let (captures, slow) = counting(&SLOW_CALLS, || {
            split_vec(
                &segs,
                "Invalid cloudId=c-1 for job=EXPORT with externalId=e-58",
            )
        });
        assert_eq!(captures, Some(vec!["c-1", "EXPORT", "e-58"]));
        assert_eq!(slow, 0);
        assert_eq!(
            split_vec(&segs, "Invalid cloudId=a for job=b with externalId=x"),
            None
        );
    }

    #[test]
    fn integers_find_the_reading_where_they_parse() {
        let segs = [
            T,
            Segment::Literal("-"),
            int(Int::U8),
            Segment::Literal("!"),
        ];
        assert_eq!(split_vec(&segs, "x-1-2!"), Some(vec!["x-1", "2"]));
        assert_eq!(split_vec(&segs, "x-25-6!"), Some(vec!["x-25", "6"]));
        assert_eq!(split_vec(&segs, "x-256!"), None);
        assert_eq!(split_vec(&segs, "x-2-256!"), None);
        assert_eq!(split_vec(&segs, "x-255!"), Some(vec!["x", "255"]));
        assert_eq!(split_vec(&segs, "x-07!"), None);
        assert_eq!(split_vec(&segs, "x-0-7!"), Some(vec!["x-0", "7"]));
        let signed = [
            T,
            Segment::Literal("-"),
            int(Int::I8),
            Segment::Literal("!"),
        ];
        assert_eq!(split_vec(&signed, "x--5!"), Some(vec!["x", "-5"]));
        assert_eq!(split_vec(&signed, "x--0!"), Some(vec!["x-", "0"]));
        assert_eq!(split_vec(&signed, "x--01!"), None);
        assert_eq!(split_vec(&signed, "x-1--128!"), Some(vec!["x-1", "-128"]));
        assert_eq!(split_vec(&signed, "x-1--129!"), None);
        let bools = [T, Segment::Literal("="), Segment::Field(Class::Bool)];
        assert_eq!(split_vec(&bools, "a=b=true"), Some(vec!["a=b", "true"]));
        assert_eq!(split_vec(&bools, "a=b=yes"), None);
    }

    #[test]
    fn captures_of_the_wrong_length_give_false() {
        let segs = [T, Segment::Literal("="), T];
        for len in [0, 1, 3] {
            let mut captures = vec![""; len];
            assert!(!split(&segs, "a=b", &mut captures));
        }
        let mut captures = [""; 2];
        assert!(split(&segs, "a=b", &mut captures));
        assert_eq!(captures, ["a", "b"]);
        assert!(!split(&[], "", &mut [""]));
    }

    #[test]
    fn captures_end_on_character_boundaries() {
        let segs = [
            T,
            Segment::Literal("é"),
            Segment::Field(Class::OneOf(&["日本", "日"])),
        ];
        assert_eq!(split_vec(&segs, "aéé日本"), Some(vec!["aé", "日本"]));
        let segs = [T, Segment::Literal("日"), int(Int::U8)];
        assert_eq!(split_vec(&segs, "é日x日12"), Some(vec!["é日x", "12"]));
    }

    #[test]
    fn render_then_split_round_trips() {
        let segs = [Segment::Literal("job="), T, Segment::Literal(" id="), T];
        let message = render(&segs, &["EXPORT", "42"]);
        assert_eq!(message, "job=EXPORT id=42");
        assert_eq!(split_vec(&segs, &message).unwrap(), vec!["EXPORT", "42"]);
        assert_eq!(render(&segs, &["EXPORT"]), "job=EXPORT id=");
    }

    /// At most this many thread steps per character and state: each thread is stepped once
    /// and each state gets at most one thread per position.
    fn assert_linear(segments: &[Segment<'_>], message: &str, steps: u64) {
        let states = Automaton::new(segments, false).states() as u64;
        let chars = message.chars().count() as u64;
        assert!(
            steps <= 2 * (chars + 1) * states,
            "{steps} steps for {chars} characters and {states} states"
        );
        // And the bound is not vacuous: the search did go over the message.
        assert!(steps >= chars, "{steps} steps for {chars} characters");
    }

    #[test]
    fn full_search_is_linear_on_hostile_input() {
        // A small size first, so that a quadratic search fails fast instead of running long.
        for repeats in [300, 250_000] {
            // The motivating case, with MiB of false starts before the real separator.
            let segs = [
                Segment::Literal("Invalid cloudId="),
                T,
                Segment::Literal(" for job="),
                Segment::Field(Class::OneOf(JOBS)),
                Segment::Literal(" with externalId="),
                T,
            ];
            let cloud_id = "a for job=EXPOR".repeat(repeats);
            let message = format!("Invalid cloudId={cloud_id} for job=IMPORT with externalId=x");
            let ((captures, slow), steps) = counting(&STEPS, || {
                counting(&SLOW_CALLS, || split_vec(&segs, &message))
            });
            assert_eq!(captures, Some(vec![cloud_id.as_str(), "IMPORT", "x"]));
            assert_eq!(slow, 1);
            assert_linear(&segs, &message, steps);
        }
        assert!("a for job=EXPOR".len() * 250_000 > 3 << 20);

        // Many threads alive at once: every literal state, and integers that run long.
        let segs = [
            T,
            Segment::Literal("a"),
            T,
            Segment::Literal("a"),
            T,
            Segment::Literal("a1"),
            int(Int::U128),
            Segment::Literal("a"),
            int(Int::I8),
            Segment::Literal("!"),
        ];
        for repeats in [1 << 10, 1 << 20] {
            let message = format!("{}x!", "a1".repeat(repeats));
            let ((captures, slow), steps) = counting(&STEPS, || {
                counting(&SLOW_CALLS, || split_vec(&segs, &message))
            });
            assert_eq!(captures, None);
            assert_eq!(slow, 1);
            assert_linear(&segs, &message, steps);
            let message = format!("{}1a-1!", "a1".repeat(repeats));
            let (captures, steps) = counting(&STEPS, || split_vec(&segs, &message));
            let captures = captures.unwrap();
            assert_eq!(captures[3..], ["1", "-1"]);
            assert_linear(&segs, &message, steps);
        }
    }

    #[test]
    fn fast_path_is_linear_on_hostile_input() {
        // Many near-matches of the literals: each search resumes where the previous stopped.
        let segs = [
            T,
            Segment::Literal("ab"),
            T,
            Segment::Literal("ac"),
            T,
            Segment::Literal("!"),
        ];
        let message = format!("{}!", "a".repeat(4 << 20));
        let ((fits, slow), scanned) = counting(&SCANNED, || {
            counting(&SLOW_CALLS, || split_vec(&segs, &message))
        });
        assert_eq!(fits, None);
        assert_eq!(slow, 0, "no place for a literal is final in this template");
        assert!(scanned > 0 && scanned <= message.len() as u64, "{scanned}");

        let run = "a".repeat(2 << 20);
        let message = format!("{run}ab{run}ac{run}!");
        let ((captures, slow), scanned) = counting(&SCANNED, || {
            counting(&SLOW_CALLS, || split_vec(&segs, &message))
        });
        assert_eq!(captures, Some(vec![run.as_str(); 3]));
        assert_eq!(slow, 0);
        assert!(scanned <= message.len() as u64, "{scanned}");
    }
}
