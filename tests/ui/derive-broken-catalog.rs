// A broken catalog reports what the attribute reports, at the path literal.
#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "duplicate-code.toml")]
pub enum ApiError {
    StorageNotFound { storage_id: String },
}

fn main() {}
