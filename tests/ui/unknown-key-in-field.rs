#[error_catalog::catalog(path = "../../../../tests/ui/unknown-key-in-field.toml")]
pub enum ApiError {}

fn main() {}
