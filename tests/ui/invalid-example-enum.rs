#[error_catalog::catalog(path = "invalid-example-enum.toml")]
pub enum ApiError {}

fn main() {}
