#[error_catalog::catalog(path = "../../catalog/backup-restore.toml", file = "x.toml")]
pub enum ApiError {}

fn main() {}
