#[error_catalog::catalog(path = "duplicate-translation.toml")]
pub enum ApiError {}

fn main() {}
