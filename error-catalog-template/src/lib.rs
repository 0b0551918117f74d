//! Message templates of [error-catalog](https://docs.rs/error-catalog): the one template
//! engine that both build time and run time use.
//!
//! A template is the wire text of an error message with named placeholders:
//! `"Storage region = {region} is not eligible for the org:{org_id}"`. `{{` and `}}` stand
//! for literal braces.
//!
//! - [`parse`] turns template source into [`Piece`]s, keeping the byte span of every
//!   placeholder so that a diagnostic can point at it, and reports every mistake at once.
//! - [`split`] matches a received message against a template's [`Segment`]s and returns the
//!   text of each placeholder, in time linear in the message length.
//! - [`overlap`] decides whether two templates can match the same message, and gives one
//!   such message as a witness.
//!
//! # How a message is split
//!
//! Literal text must match exactly, and the template's last literal, if it ends the
//! template, is matched at the very end of the message. Each placeholder, from left to
//! right, ends where the literal that follows it next occurs, searching forward from where
//! the placeholder starts: it takes the shortest text that its next literal can follow. When
//! every placeholder is text, this finds a split whenever one exists, and the one it finds
//! gives each placeholder, in turn, the shortest text possible.
//!
//! The placeholders' types do not move the cuts: a part that then fails to parse as its type
//! makes the message unrecognized, even if another split would have parsed. The one
//! exception is two placeholders with no literal between them, which are only splittable
//! when the first one's [`Class`] cannot contain the second one's first character: the first
//! then takes the longest run of characters its class allows.
//!
//! The rule is deterministic, and since every capture is a substring of the message, putting
//! the captures back into the template gives back exactly the message that was split.
#![forbid(unsafe_code)]

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::fmt;
use std::ops::Range;

/// One part of a parsed template: literal text or a named placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text, with `{{` and `}}` already turned into single braces.
    Literal(String),
    /// A `{name}` placeholder.
    Placeholder {
        /// The name between the braces.
        name: String,
        /// Byte range of the whole placeholder, braces included, in the template source.
        span: Range<usize>,
    },
}

/// What went wrong while parsing a template.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateErrorKind {
    /// A `{` with no matching `}`.
    UnclosedBrace,
    /// A `}` that closes nothing (write `}}` for a literal brace).
    UnopenedBrace,
    /// `{}`: a placeholder with no name.
    EmptyPlaceholder,
    /// A placeholder name that is not a snake_case identifier.
    InvalidName(String),
}

/// A mistake in a template, with the byte range it covers in the template source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// What went wrong.
    pub kind: TemplateErrorKind,
    /// Byte range in the template source.
    pub span: Range<usize>,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            TemplateErrorKind::UnclosedBrace => f.write_str("unclosed `{` in message template"),
            TemplateErrorKind::UnopenedBrace => f.write_str("unmatched `}` in message template"),
            TemplateErrorKind::EmptyPlaceholder => f.write_str("empty placeholder `{}`"),
            TemplateErrorKind::InvalidName(name) => {
                write!(
                    f,
                    "placeholder name `{name}` is not a snake_case identifier"
                )
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// Whether `name` is a valid placeholder (field) name: lowercase ASCII letters, digits and
/// underscores, not starting with a digit, and not `_` alone.
pub fn is_field_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() || c == '_' => {}
        _ => return false,
    }
    name != "_" && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Parses template source into pieces. Every mistake is reported, in source order.
