#[error_catalog::catalog(path = "name-collision.toml")]
pub enum ApiError {}

fn main() {}
