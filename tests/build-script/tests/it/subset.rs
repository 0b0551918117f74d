//! `StorageError` has four entries of the seed catalog (`Builder::entries` in `build.rs`):
//! they round-trip, every other entry's code is unknown to it, and its metadata is still the
//! whole catalog, as for a derived subset.

use error_catalog::UnrecognizedKind;
use error_catalog_build_script_fixture::BackupError;
use error_catalog_build_script_fixture::storage::StorageError;

fn wire(code: &str, message: &str) -> String {
    serde_json::json!({ "errorCode": code, "errorMessage": message }).to_string()
}

const SELECTED: [&str; 4] = [
    "ConflictingStorageName",
    "StorageNotFound",
    "BackupIdNotFoundForExport",
    "BackupIdNotFoundForImport",
];

#[test]
fn the_enum_has_the_selected_entries_in_catalog_order() {
    let names: Vec<&str> = StorageError::examples()
        .iter()
        .map(|e| e.spec().name)
        .collect();
    assert_eq!(names, SELECTED);
    // The metadata describes the whole catalog.
    assert_eq!(StorageError::specs(), BackupError::specs());
}

#[test]
fn the_selected_entries_round_trip() {
    for example in StorageError::examples() {
        let spec = example.spec();
        let sent = wire(spec.code, spec.example_message());
        let error = StorageError::from_response(spec.status_code(), sent.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", spec.name));
        assert_eq!(error.spec(), spec);
        assert_eq!(error.to_string(), spec.example_message());
        assert_eq!(serde_json::to_string(&error).unwrap(), sent);
    }
}

#[test]
fn every_other_entry_is_an_unknown_code() {
    let others: Vec<_> = BackupError::specs()
        .iter()
        .filter(|spec| !SELECTED.contains(&spec.name))
        .collect();
    assert_eq!(others.len(), 13);
    for spec in others {
        let sent = wire(spec.code, spec.example_message());
        let error =
            StorageError::from_response(spec.status_code(), sent.as_bytes()).expect_err(spec.name);
        assert_eq!(
            *error.kind(),
            UnrecognizedKind::UnknownCode,
            "{}",
            spec.name
        );
    }
}
