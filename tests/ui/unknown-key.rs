#[error_catalog::catalog(path = "../../../../tests/ui/unknown-key.toml")]
pub enum ApiError {}

fn main() {}
