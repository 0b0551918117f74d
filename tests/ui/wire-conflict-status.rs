#[error_catalog::catalog(path = "wire-conflict-status.toml")]
pub enum ApiError {}

fn main() {}
