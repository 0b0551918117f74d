//! The backup service example: a few backup-and-restore endpoints over an in-memory store,
//! served with axum, that answer every failure with a typed error of a catalog.
//!
//! Two API versions share the handlers:
//!
//! - `/v1` sends the errors of the backup and restore API (`catalog/backup-restore.toml`) in
//!   its flat body, `{"errorCode":"127","errorMessage":"..."}`. Its rate limit is a gateway's:
//!   a `429` with `Retry-After` and a body that is no error of the catalog.
//! - `/v2` sends the errors of the service's own catalog (`examples/backup-service.toml`):
//!   the same errors with their typed fields in a `details` object, the code in an
//!   `x-error-code` header, and a rate limit of its own whose delay is a field.
//!
//! A request that accepts `application/problem+json` gets RFC 9457 problem details instead.
//! Errors answer in the language the request's `Accept-Language` prefers among the catalog's
//! locales: `/v1` has German for some of its messages and statuses, and `Accept-Language: de`
//! gets them, with `Content-Language: de`; every other request, and `/v2`, whose catalog is
//! in English only, get English.
//!
//! | Endpoint | Success | Failure |
//! |---|---|---|
//! | `POST /v{1,2}/policies` | `201` and the policy | `409`, code `127`, for an existing one |
//! | `POST /v{1,2}/exports` | `202` | `400`, code `140`, while one runs |
//! | `GET /v{1,2}/storages/{id}` | `200` and the storage | `404`, code `129`, for an unknown ID |
//! | `GET /v{1,2}/reports` | `200` once | `429` with `Retry-After` afterwards |
//!
//! An unknown storage ID is a failure of the store, an I/O error: the handler attaches it to
//! the catalog error with `caused_by`, logs both with `tracing`, and sends only the catalog
//! error.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use error_catalog::{AcceptLanguage, CatalogError, Localized, Problem};
use serde::{Deserialize, Serialize};

/// The errors of `/v1`: the backup and restore API's catalog.
pub mod v1 {
    #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum BackupError {}
}

/// The errors of `/v2`: the service's own catalog, with fields sent as data.
pub mod v2 {
    #[error_catalog::catalog(path = "backup-service.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ServiceError {}
}

use v1::BackupError;
use v2::ServiceError;

/// How long a rate-limited client waits, in seconds.
pub const RETRY_AFTER_SECONDS: u32 = 30;

/// A backup policy, as the API receives and returns it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// The organization.
    pub org_id: String,
    /// The cloud site.
    pub cloud_id: String,
    /// The product.
    pub product: String,
}

/// A storage, as the API returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Storage {
    /// Its ID.
    pub storage_id: String,
    /// Its bucket.
    pub bucket_name: String,
}

/// The in-memory store.
#[derive(Debug, Default)]
struct Store {
    policies: HashSet<Policy>,
    export_running: bool,
    storages: HashMap<String, Storage>,
    /// Requests to `/reports`, per API version.
    reports: HashMap<u8, u32>,
}

impl Store {
    /// A store's storage lookup fails like a database would: with an I/O error.
    fn storage(&self, id: &str) -> std::io::Result<Storage> {
        self.storages.get(id).cloned().ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no row with id {id:?} in table storages"),
            )
        })
    }
}

/// The service's state.
#[derive(Clone, Debug, Default)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
}

impl AppState {
    /// A store with one storage, `s-1`.
    pub fn new() -> Self {
        let mut store = Store::default();
        store.storages.insert(
            "s-1".to_owned(),
            Storage {
                storage_id: "s-1".to_owned(),
                bucket_name: "acme-backups".to_owned(),
            },
        );
        AppState {
            store: Arc::new(Mutex::new(store)),
        }
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A handler that panicked while holding the lock left the store as it was: keep going.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// What went wrong, whatever the API version.
#[derive(Debug)]
enum Failure {
    PolicyExists(Policy),
    ExportRunning,
    StorageNotFound {
        storage_id: String,
        cause: std::io::Error,
    },
    RateLimited,
}

/// One API version: how it turns a failure into a response.
trait Version: Send + Sync + 'static {
    /// The version's number, for the rate limit's books.
    const NUMBER: u8;

    /// The response to `failure` for a request with `headers`: as problem details when it
    /// accepts them, in the language it prefers.
    fn reject(failure: Failure, headers: &HeaderMap) -> Response;
}

/// `/v1`: the backup and restore API's errors, in its flat body.
struct V1;

/// `/v2`: the service's own errors, with fields, a code header and a rate-limit error.
struct V2;

impl Version for V1 {
    const NUMBER: u8 = 1;

