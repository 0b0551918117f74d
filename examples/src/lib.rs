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
//!
//! Each handler returns an enum of exactly the errors it sends, derived from its version's
//! catalog (`#[derive(CatalogError)]`), which documents them with utoipa: `GET /openapi.json`
//! serves the OpenAPI document ([`ApiDoc`]), whose every route lists its errors' responses,
//! in both media types, with one example per error.

use std::collections::BTreeMap;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Json;
use axum::Router;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use error_catalog::{AcceptLanguage, CatalogError, Caused, Localized, Problem};
use serde::{Deserialize, Serialize};
use utoipa::openapi::{RefOr, Response as DocResponse};
use utoipa::{IntoResponses, OpenApi, ToSchema};

/// The errors of `/v1`: the backup and restore API's catalog, and the few each route sends.
pub mod v1 {
    /// Every error of the catalog, for clients.
    #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum BackupError {}

    /// What `POST /v1/policies` sends.
    #[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
    #[catalog(path = "../catalog/backup-restore.toml")]
    pub enum PolicyError {
        /// The policy exists.
        BackupPolicyAlreadyExists {
            /// The organization.
            org_id: String,
            /// The cloud site.
            cloud_id: String,
            /// The product.
            product: String,
        },
    }

    /// What `POST /v1/exports` sends.
    #[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
    #[catalog(path = "../catalog/backup-restore.toml")]
    pub enum ExportError {
        /// An export runs.
        ExportAlreadyInProgress,
    }

    /// What `GET /v1/storages/{id}` sends.
    #[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
    #[catalog(path = "../catalog/backup-restore.toml")]
    pub enum StorageError {
        /// No storage has the ID.
        StorageNotFound {
            /// The ID.
            storage_id: String,
        },
    }
}

/// The errors of `/v2`: the service's own catalog, with fields sent as data, and the few each
/// route sends.
pub mod v2 {
    /// Every error of the catalog, for clients.
    #[error_catalog::catalog(path = "backup-service.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ServiceError {}

    /// What `POST /v2/policies` sends.
    #[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
    #[catalog(path = "backup-service.toml")]
    pub enum PolicyError {
        /// The policy exists.
        BackupPolicyAlreadyExists {
            /// The organization.
            org_id: String,
            /// The cloud site.
            cloud_id: String,
            /// The product.
            product: String,
        },
    }

    /// What `POST /v2/exports` sends.
    #[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
    #[catalog(path = "backup-service.toml")]
    pub enum ExportError {
        /// An export runs.
        ExportAlreadyInProgress,
    }

    /// What `GET /v2/storages/{id}` sends.
    #[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
    #[catalog(path = "backup-service.toml")]
    pub enum StorageError {
        /// No storage has the ID.
        StorageNotFound {
            /// The ID.
            storage_id: String,
        },
    }

    /// What `GET /v2/reports` sends.
    #[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
    #[catalog(path = "backup-service.toml")]
    pub enum ReportsError {
        /// Too many requests.
        RateLimited {
            /// The delay, in seconds.
            seconds: u32,
        },
    }
}

/// How long a rate-limited client waits, in seconds.
pub const RETRY_AFTER_SECONDS: u32 = 30;

/// A backup policy, as the API receives and returns it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
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

    /// Adds a policy; `false` when it exists.
    fn add_policy(&self, policy: &Policy) -> bool {
        self.store().policies.insert(policy.clone())
    }

    /// Starts the export; `false` when one runs.
    fn start_export(&self) -> bool {
        !std::mem::replace(&mut self.store().export_running, true)
    }

    /// A storage's lookup fails like a database's would: with an I/O error.
    fn storage(&self, id: &str) -> std::io::Result<Storage> {
        self.store().storages.get(id).cloned().ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no row with id {id:?} in table storages"),
            )
        })
    }

    /// Counts a request for reports to API `version`; `false` past the first.
    fn report(&self, version: u8) -> bool {
        let mut store = self.store();
        let count = store.reports.entry(version).or_default();
        *count += 1;
        *count == 1
    }
}

/// Whether the request prefers RFC 9457 problem details (`accept: application/problem+json`),
/// and the languages it prefers (`accept-language`): an extractor that never fails.
#[derive(Clone, Debug)]
pub struct Accept {
    problem: bool,
    language: AcceptLanguage,
}

impl<S: Send + Sync> FromRequestParts<S> for Accept {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let problem = parts
            .headers
            .get_all(header::ACCEPT)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .any(|accept| accept.contains("application/problem+json"));
        let language = AcceptLanguage::from_headers(&parts.headers);
        Ok(Accept { problem, language })
    }
}

