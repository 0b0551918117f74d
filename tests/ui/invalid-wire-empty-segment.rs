#[error_catalog::catalog(path = "invalid-wire-empty-segment.toml")]
pub enum ApiError {}

fn main() {}
