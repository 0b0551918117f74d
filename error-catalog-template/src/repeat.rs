//! Templates that use a placeholder several times: [`split_repeated`].

use crate::class::{BOOLS, Class};
use crate::split::{Segment, split};

/// At most this many search steps per byte of message (plus one byte) are spent looking for
/// a reading whose repeated placeholders hold the same text; a message that needs more is
/// taken to have no reading. See [`split_repeated`].
pub const STEPS_PER_BYTE: u64 = 32;

#[cfg(test)]
thread_local! {
    /// Steps the search of [`split_repeated`] took, on this thread, for the tests of its bound.
    pub(crate) static REPEAT_STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Splits `message` along `segments` like [`split`], where `keys` names the field of each
/// placeholder, in order (one key per [`Segment::Field`]): placeholders with equal keys are
/// the same field, and a reading is one in which they hold the same text. Writes the text of
/// each placeholder, in order, into `captures` (one slot per placeholder) and returns whether
/// the message fits; `false`, never a panic, when `keys` or `captures` has the wrong length.
/// On `false` the slots' contents are unspecified.
///
/// Of all readings whose placeholders of one field hold the same text (each accepted by its
/// placeholder's class), the one chosen is the one whose tuple of capture lengths, one per
/// placeholder in template order, is lexicographically smallest, as [`split`] chooses. Since
/// every placeholder of a field has the length of its first one, that is the same as
/// comparing the lengths of the fields in the order in which they first appear.
///
/// Without repeated keys this is [`split`]. With them, [`split`]'s reading is taken when its
/// repeated placeholders agree (it is then the smallest of all readings, so of these too);
/// when [`split`] finds no reading there is none. Otherwise a depth-first search tries each
/// field's first placeholder with its texts shortest first, only among the lengths that the
/// rest of the template leaves room for, the later placeholders of a field and the literals
/// each matched where they stand. The search is bounded: it takes at most
/// [`STEPS_PER_BYTE`] × (`message.len()` + 1) steps (a step is a candidate text tried, a
/// segment matched, or a byte compared with an earlier text), so time linear in the
/// message's length times the template's size; a message that would need more is taken to
/// have no reading (`false`), never read otherwise. Messages that a server renders from
/// values of ordinary size are far from that bound; a message made to need it is a hostile
/// one.
pub fn split_repeated<'m, K: PartialEq>(
    segments: &[Segment<'_>],
    keys: &[K],
    message: &'m str,
    captures: &mut [&'m str],
) -> bool {
    if keys.len() != captures.len() {
        return false;
    }
    let repeats = keys
        .iter()
        .enumerate()
        .any(|(i, key)| keys[..i].contains(key));
    if !repeats {
        return split(segments, message, captures);
    }
    // No reading at all, or the smallest one has equal repeats: that is the answer.
    if !split(segments, message, captures) {
        return false;
    }
    let first_of = |i: usize| keys[..i].iter().position(|k| *k == keys[i]).unwrap_or(i);
    if (0..keys.len()).all(|i| captures.get(i) == captures.get(first_of(i))) {
        return true;
    }
    let first: Vec<usize> = (0..keys.len()).map(first_of).collect();
    let mut placeholder = Vec::with_capacity(segments.len());
    let mut next = 0;
    for segment in segments {
        placeholder.push(next);
        next += usize::from(matches!(segment, Segment::Field(_)));
    }
    let mut search = Search {
        segments,
        placeholder: &placeholder,
        first: &first,
        message,
        captures,
        steps_left: STEPS_PER_BYTE.saturating_mul(message.len() as u64 + 1),
    };
    #[cfg(test)]
    let budget = search.steps_left;
    let found = search.from(0, 0);
    #[cfg(test)]
    REPEAT_STEPS.with(|c| c.set(c.get() + budget - search.steps_left));
    found == Ok(true)
}

/// The search ran out of steps.
#[derive(Debug, PartialEq, Eq)]
struct Exhausted;

/// The depth-first search of [`split_repeated`].
struct Search<'s, 'a, 'm, 'c> {
    segments: &'s [Segment<'a>],
    /// For each segment, the index of the placeholder it is or would be (the number of
    /// placeholders before it).
    placeholder: &'s [usize],
    /// For each placeholder, the index of the first placeholder of its field.
    first: &'s [usize],
    message: &'m str,
    /// The text of each placeholder before the one being tried.
    captures: &'c mut [&'m str],
    steps_left: u64,
}

