#[error_catalog::catalog(path = "../../../../tests/ui/status-out-of-range.toml")]
pub enum ApiError {}

fn main() {}
