//! End to end, over loopback: the example service on `127.0.0.1:0`, driven with reqwest. Every
//! endpoint's failure is checked for its status, content type, `Retry-After` and code header
//! where due, its exact body, and the typed value a client reads back, in the three body
//! shapes: the plain body (`/v1`), the body with structured fields (`/v2`) and problem details
//! (`accept: application/problem+json`).

// The TypeScript client of `examples/typescript/`, against the same service.
#[path = "backup_service/typescript.rs"]
mod typescript;

use std::net::SocketAddr;
use std::time::Duration;

use error_catalog::{BodyError, CatalogError, UnrecognizedKind};
use error_catalog_examples::v1::BackupError;
use error_catalog_examples::v2::ServiceError;
use reqwest::StatusCode;

/// The service, on a port of its own.
async fn serve() -> String {
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .await
        .expect("a loopback port");
    let address = listener.local_addr().expect("its address");
    tokio::spawn(async move {
        axum::serve(listener, error_catalog_examples::app())
            .await
            .expect("the service runs");
    });
    format!("http://{address}")
}

/// What came back: status, headers and body.
struct Received {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Received {
    async fn from(request: reqwest::RequestBuilder) -> Received {
        let response = request.send().await.expect("the service answers");
        Received {
            status: response.status(),
            headers: response.headers().clone(),
            body: response.bytes().await.expect("a body").to_vec(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().expect("ASCII"))
    }

    fn body(&self) -> &str {
        std::str::from_utf8(&self.body).expect("UTF-8")
    }

    /// Checks status, content type and body, and returns the typed error read back.
    fn error<E: CatalogError + std::fmt::Debug>(
        &self,
        status: StatusCode,
        content_type: &str,
        body: &str,
    ) -> E {
        assert_eq!(self.status, status, "{}", self.body());
        assert_eq!(self.header("content-type"), Some(content_type));
        assert_eq!(self.body(), body);
        E::from_http(self.status, &self.headers, &self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", self.body()))
    }
}

const JSON: &str = "application/json";
const PROBLEM: &str = "application/problem+json";

fn policy() -> serde_json::Value {
    serde_json::json!({ "orgId": "o-1", "cloudId": "c-9", "product": "jira-software" })
}

#[tokio::test]
async fn v1_sends_the_plain_body() {
    let base = serve().await;
    let client = reqwest::Client::new();

    let created = Received::from(client.post(format!("{base}/v1/policies")).json(&policy())).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let again = Received::from(client.post(format!("{base}/v1/policies")).json(&policy())).await;
    let error: BackupError = again.error(
        StatusCode::CONFLICT,
        JSON,
        r#"{"errorCode":"127","errorMessage":"Backup Policy already exists with orgId: o-1 cloudId: c-9 product: jira-software"}"#,
    );
    assert_eq!(
        error,
        BackupError::BackupPolicyAlreadyExists {
            org_id: "o-1".into(),
            cloud_id: "c-9".into(),
            product: "jira-software".into(),
        }
    );
    assert_eq!(again.header("retry-after"), None);

    let started = Received::from(client.post(format!("{base}/v1/exports"))).await;
    assert_eq!(started.status, StatusCode::ACCEPTED);
    let running = Received::from(client.post(format!("{base}/v1/exports"))).await;
    let error: BackupError = running.error(
        StatusCode::BAD_REQUEST,
        JSON,
        r#"{"errorCode":"140","errorMessage":"Export Already in Progress"}"#,
    );
    assert_eq!(error, BackupError::ExportAlreadyInProgress);

    let found = Received::from(client.get(format!("{base}/v1/storages/s-1"))).await;
    assert_eq!(found.status, StatusCode::OK);
    let missing = Received::from(client.get(format!("{base}/v1/storages/s-9"))).await;
    let error: BackupError = missing.error(
        StatusCode::NOT_FOUND,
        JSON,
        r#"{"errorCode":"129","errorMessage":"Storage Details not found for storageId = s-9"}"#,
    );
    assert_eq!(
        error,
        BackupError::StorageNotFound {
            storage_id: "s-9".into()
        }
    );
    // The store's I/O error was logged, never sent.
    assert!(!missing.body().contains("table storages"));
}

#[tokio::test]
async fn v1_rate_limit_is_unrecognized_but_retryable_after_its_delay() {
    let base = serve().await;
    let client = reqwest::Client::new();
    let first = Received::from(client.get(format!("{base}/v1/reports"))).await;
    assert_eq!(first.status, StatusCode::OK);
    let limited = Received::from(client.get(format!("{base}/v1/reports"))).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.header("retry-after"), Some("30"));
    assert_eq!(
        limited.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(limited.body(), "Too Many Requests");
    let unrecognized = BackupError::from_http(limited.status, &limited.headers, &limited.body)
        .expect_err("no error of the catalog");
    assert!(matches!(
        unrecognized.kind(),
        UnrecognizedKind::NotAnErrorBody(BodyError::NotJson(_))
    ));
    assert!(unrecognized.is_retryable());
    assert_eq!(unrecognized.retry_after(), Some(Duration::from_secs(30)));
}

#[tokio::test]
async fn v2_sends_the_fields_and_the_code_header() {
    let base = serve().await;
    let client = reqwest::Client::new();

    Received::from(client.post(format!("{base}/v2/policies")).json(&policy())).await;
    let again = Received::from(client.post(format!("{base}/v2/policies")).json(&policy())).await;
    let error: ServiceError = again.error(
        StatusCode::CONFLICT,
        JSON,
        r#"{"errorCode":"127","errorMessage":"Backup Policy already exists with orgId: o-1 cloudId: c-9 product: jira-software","details":{"org_id":"o-1","cloud_id":"c-9","product":"jira-software"}}"#,
    );
    assert_eq!(again.header("x-error-code"), Some("127"));
    assert_eq!(
        error,
        ServiceError::BackupPolicyAlreadyExists {
            org_id: "o-1".into(),
            cloud_id: "c-9".into(),
            product: "jira-software".into(),
        }
    );

    Received::from(client.post(format!("{base}/v2/exports"))).await;
    let running = Received::from(client.post(format!("{base}/v2/exports"))).await;
    let error: ServiceError = running.error(
        StatusCode::BAD_REQUEST,
        JSON,
        r#"{"errorCode":"140","errorMessage":"Export Already in Progress","details":{}}"#,
    );
    assert_eq!(running.header("x-error-code"), Some("140"));
    assert_eq!(error, ServiceError::ExportAlreadyInProgress);

    let missing = Received::from(client.get(format!("{base}/v2/storages/s-9"))).await;
    let error: ServiceError = missing.error(
        StatusCode::NOT_FOUND,
        JSON,
        r#"{"errorCode":"129","errorMessage":"Storage Details not found for storageId = s-9","details":{"storage_id":"s-9"}}"#,
    );
    assert_eq!(
        error,
        ServiceError::StorageNotFound {
            storage_id: "s-9".into()
        }
    );

    Received::from(client.get(format!("{base}/v2/reports"))).await;
    let limited = Received::from(client.get(format!("{base}/v2/reports"))).await;
    let error: ServiceError = limited.error(
        StatusCode::TOO_MANY_REQUESTS,
        JSON,
        r#"{"errorCode":"150","errorMessage":"Too many requests: retry in 30 seconds","details":{"seconds":30}}"#,
    );
    assert_eq!(limited.header("retry-after"), Some("30"));
    assert_eq!(limited.header("x-error-code"), Some("150"));
    assert_eq!(error, ServiceError::RateLimited { seconds: 30 });
    assert!(error.is_retryable());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
}

#[tokio::test]
async fn problem_details_on_request() {
    let base = serve().await;
    let client = reqwest::Client::new();
    let problem = |request: reqwest::RequestBuilder| request.header("accept", PROBLEM);

    Received::from(client.post(format!("{base}/v1/policies")).json(&policy())).await;
    let again = Received::from(problem(
        client.post(format!("{base}/v1/policies")).json(&policy()),
    ))
    .await;
    let error: BackupError = again.error(
        StatusCode::CONFLICT,
        PROBLEM,
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"Backup Policy already exists with orgId: o-1 cloudId: c-9 product: jira-software","code":"127","org_id":"o-1","cloud_id":"c-9","product":"jira-software"}"#,
    );
    assert!(matches!(
        error,
        BackupError::BackupPolicyAlreadyExists { .. }
    ));

    let missing = Received::from(problem(client.get(format!("{base}/v2/storages/s-9")))).await;
    let error: ServiceError = missing.error(
        StatusCode::NOT_FOUND,
        PROBLEM,
        r#"{"type":"https://backup.example.com/problems/129","title":"Not Found","status":404,"detail":"Storage Details not found for storageId = s-9","code":"129","storage_id":"s-9"}"#,
    );
    assert_eq!(missing.header("x-error-code"), Some("129"));
    assert_eq!(
        error,
        ServiceError::StorageNotFound {
            storage_id: "s-9".into()
        }
    );

    Received::from(client.post(format!("{base}/v2/exports"))).await;
    let running = Received::from(problem(client.post(format!("{base}/v2/exports")))).await;
    let error: ServiceError = running.error(
        StatusCode::BAD_REQUEST,
        PROBLEM,
        r#"{"type":"https://backup.example.com/problems/140","title":"Bad Request","status":400,"detail":"Export Already in Progress","code":"140"}"#,
    );
    assert_eq!(error, ServiceError::ExportAlreadyInProgress);

    Received::from(client.get(format!("{base}/v2/reports"))).await;
    let limited = Received::from(problem(client.get(format!("{base}/v2/reports")))).await;
    let error: ServiceError = limited.error(
        StatusCode::TOO_MANY_REQUESTS,
        PROBLEM,
        r#"{"type":"https://backup.example.com/problems/150","title":"Too Many Requests","status":429,"detail":"Too many requests: retry in 30 seconds","code":"150","seconds":30}"#,
    );
    assert_eq!(limited.header("retry-after"), Some("30"));
    assert_eq!(error, ServiceError::RateLimited { seconds: 30 });
}

/// `error-catalog docs CATALOG --format openapi`, through the command's library.
fn cli_document(catalog: &str) -> serde_json::Value {
    let loaded = error_catalog_cli::load(std::path::Path::new(catalog))
        .unwrap_or_else(|_| panic!("{catalog} loads"));
    let text =
        error_catalog_cli::docs::render(&loaded.checked, error_catalog_cli::docs::Format::Openapi);
    serde_json::from_str(&text).expect("JSON")
}

/// The CLI's example of the entry `name`, from whichever response holds it.
fn cli_example<'d>(document: &'d serde_json::Value, name: &str) -> &'d serde_json::Value {
    let responses = document["components"]["responses"]
        .as_object()
        .expect("responses");
    responses
        .values()
        .find_map(|response| response["content"][JSON]["examples"].get(name))
        .unwrap_or_else(|| panic!("no example {name} in the CLI's document"))
}

