#[error_catalog::catalog(path = "../../../../tests/ui/status-key-not-canonical.toml")]
pub enum ApiError {}

fn main() {}
