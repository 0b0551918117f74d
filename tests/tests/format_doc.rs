//! `docs/catalog-format.md` and the README show catalogs and the validator's messages for
//! them. This keeps them true: every complete catalog in them (a TOML block that starts with
//! `[catalog]`) is validated, and where a document shows the messages right after it, they
//! must be exactly what the validator prints.

use std::path::Path;

use error_catalog_codegen::{Report, Source, load};

/// The fenced code blocks of a Markdown text: (info string, body, text since the last block).
fn blocks(markdown: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut lines = markdown.lines();
    let mut between = String::new();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            between.push_str(line);
            between.push('\n');
            continue;
        };
        let mut body = String::new();
        for line in lines.by_ref() {
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

fn validate(catalog: &str) -> String {
    let source = Source::new("catalog/api.toml", "/doc/catalog/api.toml", catalog);
    match load(&source) {
        Ok(_) => String::new(),
        Err(diagnostics) => Report::new(source, diagnostics).render(),
    }
}

/// Checks the catalogs of one document; returns how many were valid and how many were
/// followed by their messages.
fn check_document(relative: &str) -> (usize, usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let markdown = std::fs::read_to_string(path).expect("the document");
    let blocks = blocks(&markdown);
    let (mut valid, mut messages) = (0, 0);
    for (i, (info, body, _)) in blocks.iter().enumerate() {
        if info != "toml" || !body.starts_with("[catalog]") {
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
    assert_eq!(check_document("../README.md"), (2, 1));
}

/// The error bodies the format document shows: a JSON block right after a valid catalog is
/// the body of its first entry's example, exactly as the wire shape writes it.
#[test]
fn every_body_after_a_catalog_in_the_format_document_is_the_one_it_sends() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/catalog-format.md");
    let markdown = std::fs::read_to_string(path).expect("the document");
    let blocks = blocks(&markdown);
    let mut bodies = 0;
    for pair in blocks.windows(2) {
        let [(info, catalog, _), (next_info, body, between)] = pair else {
            continue;
        };
        if info != "toml"
            || !catalog.starts_with("[catalog]")
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
        assert_eq!(
            checked.wire.body(
                &entry.code.value,
                &entry.example_message(),
                entry.status.value
            ),
            body.trim_end(),
            "the document shows another body for:\n{catalog}"
        );
        bodies += 1;
    }
    assert!(bodies >= 3, "only {bodies} bodies found");
}