impl<'m> Search<'_, '_, 'm, '_> {
    fn step(&mut self, steps: u64) -> Result<(), Exhausted> {
        self.steps_left = self.steps_left.checked_sub(steps).ok_or(Exhausted)?;
        Ok(())
    }

    /// Whether the segments from `seg` on match the message from byte `at`, the captures
    /// of the placeholders before `seg` given; fills in the rest of the captures when so.
    fn from(&mut self, mut seg: usize, mut at: usize) -> Result<bool, Exhausted> {
        let message = self.message;
        loop {
            self.step(1)?;
            let (Some(segment), Some(rest)) = (self.segments.get(seg), message.get(at..)) else {
                return Ok(at == message.len());
            };
            let class = match *segment {
                Segment::Literal(lit) => {
                    if !rest.starts_with(lit) {
                        return Ok(false);
                    }
                    at += lit.len();
                    seg += 1;
                    continue;
                }
                Segment::Field(class) => class,
            };
            let p = self.placeholder.get(seg).copied().unwrap_or(usize::MAX);
            let Some(&f) = self.first.get(p) else {
                return Ok(false);
            };
            if f != p {
                // A later placeholder of a field: the text it took the first time.
                let Some(&text) = self.captures.get(f) else {
                    return Ok(false);
                };
                // Charged by the bytes compared: all of them when equal, else up to the
                // first difference.
                let same = if rest.starts_with(text) {
                    text.len()
                } else {
                    common_prefix(text, rest)
                };
                self.step(same as u64 + 1)?;
                if same < text.len() || !class.accepts(text) {
                    return Ok(false);
                }
                let end = at + text.len();
                match (self.captures.get_mut(p), message.get(at..end)) {
                    (Some(slot), Some(text)) => *slot = text,
                    _ => return Ok(false),
                }
                at = end;
                seg += 1;
                continue;
            }
            // The first placeholder of a field: each length the rest leaves room for,
            // shortest first. With `k` later placeholders of the field, the rest takes between
            // `min + k·len` and `max + k·len` bytes.
            let (min, max, k) = self.rest_bounds(seg + 1, p);
            let left = message.len() - at;
            let Some(most) = left.checked_sub(min) else {
                return Ok(false);
            };
            let least = max.map_or(0, |max| left.saturating_sub(max));
            let (own_min, own_max) = lengths(&class);
            let shortest = least.div_ceil(k + 1).max(own_min);
            let longest = (most / (k + 1)).min(own_max.unwrap_or(usize::MAX));
            let mut len = shortest;
            while len <= longest {
                self.step(1)?;
                let end = at + len;
                len += 1;
                let Some(text) = message.get(at..end) else {
                    continue;
                };
                if !class.accepts(text) {
                    continue;
                }
                if let Some(slot) = self.captures.get_mut(p) {
                    *slot = text;
                }
                if self.from(seg + 1, end)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
    }

    /// The fewest and the most bytes (`None`: no bound) that the segments from `seg` on can
    /// take, leaving out the placeholders of the field whose first placeholder is `own`, and
    /// the number of those.
    fn rest_bounds(&self, seg: usize, own: usize) -> (usize, Option<usize>, usize) {
        let (mut min, mut max, mut k) = (0usize, Some(0usize), 0);
        for (i, segment) in self.segments.iter().enumerate().skip(seg) {
            let (lo, hi) = match segment {
                Segment::Literal(lit) => (lit.len(), Some(lit.len())),
                Segment::Field(class) => {
                    let p = self.placeholder.get(i).copied().unwrap_or(usize::MAX);
                    match self.first.get(p) {
                        Some(&f) if f == own => {
                            k += 1;
                            continue;
                        }
                        // A field already read: its text.
                        Some(&f) if f < own => {
                            let len = self.captures.get(f).map_or(0, |t| t.len());
                            (len, Some(len))
                        }
                        _ => lengths(class),
                    }
                }
            };
            min = min.saturating_add(lo);
            max = max.zip(hi).and_then(|(a, b)| a.checked_add(b));
        }
        (min, max, k)
    }
}

/// The fewest and the most bytes a text of `class` can have (`None`: no bound).
fn lengths(class: &Class<'_>) -> (usize, Option<usize>) {
    let of = |values: &[&str]| {
        let min = values.iter().map(|v| v.len()).min().unwrap_or(0);
        let max = values.iter().map(|v| v.len()).max().unwrap_or(0);
        (min, Some(max))
    };
    match class {
        Class::Text => (0, None),
        Class::Integer(int) => {
            let digits = |n: u128| n.checked_ilog10().map_or(1, |d| d as usize + 1);
            let positive = digits(int.limit(false));
            let negative = if int.is_signed() {
                digits(int.limit(true)) + 1
            } else {
                0
            };
            (1, Some(positive.max(negative)))
        }
        Class::Bool => of(BOOLS),
        Class::OneOf(values) => of(values),
    }
}

/// The number of bytes at the start of `a` that `b` starts with too.
fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::Int;
    use crate::split::render;

    const T: Segment<'static> = Segment::Field(Class::Text);
    const SAID: Segment<'static> = Segment::Literal(" said ");

    fn lit(text: &'static str) -> Segment<'static> {
        Segment::Literal(text)
    }

    fn int(int: Int) -> Segment<'static> {
        Segment::Field(Class::Integer(int))
    }

    /// [`split_repeated`] into a fresh vector.
    fn read<'m>(segments: &[Segment<'_>], keys: &[&str], message: &'m str) -> Option<Vec<&'m str>> {
        let mut captures = vec![""; keys.len()];
        split_repeated(segments, keys, message, &mut captures).then_some(captures)
    }

    fn counting<R>(f: impl FnOnce() -> R) -> (R, u64) {
        let before = REPEAT_STEPS.with(std::cell::Cell::get);
        let out = f();
        (out, REPEAT_STEPS.with(std::cell::Cell::get) - before)
    }

    #[test]
    fn equal_occurrences_are_chosen() {
        let echo = [T, SAID, T];
        let message = " said said  said";
        // Each occurrence on its own: `""` and `"said  said"`.
        assert_eq!(
            crate::split::tests::split_vec(&echo, message),
            Some(vec!["", "said  said"])
        );
        assert_eq!(
            read(&echo, &["w", "w"], message),
            Some(vec![" said", " said"])
        );
        assert_eq!(
            read(&echo, &["w", "w"], "a said a said a said a"),
            Some(vec!["a said a"; 2])
        );
        // Different fields are still split as by `split`.
        assert_eq!(
            read(&echo, &["a", "b"], message),
            Some(vec!["", "said  said"])
        );
        // When `split`'s reading already has equal texts.
        assert_eq!(read(&echo, &["w", "w"], "hi said hi"), Some(vec!["hi"; 2]));
    }

    #[test]
    fn no_equal_reading_is_no_reading() {
        let echo = [T, SAID, T];
        assert_eq!(read(&echo, &["w", "w"], "hi said ho"), None);
        assert_eq!(read(&echo, &["w", "w"], "a said a said a"), None);
        assert_eq!(read(&echo, &["w", "w"], "no literal"), None);
        assert_eq!(read(&echo, &["w", "w"], ""), None);
        let (none, steps) = counting(|| read(&echo, &["w", "w"], "hi said hi!"));
        assert_eq!(none, None);
        assert!(steps > 0, "the search ran");
    }

    #[test]
    fn the_smallest_equal_reading_is_chosen() {
        // `{a}-{b}-{a}`: `a` as short as can be, then `b`.
        let segs = [T, lit("-"), T, lit("-"), T];
        let keys = ["a", "b", "a"];
        // The one reading: `a` can only be `x`, the first and last letter.
        assert_eq!(
            read(&segs, &keys, "x-x-x-x-x"),
            Some(vec!["x", "x-x-x", "x"])
        );
        // `split` alone gives a = "", b = "", a = "x-", which differ.
        assert_eq!(read(&segs, &keys, "--x-"), Some(vec!["", "-x", ""]));
        assert_eq!(read(&segs, &keys, "x-x-y"), None);
        assert_eq!(read(&segs, &keys, "x--x"), Some(vec!["x", "", "x"]));
        assert_eq!(read(&segs, &keys, "-x--"), Some(vec!["", "x-", ""]));
        // Two readings with equal `a`s, (2, 8, 2) and (5, 2, 5): the one with `a` shortest,
        // not the one with `b` shortest.
        let message = "ab-ab-ab-ab-ab";
        assert_eq!(
            read(&segs, &keys, message),
            Some(vec!["ab", "ab-ab-ab", "ab"])
        );
        // `{b}-{a}-{a}`: `b` first, as short as leaves a reading.
        let keys = ["b", "a", "a"];
        assert_eq!(
            read(&segs, &keys, "x-y-y-z-y-z"),
            Some(vec!["x-y", "y-z", "y-z"])
        );
        assert_eq!(read(&segs, &keys, "x-y-y"), Some(vec!["x", "y", "y"]));
    }

    #[test]
    fn integers_and_enums_repeated() {
        let segs = [int(Int::U8), lit("1"), int(Int::U8)];
        let keys = ["n", "n"];
        // `split` reads "2" and "121"; with equal texts the one reading is "21" twice.
        assert_eq!(read(&segs, &keys, "21121"), Some(vec!["21", "21"]));
        assert_eq!(read(&segs, &keys, "1111"), None);
        assert_eq!(read(&segs, &keys, "111"), Some(vec!["1", "1"]));
        // Out of range, even with equal texts.
        assert_eq!(read(&segs, &keys, "2561256"), None);
        let signed = [int(Int::I8), lit("-"), int(Int::I8)];
        assert_eq!(read(&signed, &keys, "-1--1"), Some(vec!["-1", "-1"]));
        assert_eq!(read(&signed, &keys, "-1--2"), None);
        const UNITS: &[&str] = &["K", "KB", "BKB"];
        let units = [
            Segment::Field(Class::OneOf(UNITS)),
            Segment::Field(Class::OneOf(UNITS)),
            lit("B"),
        ];
        // `split` reads `K` then `BKB`; with equal texts, `KB` twice.
        assert_eq!(
            crate::split::tests::split_vec(&units, "KBKBB"),
            Some(vec!["K", "BKB"])
        );
        assert_eq!(read(&units, &["u", "u"], "KBKBB"), Some(vec!["KB", "KB"]));
        assert_eq!(read(&units, &["u", "u"], "KKB"), Some(vec!["K", "K"]));
        assert_eq!(read(&units, &["u", "u"], "KBKB"), None);
        let bools = [
            Segment::Field(Class::Bool),
            lit("/"),
            Segment::Field(Class::Bool),
        ];
        assert_eq!(
            read(&bools, &["b", "b"], "true/true"),
            Some(vec!["true"; 2])
        );
        assert_eq!(read(&bools, &["b", "b"], "true/false"), None);
    }

    #[test]
    fn three_occurrences() {
        let segs = [T, lit(","), T, lit(","), T];
        let keys = ["w"; 3];
        assert_eq!(read(&segs, &keys, "a,b,a,b,a,b"), Some(vec!["a,b"; 3]));
        assert_eq!(read(&segs, &keys, ",,"), Some(vec![""; 3]));
        assert_eq!(read(&segs, &keys, "a,a,b"), None);
        assert_eq!(read(&segs, &keys, "a,b,a,b,a"), None);
    }

    #[test]
    fn two_repeated_fields() {
        // `{a}={b};{b}={a}`
        let segs = [T, lit("="), T, lit(";"), T, lit("="), T];
        let keys = ["a", "b", "b", "a"];
        assert_eq!(
            read(&segs, &keys, "x=y;y=x"),
            Some(vec!["x", "y", "y", "x"])
        );
        assert_eq!(
            read(&segs, &keys, "x=x;y=y;y=x=x;y"),
            Some(vec!["x=x;y", "y", "y", "x=x;y"])
        );
        assert_eq!(read(&segs, &keys, "x=y;z=x"), None);
        // Readings with equal texts always render back to the message.
        for message in ["x=x;y=y;y=x=x;y", "==;===;==", ";=;;=;;=;"] {
            if let Some(texts) = read(&segs, &keys, message) {
                assert_eq!(render(&segs, &texts), message);
            }
        }
    }

    #[test]
    fn wrong_lengths_give_false() {
        let echo = [T, SAID, T];
        let mut one = [""];
        assert!(!split_repeated(&echo, &["w", "w"], "a said a", &mut one));
        let mut two = [""; 2];
        assert!(!split_repeated(&echo, &["w"], "a said a", &mut two));
        assert!(!split_repeated(
            &echo,
            &["w", "w", "w"],
            "a said a",
            &mut two
        ));
        assert!(split_repeated(&echo, &["w", "w"], "a said a", &mut two));
    }

    /// Every reading with equal texts, by brute force over every text of every placeholder:
    /// the smallest by the tuple of lengths.
    fn brute<'m>(
        segments: &[Segment<'_>],
        keys: &[&str],
        message: &'m str,
    ) -> Option<Vec<&'m str>> {
        fn go<'m>(
            segments: &[Segment<'_>],
            keys: &[&str],
            message: &'m str,
            at: usize,
            texts: &mut Vec<&'m str>,
        ) -> bool {
            let Some((segment, rest)) = segments.split_first() else {
                return at == message.len();
            };
            match segment {
                Segment::Literal(lit) => {
                    message[at..].starts_with(lit) && go(rest, keys, message, at + lit.len(), texts)
                }
                Segment::Field(class) => {
                    for end in at..=message.len() {
                        let Some(text) = message.get(at..end) else {
                            continue;
                        };
                        let p = texts.len();
                        let same = keys[..p]
                            .iter()
                            .zip(texts.iter())
                            .all(|(k, t)| *k != keys[p] || *t == text);
                        if !same || !class.accepts(text) {
                            continue;
                        }
                        texts.push(text);
                        if go(rest, keys, message, end, texts) {
                            return true;
                        }
                        texts.pop();
                    }
                    false
                }
            }
        }
        let mut texts = Vec::new();
        go(segments, keys, message, 0, &mut texts).then_some(texts)
    }

    #[test]
    fn agrees_with_brute_force() {
        let mut rng = crate::test_rng::Rng(0x5EED_0F2E_9EA7_ED00);
        let classes = [
            Class::Text,
            Class::Text,
            Class::Integer(Int::U8),
            Class::Integer(Int::I8),
            Class::OneOf(&["a", "ab", "b"]),
        ];
        let names = ["a", "b", "c"];
        let mut found = 0;
        for _ in 0..1500 {
            let mut segments = Vec::new();
            let mut keys = Vec::new();
            let mut field_class: Vec<Option<Class<'static>>> = vec![None; names.len()];
            for _ in 0..rng.below(5) + 1 {
                if rng.below(2) == 0 {
                    let text: &'static str = Box::leak(rng.text(2).into_boxed_str());
                    segments.push(Segment::Literal(text));
                } else {
                    let f = rng.below(names.len());
                    let class = *field_class[f].get_or_insert(classes[rng.below(classes.len())]);
                    segments.push(Segment::Field(class));
                    keys.push(names[f]);
                }
            }
            for _ in 0..6 {
                let message = if rng.below(2) == 0 {
                    rng.text(8)
                } else {
                    // A rendering with equal texts, so that readings exist.
                    let values: Vec<String> = names.iter().map(|_| rng.text(3)).collect();
                    let texts: Vec<&str> = keys
                        .iter()
                        .map(|k| values[names.iter().position(|n| n == k).unwrap()].as_str())
                        .collect();
                    render(&segments, &texts)
                };
                let expected = brute(&segments, &keys, &message);
                found += usize::from(expected.is_some());
                assert_eq!(
                    read(&segments, &keys, &message),
                    expected,
                    "{segments:?} {keys:?} {message:?}"
                );
            }
        }
        assert!(found > 1000, "only {found} readings");
    }

    #[test]
    fn hostile_messages_are_bounded() {
        let echo = [T, SAID, T];
        let keys = ["w", "w"];
        // A small size first, so that a quadratic search fails fast instead of running long.
        for repeats in [300, 220_000] {
            let word = "said ".repeat(repeats);
            let word = word.trim_end();
            let message = format!("{word} said {word}");
            let (captures, steps) = counting(|| read(&echo, &keys, &message));
            assert_eq!(captures, Some(vec![word; 2]));
            assert!(steps <= STEPS_PER_BYTE * (message.len() as u64 + 1));
            assert!(steps >= word.len() as u64, "the search compared the word");
            // One byte more: no reading, found within the bound too.
            let message = format!("{message}d");
            let (captures, steps) = counting(|| read(&echo, &keys, &message));
            assert_eq!(captures, None);
            assert!(steps <= STEPS_PER_BYTE * (message.len() as u64 + 1));
        }
        assert!("said ".len() * 220_000 > 1 << 20);

        // Three fields of any text, each used twice, over a message of one letter of odd
        // length: no reading, and every way of cutting it is a candidate. The search gives up
        // at its bound, answering that there is no reading.
        let segs = [T, T, T, T, T, T];
        let keys = ["a", "b", "c", "a", "b", "c"];
        for len in [301, (1 << 18) + 1] {
            let message = "x".repeat(len);
            let (captures, steps) = counting(|| read(&segs, &keys, &message));
            assert_eq!(captures, None);
            let budget = STEPS_PER_BYTE * (message.len() as u64 + 1);
            assert!(steps <= budget, "{steps} steps");
            if len > 1000 {
                assert!(steps > budget - 64, "{steps} steps: the bound was reached");
            }
        }
        // With an even length the first lengths tried give a reading at once.
        let message = "x".repeat(1 << 18);
        let (captures, steps) = counting(|| read(&segs, &keys, &message));
        let half = &message[..1 << 17];
        assert_eq!(captures, Some(vec!["", "", half, "", "", half]));
        assert!(steps <= 4 * message.len() as u64, "{steps} steps");
    }
}
