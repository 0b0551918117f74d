#[error_catalog::catalog(path = "../../../../tests/ui/missing-key-code.toml")]
pub enum ApiError {}

fn main() {}
