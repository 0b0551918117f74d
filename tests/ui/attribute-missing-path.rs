#[error_catalog::catalog]
pub enum ApiError {}

fn main() {}
