//! Generates `BackupError` from the seed catalog into `OUT_DIR/backup_error.rs`.

fn main() {
    let generated =
        error_catalog_codegen::Builder::new("../../catalog/backup-restore.toml", "BackupError")
            .derives(["Clone", "PartialEq", "Eq"])
            .generate();
    if generated.is_err() {
        // `generate` has printed the diagnostics as `cargo::error` lines.
        std::process::exit(1);
    }
}
