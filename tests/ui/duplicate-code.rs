#[error_catalog::catalog(path = "duplicate-code.toml")]
pub enum ApiError {}

fn main() {}
