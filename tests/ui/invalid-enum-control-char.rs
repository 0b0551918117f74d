#[error_catalog::catalog(path = "../../../../tests/ui/invalid-enum-control-char.toml")]
pub enum ApiError {}

fn main() {}
