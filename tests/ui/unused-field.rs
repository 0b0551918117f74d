#[error_catalog::catalog(path = "unused-field.toml")]
pub enum ApiError {}

fn main() {}
