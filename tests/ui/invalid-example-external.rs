#[error_catalog::catalog(path = "invalid-example-external.toml")]
pub enum ApiError {}

fn main() {}
