#[error_catalog::catalog(path = "../../../../tests/ui/unknown-field-type.toml")]
pub enum ApiError {}

fn main() {}
