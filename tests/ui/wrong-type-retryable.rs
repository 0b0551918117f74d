#[error_catalog::catalog(path = "wrong-type-retryable.toml")]
pub enum ApiError {}

fn main() {}
