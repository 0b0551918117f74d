#[error_catalog::catalog(path = "../../../../tests/ui/unbalanced-brace-unclosed.toml")]
pub enum ApiError {}

fn main() {}
