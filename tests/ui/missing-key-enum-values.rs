#[error_catalog::catalog(path = "../../../../tests/ui/missing-key-enum-values.toml")]
pub enum ApiError {}

fn main() {}
