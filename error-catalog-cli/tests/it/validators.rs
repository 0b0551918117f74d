//! The OpenAPI document through a real validator, the Python `openapi-spec-validator`, and
//! the JSON output through its JSON Schema with the Python `jsonschema` (a dependency of the
//! validator). Where Python lacks them the tests say so and pass, unless
//! `ERROR_CATALOG_REQUIRE_VALIDATORS=1` (as `.ci/run` sets it), where they fail.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{required, root, run, temp_dir};

const REQUIRE: &str = "ERROR_CATALOG_REQUIRE_VALIDATORS";

/// Whether `python3` can import `module`; panics when it cannot and the validators are
/// required.
fn python_has(module: &str) -> bool {
    let found = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        assert!(
            !required(REQUIRE),
            "{REQUIRE}=1 but python3 cannot import {module}: \
             python3 -m pip install openapi-spec-validator"
        );
        eprintln!("skipped: python3 cannot import {module}");
    }
    found
}

/// Runs `python3 -m openapi_spec_validator FILE...` on every file at once (one Python start,
/// not one per file): whether it passed, and what it printed. The command stops at the first
/// invalid file.
fn validate_openapi(files: &[PathBuf]) -> (bool, String) {
    let output = Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .args(files)
        .output()
        .expect("python3 runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

/// Runs `script` with `args` in one `python3`, and its standard output as lines; panics with
/// its standard error when it fails.
fn python_lines(script: &str, args: &[PathBuf]) -> Vec<String> {
    let output = Command::new("python3")
        .args(["-c", script])
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// A catalog's file name without its directory and extension.
fn stem(catalog: &str) -> String {
    Path::new(catalog)
        .file_stem()
        .unwrap_or_default()
        .display()
        .to_string()
}

/// The catalogs both validators read: the seed, one full of markup, one with every feature,
/// one with no errors, and the nested wire shapes: a Kubernetes `Status` object (status and
/// constants), an OData error (a dotted key, a message object with a constant beside it, a
/// header), integer codes under `/error` with a header, and retries with a fields object and
/// problem types.
const CATALOGS: [&str; 8] = [
    "catalog/backup-restore.toml",
    "error-catalog-cli/tests/catalogs/hostile.toml",
    "tests/catalogs/kitchen-sink.toml",
    "tests/catalogs/empty.toml",
    "error-catalog-cli/tests/catalogs/kubernetes-status.toml",
    "error-catalog-cli/tests/catalogs/odata.toml",
    "error-catalog-cli/tests/catalogs/integer-codes.toml",
    "error-catalog-cli/tests/catalogs/retries.toml",
];

#[test]
fn openapi_documents_pass_openapi_spec_validator() {
    if !python_has("openapi_spec_validator") {
        return;
    }
    let dir = temp_dir("openapi");
    let mut documents = Vec::new();
    let mut broken = Vec::new();
    for catalog in CATALOGS {
        let run = run(&["docs", catalog, "--format", "openapi"]);
        assert_eq!(run.code, 0, "{catalog}: {}", run.stderr);
        let file = dir.join(format!("{}.json", stem(catalog)));
        std::fs::write(&file, &run.stdout).expect("written");
        documents.push(file);

        // Without `info`, a document is not OpenAPI.
        let mut document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        document.as_object_mut().expect("an object").remove("info");
        let file = dir.join(format!("{}-without-info.json", stem(catalog)));
        std::fs::write(&file, document.to_string()).expect("written");
        broken.push(file);
    }

    let (valid, text) = validate_openapi(&documents);
    assert!(valid, "{text}");
    for file in &documents {
        assert!(
            text.lines()
                .any(|line| line == format!("{}: OK", file.display())),
            "{}: {text}",
            file.display()
        );
    }

    // The validator does reject the broken documents, each of them. The command stops at
    // the first invalid file, so these go through the same validator's Python function.
    let verdicts = python_lines(
        r#"
import sys, jsonschema
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename
for path in sys.argv[1:]:
    spec, _ = read_from_filename(path)
    try:
        validate(spec)
        print("valid")
    except jsonschema.exceptions.ValidationError as error:
        print("invalid: " + error.message)
"#,
        &broken,
    );
    assert_eq!(verdicts.len(), broken.len(), "{verdicts:?}");
    for (file, verdict) in broken.iter().zip(&verdicts) {
        assert!(
            verdict.starts_with("invalid: ") && verdict.contains("'info'"),
            "a document without info passed: {}: {verdict}",
            file.display()
        );
    }
}

#[test]
fn json_output_matches_its_json_schema() {
    if !python_has("jsonschema") {
        return;
    }
    let dir = temp_dir("json-schema");
    let schema = root().join("docs/error-catalog-1.schema.json");
    let mut files = vec![schema];
    for catalog in CATALOGS {
        let run = run(&["docs", catalog, "--format", "json"]);
        assert_eq!(run.code, 0, "{catalog}: {}", run.stderr);
        let file = dir.join(format!("{}.json", stem(catalog)));
        std::fs::write(&file, &run.stdout).expect("written");
        files.push(file);

        // And the schema rejects what breaks it.
        let mut json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        json["schema"] = "error-catalog/0".into();
        let file = dir.join(format!("{}-schema-0.json", stem(catalog)));
        std::fs::write(&file, json.to_string()).expect("written");
        files.push(file);
    }
    // The schema, then every file: one verdict a line.
    let verdicts = python_lines(
        r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    try:
        validator.validate(json.load(open(path)))
        print("valid")
    except jsonschema.ValidationError as error:
        print("invalid: " + error.message)
"#,
        &files,
    );
    assert_eq!(verdicts.len(), 2 * CATALOGS.len(), "{verdicts:?}");
    for (catalog, pair) in CATALOGS.iter().zip(verdicts.chunks(2)) {
        assert_eq!(pair[0], "valid", "{catalog}");
        assert!(
            pair[1].starts_with("invalid: "),
            "{catalog}: a wrong schema version passed: {}",
            pair[1]
        );
    }
}

/// Every example body of the OpenAPI document validates against `ErrorBody` (JSON Schema
/// 2020-12, as OpenAPI 3.1 reads it), and the schema rejects a body with a code not in the
/// catalog, and one with a member missing.
#[test]
fn openapi_examples_match_the_error_body_schema() {
    if !python_has("jsonschema") {
        return;
    }
    let dir = temp_dir("openapi-examples");
    let check = r#"
import copy, json, sys, jsonschema
for path in sys.argv[1:]:
    document = json.load(open(path))
    schema = document["components"]["schemas"]["ErrorBody"]
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    count = 0
    for response in document["components"]["responses"].values():
        for example in response["content"]["application/json"]["examples"].values():
            body = example["value"]
            validator.validate(body)
            count += 1
            # The code is the first leaf: the first member at every level of the body.
            wrong = copy.deepcopy(body)
            target = wrong
            while isinstance(target[next(iter(target))], dict):
                target = target[next(iter(target))]
            target[next(iter(target))] = "not-a-code-of-the-catalog"
            assert not validator.is_valid(wrong), path + ": a wrong code passed"
            missing = copy.deepcopy(body)
            missing.pop(next(iter(missing)))
            assert not validator.is_valid(missing), path + ": a body without its first member passed"
    print(count)
"#;
    let mut files = Vec::new();
    for catalog in CATALOGS {
        let run = run(&["docs", catalog, "--format", "openapi"]);
        assert_eq!(run.code, 0, "{catalog}: {}", run.stderr);
        let file = dir.join(format!("{}.json", stem(catalog)));
        std::fs::write(&file, &run.stdout).expect("written");
        files.push(file);
    }
    let counts = python_lines(check, &files);
    assert_eq!(counts.len(), CATALOGS.len(), "{counts:?}");
    for (catalog, count) in CATALOGS.iter().zip(&counts) {
        // As many examples as entries: none was skipped.
        let loaded = error_catalog_cli::load(&root().join(catalog)).expect("the catalog loads");
        assert_eq!(
            count.trim(),
            loaded.checked.entries.len().to_string(),
            "{catalog}"
        );
    }
}
