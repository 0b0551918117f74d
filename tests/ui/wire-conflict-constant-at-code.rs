#[error_catalog::catalog(path = "wire-conflict-constant-at-code.toml")]
pub enum ApiError {}

fn main() {}
