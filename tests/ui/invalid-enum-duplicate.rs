#[error_catalog::catalog(path = "invalid-enum-duplicate.toml")]
pub enum ApiError {}

fn main() {}
