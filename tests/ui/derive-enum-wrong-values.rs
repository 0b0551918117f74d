// `Job` derives `CatalogEnum` from an older catalog, which lacks two of the values that
// `JobError` receives.
#[derive(Clone, Copy, Debug, error_catalog::CatalogEnum)]
#[catalog(path = "derive-enum-wrong-values.toml")]
pub enum Job {
    Export,
}

#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive-enum.toml")]
pub enum JobError {
    JobNotPresent { job: Job, external_id: String },
}

fn main() {}
