#[error_catalog::catalog(path = "unknown-key-in-catalog.toml")]
pub enum ApiError {}

fn main() {}
