//! `docs/catalog-format.md` and the README show catalogs and the validator's messages for
//! them. This keeps them true: every complete catalog in them (a TOML block that starts with
//! `[catalog]`, after a `#:schema` directive if any) is validated, and where a document shows
//! the messages right after it, they must be exactly what the validator prints. The "other cases" of a rule, a bullet that
//! gives a one-line change (`- \`code = 129\`:`) and the `error:` line it gives, are checked
//! too: the change is made to the catalog the section last showed (in the table the bullet
//! names, as in ``- `shared_code = "yes"` in `[errors.StorageNotFound]`:``), and the validator
//! must report that error and no other besides those of the unchanged catalog.

use std::path::Path;

use error_catalog_codegen::{Report, Source, load};

/// The fenced code blocks of a Markdown text, indented ones (in a list item) too: (info
/// string, body without the fence's indentation, text since the last block).
pub(crate) fn blocks(markdown: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut lines = markdown.lines();
    let mut between = String::new();
    while let Some(line) = lines.next() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let Some(info) = line[indent..].strip_prefix("```") else {
            between.push_str(line);
            between.push('\n');
            continue;
        };
        let mut body = String::new();
        for line in lines.by_ref() {
            let unindented = line
                .get(indent..)
                .filter(|_| line[..indent].trim().is_empty());
            let line = unindented.unwrap_or(line);
            if line.starts_with("```") {
                break;
            }
            body.push_str(line);
            body.push('\n');
        }
        out.push((info.trim().to_owned(), body, std::mem::take(&mut between)));
    }
    out
}

/// Whether a TOML block is a complete catalog: it starts with `[catalog]`, after the
/// directives of editors (`#:schema ...`) if any.
pub(crate) fn is_catalog(block: &str) -> bool {
    block
        .lines()
        .find(|line| !line.starts_with("#:"))
        .is_some_and(|line| line == "[catalog]")
}

fn validate(catalog: &str) -> String {
    let source = Source::new("catalog/api.toml", "/doc/catalog/api.toml", catalog);
    match load(&source) {
        Ok(_) => String::new(),
        Err(diagnostics) => Report::new(source, diagnostics).render(),
    }
}

