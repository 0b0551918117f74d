//! RFC 9457 problem details (feature `problem-details`): the body `Problem<E>` writes, byte
//! for byte, and `from_response` reading it back into the same variant.

use error_catalog::{BodyError, CatalogError, Problem, UnrecognizedKind};
use http::StatusCode;

#[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

// `problem::problem`: the module is named after its catalog, as in `axum` and `round_trip`.
#[allow(clippy::module_inception)]
pub(crate) mod problem {
    #[error_catalog::catalog(path = "catalogs/problem.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ProblemError {}
}
use problem::ProblemError;

pub(crate) mod integer {
    #[error_catalog::catalog(path = "catalogs/problem-integer.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum IntegerError {}
}
use integer::IntegerError;

pub(crate) mod names {
    #[error_catalog::catalog(path = "catalogs/problem-names.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum NamesError {}
}
use names::NamesError;

pub(crate) mod default_keys {
    #[error_catalog::catalog(path = "catalogs/problem-default-keys.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum DefaultKeysError {}
}
use default_keys::DefaultKeysError;

pub(crate) mod nested {
    #[error_catalog::catalog(path = "catalogs/problem-nested.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum NestedError {}
}
use nested::NestedError;

pub(crate) mod shaped {
    #[error_catalog::catalog(path = "catalogs/problem-shaped.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ShapedError {}
}
use shaped::ShapedError;

fn problem<E>(error: E) -> String
where
    Problem<E>: serde::Serialize,
{
    serde_json::to_string(&Problem(error)).unwrap()
}

#[test]
fn seed_errors_are_written_byte_for_byte() {
    let policy = BackupError::BackupPolicyAlreadyExists {
        org_id: "o-1".into(),
        cloud_id: "c-9".into(),
        product: "jira-software".into(),
    };
    assert_eq!(
        problem(policy),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"Backup Policy already exists with orgId: o-1 cloudId: c-9 product: jira-software","code":"127","org_id":"o-1","cloud_id":"c-9","product":"jira-software"}"#
    );
    let storage = BackupError::StorageNotFound {
        storage_id: "s-\"17\"".into(),
    };
    assert_eq!(
        problem(storage),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Storage Details not found for storageId = s-\"17\"","code":"129","storage_id":"s-\"17\""}"#
    );
    assert_eq!(
        problem(BackupError::ExportAlreadyInProgress),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Export Already in Progress","code":"140"}"#
    );
}

#[test]
fn problem_body_of_a_seed_error_with_fields() {
    let error = BackupError::JobNotPresent {
        job: Job::Export,
        external_id: "e-58".into(),
    };
    insta::assert_snapshot!(serde_json::to_string_pretty(&Problem(error)).unwrap());
}

#[test]
fn problem_body_of_a_seed_error_without_fields() {
    insta::assert_snapshot!(
        serde_json::to_string_pretty(&Problem(BackupError::RestoreAlreadyExists)).unwrap()
    );
}

