#[error_catalog::catalog(path = "../../../../tests/ui/toml-syntax-duplicate-key.toml")]
pub enum ApiError {}

fn main() {}
