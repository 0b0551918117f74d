#[error_catalog::catalog(path = "../../../../tests/ui/invalid-code-space.toml")]
pub enum ApiError {}

fn main() {}