#[test]
fn the_type_is_the_problem_base_then_the_docs_url_then_about_blank() {
    // `problem_base` wins over `docs_url`.
    let missing = Problem(ProblemError::Missing { id: 7 });
    assert_eq!(
        missing.problem_type(),
        "https://api.example.com/problems/MISSING"
    );
    // Only a `docs_url`: the entry's link.
    let gone = Problem(IntegerError::Gone { name: "r-1".into() });
    assert_eq!(
        gone.problem_type(),
        "https://errors.example.com/integer#41000"
    );
    // Neither.
    let seed = Problem(BackupError::ExportAlreadyInProgress);
    assert_eq!(seed.problem_type(), "about:blank");
    // The body says the same.
    assert!(
        problem(ProblemError::Missing { id: 7 })
            .starts_with(r#"{"type":"https://api.example.com/problems/MISSING","#)
    );
    assert!(
        problem(IntegerError::Gone { name: "r-1".into() })
            .starts_with(r#"{"type":"https://errors.example.com/integer#41000","#)
    );
}

#[test]
fn the_title_is_the_catalogs_reason_then_the_canonical_one() {
    // The catalog's own reason, though not the standard phrase.
    let limited = Problem(ProblemError::RateLimited { seconds: 30 });
    assert_eq!(limited.title(), "Slow Down");
    // An empty reason in the table: the canonical one.
    assert_eq!(
        Problem(ProblemError::Missing { id: 7 }).title(),
        "Not Found"
    );
    // Another empty reason.
    let teapot = Problem(ProblemError::Teapot {
        drink: "coffee".into(),
    });
    assert_eq!(teapot.title(), "I'm a teapot");
}

#[test]
fn reserved_field_names_are_written_with_a_prefix() {
    let error = ProblemError::BadType {
        r#type: "folder".into(),
        code: "X-1".into(),
        strict: true,
    };
    assert_eq!(
        problem(error.clone()),
        r#"{"type":"https://api.example.com/problems/BAD_TYPE","title":"Bad Request","status":400,"detail":"Type folder is not allowed for X-1 (strict: true)","code":"BAD_TYPE","field_type":"folder","field_code":"X-1","strict":true}"#
    );
    // The catalog's own shape keeps the names.
    assert_eq!(
        serde_json::to_string(&error).unwrap(),
        r#"{"code":"BAD_TYPE","message":"Type folder is not allowed for X-1 (strict: true)"}"#
    );
}

#[test]
fn integer_codes_and_fields_are_numbers() {
    assert_eq!(
        problem(IntegerError::Throttled { wait: 5 }),
        r#"{"type":"https://errors.example.com/integer#40029","title":"Too Many Requests","status":429,"detail":"Slow down for 5 seconds","code":40029,"wait":5}"#
    );
}

#[test]
fn every_entry_round_trips() {
    fn round_trip<E>(examples: Vec<E>)
    where
        E: CatalogError + Clone + PartialEq + std::fmt::Debug,
        Problem<E>: serde::Serialize,
    {
        assert!(!examples.is_empty());
        for error in examples {
            let body = serde_json::to_vec(&Problem(error.clone())).unwrap();
            assert_eq!(E::from_response(error.status(), &body), Ok(error));
        }
    }
    assert_eq!(BackupError::examples().len(), BackupError::specs().len());
    round_trip(BackupError::examples());
    round_trip(ProblemError::examples());
    round_trip(IntegerError::examples());
}

#[test]
fn fields_are_read_from_the_members_not_from_the_detail() {
    // The message alone would give `cloud_id` "a for job=b": the members say otherwise, and
    // agree with the detail.
    let body = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Invalid cloudId=a for job=b for job=IMPORT with externalId=x","code":112,"cloud_id":"a for job=b","job":"IMPORT","external_id":"x","instance":"/jobs/1"}"#;
    let error = BackupError::from_response(StatusCode::NOT_FOUND, body).unwrap();
    assert_eq!(
        error,
        BackupError::InvalidCloudIdForJob {
            cloud_id: "a for job=b".into(),
            job: Job::Import,
            external_id: "x".into(),
        }
    );
    // `field_type` and `field_code` are the fields `type` and `code`; a repeated member
    // counts once, the last time.
    let body = br#"{"type":"https://api.example.com/problems/BAD_TYPE","status":400,"code":"BAD_TYPE","field_type":"nope","detail":"Type file is not allowed for Z (strict: false)","field_type":"file","field_code":"Z","strict":false}"#;
    assert_eq!(
        ProblemError::from_response(StatusCode::BAD_REQUEST, body),
        Ok(ProblemError::BadType {
            r#type: "file".into(),
            code: "Z".into(),
            strict: false,
        })
    );
}

#[test]
fn a_detail_that_disagrees_with_its_fields_is_a_mismatch() {
    let body = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Storage Details not found for storageId = s-17","code":"129","storage_id":"s-18"}"#;
    let error = BackupError::from_response(StatusCode::NOT_FOUND, body).unwrap_err();
    assert_eq!(error.kind(), &UnrecognizedKind::MessageMismatch);
    assert_eq!(error.code(), Some("129"));
    assert_eq!(
        error.message(),
        Some("Storage Details not found for storageId = s-17")
    );
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    // A problem without the entry's fields (written by another server) is read from its
    // detail, as a body without a fields object is read from its message.
    let body = br#"{"detail":"Storage Details not found for storageId = s-17","code":"129"}"#;
    assert_eq!(
        BackupError::from_response(StatusCode::NOT_FOUND, body),
        Ok(BackupError::StorageNotFound {
            storage_id: "s-17".into()
        })
    );
    // An unknown code in a problem is an unknown code.
    let body = br#"{"detail":"Nothing here","code":"999"}"#;
    let error = BackupError::from_response(StatusCode::NOT_FOUND, body).unwrap_err();
    assert_eq!(error.kind(), &UnrecognizedKind::UnknownCode);
    assert_eq!(error.code(), Some("999"));
    assert_eq!(error.message(), Some("Nothing here"));
}

#[test]
fn a_body_of_neither_shape_keeps_the_catalogs_error() {
    // The catalog's code is there, its message is not, and the problem has no detail: the
    // code alone, as with the code header alone, of which no entry without placeholders.
    let body = br#"{"errorCode":"129","title":"Not Found","status":404}"#;
    let error = BackupError::from_response(StatusCode::NOT_FOUND, body).unwrap_err();
    assert_eq!(error.kind(), &UnrecognizedKind::MessageMismatch);
    assert_eq!(error.code(), Some("129"));
    assert_eq!(error.message(), None);
    // A problem's code and detail, but the catalog's message key holds a number: the
    // catalog's shape is there, so the problem is not read.
    let body = br#"{"errorCode":"129","errorMessage":5,"code":"129","detail":"Storage Details not found for storageId = s","storage_id":"s"}"#;
    let error = BackupError::from_response(StatusCode::NOT_FOUND, body).unwrap_err();
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::NotAString("errorMessage"))
    );
    // A detail that is not a string.
    let body = br#"{"code":"129","detail":["Storage Details not found for storageId = s"]}"#;
    let error = BackupError::from_response(StatusCode::NOT_FOUND, body).unwrap_err();
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::MissingKey("errorCode"))
    );
    assert_eq!((error.code(), error.message()), (None, None));
    // Not an object at all.
    let error = BackupError::from_response(StatusCode::NOT_FOUND, b"[]").unwrap_err();
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::NotAnObject)
    );
}

