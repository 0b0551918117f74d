#[error_catalog::catalog(path = "missing-key-message.toml")]
pub enum ApiError {}

fn main() {}
