#[error_catalog::catalog(path = "unknown-key-top-level.toml")]
pub enum ApiError {}

fn main() {}
