#[error_catalog::catalog(path = "../../catalog/backup-restore.toml", path = "other.toml")]
pub enum ApiError {}

fn main() {}
