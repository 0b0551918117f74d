//! `check` and `diff` with `--format human|json|sarif|github`: a snapshot of each format for
//! a broken catalog and for a breaking diff, rustc's JSON shape line by line, the SARIF logs
//! through the official SARIF 2.1.0 schema, GitHub's escaping, fingerprints that survive an
//! edit above, every rule's section in the format document, and the README's example.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use error_catalog_cli::formats::{github_escape_data, github_escape_property, help_uri};
use error_catalog_codegen::Rule;
use error_catalog_codegen::diff::DiffRule;
use serde_json::{Value, json};

use crate::common::{json_lines, required, root, run, temp_dir};

const BROKEN: &str = "tests/ui/five-mistakes.toml";
const SEED: &str = "catalog/backup-restore.toml";
const V1: &str = "error-catalog-cli/tests/catalogs/versions/storage-v1.toml";
const V2: &str = "error-catalog-cli/tests/catalogs/versions/storage-v2.toml";
const FORMATS: [&str; 4] = ["human", "json", "sarif", "github"];
const REQUIRE: &str = "ERROR_CATALOG_REQUIRE_VALIDATORS";

fn check(path: &str, format: &str) -> crate::common::Run {
    run(&["check", path, "--format", format])
}

fn diff(old: &str, new: &str, format: &str) -> crate::common::Run {
    run(&["diff", old, new, "--format", format])
}

#[test]
fn check_in_every_format() {
    for format in FORMATS {
        let run = check(BROKEN, format);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        if format == "human" {
            // Unchanged: the diagnostics on stderr, nothing on stdout (`cli.rs` has its
            // snapshot).
            assert_eq!(run.stdout, "");
            assert_eq!(run.stderr, crate::common::run(&["check", BROKEN]).stderr);
            continue;
        }
        assert_eq!(
            run.stderr,
            "error: `tests/ui/five-mistakes.toml` has 5 errors\n"
        );
        assert!(!run.stdout.contains('\x1b'), "{format}");
        insta::assert_snapshot!(format!("check_{format}"), run.stdout);
    }
    // A valid catalog: no finding, exit 0.
    for format in FORMATS {
        let run = check(SEED, format);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert_eq!(
            run.stderr,
            "`catalog/backup-restore.toml`: no errors, 17 entries\n"
        );
        match format {
            "human" | "github" => assert_eq!(run.stdout, "", "{format}"),
            "json" => {
                let (diagnostics, summary) = json_lines(&run.stdout);
                assert!(diagnostics.is_empty());
                assert_eq!(summary["errors"], 0);
                assert_eq!(summary["catalogs"][0]["entries"], 17);
            }
            _ => {
                let log: Value = serde_json::from_str(&run.stdout).expect("JSON");
                assert_eq!(log["runs"][0]["results"], json!([]));
            }
        }
    }
}

#[test]
fn diff_in_every_format() {
    let human = diff(V1, V2, "human");
    assert_eq!(human.code, 1, "{}", human.stderr);
    insta::assert_snapshot!("diff_human", human.stdout);
    // `text`, the human format's old name, is still accepted.
    let text = diff(V1, V2, "text");
    assert_eq!((text.code, &text.stdout), (1, &human.stdout));
    for format in ["json", "sarif", "github"] {
        let run = diff(V1, V2, format);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert_eq!(run.stderr, "2 breaking changes, 2 compatible changes\n");
        insta::assert_snapshot!(format!("diff_{format}"), run.stdout);
    }
    // Compatible changes only: exit 0 in every format.
    for format in FORMATS {
        let run = diff(V2, V2, format);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
    }
}

#[test]
fn the_help_shows_the_formats_without_the_old_name() {
    for subcommand in ["check", "diff"] {
        let short = run(&[subcommand, "-h"]).stdout;
        assert!(
            short.contains("[default: human] [possible values: human, json, sarif, github]"),
            "{subcommand}: {short}"
        );
        let long = run(&[subcommand, "--help"]).stdout;
        assert!(long.contains("- github: "), "{subcommand}: {long}");
        assert!(!long.contains("- text"), "{subcommand}: {long}");
    }
}

/// The keys of rustc's JSON diagnostics, spans, lines of text and children, in its order.
const DIAGNOSTIC_KEYS: [&str; 7] = [
    "$message_type",
    "message",
    "code",
    "level",
    "spans",
    "children",
    "rendered",
];
const SPAN_KEYS: [&str; 13] = [
    "file_name",
    "byte_start",
    "byte_end",
    "line_start",
    "line_end",
    "column_start",
    "column_end",
    "is_primary",
    "text",
    "label",
    "suggested_replacement",
    "suggestion_applicability",
    "expansion",
];

