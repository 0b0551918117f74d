#[error_catalog::catalog(path = "ambiguous-translations.toml")]
pub enum ApiError {}

fn main() {}
