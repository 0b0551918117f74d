//! Feature `axum`: every generated enum, and `Problem<E>`, as an axum response: status,
//! content type, code header, `retry-after` and body.

use axum_core::response::{IntoResponse, Response};
use error_catalog::Problem;
use http::StatusCode;
use http::header::{CONTENT_TYPE, RETRY_AFTER};
use http_body_util::BodyExt;

#[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

mod problem {
    #[error_catalog::catalog(path = "catalogs/problem.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ProblemError {}
}
use problem::ProblemError;

mod integer {
    #[error_catalog::catalog(path = "catalogs/problem-integer.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum IntegerError {}
}
use integer::IntegerError;

/// A hand-written enum of a few entries: the derive implements `IntoResponse` too.
#[derive(Debug, Clone, PartialEq, Eq, error_catalog::CatalogError)]
#[catalog(path = "catalogs/problem.toml")]
pub enum Limited {
    /// Too many requests.
    RateLimited {
        /// The delay before a retry.
        seconds: u32,
    },
}

/// The status, the headers as `(name, value)` text, and the body.
fn parts(response: Response) -> (StatusCode, Vec<(String, String)>, Vec<u8>) {
    let (parts, body) = response.into_parts();
    let headers = parts
        .headers
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
        .collect();
    let body = pollster::block_on(body.collect()).unwrap().to_bytes();
    (parts.status, headers, body.to_vec())
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    let mut found = headers.iter().filter(|(key, _)| key == name);
    let value = found.next().map(|(_, value)| value.clone());
    assert!(found.next().is_none(), "`{name}` is sent once");
    value
}

#[test]
fn a_seed_error_is_its_status_json_and_wire_body() {
    let error = BackupError::ConflictingStorageName {
        storage_name: "vault-eu".into(),
    };
    let expected = serde_json::to_vec(&error).unwrap();
    let (status, headers, body) = parts(error.into_response());
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        headers,
        [("content-type".to_owned(), "application/json".to_owned())]
    );
    assert_eq!(
        body,
        br#"{"errorCode":"128","errorMessage":"Conflicting Storage name = vault-eu"}"#
    );
    assert_eq!(body, expected);
}

#[test]
fn the_code_header_and_retry_after_are_sent() {
    let (status, headers, body) = parts(ProblemError::RateLimited { seconds: 30 }.into_response());
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        header(&headers, "content-type").as_deref(),
        Some("application/json")
    );
    assert_eq!(
        header(&headers, "x-error-code").as_deref(),
        Some("RATE_LIMITED")
    );
    assert_eq!(
        header(&headers, RETRY_AFTER.as_str()).as_deref(),
        Some("30")
    );
    assert_eq!(headers.len(), 3);
    assert_eq!(
        body,
        br#"{"code":"RATE_LIMITED","message":"Too many requests, retry in 30 seconds"}"#
    );
    // No delay: no `retry-after`, the code header still.
    let (status, headers, _) = parts(ProblemError::Missing { id: 7 }.into_response());
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(header(&headers, "x-error-code").as_deref(), Some("MISSING"));
    assert_eq!(header(&headers, "retry-after"), None);
}

#[test]
fn a_negative_delay_sends_no_retry_after() {
    let (_, headers, body) = parts(IntegerError::Throttled { wait: -1 }.into_response());
    assert_eq!(header(&headers, "retry-after"), None);
    assert_eq!(
        body,
        br#"{"error":{"code":40029,"message":"Slow down for -1 seconds"}}"#
    );
    let (_, headers, _) = parts(IntegerError::Throttled { wait: 0 }.into_response());
    assert_eq!(header(&headers, "retry-after").as_deref(), Some("0"));
}

#[test]
fn a_derived_enum_is_a_response_too() {
    let (status, headers, body) = parts(Limited::RateLimited { seconds: 2 }.into_response());
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(header(&headers, "retry-after").as_deref(), Some("2"));
    assert_eq!(
        header(&headers, "x-error-code").as_deref(),
        Some("RATE_LIMITED")
    );
    assert_eq!(
        body,
        br#"{"code":"RATE_LIMITED","message":"Too many requests, retry in 2 seconds"}"#
    );
}

#[test]
fn a_problem_is_problem_json() {
    let error = ProblemError::RateLimited { seconds: 30 };
    let (status, headers, body) = parts(Problem(error.clone()).into_response());
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        header(&headers, CONTENT_TYPE.as_str()).as_deref(),
        Some("application/problem+json")
    );
    assert_eq!(
        header(&headers, "x-error-code").as_deref(),
        Some("RATE_LIMITED")
    );
    assert_eq!(header(&headers, "retry-after").as_deref(), Some("30"));
    assert_eq!(
        body,
        br#"{"type":"https://api.example.com/problems/RATE_LIMITED","title":"Slow Down","status":429,"detail":"Too many requests, retry in 30 seconds","code":"RATE_LIMITED","seconds":30}"#
    );
    // And back.
    assert_eq!(ProblemError::from_response(status, &body), Ok(error));

    let (status, headers, body) =
        parts(Problem(BackupError::ExportAlreadyInProgress).into_response());
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        headers,
        [(
            "content-type".to_owned(),
            "application/problem+json".to_owned()
        )]
    );
    assert_eq!(
        body,
        br#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Export Already in Progress","code":"140"}"#
    );
}

