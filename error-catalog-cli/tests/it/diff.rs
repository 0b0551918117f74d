//! `error-catalog diff OLD NEW`: exit codes, the human and JSON formats, and catalogs that do
//! not load. (`formats.rs` has every format's snapshot.)

use std::path::{Path, PathBuf};

use crate::common::{self, json_lines, run, seed, temp_dir};

const SEED: &str = "catalog/backup-restore.toml";

/// The seed catalog without its last entry, `MigrationReportNotAvailable` (code 143).
fn without_143() -> String {
    let seed = seed();
    let cut = seed
        .find("[errors.MigrationReportNotAvailable]")
        .expect("the last entry");
    seed[..cut].to_owned()
}

/// An entry with a new code.
const ADDED: &str = r#"
[errors.QuotaExceeded]
code = "150"
status = 409
message = "Storage quota exceeded for org {org_id}"
doc = "The org has used all of its backup storage."
"#;

/// Writes `text` as a catalog file; returns its path.
fn catalog(name: &str, text: &str) -> PathBuf {
    let file = temp_dir("diff").join(format!("{name}.toml"));
    std::fs::write(&file, text).expect("written");
    file
}

fn diff(old: &Path, new: &Path, json: bool) -> common::Run {
    let (old, new) = (old.display().to_string(), new.display().to_string());
    let mut args = vec!["diff", old.as_str(), new.as_str()];
    if json {
        args.extend(["--format", "json"]);
    }
    run(&args)
}

