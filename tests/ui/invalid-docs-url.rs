#[error_catalog::catalog(path = "invalid-docs-url.toml")]
pub enum ApiError {}

fn main() {}
