#[error_catalog::catalog(path = "status-not-an-error.toml")]
pub enum ApiError {}

fn main() {}
