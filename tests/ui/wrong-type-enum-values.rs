#[error_catalog::catalog(path = "../../../../tests/ui/wrong-type-enum-values.toml")]
pub enum ApiError {}

fn main() {}
