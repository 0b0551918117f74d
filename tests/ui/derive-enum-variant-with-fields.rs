#[derive(Clone, Copy, error_catalog::CatalogEnum)]
#[catalog(path = "derive-enum.toml")]
pub enum Job {
    Export(u8),
    Import { id: u32 },
    InProgress,
}

fn main() {}
