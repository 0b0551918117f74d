#[error_catalog::catalog(path = "invalid-code-space.toml")]
pub enum ApiError {}

fn main() {}
