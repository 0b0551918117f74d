#[error_catalog::catalog(path = "invalid-wire-header-reserved.toml")]
pub enum ApiError {}

fn main() {}
