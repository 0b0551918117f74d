//! What text a placeholder's type renders as: [`Class`] and, for integers, [`Int`].

/// What text a placeholder's type can render as.
///
/// A class describes exactly the texts that `Display` gives for some value of the type, so
/// that splitting a message and parsing its parts agree: see [`Class::accepts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Class<'a> {
    /// Any text, possibly empty (strings and external types).
    Text,
    /// A primitive integer, written as `Display` writes it: see [`Int::accepts`].
    Integer(Int),
    /// `true` or `false`.
    Bool,
    /// Exactly one of these strings (a catalog enum's wire values).
    OneOf(&'a [&'a str]),
}

/// The two texts of [`Class::Bool`].
pub(crate) const BOOLS: &[&str] = &["true", "false"];

impl Class<'_> {
    /// Whether `text` is exactly the rendering of some value of this class.
    ///
    /// [`Class::Text`] accepts any text, the empty text too; [`Class::Bool`] exactly `true`
    /// and `false`; [`Class::OneOf`] exactly one of its values; [`Class::Integer`] what
    /// [`Int::accepts`] accepts.
    #[inline]
    pub fn accepts(&self, text: &str) -> bool {
        match self {
            Class::Text => true,
            Class::Integer(int) => int.accepts(text),
            Class::Bool => text == "true" || text == "false",
            Class::OneOf(values) => values.contains(&text),
        }
    }

    /// Whether text of this class can contain the character `c`.
    pub(crate) fn can_contain(&self, c: char) -> bool {
        match self {
            Class::Text => true,
            Class::Integer(int) => c.is_ascii_digit() || (c == '-' && int.is_signed()),
            Class::Bool => BOOLS.iter().any(|v| v.contains(c)),
            Class::OneOf(values) => values.iter().any(|v| v.contains(c)),
        }
    }

    /// Whether the class is made of known characters only, so that the end of a value can
    /// be found without a literal after it.
    pub(crate) fn is_bounded(&self) -> bool {
        !matches!(self, Class::Text)
    }

    /// Whether no character that text of this class can contain can start a text of `next`
    /// (never so when either is [`Class::Text`]).
    pub(crate) fn never_contains_start_of(&self, next: &Class<'_>) -> bool {
        let starts = |values: &[&str]| -> bool {
            values
                .iter()
                .filter_map(|v| v.chars().next())
                .all(|c| !self.can_contain(c))
        };
        match (self, next) {
            (Class::Text, _) | (_, Class::Text) => false,
            (_, Class::Integer(int)) => {
                let minus = int.is_signed() && self.can_contain('-');
                !minus && !('0'..='9').any(|c| self.can_contain(c))
            }
            (_, Class::Bool) => starts(BOOLS),
            (_, Class::OneOf(values)) => starts(values),
        }
    }

    /// Whether this class and `next` can be written side by side and still be split:
    /// true when text of this class can never contain a character `next` can start with.
    #[cfg(feature = "build")]
    pub fn separable_from(&self, next: &Class<'_>) -> bool {
        self.never_contains_start_of(next)
    }
}

/// A primitive integer type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    /// `u8`
    U8,
    /// `u16`
    U16,
    /// `u32`
    U32,
    /// `u64`
    U64,
    /// `u128`
    U128,
    /// `usize`
    Usize,
    /// `i8`
    I8,
    /// `i16`
    I16,
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `i128`
    I128,
    /// `isize`
    Isize,
}

/// Every [`Int`], with its name.
const INTS: [(Int, &str); 12] = [
    (Int::U8, "u8"),
    (Int::U16, "u16"),
    (Int::U32, "u32"),
    (Int::U64, "u64"),
    (Int::U128, "u128"),
    (Int::Usize, "usize"),
    (Int::I8, "i8"),
    (Int::I16, "i16"),
    (Int::I32, "i32"),
    (Int::I64, "i64"),
    (Int::I128, "i128"),
    (Int::Isize, "isize"),
];

impl Int {
    /// Every integer type, in declaration order: `Int::ALL[int as usize] == int`.
    pub const ALL: [Int; 12] = [
        Int::U8,
        Int::U16,
        Int::U32,
        Int::U64,
        Int::U128,
        Int::Usize,
        Int::I8,
        Int::I16,
        Int::I32,
        Int::I64,
        Int::I128,
        Int::Isize,
    ];

    /// The type of this name: `"u8"` gives [`Int::U8`]; `None` for any other text.
    pub fn from_name(name: &str) -> Option<Int> {
        INTS.iter().find(|(_, n)| *n == name).map(|(int, _)| *int)
    }

