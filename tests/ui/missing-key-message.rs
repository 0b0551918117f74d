#[error_catalog::catalog(path = "../../../../tests/ui/missing-key-message.toml")]
pub enum ApiError {}

fn main() {}
