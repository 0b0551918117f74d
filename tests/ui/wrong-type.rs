#[error_catalog::catalog(path = "wrong-type.toml")]
pub enum ApiError {}

fn main() {}
