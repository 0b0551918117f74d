#[error_catalog::catalog(path = "empty-message.toml")]
pub enum ApiError {}

fn main() {}
