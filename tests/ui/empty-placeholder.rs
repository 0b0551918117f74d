#[error_catalog::catalog(path = "../../../../tests/ui/empty-placeholder.toml")]
pub enum ApiError {}

fn main() {}
