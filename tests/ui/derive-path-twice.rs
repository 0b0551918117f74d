#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive.toml")]
#[catalog(path = "other.toml")]
pub enum ApiError {
    StorageNotFound { storage_id: String },
}

fn main() {}