///
/// Adjacent literal text is merged into one [`Piece::Literal`]; an empty template gives no
/// pieces.
pub fn parse(source: &str) -> Result<Vec<Piece>, Vec<TemplateError>> {
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut literal = String::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                literal.push('{');
                i += 2;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                literal.push('}');
                i += 2;
            }
            b'}' => {
                errors.push(TemplateError {
                    kind: TemplateErrorKind::UnopenedBrace,
                    span: i..i + 1,
                });
                i += 1;
            }
            b'{' => {
                // A placeholder runs to the next `}`; a `{` before it means this one is unclosed.
                let rest = &source[i + 1..];
                let close = rest
                    .find(['}', '{'])
                    .filter(|&j| rest.as_bytes()[j] == b'}');
                let Some(j) = close else {
                    errors.push(TemplateError {
                        kind: TemplateErrorKind::UnclosedBrace,
                        span: i..i + 1,
                    });
                    i += 1;
                    continue;
                };
                let name = &rest[..j];
                let span = i..i + j + 2;
                if name.is_empty() {
                    errors.push(TemplateError {
                        kind: TemplateErrorKind::EmptyPlaceholder,
                        span: span.clone(),
                    });
                } else if !is_field_name(name) {
                    errors.push(TemplateError {
                        kind: TemplateErrorKind::InvalidName(name.to_owned()),
                        span: span.clone(),
                    });
                }
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Placeholder {
                    name: name.to_owned(),
                    span: span.clone(),
                });
                i = span.end;
            }
            _ => {
                let next = source[i..].find(['{', '}']).map_or(source.len(), |j| i + j);
                literal.push_str(&source[i..next]);
                i = next;
            }
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    if errors.is_empty() {
        Ok(pieces)
    } else {
        Err(errors)
    }
}

/// Escapes literal text for a template: `{` becomes `{{` and `}` becomes `}}`.
pub fn escape(literal: &str) -> String {
    literal.replace('{', "{{").replace('}', "}}")
}

/// What text a placeholder's type can render as; used to split adjacent placeholders and
/// to decide whether two templates overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Class<'a> {
    /// Any text, possibly empty (strings and external types).
    Text,
    /// An integer: an optional sign, then one or more ASCII digits.
    Integer,
    /// `true` or `false`.
    Bool,
    /// Exactly one of these strings (a catalog enum's wire values).
    OneOf(&'a [&'a str]),
}

impl Class<'_> {
    /// Whether text of this class can contain the character `c`.
    pub fn can_contain(&self, c: char) -> bool {
        match self {
            Class::Text => true,
            Class::Integer => c.is_ascii_digit() || c == '-' || c == '+',
            Class::Bool => "truefals".contains(c),
            Class::OneOf(values) => values.iter().any(|v| v.contains(c)),
        }
    }

    /// Whether text of this class can start with the character `c`.
    pub fn can_start_with(&self, c: char) -> bool {
        match self {
            Class::Text => true,
            Class::Integer => c.is_ascii_digit() || c == '-' || c == '+',
            Class::Bool => c == 't' || c == 'f',
            Class::OneOf(values) => values.iter().any(|v| v.starts_with(c)),
        }
    }

    /// Whether the class is made of known characters only, so that the end of a value can
    /// be found without a literal after it.
    pub fn is_bounded(&self) -> bool {
        !matches!(self, Class::Text)
    }

    /// Whether this class and `next` can be written side by side and still be split:
    /// true when text of this class can never contain a character `next` can start with.
    pub fn separable_from(&self, next: &Class<'_>) -> bool {
        match (self, next) {
            (Class::Text, _) | (_, Class::Text) => false,
            (_, Class::Integer) => !('0'..='9').chain(['-', '+']).any(|c| self.can_contain(c)),
            (_, Class::Bool) => !self.can_contain('t') && !self.can_contain('f'),
            (_, Class::OneOf(values)) => values
                .iter()
                .filter_map(|v| v.chars().next())
                .all(|c| !self.can_contain(c)),
        }
    }
}

/// One part of a compiled template, as generated code stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Segment<'a> {
    /// Literal text that must match exactly.
    Literal(&'a str),
    /// A placeholder whose text is of this class.
    Field(Class<'a>),
}

/// Splits `message` along `segments` and returns the text of each placeholder, in order.
///
/// Returns `None` when the message does not fit the template. See the crate documentation
/// for the splitting rule. Runs in time linear in `message.len()` (each literal search
/// resumes where the previous one stopped).
pub fn split<'m>(segments: &[Segment<'_>], message: &'m str) -> Option<Vec<&'m str>> {
    let mut captures = Vec::with_capacity(segments.len());
    split_into(segments, message, &mut captures).then_some(captures)
}

