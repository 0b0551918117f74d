#[error_catalog::catalog(path = "../../../../tests/ui/five-mistakes.toml")]
pub enum ApiError {}

fn main() {}
