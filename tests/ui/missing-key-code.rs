#[error_catalog::catalog(path = "missing-key-code.toml")]
pub enum ApiError {}

fn main() {}
