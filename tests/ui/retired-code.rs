#[error_catalog::catalog(path = "../../../../tests/ui/retired-code.toml")]
pub enum ApiError {}

fn main() {}
