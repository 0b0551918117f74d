#[error_catalog::catalog(path = "../../../../tests/ui/unknown-key-in-catalog.toml")]
pub enum ApiError {}

fn main() {}
