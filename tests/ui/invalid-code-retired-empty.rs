#[error_catalog::catalog(path = "invalid-code-retired-empty.toml")]
pub enum ApiError {}

fn main() {}
