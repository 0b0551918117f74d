//! The enum written by the build script behaves as the attribute's: the same round trip as
//! `tests/tests/it/backup_restore.rs`.

use error_catalog_build_script_fixture::BackupError;

fn wire(code: &str, message: &str) -> String {
    serde_json::json!({ "errorCode": code, "errorMessage": message }).to_string()
}

/// Every entry: its example message parsed as a client would, rendered and serialized as a
/// server would, and parsed again; text, JSON and variant must all survive.
#[test]
fn every_entry_round_trips_through_the_wire() {
    let specs = BackupError::specs();
    assert_eq!(specs.len(), 17);
    for spec in specs {
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

/// The derives asked of the builder are there: `Clone` and `Eq` on top of `Debug`.
#[test]
fn the_builder_derives_apply() {
    let error = BackupError::from_response(
        BackupError::specs()[0].status_code(),
        wire(
            BackupError::specs()[0].code,
            BackupError::specs()[0].example_message(),
        )
        .as_bytes(),
    )
    .unwrap();
    let copy = error.clone();
    assert!(copy == error);
    assert!(!format!("{copy:?}").is_empty());
}
