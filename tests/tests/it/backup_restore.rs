//! The seed catalog, used as a server and as a client would use it.

use error_catalog::{BodyError, Unrecognized, UnrecognizedKind};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use http::StatusCode;

#[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

fn wire(code: &str, message: &str) -> String {
    serde_json::json!({ "errorCode": code, "errorMessage": message }).to_string()
}

fn unrecognized(status: StatusCode, body: &[u8]) -> Unrecognized {
    BackupError::from_response(status, body).expect_err("the body is not recognized")
}

#[test]
fn the_catalog_holds_every_row_of_the_page() {
    let catalog = BackupError::catalog();
    let statuses: Vec<u16> = catalog.statuses.iter().map(|s| s.code).collect();
    assert_eq!(
        statuses,
        [
            200, 201, 202, 400, 401, 403, 404, 409, 422, 429, 500, 503, 504
        ]
    );
    assert_eq!(catalog.statuses[10].reason, "Internal Server Error");
    // 19 rows on the page: codes 110 and 112 are one entry each with a `job` field (two rows
    // each), and code 113 is two entries sharing the code.
    let specs = BackupError::specs();
    assert_eq!(specs.len(), 17);
    let mut codes: Vec<&str> = specs.iter().map(|s| s.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 16);
    let shared: Vec<&str> = specs
        .iter()
        .filter(|s| s.shared_code)
        .map(|s| s.name)
        .collect();
    assert_eq!(
        shared,
        ["BackupIdNotFoundForExport", "BackupIdNotFoundForImport"]
    );
    for spec in specs {
        assert!(!spec.doc.is_empty(), "{} has docs", spec.name);
        assert!(catalog.statuses.iter().any(|s| s.code == spec.status));
    }
}

