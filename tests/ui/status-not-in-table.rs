#[error_catalog::catalog(path = "status-not-in-table.toml")]
pub enum ApiError {}

fn main() {}
