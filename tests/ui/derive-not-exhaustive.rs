#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive.toml", exhaustive)]
pub enum ApiError {
    StorageNotFound { storage_id: String },
    #[catalog(code = "140")]
    Busy,
}

fn main() {}
