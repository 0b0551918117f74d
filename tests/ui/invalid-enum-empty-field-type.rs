#[error_catalog::catalog(path = "../../../../tests/ui/invalid-enum-empty-field-type.toml")]
pub enum ApiError {}

fn main() {}
