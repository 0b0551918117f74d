//! The wire shapes of real APIs (`[catalog] wire`), one catalog each in `catalogs/wire/`: every
//! entry's example serializes to exactly the body written here, that body reads back as the
//! same variant, the generated docs show the same bytes, and bodies as the APIs really send
//! them (other members, another order) read as the catalog's variants.

use std::fmt::Debug;
use std::path::Path;

use error_catalog::{
    BodyError, CatalogError, CodeType, ConstantSpec, Unrecognized, UnrecognizedKind,
};
use http::StatusCode;
use serde::Serialize;

pub(crate) mod flat {
    #[error_catalog::catalog(path = "catalogs/wire/flat.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum FlatError {}
}
pub(crate) mod azure {
    #[error_catalog::catalog(path = "catalogs/wire/azure.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum AzureError {}
}
pub(crate) mod kubernetes {
    #[error_catalog::catalog(path = "catalogs/wire/kubernetes.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum KubeError {}
}
pub(crate) mod odata {
    #[error_catalog::catalog(path = "catalogs/wire/odata.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum TableError {}
}
pub(crate) mod google {
    #[error_catalog::catalog(path = "catalogs/wire/google.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum GoogleError {}
}
pub(crate) mod twilio {
    #[error_catalog::catalog(path = "catalogs/wire/twilio.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum TwilioError {}
}
pub(crate) mod translator {
    #[error_catalog::catalog(path = "catalogs/wire/translator.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum TranslatorError {}
}

use azure::AzureError;
use flat::FlatError;
use google::GoogleError;
use kubernetes::KubeError;
use odata::TableError;
use translator::TranslatorError;
use twilio::TwilioError;

/// For every entry of `E`'s catalog: the value its example message reads as serializes to
/// exactly the body `expected` gives for the entry's name, and that body reads back, with the
/// entry's status, as the same value. `expected` names every entry once.
fn round_trip_every_entry<E>(expected: &[(&str, &str)])
where
    E: CatalogError + Serialize + PartialEq + Debug,
{
    let specs = E::specs();
    let mut names: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    let mut entries: Vec<&str> = specs.iter().map(|spec| spec.name).collect();
    entries.sort_unstable();
    assert_eq!(names, entries, "the expected bodies name every entry once");
    for spec in specs {
        let value = E::from_parts(spec.status_code(), spec.code, spec.example_message())
            .unwrap_or_else(|e| panic!("{}: {e}", spec.name));
        assert_eq!(value.code(), spec.code, "{}", spec.name);
        let body = serde_json::to_string(&value).unwrap();
        let (_, want) = expected
            .iter()
            .find(|(name, _)| *name == spec.name)
            .unwrap();
        assert_eq!(body, *want, "{}", spec.name);
        assert_eq!(
            E::from_response(spec.status_code(), body.as_bytes()),
            Ok(value),
            "{}",
            spec.name
        );
    }
}

#[test]
fn flat() {
    round_trip_every_entry::<FlatError>(&[
        (
            "StorageNotFound",
            r#"{"errorCode":"129","errorMessage":"Storage Details not found for storageId = s-1"}"#,
        ),
        (
            "PolicyExists",
            r#"{"errorCode":"127","errorMessage":"Backup Policy with name nightly already exists"}"#,
        ),
    ]);
}

#[test]
fn azure_error_object() {
    round_trip_every_entry::<AzureError>(&[
        (
            "ResourceNotFound",
            r#"{"error":{"code":"ResourceNotFound","message":"The Resource 'vm1' under resource group 'rg' was not found."}}"#,
        ),
        (
            "InvalidParameter",
            r#"{"error":{"code":"InvalidParameter","message":"The value of parameter vmSize is invalid."}}"#,
        ),
        (
            "Conflict",
            r#"{"error":{"code":"Conflict","message":"Operation on 'vm1' is not allowed while another operation is in progress."}}"#,
        ),
    ]);
}

