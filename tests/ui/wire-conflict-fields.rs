#[error_catalog::catalog(path = "wire-conflict-fields.toml")]
pub enum ApiError {}

fn main() {}
