//! The server side in axum (feature `axum`): every generated error enum, and [`Problem`]
//! with `problem-details`, as an `axum::response::Response`.
//!
//! [`Problem`]: crate::Problem

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::header::{CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderValue, StatusCode};

use crate::__private::Generated;
use crate::CatalogError;

/// The body of the generated `IntoResponse`: the entry's status, `content-type:
/// application/json`, the code header and `retry-after` where they apply, and the catalog's
/// wire body.
pub fn into_response<E: Generated + serde::Serialize>(error: &E) -> Response {
    respond(error, "application/json", serde_json::to_vec(error))
}

/// A response for `error` with `body`, written in `content_type`: the entry's status, the
/// code header when the catalog declares one, `retry-after` when the error has a delay. A body
/// that failed to serialize (no generated value does) gives a 500 with an empty body.
pub(crate) fn respond<E: CatalogError>(
    error: &E,
    content_type: &'static str,
    body: serde_json::Result<Vec<u8>>,
) -> Response {
    let Ok(body) = body else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Some(name) = E::catalog().wire.header_name()
        && let Ok(value) = HeaderValue::from_str(error.code())
    {
        headers.insert(name, value);
    }
    if let Some(delay) = error.retry_after() {
        headers.insert(RETRY_AFTER, HeaderValue::from(delay.as_secs()));
    }
    response
}
