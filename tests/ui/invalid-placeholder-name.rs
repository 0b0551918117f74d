#[error_catalog::catalog(path = "invalid-placeholder-name.toml")]
pub enum ApiError {}

fn main() {}
