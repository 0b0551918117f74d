#[error_catalog::catalog(path = "wrong-type-wire-constant.toml")]
pub enum ApiError {}

fn main() {}
