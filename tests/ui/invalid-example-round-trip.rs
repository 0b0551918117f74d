#[error_catalog::catalog(path = "../../../../tests/ui/invalid-example-round-trip.toml")]
pub enum ApiError {}

fn main() {}
