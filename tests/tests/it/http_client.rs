//! Reading whole HTTP responses (`from_http`, `from_http_response`): the catalog's code
//! header, the `Retry-After` header, whether a response may be retried, a `retry_after`
//! field, and internal causes (`caused_by`), with the catalog `catalogs/http-client.toml`.

use std::error::Error as _;
use std::time::{Duration, SystemTime};

use error_catalog::{BodyError, CatalogError, Caused, Unrecognized, UnrecognizedKind};
use http::{HeaderMap, HeaderValue, Response, StatusCode};

#[error_catalog::catalog(path = "catalogs/http-client.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {}

/// A response with `status`, the headers `headers` and the body `body`, as an HTTP client
/// hands it over once the body is collected.
fn response(status: u16, headers: &[(&str, &[u8])], body: &str) -> Response<Vec<u8>> {
    let mut builder = Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, HeaderValue::from_bytes(value).unwrap());
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

/// Reads `response` both ways, through the response and through its parts, and checks that
/// they agree.
fn read(response: &Response<Vec<u8>>) -> Result<HttpError, Unrecognized> {
    let whole = HttpError::from_http_response(response);
    let parts = HttpError::from_http(response.status(), response.headers(), response.body());
    assert_eq!(whole, parts);
    let through_trait = <HttpError as CatalogError>::from_http_response(response);
    assert_eq!(whole, through_trait);
    whole
}

fn unrecognized(status: u16, kind: UnrecognizedKind) -> Unrecognized {
    Unrecognized::new(
        HttpError::catalog(),
        StatusCode::from_u16(status).unwrap(),
        kind,
    )
}

#[test]
fn the_catalog_declares_the_code_header() {
    assert_eq!(HttpError::catalog().wire.header, Some("x-error-code"));
}

#[test]
fn the_header_code_stands_in_for_a_body_without_one() {
    let body = r#"{"message":"Version conflict on policy p-9"}"#;
    let with_header = response(409, &[("x-error-code", b"CONFLICT")], body);
    assert_eq!(
        read(&with_header),
        Ok(HttpError::VersionConflict {
            resource: "policy p-9".into()
        })
    );
    // Without the header the body alone is not an error body; `from_response` never reads
    // headers.
    let without = response(409, &[], body);
    let expected = unrecognized(
        409,
        UnrecognizedKind::NotAnErrorBody(BodyError::MissingKey("code")),
    )
    .with_message("Version conflict on policy p-9");
    assert_eq!(read(&without), Err(expected.clone()));
    assert_eq!(
        HttpError::from_response(StatusCode::CONFLICT, with_header.body()),
        Err(expected)
    );
}

#[test]
fn header_names_are_case_insensitive_and_values_trimmed() {
    let with_header = response(503, &[("X-Error-Code", b" UNAVAILABLE ")], "");
    assert_eq!(read(&with_header), Ok(HttpError::Unavailable));
}

#[test]
fn an_empty_or_foreign_body_with_the_header_is_the_entry_without_placeholders() {
    for body in [
        "",
        "<html>Service Unavailable</html>",
        "[1, 2]",
        "{}",
        r#"{"code":null}"#,
    ] {
        let with_header = response(503, &[("x-error-code", b"UNAVAILABLE")], body);
        assert_eq!(read(&with_header), Ok(HttpError::Unavailable), "{body}");
    }
}

#[test]
fn without_a_message_the_entry_without_placeholders_is_chosen_received_status_first() {
    let at = |status, code: &[u8]| read(&response(status, &[("x-error-code", code)], "{}"));
    // The 404 entry of `GONE` has a placeholder, so the 410 one is taken even at 404.
    assert_eq!(at(404, b"GONE"), Ok(HttpError::Gone));
    assert_eq!(at(410, b"GONE"), Ok(HttpError::Gone));
    // Both entries of `LOCKED` have none: the received status decides, then catalog order.
    assert_eq!(at(409, b"LOCKED"), Ok(HttpError::LockedElsewhere));
    assert_eq!(at(423, b"LOCKED"), Ok(HttpError::LockedHere));
    assert_eq!(at(500, b"LOCKED"), Ok(HttpError::LockedHere));
    // Only an entry with placeholders: the code is kept, and there is no message.
    assert_eq!(
        at(400, b"QUOTA"),
        Err(unrecognized(400, UnrecognizedKind::MessageMismatch).with_code("QUOTA"))
    );
    // A code the catalog does not have.
    assert_eq!(
        at(400, b"NOPE"),
        Err(unrecognized(400, UnrecognizedKind::UnknownCode).with_code("NOPE"))
    );
}