    fn reject(failure: Failure, headers: &HeaderMap) -> Response {
        let error = match failure {
            Failure::PolicyExists(policy) => BackupError::BackupPolicyAlreadyExists {
                org_id: policy.org_id,
                cloud_id: policy.cloud_id,
                product: policy.product,
            },
            Failure::ExportRunning => BackupError::ExportAlreadyInProgress,
            Failure::StorageNotFound { storage_id, cause } => {
                return send(
                    BackupError::StorageNotFound { storage_id }.caused_by(cause),
                    headers,
                );
            }
            // The v1 API has no error for its rate limit: its gateway answers with a bare
            // `429`, which a client can only read by its status and `Retry-After`.
            Failure::RateLimited => {
                return (
                    StatusCode::TOO_MANY_REQUESTS,
                    [
                        (header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS)),
                        (
                            header::CONTENT_TYPE,
                            HeaderValue::from_static("text/plain; charset=utf-8"),
                        ),
                    ],
                    "Too Many Requests",
                )
                    .into_response();
            }
        };
        respond(error, headers)
    }
}

impl Version for V2 {
    const NUMBER: u8 = 2;

    fn reject(failure: Failure, headers: &HeaderMap) -> Response {
        let error = match failure {
            Failure::PolicyExists(policy) => ServiceError::BackupPolicyAlreadyExists {
                org_id: policy.org_id,
                cloud_id: policy.cloud_id,
                product: policy.product,
            },
            Failure::ExportRunning => ServiceError::ExportAlreadyInProgress,
            Failure::StorageNotFound { storage_id, cause } => {
                return send(
                    ServiceError::StorageNotFound { storage_id }.caused_by(cause),
                    headers,
                );
            }
            Failure::RateLimited => ServiceError::RateLimited {
                seconds: RETRY_AFTER_SECONDS,
            },
        };
        respond(error, headers)
    }
}

/// The error's response to a request with `headers`: its body, or its problem details when
/// the request accepts them, in the language the request prefers.
fn respond<E>(error: E, headers: &HeaderMap) -> Response
where
    E: CatalogError,
    for<'a> Localized<'a, E>: IntoResponse,
    for<'a> Problem<Localized<'a, E>>: IntoResponse,
{
    let error = Localized::new(error, &AcceptLanguage::from_headers(headers));
    if wants_problem(headers) {
        Problem(error).into_response()
    } else {
        error.into_response()
    }
}

/// Logs an error with its internal cause, then sends the error alone: the cause stays in the
/// server's logs.
fn send<E>(error: error_catalog::Caused<E>, headers: &HeaderMap) -> Response
where
    E: CatalogError,
    for<'a> Localized<'a, E>: IntoResponse,
    for<'a> Problem<Localized<'a, E>>: IntoResponse,
{
    tracing::warn!(
        code = error.code(),
        error = %error,
        cause = error.cause(),
        "request failed"
    );
    respond(error.into_inner(), headers)
}

/// Whether the request prefers RFC 9457 problem details.
fn wants_problem(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|accept| accept.contains("application/problem+json"))
}

async fn create_policy<V: Version>(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(policy): Json<Policy>,
) -> Response {
    if !state.store().policies.insert(policy.clone()) {
        return V::reject(Failure::PolicyExists(policy), &headers);
    }
    (StatusCode::CREATED, Json(policy)).into_response()
}

async fn start_export<V: Version>(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let mut store = state.store();
    if store.export_running {
        return V::reject(Failure::ExportRunning, &headers);
    }
    store.export_running = true;
    (
        StatusCode::ACCEPTED,
        Json(serde_json::json!({ "status": "RUNNING" })),
    )
        .into_response()
}

async fn get_storage<V: Version>(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(storage_id): Path<String>,
) -> Response {
    let found = state.store().storage(&storage_id);
    match found {
        Ok(storage) => Json(storage).into_response(),
        Err(cause) => V::reject(Failure::StorageNotFound { storage_id, cause }, &headers),
    }
}

async fn reports<V: Version>(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let count = {
        let mut store = state.store();
        let count = store.reports.entry(V::NUMBER).or_default();
        *count += 1;
        *count
    };
    if count > 1 {
        return V::reject(Failure::RateLimited, &headers);
    }
    Json(serde_json::json!({ "reports": [] })).into_response()
}

fn routes<V: Version>() -> Router<AppState> {
    Router::new()
        .route("/policies", post(create_policy::<V>))
        .route("/exports", post(start_export::<V>))
        .route("/storages/{id}", get(get_storage::<V>))
        .route("/reports", get(reports::<V>))
}

/// The service: both API versions over a fresh store.
pub fn app() -> Router {
    Router::new()
        .nest("/v1", routes::<V1>())
        .nest("/v2", routes::<V2>())
        .with_state(AppState::new())
}
