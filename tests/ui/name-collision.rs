#[error_catalog::catalog(path = "../../../../tests/ui/name-collision.toml")]
pub enum ApiError {}

fn main() {}