/// Every entry: its example message parsed as a client would, rendered and serialized as a
/// server would, and parsed again; text, JSON and variant must all survive.
#[test]
fn every_entry_round_trips_through_the_wire() {
    for spec in BackupError::specs() {
        let message = spec.example_message();
        let sent = wire(spec.code, message);
        let error = BackupError::from_response(spec.status_code(), sent.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", spec.name));
        assert_eq!(error.spec(), spec);
        assert_eq!(error.code(), spec.code);
        assert_eq!(error.status().as_u16(), spec.status);
        assert_eq!(error.to_string(), message);
        let serialized = serde_json::to_string(&error).unwrap();
        assert_eq!(serialized, sent, "{}", spec.name);
        let again = BackupError::from_response(error.status(), serialized.as_bytes()).unwrap();
        assert_eq!(again, error);
        assert_eq!(serde_json::to_string(&again).unwrap(), serialized);
    }
}

/// The same from the server's side: every value of `examples()`, built from the catalog's
/// examples, renders its entry's example message, serializes, and parses back into itself.
#[test]
fn every_example_value_renders_serializes_and_parses_back() {
    let examples = BackupError::examples();
    assert_eq!(examples.len(), BackupError::specs().len());
    for (value, spec) in examples.iter().zip(BackupError::specs()) {
        assert_eq!(value.spec(), spec);
        assert_eq!(value.to_string(), spec.example_message());
        let body = serde_json::to_string(value).unwrap();
        assert_eq!(body, wire(spec.code, spec.example_message()));
        let back = BackupError::from_response(value.status(), body.as_bytes()).unwrap();
        assert_eq!(&back, value);
    }
}

#[test]
fn a_server_error_renders_and_serializes_wire_exact() {
    let error = BackupError::BackupPolicyAlreadyExists {
        org_id: "o-1".into(),
        cloud_id: "c-9".into(),
        product: "jira-software".into(),
    };
    assert_eq!(error.status(), StatusCode::CONFLICT);
    assert_eq!(
        serde_json::to_string(&error).unwrap(),
        r#"{"errorCode":"127","errorMessage":"Backup Policy already exists with orgId: o-1 cloudId: c-9 product: jira-software"}"#
    );
    let error = BackupError::InvalidCloudIdForJob {
        cloud_id: "c-1".into(),
        job: Job::Export,
        external_id: "e-2".into(),
    };
    assert_eq!(
        error.to_string(),
        "Invalid cloudId=c-1 for job=EXPORT with externalId=e-2"
    );
    assert_eq!(BackupError::ExportAlreadyInProgress.code(), "140");
    assert_eq!(
        BackupError::ExportAlreadyInProgress.status(),
        StatusCode::BAD_REQUEST
    );
}

#[test]
fn json_escapes_are_written_and_read() {
    let error = BackupError::ConflictingStorageName {
        storage_name: "a \"quoted\" name\n\u{e9}".into(),
    };
    let json = serde_json::to_string(&error).unwrap();
    assert_eq!(
        json,
        r#"{"errorCode":"128","errorMessage":"Conflicting Storage name = a \"quoted\" name\né"}"#
    );
    assert_eq!(
        BackupError::from_response(StatusCode::CONFLICT, json.as_bytes()).unwrap(),
        error
    );
}

#[test]
fn a_client_reads_fields_out_of_the_message() {
    let body = wire(
        "133",
        "Storage region = us-east-1 is not eligible for the org:o-77 and cloud: c-3",
    );
    let error = BackupError::from_response(StatusCode::BAD_REQUEST, body.as_bytes()).unwrap();
    assert_eq!(
        error,
        BackupError::StorageRegionNotEligible {
            region: "us-east-1".into(),
            org_id: "o-77".into(),
            cloud_id: "c-3".into(),
        }
    );
}

#[test]
fn shared_code_is_resolved_by_template() {
    let export = wire("113", "BackupId not found for exportId = e-1");
    let import = wire("113", "BackupId not found for importId = i-1");
    assert_eq!(
        BackupError::from_response(StatusCode::NOT_FOUND, export.as_bytes()).unwrap(),
        BackupError::BackupIdNotFoundForExport {
            export_id: "e-1".into()
        }
    );
    assert_eq!(
        BackupError::from_response(StatusCode::NOT_FOUND, import.as_bytes()).unwrap(),
        BackupError::BackupIdNotFoundForImport {
            import_id: "i-1".into()
        }
    );
}

#[test]
fn catalog_enum_field_is_parsed_from_the_message() {
    let body = wire("110", "Brie job=IMPORT with externalId=i-9 is not present");
    assert_eq!(
        BackupError::from_response(StatusCode::NOT_FOUND, body.as_bytes()).unwrap(),
        BackupError::JobNotPresent {
            job: Job::Import,
            external_id: "i-9".into()
        }
    );
    let body = wire("110", "Brie job=RESTORE with externalId=i-9 is not present");
    let error = unrecognized(StatusCode::NOT_FOUND, body.as_bytes());
    assert_eq!(*error.kind(), UnrecognizedKind::MessageMismatch);
}

#[test]
fn extra_keys_are_ignored_and_key_order_does_not_matter() {
    let body = br#"{"requestId":"r-1","errorMessage":"Export Already in Progress","nested":{"a":[1,2]},"errorCode":"140"}"#;
    assert_eq!(
        BackupError::from_response(StatusCode::BAD_REQUEST, body).unwrap(),
        BackupError::ExportAlreadyInProgress
    );
}

#[test]
fn a_numeric_code_is_read_as_its_text() {
    let body = br#"{"errorCode":140,"errorMessage":"Export Already in Progress"}"#;
    assert_eq!(
        BackupError::from_response(StatusCode::BAD_REQUEST, body).unwrap(),
        BackupError::ExportAlreadyInProgress
    );
}

#[test]
fn known_code_with_a_new_message_keeps_code_message_and_entries() {
    let body = wire("129", "Storage Details missing for storageId = s-1");
    let error = unrecognized(StatusCode::NOT_FOUND, body.as_bytes());
    assert_eq!(*error.kind(), UnrecognizedKind::MessageMismatch);
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.code(), Some("129"));
    assert_eq!(
        error.message(),
        Some("Storage Details missing for storageId = s-1")
    );
    let entries: Vec<&str> = error.entries().map(|s| s.name).collect();
    assert_eq!(entries, ["StorageNotFound"]);
    assert_eq!(
        error.to_string(),
        "unrecognized error response (404 Not Found): the message does not fit code `129`: Storage Details missing for storageId = s-1"
    );
}

