#[error_catalog::catalog(path = "undeclared-locale.toml")]
pub enum ApiError {}

fn main() {}
