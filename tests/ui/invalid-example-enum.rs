#[error_catalog::catalog(path = "../../../../tests/ui/invalid-example-enum.toml")]
pub enum ApiError {}

fn main() {}