/// `python3 -m openapi_spec_validator` on `document`; skipped when Python lacks it, unless
/// `ERROR_CATALOG_REQUIRE_VALIDATORS=1`.
fn validate_openapi(document: &[u8]) {
    const REQUIRE: &str = "ERROR_CATALOG_REQUIRE_VALIDATORS";
    let found = std::process::Command::new("python3")
        .args(["-c", "import openapi_spec_validator"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        assert!(
            std::env::var(REQUIRE).as_deref() != Ok("1"),
            "{REQUIRE}=1 but python3 cannot import openapi_spec_validator: \
             python3 -m pip install openapi-spec-validator"
        );
        eprintln!("skipped: python3 cannot import openapi_spec_validator");
        return;
    }
    let file =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("backup-service-openapi.json");
    std::fs::write(&file, document).expect("written");
    let output = std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(&file)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The response that the server's own response path (`error_response`, which every handler's
/// error goes through) gives the example value of the entry `name` of `E`.
async fn sent<E>(name: &str, problem: bool, examples: Vec<E>) -> (u16, String, serde_json::Value)
where
    E: CatalogError + axum::response::IntoResponse,
    error_catalog::Problem<E>: axum::response::IntoResponse,
{
    let value = examples
        .into_iter()
        .find(|value| value.spec().name == name)
        .unwrap_or_else(|| panic!("no entry {name}"));
    let response = error_catalog_examples::error_response(value, problem);
    let status = response.status().as_u16();
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a body");
    (
        status,
        content_type,
        serde_json::from_slice(&body).expect("a JSON body"),
    )
}

/// `/openapi.json`, fetched from the running service, is a valid OpenAPI document whose every
/// error example is the body the service sends for that error, in its status and media type,
/// and, in the catalog's own shape, the example of `error-catalog docs --format openapi` for
/// the same entry.
#[tokio::test]
async fn openapi_json_documents_every_error_as_it_is_sent() {
    let base = serve().await;
    let fetched = Received::from(reqwest::Client::new().get(format!("{base}/openapi.json"))).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.header("content-type"), Some(JSON));
    validate_openapi(&fetched.body);
    let document: serde_json::Value = serde_json::from_slice(&fetched.body).expect("JSON");
    let v1 = cli_document("../catalog/backup-restore.toml");
    let v2 = cli_document("backup-service.toml");

    let mut checked = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("operations") {
            for (status, response) in operation["responses"].as_object().expect("responses") {
                let Some(content) = response["content"].as_object() else {
                    continue;
                };
                for (media, content) in content {
                    let Some(examples) = content["examples"].as_object() else {
                        continue;
                    };
                    for (name, example) in examples {
                        let problem = media == PROBLEM;
                        let (sent_status, sent_type, body) = if path.starts_with("/v1/") {
                            sent(name, problem, BackupError::examples()).await
                        } else {
                            sent(name, problem, ServiceError::examples()).await
                        };
                        let at = format!("{method} {path} {status} {media} {name}");
                        assert_eq!(sent_status.to_string(), *status, "{at}");
                        assert_eq!(sent_type, *media, "{at}");
                        assert_eq!(example["value"], body, "{at}");
                        if !problem {
                            let cli = if path.starts_with("/v1/") { &v1 } else { &v2 };
                            assert_eq!(example["value"], cli_example(cli, name)["value"], "{at}");
                        }
                        checked.push(at);
                    }
                }
            }
        }
    }
    // Each route's own errors, in both media types: 3 in v1, 4 in v2.
    assert_eq!(checked.len(), 2 * (3 + 4), "{checked:#?}");
}