#[test]
fn a_message_that_does_not_fit_the_header_code_is_a_mismatch_that_keeps_both() {
    let body = r#"{"message":"Quota of many exceeded"}"#;
    let error = read(&response(400, &[("x-error-code", b"QUOTA")], body)).unwrap_err();
    assert_eq!(
        error,
        unrecognized(400, UnrecognizedKind::MessageMismatch)
            .with_code("QUOTA")
            .with_message("Quota of many exceeded")
    );
    assert_eq!(
        error.entries().map(|spec| spec.name).collect::<Vec<_>>(),
        ["QuotaExceeded"]
    );
    // With the message of another entry of the code: the message decides, not the
    // placeholder-free rule.
    let body = r#"{"message":"report r-2 is not here"}"#;
    assert_eq!(
        read(&response(410, &[("x-error-code", b"GONE")], body)),
        Ok(HttpError::NotHere {
            thing: "report r-2".into()
        })
    );
}

#[test]
fn the_body_code_wins_over_the_header() {
    let body = r#"{"code":"GONE","message":"Gone"}"#;
    let both = response(410, &[("x-error-code", b"UNAVAILABLE")], body);
    assert_eq!(read(&both), Ok(HttpError::Gone));
    // Even when the body's message does not fit its code: the header is not tried.
    let body = r#"{"code":"GONE","message":"Service unavailable"}"#;
    assert_eq!(
        read(&response(503, &[("x-error-code", b"UNAVAILABLE")], body)),
        Err(unrecognized(503, UnrecognizedKind::MessageMismatch)
            .with_code("GONE")
            .with_message("Service unavailable"))
    );
    // And when the body has a code but no message.
    let body = r#"{"code":"GONE"}"#;
    assert_eq!(
        read(&response(410, &[("x-error-code", b"UNAVAILABLE")], body)),
        Ok(HttpError::Gone)
    );
}

