#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive.toml")]
pub enum ApiError {
    PolicyExists { org_id: String },
}

fn main() {}
