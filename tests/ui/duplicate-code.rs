#[error_catalog::catalog(path = "../../../../tests/ui/duplicate-code.toml")]
pub enum ApiError {}

fn main() {}
