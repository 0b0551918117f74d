#[derive(Clone, Copy, error_catalog::CatalogEnum)]
#[catalog(path = "derive-enum.toml")]
pub enum Jobs {
    Export,
    Import,
    InProgress,
}

#[derive(Clone, Copy, error_catalog::CatalogEnum)]
#[catalog(path = "derive-enum.toml", name = "Kind")]
pub enum JobKind {
    Export,
}

fn main() {}
