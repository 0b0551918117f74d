//! `#[derive(CatalogError)]` on hand-written enums, as a client crate uses it: a subset of the
//! seed catalog, an `exhaustive` enum with its own variant names, an attribute enum and a
//! derived subset side by side, and two catalogs in one module.

use error_catalog::{CatalogError, UnrecognizedKind};
use http::StatusCode;

/// A client that cares about four errors of the seed catalog and no others.
#[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
#[catalog(path = "../catalog/backup-restore.toml")]
pub(crate) enum StorageError {
    /// `StorageNotFound`, by name.
    StorageNotFound { storage_id: std::string::String },
    /// `ConflictingStorageName`, by code.
    #[catalog(code = "128")]
    NameTaken { storage_name: String },
    /// A unit entry.
    RestoreAlreadyExists,
    /// The import one of the two entries that share code 113.
    #[catalog(code = "113", entry = "BackupIdNotFoundForImport")]
    NoBackupForImport { import_id: ::std::string::String },
}

#[test]
fn a_covered_body_parses_to_its_variant() {
    let body =
        br#"{"errorCode":"129","errorMessage":"Storage Details not found for storageId = s-1"}"#;
    let error = StorageError::from_response(StatusCode::NOT_FOUND, body).unwrap();
    assert_eq!(
        error,
        StorageError::StorageNotFound {
            storage_id: "s-1".into()
        }
    );
    assert_eq!(error.code(), "129");
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.spec().name, "StorageNotFound");

    let body = br#"{"errorCode":"128","errorMessage":"Conflicting Storage name = vault"}"#;
    let error = StorageError::from_response(StatusCode::CONFLICT, body).unwrap();
    assert_eq!(
        error,
        StorageError::NameTaken {
            storage_name: "vault".into()
        }
    );
    assert_eq!(error.spec().name, "ConflictingStorageName");
}

#[test]
fn an_uncovered_code_is_unknown_and_keeps_the_status() {
    // 127 is `BackupPolicyAlreadyExists`, in the catalog but not in the enum.
    let body = br#"{"errorCode":"127","errorMessage":"Backup Policy already exists with orgId: o cloudId: c product: p"}"#;
    let unrecognized = StorageError::from_response(StatusCode::CONFLICT, body).unwrap_err();
    assert_eq!(unrecognized.kind(), &UnrecognizedKind::UnknownCode);
    assert_eq!(unrecognized.status(), StatusCode::CONFLICT);
    assert_eq!(unrecognized.code(), Some("127"));
}

#[test]
fn a_shared_code_tries_only_the_covered_entries() {
    let import = StorageError::from_parts(
        StatusCode::NOT_FOUND,
        "113",
        "BackupId not found for importId = i-1",
    );
    assert_eq!(
        import,
        Ok(StorageError::NoBackupForImport {
            import_id: "i-1".into()
        })
    );
    // The export entry shares the code but no variant holds it.
    let export = StorageError::from_parts(
        StatusCode::NOT_FOUND,
        "113",
        "BackupId not found for exportId = e-1",
    )
    .unwrap_err();
    assert_eq!(export.kind(), &UnrecognizedKind::MessageMismatch);
}

#[test]
fn a_derived_enum_renders_and_serializes_as_the_catalog_says() {
    let error = StorageError::NameTaken {
        storage_name: "vault-eu".into(),
    };
    assert_eq!(error.to_string(), "Conflicting Storage name = vault-eu");
    assert_eq!(format!("{error:>40}").len(), 40);
    assert_eq!(
        serde_json::to_string(&error).unwrap(),
        r#"{"errorCode":"128","errorMessage":"Conflicting Storage name = vault-eu"}"#
    );
    let dynamic: &dyn CatalogError = &error;
    assert_eq!(dynamic.code(), "128");
}

#[test]
fn the_metadata_is_the_whole_catalog() {
    assert_eq!(StorageError::catalog().title, "Backup and restore API");
    assert_eq!(StorageError::specs().len(), BackupError::specs().len());
}

#[test]
fn examples_round_trip() {
    let examples = StorageError::examples();
    assert_eq!(examples.len(), 4);
    assert_eq!(
        examples[0],
        StorageError::StorageNotFound {
            storage_id: "s-17".into()
        }
    );
    for example in examples {
        let body = serde_json::to_vec(&example).unwrap();
        let parsed = StorageError::from_response(example.status(), &body);
        assert_eq!(parsed.as_ref(), Ok(&example), "{example}");
    }
}

/// The attribute's enum of the same catalog, beside the derived subset: its generated `Job`
/// types the derived enum's `job` fields.
#[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