/// Every error that the routes really send is one that `/openapi.json` documents for that
/// route: its status, its media type, and an example with its code.
#[tokio::test]
async fn every_error_sent_is_documented_for_its_route() {
    let base = serve().await;
    let client = reqwest::Client::new();
    let document: serde_json::Value = serde_json::from_slice(
        &Received::from(client.get(format!("{base}/openapi.json")))
            .await
            .body,
    )
    .expect("JSON");
    let mut documented = 0;
    for version in ["v1", "v2"] {
        for accept in [JSON, PROBLEM] {
            // Each request once to succeed, once to fail.
            let requests = [
                ("post", "policies", "policies"),
                ("post", "exports", "exports"),
                ("get", "storages/s-9", "storages/{id}"),
                ("get", "reports", "reports"),
            ];
            for (method, path, template) in requests {
                let url = format!("{base}/{version}/{path}");
                let request = || {
                    let request = match method {
                        "post" => client.post(&url).json(&policy()),
                        _ => client.get(&url),
                    };
                    request.header("accept", accept)
                };
                let mut received = Received::from(request()).await;
                if received.status.is_success() {
                    received = Received::from(request()).await;
                }
                assert!(!received.status.is_success(), "{url}");
                let route = format!("/{version}/{template}");
                let response =
                    &document["paths"][&route][method]["responses"][received.status.as_str()];
                assert!(
                    response.is_object(),
                    "{route}: {} is not documented",
                    received.status
                );
                let media = received.header("content-type").expect("a content type");
                let content = &response["content"][media.split(';').next().unwrap()];
                assert!(content.is_object(), "{route}: {media} is not documented");
                if let Ok(body) = serde_json::from_slice::<serde_json::Value>(&received.body) {
                    let code = if media == PROBLEM {
                        &body["code"]
                    } else {
                        &body["errorCode"]
                    };
                    let examples = content["examples"].as_object().expect("examples");
                    assert!(
                        examples.values().any(|example| {
                            let value = &example["value"];
                            let documented = if media == PROBLEM {
                                &value["code"]
                            } else {
                                &value["errorCode"]
                            };
                            documented == code
                        }),
                        "{route}: no example of code {code}"
                    );
                }
                documented += 1;
            }
        }
    }
    assert_eq!(documented, 16);
}

