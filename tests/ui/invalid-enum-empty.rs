#[error_catalog::catalog(path = "../../../../tests/ui/invalid-enum-empty.toml")]
pub enum ApiError {}

fn main() {}
