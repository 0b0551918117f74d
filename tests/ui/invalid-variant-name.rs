#[error_catalog::catalog(path = "../../../../tests/ui/invalid-variant-name.toml")]
pub enum ApiError {}

fn main() {}
