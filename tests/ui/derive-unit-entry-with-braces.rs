#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive.toml")]
pub enum ApiError {
    ExportRunning {},
}

fn main() {}
