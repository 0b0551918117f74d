//! `Display` under the formatter's flags: width, precision, fill and alignment apply to the
//! rendered message as a whole, exactly as for a `str`, and never to a single field.

#[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

#[error_catalog::catalog(path = "catalogs/kitchen-sink.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SinkError {}

fn errors() -> Vec<Box<dyn std::fmt::Display>> {
    vec![
        Box::new(BackupError::BackupPolicyAlreadyExists {
            org_id: "o-1".into(),
            cloud_id: "c-9".into(),
            product: "jira-software".into(),
        }),
        Box::new(BackupError::JobNotPresent {
            job: Job::Import,
            external_id: "i-12".into(),
        }),
        Box::new(BackupError::ExportAlreadyInProgress),
        Box::new(SinkError::Some {
            addr: "10.0.0.1".parse().unwrap(),
            ok: true,
            kind: Kind::InProgress,
            offset: -3,
        }),
        Box::new(SinkError::Result {
            size: 12,
            unit: Unit::Mb,
            limit: 10,
        }),
    ]
}

#[test]
fn width_precision_fill_and_alignment_apply_to_the_whole_message() {
    for error in errors() {
        let message = error.to_string();
        assert_eq!(format!("{error:>120}"), format!("{message:>120}"));
        assert_eq!(format!("{error:<120}|"), format!("{message:<120}|"));
        assert_eq!(format!("{error:*^121}"), format!("{message:*^121}"));
        assert_eq!(format!("{error:.7}"), format!("{message:.7}"));
        assert_eq!(format!("{error:>30.12}"), format!("{message:>30.12}"));
        assert_eq!(format!("{error:5}"), format!("{message:5}"));
        assert_eq!(format!("{error:.0}"), "");
        assert_eq!(format!("{error:.1000}"), message);
        assert_eq!(format!("{:1$}", error, 80), format!("{:1$}", message, 80));
    }
}

#[test]
fn the_exact_case_of_the_report() {
    let error = BackupError::BackupPolicyAlreadyExists {
        org_id: "o-1".into(),
        cloud_id: "c-9".into(),
        product: "jira-software".into(),
    };
    assert_eq!(
        format!("{error:.7}"),
        "Backup ",
        "precision truncates the message, not each field"
    );
    let padded = format!("{error:>120}");
    assert_eq!(padded.len(), 120);
    assert!(padded.ends_with("orgId: o-1 cloudId: c-9 product: jira-software"));
}

#[test]
fn other_flags_leave_fields_alone() {
    // As for a `str`, `+`, `#` and `0` change nothing: a field never sees them.
    let error = SinkError::Some {
        addr: "10.0.0.1".parse().unwrap(),
        ok: false,
        kind: Kind::Done,
        offset: 7,
    };
    let message = "host 10.0.0.1 answered false for DONE at offset 7";
    assert_eq!(error.to_string(), message);
    assert_eq!(format!("{error:+}"), message);
    assert_eq!(format!("{error:#}"), message);
    assert_eq!(format!("{error:08}"), format!("{message:08}"));
}

#[test]
fn catalog_enums_honour_width_fill_and_alignment() {
    assert_eq!(format!("{:<8}|", Job::Export), "EXPORT  |");
    assert_eq!(format!("{:>8}|", Job::Import), "  IMPORT|");
    assert_eq!(format!("{:-^10}", Job::Export), "--EXPORT--");
    assert_eq!(format!("{:.3}", Job::Export), "EXP");
    assert_eq!(Job::Export.to_string(), "EXPORT");
}

#[test]
fn a_trait_object_renders_the_same() {
    let error = BackupError::ExportAlreadyInProgress;
    let object: &dyn error_catalog::CatalogError = &error;
    assert_eq!(
        format!("{object:>30}"),
        format!("{:>30}", error.to_string())
    );
    assert_eq!(object.code(), "140");
}
