#[error_catalog::catalog(path = "../../../../tests/ui/invalid-example-external.toml")]
pub enum ApiError {}

fn main() {}
