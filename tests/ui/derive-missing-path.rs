#[derive(Debug, error_catalog::CatalogError)]
pub enum ApiError {
    StorageNotFound { storage_id: String },
}

fn main() {}