#[test]
fn unknown_code_falls_back_on_the_status() {
    let body = wire("999", "Something new");
    let error = unrecognized(StatusCode::SERVICE_UNAVAILABLE, body.as_bytes());
    assert_eq!(*error.kind(), UnrecognizedKind::UnknownCode);
    assert!(error.is_server_error());
    assert!(!error.is_client_error());
    assert_eq!(error.code(), Some("999"));
    assert_eq!(error.message(), Some("Something new"));
    assert_eq!(error.entries().count(), 0);
    assert_eq!(
        error.to_string(),
        "unrecognized error response (503 Service Unavailable): unknown code `999`: Something new"
    );
}

#[test]
fn bodies_that_are_not_error_bodies() {
    let error = unrecognized(StatusCode::BAD_GATEWAY, b"<html>Bad gateway</html>");
    let UnrecognizedKind::NotAnErrorBody(BodyError::NotJson(json)) = error.kind() else {
        panic!("not a JSON error: {error:?}");
    };
    assert_eq!(
        (json.message(), json.line(), json.column()),
        ("expected value", 1, 1)
    );
    let cases: [(&[u8], BodyError); 4] = [
        (b"[1,2]", BodyError::NotAnObject),
        (b"\"text\"", BodyError::NotAnObject),
        (
            br#"{"errorMessage":"x"}"#,
            BodyError::MissingKey("errorCode"),
        ),
        (
            br#"{"errorCode":"127","errorMessage":null}"#,
            BodyError::NotAString("errorMessage"),
        ),
    ];
    for (body, expected) in cases {
        let error = unrecognized(StatusCode::BAD_GATEWAY, body);
        let UnrecognizedKind::NotAnErrorBody(reason) = error.kind() else {
            panic!("{:?} is not an error body", String::from_utf8_lossy(body));
        };
        assert_eq!(reason, &expected);
        assert_eq!(error.status(), StatusCode::BAD_GATEWAY);
    }
    // A code without a message is the code alone, as with the code header: no entry of
    // `127` is without placeholders.
    let error = unrecognized(StatusCode::CONFLICT, br#"{"errorCode":"127"}"#);
    assert_eq!(error.kind(), &UnrecognizedKind::MessageMismatch);
    assert_eq!((error.code(), error.message()), (Some("127"), None));
    // What could be read is kept.
    let error = unrecognized(
        StatusCode::CONFLICT,
        br#"{"errorCode":"127","errorMessage":5}"#,
    );
    assert_eq!(error.code(), Some("127"));
    assert_eq!(error.message(), None);
    assert_eq!(
        error.to_string(),
        "unrecognized error response (409 Conflict): not an error body: the body's `errorMessage` is not a string (code `127`)"
    );
    let error = unrecognized(
        StatusCode::CONFLICT,
        br#"{"errorCode":"127","errorMessage":"x"} trailing"#,
    );
    assert!(matches!(
        error.kind(),
        UnrecognizedKind::NotAnErrorBody(BodyError::NotJson(_))
    ));
}

/// Runs `work` on a thread of its own and fails if it has not finished within `limit`: a
/// bound that linear work meets many times over and quadratic work on megabytes cannot, so
/// that a regression fails the test instead of hanging it. It measures nothing.
fn within<T: Send + 'static>(limit: Duration, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let value = work();
        let _ = done.send(());
        value
    });
    match finished.recv_timeout(limit) {
        // Finished, or panicked: `join` gives the value or passes the panic on.
        Ok(()) | Err(RecvTimeoutError::Disconnected) => worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        Err(RecvTimeoutError::Timeout) => panic!("not finished after {limit:?}: not linear"),
    }
}

const LIMIT: Duration = Duration::from_secs(60);

#[test]
fn hostile_messages_are_rejected_in_linear_time() {
    within(LIMIT, || {
        // A message made of near-misses of the template's literal text, a megabyte long.
        let near_miss = "Backup Policy already exists with orgId: ".repeat(25_000);
        let body = wire("127", &near_miss);
        let error = unrecognized(StatusCode::CONFLICT, body.as_bytes());
        assert_eq!(*error.kind(), UnrecognizedKind::MessageMismatch);
        assert_eq!(error.message(), Some(near_miss.as_str()));
        // A huge but valid message is read whole.
        let long = "x".repeat(1 << 20);
        let body = wire("128", &format!("Conflicting Storage name = {long}"));
        let error = BackupError::from_response(StatusCode::CONFLICT, body.as_bytes()).unwrap();
        assert_eq!(
            error,
            BackupError::ConflictingStorageName { storage_name: long }
        );
    });
}

