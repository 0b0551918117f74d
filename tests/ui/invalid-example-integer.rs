#[error_catalog::catalog(path = "invalid-example-integer.toml")]
pub enum ApiError {}

fn main() {}
