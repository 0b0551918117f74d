#[error_catalog::catalog(path = "invalid-retry-after-string.toml")]
pub enum ApiError {}

fn main() {}
