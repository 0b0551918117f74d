#[error_catalog::catalog(path = "unknown-key-in-field.toml")]
pub enum ApiError {}

fn main() {}
