#[error_catalog::catalog(path = "invalid-code-retired-not-integer.toml")]
pub enum ApiError {}

fn main() {}
