#[derive(Clone, Copy, error_catalog::CatalogEnum)]
#[catalog(path = "derive-enum.toml")]
pub enum Job {
    Export,
}

fn main() {}
