#[error_catalog::catalog(path = "invalid-wire-empty.toml")]
pub enum ApiError {}

fn main() {}
