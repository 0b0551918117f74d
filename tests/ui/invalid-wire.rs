#[error_catalog::catalog(path = "../../../../tests/ui/invalid-wire.toml")]
pub enum ApiError {}

fn main() {}
