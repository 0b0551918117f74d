#[error_catalog::catalog(path = "invalid-code-leading-zero.toml")]
pub enum ApiError {}

fn main() {}
