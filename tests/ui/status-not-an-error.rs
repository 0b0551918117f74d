#[error_catalog::catalog(path = "../../../../tests/ui/status-not-an-error.toml")]
pub enum ApiError {}

fn main() {}
