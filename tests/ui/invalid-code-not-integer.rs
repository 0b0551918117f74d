#[error_catalog::catalog(path = "invalid-code-not-integer.toml")]
pub enum ApiError {}

fn main() {}
