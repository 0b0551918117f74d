//! Names: Rust identifiers and keywords, case conversions, and "did you mean" suggestions.

/// Rust keywords, strict and reserved, in every edition.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `name` is a Rust keyword.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Names of Rust's standard prelude (every edition) that a generated type would hide.
const PRELUDE: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Default",
    "DoubleEndedIterator",
    "Drop",
    "Eq",
    "Err",
    "ExactSizeIterator",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// Whether `name` is a name of Rust's standard prelude.
pub fn is_prelude(name: &str) -> bool {
    PRELUDE.contains(&name)
}

/// Keywords that cannot be raw identifiers either.
pub fn is_unraw_keyword(name: &str) -> bool {
    matches!(name, "self" | "Self" | "super" | "crate" | "_")
}

/// The Rust identifier of a field name: the name, or the raw identifier `r#name` for a
/// keyword. `None` for a name that is not a field name (see
/// [`error_catalog_template::is_field_name`]).
pub(crate) fn field_ident(name: &str) -> Option<proc_macro2::Ident> {
    if !error_catalog_template::is_field_name(name) {
        return None;
    }
    let span = proc_macro2::Span::call_site();
    // Field names are ASCII snake_case and not `_`, so both constructors accept them; the
    // keywords that cannot be raw stay plain.
    Some(if is_keyword(name) && !is_unraw_keyword(name) {
        proc_macro2::Ident::new_raw(name, span)
    } else {
        proc_macro2::Ident::new(name, span)
    })
}

/// Whether `name` is an UpperCamelCase Rust identifier: an ASCII capital letter, then
/// ASCII letters and digits.
pub fn is_upper_camel(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// Splits text into words at non-alphanumeric characters and at lower-to-upper case changes.
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1);
        let boundary = c.is_uppercase()
            && (prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                || (prev.is_some_and(char::is_uppercase)
                    && next.is_some_and(|n| n.is_lowercase())));
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `in-progress`, `IN_PROGRESS`, `inProgress` → `InProgress`.
pub fn upper_camel(text: &str) -> String {
    words(text)
        .iter()
        .map(|word| {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// `orgId`, `ORG_ID`, `org-id` → `org_id`; `None` when no identifier comes out.
pub fn snake_case(text: &str) -> Option<String> {
    let snake = words(text)
        .iter()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    error_catalog_template::is_field_name(&snake).then_some(snake)
}

/// The candidate that `word` is most likely a typo of: the closest one by edit distance, or
/// else one that differs from it by two swapped neighbouring letters (`tpye`, `tilte`), which
/// edit distance counts as two edits.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    closest_by_distance(word, candidates.clone())
        .or_else(|| candidates.into_iter().find(|c| swapped(word, c)))
}

/// Whether `a` and `b` differ only by two neighbouring characters swapped, ignoring case.
fn swapped(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
}

/// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
fn closest_by_distance<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| {
            (
                distance(&word.to_lowercase(), &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, in characters, case-sensitive.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The standard reason phrase of an HTTP status.
pub fn canonical_reason(code: u16) -> Option<&'static str> {
    http::StatusCode::from_u16(code).ok()?.canonical_reason()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_conversions() {
        assert_eq!(upper_camel("EXPORT"), "Export");
        assert_eq!(upper_camel("in-progress"), "InProgress");
        assert_eq!(upper_camel("inProgress"), "InProgress");
        assert_eq!(upper_camel("HTTPServer"), "HttpServer");
        assert_eq!(snake_case("orgId").as_deref(), Some("org_id"));
        assert_eq!(snake_case("PRODUCT").as_deref(), Some("product"));
        assert_eq!(snake_case("exportId").as_deref(), Some("export_id"));
        assert_eq!(snake_case("9"), None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            closest("mesage", ["code", "message", "status"]),
            Some("message")
        );
        assert_eq!(closest("string", ["String", "bool"]), Some("String"));
        assert_eq!(closest("zzzz", ["code", "message"]), None);
        assert_eq!(closest("tpye", ["type", "example", "doc"]), Some("type"));
        assert_eq!(closest("tilte", ["title", "doc", "wire"]), Some("title"));
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("113", "113"), 0);
        assert_eq!(distance("日本", "日"), 1);
    }

    #[test]
    fn identifiers() {
        assert!(is_upper_camel("BackupPolicy2"));
        assert!(!is_upper_camel("backupPolicy"));
        assert!(!is_upper_camel("Backup_Policy"));
        assert!(is_keyword("type"));
        assert!(is_unraw_keyword("self"));
    }
}