#[test]
fn every_seed_error_responds_with_its_status_and_body() {
    for error in BackupError::examples() {
        let (status, _, body) = parts(error.clone().into_response());
        assert_eq!(status, error.status());
        assert_eq!(BackupError::from_response(status, &body), Ok(error));
    }
}

/// The response of `error` to a request with `accept` as its `Accept-Language`, through the
/// extractor as axum runs it, and optionally as problem details.
fn localized_response(error: BackupError, accept: Option<&str>, problem: bool) -> Response {
    use axum_core::extract::FromRequestParts;
    use error_catalog::{AcceptLanguage, Localized};
    let mut request = http::Request::builder();
    if let Some(accept) = accept {
        request = request.header(http::header::ACCEPT_LANGUAGE, accept);
    }
    let (mut parts, ()) = request.body(()).unwrap().into_parts();
    let accept = pollster::block_on(AcceptLanguage::from_request_parts(&mut parts, &()))
        .unwrap_or_else(|never| match never {});
    let localized = Localized::new(error, &accept);
    if problem {
        Problem(localized).into_response()
    } else {
        localized.into_response()
    }
}

#[test]
fn a_localized_error_answers_in_the_language_the_request_prefers() {
    let error = BackupError::StorageNotFound {
        storage_id: "s-17".into(),
    };
    let cases = [
        (
            Some("de"),
            "de",
            "Speicherdetails für storageId = s-17 nicht gefunden",
        ),
        (
            Some("de-CH, en;q=0.8"),
            "de",
            "Speicherdetails für storageId = s-17 nicht gefunden",
        ),
        // Weights, not the order, decide; `q=0` excludes.
        (
            Some("en;q=0.4, de;q=0.9"),
            "de",
            "Speicherdetails für storageId = s-17 nicht gefunden",
        ),
        (
            Some("de;q=0, fr"),
            "en",
            "Storage Details not found for storageId = s-17",
        ),
        (
            Some("fr, ja"),
            "en",
            "Storage Details not found for storageId = s-17",
        ),
        (
            Some("*"),
            "en",
            "Storage Details not found for storageId = s-17",
        ),
        (
            Some("not a language!"),
            "en",
            "Storage Details not found for storageId = s-17",
        ),
        (None, "en", "Storage Details not found for storageId = s-17"),
    ];
    for (accept, language, message) in cases {
        let (status, headers, body) = parts(localized_response(error.clone(), accept, false));
        assert_eq!(status, StatusCode::NOT_FOUND, "{accept:?}");
        assert_eq!(
            header(&headers, "content-type").as_deref(),
            Some("application/json")
        );
        assert_eq!(
            header(&headers, "content-language").as_deref(),
            Some(language),
            "{accept:?}"
        );
        assert_eq!(header(&headers, "vary").as_deref(), Some("accept-language"));
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["errorCode"], "129");
        assert_eq!(json["errorMessage"], message, "{accept:?}");
        // The client reads it back as the same variant, whatever the language.
        assert_eq!(BackupError::from_response(status, &body), Ok(error.clone()));
    }
}

#[test]
fn an_entry_the_locale_does_not_translate_says_the_language_it_is_in() {
    let error = BackupError::InvalidBackupId {
        backup_id: "b-1".into(),
    };
    let (_, headers, body) = parts(localized_response(error, Some("de"), false));
    assert_eq!(header(&headers, "content-language").as_deref(), Some("en"));
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        json["errorMessage"],
        "The backupId : b-1 is invalid or does not belong to operation Backup"
    );
}

#[test]
fn a_localized_problem_translates_title_and_detail_but_not_type_or_code() {
    let error = BackupError::ConflictingStorageName {
        storage_name: "vault".into(),
    };
    let (status, headers, body) = parts(localized_response(error.clone(), Some("de-AT"), true));
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        header(&headers, "content-type").as_deref(),
        Some("application/problem+json")
    );
    assert_eq!(header(&headers, "content-language").as_deref(), Some("de"));
    assert_eq!(header(&headers, "vary").as_deref(), Some("accept-language"));
    assert_eq!(
        String::from_utf8(body.clone()).unwrap(),
        r#"{"type":"about:blank","title":"Konflikt","status":409,"detail":"Speichername = vault ist bereits vergeben","code":"128","storage_name":"vault"}"#
    );
    assert_eq!(BackupError::from_response(status, &body), Ok(error));
}

#[test]
fn a_catalog_without_locales_answers_with_no_content_language() {
    use error_catalog::Localized;
    let error = ProblemError::RateLimited { seconds: 3 };
    let (_, headers, body) = parts(Localized::new(error.clone(), "de").into_response());
    assert_eq!(header(&headers, "content-language"), None);
    assert_eq!(header(&headers, "vary").as_deref(), Some("accept-language"));
    assert_eq!(body, serde_json::to_vec(&error).unwrap());
}
