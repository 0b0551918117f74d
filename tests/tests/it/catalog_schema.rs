//! `docs/catalog.schema.json`, the JSON Schema of the catalog format that editors use (Taplo,
//! VS Code's Even Better TOML), agrees with the validator on every catalog the repository
//! holds: the catalog files, the catalogs of the UI tests, and the catalogs that
//! `docs/catalog-format.md` and the README show, the format document's "other cases" included.
//!
//! - A catalog the validator accepts, the schema accepts.
//! - A catalog with an unknown key, a missing key or a value of the wrong TOML type, the schema
//!   rejects; a file that is not TOML, Python's TOML parser rejects too.
//! - Each catalog of `tests/ui` is listed in [`UI_CATALOGS`] with what the schema says about
//!   it and why: the schema also checks names, codes, statuses and wire locations, and leaves
//!   to the validator what a schema cannot express.
//! - `.taplo.toml`, which `.ci/run` lints with, covers every valid catalog of the repository.
//!
//! The schema is applied by Python's `jsonschema` (draft-07), which `openapi-spec-validator`
//! brings, to the TOML as Python's `tomllib` reads it, in one Python process. Without them the
//! test says so and passes, unless `ERROR_CATALOG_REQUIRE_VALIDATORS=1` (as `.ci/run` sets it).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use error_catalog_codegen::{Source, load};

use crate::format_doc::{blocks, document, is_catalog, other_cases};

const REQUIRE: &str = "ERROR_CATALOG_REQUIRE_VALIDATORS";

