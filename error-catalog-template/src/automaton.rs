//! A template as an exact automaton over characters, and the simulation that splits a
//! message with it when the fast path cannot decide (the slow path of [`split`]).
//!
//! Each part of the template is a small *deterministic* automaton: a literal is its
//! characters in order; [`Class::Text`] is one state that reads any character;
//! [`Class::OneOf`] and [`Class::Bool`] are a trie of their values; [`Class::Integer`] reads
//! an optional `-` (signed types only), then `0` alone or a nonzero digit followed by digits,
//! and keeps, as it goes, the digit count and how the digits so far compare with those of the
//! largest magnitude (`MAX`, or `|MIN|` after a `-`): a number is in range when it has fewer
//! digits than that, or as many and does not compare greater. So each part accepts exactly
//! the texts that [`Class::accepts`] accepts.
//!
//! A state that accepts can leave its part for the next one without reading anything. The
//! simulation is a Pike VM: at each position, the threads alive, at most one per state,
//! in priority order, each with the end of every placeholder it has left. Leaving a
//! placeholder has priority over reading one more character in it, so that the first thread
//! to reach the end is the one a backtracking search that tries shorter placeholders first
//! would find: the reading whose capture lengths are lexicographically smallest. Because each
//! part is deterministic, each length of a placeholder is one path, and dropping a thread
//! that reaches a state already taken at this position loses nothing: the thread that took it
//! came first in that order and has the same future.
//!
//! [`split`]: crate::split

use crate::class::{BOOLS, Class, Int};
use crate::split::Segment;

/// A state of the automaton: a part and a state inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct State {
    /// Index of the part; the number of parts means the end of the template.
    part: u32,
    /// State inside the part: a byte offset in a literal, a node of a trie, the state of an
    /// integer (see [`IntPart`]).
    local: u32,
}

/// What one part of the template reads.
#[derive(Clone, Copy, Debug)]
enum Kind<'s> {
    /// These characters, in order; never empty.
    Literal(&'s str),
    /// Any text; with `nonempty`, at least one character (state 0 before it, 1 after).
    Text { nonempty: bool },
    /// One of the values stored as the trie whose root is this node of [`Automaton::trie`];
    /// the nodes of one trie are consecutive, so a state is a node's offset from the root.
    Trie { root: u32 },
    /// An integer.
    Integer(IntPart),
}

/// A part of the template.
#[derive(Clone, Copy, Debug)]
struct Part<'s> {
    /// Id of the part's first state; its states' ids follow.
    base: u32,
    /// Index of the placeholder, for a placeholder (for a literal, the number of
    /// placeholders before it).
    field: u32,
    kind: Kind<'s>,
}

/// A node of a trie: the character that leads to it, whether a value ends here, and its
/// children as a list: its first child, and each child's next sibling.
#[derive(Clone, Copy, Debug)]
struct Node {
    c: char,
    accept: bool,
    child: u32,
    sibling: u32,
}

/// No node.
const NONE: u32 = u32::MAX;

impl Node {
    fn new(c: char) -> Node {
        Node {
            c,
            accept: false,
            child: NONE,
            sibling: NONE,
        }
    }
}

/// The integer automaton of one [`Int`]. States: 0 before anything, 1 after `-`, 2 after a
/// lone `0`, then `3 + (negative × len + count − 1) × 3 + comparison` after `count` digits,
/// where the comparison of the digits read with the first `count` digits of the limit is
/// 0 less, 1 equal, 2 greater.
#[derive(Clone, Copy, Debug)]
struct IntPart {
    signed: bool,
    /// Number of digits of the limit (the same for `MAX` and `|MIN|`, as `|MIN|` = `MAX + 1`
    /// is a power of two, never of ten).
    len: u32,
    /// Digits of `MAX`, then of `|MIN|`, most significant first.
    limits: [[u8; 39]; 2],
}

const INT_START: u32 = 0;
const INT_MINUS: u32 = 1;
const INT_ZERO: u32 = 2;
const INT_DIGITS: u32 = 3;

impl IntPart {
    fn new(int: Int) -> IntPart {
        let digits = |mut value: u128| {
            let mut out = [0u8; 39];
            let mut len = 0;
            while value > 0 {
                out[len] = (value % 10) as u8;
                value /= 10;
                len += 1;
            }
            out[..len].reverse();
            (out, len as u32)
        };
        let (max, len) = digits(int.limit(false));
        let (min, _) = digits(int.limit(true));
        IntPart {
            signed: int.is_signed(),
            len,
            limits: [max, min],
        }
    }

