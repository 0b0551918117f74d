//! A client of the backup service: calls each endpoint with reqwest and matches on the typed
//! errors it gets back.
//!
//! ```sh
//! cargo run -p error-catalog-examples --example backup_service &
//! cargo run -p error-catalog-examples --example backup_client          # http://127.0.0.1:3000
//! cargo run -p error-catalog-examples --example backup_client -- http://127.0.0.1:8080
//! ```

use error_catalog::{CatalogError, Unrecognized};
use error_catalog_examples::v1::BackupError;
use error_catalog_examples::v2::ServiceError;

/// A response, as the catalog's `from_http` reads it: status, headers and body.
async fn call<E: CatalogError>(
    request: reqwest::RequestBuilder,
) -> Result<Option<E>, Box<dyn std::error::Error>> {
    let response = request.send().await?;
    let status = response.status();
    if status.is_success() {
        println!("  {status}: {}", response.text().await?);
        return Ok(None);
    }
    let headers = response.headers().clone();
    let body = response.bytes().await?;
    match E::from_http(status, &headers, &body) {
        Ok(error) => Ok(Some(error)),
        Err(unrecognized) => {
            explain(&unrecognized);
            Ok(None)
        }
    }
}

/// What a client can still do with a response the catalog does not know.
fn explain(unrecognized: &Unrecognized) {
    println!("  not an error of the catalog: {unrecognized}");
    if unrecognized.is_retryable() {
        match unrecognized.retry_after() {
            Some(delay) => println!("  retryable, after {} s", delay.as_secs()),
            None => println!("  retryable"),
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "http://127.0.0.1:3000".to_owned());
    let client = reqwest::Client::new();
    let policy =
        serde_json::json!({ "orgId": "o-1", "cloudId": "c-9", "product": "jira-software" });

    println!("v1: the backup and restore API's errors");
    for _ in 0..2 {
        let request = client.post(format!("{base}/v1/policies")).json(&policy);
        if let Some(BackupError::BackupPolicyAlreadyExists {
            org_id, product, ..
        }) = call(request).await?
        {
            println!("  409: {org_id} already has a policy for {product}");
        }
    }
    for _ in 0..2 {
        match call(client.post(format!("{base}/v1/exports"))).await? {
            Some(BackupError::ExportAlreadyInProgress) => {
                println!("  400: wait for the running export")
            }
            Some(other) => println!("  {}: {other}", other.code()),
            None => {}
        }
    }
    match call(client.get(format!("{base}/v1/storages/s-9"))).await? {
        Some(BackupError::StorageNotFound { storage_id }) => {
            println!("  404: no storage {storage_id}")
        }
        Some(other) => println!("  {}: {other}", other.code()),
        None => {}
    }
    for _ in 0..2 {
        let _: Option<BackupError> = call(client.get(format!("{base}/v1/reports"))).await?;
    }

    println!("v2: fields as data, the code in a header, problem details on request");
    match call(client.get(format!("{base}/v2/storages/s-9"))).await? {
        Some(ServiceError::StorageNotFound { storage_id }) => {
            println!("  404: no storage {storage_id}")
        }
        Some(other) => println!("  {}: {other}", other.code()),
        None => {}
    }
    let request = client
        .get(format!("{base}/v2/storages/s-10"))
        .header("accept", "application/problem+json");
    if let Some(error @ ServiceError::StorageNotFound { .. }) = call(request).await? {
        println!("  404 (problem details): {error}");
    }
    for _ in 0..2 {
        if let Some(error @ ServiceError::RateLimited { .. }) =
            call(client.get(format!("{base}/v2/reports"))).await?
        {
            let delay = error.retry_after().map_or(0, |delay| delay.as_secs());
            println!(
                "  429: {error} (retryable: {}, after {delay} s)",
                error.is_retryable()
            );
        }
    }
    Ok(())
}
