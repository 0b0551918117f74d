#[error_catalog::catalog(path = "invalid-docs-url-relative.toml")]
pub enum ApiError {}

fn main() {}
