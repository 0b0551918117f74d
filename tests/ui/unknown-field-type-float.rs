#[error_catalog::catalog(path = "../../../../tests/ui/unknown-field-type-float.toml")]
pub enum ApiError {}

fn main() {}
