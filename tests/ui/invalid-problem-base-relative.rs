#[error_catalog::catalog(path = "invalid-problem-base-relative.toml")]
pub enum ApiError {}

fn main() {}