/// The text of a document, by its path relative to this package's directory.
pub(crate) fn document(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Checks the catalogs of one document; returns how many were valid and how many were
/// followed by their messages.
fn check_document(relative: &str) -> (usize, usize) {
    let markdown = document(relative);
    let blocks = blocks(&markdown);
    let (mut valid, mut messages) = (0, 0);
    for (i, (info, body, _)) in blocks.iter().enumerate() {
        if info != "toml" || !is_catalog(body) {
            continue;
        }
        let rendered = validate(body);
        match blocks.get(i + 1) {
            // Messages shown right after the catalog, with nothing but blank lines between.
            Some((next_info, expected, between))
                if next_info == "text"
                    && expected.starts_with("error:")
                    && between.trim().is_empty() =>
            {
                assert_eq!(
                    rendered.trim_end(),
                    expected.trim_end(),
                    "the document shows other messages for:\n{body}"
                );
                messages += 1;
            }
            _ => {
                assert_eq!(
                    rendered, "",
                    "a catalog in the document is not valid:\n{body}"
                );
                valid += 1;
            }
        }
    }
    (valid, messages)
}

/// The inline code spans of a line of Markdown.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// `catalog` with the one-line change `line` (`key = value`) made: the line that sets the
/// same key is replaced (in `table` when given); without one, the line is added at the end of
/// `table`, which is created when missing, or else of `[catalog]`.
fn substitute(catalog: &str, line: &str, table: Option<&str>) -> String {
    let (key, _) = line.split_once(" = ").expect("a `key = value` line");
    let prefix = format!("{} =", key.trim());
    let mut lines: Vec<String> = catalog.lines().map(str::to_owned).collect();
    let header = table.unwrap_or("[catalog]");
    let start = match lines.iter().position(|l| l.trim() == header) {
        Some(start) => start,
        None => {
            lines.push(String::new());
            lines.push(header.to_owned());
            lines.len() - 1
        }
    };
    let end = (start + 1..lines.len())
        .find(|&i| lines[i].starts_with('['))
        .unwrap_or(lines.len());
    let (from, to) = match table {
        Some(_) => (start + 1, end),
        None => (0, lines.len()),
    };
    match (from..to).find(|&i| lines[i].starts_with(&prefix)) {
        Some(i) => lines[i] = line.to_owned(),
        None => {
            let mut at = end;
            while at > start + 1 && lines[at - 1].trim().is_empty() {
                at -= 1;
            }
            lines.insert(at, line.to_owned());
        }
    }
    lines.join("\n") + "\n"
}

/// A bullet of a rule's "other cases": the catalog the section last showed, the same with the
/// bullet's one-line change made, and the `error:` line the document shows for it.
pub(crate) struct OtherCase {
    /// The bullet's text.
    pub(crate) bullet: String,
    /// The catalog the section last showed.
    pub(crate) base: String,
    /// That catalog with the bullet's change.
    pub(crate) changed: String,
    /// The `error:` line the document shows.
    pub(crate) expected: String,
}

/// The bullets of a Markdown document that give a one-line change and the `error:` line it
/// gives.
pub(crate) fn other_cases(markdown: &str) -> Vec<OtherCase> {
    let blocks = blocks(markdown);
    let mut catalog: Option<&str> = None;
    let mut cases = Vec::new();
    for (i, (info, body, between)) in blocks.iter().enumerate() {
        if between.lines().any(|l| l.starts_with('#')) {
            catalog = None;
        }
        if info == "toml" && is_catalog(body) {
            catalog = Some(body);
            continue;
        }
        if info != "text" || !body.starts_with("error:") {
            continue;
        }
        // The bullet: its text, and the change either in it or in a one-line block after it.
        let (bullet, block) = match between.trim() {
            "" => match i.checked_sub(1).map(|j| &blocks[j]) {
                Some((info, line, before))
                    if (info == "toml" || info == "text") && line.lines().count() == 1 =>
                {
                    (before.as_str(), Some(line.trim()))
                }
                _ => continue,
            },
            _ => (between.as_str(), None),
        };
        let Some(bullet) = bullet
            .rsplit_once("\n- ")
            .map(|(_, b)| b)
            .or(bullet.strip_prefix("- "))
        else {
            continue;
        };
        let spans = code_spans(bullet);
        let mut changes: Vec<&str> = spans
            .iter()
            .copied()
            .filter(|s| s.contains(" = "))
            .collect();
        changes.extend(block);
        let tables: Vec<&str> = spans
            .iter()
            .copied()
            .filter(|s| s.starts_with('[') && s.ends_with(']'))
            .collect();
        if changes.is_empty() {
            continue;
        }
        assert!(
            changes.len() == 1 && tables.len() <= 1,
            "a bullet gives several changes or tables, which this test cannot make: {bullet}"
        );
        let catalog = catalog.unwrap_or_else(|| panic!("no catalog before the bullet: {bullet}"));
        cases.push(OtherCase {
            bullet: bullet.to_owned(),
            base: catalog.to_owned(),
            changed: substitute(catalog, changes[0], tables.first().copied()),
            expected: body.trim_end().to_owned(),
        });
    }
    cases
}

/// Checks the bullets of one document that give a one-line change and the `error:` line it
/// gives; returns how many there were.
fn check_other_cases(relative: &str) -> usize {
    let markdown = document(relative);
    let cases = other_cases(&markdown);
    let mut failures = Vec::new();
    for case in &cases {
        // The change gives the error shown and no other: the errors of the section's
        // catalog itself (`missing-key` shows one without `message`) stay as they were.
        let before = validate(&case.base);
        let rendered = validate(&case.changed);
        let mut errors: Vec<&str> = rendered
            .lines()
            .filter(|l| l.starts_with("error:"))
            .collect();
        for old in before.lines().filter(|l| l.starts_with("error:")) {
            if let Some(at) = errors.iter().position(|e| *e == old) {
                errors.remove(at);
            }
        }
        if errors != [case.expected.as_str()] {
            failures.push(format!(
                "{}\nshows {}\nbut the catalog\n{}gives\n{rendered}",
                case.bullet, case.expected, case.changed
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} bullets do not show what the validator reports:\n\n{}",
        failures.len(),
        failures.join("\n----\n")
    );
    cases.len()
}

#[test]
fn substitution_replaces_the_key_or_adds_it_to_its_table() {
    let catalog = "[catalog]\ntitle = \"T\"\n\n[errors.A]\ncode = \"1\"\n";
    assert_eq!(
        substitute(catalog, "code = 2", None),
        "[catalog]\ntitle = \"T\"\n\n[errors.A]\ncode = 2\n"
    );
    assert_eq!(
        substitute(catalog, "doc = \"d\"", None),
        "[catalog]\ntitle = \"T\"\ndoc = \"d\"\n\n[errors.A]\ncode = \"1\"\n"
    );
    assert_eq!(
        substitute(catalog, "x = 1", Some("[errors.A]")),
        "[catalog]\ntitle = \"T\"\n\n[errors.A]\ncode = \"1\"\nx = 1\n"
    );
    assert_eq!(
        substitute(catalog, "x = 1", Some("[types.B]")),
        "[catalog]\ntitle = \"T\"\n\n[errors.A]\ncode = \"1\"\n\n[types.B]\nx = 1\n"
    );
}

#[test]
fn every_other_case_in_the_format_document_is_real() {
    let checked = check_other_cases("../docs/catalog-format.md");
    // A parsing slip must not make the test vacuous.
    assert!(checked >= 27, "only {checked} bullets checked");
}

#[test]
fn every_catalog_and_message_in_the_format_document_is_real() {
    let (valid, messages) = check_document("../docs/catalog-format.md");
    // The document has both kinds; a parsing slip here must not make the test vacuous.
    assert!(valid >= 2, "only {valid} valid catalogs found");
    assert!(
        messages >= 20,
        "only {messages} catalogs with messages found"
    );
}

#[test]
fn every_catalog_and_message_in_the_readme_is_real() {
    assert_eq!(check_document("../README.md"), (3, 1));
}

/// The error bodies the format document shows: a JSON block right after a valid catalog is
/// the body of its first entry's example, exactly as the wire shape writes it, its fields
/// object (if the shape has one) holding every field's example.
#[test]
fn every_body_after_a_catalog_in_the_format_document_is_the_one_it_sends() {
    let markdown = document("../docs/catalog-format.md");
    let blocks = blocks(&markdown);
    let mut bodies = 0;
    for pair in blocks.windows(2) {
        let [(info, catalog, _), (next_info, body, between)] = pair else {
            continue;
        };
        if info != "toml"
            || !is_catalog(catalog)
            || next_info != "json"
            || !between.trim().is_empty()
        {
            continue;
        }
        let source = Source::new(
            "catalog/api.toml",
            "/doc/catalog/api.toml",
            catalog.as_str(),
        );
        let checked = load(&source).expect("a valid catalog");
        let entry = &checked.entries[0];
        // With every field's example, so that a shape with a fields object shows it filled.
        assert_eq!(
            checked.wire.entry_body(entry),
            body.trim_end(),
            "the document shows another body for:\n{catalog}"
        );
        bodies += 1;
    }
    assert!(bodies >= 4, "only {bodies} bodies found");
}