/// What the schema says about a catalog of `tests/ui`, and why.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// The schema rejects it, for this reason.
    Rejects(&'static str),
    /// The schema accepts it: the rule it breaks is beyond a JSON Schema, for this reason.
    Accepts(&'static str),
    /// It is not TOML: the schema does not apply.
    NotToml,
}

use Expect::{Accepts, NotToml, Rejects};

/// Every catalog of `tests/ui` that the validator rejects.
#[rustfmt::skip]
const UI_CATALOGS: &[(&str, Expect)] = &[
    // Unknown keys: `additionalProperties: false` in every table.
    ("unknown-key.toml", Rejects("`mesage` in an entry is not a key of `[errors.Name]`")),
    ("unknown-key-in-catalog.toml", Rejects("`tilte` is not a key of `[catalog]`")),
    ("unknown-key-in-field.toml", Rejects("`tpye` is not a key of a field's table")),
    ("unknown-key-top-level.toml", Rejects("`erors` is not a top-level table")),
    ("unknown-key-wire.toml", Rejects("`contants` is not a key of `wire`")),
    ("five-mistakes.toml", Rejects("`mesage` in `wire`, and `message` missing there")),
    // Missing keys: `required`.
    ("missing-key-code.toml", Rejects("an entry requires `code`")),
    ("missing-key-message.toml", Rejects("an entry requires `message`")),
    ("missing-key-status.toml", Rejects("an entry requires `status`")),
    ("missing-key-enum-values.toml", Rejects("a catalog enum requires `values`")),
    // Wrong TOML types: `type`.
    ("wrong-type.toml", Rejects("`status = \"404\"` is a string, not an integer")),
    ("wrong-type-retryable.toml", Rejects("`retryable = \"no\"` is a string, not a boolean")),
    ("wrong-type-enum-values.toml", Rejects("`values = \"EXPORT\"` is not an array")),
    ("wrong-type-wire-constant.toml", Rejects("a constant of `wire` is an integer, not a string")),
    // Values: `enum`, `minimum`/`maximum`, `pattern`, `minItems`, `uniqueItems`, `not`.
    ("empty-message.toml", Rejects("`message = \"\"`: `minLength: 1`")),
    ("status-not-an-error.toml", Rejects("`status = 200` is below the minimum, 400")),
    ("status-out-of-range.toml", Rejects("`status = 700` is above the maximum, 599")),
    ("status-key-not-canonical.toml", Rejects("`[status.0404]` does not match `^[1-5][0-9][0-9]$`")),
    ("invalid-code-empty.toml", Rejects("`code = \"\"` does not match the code pattern")),
    ("invalid-code-space.toml", Rejects("`code = \"12 7\"`: a space is not a code character")),
    ("invalid-code-retired-empty.toml", Rejects("the retired code `\"\"` does not match the code pattern")),
    ("invalid-code-retired-space.toml", Rejects("the retired code `1 05` has a space")),
    ("invalid-code-leading-zero.toml", Rejects("with `code_type = \"integer\"`, `0129` has a leading zero")),
    ("invalid-code-not-integer.toml", Rejects("with `code_type = \"integer\"`, `E129` is not an integer")),
    ("invalid-code-retired-not-integer.toml", Rejects("with `code_type = \"integer\"`, the retired code `E105` is not an integer")),
    ("invalid-docs-url.toml", Rejects("`docs_url` has a fragment, `#list`")),
    ("invalid-docs-url-relative.toml", Rejects("`docs_url = \"errors.html\"` has no `http` or `https` scheme")),
    ("invalid-problem-base-relative.toml", Rejects("`problem_base = \"problems/\"` has no scheme")),
    ("invalid-problem-base-space.toml", Rejects("`problem_base` has a space")),
    ("invalid-enum-empty.toml", Rejects("`values = []`: `minItems: 1`")),
    ("invalid-enum-empty-field-type.toml", Rejects("`values = []`: `minItems: 1`")),
    ("invalid-enum-duplicate.toml", Rejects("`EXPORT` twice: `uniqueItems`")),
    ("invalid-enum-leading-space.toml", Rejects("the value `\" IMPORT\"` starts with a space")),
    ("invalid-enum-control-char.toml", Rejects("the value `\"IM\\tPORT\"` has a control character")),
    ("invalid-field-name.toml", Rejects("`fields.orgId` is not snake_case")),
    ("invalid-type-name.toml", Rejects("`[types.job]` is not UpperCamelCase")),
    ("invalid-type-name-prelude.toml", Rejects("`[types.Result]` is a name of Rust's prelude")),
    ("invalid-variant-name.toml", Rejects("`[errors.storage_not_found]` is not UpperCamelCase")),
    ("invalid-variant-name-keyword.toml", Rejects("`[errors.Self]` is a keyword")),
    ("invalid-wire-code-type.toml", Rejects("`code_type = \"number\"` is not `string` or `integer`")),
    ("invalid-wire-empty.toml", Rejects("an empty location is neither a key nor a pointer")),
    ("invalid-wire-slash-in-key.toml", Rejects("`error/code` is a bare key with a `/`")),
    ("invalid-wire-empty-segment.toml", Rejects("`/error//code` has an empty segment")),
    ("invalid-wire-bad-escape.toml", Rejects("`/error/~code` has a `~` that is not `~0` or `~1`")),
    ("invalid-wire-header.toml", Rejects("`x error code` has spaces, which a header name cannot")),
    ("unknown-field-type.toml", Rejects("`type = \"string\"`: type names are case-sensitive")),
    ("unknown-field-type-float.toml", Rejects("`f64` is none of the field type forms")),
    // Not TOML.
    ("toml-syntax-duplicate-key.toml", NotToml),
    ("toml-syntax-unclosed-string.toml", NotToml),
    // What a schema cannot express: relations between values, the text inside a message
    // template, and examples checked against their types.
    ("adjacent-placeholders.toml", Accepts("whether two placeholders can be split depends on their types")),
    ("ambiguous-templates.toml", Accepts("compares the templates of two entries")),
    ("overlapping-one-side.toml", Accepts("compares the templates and flags of two entries")),
    ("duplicate-code.toml", Accepts("a code unique across entries is a relation between tables")),
    ("invalid-locale.toml", Rejects("`de_CH` does not have the shape of a language tag")),
    ("undeclared-locale.toml", Accepts("a translation's locale in `locales` compares two tables")),
    ("duplicate-translation.toml", Accepts("a translation into the default locale compares two keys")),
    ("translation-placeholders.toml", Accepts("placeholders are the template grammar's")),
    ("ambiguous-translations.toml", Accepts("compares the templates of two entries")),
    ("retired-code.toml", Accepts("compares an entry's code with the keys of `[retired]`")),
    ("status-not-in-table.toml", Accepts("compares an entry's status with the keys of `[status]`")),
    ("name-collision.toml", Accepts("compares names with each other, without case")),
    ("unused-field.toml", Accepts("compares a field's name with the placeholders of the message")),
    ("invalid-retry-after-no-field.toml", Accepts("`retry_after` must name a placeholder of the message")),
    ("invalid-retry-after-string.toml", Accepts("`retry_after` must name a field whose type is an integer")),
    ("empty-placeholder.toml", Accepts("`{}` is inside the message's text")),
    ("invalid-placeholder-name.toml", Accepts("a placeholder's name is inside the message's text")),
    ("invalid-field-name-keyword.toml", Accepts("`{self}` is inside the message's text")),
    ("unbalanced-brace-stray.toml", Accepts("a brace inside the message's text")),
    ("unbalanced-brace-unclosed.toml", Accepts("a brace inside the message's text")),
    ("invalid-example-enum.toml", Accepts("an example is checked against its field's type")),
    ("invalid-example-external.toml", Accepts("an external type's example is required by its type")),
    ("invalid-example-integer.toml", Accepts("an example is checked against its field's type")),
    ("invalid-example-round-trip.toml", Accepts("the message rendered with the examples must split back")),
    ("invalid-code-too-big.toml", Accepts("the pattern of integer codes does not check the range of `i64`")),
    ("invalid-wire-header-reserved.toml", Accepts("reserved header names are compared without case")),
    ("wire-conflict-same-place.toml", Accepts("compares wire locations with each other")),
    ("wire-conflict-inside.toml", Accepts("compares wire locations with each other")),
    ("wire-conflict-holds.toml", Accepts("compares wire locations with each other")),
    ("wire-conflict-constant-at-code.toml", Accepts("compares wire locations with each other")),
    ("wire-conflict-status.toml", Accepts("compares wire locations with each other")),
    ("wire-conflict-fields.toml", Accepts("compares wire locations with each other")),
];

/// The directories that hold the repository's catalogs, relative to the workspace root.
const CATALOG_DIRS: [&str; 7] = [
    "catalog",
    "examples",
    "tests/catalogs",
    "tests/ui",
    "error-catalog-cli/tests/catalogs",
    "fuzz/targets/catalogs",
    "error-catalog-codegen/src/typescript/tests/fixtures",
];

/// The rules whose mistakes are in the shape of the TOML: the schema rejects each of them.
const SHAPE_RULES: [&str; 3] = ["unknown-key", "missing-key", "wrong-type"];

/// One catalog, with the validator's verdict.
struct Catalog {
    /// Where it comes from: a path relative to the workspace root, or a document's block.
    name: String,
    /// The TOML.
    text: String,
    /// The rules the validator reports, empty when the catalog is valid.
    rules: Vec<&'static str>,
}

impl Catalog {
    fn new(name: String, text: String) -> Self {
        let source = Source::new(name.clone(), format!("/{name}"), text.clone());
        let rules = match load(&source) {
            Ok(_) => Vec::new(),
            Err(diagnostics) => diagnostics.iter().map(|d| d.rule.name()).collect(),
        };
        Catalog { name, text, rules }
    }
}

/// The schema's verdict on a catalog.
#[derive(Debug, PartialEq)]
enum Verdict {
    Valid,
    /// The schema's errors, each at its place in the document.
    Invalid(Vec<String>),
    /// Python's TOML parser rejects the file.
    NotToml(String),
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests package is in the workspace")
        .to_owned()
}

/// Whether `python3` has `tomllib` (Python 3.11) and `jsonschema`; panics when it has not and
/// the validators are required.
fn python_has_jsonschema() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import tomllib, jsonschema"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        assert!(
            std::env::var(REQUIRE).as_deref() != Ok("1"),
            "{REQUIRE}=1 but python3 cannot import tomllib and jsonschema: \
             Python 3.11 or later, and python3 -m pip install openapi-spec-validator"
        );
        eprintln!("skipped: python3 cannot import tomllib and jsonschema");
    }
    found
}

