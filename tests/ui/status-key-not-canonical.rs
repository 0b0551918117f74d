#[error_catalog::catalog(path = "status-key-not-canonical.toml")]
pub enum ApiError {}

fn main() {}
