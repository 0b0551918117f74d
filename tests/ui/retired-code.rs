#[error_catalog::catalog(path = "retired-code.toml")]
pub enum ApiError {}

fn main() {}
