#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive.toml")]
pub enum ApiError {
    StorageNotFund { storage_id: String },
}

fn main() {}
