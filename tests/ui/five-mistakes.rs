#[error_catalog::catalog(path = "five-mistakes.toml")]
pub enum ApiError {}

fn main() {}
