#[error_catalog::catalog(path = "missing-key-status.toml")]
pub enum ApiError {}

fn main() {}