/// Reads each catalog as TOML and applies the schema to it, in one Python process.
const VALIDATE: &str = r#"
import json, sys, tomllib, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
verdicts = []
for text in json.load(sys.stdin):
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        verdicts.append({"toml": str(error)})
        continue
    errors = ["/" + "/".join(str(p) for p in error.absolute_path) + ": " + error.message
              for error in validator.iter_errors(document)]
    verdicts.append({"errors": errors})
json.dump(verdicts, sys.stdout)
"#;

fn verdicts(catalogs: &[Catalog]) -> Vec<Verdict> {
    let schema = workspace().join("docs/catalog.schema.json");
    let mut child = Command::new("python3")
        .args(["-c", VALIDATE])
        .arg(&schema)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let texts: Vec<&str> = catalogs.iter().map(|c| c.text.as_str()).collect();
    let input = serde_json::to_vec(&texts).expect("JSON");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&input)
        .expect("written to python3");
    let output = child.wait_with_output().expect("python3 ends");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let verdicts: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("a JSON array");
    assert_eq!(verdicts.len(), catalogs.len());
    verdicts
        .into_iter()
        .map(
            |verdict| match (verdict.get("toml"), verdict.get("errors")) {
                (Some(error), _) => Verdict::NotToml(error.as_str().unwrap_or_default().to_owned()),
                (None, Some(serde_json::Value::Array(errors))) if errors.is_empty() => {
                    Verdict::Valid
                }
                (None, Some(serde_json::Value::Array(errors))) => Verdict::Invalid(
                    errors
                        .iter()
                        .map(|e| e.as_str().unwrap_or_default().to_owned())
                        .collect(),
                ),
                _ => panic!("unexpected verdict {verdict}"),
            },
        )
        .collect()
}

