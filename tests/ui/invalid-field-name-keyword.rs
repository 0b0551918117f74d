#[error_catalog::catalog(path = "invalid-field-name-keyword.toml")]
pub enum ApiError {}

fn main() {}
