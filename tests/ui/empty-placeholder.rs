#[error_catalog::catalog(path = "empty-placeholder.toml")]
pub enum ApiError {}

fn main() {}
