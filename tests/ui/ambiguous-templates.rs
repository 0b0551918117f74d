#[error_catalog::catalog(path = "../../../../tests/ui/ambiguous-templates.toml")]
pub enum ApiError {}

fn main() {}
