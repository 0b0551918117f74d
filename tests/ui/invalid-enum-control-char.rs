#[error_catalog::catalog(path = "invalid-enum-control-char.toml")]
pub enum ApiError {}

fn main() {}
