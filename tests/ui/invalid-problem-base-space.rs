#[error_catalog::catalog(path = "invalid-problem-base-space.toml")]
pub enum ApiError {}

fn main() {}