    fn states(&self) -> u32 {
        INT_DIGITS + 3 * self.len * if self.signed { 2 } else { 1 }
    }

    fn digits_state(&self, negative: bool, count: u32, cmp: u32) -> Option<u32> {
        // Past the limit's length, or as long and greater: no number of the type starts so.
        if count > self.len || (count == self.len && cmp == 2) {
            return None;
        }
        Some(INT_DIGITS + (u32::from(negative) * self.len + count - 1) * 3 + cmp)
    }

    fn accepts(&self, local: u32) -> bool {
        // Any digits state that exists is in range: the out-of-range ones are never entered.
        local == INT_ZERO || local >= INT_DIGITS
    }

    fn step(&self, local: u32, c: char) -> Option<u32> {
        let compare = |negative: bool, index: u32, d: u8| match d
            .cmp(&self.limits[usize::from(negative)][index as usize])
        {
            std::cmp::Ordering::Less => 0,
            std::cmp::Ordering::Equal => 1,
            std::cmp::Ordering::Greater => 2,
        };
        if c == '-' {
            return (local == INT_START && self.signed).then_some(INT_MINUS);
        }
        let d = c.to_digit(10).filter(|_| c.is_ascii_digit())? as u8;
        match local {
            INT_ZERO => None,
            INT_START | INT_MINUS if d == 0 => (local == INT_START).then_some(INT_ZERO),
            INT_START | INT_MINUS => {
                let negative = local == INT_MINUS;
                self.digits_state(negative, 1, compare(negative, 0, d))
            }
            _ => {
                let index = (local - INT_DIGITS) / 3;
                let cmp = (local - INT_DIGITS) % 3;
                let negative = index >= self.len;
                let count = index % self.len + 1;
                if count == self.len {
                    return None;
                }
                let cmp = if cmp == 1 {
                    compare(negative, count, d)
                } else {
                    cmp
                };
                self.digits_state(negative, count + 1, cmp)
            }
        }
    }
}

/// The automaton of a template.
#[derive(Debug)]
pub(crate) struct Automaton<'s> {
    parts: Vec<Part<'s>>,
    trie: Vec<Node>,
    /// Number of states, the final one included.
    states: u32,
    /// Number of placeholders.
    fields: usize,
}

