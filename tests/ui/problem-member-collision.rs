#[error_catalog::catalog(path = "problem-member-collision.toml")]
pub enum ApiError {}

fn main() {}
