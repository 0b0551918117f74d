#[error_catalog::catalog(path = "invalid-wire-header.toml")]
pub enum ApiError {}

fn main() {}