/// Like [`split`], but pushes the captures into a buffer that the caller can reuse.
/// On failure the buffer's contents are unspecified.
pub fn split_into<'m>(
    segments: &[Segment<'_>],
    message: &'m str,
    captures: &mut Vec<&'m str>,
) -> bool {
    captures.clear();
    split_with(segments, message, |text| captures.push(text))
}

/// Like [`split`], but hands each capture to `capture`, in order, as it is found, so that
/// the caller decides where to keep them. Returns whether the whole message fits; on `false`
/// some captures may already have been handed over.
pub fn split_with<'m>(
    segments: &[Segment<'_>],
    message: &'m str,
    mut capture: impl FnMut(&'m str),
) -> bool {
    // The last literal, when the template ends with one, is anchored at the end of the message.
    let (body, tail) = match segments.split_last() {
        Some((Segment::Literal(last), body)) if !body.is_empty() => (body, Some(*last)),
        _ => (segments, None),
    };
    let end = match tail {
        Some(tail) => match message.strip_suffix(tail) {
            Some(rest) => rest.len(),
            None => return false,
        },
        None => message.len(),
    };
    let mut pos = 0;
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            Segment::Literal(lit) => {
                if !message[pos..end].starts_with(lit) {
                    return false;
                }
                pos += lit.len();
            }
            Segment::Field(class) => {
                let stop = match body.get(i + 1) {
                    None => end,
                    Some(Segment::Literal(lit)) => match message[pos..end].find(lit) {
                        Some(j) => pos + j,
                        None => return false,
                    },
                    Some(Segment::Field(_)) => {
                        if !class.is_bounded() {
                            return false;
                        }
                        message[pos..end]
                            .char_indices()
                            .find(|&(_, c)| !class.can_contain(c))
                            .map_or(end, |(j, _)| pos + j)
                    }
                };
                capture(&message[pos..stop]);
                pos = stop;
            }
        }
        i += 1;
    }
    pos == end
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

/// One step of a template seen as an automaton over characters.
#[derive(Clone, Copy, Debug)]
enum Step<'a> {
    /// Exactly this character.
    Char(char),
    /// Any number of characters (strings and external types).
    AnyRun,
    /// Exactly one character, any.
    AnyOne,
    /// Optional sign then at least one digit, as three sub-states.
    IntSign,
    IntFirstDigit,
    IntMoreDigits,
    /// One of these literal alternatives (the state says which one and how far into it).
    Alt(&'a [&'a str]),
}

/// The automaton of a template: a list of states, each a [`Step`]; state `n` is accepting.
///
/// With `nonempty_text`, text placeholders match one character or more instead of any text,
/// which gives more telling witnesses.
fn automaton<'a>(segments: &[Segment<'a>], nonempty_text: bool) -> Vec<Step<'a>> {
    let mut steps = Vec::new();
    for segment in segments {
        match *segment {
            Segment::Literal(lit) => steps.extend(lit.chars().map(Step::Char)),
            Segment::Field(Class::Text) if nonempty_text => {
                steps.extend([Step::AnyOne, Step::AnyRun])
            }
            Segment::Field(Class::Text) => steps.push(Step::AnyRun),
            Segment::Field(Class::Integer) => {
                steps.extend([Step::IntSign, Step::IntFirstDigit, Step::IntMoreDigits])
            }
            Segment::Field(Class::Bool) => steps.push(Step::Alt(&["true", "false"])),
            Segment::Field(Class::OneOf(values)) => steps.push(Step::Alt(values)),
        }
    }
    steps
}

/// A position in an automaton: the step index and, inside an alternative, which value and
/// how far into it.
type State = (usize, usize, usize);

/// A state of each of the two automata that [`overlap`] runs side by side.
type Pair = (State, State);

