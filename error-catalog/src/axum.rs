//! The server side in axum (feature `axum`): every generated error enum, and [`Problem`]
//! with `problem-details`, as an `axum::response::Response`.
//!
//! [`Problem`]: crate::Problem

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, RETRY_AFTER, VARY};
use http::{HeaderValue, StatusCode};

use crate::__private::Generated;
use crate::{CatalogError, Localized};

/// The body of the generated `IntoResponse`: the entry's status, `content-type:
/// application/json`, the code header and `retry-after` where they apply, and the catalog's
/// wire body.
pub fn into_response<E: Generated + serde::Serialize>(error: &E) -> Response {
    respond(error, "application/json", serde_json::to_vec(error))
}

/// The response of the error in the locale chosen: as the error's own, with the message in
/// that locale, `Content-Language` naming the locale the message is in (after the fallback of
/// an entry the chosen locale does not translate; none for a catalog that names no locale),
/// and `Vary: Accept-Language`, since the body depends on it.
impl<E: Generated> IntoResponse for Localized<'_, E> {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self);
        respond_in(
            self.error(),
            "application/json",
            body,
            self.message_locale(),
        )
    }
}

/// [`respond`], with `Content-Language: locale` when there is one, and `Accept-Language`
/// added to `Vary`; a body that failed to serialize is written in no language, and gets
/// neither.
pub(crate) fn respond_in<E: CatalogError>(
    error: &E,
    content_type: &'static str,
    body: serde_json::Result<Vec<u8>>,
    locale: Option<&str>,
) -> Response {
    let written = body.is_ok();
    let mut response = respond(error, content_type, body);
    if !written {
        return response;
    }
    let headers = response.headers_mut();
    if let Some(value) = locale.and_then(|locale| HeaderValue::from_str(locale).ok()) {
        headers.insert(CONTENT_LANGUAGE, value);
    }
    headers.append(VARY, HeaderValue::from_static("accept-language"));
    response
}

/// A response for `error` with `body`, written in `content_type`: the entry's status, the
/// code header when the catalog declares one, `retry-after` when the error has a delay (in
/// whole seconds, a fraction of a second counting as one, so that a client never retries
/// early; see [`retry::header_seconds`](crate::retry::header_seconds)). A body
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
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from(crate::retry::header_seconds(delay)),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

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

    /// A hand-made error, whose body the test decides, with the delay it asks for.
    #[derive(Debug)]
    struct Busy(std::time::Duration);

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
            Some(self.0)
        }
    }

    fn body(response: axum_core::response::Response) -> Vec<u8> {
        let collected = pollster::block_on(response.into_body().collect()).unwrap();
        collected.to_bytes().to_vec()
    }

    #[test]
    fn a_body_that_failed_to_serialize_is_a_500_with_no_body() {
        let failed = serde_json::from_str::<u8>("x").map(|_| Vec::new());
        let response = respond(&Busy(Duration::from_secs(1)), "application/json", failed);
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(response.headers().get("x-code").is_none());
        assert!(response.headers().get("retry-after").is_none());
        assert_eq!(body(response), b"");
    }

    #[test]
    fn a_hand_made_error_gets_its_headers_and_whole_seconds() {
        let busy = Busy(Duration::from_millis(2500));
        let response = respond(&busy, "text/plain", Ok(b"busy".to_vec()));
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        let headers = response.headers();
        assert_eq!(headers["content-type"], "text/plain");
        assert_eq!(headers["x-code"], "BUSY");
        // A fraction of a second still to wait counts as a whole one, as a client reads it.
        assert_eq!(headers["retry-after"], "3");
        assert_eq!(body(response), b"busy");
    }

    #[test]
    fn retry_after_rounds_a_fraction_of_a_second_up() {
        let cases = [
            (Duration::ZERO, "0".to_owned()),
            (Duration::from_nanos(1), "1".to_owned()),
            (Duration::from_millis(500), "1".to_owned()),
            (Duration::from_secs(1), "1".to_owned()),
            (Duration::from_millis(1001), "2".to_owned()),
            (Duration::from_secs(u64::MAX), u64::MAX.to_string()),
            (Duration::MAX, u64::MAX.to_string()),
        ];
        for (delay, expected) in cases {
            let response = respond(&Busy(delay), "text/plain", Ok(Vec::new()));
            assert_eq!(response.headers()["retry-after"], *expected, "{delay:?}");
            // What a client reads back is at least the delay asked for.
            let read = crate::retry_after(response.headers()).unwrap();
            assert!(read >= delay || read.as_secs() == u64::MAX, "{delay:?}");
        }
    }
}
