#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive.toml")]
pub enum ApiError {
    #[catalog(code = "113")]
    NoBackup { export_id: String },
}

fn main() {}
