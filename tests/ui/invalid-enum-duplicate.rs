#[error_catalog::catalog(path = "../../../../tests/ui/invalid-enum-duplicate.toml")]
pub enum ApiError {}

fn main() {}
