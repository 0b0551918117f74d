#[error_catalog::catalog(path = "invalid-locale.toml")]
pub enum ApiError {}

fn main() {}