#[test]
fn typed_splitting_stays_linear_on_megabytes_of_near_misses() {
    within(LIMIT, || {
        // Every ` for job=` could end the cloud ID, and none is followed by a `Job` until
        // the very end: the first cut fails, and the search for another must stay linear.
        let noise = " for job=EXPOR for job=".repeat(200_000);
        let message = format!("Invalid cloudId=c{noise} for job=IMPORT with externalId=x");
        assert!(message.len() > 4 << 20);
        let error = BackupError::from_parts(StatusCode::NOT_FOUND, "112", &message).unwrap();
        let BackupError::InvalidCloudIdForJob {
            cloud_id,
            job,
            external_id,
        } = &error
        else {
            panic!("another entry: {}", error.spec().name);
        };
        assert_eq!(
            (cloud_id.len(), *job, external_id.as_str()),
            (1 + noise.len(), Job::Import, "x")
        );
        assert_eq!(error.to_string(), message);

        // The same, with no reading at all.
        let message = format!("Invalid cloudId=c{noise} for job=IMPOR with externalId=x");
        let error = BackupError::from_parts(StatusCode::NOT_FOUND, "112", &message).unwrap_err();
        assert_eq!(*error.kind(), UnrecognizedKind::MessageMismatch);
    });
}

#[test]
fn ambiguous_splits_pick_the_shortest_first_field_and_render_back() {
    // `region` could end at either " and region = "; the first placeholder takes the
    // shortest text, and the result renders back to the exact message.
    let message = "Validation failed for storage creation for bucketName = b and basePath = p and region = r and region = s";
    let body = wire("142", message);
    let error = BackupError::from_response(StatusCode::BAD_REQUEST, body.as_bytes()).unwrap();
    assert_eq!(
        error,
        BackupError::StorageValidationFailed {
            bucket_name: "b".into(),
            base_path: "p".into(),
            region: "r and region = s".into(),
        }
    );
    assert_eq!(error.to_string(), message);
}

/// Damaged and random bodies: never a panic, and whatever is recognized renders back to the
/// message that was received.
#[test]
fn damaged_bodies_never_panic_and_recognized_ones_render_back() {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let bodies: Vec<String> = BackupError::specs()
        .iter()
        .map(|spec| wire(spec.code, spec.example_message()))
        .collect();
    let (mut recognized, mut rejected) = (0, 0);
    for round in 0..20_000 {
        let mut body = bodies[round % bodies.len()].clone().into_bytes();
        match next() % 4 {
            // Flip a byte, possibly breaking UTF-8 or JSON.
            0 => {
                let at = (next() as usize) % body.len();
                body[at] ^= 1 << (next() % 8);
            }
            // Cut the body short.
            1 => body.truncate((next() as usize) % body.len()),
            // Change one character of the message to another ASCII character.
            2 => {
                let at = body.len() - 3 - (next() as usize) % 20;
                body[at] = b' ' + (next() % 94) as u8;
            }
            // Random bytes.
            _ => body = (0..(next() % 64)).map(|_| next() as u8).collect(),
        }
        match BackupError::from_response(StatusCode::NOT_FOUND, &body) {
            Ok(error) => {
                recognized += 1;
                let sent: serde_json::Value = serde_json::from_slice(&body).unwrap();
                match sent.get("errorMessage") {
                    Some(message) => {
                        assert_eq!(message.as_str(), Some(error.to_string().as_str()))
                    }
                    // A code without a message: the entry of the code without placeholders.
                    None => assert!(error.spec().fields.is_empty(), "{error:?}"),
                }
                assert_eq!(sent["errorCode"].as_str(), Some(error.code()));
            }
            Err(unrecognized) => {
                rejected += 1;
                assert_eq!(unrecognized.status(), StatusCode::NOT_FOUND);
            }
        }
    }
    assert!(
        recognized > 1_000 && rejected > 1_000,
        "{recognized} recognized, {rejected} rejected"
    );
}
