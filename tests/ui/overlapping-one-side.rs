#[error_catalog::catalog(path = "overlapping-one-side.toml")]
pub enum ApiError {}

fn main() {}
