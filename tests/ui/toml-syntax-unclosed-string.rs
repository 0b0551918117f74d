#[error_catalog::catalog(path = "../../../../tests/ui/toml-syntax-unclosed-string.toml")]
pub enum ApiError {}

fn main() {}
