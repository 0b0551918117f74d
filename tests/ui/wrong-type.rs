#[error_catalog::catalog(path = "../../../../tests/ui/wrong-type.toml")]
pub enum ApiError {}

fn main() {}
