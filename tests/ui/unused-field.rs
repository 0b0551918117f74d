#[error_catalog::catalog(path = "../../../../tests/ui/unused-field.toml")]
pub enum ApiError {}

fn main() {}
