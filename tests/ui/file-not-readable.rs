#[error_catalog::catalog(path = "../../../../tests/ui/no-such-catalog.toml")]
pub enum ApiError {}

fn main() {}
