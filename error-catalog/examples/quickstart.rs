//! The catalog at work on both sides of an HTTP API: a server renders and serializes a typed
//! error, a client parses the body back into the same variant.
//!
//! Run with `cargo run -p error-catalog --example quickstart`.

use error_catalog::UnrecognizedKind;
use http::StatusCode;

#[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

fn main() {
    // Server side: return a typed error, render it and serialize its body.
    let error = BackupError::BackupPolicyAlreadyExists {
        org_id: "o-1".into(),
        cloud_id: "c-9".into(),
        product: "jira-software".into(),
    };
    let body = serde_json::to_string(&error).expect("an error body serializes");
    println!("server: {} {}", error.status(), error);
    println!("server: body {body}");

    // Client side: turn the status and body back into the typed variant.
    match BackupError::from_response(error.status(), body.as_bytes()) {
        Ok(BackupError::BackupPolicyAlreadyExists {
            org_id,
            cloud_id,
            product,
        }) => println!(
            "client: BackupPolicyAlreadyExists {{ org_id: {org_id:?}, cloud_id: {cloud_id:?}, product: {product:?} }}"
        ),
        other => println!("client: unexpected {other:?}"),
    }

    // Code 110 carries the job kind as a catalog enum field.
    let body = br#"{"errorCode":"110","errorMessage":"Brie job=IMPORT with externalId=i-12 is not present"}"#;
    let parsed = BackupError::from_response(StatusCode::NOT_FOUND, body);
    println!("client: {parsed:?}");

    // A client that decoded the body itself hands over the code and message. Field types
    // move the cuts: only one reading of this message gives `job` a value of `Job`.
    let parsed = BackupError::from_parts(
        StatusCode::NOT_FOUND,
        "112",
        "Invalid cloudId=a for job=b for job=IMPORT with externalId=x",
    );
    println!("client: {parsed:?}");

    // What the catalog does not know is kept, with the case it falls under.
    let body = br#"{"errorCode":"999","errorMessage":"Quota exceeded","requestId":"r-1"}"#;
    match BackupError::from_response(StatusCode::TOO_MANY_REQUESTS, body) {
        Err(unrecognized) if *unrecognized.kind() == UnrecognizedKind::UnknownCode => println!(
            "client: unknown code {:?} ({:?}), status {}: fall back on the status",
            unrecognized.code().unwrap_or_default(),
            unrecognized.message().unwrap_or_default(),
            unrecognized.status(),
        ),
        other => println!("client: unexpected {other:?}"),
    }

    println!(
        "catalog: {} errors, {} statuses, in {:?}",
        BackupError::specs().len(),
        BackupError::catalog().statuses.len(),
        BackupError::catalog().title,
    );
}
