#[error_catalog::catalog(path = "../../../../tests/ui/invalid-code-empty.toml")]
pub enum ApiError {}

fn main() {}
