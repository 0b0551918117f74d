#[error_catalog::catalog(path = "unknown-field-type-float.toml")]
pub enum ApiError {}

fn main() {}
