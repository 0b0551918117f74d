#[derive(Clone, Copy, error_catalog::CatalogEnum)]
#[catalog(path = "derive-enum.toml")]
pub enum Job {
    Export,
    Imprt,
    InProgress,
    Restore,
}

fn main() {}
