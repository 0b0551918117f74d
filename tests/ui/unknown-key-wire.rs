#[error_catalog::catalog(path = "unknown-key-wire.toml")]
pub enum ApiError {}

fn main() {}
