#[error_catalog::catalog(path = "invalid-enum-empty.toml")]
pub enum ApiError {}

fn main() {}
