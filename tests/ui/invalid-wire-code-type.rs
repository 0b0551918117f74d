#[error_catalog::catalog(path = "invalid-wire-code-type.toml")]
pub enum ApiError {}

fn main() {}
