#[error_catalog::catalog(path = "../../../../tests/ui/invalid-type-name-prelude.toml")]
pub enum ApiError {}

fn main() {}
