#[error_catalog::catalog(path = "unknown-key.toml")]
pub enum ApiError {}

fn main() {}
