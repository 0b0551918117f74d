#[error_catalog::catalog(path = "invalid-variant-name-keyword.toml")]
pub enum ApiError {}

fn main() {}
