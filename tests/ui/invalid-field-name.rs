#[error_catalog::catalog(path = "invalid-field-name.toml")]
pub enum ApiError {}

fn main() {}
