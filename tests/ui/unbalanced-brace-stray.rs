#[error_catalog::catalog(path = "../../../../tests/ui/unbalanced-brace-stray.toml")]
pub enum ApiError {}

fn main() {}