/// Every JSON line has rustc's keys, and every span says where it is exactly: its byte range
/// is the text between its lines and columns (counted in characters, 1-based, the end
/// exclusive), and its `text` has the lines it covers.
#[test]
fn json_lines_have_rustc_s_shape_and_true_spans() {
    let runs = [
        check(BROKEN, "json"),
        diff(V1, V2, "json"),
        diff(SEED, "catalog/nope.toml", "json"),
    ];
    let mut spans_seen = 0;
    for run in &runs {
        // rustc's order of keys, then ours.
        for line in run.stdout.lines() {
            assert!(
                line.starts_with(r#"{"$message_type":"diagnostic","message":"#)
                    || line.starts_with(r#"{"$message_type":"summary","errors":"#),
                "{line}"
            );
        }
        let (diagnostics, _) = json_lines(&run.stdout);
        assert!(!diagnostics.is_empty());
        for diagnostic in &diagnostics {
            let keys = object_keys(diagnostic);
            assert!(keys.is_superset(&DIAGNOSTIC_KEYS.into()), "{diagnostic}");
            assert!(["error", "note"].contains(&diagnostic["level"].as_str().unwrap_or("")));
            let rule = diagnostic["code"]["code"].as_str().expect("a rule");
            assert!(is_rule(rule), "{rule}");
            assert_eq!(diagnostic["code"]["explanation"], Value::Null);
            assert!(diagnostic["rendered"].as_str().is_some_and(|r| r.contains(
                diagnostic["message"].as_str().expect("a message")
            )));
            for child in diagnostic["children"].as_array().expect("children") {
                assert_eq!(
                    object_keys(child),
                    ["message", "code", "level", "spans", "children", "rendered"].into()
                );
                assert!(["note", "help"].contains(&child["level"].as_str().unwrap_or("")));
            }
            let spans = diagnostic["spans"].as_array().expect("spans");
            for (i, span) in spans.iter().enumerate() {
                assert_eq!(object_keys(span), SPAN_KEYS.into(), "{span}");
                assert_eq!(span["is_primary"], i == 0, "{span}");
                check_span(span);
                spans_seen += 1;
            }
        }
    }
    assert!(spans_seen >= 10, "{spans_seen}");
}

/// The keys of an object (`serde_json` sorts them: the order is checked on the text).
fn object_keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn is_rule(name: &str) -> bool {
    Rule::ALL.iter().any(|r| r.name() == name) || DiffRule::ALL.iter().any(|r| r.name() == name)
}

/// Reads the span's file and recomputes its lines and columns from its byte range.
fn check_span(span: &Value) {
    let number = |key: &str| span[key].as_u64().expect("a number") as usize;
    let file = root().join(span["file_name"].as_str().expect("a file"));
    let text = std::fs::read_to_string(&file).expect("the file");
    let (start, end) = (number("byte_start"), number("byte_end"));
    let line_col = |offset: usize| {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            text[line_start..offset].chars().count() + 1,
        )
    };
    assert_eq!(
        (number("line_start"), number("column_start")),
        line_col(start),
        "{span}"
    );
    assert_eq!(
        (number("line_end"), number("column_end")),
        line_col(end),
        "{span}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let shown = span["text"].as_array().expect("text");
    assert_eq!(
        shown.len(),
        number("line_end") - number("line_start") + 1,
        "{span}"
    );
    for (k, line) in shown.iter().enumerate() {
        assert_eq!(line["text"], lines[number("line_start") - 1 + k], "{span}");
    }
    assert_eq!(shown[0]["highlight_start"], span["column_start"]);
    assert_eq!(shown[shown.len() - 1]["highlight_end"], span["column_end"]);
}

/// The official SARIF 2.1.0 schema, from `ERROR_CATALOG_SARIF_SCHEMA` (which `.ci/run` sets),
/// and a Python with `jsonschema`; `None` (the test skips) when either is missing and the
/// validators are not required.
fn sarif_schema() -> Option<PathBuf> {
    let schema = std::env::var_os("ERROR_CATALOG_SARIF_SCHEMA").map(PathBuf::from);
    let python = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|output| output.status.success());
    match schema {
        Some(schema) if schema.is_file() && python => Some(schema),
        _ => {
            assert!(
                !required(REQUIRE),
                "{REQUIRE}=1 but ERROR_CATALOG_SARIF_SCHEMA does not name the SARIF schema, or \
                 python3 cannot import jsonschema: see `.ci/run`"
            );
            eprintln!(
                "skipped: set ERROR_CATALOG_SARIF_SCHEMA to sarif-2.1.0-rtm.5.json (npm pack \
                 @microsoft/jest-sarif@1.0.0-beta.0) and install python3's jsonschema"
            );
            None
        }
    }
}

/// Every SARIF log of `check` and `diff` (with findings, without, and with a catalog that
/// does not load) is valid under the official schema, and the schema does reject a log with
/// a level SARIF does not have.
#[test]
fn sarif_logs_pass_the_official_schema() {
    let Some(schema) = sarif_schema() else {
        return;
    };
    let dir = temp_dir("sarif");
    let mut files = vec![schema];
    let logs = [
        check(BROKEN, "sarif"),
        check(SEED, "sarif"),
        diff(V1, V2, "sarif"),
        diff(V2, V2, "sarif"),
        diff(BROKEN, V2, "sarif"),
    ];
    for (i, log) in logs.iter().enumerate() {
        let file = dir.join(format!("{i}.sarif"));
        std::fs::write(&file, &log.stdout).expect("written");
        files.push(file);
    }
    let mut broken: Value = serde_json::from_str(&logs[0].stdout).expect("JSON");
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    let file = dir.join("broken.sarif");
    std::fs::write(&file, broken.to_string()).expect("written");
    files.push(file);

    let output = Command::new("python3")
        .args([
            "-c",
            r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
for path in sys.argv[2:]:
    errors = sorted(e.message for e in validator.iter_errors(json.load(open(path))))
    print("valid" if not errors else "invalid: " + "; ".join(errors))
"#,
        ])
        .args(&files)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let verdicts = String::from_utf8(output.stdout).expect("UTF-8");
    let verdicts: Vec<&str> = verdicts.lines().collect();
    assert_eq!(verdicts.len(), logs.len() + 1, "{verdicts:?}");
    for (log, verdict) in logs.iter().zip(&verdicts) {
        assert_eq!(*verdict, "valid", "{}", log.stdout);
    }
    assert!(
        verdicts[logs.len()].starts_with("invalid: ") && verdicts[logs.len()].contains("fatal"),
        "the schema accepted a wrong level: {}",
        verdicts[logs.len()]
    );
}

/// The fingerprints of a SARIF log, in result order.
fn fingerprints(log: &str) -> Vec<String> {
    let log: Value = serde_json::from_str(log).expect("JSON");
    log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|result| {
            result["partialFingerprints"]["errorCatalog/v1"]
                .as_str()
                .expect("a fingerprint")
                .to_owned()
        })
        .collect()
}

