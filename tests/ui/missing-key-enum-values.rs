#[error_catalog::catalog(path = "missing-key-enum-values.toml")]
pub enum ApiError {}

fn main() {}
