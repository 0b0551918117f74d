//! The feature `utoipa`: every generated enum, derived enum, `Problem<E>` and `Caused<E>` is a
//! `utoipa::IntoResponses` and a `utoipa::ToSchema`. For every enum of every wire shape: one
//! response per status that its entries use, each example named after its entry, summarized by
//! its doc's first line, and equal to the body the server sends for the enum's example value,
//! a body that the response's own schema accepts.

use std::collections::BTreeSet;

use error_catalog::__private::Generated;
use error_catalog::{Caused, CodeType, ErrorSpec, Problem};
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::{IntoResponses, PartialSchema, ToSchema};

use crate::backup_restore::BackupError;
use crate::derive::StorageError;
use crate::problem::integer::IntegerError;
use crate::problem::problem::ProblemError;
use crate::wire_shapes::{
    azure::AzureError, flat::FlatError, google::GoogleError, kubernetes::KubeError,
    odata::TableError, translator::TranslatorError, twilio::TwilioError,
};

/// `E::examples()`, the inherent function of every generated enum, for a type parameter.
fn examples<E: Generated>() -> Vec<E> {
    error_catalog::__private::examples::<E>()
}

fn responses<E: IntoResponses>() -> Value {
    serde_json::to_value(E::responses()).expect("responses serialize")
}

fn schema<E: PartialSchema>() -> Value {
    serde_json::to_value(E::schema()).expect("a schema serializes")
}

/// The summary an example of `spec` has: its doc's first line, or its code and template.
fn summary(spec: &ErrorSpec) -> String {
    match spec
        .doc
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
    {
        Some(line) => line.to_owned(),
        None => format!("{}: {}", spec.code, spec.message),
    }
}

