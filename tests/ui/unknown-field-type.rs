#[error_catalog::catalog(path = "unknown-field-type.toml")]
pub enum ApiError {}

fn main() {}
