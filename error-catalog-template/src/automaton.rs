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

/// A state of the automaton: its index in [`Automaton::states`].
pub(crate) type State = u32;

/// What a state reads, and where it goes.
#[derive(Clone, Copy, Debug)]
enum Read {
    /// This character (in a literal).
    Char { c: char, next: State },
    /// Any character (in a text placeholder).
    Any { next: State },
    /// A character that leads from this node of [`Automaton::trie`] to a child; the child's
    /// state is the child's index plus `delta` (wrapping).
    Trie { node: u32, delta: u32 },
    /// A character that this integer automaton (of [`Automaton::ints`]), in state `local`,
    /// reads; its state `l` is state `base + l` of the template.
    Int { int: u32, local: u32, base: State },
    /// Nothing: the end of the template.
    End,
}

/// One state of the automaton.
#[derive(Clone, Copy, Debug)]
struct Rec {
    read: Read,
    /// When the state can end its placeholder here: the state where the next part starts
    /// ([`NONE`] otherwise).
    exit: State,
    /// The placeholder the state is in.
    field: u32,
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

/// The automaton of a template: its states in template order, the first one where the
/// template starts and the last one its end.
#[derive(Debug)]
pub(crate) struct Automaton {
    states: Vec<Rec>,
    trie: Vec<Node>,
    ints: Vec<IntPart>,
    /// Number of placeholders.
    fields: usize,
}

impl Automaton {
    /// The automaton of `segments`. With `nonempty_text`, text placeholders must read at
    /// least one character (for [`overlap`](crate::overlap)'s preferred witnesses).
    pub(crate) fn new(segments: &[Segment<'_>], nonempty_text: bool) -> Automaton {
        // Room for every state and trie node, so that building allocates once for each.
        let (mut states, mut nodes) = (1, 0);
        for segment in segments {
            match segment {
                Segment::Literal(text) => states += text.len(),
                Segment::Field(Class::Text) => states += 2,
                Segment::Field(Class::Integer(int)) => {
                    states += IntPart::new(*int).states() as usize
                }
                Segment::Field(Class::Bool) => nodes += 10,
                Segment::Field(Class::OneOf(values)) => {
                    nodes += 1 + values.iter().map(|v| v.len()).sum::<usize>()
                }
            }
        }
        let mut automaton = Automaton {
            states: Vec::with_capacity(states + nodes),
            trie: Vec::with_capacity(nodes),
            ints: Vec::new(),
            fields: 0,
        };
        let states = &mut automaton.states;
        for segment in segments {
            let base = states.len() as State;
            let field = automaton.fields as u32;
            let class = match *segment {
                Segment::Literal(text) => {
                    for (i, c) in text.chars().enumerate() {
                        let next = base + i as State + 1;
                        let read = Read::Char { c, next };
                        states.push(Rec {
                            read,
                            exit: NONE,
                            field: NONE,
                        });
                    }
                    continue;
                }
                Segment::Field(class) => class,
            };
            automaton.fields += 1;
            // A state that accepts gets its exit once the part's size is known.
            let mut push = |read, accepts: bool| {
                let exit = if accepts { 0 } else { NONE };
                states.push(Rec { read, exit, field });
            };
            match class {
                Class::Text if nonempty_text => {
                    push(Read::Any { next: base + 1 }, false);
                    push(Read::Any { next: base + 1 }, true);
                }
                Class::Text => push(Read::Any { next: base }, true),
                Class::Integer(int) => {
                    let part = IntPart::new(int);
                    let index = automaton.ints.len() as u32;
                    automaton.ints.push(part);
                    for local in 0..part.states() {
                        let read = Read::Int {
                            int: index,
                            local,
                            base,
                        };
                        push(read, part.accepts(local));
                    }
                }
                Class::Bool | Class::OneOf(_) => {
                    let values = match class {
                        Class::OneOf(values) => values,
                        _ => BOOLS,
                    };
                    let root = build_trie(&mut automaton.trie, values);
                    let delta = base.wrapping_sub(root);
                    for node in root..automaton.trie.len() as u32 {
                        let read = Read::Trie { node, delta };
                        push(read, automaton.trie[node as usize].accept);
                    }
                }
            }
            // Each exit is where the next part starts, past this part's states.
            let next = states.len() as State;
            for rec in &mut states[base as usize..] {
                if rec.exit != NONE {
                    rec.exit = next;
                }
            }
        }
        states.push(Rec {
            read: Read::End,
            exit: NONE,
            field: NONE,
        });
        automaton
    }

    /// Number of states.
    pub(crate) fn states(&self) -> usize {
        self.states.len()
    }

    /// The state where the template starts.
    pub(crate) fn start(&self) -> State {
        0
    }

    /// The state where the template ends.
    pub(crate) fn end(&self) -> State {
        self.states.len() as State - 1
    }

    /// Where `state` goes on reading `c`.
    #[inline]
    pub(crate) fn step(&self, state: State, c: char) -> Option<State> {
        match self.states[state as usize].read {
            Read::Char { c: x, next } => (x == c).then_some(next),
            Read::Any { next } => Some(next),
            Read::Trie { node, delta } => {
                child(&self.trie, node, c).map(|child| child.wrapping_add(delta))
            }
            Read::Int { int, local, base } => {
                self.ints[int as usize].step(local, c).map(|l| base + l)
            }
            Read::End => None,
        }
    }

    /// If `state` is in a placeholder and can end it here: the placeholder's index and the
    /// state where the next part starts.
    #[inline]
    pub(crate) fn exit(&self, state: State) -> Option<(usize, State)> {
        let rec = &self.states[state as usize];
        (rec.exit != NONE).then_some((rec.field as usize, rec.exit))
    }

    /// Whether a thread in `state` can go on when `next` comes (`None`: the end): always
    /// inside a placeholder, only with the right character in a literal, and only at the end
    /// of the message at the end of the template.
    #[inline]
    fn may_read(&self, state: State, next: Option<char>) -> bool {
        match (self.states[state as usize].read, next) {
            (Read::Char { c, .. }, next) => next == Some(c),
            (Read::End, next) => next.is_none(),
            (_, next) => next.is_some(),
        }
    }

    /// Whether `state` is the end of the template.
    #[cfg(feature = "build")]
    pub(crate) fn is_final(&self, state: State) -> bool {
        state == self.end()
    }

    /// The characters `state` can read, in order; `None` when it reads any character.
    #[cfg(feature = "build")]
    pub(crate) fn reads(&self, state: State) -> Option<Vec<char>> {
        Some(match self.states[state as usize].read {
            Read::Char { c, .. } => vec![c],
            Read::Any { .. } => return None,
            Read::Trie { node, .. } => {
                let mut chars = Vec::new();
                let mut child = self.trie[node as usize].child;
                while child != NONE {
                    chars.push(self.trie[child as usize].c);
                    child = self.trie[child as usize].sibling;
                }
                chars.sort_unstable();
                chars
            }
            Read::Int { int, local, .. } => std::iter::once('-')
                .chain('0'..='9')
                .filter(|&c| self.ints[int as usize].step(local, c).is_some())
                .collect(),
            Read::End => Vec::new(),
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
    /// For each state, its index in `order` if it is there (a sparse set: no clearing).
    index: Vec<u32>,
    /// The threads' states, in priority order.
    order: Vec<State>,
    /// Slots of the thread in state `s`: `slots[s * fields..(s + 1) * fields]`.
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

    #[inline]
    fn contains(&self, state: State) -> bool {
        let at = self.index[state as usize] as usize;
        at < self.order.len() && self.order[at] == state
    }

    /// Appends a thread in `state` (not there yet); returns its slots.
    #[inline]
    fn push(&mut self, state: State) -> &mut [usize] {
        self.index[state as usize] = self.order.len() as u32;
        self.order.push(state);
        let at = state as usize * self.fields;
        &mut self.slots[at..at + self.fields]
    }

    #[inline]
    fn slots(&self, state: State) -> &[usize] {
        let at = state as usize * self.fields;
        &self.slots[at..at + self.fields]
    }
}

impl Automaton {
    /// Adds a thread in `state` at byte position `at`, with `slots`, to `threads`, after the
    /// threads that leaving placeholders here leads to, which come first: a state's exits
    /// form a chain (each state has at most one), followed until a state already there.
    ///
    /// `next` is the character at `at` (`None` at the end): a thread in a literal that does
    /// not go on with it, or at the end of the template before the end of the message, would
    /// die at the next step, so it is not added. Such a state has no exit and is left out of
    /// the list for every thread alike, so the threads kept, and their order, are those
    /// without this pruning.
    #[inline]
    fn add(
        &self,
        threads: &mut Threads,
        state: State,
        at: usize,
        slots: &[usize],
        next: Option<char>,
        chain: &mut Vec<State>,
    ) {
        chain.clear();
        let mut state = state;
        while !threads.contains(state) {
            chain.push(state);
            match self.exit(state) {
                Some((_, to)) => state = to,
                None => break,
            }
        }
        for (i, &state) in chain.iter().enumerate().rev() {
            if !self.may_read(state, next) {
                continue;
            }
            #[cfg(test)]
            count(&STEPS);
            let new = threads.push(state);
            new.copy_from_slice(slots);
            // The placeholders of the states before this one in the chain were left here.
            for &left in &chain[..i] {
                new[self.states[left as usize].field as usize] = at;
            }
        }
    }
}

/// The slow path of [`split`](crate::split): the complete splitter. Gives `false` when
/// `captures` does not have one slot per placeholder.
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
    if automaton.fields != captures.len() {
        return false;
    }
    let (states, fields) = (automaton.states(), automaton.fields);
    // The threads at this position and at the next, in turn: `lists[now]` and the other.
    let mut lists = [Threads::new(states, fields), Threads::new(states, fields)];
    let mut now = 0;
    let mut chain = Vec::with_capacity(states);
    let none = vec![0; fields];
    let mut chars = message.char_indices().peekable();
    let first = chars.peek().map(|&(_, c)| c);
    automaton.add(
        &mut lists[0],
        automaton.start(),
        0,
        &none,
        first,
        &mut chain,
    );
    while let Some((at, c)) = chars.next() {
        let [a, b] = &mut lists;
        let (threads, next) = if now == 0 { (&*a, b) } else { (&*b, a) };
        if threads.order.is_empty() {
            return false;
        }
        let after = at + c.len_utf8();
        let lookahead = chars.peek().map(|&(_, c)| c);
        for &state in &threads.order {
            #[cfg(test)]
            count(&STEPS);
            if let Some(to) = automaton.step(state, c) {
                automaton.add(next, to, after, threads.slots(state), lookahead, &mut chain);
            }
        }
        lists[now].order.clear();
        now ^= 1;
    }
    let now = &lists[now];
    let end = automaton.end();
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
