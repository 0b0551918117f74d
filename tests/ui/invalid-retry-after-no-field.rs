#[error_catalog::catalog(path = "invalid-retry-after-no-field.toml")]
pub enum ApiError {}

fn main() {}