#[test]
fn the_problem_is_the_error_in_another_shape() {
    let error = BackupError::StorageNotFound {
        storage_id: "s-17".into(),
    };
    let problem = Problem::from(error.clone());
    assert_eq!(problem.to_string(), error.to_string());
    assert_eq!(problem.code(), "129");
    assert!(std::error::Error::source(&problem).is_none());
    assert_eq!(format!("{problem:?}"), format!("Problem({error:?})"));
    assert_eq!(problem.into_inner(), error);
}

/// `error` written as a problem, and what `from_response` reads back from that body.
fn problem_round_trip<E>(error: E) -> (String, Result<E, error_catalog::Unrecognized>)
where
    E: CatalogError,
    Problem<E>: serde::Serialize,
{
    let status = error.status();
    let body = problem(error);
    let read = E::from_response(status, body.as_bytes());
    (body, read)
}

#[test]
fn field_names_that_start_with_field_are_escaped_too() {
    // Read from the detail alone, `Bad a b or c` is `field_type` "a" and `name` "b or c":
    // the members say otherwise.
    let bad = NamesError::Bad {
        field_type: "a b".into(),
        name: "or c".into(),
    };
    let (body, read) = problem_round_trip(bad.clone());
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad a b or c","code":"BAD","field_field_type":"a b","name":"or c"}"#
    );
    assert_eq!(read, Ok(bad));

    let names = NamesError::Names {
        r#type: "t/1".into(),
        field_type: "ft/2".into(),
        field_field_type: "fft/3".into(),
        code: "c/4".into(),
        field_code: "fc/5".into(),
    };
    let (body, read) = problem_round_trip(names.clone());
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"t/1/ft/2/fft/3/c/4/fc/5","code":"NAMES","field_type":"t/1","field_field_type":"ft/2","field_field_field_type":"fft/3","field_code":"c/4","field_field_code":"fc/5"}"#
    );
    assert_eq!(read, Ok(names));
    // The catalog's own shape keeps the names.
    assert_eq!(
        serde_json::to_string(&NamesError::Bad {
            field_type: "a".into(),
            name: "b".into()
        })
        .unwrap(),
        r#"{"error_code":"BAD","message":"Bad a b"}"#
    );
}

#[test]
fn a_member_that_is_no_fields_is_ignored() {
    // `field_name` is not how a field `name` is written, so it is not the field `name`; the
    // detail alone then gives the fields.
    let body = br#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad a b or c","code":"BAD","field_field_type":"a b","field_name":"or c"}"#;
    assert_eq!(
        NamesError::from_response(StatusCode::BAD_REQUEST, body),
        Ok(NamesError::Bad {
            field_type: "a".into(),
            name: "b or c".into()
        })
    );
}