impl Accept {
    /// `error`, to be sent in the media type and the language the request accepts.
    fn reply<E>(self, error: E) -> Reply<E> {
        Reply {
            error,
            problem: self.problem,
            language: self.language,
        }
    }

    /// `error`, logged with its internal cause, to be sent without it.
    fn reply_caused<E: CatalogError>(self, error: Caused<E>) -> Reply<E> {
        tracing::warn!(
            code = error.code(),
            error = %error,
            cause = error.cause(),
            "request failed"
        );
        self.reply(error.into_inner())
    }
}

/// An error of a handler, sent as the catalog's body or, when the request accepts them, as
/// problem details, in the language the request prefers among the catalog's (with
/// `content-language` and `vary: accept-language`). It documents both media types: each
/// status's response has the two.
#[derive(Debug)]
pub struct Reply<E> {
    error: E,
    problem: bool,
    language: AcceptLanguage,
}

impl<E> IntoResponse for Reply<E>
where
    E: CatalogError,
    Localized<'static, E>: IntoResponse,
    Problem<Localized<'static, E>>: IntoResponse,
{
    fn into_response(self) -> Response {
        let localized = Localized::new(self.error, &self.language);
        if self.problem {
            Problem(localized).into_response()
        } else {
            localized.into_response()
        }
    }
}

/// The response of `error` in the catalog's default locale: its body, or with `problem` its
/// problem details. Every handler sends this response to a request that states no language
/// (with `content-language` and `vary: accept-language` besides, from [`Reply`]).
pub fn error_response<E>(error: E, problem: bool) -> Response
where
    E: IntoResponse,
    Problem<E>: IntoResponse,
{
    if problem {
        Problem(error).into_response()
    } else {
        error.into_response()
    }
}

/// Both media types of each status: `E`'s responses, with `Problem<E>`'s content beside.
impl<E> IntoResponses for Reply<E>
where
    E: IntoResponses,
    Problem<E>: IntoResponses,
{
    fn responses() -> BTreeMap<String, RefOr<DocResponse>> {
        let mut responses = E::responses();
        for (status, problem) in Problem::<E>::responses() {
            if let (Some(RefOr::T(response)), RefOr::T(problem)) =
                (responses.get_mut(&status), problem)
            {
                response.content.extend(problem.content);
            }
        }
        responses
    }
}

/// The v1 API's rate limit: its gateway's bare `429`, which is no error of the catalog.
#[derive(Debug)]
pub struct GatewayLimit;

impl IntoResponse for GatewayLimit {
    fn into_response(self) -> Response {
        (
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
            .into_response()
    }
}

/// The reports, which a client may fetch once.
#[derive(Debug, Serialize, ToSchema)]
pub struct Reports {
    /// The reports.
    pub reports: Vec<String>,
}

/// The export, once started.
#[derive(Debug, Serialize, ToSchema)]
pub struct Export {
    /// `RUNNING`.
    pub status: String,
}

fn export() -> (StatusCode, Json<Export>) {
    let status = "RUNNING".to_owned();
    (StatusCode::ACCEPTED, Json(Export { status }))
}

fn reports() -> Json<Reports> {
    Json(Reports {
        reports: Vec::new(),
    })
}

/// Creates a backup policy.
#[utoipa::path(post, path = "/v1/policies", tag = "v1", request_body = Policy,
    responses((status = 201, description = "The policy, created.", body = Policy), Reply<v1::PolicyError>))]
async fn create_policy_v1(
    State(state): State<AppState>,
    accept: Accept,
    Json(policy): Json<Policy>,
) -> Result<(StatusCode, Json<Policy>), Reply<v1::PolicyError>> {
    if !state.add_policy(&policy) {
        return Err(accept.reply(v1::PolicyError::BackupPolicyAlreadyExists {
            org_id: policy.org_id,
            cloud_id: policy.cloud_id,
            product: policy.product,
        }));
    }
    Ok((StatusCode::CREATED, Json(policy)))
}

/// Creates a backup policy.
#[utoipa::path(post, path = "/v2/policies", tag = "v2", request_body = Policy,
    responses((status = 201, description = "The policy, created.", body = Policy), Reply<v2::PolicyError>))]
async fn create_policy_v2(
    State(state): State<AppState>,
    accept: Accept,
    Json(policy): Json<Policy>,
) -> Result<(StatusCode, Json<Policy>), Reply<v2::PolicyError>> {
    if !state.add_policy(&policy) {
        return Err(accept.reply(v2::PolicyError::BackupPolicyAlreadyExists {
            org_id: policy.org_id,
            cloud_id: policy.cloud_id,
            product: policy.product,
        }));
    }
    Ok((StatusCode::CREATED, Json(policy)))
}