#[test]
fn kubernetes_status_object() {
    round_trip_every_entry::<KubeError>(&[
        (
            "NotFound",
            r#"{"reason":"NotFound","message":"pods \"grafana\" not found","code":404,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
        (
            "AlreadyExists",
            r#"{"reason":"AlreadyExists","message":"pods \"grafana\" already exists","code":409,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
        (
            "Conflict",
            r#"{"reason":"Conflict","message":"Operation cannot be fulfilled on pods \"grafana\": the object has been modified; please apply your changes to the latest version and try again","code":409,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
        (
            "Forbidden",
            r#"{"reason":"Forbidden","message":"pods is forbidden: exceeded quota: compute-resources","code":403,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
        (
            "ForbiddenUser",
            r#"{"reason":"Forbidden","message":"pods is forbidden: User \"system:serviceaccount:default:app\" cannot list resource \"pods\" in API group \"\" in the namespace \"kube-system\"","code":403,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
        (
            "BadRequest",
            r#"{"reason":"BadRequest","message":"the server rejected our request for an unknown reason","code":400,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
        (
            "InvalidJson",
            r#"{"reason":"BadRequest","message":"json: cannot unmarshal string into Go value of type int32","code":400,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
        (
            "Unauthorized",
            r#"{"reason":"Unauthorized","message":"Unauthorized","code":401,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
        (
            "TooManyRequests",
            r#"{"reason":"TooManyRequests","message":"Too many requests, please try again later.","code":429,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
        (
            "InternalError",
            r#"{"reason":"InternalError","message":"Internal error occurred: etcdserver: request timed out","code":500,"kind":"Status","apiVersion":"v1","status":"Failure"}"#,
        ),
    ]);
}

#[test]
fn odata_object_message_under_a_dotted_key() {
    round_trip_every_entry::<TableError>(&[
        (
            "TableNotFound",
            r#"{"odata.error":{"code":"TableNotFound","message":{"value":"The table specified does not exist.\nRequestId:r-1\nTime:2024-05-01T10:00:00.0000000Z","lang":"en-US"}}}"#,
        ),
        (
            "TableAlreadyExists",
            r#"{"odata.error":{"code":"TableAlreadyExists","message":{"value":"The table specified already exists.\nRequestId:r-2\nTime:2024-05-01T10:00:01.0000000Z","lang":"en-US"}}}"#,
        ),
        (
            "EntityTooLarge",
            r#"{"odata.error":{"code":"EntityTooLarge","message":{"value":"The entity is larger than 1048576 bytes.\nRequestId:r-3\nTime:2024-05-01T10:00:02.0000000Z","lang":"en-US"}}}"#,
        ),
    ]);
}

#[test]
fn google_error_object_with_the_status_as_code() {
    round_trip_every_entry::<GoogleError>(&[
        (
            "NotFound",
            r#"{"error":{"status":"NOT_FOUND","message":"Requested entity was not found.","code":404}}"#,
        ),
        (
            "AlreadyExists",
            r#"{"error":{"status":"ALREADY_EXISTS","message":"Requested entity already exists","code":409}}"#,
        ),
        (
            "PermissionDenied",
            r#"{"error":{"status":"PERMISSION_DENIED","message":"The caller does not have permission","code":403}}"#,
        ),
        (
            "InvalidArgument",
            r#"{"error":{"status":"INVALID_ARGUMENT","message":"Invalid value at 'page_size' (TYPE_INT32), \"ten\"","code":400}}"#,
        ),
        (
            "ResourceExhausted",
            r#"{"error":{"status":"RESOURCE_EXHAUSTED","message":"Quota exceeded for quota metric 'Read requests' of service 'sheets.googleapis.com'.","code":429}}"#,
        ),
    ]);
}

#[test]
fn twilio_integer_codes_and_status() {
    round_trip_every_entry::<TwilioError>(&[
        (
            "NotFound",
            r#"{"code":20404,"message":"The requested resource /Accounts/AC1/Messages/SM1.json was not found","status":404}"#,
        ),
        (
            "AuthenticationFailed",
            r#"{"code":20003,"message":"Authenticate","status":401}"#,
        ),
        (
            "InvalidToNumber",
            r#"{"code":21211,"message":"The 'To' number +1555 is not a valid phone number.","status":400}"#,
        ),
        (
            "TooManyRequests",
            r#"{"code":20429,"message":"Too Many Requests","status":429}"#,
        ),
    ]);
}

#[test]
fn translator_integer_codes_in_an_error_object() {
    round_trip_every_entry::<TranslatorError>(&[
        (
            "InvalidTargetLanguage",
            r#"{"error":{"code":400036,"message":"The target language is not valid."}}"#,
        ),
        (
            "MissingCredentials",
            r#"{"error":{"code":401000,"message":"The request is not authorized because credentials are missing or invalid."}}"#,
        ),
        (
            "FreeQuotaExceeded",
            r#"{"error":{"code":403001,"message":"The operation is not allowed because the subscription has exceeded its free quota."}}"#,
        ),
        (
            "TooManyRequests",
            r#"{"error":{"code":429000,"message":"The server rejected the request because the client has exceeded request limits."}}"#,
        ),
        (
            "Negative",
            r#"{"error":{"code":-1,"message":"Negative codes are integers too: 7"}}"#,
        ),
    ]);
}

/// The generated docs' example bodies (`error_catalog_codegen`'s `Wire::body`, which the
/// command-line tool uses too) are the bytes `Serialize` writes.
#[test]
fn the_documented_bodies_are_what_serialize_writes() {
    fn check<E: CatalogError + Serialize>(file: &str) {
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs/wire");
        let source = error_catalog_codegen::Source::read(&base, file, "the test catalogs").unwrap();
        let catalog = error_catalog_codegen::load(&source).unwrap();
        assert_eq!(catalog.entries.len(), E::specs().len());
        for (entry, spec) in catalog.entries.iter().zip(E::specs()) {
            let value =
                E::from_parts(spec.status_code(), spec.code, spec.example_message()).unwrap();
            assert_eq!(
                catalog.wire.body(
                    &entry.code.value,
                    &entry.example_message(),
                    entry.status.value
                ),
                serde_json::to_string(&value).unwrap(),
                "{file}: {}",
                spec.name
            );
        }
    }
    check::<FlatError>("flat.toml");
    check::<AzureError>("azure.toml");
    check::<KubeError>("kubernetes.toml");
    check::<TableError>("odata.toml");
    check::<GoogleError>("google.toml");
    check::<TwilioError>("twilio.toml");
    check::<TranslatorError>("translator.toml");
}

#[test]
fn the_metadata_describes_the_shape() {
    let wire = KubeError::catalog().wire;
    assert_eq!(
        (wire.code, wire.message, wire.status),
        ("/reason", "/message", Some("/code"))
    );
    assert_eq!(wire.code_type, CodeType::String);
    let constants: Vec<(&str, &str)> = wire
        .constants
        .iter()
        .map(
            |ConstantSpec {
                 location, value, ..
             }| (*location, *value),
        )
        .collect();
    assert_eq!(
        constants,
        [
            ("/kind", "Status"),
            ("/apiVersion", "v1"),
            ("/status", "Failure")
        ]
    );
    assert_eq!(wire.header, None);
    assert_eq!(wire.header_name(), None);

    let wire = TableError::catalog().wire;
    assert_eq!(wire.header, Some("x-ms-error-code"));
    assert_eq!(
        wire.header_name(),
        Some(http::HeaderName::from_static("x-ms-error-code"))
    );
    assert_eq!(TwilioError::catalog().wire.code_type, CodeType::Integer);
    assert_eq!(TwilioError::catalog().wire.status, Some("status"));
    let flat = FlatError::catalog().wire;
    assert_eq!((flat.code, flat.message), ("errorCode", "errorMessage"));
    assert!(flat.constants.is_empty() && flat.status.is_none());
}

fn body_error<E: CatalogError + Debug>(status: StatusCode, body: &str) -> Unrecognized {
    let error = E::from_response(status, body.as_bytes()).unwrap_err();
    assert!(
        matches!(error.kind(), UnrecognizedKind::NotAnErrorBody(_)),
        "{error:?}"
    );
    error
}

#[test]
fn bodies_as_the_apis_send_them_read_as_the_catalogs_variants() {
    // Kubernetes: every member of a real `Status`, in the server's order.
    let body = r#"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
        "message":"pods \"grafana\" not found","reason":"NotFound",
        "details":{"name":"grafana","kind":"pods"},"code":404}"#;
    assert_eq!(
        KubeError::from_response(StatusCode::NOT_FOUND, body.as_bytes()),
        Ok(KubeError::NotFound {
            resource: "pods".into(),
            name: "grafana".into()
        })
    );
    // Azure Table Storage sends `lang` before `value`.
    let body = r#"{"odata.error":{"code":"TableNotFound","message":{"lang":"en-US",
        "value":"The table specified does not exist.\nRequestId:r-9\nTime:t"}}}"#;
    assert_eq!(
        TableError::from_response(StatusCode::NOT_FOUND, body.as_bytes()),
        Ok(TableError::TableNotFound {
            request_id: "r-9".into(),
            time: "t".into()
        })
    );
    // Twilio adds `more_info`.
    let body = r#"{"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}"#;
    assert_eq!(
        TwilioError::from_response(StatusCode::UNAUTHORIZED, body.as_bytes()),
        Ok(TwilioError::AuthenticationFailed)
    );
    // Google adds `details`, an array of objects.
    let body = r#"{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"x"}]}}"#;
    assert_eq!(
        GoogleError::from_response(StatusCode::FORBIDDEN, body.as_bytes()),
        Ok(GoogleError::PermissionDenied)
    );
}

#[test]
fn a_code_reads_as_a_string_or_an_integer_whatever_the_code_type() {
    // Integer codes sent as strings.
    let body = r#"{"code":"20003","message":"Authenticate"}"#;
    assert_eq!(
        TwilioError::from_response(StatusCode::UNAUTHORIZED, body.as_bytes()),
        Ok(TwilioError::AuthenticationFailed)
    );
    let body = r#"{"error":{"code":-1,"message":"Negative codes are integers too: 200"}}"#;
    assert_eq!(
        TranslatorError::from_response(StatusCode::BAD_REQUEST, body.as_bytes()),
        Ok(TranslatorError::Negative { detail: 200 })
    );
    // String codes sent as integers.
    let body = r#"{"errorCode":129,"errorMessage":"Storage Details not found for storageId = 7"}"#;
    assert_eq!(
        FlatError::from_response(StatusCode::NOT_FOUND, body.as_bytes()),
        Ok(FlatError::StorageNotFound {
            storage_id: "7".into()
        })
    );
    // Neither: a float, kept out.
    let error = body_error::<TwilioError>(
        StatusCode::UNAUTHORIZED,
        r#"{"code":20003.0,"message":"Authenticate"}"#,
    );
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::CodeNotAStringOrInteger("code"))
    );
    assert_eq!(error.message(), Some("Authenticate"));
    // An unknown integer code keeps its text.
    let error = TwilioError::from_response(
        StatusCode::BAD_REQUEST,
        br#"{"code":99999,"message":"new"}"#,
    )
    .unwrap_err();
    assert_eq!(error.kind(), &UnrecognizedKind::UnknownCode);
    assert_eq!(
        (error.code(), error.message()),
        (Some("99999"), Some("new"))
    );
}

#[test]
fn the_last_key_wins_at_every_level() {
    // A repeated inner key.
    let body = r#"{"error":{"code":"Nope","code":"Conflict","message":"Operation on 'a' is not allowed while another operation is in progress."}}"#;
    assert_eq!(
        AzureError::from_response(StatusCode::CONFLICT, body.as_bytes()),
        Ok(AzureError::Conflict {
            resource: "a".into()
        })
    );
    // A repeated object replaces all that the first one held.
    // (A code without a message is the code alone, whose entry has placeholders.)
    let body = r#"{"error":{"code":"Conflict","message":"m"},"error":{"code":"InvalidParameter"}}"#;
    let error = AzureError::from_response(StatusCode::BAD_REQUEST, body.as_bytes()).unwrap_err();
    assert_eq!(error.kind(), &UnrecognizedKind::MessageMismatch);
    assert_eq!(
        (error.code(), error.message()),
        (Some("InvalidParameter"), None)
    );
    // ... even when it is not an object.
    let body = r#"{"error":{"code":"Conflict","message":"m"},"error":"boom"}"#;
    let error = body_error::<AzureError>(StatusCode::BAD_REQUEST, body);
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::MissingKey("/error/code"))
    );
    assert_eq!((error.code(), error.message()), (None, None));
    // The same as `serde_json::Value` reads it.
    for body in [
        r#"{"error":{"code":"A","message":"x"},"error":{"code":"B","message":"y"}}"#,
        r#"{"odata.error":{"code":"A","message":{"value":"x"},"message":{"value":"y","value":"z"}}}"#,
    ] {
        let value: serde_json::Value = serde_json::from_str(body).unwrap();
        let (code, message) = if value.get("error").is_some() {
            let error =
                AzureError::from_response(StatusCode::BAD_REQUEST, body.as_bytes()).unwrap_err();
            (
                error.code().map(str::to_owned),
                error.message().map(str::to_owned),
            )
        } else {
            let error =
                TableError::from_response(StatusCode::BAD_REQUEST, body.as_bytes()).unwrap_err();
            (
                error.code().map(str::to_owned),
                error.message().map(str::to_owned),
            )
        };
        let pointer = |p: &str| value.pointer(p).and_then(|v| v.as_str()).map(str::to_owned);
        let expected = if value.get("error").is_some() {
            (pointer("/error/code"), pointer("/error/message"))
        } else {
            (
                pointer("/odata.error/code"),
                pointer("/odata.error/message/value"),
            )
        };
        assert_eq!((code, message), expected, "{body}");
    }
}

#[test]
fn a_body_of_another_shape_is_not_an_error_body_and_keeps_what_it_had() {
    // The flat shape, to a nested catalog.
    let error = body_error::<AzureError>(
        StatusCode::NOT_FOUND,
        r#"{"code":"ResourceNotFound","message":"gone"}"#,
    );
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::MissingKey("/error/code"))
    );
    assert!(
        error
            .to_string()
            .contains("the body has nothing at `/error/code`"),
        "{error}"
    );
    // Nothing where the catalog puts the message (a string where its object would be): the
    // code alone, whose entry has placeholders.
    let error = TableError::from_response(
        StatusCode::NOT_FOUND,
        br#"{"odata.error":{"code":"TableNotFound","message":"flat"}}"#,
    )
    .unwrap_err();
    assert_eq!(error.kind(), &UnrecognizedKind::MessageMismatch);
    assert_eq!(
        (error.code(), error.message()),
        (Some("TableNotFound"), None)
    );
    // A message that is not a string where the catalog puts it.
    let error = body_error::<TableError>(
        StatusCode::NOT_FOUND,
        r#"{"odata.error":{"code":"TableNotFound","message":{"value":7}}}"#,
    );
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::NotAString("/odata.error/message/value"))
    );
    // Broken JSON after the members were read keeps them.
    let error = body_error::<KubeError>(
        StatusCode::NOT_FOUND,
        r#"{"reason":"NotFound","message":"pods \"a\" not found","code":40"#,
    );
    assert!(matches!(
        error.kind(),
        UnrecognizedKind::NotAnErrorBody(BodyError::NotJson(_))
    ));
    assert_eq!(
        (error.code(), error.message()),
        (Some("NotFound"), Some("pods \"a\" not found"))
    );
}

