#[error_catalog::catalog(path = "../../../../tests/ui/invalid-example-integer.toml")]
pub enum ApiError {}

fn main() {}
