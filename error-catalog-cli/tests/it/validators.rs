//! The OpenAPI document through a real validator, the Python `openapi-spec-validator`, and
//! the JSON output through its JSON Schema with the Python `jsonschema` (a dependency of the
//! validator). Where Python lacks them the tests say so and pass, unless
//! `ERROR_CATALOG_REQUIRE_VALIDATORS=1` (as `.ci/run` sets it), where they fail.

use std::path::Path;
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

/// Runs `python3 -m openapi_spec_validator FILE`: whether it passed, and what it printed.
fn validate_openapi(file: &Path) -> (bool, String) {
    let output = Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(file)
        .output()
        .expect("python3 runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
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
    for catalog in CATALOGS {
        let run = run(&["docs", catalog, "--format", "openapi"]);
        assert_eq!(run.code, 0, "{catalog}: {}", run.stderr);
        let file = dir.join(format!(
            "{}.json",
            Path::new(catalog).file_stem().unwrap_or_default().display()
        ));
        std::fs::write(&file, &run.stdout).expect("written");
        let (valid, text) = validate_openapi(&file);
        assert!(valid, "{catalog}: {text}");
        assert!(text.contains("OK"), "{catalog}: {text}");

        // The validator does reject a broken document: without `info`, it is not OpenAPI.
        let mut document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        document.as_object_mut().expect("an object").remove("info");
        let broken = dir.join("broken.json");
        std::fs::write(&broken, document.to_string()).expect("written");
        let (valid, text) = validate_openapi(&broken);
        assert!(!valid, "a document without info passed: {text}");
    }
}

#[test]
fn json_output_matches_its_json_schema() {
    if !python_has("jsonschema") {
        return;
    }
    let dir = temp_dir("json-schema");
    let schema = root().join("docs/error-catalog-1.schema.json");
    let check = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
print("valid")
"#;
    for catalog in CATALOGS {
        let run = run(&["docs", catalog, "--format", "json"]);
        assert_eq!(run.code, 0, "{catalog}: {}", run.stderr);
        let file = dir.join("catalog.json");
        std::fs::write(&file, &run.stdout).expect("written");
        let output = Command::new("python3")
            .args(["-c", check])
            .arg(&schema)
            .arg(&file)
            .output()
            .expect("python3 runs");
        assert!(
            output.status.success() && output.stdout == b"valid\n",
            "{catalog}: {}",
            String::from_utf8_lossy(&output.stderr)
        );

        // And the schema does reject what breaks it.
        let mut json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        json["schema"] = "error-catalog/0".into();
        std::fs::write(&file, json.to_string()).expect("written");
        let output = Command::new("python3")
            .args(["-c", check])
            .arg(&schema)
            .arg(&file)
            .output()
            .expect("python3 runs");
        assert!(
            !output.status.success(),
            "{catalog}: a wrong schema version passed"
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
document = json.load(open(sys.argv[1]))
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
        assert not validator.is_valid(wrong), "a wrong code passed"
        missing = copy.deepcopy(body)
        missing.pop(next(iter(missing)))
        assert not validator.is_valid(missing), "a body without its first member passed"
print(count)
"#;
    for catalog in CATALOGS {
        let run = run(&["docs", catalog, "--format", "openapi"]);
        assert_eq!(run.code, 0, "{catalog}: {}", run.stderr);
        let file = dir.join("openapi.json");
        std::fs::write(&file, &run.stdout).expect("written");
        let output = Command::new("python3")
            .args(["-c", check])
            .arg(&file)
            .output()
            .expect("python3 runs");
        assert!(
            output.status.success(),
            "{catalog}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        // As many examples as entries: none was skipped.
        let loaded = error_catalog_cli::load(&root().join(catalog)).expect("the catalog loads");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout).trim(),
            loaded.checked.entries.len().to_string(),
            "{catalog}"
        );
    }
}
