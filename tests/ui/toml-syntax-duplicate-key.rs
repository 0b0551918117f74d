#[error_catalog::catalog(path = "toml-syntax-duplicate-key.toml")]
pub enum ApiError {}

fn main() {}
