#[error_catalog::catalog(path = "../../../../tests/ui/unknown-key-top-level.toml")]
pub enum ApiError {}

fn main() {}
