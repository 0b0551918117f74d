//! The attribute's options and the enum's visibility, as a downstream crate uses them.

/// A crate that re-exports the runtime under another path, as a framework would.
mod framework {
    pub mod errors {
        pub use ::error_catalog::*;
    }
}

mod rerooted {
    // No `error_catalog` in scope here but through the re-export.
    pub mod error_catalog {}

    #[::error_catalog::catalog(
        path = "../catalog/backup-restore.toml",
        crate = "crate::options::framework::errors"
    )]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum BackupError {}
}

mod restricted {
    #[error_catalog::catalog(path = "catalogs/client.toml")]
    #[derive(Debug, PartialEq, Eq)]
    pub(crate) enum CaseError {}
}

#[test]
fn the_crate_option_reroots_every_path() {
    use framework::errors::CatalogError;
    let error = rerooted::BackupError::JobNotPresent {
        job: rerooted::Job::Export,
        external_id: "e-58".into(),
    };
    assert_eq!(error.code(), "110");
    let body = serde_json::to_string(&error).unwrap();
    let back = rerooted::BackupError::from_response(error.status(), body.as_bytes()).unwrap();
    assert_eq!(back, error);
    assert_eq!(<rerooted::BackupError as CatalogError>::specs().len(), 17);
}

#[test]
fn a_crate_visible_enum_and_its_methods_are_usable_in_the_crate() {
    let error = restricted::CaseError::Echo { word: "hi".into() };
    assert_eq!(error.code(), "E3");
    assert_eq!(restricted::CaseError::specs().len(), 5);
    assert_eq!(
        restricted::CaseError::from_parts(http::StatusCode::BAD_REQUEST, "E3", "hi said hi"),
        Ok(error)
    );
}
