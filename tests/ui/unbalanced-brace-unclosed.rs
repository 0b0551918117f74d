#[error_catalog::catalog(path = "unbalanced-brace-unclosed.toml")]
pub enum ApiError {}

fn main() {}