    /// The type's name, as Rust spells it: `"u8"` for [`Int::U8`].
    pub fn name(self) -> &'static str {
        INTS[self as usize].1
    }

    /// Whether the type has negative values.
    pub(crate) fn is_signed(self) -> bool {
        matches!(
            self,
            Int::I8 | Int::I16 | Int::I32 | Int::I64 | Int::I128 | Int::Isize
        )
    }

    /// The largest magnitude a value can have: the maximum, or with `negative`, the
    /// magnitude of the minimum (zero for an unsigned type).
    pub(crate) fn limit(self, negative: bool) -> u128 {
        match (self, negative) {
            (Int::U8, false) => u8::MAX.into(),
            (Int::U16, false) => u16::MAX.into(),
            (Int::U32, false) => u32::MAX.into(),
            (Int::U64, false) => u64::MAX.into(),
            (Int::U128, false) => u128::MAX,
            (Int::Usize, false) => usize::MAX as u128,
            (Int::I8, false) => i8::MAX.unsigned_abs().into(),
            (Int::I16, false) => i16::MAX.unsigned_abs().into(),
            (Int::I32, false) => i32::MAX.unsigned_abs().into(),
            (Int::I64, false) => i64::MAX.unsigned_abs().into(),
            (Int::I128, false) => i128::MAX.unsigned_abs(),
            (Int::Isize, false) => isize::MAX.unsigned_abs() as u128,
            (Int::I8, true) => i8::MIN.unsigned_abs().into(),
            (Int::I16, true) => i16::MIN.unsigned_abs().into(),
            (Int::I32, true) => i32::MIN.unsigned_abs().into(),
            (Int::I64, true) => i64::MIN.unsigned_abs().into(),
            (Int::I128, true) => i128::MIN.unsigned_abs(),
            (Int::Isize, true) => isize::MIN.unsigned_abs() as u128,
            (_, true) => 0,
        }
    }

    /// Whether `text` is exactly how this type displays some value: what `FromStr` accepts
    /// and renders back identically.
    ///
    /// That is `0`, or a nonzero digit followed by digits, preceded by `-` for a negative
    /// value of a signed type, within the type's range: no `+`, no leading zeros, no `-0`.
    /// `usize` and `isize` have the width of the target.
    pub fn accepts(self, text: &str) -> bool {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(digits) if self.is_signed() => (true, digits),
            Some(_) => return false,
            None => (false, text),
        };
        match digits.as_bytes() {
            [] => false,
            [b'0'] => !negative,
            [b'0', ..] => false,
            bytes => {
                let mut value: u128 = 0;
                for &b in bytes {
                    if !b.is_ascii_digit() {
                        return false;
                    }
                    match value
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(u128::from(b - b'0')))
                    {
                        Some(next) => value = next,
                        None => return false,
                    }
                }
                value <= self.limit(negative)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every type, as generated code names it, with what `FromStr` then `Display` give.
    fn std_accepts(int: Int, text: &str) -> bool {
        fn round<T: std::str::FromStr + ToString>(text: &str) -> bool {
            text.parse::<T>().is_ok_and(|v| v.to_string() == text)
        }
        match int {
            Int::U8 => round::<u8>(text),
            Int::U16 => round::<u16>(text),
            Int::U32 => round::<u32>(text),
            Int::U64 => round::<u64>(text),
            Int::U128 => round::<u128>(text),
            Int::Usize => round::<usize>(text),
            Int::I8 => round::<i8>(text),
            Int::I16 => round::<i16>(text),
            Int::I32 => round::<i32>(text),
            Int::I64 => round::<i64>(text),
            Int::I128 => round::<i128>(text),
            Int::Isize => round::<isize>(text),
        }
    }

    #[test]
    fn names_round_trip() {
        for (int, name) in INTS {
            assert_eq!(int.name(), name);
            assert_eq!(Int::from_name(name), Some(int));
        }
        assert_eq!(Int::from_name("U8"), None);
        assert_eq!(Int::from_name("f32"), None);
        assert_eq!(Int::from_name(""), None);
    }

    #[test]
    fn int_accepts_table() {
        let u128_max = u128::MAX.to_string();
        let u128_over = format!("{}6", &u128_max[..u128_max.len() - 1]);
        let i128_min = i128::MIN.to_string();
        let i128_max = i128::MAX.to_string();
        let table: &[(Int, &str, bool)] = &[
            (Int::U8, "0", true),
            (Int::U8, "-0", false),
            (Int::I8, "-0", false),
            (Int::I8, "0", true),
            (Int::U8, "00", false),
            (Int::U8, "01", false),
            (Int::I32, "-01", false),
            (Int::U8, "+1", false),
            (Int::I8, "+1", false),
            (Int::U8, "255", true),
            (Int::U8, "256", false),
            (Int::U8, "1000", false),
            (Int::U8, "-1", false),
            (Int::I8, "127", true),
            (Int::I8, "128", false),
            (Int::I8, "-128", true),
            (Int::I8, "-129", false),
            (Int::I128, &i128_min, true),
            (Int::I128, &i128_max, true),
            (Int::I128, "170141183460469231731687303715884105728", false),
            (Int::I128, "-170141183460469231731687303715884105729", false),
            (Int::U128, &u128_max, true),
            (Int::U128, &u128_over, false),
            (Int::U128, "3402823669209384634633746074317682114560", false),
            (Int::U64, "18446744073709551615", true),
            (Int::U64, "18446744073709551616", false),
            (Int::U32, "", false),
            (Int::I32, "-", false),
            (Int::I32, "--1", false),
            (Int::U32, "1 ", false),
            (Int::U32, " 1", false),
            (Int::U32, "1_000", false),
            (Int::U32, "١", false),
        ];
        for &(int, text, expected) in table {
            assert_eq!(int.accepts(text), expected, "{int:?} {text:?}");
            assert_eq!(std_accepts(int, text), expected, "std: {int:?} {text:?}");
            assert_eq!(Class::Integer(int).accepts(text), expected);
        }
        let usize_max = usize::MAX.to_string();
        assert!(Int::Usize.accepts(&usize_max));
        assert!(!Int::Usize.accepts(&format!("{usize_max}0")));
        assert!(Int::Isize.accepts(&isize::MIN.to_string()));
        assert!(!Int::Isize.accepts(&(isize::MIN as i128 - 1).to_string()));
    }

    /// xorshift64*, as in the crate's other randomized tests.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    #[test]
    fn int_accepts_what_from_str_accepts_and_displays_back() {
        const ALPHABET: &[u8] = b"-+0123456789 ";
        let mut rng = 0x1234_5678_9ABC_DEF1;
        let mut accepted = 0;
        for _ in 0..100_000 {
            let (int, _) = INTS[(next(&mut rng) % 12) as usize];
            // Lengths up to 41 reach past u128's 39 digits.
            let len = (next(&mut rng) % 42) as usize;
            let text: String = (0..len)
                .map(|i| {
                    let pick = next(&mut rng) as usize;
                    // Mostly digits, so that in-range numbers come up.
                    if i > 0 && !pick.is_multiple_of(4) {
                        char::from(b'0' + (pick % 10) as u8)
                    } else {
                        char::from(ALPHABET[pick % ALPHABET.len()])
                    }
                })
                .collect();
            let expected = std_accepts(int, &text);
            assert_eq!(int.accepts(&text), expected, "{int:?} {text:?}");
            accepted += usize::from(expected);
        }
        assert!(accepted > 10_000, "only {accepted} accepted");
    }

    #[test]
    fn class_accepts() {
        assert!(Class::Text.accepts(""));
        assert!(Class::Text.accepts("anything {}"));
        assert!(Class::Bool.accepts("true"));
        assert!(Class::Bool.accepts("false"));
        assert!(!Class::Bool.accepts("True"));
        assert!(!Class::Bool.accepts("tru"));
        assert!(!Class::Bool.accepts(""));
        let jobs = Class::OneOf(&["EXPORT", "IMPORT"]);
        assert!(jobs.accepts("EXPORT"));
        assert!(!jobs.accepts("EXPORTS"));
        assert!(!jobs.accepts("export"));
        assert!(!jobs.accepts(""));
        assert!(Class::OneOf(&["", "x"]).accepts(""));
    }

    #[test]
    fn classes_are_const() {
        const SEGMENT: Class<'static> = Class::Integer(Int::U32);
        static JOBS: Class<'static> = Class::OneOf(&["EXPORT", "IMPORT"]);
        assert!(SEGMENT.accepts("42"));
        assert!(JOBS.accepts("IMPORT"));
    }

    #[test]
    fn contained_characters() {
        assert!(Class::Integer(Int::I8).can_contain('-'));
        assert!(!Class::Integer(Int::U8).can_contain('-'));
        assert!(!Class::Integer(Int::I8).can_contain('+'));
        assert!(Class::Bool.can_contain('l'));
        assert!(!Class::Bool.can_contain('x'));
    }

    #[cfg(feature = "build")]
    #[test]
    fn separability() {
        const UNITS: &[&str] = &["KB", "MB"];
        let (u32, i32) = (Class::Integer(Int::U32), Class::Integer(Int::I32));
        assert!(u32.separable_from(&Class::OneOf(UNITS)));
        assert!(!u32.separable_from(&u32));
        assert!(!i32.separable_from(&u32));
        assert!(!Class::Text.separable_from(&u32));
        assert!(!u32.separable_from(&Class::Text));
        assert!(Class::OneOf(UNITS).separable_from(&u32));
        assert!(!Class::Bool.separable_from(&Class::OneOf(&["true"])));
        // Only a signed integer can start with `-`, and only a signed one contain it.
        let dash = Class::OneOf(&["-", "x-y"]);
        assert!(!dash.separable_from(&i32));
        assert!(dash.separable_from(&u32));
        assert!(u32.separable_from(&Class::OneOf(&["-KB"])));
        assert!(!i32.separable_from(&Class::OneOf(&["-KB"])));
        assert!(!Class::OneOf(&["+"]).separable_from(&Class::OneOf(&["+1"])));
        assert!(Class::OneOf(&["+"]).separable_from(&i32));
    }
}
