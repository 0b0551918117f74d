#[error_catalog::catalog(path = "wrong-type-enum-values.toml")]
pub enum ApiError {}

fn main() {}
