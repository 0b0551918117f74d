//! `overlapping = true`: a message that fits several overlapping templates of one code and
//! status is read as the most specific entry (most literal characters, ties in catalog order),
//! whatever the catalog order; the catch-all gets the rest.

use error_catalog::UnrecognizedKind;
use http::StatusCode;

#[error_catalog::catalog(path = "catalogs/overlap.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlapError {}

fn parse(status: StatusCode, code: &str, message: &str) -> OverlapError {
    OverlapError::from_parts(status, code, message).unwrap()
}

fn other(message: &str) -> OverlapError {
    OverlapError::Other {
        message: message.into(),
    }
}

#[test]
fn the_specific_template_wins_although_the_catch_all_comes_first() {
    let error = parse(StatusCode::BAD_REQUEST, "E9", "quota disk exceeded by 5");
    assert_eq!(
        error,
        OverlapError::QuotaExceeded {
            name: "disk".into(),
            amount: 5,
        }
    );
    assert_eq!(error.to_string(), "quota disk exceeded by 5");
    assert_eq!(
        parse(StatusCode::BAD_REQUEST, "E9", "rate limit of 10 reached"),
        OverlapError::RateLimited { limit: 10 }
    );
}

#[test]
fn the_catch_all_gets_the_rest() {
    for message in ["something else", "quota disk", "rate limit of many reached"] {
        assert_eq!(
            parse(StatusCode::BAD_REQUEST, "E9", message),
            other(message),
            "{message}"
        );
    }
}

#[test]
fn a_field_that_does_not_parse_falls_through_to_the_catch_all() {
    // `amount` is a `u32`: neither `-1` nor a number above `u32::MAX` is one.
    for message in [
        "quota disk exceeded by -1",
        "quota disk exceeded by 4294967296",
        "quota disk exceeded by 007",
    ] {
        assert_eq!(
            parse(StatusCode::BAD_REQUEST, "E9", message),
            other(message),
            "{message}"
        );
    }
}

#[test]
fn the_received_status_still_comes_first() {
    // `NotFound` (404) fits, but the catch-all of the received status 400 is tried first.
    assert_eq!(
        parse(StatusCode::BAD_REQUEST, "E9", "no quota disk"),
        other("no quota disk")
    );
    assert_eq!(
        parse(StatusCode::NOT_FOUND, "E9", "no quota disk"),
        OverlapError::NotFound {
            name: "disk".into()
        }
    );
    // No entry of 404 fits: the entries of 400 are tried next, most specific first.
    assert_eq!(
        parse(StatusCode::NOT_FOUND, "E9", "quota disk exceeded by 5"),
        OverlapError::QuotaExceeded {
            name: "disk".into(),
            amount: 5,
        }
    );
}

#[test]
fn equally_specific_templates_are_tried_in_catalog_order() {
    let prefixed = |x: &str| OverlapError::Prefixed { x: x.into() };
    let suffixed = |x: &str| OverlapError::Suffixed { x: x.into() };
    assert_eq!(
        parse(StatusCode::BAD_REQUEST, "E10", "a z b"),
        prefixed("z b")
    );
    assert_eq!(parse(StatusCode::BAD_REQUEST, "E10", "z b"), suffixed("z"));
    assert_eq!(parse(StatusCode::BAD_REQUEST, "E10", "a z"), prefixed("z"));
    let unrecognized = OverlapError::from_parts(StatusCode::BAD_REQUEST, "E10", "z").unwrap_err();
    assert_eq!(unrecognized.kind(), &UnrecognizedKind::MessageMismatch);
}

#[test]
fn the_metadata_says_which_entries_overlap() {
    let overlapping: Vec<&str> = OverlapError::catalog()
        .errors
        .iter()
        .filter(|spec| spec.overlapping)
        .map(|spec| spec.name)
        .collect();
    assert_eq!(
        overlapping,
        [
            "Other",
            "QuotaExceeded",
            "RateLimited",
            "Prefixed",
            "Suffixed"
        ]
    );
}

/// A body whose fields (a problem's extension members here) contradict a message that the
/// specific template reads is contradictory: no less specific entry may read it instead,
/// since a catch-all would take the message as something the server did not mean, and that
/// value would not even read back as itself. The raw code and message are kept.
#[test]
fn fields_that_contradict_a_specific_message_leave_it_unrecognized() {
    let status = StatusCode::BAD_REQUEST;
    let body = br#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quota n exceeded by 1","code":"E9","name":"n","amount":2}"#;
    let unrecognized = OverlapError::from_response(status, body).unwrap_err();
    assert_eq!(unrecognized.kind(), &UnrecognizedKind::MessageMismatch);
    assert_eq!(unrecognized.code(), Some("E9"));
    assert_eq!(unrecognized.message(), Some("quota n exceeded by 1"));
    // Members that agree, or none at all, read as the specific entry.
    let agreeing = br#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quota n exceeded by 1","code":"E9","name":"n","amount":1}"#;
    let quota = OverlapError::QuotaExceeded {
        name: "n".into(),
        amount: 1,
    };
    assert_eq!(
        OverlapError::from_response(status, agreeing),
        Ok(quota.clone())
    );
    let bare = br#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quota n exceeded by 1","code":"E9"}"#;
    assert_eq!(OverlapError::from_response(status, bare), Ok(quota));
    // A message that the specific template does not read still goes to the catch-all,
    // whatever members the body has.
    let other_message = br#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quota n","code":"E9","name":"n","amount":2}"#;
    assert_eq!(
        OverlapError::from_response(status, other_message),
        Ok(other("quota n"))
    );
}
