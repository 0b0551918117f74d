#[error_catalog::catalog(path = "wire-conflict-same-place.toml")]
pub enum ApiError {}

fn main() {}
