#[error_catalog::catalog(path = "status-out-of-range.toml")]
pub enum ApiError {}

fn main() {}
