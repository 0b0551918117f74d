#[error_catalog::catalog(path = "../../../../tests/ui/invalid-variant-name-keyword.toml")]
pub enum ApiError {}

fn main() {}
