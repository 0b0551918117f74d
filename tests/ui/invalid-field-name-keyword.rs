#[error_catalog::catalog(path = "../../../../tests/ui/invalid-field-name-keyword.toml")]
pub enum ApiError {}

fn main() {}
