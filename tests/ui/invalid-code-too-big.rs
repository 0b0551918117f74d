#[error_catalog::catalog(path = "invalid-code-too-big.toml")]
pub enum ApiError {}

fn main() {}
