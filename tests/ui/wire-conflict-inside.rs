#[error_catalog::catalog(path = "wire-conflict-inside.toml")]
pub enum ApiError {}

fn main() {}