/// Starts an export, unless one runs.
#[utoipa::path(post, path = "/v1/exports", tag = "v1",
    responses((status = 202, description = "The export, started.", body = Export), Reply<v1::ExportError>))]
async fn start_export_v1(
    State(state): State<AppState>,
    accept: Accept,
) -> Result<(StatusCode, Json<Export>), Reply<v1::ExportError>> {
    if !state.start_export() {
        return Err(accept.reply(v1::ExportError::ExportAlreadyInProgress));
    }
    Ok(export())
}

/// Starts an export, unless one runs.
#[utoipa::path(post, path = "/v2/exports", tag = "v2",
    responses((status = 202, description = "The export, started.", body = Export), Reply<v2::ExportError>))]
async fn start_export_v2(
    State(state): State<AppState>,
    accept: Accept,
) -> Result<(StatusCode, Json<Export>), Reply<v2::ExportError>> {
    if !state.start_export() {
        return Err(accept.reply(v2::ExportError::ExportAlreadyInProgress));
    }
    Ok(export())
}

/// A storage.
#[utoipa::path(get, path = "/v1/storages/{id}", tag = "v1", params(("id" = String, Path, description = "The storage's ID.")),
    responses((status = 200, description = "The storage.", body = Storage), Reply<v1::StorageError>))]
async fn get_storage_v1(
    State(state): State<AppState>,
    accept: Accept,
    Path(storage_id): Path<String>,
) -> Result<Json<Storage>, Reply<v1::StorageError>> {
    state.storage(&storage_id).map(Json).map_err(|cause| {
        accept.reply_caused(v1::StorageError::StorageNotFound { storage_id }.caused_by(cause))
    })
}

/// A storage.
#[utoipa::path(get, path = "/v2/storages/{id}", tag = "v2", params(("id" = String, Path, description = "The storage's ID.")),
    responses((status = 200, description = "The storage.", body = Storage), Reply<v2::StorageError>))]
async fn get_storage_v2(
    State(state): State<AppState>,
    accept: Accept,
    Path(storage_id): Path<String>,
) -> Result<Json<Storage>, Reply<v2::StorageError>> {
    state.storage(&storage_id).map(Json).map_err(|cause| {
        accept.reply_caused(v2::StorageError::StorageNotFound { storage_id }.caused_by(cause))
    })
}

/// The reports, once; the gateway's rate limit afterwards.
#[utoipa::path(get, path = "/v1/reports", tag = "v1",
    responses(
        (status = 200, description = "The reports.", body = Reports),
        (status = 429, description = "The gateway's rate limit: no error of the catalog.",
            content_type = "text/plain", body = String,
            headers(("retry-after" = u32, description = "Seconds to wait.")))))]
async fn reports_v1(State(state): State<AppState>) -> Result<Json<Reports>, GatewayLimit> {
    if !state.report(1) {
        return Err(GatewayLimit);
    }
    Ok(reports())
}

/// The reports, once; the service's own rate limit afterwards.
#[utoipa::path(get, path = "/v2/reports", tag = "v2",
    responses((status = 200, description = "The reports.", body = Reports), Reply<v2::ReportsError>))]
async fn reports_v2(
    State(state): State<AppState>,
    accept: Accept,
) -> Result<Json<Reports>, Reply<v2::ReportsError>> {
    if !state.report(2) {
        return Err(accept.reply(v2::ReportsError::RateLimited {
            seconds: RETRY_AFTER_SECONDS,
        }));
    }
    Ok(reports())
}

/// The service's OpenAPI document, which `GET /openapi.json` serves.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Backup service",
        version = "0.0.0",
        description = "The example backup service: `/v1` sends the backup and restore API's errors, `/v2` the service's own."
    ),
    paths(
        create_policy_v1,
        start_export_v1,
        get_storage_v1,
        reports_v1,
        create_policy_v2,
        start_export_v2,
        get_storage_v2,
        reports_v2,
    )
)]
pub struct ApiDoc;

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The service: both API versions over a fresh store, and its OpenAPI document.
pub fn app() -> Router {
    Router::new()
        .route("/v1/policies", post(create_policy_v1))
        .route("/v1/exports", post(start_export_v1))
        .route("/v1/storages/{id}", get(get_storage_v1))
        .route("/v1/reports", get(reports_v1))
        .route("/v2/policies", post(create_policy_v2))
        .route("/v2/exports", post(start_export_v2))
        .route("/v2/storages/{id}", get(get_storage_v2))
        .route("/v2/reports", get(reports_v2))
        .route("/openapi.json", get(openapi))
        .with_state(AppState::new())
}
