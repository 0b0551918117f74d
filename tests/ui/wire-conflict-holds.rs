#[error_catalog::catalog(path = "wire-conflict-holds.toml")]
pub enum ApiError {}

fn main() {}
