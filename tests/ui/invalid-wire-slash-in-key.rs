#[error_catalog::catalog(path = "invalid-wire-slash-in-key.toml")]
pub enum ApiError {}

fn main() {}
