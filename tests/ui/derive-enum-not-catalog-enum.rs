// `Job` has `Display` and `FromStr` but does not implement `CatalogEnum`.
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug)]
pub enum Job {
    Export,
    Import,
    InProgress,
}

impl fmt::Display for Job {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Job::Export => "EXPORT",
            Job::Import => "IMPORT",
            Job::InProgress => "in-progress",
        })
    }
}

impl FromStr for Job {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, ()> {
        match text {
            "EXPORT" => Ok(Job::Export),
            "IMPORT" => Ok(Job::Import),
            "in-progress" => Ok(Job::InProgress),
            _ => Err(()),
        }
    }
}

#[derive(Debug, error_catalog::CatalogError)]
#[catalog(path = "derive-enum.toml")]
pub enum JobError {
    JobNotPresent { job: Job, external_id: String },
}

fn main() {}