impl<'s> Automaton<'s> {
    /// The automaton of `segments`. With `nonempty_text`, text placeholders must read at
    /// least one character (for [`overlap`](crate::overlap)'s preferred witnesses).
    pub(crate) fn new(segments: &[Segment<'s>], nonempty_text: bool) -> Automaton<'s> {
        let mut parts = Vec::with_capacity(segments.len());
        let mut trie = Vec::new();
        let mut states = 0;
        let mut fields = 0;
        for segment in segments {
            let field = fields as u32;
            let (kind, size) = match *segment {
                Segment::Literal("") => continue,
                Segment::Literal(text) => (Kind::Literal(text), text.len() as u32),
                Segment::Field(class) => {
                    let kind = match class {
                        Class::Text => Kind::Text {
                            nonempty: nonempty_text,
                        },
                        Class::Integer(int) => Kind::Integer(IntPart::new(int)),
                        Class::Bool => Kind::Trie {
                            root: build_trie(&mut trie, BOOLS),
                        },
                        Class::OneOf(values) => Kind::Trie {
                            root: build_trie(&mut trie, values),
                        },
                    };
                    let size = match kind {
                        Kind::Text { nonempty } => 1 + u32::from(nonempty),
                        Kind::Trie { root } => trie.len() as u32 - root,
                        Kind::Integer(int) => int.states(),
                        Kind::Literal(_) => unreachable!(),
                    };
                    fields += 1;
                    (kind, size)
                }
            };
            parts.push(Part {
                base: states,
                field,
                kind,
            });
            states += size;
        }
        Automaton {
            parts,
            trie,
            states: states + 1,
            fields,
        }
    }

    /// Number of states.
    pub(crate) fn states(&self) -> usize {
        self.states as usize
    }

    /// A number for each state, below [`Automaton::states`].
    pub(crate) fn id(&self, state: State) -> usize {
        match self.parts.get(state.part as usize) {
            Some(part) => (part.base + state.local) as usize,
            None => self.states as usize - 1,
        }
    }

    /// The state where part `part` starts (the final state past the last part).
    pub(crate) fn start(&self, part: u32) -> State {
        State { part, local: 0 }
    }

    /// Whether `state` is the end of the template.
    #[cfg(feature = "build")]
    pub(crate) fn is_final(&self, state: State) -> bool {
        state.part as usize == self.parts.len()
    }

    /// Where `state` goes on reading `c`.
    pub(crate) fn step(&self, state: State, c: char) -> Option<State> {
        let part = self.parts.get(state.part as usize)?;
        let local = match part.kind {
            Kind::Literal(text) => {
                let offset = state.local as usize;
                if !text[offset..].starts_with(c) {
                    return None;
                }
                let offset = offset + c.len_utf8();
                if offset == text.len() {
                    return Some(self.start(state.part + 1));
                }
                offset as u32
            }
            Kind::Text { nonempty } => u32::from(nonempty),
            Kind::Trie { root } => child(&self.trie, root + state.local, c)? - root,
            Kind::Integer(int) => int.step(state.local, c)?,
        };
        Some(State {
            part: state.part,
            local,
        })
    }

    /// If `state` is in a placeholder and can end it here: the placeholder's index and the
    /// state where the next part starts.
    pub(crate) fn exit(&self, state: State) -> Option<(usize, State)> {
        let part = self.parts.get(state.part as usize)?;
        let accepts = match part.kind {
            Kind::Literal(_) => false,
            Kind::Text { nonempty } => !nonempty || state.local == 1,
            Kind::Trie { root } => self.trie[(root + state.local) as usize].accept,
            Kind::Integer(int) => int.accepts(state.local),
        };
        accepts.then(|| (part.field as usize, self.start(state.part + 1)))
    }

    /// The characters `state` can read, in order; `None` when it reads any character.
    #[cfg(feature = "build")]
    pub(crate) fn reads(&self, state: State) -> Option<Vec<char>> {
        let Some(part) = self.parts.get(state.part as usize) else {
            return Some(Vec::new());
        };
        Some(match part.kind {
            Kind::Literal(text) => text[state.local as usize..].chars().take(1).collect(),
            Kind::Text { .. } => return None,
            Kind::Trie { root } => {
                let mut chars = Vec::new();
                let mut node = self.trie[(root + state.local) as usize].child;
                while node != NONE {
                    chars.push(self.trie[node as usize].c);
                    node = self.trie[node as usize].sibling;
                }
                chars.sort_unstable();
                chars
            }
            Kind::Integer(int) => std::iter::once('-')
                .chain('0'..='9')
                .filter(|&c| int.step(state.local, c).is_some())
                .collect(),
        })
    }
}

/// The child of `node` that `c` leads to.
fn child(trie: &[Node], node: u32, c: char) -> Option<u32> {
    let mut at = trie[node as usize].child;
    while at != NONE {
        if trie[at as usize].c == c {
            return Some(at);
        }
        at = trie[at as usize].sibling;
    }
    None
}

/// Adds the trie of `values` to `trie`; returns its root. Equal values make one path.
fn build_trie(trie: &mut Vec<Node>, values: &[&str]) -> u32 {
    let root = trie.len() as u32;
    trie.push(Node::new('\0'));
    for value in values {
        let mut node = root;
        for c in value.chars() {
            node = child(trie, node, c).unwrap_or_else(|| {
                let new = trie.len() as u32;
                trie.push(Node {
                    sibling: trie[node as usize].child,
                    ..Node::new(c)
                });
                trie[node as usize].child = new;
                new
            });
        }
        trie[node as usize].accept = true;
    }
    root
}

#[cfg(test)]
thread_local! {
    /// Threads added and steps taken by [`split`] on this thread, for the linearity tests.
    pub(crate) static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Calls of [`split`] on this thread.
    pub(crate) static SLOW_CALLS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
fn count(counter: &'static std::thread::LocalKey<std::cell::Cell<u64>>) {
    counter.with(|c| c.set(c.get() + 1));
}

/// The threads alive at one position: at most one per state, in priority order, each with
/// the end of every placeholder it has left (one slot per placeholder).
struct Threads {
    /// For each state id, its index in `order` if it is there (a sparse set: no clearing).
    index: Vec<u32>,
    /// The threads' states and their ids, in priority order.
    order: Vec<(usize, State)>,
    /// Slots of the thread in state id `i`: `slots[i * fields..(i + 1) * fields]`.
    slots: Vec<usize>,
    fields: usize,
}

impl Threads {
    fn new(states: usize, fields: usize) -> Threads {
        Threads {
            index: vec![0; states],
            order: Vec::with_capacity(states),
            slots: vec![0; states * fields],
            fields,
        }
    }

    fn contains(&self, id: usize) -> bool {
        let at = self.index[id] as usize;
        at < self.order.len() && self.order[at].0 == id
    }

    /// Appends a thread in `state` (not there yet); returns its slots.
    fn push(&mut self, id: usize, state: State) -> &mut [usize] {
        self.index[id] = self.order.len() as u32;
        self.order.push((id, state));
        &mut self.slots[id * self.fields..(id + 1) * self.fields]
    }

    fn slots(&self, id: usize) -> &[usize] {
        &self.slots[id * self.fields..(id + 1) * self.fields]
    }
}

impl Automaton<'_> {
    /// Adds a thread in `state` at byte position `at`, with `slots`, to `threads`, after the
    /// threads that leaving placeholders here leads to, which come first: a state's exits
    /// form a chain (each state has at most one), followed until a state already there.
    ///
    /// `next` is the character at `at` (`None` at the end): a thread in a literal that does
    /// not go on with it, or at the end of the template before the end of the message, would
    /// die at the next step, so it is not added. Its state is left out of the list for every
    /// thread alike, so the threads kept and their order are those without this pruning.
    fn add(
        &self,
        threads: &mut Threads,
        state: State,
        at: usize,
        slots: &[usize],
        next: Option<char>,
        chain: &mut Vec<(u32, State, u32)>,
    ) {
        chain.clear();
        let mut state = state;
        loop {
            let id = self.id(state);
            if threads.contains(id) {
                break;
            }
            match self.exit(state) {
                Some((field, to)) => {
                    chain.push((id as u32, state, field as u32));
                    state = to;
                }
                None => {
                    chain.push((id as u32, state, NONE));
                    break;
                }
            }
        }
        for (i, &(id, state, _)) in chain.iter().enumerate().rev() {
            if !self.may_read(state, next) {
                continue;
            }
            #[cfg(test)]
            count(&STEPS);
            let new = threads.push(id as usize, state);
            new.copy_from_slice(slots);
            // The placeholders of the states before this one in the chain were left here.
            for &(_, _, field) in &chain[..i] {
                new[field as usize] = at;
            }
        }
    }

    /// Whether a thread in `state` can go on when `next` comes (`None`: the end).
    fn may_read(&self, state: State, next: Option<char>) -> bool {
        match (self.parts.get(state.part as usize), next) {
            (None, next) => next.is_none(),
            (Some(part), Some(c)) => match part.kind {
                Kind::Literal(text) => text[state.local as usize..].starts_with(c),
                _ => true,
            },
            (Some(_), None) => false,
        }
    }
}

/// The slow path of [`split`](crate::split): the complete splitter. `captures` has one
/// slot per placeholder.
#[cold]
#[inline(never)]
pub(crate) fn split<'m>(
    segments: &[Segment<'_>],
    message: &'m str,
    captures: &mut [&'m str],
) -> bool {
    #[cfg(test)]
    count(&SLOW_CALLS);
    let automaton = Automaton::new(segments, false);
    debug_assert_eq!(automaton.fields, captures.len());
    let (states, fields) = (automaton.states(), automaton.fields);
    let mut now = Threads::new(states, fields);
    let mut next = Threads::new(states, fields);
    let mut chain = Vec::with_capacity(automaton.parts.len() + 1);
    let none = vec![0; fields];
    let mut chars = message.char_indices().peekable();
    let first = chars.peek().map(|&(_, c)| c);
    automaton.add(&mut now, automaton.start(0), 0, &none, first, &mut chain);
    while let Some((at, c)) = chars.next() {
        if now.order.is_empty() {
            return false;
        }
        let after = at + c.len_utf8();
        let lookahead = chars.peek().map(|&(_, c)| c);
        for &(id, state) in &now.order {
            #[cfg(test)]
            count(&STEPS);
            if let Some(to) = automaton.step(state, c) {
                automaton.add(&mut next, to, after, now.slots(id), lookahead, &mut chain);
            }
        }
        std::mem::swap(&mut now, &mut next);
        next.order.clear();
    }
    let end = automaton.id(automaton.start(automaton.parts.len() as u32));
    if !now.contains(end) {
        return false;
    }
    // Each placeholder starts where the previous one ended, after the literals between.
    let ends = now.slots(end);
    let mut at = 0;
    let mut field = 0;
    for segment in segments {
        match segment {
            Segment::Literal(text) => at += text.len(),
            Segment::Field(_) => {
                captures[field] = &message[at..ends[field]];
                at = ends[field];
                field += 1;
            }
        }
    }
    debug_assert_eq!(at, message.len());
    true
}