/// The start line of each result of a SARIF log.
fn start_lines(log: &str) -> Vec<u64> {
    let log: Value = serde_json::from_str(log).expect("JSON");
    log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|result| {
            result["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap_or(0)
        })
        .collect()
}

/// A comment and a blank line inserted above everything move every finding one or two lines
/// down and change no fingerprint; the fingerprints of one log are all different.
#[test]
fn fingerprints_survive_lines_inserted_above() {
    let dir = temp_dir("fingerprints");
    let write = |name: &str, text: &str| {
        let file = dir.join(name);
        std::fs::write(&file, text).expect("written");
        file.display().to_string()
    };
    let read = |path: &str| std::fs::read_to_string(root().join(path)).expect("read");
    let above = |text: String| format!("# Reviewed by the API team.\n\n{text}");

    let broken = write("broken.toml", &read(BROKEN));
    let before = check(&broken, "sarif").stdout;
    let moved = write("broken.toml", &above(read(BROKEN)));
    assert_eq!(moved, broken);
    let after = check(&broken, "sarif").stdout;
    assert_eq!(fingerprints(&before).len(), 5);
    assert_eq!(fingerprints(&before), fingerprints(&after));
    let shifted: Vec<u64> = start_lines(&before).iter().map(|line| line + 2).collect();
    assert_eq!(start_lines(&after), shifted);
    let distinct: BTreeSet<String> = fingerprints(&before).into_iter().collect();
    assert_eq!(distinct.len(), 5);

    let (old, new) = (write("v1.toml", &read(V1)), write("v2.toml", &read(V2)));
    let before = diff(&old, &new, "sarif").stdout;
    write("v1.toml", &above(read(V1)));
    write("v2.toml", &above(read(V2)));
    let after = diff(&old, &new, "sarif").stdout;
    assert_eq!(fingerprints(&before).len(), 4);
    assert_eq!(fingerprints(&before), fingerprints(&after));
    assert_ne!(start_lines(&before), start_lines(&after));
    // Another finding of the same rule in the same file has another fingerprint.
    let distinct: BTreeSet<String> = fingerprints(&before).into_iter().collect();
    assert_eq!(distinct.len(), 4);
}

