#[error_catalog::catalog(path = "invalid-code-retired-space.toml")]
pub enum ApiError {}

fn main() {}
