#[error_catalog::catalog(path = "../../catalog/backup-restore.toml")]
pub struct ApiError;

fn main() {}
