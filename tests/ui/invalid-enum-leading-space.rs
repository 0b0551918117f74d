#[error_catalog::catalog(path = "../../../../tests/ui/invalid-enum-leading-space.toml")]
pub enum ApiError {}

fn main() {}
