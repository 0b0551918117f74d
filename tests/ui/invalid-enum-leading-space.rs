#[error_catalog::catalog(path = "invalid-enum-leading-space.toml")]
pub enum ApiError {}

fn main() {}
