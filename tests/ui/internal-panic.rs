// A bug in the expansion (here the hidden, unstable `__panic_for_tests` option, which makes it
// panic on purpose) is a compile error that asks for a bug report, at the attribute or the
// derive: never "proc macro panicked".

#[error_catalog::catalog(path = "derive-enum.toml", __panic_for_tests = "the attribute's bug")]
#[derive(Debug)]
pub enum ApiError {}

#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive-enum.toml", __panic_for_tests = "the error derive's bug")]
pub enum JobError {
    JobNotPresent { job: Job, external_id: String },
}

#[derive(Clone, Copy, Debug, error_catalog::CatalogEnum)]
#[catalog(path = "derive-enum.toml", __panic_for_tests = "the enum derive's bug")]
pub enum Job {
    Export,
    Import,
    InProgress,
}

// The enum under the attribute is kept as written, so this is no second error.
fn name(error: &ApiError) -> String {
    format!("{error:?}")
}

fn main() {
    let _ = name;
}
