#[error_catalog::catalog(path = "toml-syntax-unclosed-string.toml")]
pub enum ApiError {}

fn main() {}
