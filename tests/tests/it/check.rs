//! `error_catalog_codegen::check`: the validator as a library call, without the macro.
//!
//! Cargo runs integration tests in the crate's directory, so paths are relative to `tests/`.

use error_catalog_codegen::{Report, Rule, check, check_enum};

/// Writes `catalog` to a file of the test's scratch directory and checks it from there.
fn check_text(name: &str, catalog: &str) -> Report {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, catalog).expect("write the catalog");
    check(&path)
}

#[test]
fn the_backup_restore_catalog_is_valid() {
    let report = check("../catalog/backup-restore.toml");
    assert!(report.is_empty(), "unexpected diagnostics:\n{report}");
}

#[test]
fn every_mistake_is_reported_in_file_order() {
    let report = check("ui/five-mistakes.toml");
    let rules: Vec<Rule> = report.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        [
            Rule::UnknownKey,
            Rule::InvalidEnum,
            Rule::InvalidVariantName,
            Rule::StatusNotInTable,
            Rule::InvalidPlaceholderName,
        ],
        "{report}"
    );
    let lines: Vec<usize> = report
        .iter()
        .map(|d| {
            assert!(d.span.is_some(), "no span: {d:?}");
            d.line_col(&report.source).expect("a span").0
        })
        .collect();
    assert!(
        lines.windows(2).all(|pair| pair[0] < pair[1]),
        "lines are not strictly increasing: {lines:?}\n{report}"
    );
}

#[test]
fn adjacent_placeholders_that_can_be_split_are_allowed() {
    // `{count}` is a `u32`, so it ends at the first character that is not a digit or a sign,
    // and every value of `Unit` starts with a letter: `"12KB"` splits as `12` + `KB`.
    let report = check_text(
        "adjacent-ok.toml",
        r#"[catalog]
title = "Test API"

[status.413]
reason = "Content Too Large"

[types.Unit]
values = ["KB", "MB"]

[errors.TooLarge]
code = "180"
status = 413
message = "Upload larger than {count}{unit}"
fields.count = "u32"
fields.unit = "Unit"
"#,
    );
    assert!(report.is_empty(), "unexpected diagnostics:\n{report}");
}

#[test]
fn a_missing_file_is_one_diagnostic_without_a_span() {
    let report = check("ui/no-such-catalog.toml");
    assert_eq!(report.len(), 1, "{report}");
    assert_eq!(report[0].rule, Rule::FileNotReadable);
    assert_eq!(report[0].span, None);
}

#[test]
fn diagnostics_carry_their_location_as_data() {
    let report = check("ui/five-mistakes.toml");
    let first = &report[0];
    let location = first.location.as_ref().expect("a located diagnostic");
    assert_eq!(location.file, "ui/five-mistakes.toml");
    assert_eq!(
        (location.line, location.column),
        first.line_col(&report.source).unwrap()
    );
    assert_eq!(
        first.to_string(),
        format!(
            "ui/five-mistakes.toml:{}:{}: {} [unknown-key]",
            location.line, location.column, first.message
        )
    );
    // Every diagnostic, read by iterating over the report, is located where its span is.
    let located: Vec<String> = (&report)
        .into_iter()
        .map(|d| {
            let location = d.location.as_ref().expect("a located diagnostic");
            format!("{}:{}", location.line, location.column)
        })
        .collect();
    let from_spans: Vec<String> = report
        .iter()
        .map(|d| {
            let (line, column) = d.line_col(&report.source).expect("a span");
            format!("{line}:{column}")
        })
        .collect();
    assert_eq!(located, from_spans);
    assert_eq!(located, ["5:30", "14:31", "22:9", "29:10", "35:53"]);
}

#[test]
fn derived_examples_split_back_from_their_message() {
    // No example is given: the derived ones must not contain the literal text that follows
    // their placeholders (`-`, `_`), or the catalog would fail its own example check.
    let report = check_text(
        "derived-examples.toml",
        r#"[catalog]
title = "Test API"

[status.404]

[errors.Missing]
code = "1"
status = 404
message = "{org_id}-{cloud_id} and {a_b}_{c}"
"#,
    );
    assert!(report.is_empty(), "unexpected diagnostics:\n{report}");
}

#[test]
fn check_enum_also_reports_a_catalog_enum_named_like_the_error_enum() {
    // The seed catalog has `[types.Job]`: valid for any error enum but one named `Job`.
    assert!(check_enum("../catalog/backup-restore.toml", "BackupError").is_empty());
    let report = check_enum("../catalog/backup-restore.toml", "Job");
    assert_eq!(report.len(), 1, "{report}");
    assert_eq!(report[0].rule, Rule::InvalidTypeName);
    assert_eq!(
        report[0].message,
        "catalog enum `Job` has the same name as the error enum"
    );
}

#[test]
fn a_retired_code_listed_twice_is_already_a_toml_error() {
    // TOML itself rejects a key set twice in a table, and a bare key is the same key as the
    // quoted one (`101` is `"101"`), so `[retired]` needs no duplicate rule of its own.
    for (name, retired) in [
        (
            "retired-twice-quoted.toml",
            "\"101\" = \"a\"\n\"101\" = \"b\"\n",
        ),
        ("retired-twice-bare.toml", "101 = \"a\"\n\"101\" = \"b\"\n"),
    ] {
        let report = check_text(
            name,
            &format!("[catalog]\ntitle = \"Test API\"\n\n[retired]\n{retired}"),
        );
        let rules: Vec<Rule> = report.iter().map(|d| d.rule).collect();
        assert_eq!(rules, [Rule::TomlSyntax], "{report}");
        assert_eq!(
            report[0].message, "invalid TOML: duplicate key `\"101\"`",
            "{report}"
        );
        assert_eq!(report[0].location.as_ref().map(|l| l.line), Some(6));
    }
}