/// Every entry, under names of this crate's choosing.
#[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
#[catalog(path = "../catalog/backup-restore.toml", exhaustive)]
pub(crate) enum Backup {
    #[catalog(code = "127")]
    PolicyExists {
        org_id: String,
        cloud_id: String,
        product: String,
    },
    #[catalog(code = "103")]
    ProductMissing { product: String, cloud_id: String },
    #[catalog(code = "108")]
    BadBackupId { backup_id: String },
    #[catalog(code = "137")]
    RestoreExists,
    #[catalog(code = "120")]
    BadRestoreId { restore_id: String },
    #[catalog(code = "128")]
    NameTaken { storage_name: String },
    #[catalog(code = "130")]
    BadPrincipal {
        principal_tag: String,
        role_identifier: String,
    },
    #[catalog(code = "133")]
    RegionNotEligible {
        region: String,
        org_id: String,
        cloud_id: String,
    },
    #[catalog(code = "142")]
    ValidationFailed {
        bucket_name: String,
        base_path: String,
        region: String,
    },
    #[catalog(code = "129")]
    NoStorage { storage_id: String },
    #[catalog(code = "131")]
    NoCompletedExport { backup_id: String },
    #[catalog(code = "140")]
    ExportRunning,
    #[catalog(code = "113", entry = "BackupIdNotFoundForExport")]
    NoBackupForExport { export_id: String },
    #[catalog(code = "110")]
    JobMissing { job: Job, external_id: String },
    #[catalog(code = "112")]
    WrongCloud {
        cloud_id: String,
        job: Job,
        external_id: String,
    },
    #[catalog(entry = "BackupIdNotFoundForImport")]
    NoBackupForImport { import_id: String },
    #[catalog(code = "143")]
    NoReport { migration_id: String },
}

#[test]
fn an_exhaustive_enum_reads_every_entry_under_its_own_names() {
    let examples = Backup::examples();
    assert_eq!(examples.len(), Backup::specs().len());
    for example in &examples {
        let body = serde_json::to_vec(example).unwrap();
        assert_eq!(
            Backup::from_response(example.status(), &body).as_ref(),
            Ok(example)
        );
    }
    let message = "Invalid cloudId=a for job=b for job=IMPORT with externalId=x";
    assert_eq!(
        Backup::from_parts(StatusCode::NOT_FOUND, "112", message),
        Ok(Backup::WrongCloud {
            cloud_id: "a for job=b".into(),
            job: Job::Import,
            external_id: "x".into(),
        })
    );
}

#[test]
fn the_attribute_enum_and_the_derived_one_agree_on_the_wire() {
    for example in BackupError::examples() {
        let body = serde_json::to_vec(&example).unwrap();
        let derived = Backup::from_response(example.status(), &body).unwrap();
        assert_eq!(derived.to_string(), example.to_string());
        assert_eq!(derived.spec(), example.spec());
        assert_eq!(serde_json::to_vec(&derived).unwrap(), body);
    }
}

/// Two catalogs, one module.
mod two_catalogs {
    #[derive(Debug, PartialEq, error_catalog::CatalogError)]
    #[catalog(path = "../catalog/backup-restore.toml")]
    pub(crate) enum Storage {
        StorageNotFound { storage_id: String },
    }

    #[derive(Debug, PartialEq, error_catalog::CatalogError)]
    #[catalog(path = "catalogs/client.toml")]
    pub(crate) enum Client {
        #[catalog(entry = "GoneForGood")]
        Gone {
            what: String,
        },
        Address {
            addr: ::std::net::Ipv4Addr,
        },
        Progress {
            rest: String,
            step: ::core::primitive::u8,
            tail: String,
            total: i16,
        },
    }
}

#[test]
fn two_catalogs_in_one_module() {
    use two_catalogs::{Client, Storage};
    assert_eq!(
        Storage::from_parts(
            StatusCode::NOT_FOUND,
            "129",
            "Storage Details not found for storageId = s"
        ),
        Ok(Storage::StorageNotFound {
            storage_id: "s".into()
        })
    );
    assert_eq!(
        Client::from_parts(StatusCode::GONE, "E1", "not available: x"),
        Ok(Client::Gone { what: "x".into() })
    );
    assert_eq!(
        Client::from_parts(StatusCode::BAD_REQUEST, "E4", "bad address 10.0.0.1"),
        Ok(Client::Address {
            addr: std::net::Ipv4Addr::new(10, 0, 0, 1)
        })
    );
    // Text that is no address as `Ipv4Addr` renders one is no match.
    assert_eq!(
        Client::from_parts(StatusCode::BAD_REQUEST, "E4", "bad address 010.0.0.1")
            .unwrap_err()
            .kind(),
        &UnrecognizedKind::MessageMismatch
    );
    assert_eq!(Client::catalog().title, "Client cases");
    assert_eq!(Storage::catalog().title, "Backup and restore API");
    assert_eq!(Client::examples().len(), 3);
}

