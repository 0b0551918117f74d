#[error_catalog::catalog(path = "invalid-variant-name.toml")]
pub enum ApiError {}

fn main() {}
