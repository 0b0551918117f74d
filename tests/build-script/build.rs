//! Generates `BackupError` from the seed catalog into `OUT_DIR/backup_error.rs`, and
//! `StorageError`, a few of its entries, into `OUT_DIR/storage_error.rs`.

use error_catalog_build::Builder;

const CATALOG: &str = "../../catalog/backup-restore.toml";

fn main() {
    Builder::new(CATALOG, "BackupError")
        .derives(["Clone", "PartialEq", "Eq"])
        .generate()
        .unwrap();
    Builder::new(CATALOG, "StorageError")
        .entries([
            "StorageNotFound",
            "ConflictingStorageName",
            // The two entries with code 113 go together.
            "BackupIdNotFoundForExport",
            "BackupIdNotFoundForImport",
        ])
        .derives(["Clone", "PartialEq"])
        .generate()
        .unwrap();
}