/// The `*.toml` files under `dir`, recursively, sorted; `Cargo.toml` aside. Directories
/// named `target`, `node_modules` or starting with `.` are skipped.
fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if path.is_dir() {
            if name != "target" && name != "node_modules" && !name.starts_with('.') {
                toml_files(&path, out);
            }
        } else if name.ends_with(".toml") && name != "Cargo.toml" && !name.starts_with('.') {
            out.push(path);
        }
    }
}

/// The path of `path` relative to the workspace root, with `/`.
fn relative(path: &Path) -> String {
    let root = workspace();
    let relative = path.strip_prefix(&root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The repository's catalog files: every `*.toml` of [`CATALOG_DIRS`]. A file elsewhere that
/// looks like a catalog (a `[catalog]` line) fails the test: its directory belongs in the
/// list, and in `.taplo.toml`.
fn repository_catalogs() -> Vec<Catalog> {
    let root = workspace();
    let mut everywhere = Vec::new();
    toml_files(&root, &mut everywhere);
    let mut catalogs = Vec::new();
    for path in everywhere {
        let name = relative(&path);
        let text = std::fs::read_to_string(&path).expect("a readable file");
        let listed = CATALOG_DIRS
            .iter()
            .any(|dir| name.starts_with(&format!("{dir}/")));
        if listed {
            catalogs.push(Catalog::new(name, text));
        } else {
            assert!(
                !text.lines().any(|line| line.trim() == "[catalog]"),
                "{name} looks like a catalog outside the directories this test reads: \
                 add its directory to CATALOG_DIRS and to `.taplo.toml`"
            );
        }
    }
    catalogs
}

/// The catalogs the documents show: every complete catalog (a TOML block that starts with
/// `[catalog]`), and the format document's "other cases", each a catalog with a one-line
/// change.
fn document_catalogs() -> Vec<Catalog> {
    let mut catalogs = Vec::new();
    for relative in ["../docs/catalog-format.md", "../README.md"] {
        let markdown = document(relative);
        let name = relative.trim_start_matches("../");
        for (index, (info, body, _)) in blocks(&markdown).into_iter().enumerate() {
            if info == "toml" && is_catalog(&body) {
                catalogs.push(Catalog::new(format!("{name}, block {index}"), body));
            }
        }
        for case in other_cases(&markdown) {
            catalogs.push(Catalog::new(
                format!("{name}, the case `{}`", case.bullet.trim()),
                case.changed,
            ));
        }
    }
    catalogs
}

/// A valid catalog with a table of every kind, each table given as a header of its own, and
/// the same with an unknown key added to one table, for each table: the validator rejects each
/// with `unknown-key`, and so must the schema.
fn unknown_key_catalogs() -> Vec<Catalog> {
    let valid = "[catalog]\ntitle = \"T\"\n\n[catalog.wire]\ncode = \"c\"\nmessage = \"m\"\n\n\
                 [status.404]\n\n[types.Job]\nvalues = [\"A\"]\n\n[errors.Gone]\ncode = \"1\"\n\
                 status = 404\nmessage = \"{id} {job}\"\n\n[errors.Gone.fields.id]\n\
                 type = \"String\"\n\n[errors.Gone.fields.job]\ntype = \"Job\"\n\n\
                 [retired]\n\"2\" = \"\"\n";
    let mut catalogs = vec![Catalog::new(
        "a table of every kind".to_owned(),
        valid.to_owned(),
    )];
    let headers = valid.lines().filter(|line| line.starts_with('['));
    for header in std::iter::once("").chain(headers) {
        let text = match header {
            "" => format!("unknown = 1\n{valid}"),
            header => valid.replacen(
                &format!("{header}\n"),
                &format!("{header}\nunknown = 1\n"),
                1,
            ),
        };
        let catalog = Catalog::new(format!("an unknown key in `{header}`"), text);
        assert!(
            catalog.rules.iter().any(|rule| SHAPE_RULES.contains(rule)),
            "{}: {:?}",
            catalog.name,
            catalog.rules
        );
        catalogs.push(catalog);
    }
    assert_eq!(
        catalogs[0].rules, [""; 0],
        "the catalog of every table is valid"
    );
    catalogs
}

/// What is wrong with the schema's `verdict` on `catalog`, given the validator's.
fn disagreement(catalog: &Catalog, verdict: &Verdict) -> Option<String> {
    let shape = catalog.rules.iter().any(|rule| SHAPE_RULES.contains(rule));
    let syntax = catalog.rules.contains(&"toml-syntax");
    let why = match verdict {
        Verdict::Invalid(errors) if catalog.rules.is_empty() => format!(
            "the validator accepts it, the schema does not:\n  {}",
            errors.join("\n  ")
        ),
        Verdict::NotToml(error) if !syntax => format!("Python cannot read it as TOML: {error}"),
        Verdict::Valid if shape => format!(
            "the validator reports {:?}, which the schema must reject, but it accepts it",
            catalog.rules
        ),
        Verdict::Valid | Verdict::Invalid(_) if syntax => {
            "the validator finds a TOML syntax error, Python's TOML parser none".to_owned()
        }
        _ => return None,
    };
    Some(format!("{}: {why}", catalog.name))
}

#[test]
fn the_catalog_schema_agrees_with_the_validator() {
    if !python_has_jsonschema() {
        return;
    }
    let repository = repository_catalogs();
    let files = repository.len();
    let documents = document_catalogs();
    let catalogs: Vec<Catalog> = repository
        .into_iter()
        .chain(documents)
        .chain(unknown_key_catalogs())
        .collect();
    let verdicts = verdicts(&catalogs);

    let mut failures: Vec<String> = catalogs
        .iter()
        .zip(&verdicts)
        .filter_map(|(catalog, verdict)| disagreement(catalog, verdict))
        .collect();

    // The catalogs of the UI tests: exactly those the validator rejects are listed, each
    // with the schema's verdict.
    let mut listed: Vec<&str> = UI_CATALOGS.iter().map(|(file, _)| *file).collect();
    for (catalog, verdict) in catalogs.iter().zip(&verdicts) {
        let Some(file) = catalog.name.strip_prefix("tests/ui/") else {
            continue;
        };
        let entry = UI_CATALOGS.iter().find(|(listed, _)| *listed == file);
        listed.retain(|listed| *listed != file);
        let expected = match (entry, catalog.rules.is_empty()) {
            (None, true) => continue,
            (None, false) => {
                failures.push(format!(
                    "{}: the validator rejects it ({:?}): add it to UI_CATALOGS with what the \
                     schema says and why",
                    catalog.name, catalog.rules
                ));
                continue;
            }
            (Some(_), true) => {
                failures.push(format!(
                    "{}: listed in UI_CATALOGS, but the validator accepts it",
                    catalog.name
                ));
                continue;
            }
            (Some((_, expected)), false) => *expected,
        };
        let agrees = matches!(
            (expected, verdict),
            (Rejects(_), Verdict::Invalid(_))
                | (Accepts(_), Verdict::Valid)
                | (NotToml, Verdict::NotToml(_))
        );
        if !agrees {
            failures.push(format!(
                "{}: UI_CATALOGS says {expected:?}, the schema says {verdict:?}",
                catalog.name
            ));
        }
        if let Accepts(_) = expected
            && catalog.rules.iter().any(|rule| SHAPE_RULES.contains(rule))
        {
            failures.push(format!(
                "{}: the schema must reject a shape mistake ({:?})",
                catalog.name, catalog.rules
            ));
        }
    }
    for file in listed {
        failures.push(format!(
            "tests/ui/{file}: listed in UI_CATALOGS, but no such file"
        ));
    }

    assert!(
        failures.is_empty(),
        "{} disagreements between the schema and the validator:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );

    // Neither side of the comparison is empty: a slip in finding the catalogs must not make
    // the test vacuous.
    let count =
        |from: &[Catalog], valid: bool| from.iter().filter(|c| c.rules.is_empty() == valid).count();
    let (files, documents) = catalogs.split_at(files);
    assert!(
        count(files, true) >= 30,
        "{} valid catalog files",
        count(files, true)
    );
    assert!(
        count(files, false) >= 70,
        "{} invalid catalog files",
        count(files, false)
    );
    assert!(
        count(documents, true) >= 10,
        "{} valid catalogs in documents",
        count(documents, true)
    );
    assert!(
        count(documents, false) >= 50,
        "{} invalid catalogs in documents",
        count(documents, false)
    );
}

/// Whether `path` matches the glob `pattern` of `.taplo.toml`: `*` is any text within a
/// path segment, `**/` any number of directories.
fn glob_matches(pattern: &str, path: &str) -> bool {
    if let Some(rest) = pattern.strip_prefix("**/") {
        return glob_matches(rest, path)
            || path
                .split_once('/')
                .is_some_and(|(_, tail)| glob_matches(pattern, tail));
    }
    match (pattern.split_once('/'), path.split_once('/')) {
        (Some((p, p_rest)), Some((s, s_rest))) => {
            segment_matches(p, s) && glob_matches(p_rest, s_rest)
        }
        (None, None) => segment_matches(pattern, path),
        _ => false,
    }
}

/// Whether one path segment matches a glob segment with `*`.
fn segment_matches(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((prefix, rest)) => {
            let Some(text) = text.strip_prefix(prefix) else {
                return false;
            };
            (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .any(|i| segment_matches(rest, &text[i..]))
        }
    }
}

/// The string arrays `include = [...]` of `.taplo.toml`, in order: the files that
/// `taplo lint` reads, then those of each `[[rule]]`.
fn taplo_includes(text: &str) -> Vec<Vec<String>> {
    let mut arrays = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "include = [" {
            continue;
        }
        let array = lines
            .by_ref()
            .take_while(|line| line.trim() != "]")
            .map(|line| {
                line.trim()
                    .trim_end_matches(',')
                    .trim_matches('"')
                    .to_owned()
            })
            .collect();
        arrays.push(array);
    }
    arrays
}

#[test]
fn glob_matching_as_taplo_does() {
    assert!(glob_matches(
        "catalog/*.toml",
        "catalog/backup-restore.toml"
    ));
    assert!(!glob_matches(
        "catalog/*.toml",
        "catalog/sub/backup-restore.toml"
    ));
    assert!(glob_matches(
        "tests/catalogs/**/*.toml",
        "tests/catalogs/empty.toml"
    ));
    assert!(glob_matches(
        "tests/catalogs/**/*.toml",
        "tests/catalogs/wire/azure.toml"
    ));
    assert!(!glob_matches(
        "tests/catalogs/**/*.toml",
        "tests/ui/unknown-key.toml"
    ));
}

/// `.ci/run` runs `taplo lint` over the files of `.taplo.toml`: they are every valid catalog
/// of the repository, and each gets the schema.
#[test]
fn taplo_configuration_covers_every_valid_catalog() {
    let config = std::fs::read_to_string(workspace().join(".taplo.toml")).expect(".taplo.toml");
    assert!(
        config.contains("path = \"./docs/catalog.schema.json\""),
        "{config}"
    );
    let includes = taplo_includes(&config);
    assert_eq!(includes.len(), 2, "`include` and the rule's: {includes:?}");
    let mut covered = 0;
    for catalog in repository_catalogs() {
        let in_ui = catalog.name.starts_with("tests/ui/");
        for (n, include) in includes.iter().enumerate() {
            let matched = include.iter().any(|glob| glob_matches(glob, &catalog.name));
            if in_ui {
                // Wrong on purpose, or used only by a UI test: not linted.
                assert!(!matched, "{} is in include array {n}", catalog.name);
            } else {
                assert!(
                    matched,
                    "{} is not in include array {n} of .taplo.toml",
                    catalog.name
                );
                assert!(catalog.rules.is_empty(), "{} is not valid", catalog.name);
            }
        }
        covered += usize::from(!in_ui);
    }
    assert!(covered >= 30, "only {covered} catalogs");
}
