#[error_catalog::catalog(path = "../../../../tests/ui/empty-message.toml")]
pub enum ApiError {}

fn main() {}
