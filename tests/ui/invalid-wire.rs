#[error_catalog::catalog(path = "invalid-wire.toml")]
pub enum ApiError {}

fn main() {}
