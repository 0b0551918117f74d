#[error_catalog::catalog(path = "../../catalog/backup-restore.toml")]
pub enum Job {}

fn main() {}