#[test]
fn github_escapes_percent_cr_lf_and_property_separators() {
    assert_eq!(github_escape_data("100%\r\n: ,"), "100%25%0D%0A: ,");
    assert_eq!(github_escape_property("100%\r\n: ,"), "100%25%0D%0A%3A %2C");
}

/// A file named with `%`, `:` and `,`, whose diagnostic quotes a key with `%`, CR and LF:
/// each is escaped where GitHub needs it, and the annotation reads back as the JSON format's
/// message and help.
#[cfg(unix)]
#[test]
fn github_annotations_escape_file_names_and_messages() {
    let dir = temp_dir("github");
    let file = dir.join("we,ird:50%.toml");
    std::fs::write(&file, "[catalog]\ntitle = \"T\"\n\"50%\\r\\nx\" = 1\n").expect("written");
    let path = file.display().to_string();
    let run = check(&path, "github");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    let line = lines[0];
    let (command, message) = line
        .strip_prefix("::error ")
        .and_then(|rest| rest.split_once("::"))
        .expect("::error ...::message");
    let properties: Vec<(&str, &str)> = command
        .split(',')
        .map(|p| p.split_once('=').expect("key=value"))
        .collect();
    let escaped_name = github_escape_property(&run_name(&path));
    assert!(
        escaped_name.contains("we%2Cird%3A50%25.toml"),
        "{escaped_name}"
    );
    assert_eq!(
        properties,
        [
            ("file", escaped_name.as_str()),
            ("line", "3"),
            ("col", "1"),
            ("endLine", "3"),
            ("endColumn", "11"),
            ("title", "unknown-key"),
        ]
    );
    assert!(!message.contains(['\r', '\n']), "{message}");
    assert!(message.starts_with("unknown key `50%25%0D%0Ax` in `[catalog]`%0Ahelp: "));

    let unescape = |text: &str| {
        text.replace("%0A", "\n")
            .replace("%0D", "\r")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    let (diagnostics, _) = json_lines(&check(&path, "json").stdout);
    let json = &diagnostics[0];
    assert_eq!(
        unescape(message),
        format!(
            "{}\nhelp: {}",
            json["message"].as_str().expect("a message"),
            json["children"][0]["message"].as_str().expect("help")
        )
    );
    assert_eq!(unescape(properties[0].1), run_name(&path));
    assert_eq!(json["spans"][0]["file_name"], run_name(&path));
}

/// The name diagnostics give a file: relative to the workspace root (where the tests run the
/// binary) when below it.
fn run_name(path: &str) -> String {
    Path::new(path)
        .strip_prefix(root())
        .map_or(path.to_owned(), |p| p.display().to_string())
}

/// The anchors GitHub gives the headings of a Markdown document: lower case, spaces as `-`,
/// punctuation other than `-` and `_` dropped, `-1`, `-2`... for repeats.
fn anchors(markdown: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if in_code || !line.starts_with('#') {
            continue;
        }
        let title = line.trim_start_matches('#').trim();
        let anchor: String = title
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let repeats = out
            .iter()
            .filter(|a| **a == anchor || a.starts_with(&format!("{anchor}-")))
            .count();
        out.push(if repeats == 0 {
            anchor
        } else {
            format!("{anchor}-{repeats}")
        });
    }
    out
}

/// The rows of the table whose rows start with `| [`rule`](#rule) |`: rule, last cell.
fn table_rows(markdown: &str) -> Vec<(String, String)> {
    markdown
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("| [`")?;
            let (name, rest) = rest.split_once("`](#")?;
            let (anchor, rest) = rest.split_once(") |")?;
            // The tables of rules, not those of keys.
            if name != anchor {
                return None;
            }
            let cells: Vec<&str> = rest.trim_end_matches('|').split(" | ").collect();
            Some((name.to_owned(), cells.last()?.trim().to_owned()))
        })
        .collect()
}

