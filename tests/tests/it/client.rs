//! The client side beyond the seed catalog's common cases: typed splitting, duplicate keys,
//! codes of the wrong type, `from_parts`, the order of candidates, and what `Unrecognized`
//! keeps and shows.

use std::error::Error as _;

use error_catalog::{BodyError, CatalogError, Unrecognized, UnrecognizedKind};
use http::StatusCode;

#[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

mod cases {
    #[error_catalog::catalog(path = "catalogs/client.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CaseError {}
}
use cases::CaseError;

#[test]
fn field_types_move_the_cuts() {
    // The cloud ID contains the literal that follows it; only one reading gives a valid `Job`.
    let message = "Invalid cloudId=a for job=b for job=IMPORT with externalId=x";
    let error = BackupError::from_parts(StatusCode::NOT_FOUND, "112", message).unwrap();
    assert_eq!(
        error,
        BackupError::InvalidCloudIdForJob {
            cloud_id: "a for job=b".into(),
            job: Job::Import,
            external_id: "x".into(),
        }
    );
    assert_eq!(error.to_string(), message);
}

#[test]
fn integers_are_read_only_as_their_type_displays_them() {
    let parse = |message: &str| CaseError::from_parts(StatusCode::BAD_REQUEST, "E2", message);
    let progress = |rest: &str, step, tail: &str, total| CaseError::Progress {
        rest: rest.into(),
        step,
        tail: tail.into(),
        total,
    };
    // `256` is no `u8`: the first cut gives `step` that text, so `rest` takes more.
    assert_eq!(parse("x-256-1-y of 5"), Ok(progress("x-256", 1, "y", 5)));
    assert_eq!(parse("x-255-1-y of 5"), Ok(progress("x", 255, "1-y", 5)));
    // A `u8` has no sign: `-7` is not one, `7` after `x-` is.
    assert_eq!(parse("x--7-y of 5"), Ok(progress("x-", 7, "y", 5)));
    assert_eq!(
        parse("x-7-a-b of -32768"),
        Ok(progress("x", 7, "a-b", i16::MIN))
    );
    // Forms that parse but display differently are not the type's text, and no other
    // reading exists.
    for message in [
        "x-+7-y of 5",
        "x-07-y of 5",
        "x-7-y of -0",
        "x-7-y of +5",
        "x-7-y of 40000",
        "x-7-y of ",
    ] {
        let error = parse(message).unwrap_err();
        assert_eq!(
            *error.kind(),
            UnrecognizedKind::MessageMismatch,
            "{message}"
        );
    }
    // Every value renders back exactly, even with the literal text inside the strings.
    for step in [0u8, 9, 10, 255] {
        for total in [i16::MIN, -1, 0, 1, i16::MAX] {
            let value = progress("a-1-b", step, "c-2-d of 3", total);
            let parsed = parse(&value.to_string()).unwrap();
            assert_eq!(parsed.to_string(), value.to_string());
        }
    }
}

#[test]
fn a_field_used_twice_must_hold_the_same_text() {
    let parse = |message: &str| CaseError::from_parts(StatusCode::BAD_REQUEST, "E3", message);
    assert_eq!(
        parse("hi said hi").unwrap(),
        CaseError::Echo { word: "hi".into() }
    );
    assert_eq!(
        *parse("hi said ho").unwrap_err().kind(),
        UnrecognizedKind::MessageMismatch
    );
}

#[test]
fn a_field_used_twice_reads_back_when_its_text_holds_the_literal() {
    // `word` splits at the first ` said `, each occurrence on its own, as `""` and
    // `"said  said"`; the reading with both texts equal is `" said"`.
    let echo = CaseError::Echo {
        word: " said".into(),
    };
    let message = echo.to_string();
    assert_eq!(message, " said said  said");
    assert_eq!(
        CaseError::from_parts(StatusCode::BAD_REQUEST, "E3", &message).unwrap(),
        echo
    );
    let body = serde_json::to_vec(&echo).unwrap();
    assert_eq!(
        CaseError::from_response(StatusCode::BAD_REQUEST, &body).unwrap(),
        echo
    );
    // Each occurrence on its own would split at the first ` said `.
    let twice = "a said a said a said a";
    assert_eq!(
        CaseError::from_parts(StatusCode::BAD_REQUEST, "E3", twice).unwrap(),
        CaseError::Echo {
            word: "a said a".into()
        }
    );
}

#[test]
fn an_external_field_must_parse() {
    let parse = |message: &str| CaseError::from_parts(StatusCode::BAD_REQUEST, "E4", message);
    assert_eq!(
        parse("bad address 10.1.2.3").unwrap(),
        CaseError::Address {
            addr: [10, 1, 2, 3].into()
        }
    );
    // Parses as an address, but displays as `10.1.2.3`: not what was received.
    assert!(parse("bad address 010.1.2.3").is_err());
    assert!(parse("bad address nowhere").is_err());
}

#[test]
fn candidates_with_the_received_status_come_first() {
    let message = "not available: the report";
    // Catalog order puts `NotThere` (404) first; a 410 picks `GoneForGood`.
    assert_eq!(
        CaseError::from_parts(StatusCode::GONE, "E1", message).unwrap(),
        CaseError::GoneForGood {
            what: "the report".into()
        }
    );
    assert_eq!(
        CaseError::from_parts(StatusCode::NOT_FOUND, "E1", message).unwrap(),
        CaseError::NotThere {
            what: "the report".into()
        }
    );
    // No entry has the received status: catalog order decides.
    assert_eq!(
        CaseError::from_parts(StatusCode::INTERNAL_SERVER_ERROR, "E1", message).unwrap(),
        CaseError::NotThere {
            what: "the report".into()
        }
    );
}

