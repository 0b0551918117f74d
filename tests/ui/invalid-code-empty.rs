#[error_catalog::catalog(path = "invalid-code-empty.toml")]
pub enum ApiError {}

fn main() {}
