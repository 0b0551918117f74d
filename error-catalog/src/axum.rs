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

#[cfg(test)]
mod tests {
    use http::StatusCode;
    use http_body_util::BodyExt;

    use super::respond;
    use crate::__private::{catalog_spec, error_spec, status_spec, wire_spec};
    use crate::wire::{WireMember, WireNode};
    use crate::{CatalogError, CatalogSpec, ErrorSpec, Unrecognized};

    const LAYOUT: &[WireMember] = &[WireMember {
        key: "code",
        node: WireNode::Code,
    }];
    static ERRORS: [ErrorSpec; 1] = [error_spec(
        "Busy",
        "BUSY",
        503,
        "Busy",
        "Busy",
        &[],
        "",
        "",
        None,
        false,
        false,
        true,
        None,
    )];
    static CATALOG: CatalogSpec = catalog_spec(
        "Hand-made",
        "",
        None,
        None,
        wire_spec(
            "code",
            "message",
            false,
            None,
            None,
            &[],
            Some("x-code"),
            LAYOUT,
        ),
        &[status_spec(503, "Service Unavailable", "")],
        &[],
        &ERRORS,
        &[],
    );

    /// A hand-made error, whose body the test decides.
    #[derive(Debug)]
    struct Busy;

    impl std::fmt::Display for Busy {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("Busy")
        }
    }

    impl std::error::Error for Busy {}

    impl CatalogError for Busy {
        fn catalog() -> &'static CatalogSpec {
            &CATALOG
        }
        fn spec(&self) -> &'static ErrorSpec {
            &ERRORS[0]
        }
        fn from_parts(status: StatusCode, _: &str, _: &str) -> Result<Self, Unrecognized> {
            Err(Unrecognized::new(
                &CATALOG,
                status,
                crate::UnrecognizedKind::UnknownCode,
            ))
        }
        fn retry_after(&self) -> Option<std::time::Duration> {
            Some(std::time::Duration::from_millis(2500))
        }
    }

    fn body(response: axum_core::response::Response) -> Vec<u8> {
        let collected = pollster::block_on(response.into_body().collect()).unwrap();
        collected.to_bytes().to_vec()
    }

    #[test]
    fn a_body_that_failed_to_serialize_is_a_500_with_no_body() {
        let failed = serde_json::from_str::<u8>("x").map(|_| Vec::new());
        let response = respond(&Busy, "application/json", failed);
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(response.headers().get("x-code").is_none());
        assert!(response.headers().get("retry-after").is_none());
        assert_eq!(body(response), b"");
    }

    #[test]
    fn a_hand_made_error_gets_its_headers_and_whole_seconds() {
        let response = respond(&Busy, "text/plain", Ok(b"busy".to_vec()));
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        let headers = response.headers();
        assert_eq!(headers["content-type"], "text/plain");
        assert_eq!(headers["x-code"], "BUSY");
        assert_eq!(headers["retry-after"], "2");
        assert_eq!(body(response), b"busy");
    }
}