#[test]
fn fields_named_like_the_catalogs_keys_round_trip() {
    // A field named like the catalog's message key, with its code key, and both.
    let upstream = NamesError::Upstream {
        message: "timeout".into(),
    };
    let (body, read) = problem_round_trip(upstream.clone());
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Upstream failed: timeout","code":"UPSTREAM","message":"timeout"}"#
    );
    assert_eq!(read, Ok(upstream));
    let relayed = NamesError::Relayed {
        error_code: "BAD".into(),
        message: "Bad a b".into(),
    };
    let (body, read) = problem_round_trip(relayed.clone());
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Upstream sent BAD: Bad a b","code":"RELAYED","error_code":"BAD","message":"Bad a b"}"#
    );
    assert_eq!(read, Ok(relayed));
    // Fields named like standard members.
    let detailed = NamesError::Detailed {
        detail: "d".into(),
        title: "t".into(),
    };
    assert_eq!(problem_round_trip(detailed.clone()).1, Ok(detailed));

    // The default keys.
    let upstream = DefaultKeysError::Upstream {
        message: "timeout".into(),
    };
    let (body, read) = problem_round_trip(upstream.clone());
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Upstream failed: timeout","code":"UPSTREAM","message":"timeout"}"#
    );
    assert_eq!(read, Ok(upstream));

    // Nested keys, and a field named like the object that holds them.
    let nested = NestedError::Upstream {
        error: "db".into(),
        message: "timeout".into(),
    };
    let (body, read) = problem_round_trip(nested.clone());
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Upstream db failed: timeout","code":"UPSTREAM","error":"db","message":"timeout"}"#
    );
    assert_eq!(read, Ok(nested));
    assert_eq!(
        problem_round_trip(NestedError::Down).1,
        Ok(NestedError::Down)
    );

    // Every example of these catalogs, both shapes.
    fn both_shapes<E>(examples: Vec<E>)
    where
        E: CatalogError + Clone + PartialEq + std::fmt::Debug + serde::Serialize,
        Problem<E>: serde::Serialize,
    {
        for error in examples {
            let body = serde_json::to_vec(&Problem(error.clone())).unwrap();
            assert_eq!(E::from_response(error.status(), &body), Ok(error.clone()));
            let body = serde_json::to_vec(&error).unwrap();
            assert_eq!(E::from_response(error.status(), &body), Ok(error));
        }
    }
    both_shapes(NamesError::examples());
    both_shapes(DefaultKeysError::examples());
    both_shapes(NestedError::examples());
}

#[test]
fn the_catalogs_own_body_is_still_read_in_its_shape() {
    // A body of the catalog's shape that happens to carry `type` and `title`, but not
    // `detail`: the catalog's shape.
    let body = br#"{"error_code":"UPSTREAM","message":"Upstream failed: timeout","type":"x","title":"y","status":502}"#;
    assert_eq!(
        NamesError::from_response(StatusCode::BAD_GATEWAY, body),
        Ok(NamesError::Upstream {
            message: "timeout".into()
        })
    );
}

#[test]
fn a_problem_without_a_detail_is_its_code_alone() {
    // `type` and `status` say it is a problem: the entry of the code without placeholders.
    let body = br#"{"type":"about:blank","title":"Bad Gateway","status":502,"code":"DOWN"}"#;
    assert_eq!(
        NestedError::from_response(StatusCode::BAD_GATEWAY, body),
        Ok(NestedError::Down)
    );
    let body = br#"{"type":"about:blank","status":400,"code":140}"#;
    assert_eq!(
        BackupError::from_response(StatusCode::BAD_REQUEST, body),
        Ok(BackupError::ExportAlreadyInProgress)
    );
    // An entry with placeholders: the code is kept, without a message.
    let body = br#"{"type":"about:blank","status":404,"code":"129"}"#;
    let error = BackupError::from_response(StatusCode::NOT_FOUND, body).unwrap_err();
    assert_eq!(error.kind(), &UnrecognizedKind::MessageMismatch);
    assert_eq!((error.code(), error.message()), (Some("129"), None));
    // A detail that is not a string is not a missing one.
    let body = br#"{"type":"about:blank","status":400,"code":"140","detail":7}"#;
    let error = BackupError::from_response(StatusCode::BAD_REQUEST, body).unwrap_err();
    assert_eq!(
        error.kind(),
        &UnrecognizedKind::NotAnErrorBody(BodyError::MissingKey("errorCode"))
    );
}

#[test]
fn a_catalog_shaped_like_a_problem_reads_its_own_bodies_in_its_shape() {
    // Its own body has `type`, `status` and `detail`, and a fields object that a problem
    // reading would not see: the fields object decides the ambiguous split.
    let pair = ShapedError::Pair {
        a: "x and y".into(),
        b: "z".into(),
    };
    let own = serde_json::to_string(&pair).unwrap();
    assert_eq!(
        own,
        r#"{"code":"PAIR","detail":"x and y and z","status":400,"fields":{"a":"x and y","b":"z"},"type":"urn:error"}"#
    );
    assert_eq!(
        ShapedError::from_response(StatusCode::BAD_REQUEST, own.as_bytes()),
        Ok(pair.clone())
    );
    // And its problem details, whose fields are members.
    let (body, read) = problem_round_trip(pair.clone());
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"x and y and z","code":"PAIR","a":"x and y","b":"z"}"#
    );
    // Without the catalog's fields object, it is read as a problem: the members decide.
    assert_eq!(read, Ok(pair));
    // A body of the catalog's shape whose fields object is not an object: the problem's
    // members, which are not fields here, leave the detail alone to decide.
    let body =
        r#"{"code":"PAIR","detail":"x and y and z","status":400,"fields":[],"type":"urn:error"}"#;
    assert_eq!(
        ShapedError::from_response(StatusCode::BAD_REQUEST, body.as_bytes()),
        Ok(ShapedError::Pair {
            a: "x".into(),
            b: "y and z".into()
        })
    );
}
