#[error_catalog::catalog(path = "unbalanced-brace-stray.toml")]
pub enum ApiError {}

fn main() {}