/// States reachable from `state` without reading a character.
fn closure(steps: &[Step<'_>], state: State, out: &mut Vec<State>) {
    let mut stack = vec![state];
    while let Some(s) = stack.pop() {
        if out.contains(&s) {
            continue;
        }
        out.push(s);
        let (i, alt, off) = s;
        match steps.get(i) {
            Some(Step::AnyRun) | Some(Step::IntSign) | Some(Step::IntMoreDigits) => {
                stack.push((i + 1, 0, 0))
            }
            Some(Step::Alt(values)) if off == 0 && alt == 0 => {
                for (k, v) in values.iter().enumerate() {
                    if v.is_empty() {
                        stack.push((i + 1, 0, 0));
                    } else if k > 0 {
                        stack.push((i, k, 0));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Characters that can be read from `state`: `None` means "any character".
fn reads(steps: &[Step<'_>], (i, alt, off): State) -> Option<BTreeSet<char>> {
    let chars = match steps.get(i)? {
        Step::Char(c) => BTreeSet::from([*c]),
        Step::AnyRun | Step::AnyOne => return None,
        Step::IntSign => BTreeSet::from(['-', '+']),
        Step::IntFirstDigit | Step::IntMoreDigits => ('0'..='9').collect(),
        Step::Alt(values) => values[alt].chars().nth(off).into_iter().collect(),
    };
    Some(chars)
}

/// Whether `state` can read `c`, and where it goes.
fn advance(steps: &[Step<'_>], (i, alt, off): State, c: char) -> Option<State> {
    match steps.get(i)? {
        Step::Char(x) => (*x == c).then_some((i + 1, 0, 0)),
        Step::AnyRun => Some((i, 0, 0)),
        Step::AnyOne => Some((i + 1, 0, 0)),
        Step::IntSign => (c == '-' || c == '+').then_some((i + 1, 0, 0)),
        Step::IntFirstDigit => c.is_ascii_digit().then_some((i + 1, 0, 0)),
        Step::IntMoreDigits => c.is_ascii_digit().then_some((i, 0, 0)),
        Step::Alt(values) => {
            let value = values[alt];
            if value.chars().nth(off)? != c {
                return None;
            }
            Some(if off + 1 == value.chars().count() {
                (i + 1, 0, 0)
            } else {
                (i, alt, off + 1)
            })
        }
    }
}

/// Whether some message matches both templates; returns the shortest such message.
///
/// Placeholders are read by their [`Class`]: text matches anything, an integer an optional
/// sign and digits, a boolean or enum exactly one of its values. The search explores pairs of
/// positions in both templates, so its cost is bounded by the product of their lengths.
pub fn overlap(a: &[Segment<'_>], b: &[Segment<'_>]) -> Option<String> {
    // A witness with some text in each text placeholder reads better; only if there is none
    // do empty placeholders count.
    shortest_common(&automaton(a, true), &automaton(b, true))
        .or_else(|| shortest_common(&automaton(a, false), &automaton(b, false)))
}

/// Breadth-first search over pairs of states for the shortest text both automata accept.
fn shortest_common(sa: &[Step<'_>], sb: &[Step<'_>]) -> Option<String> {
    let start = ((0, 0, 0), (0, 0, 0));
    let mut queue = VecDeque::from([start]);
    // For each pair of states reached: the pair it was reached from, and the character read.
    let mut seen: HashMap<Pair, Option<(Pair, char)>> = HashMap::from([(start, None)]);
    while let Some(pair @ (x, y)) = queue.pop_front() {
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        closure(sa, x, &mut xs);
        closure(sb, y, &mut ys);
        if xs.iter().any(|s| s.0 == sa.len()) && ys.iter().any(|s| s.0 == sb.len()) {
            let mut text = Vec::new();
            let mut at = pair;
            while let Some(Some((prev, c))) = seen.get(&at) {
                text.push(*c);
                at = *prev;
            }
            return Some(text.into_iter().rev().collect());
        }
        for &p in &xs {
            for &q in &ys {
                let candidates: Vec<char> = match (reads(sa, p), reads(sb, q)) {
                    (None, None) => vec!['x'],
                    (Some(s), None) | (None, Some(s)) => s.into_iter().collect(),
                    (Some(s), Some(t)) => s.intersection(&t).copied().collect(),
                };
                for c in candidates {
                    let (Some(np), Some(nq)) = (advance(sa, p, c), advance(sb, q, c)) else {
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

    fn lit(s: &str) -> Piece {
        Piece::Literal(s.to_owned())
    }

    #[test]
    fn parses_placeholders_and_escapes() {
        let pieces = parse("a {{b}} {name} c").unwrap();
        assert_eq!(
            pieces,
            vec![
                lit("a {b} "),
                Piece::Placeholder {
                    name: "name".into(),
                    span: 8..14
                },
                lit(" c"),
            ]
        );
        assert_eq!(parse("").unwrap(), vec![]);
    }

    #[test]
    fn reports_every_mistake_in_order() {
        let errors = parse("} {} {Bad} {open").unwrap_err();
        let kinds: Vec<_> = errors
            .iter()
            .map(|e| (e.kind.clone(), e.span.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (TemplateErrorKind::UnopenedBrace, 0..1),
                (TemplateErrorKind::EmptyPlaceholder, 2..4),
                (TemplateErrorKind::InvalidName("Bad".into()), 5..10),
                (TemplateErrorKind::UnclosedBrace, 11..12),
            ]
        );
    }

    #[test]
    fn nested_open_brace_is_unclosed() {
        let errors = parse("{a {b}").unwrap_err();
        assert_eq!(errors[0].kind, TemplateErrorKind::UnclosedBrace);
        assert_eq!(errors[0].span, 0..1);
    }

    #[test]
    fn field_names() {
        assert!(is_field_name("org_id"));
        assert!(is_field_name("_x1"));
        assert!(!is_field_name("_"));
        assert!(!is_field_name("1x"));
        assert!(!is_field_name("orgId"));
        assert!(!is_field_name(""));
    }

    const T: Segment<'static> = Segment::Field(Class::Text);

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
            split(&segs, "id=a and b and c.").unwrap(),
            vec!["a", "b and c"]
        );
        assert_eq!(split(&segs, "id= and ."), Some(vec!["", ""]));
        assert_eq!(split(&segs, "id=a and b"), None);
        assert_eq!(split(&segs, "xd=a and b."), None);
        let tail = [T, Segment::Literal(".")];
        assert_eq!(split(&tail, "1.2.").unwrap(), vec!["1.2"]);
        assert_eq!(split(&[Segment::Literal("x")], "x"), Some(vec![]));
        assert_eq!(split(&[Segment::Literal("x")], "xy"), None);
        assert_eq!(split(&[], ""), Some(vec![]));
    }

    #[test]
    fn tail_literal_cannot_overlap_earlier_text() {
        let segs = [T, Segment::Literal("-"), T, Segment::Literal("-")];
        assert_eq!(split(&segs, "x-"), None);
        assert_eq!(split(&segs, "x--"), Some(vec!["x", ""]));
    }

    #[test]
    fn adjacent_bounded_field_takes_its_run() {
        const UNITS: &[&str] = &["KB", "MB"];
        let segs = [
            Segment::Field(Class::Integer),
            Segment::Field(Class::OneOf(UNITS)),
        ];
        assert_eq!(split(&segs, "12MB").unwrap(), vec!["12", "MB"]);
        let text_first = [T, Segment::Field(Class::Integer)];
        assert_eq!(split(&text_first, "a1"), None);
    }

    #[test]
    fn split_is_linear_on_hostile_input() {
        // Many near-matches of the literal: each search resumes, so this stays fast.
        let segs = [
            T,
            Segment::Literal("ab"),
            T,
            Segment::Literal("ac"),
            T,
            Segment::Literal("!"),
        ];
        let message = "a".repeat(200_000);
        assert_eq!(split(&segs, &message), None);
    }

    #[test]
    fn render_then_split_round_trips() {
        let segs = [Segment::Literal("job="), T, Segment::Literal(" id="), T];
        let message = render(&segs, &["EXPORT", "42"]);
        assert_eq!(message, "job=EXPORT id=42");
        assert_eq!(split(&segs, &message).unwrap(), vec!["EXPORT", "42"]);
    }

    #[test]
    fn separability() {
        const UNITS: &[&str] = &["KB", "MB"];
        assert!(Class::Integer.separable_from(&Class::OneOf(UNITS)));
        assert!(!Class::Integer.separable_from(&Class::Integer));
        assert!(!Class::Text.separable_from(&Class::Integer));
        assert!(!Class::Integer.separable_from(&Class::Text));
        assert!(Class::OneOf(UNITS).separable_from(&Class::Integer));
        assert!(!Class::Bool.separable_from(&Class::OneOf(&["true"])));
    }

    #[test]
    fn overlap_finds_shortest_witness() {
        let a = [Segment::Literal("id "), T];
        let b = [Segment::Literal("id "), Segment::Field(Class::Integer)];
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
    }
}

#[cfg(test)]
mod random {
    //! Random templates and messages: splitting never panics, and whatever it returns puts
    //! the message back together exactly.
    use super::*;

    /// xorshift64*: a small deterministic generator, so failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        /// Text from a small alphabet with multi-byte characters, so that literals recur.
        fn text(&mut self, max: usize) -> String {
            const ALPHABET: &[&str] = &["a", "b", " ", "=", "é", "{", "}", "0", "7", "-", "日"];
            (0..self.below(max + 1))
                .map(|_| ALPHABET[self.below(ALPHABET.len())])
                .collect()
        }
    }

    const CLASSES: &[Class<'static>] = &[
        Class::Text,
        Class::Integer,
        Class::Bool,
        Class::OneOf(&["KB", "MB", "a="]),
    ];

    #[test]
    fn split_output_always_renders_back_to_the_message() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut matched = 0;
        for _ in 0..20_000 {
            let literals: Vec<String> = (0..4).map(|_| rng.text(3)).collect();
            let mut segments = Vec::new();
            for (i, literal) in literals.iter().enumerate() {
                if !literal.is_empty() {
                    segments.push(Segment::Literal(literal.as_str()));
                }
                if i < 3 && rng.below(3) > 0 {
                    segments.push(Segment::Field(CLASSES[rng.below(CLASSES.len())]));
                }
            }
            // Half the messages are renderings of the template, half are noise.
            let message = if rng.below(2) == 0 {
                let values: Vec<String> = (0..4).map(|_| rng.text(4)).collect();
                let values: Vec<&str> = values.iter().map(String::as_str).collect();
                render(&segments, &values)
            } else {
                rng.text(12)
            };
            if let Some(captures) = split(&segments, &message) {
                matched += 1;
                assert_eq!(
                    render(&segments, &captures),
                    message,
                    "{segments:?} split {message:?} into {captures:?}"
                );
            }
        }
        // The property must have been exercised, not vacuously true.
        assert!(matched > 5_000, "only {matched} messages matched");
    }

    #[test]
    fn templates_that_are_all_text_always_split_their_renderings() {
        let mut rng = Rng(7);
        for _ in 0..20_000 {
            let literals: Vec<String> = (0..3).map(|_| rng.text(3)).collect();
            let mut segments = Vec::new();
            for (i, literal) in literals.iter().enumerate() {
                // Two text fields need literal text between them.
                if !literal.is_empty() {
                    segments.push(Segment::Literal(literal.as_str()));
                }
                if i < 2 && (!literal.is_empty() || i == 0) {
                    segments.push(Segment::Field(Class::Text));
                }
            }
            let values: Vec<String> = (0..3).map(|_| rng.text(5)).collect();
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            let message = render(&segments, &values);
            let adjacent = segments
                .windows(2)
                .any(|w| matches!(w, [Segment::Field(_), Segment::Field(_)]));
            if adjacent {
                continue;
            }
            let captures = split(&segments, &message)
                .unwrap_or_else(|| panic!("{segments:?} did not split its rendering {message:?}"));
            assert_eq!(render(&segments, &captures), message);
        }
    }

    #[test]
    fn parse_never_panics_and_reports_spans_inside_the_source() {
        let mut rng = Rng(42);
        for _ in 0..20_000 {
            let source = rng.text(16);
            match parse(&source) {
                Ok(pieces) => {
                    for piece in pieces {
                        if let Piece::Placeholder { span, .. } = piece {
                            assert!(source.get(span).is_some());
                        }
                    }
                }
                Err(errors) => {
                    assert!(!errors.is_empty());
                    for error in errors {
                        assert!(
                            source.get(error.span.clone()).is_some(),
                            "{error:?} in {source:?}"
                        );
                    }
                }
            }
        }
    }
}
