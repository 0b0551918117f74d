#[error_catalog::catalog(path = "invalid-type-name.toml")]
pub enum ApiError {}

fn main() {}
