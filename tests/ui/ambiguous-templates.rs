#[error_catalog::catalog(path = "ambiguous-templates.toml")]
pub enum ApiError {}

fn main() {}