/// A catalog enum the client declares itself, its values checked against the catalog by
/// `#[derive(CatalogEnum)]`, in its own order.
mod own_job {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, error_catalog::CatalogEnum)]
    #[catalog(path = "../catalog/backup-restore.toml")]
    pub(crate) enum Job {
        Import,
        Export,
    }

    #[derive(Debug, PartialEq, error_catalog::CatalogError)]
    #[catalog(path = "../catalog/backup-restore.toml")]
    pub(crate) enum JobError {
        JobNotPresent { job: Job, external_id: String },
    }
}

#[test]
fn a_catalog_enum_of_the_clients_own() {
    use own_job::{Job, JobError};
    let message = "Brie job=IMPORT with externalId=i-1 is not present";
    let error = JobError::from_parts(StatusCode::NOT_FOUND, "110", message).unwrap();
    assert_eq!(
        error,
        JobError::JobNotPresent {
            job: Job::Import,
            external_id: "i-1".into()
        }
    );
    assert_eq!(error.to_string(), message);
    assert_eq!(
        JobError::examples(),
        [JobError::JobNotPresent {
            job: Job::Export,
            external_id: "e-58".into()
        }]
    );
}

#[test]
fn a_derived_catalog_enum_agrees_with_the_catalog() {
    use error_catalog::CatalogEnum;
    use own_job::{Job, JobError};
    let spec = JobError::catalog()
        .types
        .iter()
        .find(|ty| ty.name == "Job")
        .unwrap();
    // `VALUES` in catalog order, whatever the order of the variants.
    assert_eq!(Job::VALUES, spec.values);
    assert_eq!(Job::VALUES, ["EXPORT", "IMPORT"]);
    for (job, text) in [(Job::Export, "EXPORT"), (Job::Import, "IMPORT")] {
        assert_eq!(job.as_str(), text);
        assert_eq!(job.to_string(), text);
        assert_eq!(text.parse::<Job>(), Ok(job));
    }
    let unknown = "export".parse::<Job>().unwrap_err();
    assert_eq!(unknown.ty, "Job");
    assert_eq!(unknown.text, "export");
    assert_eq!(unknown.to_string(), "`export` is not a value of `Job`");
}

#[test]
fn a_derived_catalog_enum_honours_format_flags() {
    use own_job::Job;
    assert_eq!(format!("[{:>8}]", Job::Import), "[  IMPORT]");
    assert_eq!(format!("[{:-<8}]", Job::Export), "[EXPORT--]");
    assert_eq!(format!("[{:.3}]", Job::Export), "[EXP]");
    assert_eq!(format!("[{:^9.2}]", Job::Import), "[   IM    ]");
}

/// `name` for a Rust enum named unlike its `[types.X]` key.
#[derive(Debug, Clone, Copy, PartialEq, error_catalog::CatalogEnum)]
#[catalog(path = "../catalog/backup-restore.toml", name = "Job")]
enum JobKind {
    Export,
    Import,
}

#[test]
fn a_renamed_catalog_enum_uses_the_catalog_name() {
    use error_catalog::CatalogEnum;
    assert_eq!(JobKind::VALUES, ["EXPORT", "IMPORT"]);
    assert_eq!(JobKind::Import.as_str(), "IMPORT");
    assert_eq!("IMPORT".parse::<JobKind>(), Ok(JobKind::Import));
    assert_eq!("x".parse::<JobKind>().unwrap_err().ty, "Job");
}

/// The `Job` that the attribute generates (for `BackupError` above) implements
/// `CatalogEnum` too, through its inherent `as_str`; the derived `Backup` holds it, which
/// the derive's check of its values accepts.
#[test]
fn a_generated_catalog_enum_implements_the_trait() {
    use error_catalog::CatalogEnum;
    fn wire<E: CatalogEnum>(value: E) -> &'static str {
        value.as_str()
    }
    assert_eq!(<Job as CatalogEnum>::VALUES, ["EXPORT", "IMPORT"]);
    let all: Vec<&str> = Job::ALL.iter().map(|job| wire(*job)).collect();
    assert_eq!(all, <Job as CatalogEnum>::VALUES);
}
