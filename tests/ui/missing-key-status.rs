#[error_catalog::catalog(path = "../../../../tests/ui/missing-key-status.toml")]
pub enum ApiError {}

fn main() {}
