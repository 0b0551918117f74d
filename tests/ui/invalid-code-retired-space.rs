#[error_catalog::catalog(path = "../../../../tests/ui/invalid-code-retired-space.toml")]
pub enum ApiError {}

fn main() {}
