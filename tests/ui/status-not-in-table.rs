#[error_catalog::catalog(path = "../../../../tests/ui/status-not-in-table.toml")]
pub enum ApiError {}

fn main() {}
