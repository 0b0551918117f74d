#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive.toml")]
pub enum ApiError {
    StorageNotFound { storage_id: String },
    #[catalog(code = "129")]
    NoStorage { storage_id: String },
}

fn main() {}