#[test]
fn of_a_repeated_key_the_last_one_wins() {
    let body = br#"{"errorCode":"999","errorCode":"140","errorMessage":"nope","errorMessage":"Export Already in Progress"}"#;
    let error = BackupError::from_response(StatusCode::CONFLICT, body).unwrap();
    assert_eq!(error, BackupError::ExportAlreadyInProgress);
    // What `serde_json::Value`, and so a logging proxy, reads from the same body.
    let value: serde_json::Value = serde_json::from_slice(body).unwrap();
    assert_eq!(value["errorCode"], "140");

    // A last occurrence of the wrong type wins too.
    let body =
        br#"{"errorCode":"140","errorMessage":"Export Already in Progress","errorCode":null}"#;
    let error = BackupError::from_response(StatusCode::CONFLICT, body).unwrap_err();
    assert_eq!(
        *error.kind(),
        UnrecognizedKind::NotAnErrorBody(BodyError::CodeNotAStringOrInteger("errorCode"))
    );
}

#[test]
fn a_code_that_is_neither_a_string_nor_an_integer_has_its_own_case() {
    for code in ["1.5", "true", "null", "[140]", "{\"a\":1}", "1e3"] {
        let body = format!(r#"{{"errorCode":{code},"errorMessage":"Export Already in Progress"}}"#);
        let error = BackupError::from_response(StatusCode::CONFLICT, body.as_bytes()).unwrap_err();
        assert_eq!(
            *error.kind(),
            UnrecognizedKind::NotAnErrorBody(BodyError::CodeNotAStringOrInteger("errorCode")),
            "{body}"
        );
        assert_eq!(error.code(), None);
        assert_eq!(error.message(), Some("Export Already in Progress"));
    }
    let body = br#"{"errorCode":"140","errorMessage":140}"#;
    let error = BackupError::from_response(StatusCode::CONFLICT, body).unwrap_err();
    assert_eq!(
        *error.kind(),
        UnrecognizedKind::NotAnErrorBody(BodyError::NotAString("errorMessage"))
    );
    assert_eq!(error.code(), Some("140"));
}

#[test]
fn from_parts_is_what_from_response_does_after_reading_the_body() {
    for spec in BackupError::specs() {
        let body =
            serde_json::json!({ "errorCode": spec.code, "errorMessage": spec.example_message() });
        let from_body = BackupError::from_response(spec.status_code(), body.to_string().as_bytes());
        let from_parts =
            BackupError::from_parts(spec.status_code(), spec.code, spec.example_message());
        assert_eq!(from_body, from_parts);
        assert_eq!(from_parts.unwrap().spec(), spec);
    }
    let error = <BackupError as CatalogError>::from_parts(StatusCode::NOT_FOUND, "129", "nope")
        .unwrap_err();
    assert_eq!(*error.kind(), UnrecognizedKind::MessageMismatch);
    assert_eq!((error.code(), error.message()), (Some("129"), Some("nope")));
}

#[test]
fn the_json_error_is_kept_with_its_position() {
    let error = BackupError::from_response(
        StatusCode::BAD_GATEWAY,
        b"{\n  \"errorCode\": \"1\",\n  oops",
    )
    .unwrap_err();
    let UnrecognizedKind::NotAnErrorBody(BodyError::NotJson(json)) = error.kind() else {
        panic!("not a JSON error: {error:?}");
    };
    assert_eq!((json.line(), json.column()), (3, 3));
    assert_eq!(json.message(), "key must be a string");
    assert_eq!(json.to_string(), "key must be a string at line 3 column 3");
    // The code read before the break is kept.
    assert_eq!(error.code(), Some("1"));
    let source = error.source().expect("the JSON error is the source");
    assert_eq!(source.to_string(), json.to_string());
    // Errors of another kind have no source.
    let unknown = BackupError::from_parts(StatusCode::NOT_FOUND, "999", "x").unwrap_err();
    assert!(unknown.source().is_none());
}

#[test]
fn debug_shows_what_was_received_and_names_the_catalog_by_its_title() {
    let error = BackupError::from_parts(StatusCode::NOT_FOUND, "999", "No such thing").unwrap_err();
    let debug = format!("{error:?}");
    assert_eq!(
        debug,
        r#"Unrecognized { status: 404, code: Some("999"), message: Some("No such thing"), kind: UnknownCode, catalog: "Backup and restore API" }"#
    );
    assert!(format!("{error:#?}").len() < 300);
}

#[test]
fn users_can_build_and_take_apart_an_unrecognized() {
    let built = Unrecognized::new(
        BackupError::catalog(),
        StatusCode::NOT_FOUND,
        UnrecognizedKind::UnknownCode,
    )
    .with_code("999")
    .with_message("No such thing");
    let received =
        BackupError::from_parts(StatusCode::NOT_FOUND, "999", "No such thing").unwrap_err();
    assert_eq!(built, received);
    let (status, code, message, kind) = received.into_parts();
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(code.as_deref(), Some("999"));
    assert_eq!(message.as_deref(), Some("No such thing"));
    assert_eq!(kind, UnrecognizedKind::UnknownCode);
}

#[test]
fn a_middleware_handles_several_catalogs_through_a_trait_object() {
    let errors: Vec<Box<dyn CatalogError>> = vec![
        Box::new(BackupError::ExportAlreadyInProgress),
        Box::new(CaseError::Echo { word: "hi".into() }),
    ];
    let lines: Vec<String> = errors
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {}",
                e.status().as_u16(),
                e.code(),
                e.spec().name,
                e
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "400 140 ExportAlreadyInProgress Export Already in Progress",
            "400 E3 Echo hi said hi"
        ]
    );
}
