#[error_catalog::catalog(path = "../../../../tests/ui/invalid-type-name.toml")]
pub enum ApiError {}

fn main() {}