/// Each rule of `check` and `diff` has a heading of its name in `docs/catalog-format.md`,
/// which the SARIF help links to, and a row in its table that says what its summary says.
#[test]
fn every_rule_has_its_section_in_the_format_document() {
    let markdown =
        std::fs::read_to_string(root().join("docs/catalog-format.md")).expect("the document");
    let anchors = anchors(&markdown);
    let rows = table_rows(&markdown);
    let mut names: BTreeSet<&str> = BTreeSet::new();
    let rules = Rule::ALL
        .iter()
        .map(|r| (r.name(), r.summary()))
        .chain(DiffRule::ALL.iter().map(|r| (r.name(), r.summary())));
    for (name, summary) in rules {
        assert!(names.insert(name), "two rules named {name}");
        assert!(
            anchors.iter().any(|anchor| anchor == name),
            "no heading `{name}` in docs/catalog-format.md"
        );
        let uri = help_uri(name);
        assert_eq!(
            uri,
            format!(
                "{}/blob/main/docs/catalog-format.md#{name}",
                env!("CARGO_PKG_REPOSITORY")
            )
        );
        let row = rows.iter().find(|(rule, _)| rule == name);
        assert_eq!(
            row.map(|(_, text)| text.as_str()),
            Some(summary),
            "the table row of `{name}`"
        );
    }
    assert_eq!(rows.len(), names.len(), "rows of rules that do not exist");

    // And the logs link there.
    for log in [check(BROKEN, "sarif"), diff(V1, V2, "sarif")] {
        let log: Value = serde_json::from_str(&log.stdout).expect("JSON");
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        assert!(!rules.is_empty());
        for rule in rules {
            let id = rule["id"].as_str().expect("an id");
            assert_eq!(rule["helpUri"], help_uri(id));
            let uri = help_uri(id);
            let (_, anchor) = uri.rsplit_once('#').expect("an anchor");
            assert!(anchors.iter().any(|a| a == anchor), "{anchor}");
        }
    }
}

/// The README's section "CI formats": the command it shows prints what it shows, and the
/// workflow's `check` steps run as written (in a copy of the catalogs, with the binary on
/// `PATH`).
#[test]
fn the_readme_s_ci_example_is_real() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("the README");
    let section = readme
        .split_once("### CI formats\n")
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or(rest))
        .expect("a section CI formats");
    let block = |info: &str, after: usize| -> (String, usize) {
        let fence = format!("```{info}\n");
        let start = section[after..].find(&fence).expect("a block") + after + fence.len();
        let end = section[start..].find("```\n").expect("its end") + start;
        (section[start..end].to_owned(), end)
    };
    let (command, end) = block("sh", 0);
    let (shown, _) = block("text", end);
    let args: Vec<&str> = command
        .trim()
        .strip_prefix("error-catalog ")
        .expect("an error-catalog command")
        .split_whitespace()
        .collect();
    let run = run(&args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, shown, "the README shows other output");

    let (workflow, _) = block("yaml", 0);
    let dir = temp_dir("readme-workflow");
    std::fs::create_dir_all(dir.join("catalog")).expect("a directory");
    std::fs::copy(root().join(SEED), dir.join(SEED)).expect("copied");
    let bin = Path::new(env!("CARGO_BIN_EXE_error-catalog"))
        .parent()
        .expect("a directory");
    let path = std::env::join_paths(std::iter::once(bin.to_owned()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("a PATH");
    let steps: Vec<&str> = workflow
        .lines()
        .filter_map(|line| line.trim().strip_prefix("run: "))
        .filter(|line| line.starts_with("error-catalog check "))
        .collect();
    assert_eq!(steps.len(), 2, "{workflow}");
    for step in steps {
        let output = Command::new("sh")
            .args(["-c", step])
            .current_dir(&dir)
            .env("PATH", &path)
            .output()
            .expect("sh runs");
        assert!(output.status.success(), "{step}: {output:?}");
    }
    let log: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("error-catalog.sarif")).expect("the SARIF log"),
    )
    .expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["results"], json!([]));
}

/// On a terminal (a pseudo-terminal from util-linux's `script`), the human format has
/// colours; the machine formats never do.
#[cfg(target_os = "linux")]
#[test]
fn no_colours_in_machine_formats_on_a_terminal() {
    let on_terminal = |format: &str| {
        let line = format!(
            "'{}' check {BROKEN} --format {format}",
            env!("CARGO_BIN_EXE_error-catalog")
        );
        let output = Command::new("script")
            .args(["-q", "-e", "-c", &line, "/dev/null"])
            .current_dir(root())
            .env_remove("NO_COLOR")
            .output()
            .expect("util-linux's `script` runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(on_terminal("human").contains('\x1b'));
    for format in ["json", "sarif", "github"] {
        let output = on_terminal(format);
        assert!(output.contains("invalid-enum"), "{format}: {output}");
        assert!(!output.contains('\x1b'), "{format}: {output}");
    }
}
