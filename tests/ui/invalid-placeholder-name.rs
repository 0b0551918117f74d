#[error_catalog::catalog(path = "../../../../tests/ui/invalid-placeholder-name.toml")]
pub enum ApiError {}

fn main() {}
