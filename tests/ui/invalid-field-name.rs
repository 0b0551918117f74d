#[error_catalog::catalog(path = "../../../../tests/ui/invalid-field-name.toml")]
pub enum ApiError {}

fn main() {}
