#[error_catalog::catalog(path = "/nonexistent/no-such-catalog.toml")]
pub enum ApiError {}

fn main() {}
