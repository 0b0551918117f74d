#[error_catalog::catalog(path = "../../../../tests/ui/adjacent-placeholders.toml")]
pub enum ApiError {}

fn main() {}
