#[error_catalog::catalog(path = "../../catalog/backup-restore.toml")]
pub enum ApiError {
    Custom,
}

fn main() {}
