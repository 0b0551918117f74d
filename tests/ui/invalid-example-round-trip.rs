#[error_catalog::catalog(path = "invalid-example-round-trip.toml")]
pub enum ApiError {}

fn main() {}