/// Whether `value` is what `schema` accepts, for the keywords the schemas use: `type` (one or
/// several), `enum`, `required` and `properties`; `Err` says where it is not.
fn conforms(schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let is = |ty: &str| match ty {
        "object" => value.is_object(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        other => panic!("a type the schemas do not use: {other}"),
    };
    let types: Vec<&str> = match &schema["type"] {
        Value::String(ty) => vec![ty.as_str()],
        Value::Array(types) => types.iter().filter_map(Value::as_str).collect(),
        other => return Err(format!("{at}: no type in the schema: {other}")),
    };
    if !types.iter().any(|ty| is(ty)) {
        return Err(format!("{at}: {value} is not of type {types:?}"));
    }
    if let Some(values) = schema["enum"].as_array()
        && !values.contains(value)
    {
        return Err(format!("{at}: {value} is none of {values:?}"));
    }
    for key in schema["required"].as_array().into_iter().flatten() {
        let key = key.as_str().expect("a key");
        if value.get(key).is_none() {
            return Err(format!("{at}: no member {key:?} in {value}"));
        }
    }
    if let Some(properties) = schema["properties"].as_object() {
        for (key, property) in properties {
            if let Some(member) = value.get(key) {
                conforms(property, member, &format!("{at}/{key}"))?;
            }
        }
    }
    Ok(())
}

/// The codes of `E`'s entries in the schema's `enum`, in catalog order.
fn codes<E: Generated>(integer: bool) -> Vec<Value> {
    let mut codes: Vec<Value> = Vec::new();
    for spec in E::specs() {
        let covered = examples::<E>()
            .iter()
            .any(|value| value.spec().name == spec.name);
        let code = if integer {
            json!(spec.code.parse::<i64>().expect("an integer code"))
        } else {
            json!(spec.code)
        };
        if covered && !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// `R`'s responses document exactly the entries of `E`: one response per status they use,
/// each with the media type `media`, and one example per entry under the entry's name, with
/// its doc's first line as summary and as value the body that `body` makes of `E`'s example
/// value, which the response's schema accepts.
fn documents_what_is_sent<E, R, D>(media: &str, body: impl Fn(E) -> D)
where
    E: Generated,
    R: IntoResponses,
    D: Serialize,
{
    let responses = responses::<R>();
    let responses = responses.as_object().expect("an object");
    let examples = examples::<E>();
    let statuses: BTreeSet<String> = examples
        .iter()
        .map(|value| value.spec().status.to_string())
        .collect();
    let keys: BTreeSet<String> = responses.keys().cloned().collect();
    assert_eq!(keys, statuses, "one response per status of the entries");

    let mut count = 0;
    for value in examples {
        let spec = value.spec();
        let response = &responses[&spec.status.to_string()];
        let content = response["content"].as_object().expect("content");
        assert_eq!(content.keys().collect::<Vec<_>>(), [media], "{}", spec.name);
        let example = &content[media]["examples"][spec.name];
        assert_eq!(example["summary"], summary(spec), "{}", spec.name);
        let sent = serde_json::to_value(body(value)).expect("the body serializes");
        assert_eq!(example["value"], sent, "{}", spec.name);
        conforms(&content[media]["schema"], &sent, spec.name).unwrap();
        count += 1;
    }
    let documented: usize = responses
        .values()
        .map(|response| {
            response["content"][media]["examples"]
                .as_object()
                .map_or(0, |examples| examples.len())
        })
        .sum();
    assert_eq!(documented, count, "one example per entry, no other");
}

/// `E`'s responses and schema, in its catalog's own shape.
fn documents_its_wire_shape<E>()
where
    E: Generated + IntoResponses + ToSchema + Serialize,
{
    let integer_codes = E::catalog().wire.code_type == CodeType::Integer;
    documents_what_is_sent::<E, E, E>("application/json", |value| value);
    let schema = schema::<E>();
    for response in responses::<E>().as_object().expect("an object").values() {
        assert_eq!(response["content"]["application/json"]["schema"], schema);
    }
    let code = E::catalog().wire.code.trim_start_matches('/').split('/');
    let code = code.fold(&schema, |schema, key| &schema["properties"][key]);
    let title = E::catalog().title;
    assert_eq!(
        code["type"],
        if integer_codes { "integer" } else { "string" },
        "{title}"
    );
    assert_eq!(
        code["enum"],
        Value::Array(codes::<E>(integer_codes)),
        "{title}"
    );
}

#[test]
fn the_seed_catalog_documents_every_entry_as_it_is_sent() {
    documents_its_wire_shape::<BackupError>();
    insta::assert_snapshot!(serde_json::to_string_pretty(&BackupError::responses()).expect("JSON"));
}

#[test]
fn every_wire_shape_documents_the_body_the_server_sends() {
    documents_its_wire_shape::<FlatError>();
    documents_its_wire_shape::<AzureError>();
    documents_its_wire_shape::<KubeError>();
    documents_its_wire_shape::<TableError>();
    documents_its_wire_shape::<GoogleError>();
    documents_its_wire_shape::<TwilioError>();
    documents_its_wire_shape::<TranslatorError>();
    documents_its_wire_shape::<ProblemError>();
    documents_its_wire_shape::<IntegerError>();
}

#[test]
fn a_nested_shape_has_an_object_schema_at_each_pointer() {
    let kube = schema::<KubeError>();
    assert_eq!(
        kube["required"],
        json!(["reason", "message", "code", "kind", "apiVersion", "status"])
    );
    assert_eq!(kube["properties"]["code"]["type"], "integer");
    assert_eq!(kube["properties"]["kind"]["enum"], json!(["Status"]));

    let azure = schema::<AzureError>();
    assert_eq!(azure["required"], json!(["error"]));
    let error = &azure["properties"]["error"];
    assert_eq!(error["type"], "object");
    assert_eq!(error["required"], json!(["code", "message"]));
    assert_eq!(error["properties"]["message"]["type"], "string");
}

#[test]
fn integer_codes_are_an_integer_enum() {
    let schema = schema::<TwilioError>();
    let code = &schema["properties"]["code"];
    assert_eq!(code["type"], "integer");
    assert!(code["enum"].as_array().unwrap().iter().all(Value::is_i64));
    assert_eq!(schema["properties"]["status"]["type"], "integer");
}

#[test]
fn the_code_header_and_retry_after_are_declared() {
    let azure = responses::<AzureError>();
    for response in azure.as_object().unwrap().values() {
        let header = &response["headers"]["x-ms-error-code"];
        assert_eq!(header["schema"]["type"], "string");
        assert_eq!(
            header["schema"]["enum"],
            Value::Array(codes::<AzureError>(false))
        );
    }

    let problem = responses::<ProblemError>();
    let retry = &problem["429"]["headers"]["Retry-After"];
    assert_eq!(retry["schema"], json!({"type": "integer", "minimum": 0}));
    assert_eq!(
        retry["description"],
        "How many seconds to wait before retrying: the field `seconds` of RateLimited."
    );
    assert!(problem["404"]["headers"].get("Retry-After").is_none());
    // No reason in the status table: the canonical one.
    assert_eq!(problem["404"]["description"], "404 Not Found");
    assert_eq!(problem["429"]["description"], "429 Slow Down");
}

#[test]
fn a_derived_subset_documents_only_its_own_entries() {
    documents_its_wire_shape::<StorageError>();
    let storage = responses::<StorageError>();
    let names: BTreeSet<&str> = storage
        .as_object()
        .unwrap()
        .values()
        .flat_map(|response| {
            response["content"]["application/json"]["examples"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
        })
        .collect();
    // The entries' names, not the variants' (`NameTaken` holds `ConflictingStorageName`).
    assert_eq!(
        names,
        BTreeSet::from([
            "StorageNotFound",
            "ConflictingStorageName",
            "RestoreAlreadyExists",
            "BackupIdNotFoundForImport"
        ])
    );
    // Their codes, in catalog order; 113 is shared with an entry the enum leaves out.
    let codes: Vec<&str> = BackupError::specs()
        .iter()
        .filter(|spec| names.contains(spec.name))
        .map(|spec| spec.code)
        .collect();
    assert_eq!(codes.len(), 4);
    assert_eq!(
        schema::<StorageError>()["properties"]["errorCode"]["enum"],
        json!(codes)
    );
}

#[test]
fn problem_details_are_documented_as_problem_json() {
    const PROBLEM_JSON: &str = "application/problem+json";
    documents_what_is_sent::<BackupError, Problem<BackupError>, _>(PROBLEM_JSON, Problem);
    documents_what_is_sent::<ProblemError, Problem<ProblemError>, _>(PROBLEM_JSON, Problem);
    documents_what_is_sent::<IntegerError, Problem<IntegerError>, _>(PROBLEM_JSON, Problem);
    let schema = schema::<Problem<IntegerError>>();
    assert_eq!(
        schema["required"],
        json!(["type", "title", "status", "detail", "code"])
    );
    assert_eq!(schema["properties"]["code"]["type"], "integer");
    assert_eq!(Problem::<BackupError>::name(), "BackupErrorProblem");
    let problem = responses::<Problem<ProblemError>>();
    assert_eq!(
        problem["400"]["content"]["application/problem+json"]["examples"]["BadType"]["value"]["field_type"],
        "folder"
    );
}

#[test]
fn schemas_are_named_after_the_enum_and_caused_is_the_error() {
    assert_eq!(BackupError::name(), "BackupError");
    assert_eq!(StorageError::name(), "StorageError");
    assert_eq!(Caused::<BackupError>::name(), "BackupError");
    assert_eq!(
        responses::<Caused<BackupError>>(),
        responses::<BackupError>()
    );
    assert_eq!(schema::<Caused<StorageError>>(), schema::<StorageError>());
}

/// utoipa's types hold the runtime's OpenAPI fragments whole, except a header's `required`,
/// which utoipa's `Header` has no field for.
#[test]
fn utoipa_holds_the_fragments_but_a_header_required() {
    fn check<E: Generated + IntoResponses + Serialize>() {
        let errors = error_catalog::openapi::errors::<E>();
        for status in errors.statuses() {
            let mut fragment = serde_json::to_value(errors.response(status)).unwrap();
            if let Some(headers) = fragment.get_mut("headers").and_then(Value::as_object_mut) {
                for header in headers.values_mut() {
                    header.as_object_mut().unwrap().remove("required");
                }
            }
            assert_eq!(responses::<E>()[status.to_string()], fragment);
        }
    }
    check::<BackupError>();
    check::<StorageError>();
    check::<AzureError>();
    check::<KubeError>();
    check::<TableError>();
    check::<TwilioError>();
    check::<ProblemError>();
}
