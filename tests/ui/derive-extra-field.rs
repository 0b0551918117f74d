#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive.toml")]
pub enum ApiError {
    StorageNotFound { storage_id: String, region: String },
    ExportRunning { since: u64 },
}

fn main() {}