#[test]
fn a_nested_code_without_a_message_is_the_entry_without_placeholders() {
    let body = r#"{"error":{"status":"NOT_FOUND","code":404}}"#;
    assert_eq!(
        GoogleError::from_response(StatusCode::NOT_FOUND, body.as_bytes()),
        Ok(GoogleError::NotFound)
    );
    let body = r#"{"error":{"code":404,"status":"ALREADY_EXISTS","details":[]}}"#;
    assert_eq!(
        GoogleError::from_response(StatusCode::CONFLICT, body.as_bytes()),
        Ok(GoogleError::AlreadyExists)
    );
    // An entry with placeholders: the code is kept.
    let error =
        AzureError::from_response(StatusCode::CONFLICT, br#"{"error":{"code":"Conflict"}}"#)
            .unwrap_err();
    assert_eq!(error.kind(), &UnrecognizedKind::MessageMismatch);
    assert_eq!((error.code(), error.message()), (Some("Conflict"), None));
    // A message that is not a string is still not an error body.
    let error = body_error::<GoogleError>(
        StatusCode::NOT_FOUND,
        r#"{"error":{"status":"NOT_FOUND","message":{}}}"#,
    );
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::NotAString("/error/message"))
    );
}

#[test]
fn deep_and_large_bodies_are_read_without_trouble() {
    // Deep nesting anywhere, even where the message goes, is skipped without recursion: no
    // stack overflow, and the members around it are read.
    let deep = format!(
        r#"{{"error":{{"code":"Conflict","x":{open}{close},"message":{open}{close}}}}}"#,
        open = "[".repeat(100_000),
        close = "]".repeat(100_000)
    );
    let error = body_error::<AzureError>(StatusCode::CONFLICT, &deep);
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::NotAString("/error/message"))
    );
    assert_eq!(error.code(), Some("Conflict"));
    // A megabyte of other members is skipped.
    let filler: String = (0..20_000)
        .map(|i| format!(r#""k{i}":{{"a":[1,2,{{"b":"c"}}]}},"#))
        .collect();
    let body = format!(
        r#"{{"error":{{{filler}"code":"InvalidParameter","message":"The value of parameter p is invalid."}}}}"#
    );
    assert!(body.len() > 500_000);
    assert_eq!(
        AzureError::from_response(StatusCode::BAD_REQUEST, body.as_bytes()),
        Ok(AzureError::InvalidParameter { name: "p".into() })
    );
}

#[test]
fn the_kubernetes_overlaps_read_the_most_specific_template() {
    let forbidden = "pods is forbidden: User \"alice\" cannot get resource \"pods\" in API group \"apps\" in the namespace \"default\"";
    assert_eq!(
        KubeError::from_parts(StatusCode::FORBIDDEN, "Forbidden", forbidden),
        Ok(KubeError::ForbiddenUser {
            resource: "pods".into(),
            user: "alice".into(),
            verb: "get".into(),
            kind: "pods".into(),
            group: "apps".into(),
            namespace: "default".into(),
        })
    );
    assert_eq!(
        KubeError::from_parts(
            StatusCode::FORBIDDEN,
            "Forbidden",
            "secrets is forbidden: no"
        ),
        Ok(KubeError::Forbidden {
            resource: "secrets".into(),
            reason: "no".into(),
        })
    );
    assert_eq!(
        KubeError::from_parts(StatusCode::BAD_REQUEST, "BadRequest", "anything at all"),
        Ok(KubeError::BadRequest {
            message: "anything at all".into(),
        })
    );
}