#[tokio::test]
async fn v1_answers_in_german_to_accept_language_de_and_the_client_reads_the_same_variant() {
    let base = serve().await;
    let client = reqwest::Client::new();
    let german = |request: reqwest::RequestBuilder| {
        request.header(
            reqwest::header::ACCEPT_LANGUAGE,
            "de-CH, de;q=0.9, en;q=0.5",
        )
    };

    let storage = Received::from(german(client.get(format!("{base}/v1/storages/s-9")))).await;
    assert_eq!(storage.header("content-language"), Some("de"));
    assert_eq!(storage.header("vary"), Some("accept-language"));
    let error: BackupError = storage.error(
        StatusCode::NOT_FOUND,
        JSON,
        r#"{"errorCode":"129","errorMessage":"Speicherdetails für storageId = s-9 nicht gefunden"}"#,
    );
    assert_eq!(
        error,
        BackupError::StorageNotFound {
            storage_id: "s-9".into()
        }
    );
    // The same error in English, to a request that prefers it.
    let english = Received::from(
        client
            .get(format!("{base}/v1/storages/s-9"))
            .header(reqwest::header::ACCEPT_LANGUAGE, "de;q=0.1, en"),
    )
    .await;
    assert_eq!(english.header("content-language"), Some("en"));
    let same: BackupError = english.error(
        StatusCode::NOT_FOUND,
        JSON,
        r#"{"errorCode":"129","errorMessage":"Storage Details not found for storageId = s-9"}"#,
    );
    assert_eq!(same, error);

    // Problem details: the title and the detail in German, the code and the type not.
    let policy_url = format!("{base}/v1/policies");
    let created = Received::from(client.post(&policy_url).json(&policy())).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let problem = Received::from(
        german(client.post(&policy_url))
            .header(reqwest::header::ACCEPT, PROBLEM)
            .json(&policy()),
    )
    .await;
    assert_eq!(problem.header("content-language"), Some("de"));
    let error: BackupError = problem.error(
        StatusCode::CONFLICT,
        PROBLEM,
        r#"{"type":"about:blank","title":"Konflikt","status":409,"detail":"Sicherungsrichtlinie mit orgId: o-1 cloudId: c-9 Produkt: jira-software ist bereits vorhanden","code":"127","org_id":"o-1","cloud_id":"c-9","product":"jira-software"}"#,
    );
    assert_eq!(
        error,
        BackupError::BackupPolicyAlreadyExists {
            org_id: "o-1".into(),
            cloud_id: "c-9".into(),
            product: "jira-software".into(),
        }
    );
}

#[tokio::test]
async fn v2_has_no_german_and_answers_in_english() {
    let base = serve().await;
    let client = reqwest::Client::new();
    let storage = Received::from(
        client
            .get(format!("{base}/v2/storages/s-9"))
            .header(reqwest::header::ACCEPT_LANGUAGE, "de"),
    )
    .await;
    assert_eq!(storage.header("content-language"), None);
    let error: ServiceError = storage.error(
        StatusCode::NOT_FOUND,
        JSON,
        r#"{"errorCode":"129","errorMessage":"Storage Details not found for storageId = s-9","details":{"storage_id":"s-9"}}"#,
    );
    assert_eq!(
        error,
        ServiceError::StorageNotFound {
            storage_id: "s-9".into()
        }
    );
}