#[test]
fn a_body_with_a_code_and_no_message_is_read_as_the_code_header_alone() {
    // As `{}` with the code header: the entry of the code without placeholders, of the
    // received status first.
    let at = |status, body: &str| read(&response(status, &[], body));
    assert_eq!(
        at(503, r#"{"code":"UNAVAILABLE"}"#),
        Ok(HttpError::Unavailable)
    );
    assert_eq!(at(404, r#"{"code":"GONE"}"#), Ok(HttpError::Gone));
    assert_eq!(
        at(409, r#"{"code":"LOCKED"}"#),
        Ok(HttpError::LockedElsewhere)
    );
    assert_eq!(
        at(423, r#"{"code":"LOCKED","other":[1]}"#),
        Ok(HttpError::LockedHere)
    );
    assert_eq!(
        HttpError::from_response(
            StatusCode::SERVICE_UNAVAILABLE,
            br#"{"code":"UNAVAILABLE"}"#
        ),
        Ok(HttpError::Unavailable)
    );
    // Only entries with placeholders: the code is kept, without a message.
    assert_eq!(
        at(400, r#"{"code":"QUOTA"}"#),
        Err(unrecognized(400, UnrecognizedKind::MessageMismatch).with_code("QUOTA"))
    );
    assert_eq!(
        at(400, r#"{"code":"NOPE"}"#),
        Err(unrecognized(400, UnrecognizedKind::UnknownCode).with_code("NOPE"))
    );
    // A message that is there but not a string is still not an error body.
    assert_eq!(
        at(503, r#"{"code":"UNAVAILABLE","message":null}"#),
        Err(unrecognized(
            503,
            UnrecognizedKind::NotAnErrorBody(BodyError::NotAString("message"))
        )
        .with_code("UNAVAILABLE"))
    );
    // The retry delay is kept on what is not recognized.
    let response = response(400, &[("retry-after", b"7")], r#"{"code":"QUOTA"}"#);
    assert_eq!(
        read(&response).unwrap_err().retry_after(),
        Some(Duration::from_secs(7))
    );
}

#[test]
fn a_header_value_that_is_not_utf8_is_ignored() {
    for value in [&b"UNAVAIL\xffBLE"[..], b"", b"   "] {
        assert_eq!(
            read(&response(503, &[("x-error-code", value)], "{}")),
            Err(unrecognized(
                503,
                UnrecognizedKind::NotAnErrorBody(BodyError::MissingKey("code"))
            )),
            "{}",
            String::from_utf8_lossy(value)
        );
    }
}

#[test]
fn a_derived_enum_reads_the_header_for_its_own_variants() {
    #[derive(Debug, PartialEq, error_catalog::CatalogError)]
    #[catalog(path = "catalogs/http-client.toml")]
    enum Few {
        Gone,
        NotHere { thing: String },
    }
    let at = |status, code: &[u8]| {
        Few::from_http_response(&response(status, &[("x-error-code", code)], ""))
    };
    assert_eq!(at(404, b"GONE"), Ok(Few::Gone));
    // A code of the catalog that no variant holds.
    assert_eq!(
        at(503, b"UNAVAILABLE").unwrap_err().kind(),
        &UnrecognizedKind::UnknownCode
    );
}

/// A hand-written implementation, which gets the trait's default `from_http`.
mod hand {
    use super::*;

    #[derive(Debug, PartialEq)]
    pub struct Hand(pub HttpError);

    impl std::fmt::Display for Hand {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            self.0.fmt(f)
        }
    }

    impl std::error::Error for Hand {}

    impl CatalogError for Hand {
        fn catalog() -> &'static error_catalog::CatalogSpec {
            HttpError::catalog()
        }
        fn spec(&self) -> &'static error_catalog::ErrorSpec {
            self.0.spec()
        }
        fn from_parts(status: StatusCode, code: &str, message: &str) -> Result<Self, Unrecognized> {
            HttpError::from_parts(status, code, message).map(Hand)
        }
    }
}

#[test]
fn the_default_from_http_of_a_hand_written_implementation_agrees() {
    use hand::Hand;
    let cases: &[(u16, &[u8], &str)] = &[
        (404, b"GONE", ""),
        (409, b"LOCKED", "{}"),
        (423, b"LOCKED", "{}"),
        (400, b"QUOTA", ""),
        (400, b"NOPE", ""),
        (409, b"CONFLICT", r#"{"message":"Version conflict on x"}"#),
        (409, b"CONFLICT", r#"{"message":"no"}"#),
        (410, b"UNAVAILABLE", r#"{"code":"GONE","message":"Gone"}"#),
        (503, b"GONE", r#"{"code":"UNAVAILABLE"}"#),
        (400, b"GONE", r#"{"code":"QUOTA"}"#),
    ];
    for &(status, code, body) in cases {
        let response = response(
            status,
            &[("x-error-code", code), ("retry-after", b"5")],
            body,
        );
        assert_eq!(
            Hand::from_http_response(&response),
            read(&response).map(Hand),
            "{status} {body}"
        );
    }
}

#[test]
fn retry_after_seconds_on_an_unrecognized_response() {
    let error = read(&response(503, &[("retry-after", b"120")], "")).unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert!(
        matches!(
            error.kind(),
            UnrecognizedKind::NotAnErrorBody(BodyError::NotJson(_))
        ),
        "{error:?}"
    );
    // Also when the code is known but the message does not fit.
    let body = r#"{"code":"UNAVAILABLE","message":"Back soon"}"#;
    let error = read(&response(503, &[("retry-after", b"0")], body)).unwrap_err();
    assert_eq!(error.kind(), &UnrecognizedKind::MessageMismatch);
    assert_eq!(error.retry_after(), Some(Duration::ZERO));
    // `from_response` has no headers.
    assert_eq!(
        HttpError::from_response(StatusCode::SERVICE_UNAVAILABLE, body.as_bytes())
            .unwrap_err()
            .retry_after(),
        None
    );
}

#[test]
fn retry_after_as_an_http_date() {
    let then = SystemTime::now() + Duration::from_secs(120);
    let date = httpdate::fmt_http_date(then);
    let error = read(&response(503, &[("retry-after", date.as_bytes())], "")).unwrap_err();
    let delay = error.retry_after().unwrap();
    // The date drops the fraction of a second, and reading takes a moment.
    assert!(
        (Duration::from_secs(110)..=Duration::from_secs(120)).contains(&delay),
        "{delay:?}"
    );
    // The free function reads the same header alike.
    let again = retry_after_of(&date).unwrap();
    assert!(
        (Duration::from_secs(110)..=delay).contains(&again),
        "{again:?} after {delay:?}"
    );

    // A date in the past: retry now.
    let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(3600));
    let error = read(&response(429, &[("retry-after", past.as_bytes())], "")).unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::ZERO));
}

/// The free function on a header map with one `Retry-After`.
fn retry_after_of(value: &str) -> Option<Duration> {
    let mut headers = HeaderMap::new();
    headers.insert(
        http::header::RETRY_AFTER,
        HeaderValue::from_str(value).unwrap(),
    );
    error_catalog::retry_after(&headers)
}

#[test]
fn retry_after_garbage_or_absent_is_none() {
    for value in [
        &b"soon"[..],
        b"-1",
        b"1.5",
        b"+3",
        b"",
        b"\xff",
        b"Mon, 99 Foo 2024 25:61:61 GMT",
    ] {
        let error = read(&response(503, &[("retry-after", value)], "")).unwrap_err();
        assert_eq!(
            error.retry_after(),
            None,
            "{}",
            String::from_utf8_lossy(value)
        );
    }
    let error = read(&response(503, &[], "")).unwrap_err();
    assert_eq!(error.retry_after(), None);
    assert_eq!(error_catalog::retry_after(&HeaderMap::new()), None);
    assert_eq!(retry_after_of("later"), None);
}

#[test]
fn the_retry_after_header_does_not_change_a_typed_error() {
    let body = r#"{"code":"THROTTLED","message":"Too many requests, retry in 30 seconds"}"#;
    let error = read(&response(429, &[("retry-after", b"99")], body)).unwrap();
    assert_eq!(error, HttpError::Throttled { seconds: 30 });
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
}

#[test]
fn unrecognized_retry_after_builder() {
    let base = unrecognized(503, UnrecognizedKind::UnknownCode);
    assert_eq!(base.retry_after(), None);
    let set = base.clone().with_retry_after(Duration::from_secs(7));
    assert_eq!(set.retry_after(), Some(Duration::from_secs(7)));
    assert_ne!(set, base, "the delay is part of what was received");
    assert!(
        format!("{set:?}").ends_with(", retry_after: 7s }"),
        "{set:?}"
    );
    assert!(!format!("{base:?}").contains("retry_after"), "{base:?}");
    // Whole seconds, a fraction counting as one; an absurd delay is clamped.
    let fraction = base.clone().with_retry_after(Duration::from_millis(1500));
    assert_eq!(fraction.retry_after(), Some(Duration::from_secs(2)));
    let zero = base.clone().with_retry_after(Duration::ZERO);
    assert_eq!(zero.retry_after(), Some(Duration::ZERO));
    let huge = base.with_retry_after(Duration::MAX);
    assert_eq!(
        huge.retry_after(),
        Some(Duration::from_secs(u64::from(u32::MAX - 1)))
    );
}

#[test]
fn unrecognized_is_retryable_by_status() {
    for (status, retryable) in [
        (429, true),
        (503, true),
        (504, true),
        (500, false),
        (502, false),
        (409, false),
        (404, false),
    ] {
        let error = read(&response(status, &[], "not json")).unwrap_err();
        assert_eq!(error.is_retryable(), retryable, "{status}");
    }
}

#[test]
fn typed_errors_are_retryable_by_status_unless_the_catalog_says_otherwise() {
    let cases = [
        (HttpError::Throttled { seconds: 1 }, true),
        // 503 by default, 503 with `retryable = false`.
        (HttpError::Unavailable, true),
        (
            HttpError::Maintenance {
                until: "Monday".into(),
            },
            false,
        ),
        // 409 with `retryable = true`, 409 by default.
        (
            HttpError::VersionConflict {
                resource: "r".into(),
            },
            true,
        ),
        (HttpError::LockedElsewhere, false),
        (HttpError::Gone, false),
        (HttpError::ClockSkew { skew: 1 }, false),
    ];
    for (error, retryable) in cases {
        assert_eq!(error.is_retryable(), retryable, "{error:?}");
        assert_eq!(error.spec().retryable, retryable, "{error:?}");
        let dynamic: &dyn CatalogError = &error;
        assert_eq!(dynamic.is_retryable(), retryable, "{error:?}");
    }
}

#[test]
fn retry_after_comes_from_the_named_field() {
    assert_eq!(
        HttpError::Throttled { seconds: 30 }.retry_after(),
        Some(Duration::from_secs(30))
    );
    assert_eq!(
        HttpError::Throttled { seconds: u32::MAX }.retry_after(),
        Some(Duration::from_secs(u64::from(u32::MAX)))
    );
    assert_eq!(
        HttpError::ClockSkew { skew: 7 }.retry_after(),
        Some(Duration::from_secs(7))
    );
    assert_eq!(
        HttpError::ClockSkew { skew: 0 }.retry_after(),
        Some(Duration::ZERO)
    );
    // A negative delay is none at all.
    assert_eq!(HttpError::ClockSkew { skew: -5 }.retry_after(), None);
    assert_eq!(HttpError::ClockSkew { skew: i64::MIN }.retry_after(), None);
    // Entries without a `retry_after` field.
    assert_eq!(HttpError::Unavailable.retry_after(), None);
    assert_eq!(HttpError::QuotaExceeded { limit: 9 }.retry_after(), None);
    let dynamic: &dyn CatalogError = &HttpError::Throttled { seconds: 2 };
    assert_eq!(dynamic.retry_after(), Some(Duration::from_secs(2)));
    // Read back from a response.
    let body = r#"{"code":"SKEW","message":"Clock skew of -5 seconds"}"#;
    assert_eq!(read(&response(400, &[], body)).unwrap().retry_after(), None);
}

#[derive(Debug)]
struct Outer {
    inner: std::io::Error,
}

impl std::fmt::Display for Outer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("policy store unreachable")
    }
}

impl std::error::Error for Outer {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner)
    }
}

#[test]
fn caused_keeps_the_cause_for_logs_and_sends_the_error_alone() {
    let error = HttpError::VersionConflict {
        resource: "policy p-1".into(),
    };
    let caused: Caused<HttpError> = error.clone().caused_by(Outer {
        inner: std::io::Error::other("connection reset by peer"),
    });

    // What the client gets: the same message and the same body, byte for byte.
    assert_eq!(caused.to_string(), error.to_string());
    assert_eq!(format!("{caused:>40}"), format!("{error:>40}"));
    assert_eq!(
        serde_json::to_vec(&caused).unwrap(),
        serde_json::to_vec(&error).unwrap()
    );
    assert!(
        !serde_json::to_string(&caused)
            .unwrap()
            .contains("unreachable")
    );

    // What the logs get: the source chain, and `Debug`.
    let mut chain = vec![caused.to_string()];
    let mut next = caused.source();
    while let Some(error) = next {
        chain.push(error.to_string());
        next = error.source();
    }
    assert_eq!(
        chain,
        [
            "Version conflict on policy p-1",
            "policy store unreachable",
            "connection reset by peer"
        ]
    );
    let debug = format!("{caused:?}");
    assert!(
        debug.contains("VersionConflict") && debug.contains("connection reset by peer"),
        "{debug}"
    );

    // The error through `Deref` and the accessors.
    assert_eq!(caused.code(), "CONFLICT");
    assert_eq!(caused.status(), StatusCode::CONFLICT);
    assert!(caused.is_retryable());
    assert_eq!(caused.error(), &error);
    assert_eq!(caused.cause().to_string(), "policy store unreachable");
    let (back, cause) = caused.into_parts();
    assert_eq!(back, error);
    assert_eq!(cause.to_string(), "policy store unreachable");
}

#[test]
fn caused_by_takes_strings_and_boxed_errors() {
    let caused = HttpError::Unavailable.caused_by("replica lag over 30 s");
    assert_eq!(
        caused.source().unwrap().to_string(),
        "replica lag over 30 s"
    );
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(std::io::Error::other("disk"));
    let caused = Caused::new(HttpError::Gone, boxed);
    assert_eq!(caused.cause().to_string(), "disk");
    assert_eq!(caused.into_inner(), HttpError::Gone);
    // Sendable across threads, as an error a handler returns must be.
    fn send_sync<T: Send + Sync + 'static>(_: &T) {}
    send_sync(&HttpError::Gone.caused_by("x"));
}

#[test]
fn unrecognized_and_its_reasons_honour_width_and_precision() {
    // As the enum's own `Display` does, and as a `str` would.
    let error = HttpError::from_response(StatusCode::BAD_REQUEST, b"{").unwrap_err();
    let text = error.to_string();
    assert_eq!(format!("{error:>200}"), format!("{text:>200}"));
    assert_eq!(format!("{error:.11}"), "unrecognize");
    assert_eq!(
        format!("{error:-^200.11}"),
        format!("{:-^200}", "unrecognize")
    );
    let UnrecognizedKind::NotAnErrorBody(reason) = error.kind() else {
        panic!("{error:?}");
    };
    let text = reason.to_string();
    assert_eq!(format!("{reason:<100}|"), format!("{text:<100}|"));
    let BodyError::NotJson(json) = reason else {
        panic!("{reason:?}");
    };
    let text = json.to_string();
    assert_eq!(format!("{json:>90}"), format!("{text:>90}"));
    assert_eq!(format!("{json:.3}"), "EOF");
    let missing = BodyError::MissingKey("/error/code");
    assert_eq!(
        format!("{missing:>40}"),
        format!("{:>40}", missing.to_string())
    );
    // Without either, the text is written as it is.
    assert_eq!(format!("{error}"), error.to_string());
}
