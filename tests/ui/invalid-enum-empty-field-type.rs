#[error_catalog::catalog(path = "invalid-enum-empty-field-type.toml")]
pub enum ApiError {}

fn main() {}
