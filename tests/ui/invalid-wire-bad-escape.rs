#[error_catalog::catalog(path = "invalid-wire-bad-escape.toml")]
pub enum ApiError {}

fn main() {}
