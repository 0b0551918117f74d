#[error_catalog::catalog(path = "adjacent-placeholders.toml")]
pub enum ApiError {}

fn main() {}
