#[error_catalog::catalog(path = "../../../../tests/ui/invalid-code-retired-empty.toml")]
pub enum ApiError {}

fn main() {}