#[test]
fn the_same_catalog_has_no_changes() {
    let run = run(&["diff", SEED, SEED]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "no changes between `catalog/backup-restore.toml` and `catalog/backup-restore.toml`\n"
    );
    let json = common::run(&["diff", SEED, SEED, "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let (findings, summary) = json_lines(&json.stdout);
    assert_eq!(findings, Vec::<serde_json::Value>::new());
    assert_eq!(
        summary,
        serde_json::json!({
            "$message_type": "summary", "errors": 0, "warnings": 0, "notes": 0,
            "breaking": 0, "compatible": 0, "old": SEED, "new": SEED,
        })
    );
}

#[test]
fn a_removed_code_is_breaking_and_exits_1() {
    let old = catalog("old", &seed());
    let new = catalog("new", &without_143());
    let text = diff(&old, &new, false);
    assert_eq!(text.code, 1, "{}", text.stderr);
    assert!(
        text.stdout
            .lines()
            .any(|line| line.starts_with("breaking  ")
                && line.contains("code-removed")
                && line.contains("143")),
        "{}",
        text.stdout
    );
    assert!(text.stderr.contains(" breaking change"), "{}", text.stderr);

    let json = diff(&old, &new, true);
    assert_eq!(json.code, 1);
    let (findings, summary) = json_lines(&json.stdout);
    assert!(summary["breaking"].as_u64() >= Some(1), "{summary}");
    assert_eq!(summary["errors"], summary["breaking"]);
    // The removed entry is in the old catalog only: its span points there.
    let removed = findings
        .iter()
        .find(|f| f["code"]["code"] == "code-removed" && f["error_code"] == "143")
        .expect("code-removed 143");
    assert_eq!(removed["level"], "error");
    assert_eq!(removed["class"], "breaking");
    assert_eq!(removed["version"], "old");
    let span = &removed["spans"][0];
    // Named as diagnostics name it: relative to the current directory when below it.
    let file = span["file_name"].as_str().expect("a file name");
    assert_eq!(common::root().join(file), old);
    assert_eq!(
        span["text"][0]["text"],
        "[errors.MigrationReportNotAvailable]"
    );
    let start = span["byte_start"].as_u64().expect("a byte offset") as usize;
    let end = span["byte_end"].as_u64().expect("a byte offset") as usize;
    assert_eq!(&seed()[start..end], "MigrationReportNotAvailable");
}

#[test]
fn an_added_entry_is_compatible_and_exits_0() {
    let old = catalog("old", &seed());
    let new = catalog("new", &format!("{}{ADDED}", seed()));
    let run = diff(&old, &new, true);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (findings, summary) = json_lines(&run.stdout);
    assert_eq!(summary["breaking"], 0, "{summary}");
    assert_eq!(summary["errors"], 0, "{summary}");
    let added = findings
        .iter()
        .find(|f| f["rule"] == "entry-added")
        .expect("entry-added");
    assert_eq!(added["class"], "compatible");
    assert_eq!(added["level"], "note");
    assert_eq!(added["error_code"], "150");
    assert_eq!(added["entry"], "QuotaExceeded");
    assert_eq!(added["version"], "new");
    assert_eq!(
        added["spans"][0]["text"][0]["text"],
        "[errors.QuotaExceeded]"
    );
}

#[test]
fn breaking_changes_come_first() {
    let old = catalog("old", &seed());
    let new = catalog("new", &format!("{}{ADDED}", without_143()));
    let text = diff(&old, &new, false);
    assert_eq!(text.code, 1, "{}", text.stderr);
    let classes: Vec<&str> = text
        .stdout
        .lines()
        .map(|line| line.split_whitespace().next().unwrap_or_default())
        .collect();
    assert!(
        classes.contains(&"breaking") && classes.contains(&"compatible"),
        "{}",
        text.stdout
    );
    let first_compatible = classes.iter().position(|c| *c == "compatible").unwrap_or(0);
    assert!(
        classes[first_compatible..]
            .iter()
            .all(|c| *c == "compatible"),
        "{}",
        text.stdout
    );

    let json = diff(&old, &new, true);
    let (findings, summary) = json_lines(&json.stdout);
    assert_eq!(findings.len(), classes.len());
    for (finding, class) in findings.iter().zip(&classes) {
        assert_eq!(finding["class"], *class);
        let level = if *class == "breaking" {
            "error"
        } else {
            "note"
        };
        assert_eq!(finding["level"], level);
    }
    let breaking = classes.iter().filter(|c| **c == "breaking").count();
    assert_eq!(summary["breaking"], breaking);
    assert_eq!(summary["compatible"], classes.len() - breaking);
    assert_eq!(summary["notes"], classes.len() - breaking);
}

#[test]
fn a_catalog_that_does_not_load_exits_2_with_its_diagnostics() {
    let check = run(&["check", "tests/ui/five-mistakes.toml"]).stderr;
    for args in [
        ["diff", SEED, "tests/ui/five-mistakes.toml"],
        ["diff", "tests/ui/five-mistakes.toml", SEED],
    ] {
        let run = run(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(run.stdout, "");
        assert_eq!(run.stderr, check, "{args:?}");
    }
    // In a machine format, the diagnostics are data, on stdout.
    let missing = run(&["diff", SEED, "catalog/nope.toml", "--format", "json"]);
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr, "error: `catalog/nope.toml` has 1 error\n",
        "{}",
        missing.stderr
    );
    let (diagnostics, summary) = json_lines(&missing.stdout);
    assert_eq!(diagnostics.len(), 1, "{}", missing.stdout);
    assert_eq!(diagnostics[0]["code"]["code"], "file-not-readable");
    assert_eq!(diagnostics[0]["spans"], serde_json::json!([]));
    assert_eq!(summary["errors"], 1);
    assert_eq!(summary["breaking"], serde_json::Value::Null);
    assert_eq!(summary["new"], "catalog/nope.toml");
}

/// Changes to the wire shape: a constant's value changed is `wire-changed` (breaking, exit 1),
/// a header added is `wire-member-added` (compatible); adding alone exits 0.
#[test]
fn wire_shape_changes_are_classified() {
    let kubernetes = std::fs::read_to_string(
        common::root().join("error-catalog-cli/tests/catalogs/kubernetes-status.toml"),
    )
    .expect("the catalog");
    let old = catalog("wire-old", &kubernetes);
    let with_header = kubernetes.replace(
        r#""/status" = "Failure" } }"#,
        r#""/status" = "Failure" }, header = "x-error-code" }"#,
    );
    assert_ne!(with_header, kubernetes);
    let added = catalog("wire-added", &with_header);
    let run = diff(&old, &added, true);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (findings, _) = json_lines(&run.stdout);
    assert_eq!(findings.len(), 1, "{}", run.stdout);
    let keys = [
        "message",
        "rule",
        "class",
        "entry",
        "error_code",
        "version",
        "spans",
    ];
    let found: serde_json::Map<String, serde_json::Value> = keys
        .iter()
        .map(|key| ((*key).to_owned(), findings[0][*key].clone()))
        .collect();
    // A change of `[catalog]` points at the file, at no span.
    assert_eq!(
        serde_json::Value::Object(found),
        serde_json::json!({
            "message": "the header `x-error-code` now carries the code",
            "rule": "wire-member-added", "class": "compatible", "entry": null,
            "error_code": null, "version": "new", "spans": [],
        })
    );

    let changed = catalog(
        "wire-changed",
        &with_header.replace(r#""/apiVersion" = "v1""#, r#""/apiVersion" = "v2""#),
    );
    let run = diff(&old, &changed, false);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[0].contains("wire-changed")
            && lines[0].contains("the wire constant at `/apiVersion` changed from `v1` to `v2`"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("wire-member-added"), "{}", lines[1]);
}

/// With a fields object, a template that gains a field breaks old clients: they render their
/// template with the fields they know and do not recognize the message (exit 1).
#[test]
fn a_field_added_under_a_fields_object_is_breaking() {
    let limited = |message: &str, fields: &str| {
        format!(
            "[catalog]\ntitle = \"T\"\nwire = {{ code = \"code\", message = \"message\", fields = \"details\" }}\n\n\
             [status.429]\n\n[errors.RateLimited]\ncode = \"LIMIT\"\nstatus = 429\nmessage = \"{message}\"\n{fields}\n"
        )
    };
    let old = catalog("limit-old", &limited("Rate limited: {reason}", ""));
    let new = catalog(
        "limit-new",
        &limited(
            "Rate limited: {reason}, limit {limit}",
            "fields.limit = \"u32\"",
        ),
    );
    let run = diff(&old, &new, true);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let (findings, summary) = json_lines(&run.stdout);
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().expect("a rule"))
        .collect();
    assert_eq!(rules, ["field-moved", "field-added"], "{}", run.stdout);
    assert_eq!(summary["breaking"], 2);
}

#[test]
fn a_translation_old_clients_cannot_read_is_breaking_and_one_they_can_is_compatible() {
    let dir = common::temp_dir("diff-locales");
    let seed = std::fs::read_to_string(common::root().join("catalog/backup-restore.toml")).unwrap();
    let reworded = seed.replace(
        "messages.de = \"Speicherdetails für storageId = {storage_id} nicht gefunden\"",
        "messages.de = \"Speicher {storage_id} nicht gefunden\"",
    );
    let removed = seed.replace("messages.de = \"Export läuft bereits\"\n", "");
    assert!(reworded != seed && removed != seed);
    let (old, breaking, compatible) = (
        dir.join("old.toml"),
        dir.join("reworded.toml"),
        dir.join("removed.toml"),
    );
    std::fs::write(&old, &seed).unwrap();
    std::fs::write(&breaking, reworded).unwrap();
    std::fs::write(&compatible, removed).unwrap();
    let path = |p: &std::path::Path| p.display().to_string();
    let run = common::run(&["diff", &path(&old), &path(&breaking)]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("message-changed"), "{}", run.stdout);
    assert!(
        run.stdout.contains("in `de`: `StorageNotFound`"),
        "{}",
        run.stdout
    );
    let run = common::run(&["diff", &path(&old), &path(&compatible)]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("translation-changed"), "{}", run.stdout);
}
