#[error_catalog::catalog(path = "invalid-type-name-prelude.toml")]
pub enum ApiError {}

fn main() {}
