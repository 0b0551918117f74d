#[error_catalog::catalog(path = "translation-placeholders.toml")]
pub enum ApiError {}

fn main() {}
